"""Indonesian event rules of the sixth session (sentences written for these tests; no news text copied)."""

from test_events_id_rules import events


def test_a_leads_agentless_request_is_not_given_to_a_speaker_who_states_facts():
    text = (
        "PONTIANAK, KOMPAS — Pemerintah daerah diminta memperbanyak tes. Kasus baru ditemukan di tiga kabupaten. "
        '"Pasien itu tertular dari keluarganya," kata Kepala Dinas Kesehatan Kalimantan Barat Budi Hartono, Senin.'
    )
    assert not events([text], "REQUEST")
    # a speaker who says what should be done made the request
    text = text.replace("Pasien itu tertular dari keluarganya", "Pemerintah daerah harus bergerak cepat")
    assert [r for t, _, r in events([text], "REQUEST")] == ["pemerintah daerah"]


def test_the_one_examined_is_not_the_one_who_asks():
    text = (
        "Polres Kendari memeriksa kasus itu. Tiga pegawai dan kepala desa itu telah diperiksa. Audit keuangan desa "
        "didesak segera dilakukan."
    )
    assert ("REQUEST", "kepala desa", None) not in events([text])
    assert not [a for t, a, _ in events([text], "REQUEST") if a == "kepala desa"]


def test_a_reproach_between_private_people_is_no_event():
    assert not events(["Pemilik warung bernama Joni mempertanyakan keberadaan Dodi di depan tokonya."])
    # a public party on either side keeps it
    found = events(
        ["Anggota DPR Budi Santoso mempertanyakan Menteri Kesehatan Agus Salim soal vaksin."], "ACCUSE"
    )
    assert found and found[0][1] == "Budi Santoso"


def test_an_attack_on_a_named_person_with_no_attacker_named_is_an_unnamed_attackers():
    found = events(["Pembunuhan terhadap Siti Aminah terjadi di rumahnya di Bekasi, Senin."])
    assert [(t, a, r) for t, a, r in found] == [("ASSAULT", "pelaku", "Siti Aminah")]
    found = events(["BEKASI, KOMPAS — Siti Aminah dibunuh di rumahnya, Senin."])
    assert [(t, a, r) for t, a, r in found] == [("ASSAULT", "pelaku", "Siti Aminah")]
    # the attacker named after "oleh" stays the actor; a case named by its noun alone is no new event
    assert events(["Budi Hartono dianiaya oleh kekasihnya di Bekasi."]) == [
        ("ASSAULT", "kekasihnya", "Budi Hartono")
    ]
    assert not events(["Kasus pembunuhan Siti Aminah masih diselidiki."], "ASSAULT")


def test_the_victim_of_what_is_investigated_is_not_the_one_accused():
    found = events(["Polisi masih menyelidiki pembunuhan terhadap Siti Aminah."], "ACCUSE")
    assert [(a, r) for _, a, r in found] == [("polisi", None)]
    found = events(["Polda Sumatera Utara mendalami hilangnya dana Bank Sumut."], "ACCUSE")
    assert [r for _, _, r in found] == [None]
    # a suspect named after the case is still the one accused
    found = events(["Kejaksaan Negeri Bogor memeriksa Bupati Bogor Ade Yasin dalam kasus korupsi."], "ACCUSE")
    assert [r for _, _, r in found] == ["Ade Yasin"]


def test_a_civil_team_sent_to_work_is_no_show_of_force():
    assert not events(["Dinas Kesehatan Kota Bogor menyiagakan tim pelacak kontak di setiap kelurahan."])
    assert not events(["BPBD Kabupaten Garut menerjunkan tim ke lokasi longsor."])
    found = events(["Kepolisian Daerah Papua menyiagakan 500 personel di Nduga."])
    assert [t for t, _, _ in found] == ["MOBILIZE"]
    found = events(["Pemerintah Kota Bogor mengerahkan personel Satpol PP untuk menjaga perbatasan."])
    assert [t for t, _, _ in found] == ["MOBILIZE"]


def test_a_firms_partnership_with_no_state_party_is_business():
    assert not events(["PT Maju Jaya Tbk menggandeng dua perusahaan rintisan untuk layanan kredit."])
    assert not events(["Pada Juni lalu, Rina Lestari menggandeng Dodi Pratama membuka kedai kopi."])
    # with a state party it is cooperation
    found = events(["Pemerintah Kota Bogor menggandeng Kodim Bogor untuk vaksinasi warga."])
    assert [t for t, _, _ in found] == ["COOPERATE"]


def test_urgent_is_no_demand():
    assert not events(["Pembenahan tata kelola tambang di Kalimantan semakin mendesak dibenahi."])
    assert not events(["Perbaikan jalan itu sangat mendesak."])
    found = events(["Komnas HAM mendesak polisi segera mengusut kasus itu."])
    assert [(t, r) for t, _, r in found] == [("REQUEST", "polisi")]


def test_papers_examined_and_favours_asked_are_no_events():
    assert not events(["Penyidik memeriksa berkas permohonan Budi Hartono pekan lalu."], "ACCUSE")
    assert [r for _, _, r in events(["Polisi memeriksa Budi Hartono selama delapan jam."], "ACCUSE")] == [
        "Budi Hartono"
    ]
    assert not events(["Dua pria meminta tolong diantar ke terminal Bekasi."])
    assert [t for t, _, _ in events(["Polisi meminta tolong warga untuk melapor."])] == ["REQUEST"]


def test_what_a_thing_or_team_is_for_is_no_act_done():
    # the purpose of a team formed or sent, not an act done
    assert not events(["Polisi menurunkan tim yang dibentuk untuk menyelidiki Budi Hartono."])
    assert not events(["Personel Brimob diterjunkan untuk menangkap Budi Hartono."], "COERCE")
    assert [t for t, _, _ in events(["Polisi memeriksa Budi Hartono di Polres Bogor."])] == ["ACCUSE"]


def test_a_sanction_on_a_group_named_by_a_common_noun_stands_with_no_recipient():
    found = events(["Satpol PP Kota Bogor memberikan sanksi kepada pelanggar protokol kesehatan."])
    assert [(t, r) for t, _, r in found] == [("COERCE", None)]
    # promised on a condition: a threat
    found = events(
        [
            "Pemerintah Kota Malang akan memberikan sanksi kepada pengelola pasar apabila tidak menyediakan tempat cuci tangan."
        ]
    )
    assert [(t, r) for t, _, r in found] == [("THREATEN", None)]
    assert not events(["Budi memberikan sanksi kepada anaknya."])  # no state body


def test_a_restriction_carried_out_by_a_state_body_is_coercion():
    found = events(["Pemerintah Kota Malang menjalankan sistem pembatasan sosial berskala besar."])
    assert [t for t, _, _ in found] == ["COERCE"]
    assert not events(["Warga menjalankan karantina mandiri di rumah."])
    assert not events(
        ["Pelanggaran tercatat di semua desa di Jawa Tengah yang melaksanakan PPKM, kata Budi."]
    )


def test_a_name_inside_a_relative_clause_is_not_the_main_verbs_subject():
    found = events(["Polisi yang menyelidiki kasus Budi Hartono menangkap Andi Saputra."], "COERCE")
    assert [(a, r) for _, a, r in found] == [("polisi", "Andi Saputra")]
    found = events(["Majelis hakim yang memeriksa perkara Budi Hartono menolak permohonan itu."], "REJECT")
    assert [a for _, a, _ in found] != ["Budi Hartono"]
    # a name before "yang" stays the subject
    found = events(["Budi Hartono yang menjabat Bupati Bogor menolak usulan itu."], "REJECT")
    assert [a for _, a, _ in found] == ["Budi Hartono"]


def test_a_relative_clause_after_a_bracketed_short_form_keeps_its_head():
    found = events(
        [
            "Kelompok separatis bersenjata (KSB) yang beranggotakan sekitar 20 orang menyerang Bripda Budi Hartono."
        ]
    )
    assert [(t, a) for t, a, _ in found] == [("ASSAULT", "KSB")]


def test_cooperation_named_by_its_noun_with_both_sides_listed():
    found = events(["Kerja sama antara Polres Malang dan Kodim Malang itu berjalan baik."])
    assert [t for t, _, _ in found] == ["COOPERATE"]
    found = events(
        ["Pelatihan tersebut digelar atas kerja sama Polres Malang, Kodim Malang, dan Pemkot Malang."]
    )
    assert found and {t for t, _, _ in found} == {"COOPERATE"}
    assert not events(["Acara tersebut digelar atas kerja sama semua pihak."])
    assert not events(["Produk itu hasil kerja sama PT Maju Jaya dan PT Sentosa Abadi."])  # business
