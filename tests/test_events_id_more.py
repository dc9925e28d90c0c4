"""Indonesian event rules of the fifth session (sentences written for these tests; no news text copied)."""

from test_events_id_rules import events


def test_a_restriction_eased_or_ended_is_a_measure_lifted():
    for sentence in (
        "Pemerintah Kota Bogor menghentikan penyekatan di lima titik perbatasan.",
        "Pemerintah Kota Bogor mengeluarkan kebijakan pelonggaran kegiatan warga.",
        "Gugus Tugas Kota Bogor membubarkan pos pemeriksaan di perbatasan kota.",
    ):
        assert [t for t, _, _ in events([sentence])] == ["CONCEDE"], sentence


def test_refusing_to_ease_is_no_event_of_its_own():
    found = events(
        ["Pemerintah Kota Cimahi memperketat jam malam dan tidak akan memberlakukan pelonggaran bagi kafe."]
    )
    # the tightening; the easing not done is neither CONCEDE nor REJECT
    assert [t for t, _, _ in found] == ["COERCE"]


def test_enforcement_named_by_its_noun_is_coercion():
    found = events(
        ["Satuan Polisi Pamong Praja Kota Medan melakukan penindakan terhadap pedagang yang melanggar."]
    )
    assert [t for t, _, _ in found] == ["COERCE"]


def test_reporting_back_to_the_police_as_a_plan_is_a_threat():
    found = events(["Wali Kota Bandung Andi Saputra akan melapor balik Budi Hartono ke polisi."])
    assert found == [("THREATEN", "Andi Saputra", "Budi Hartono")]


def test_a_suspicion_voiced_by_investigators_about_a_named_party_is_an_accusation():
    found = events(["Polisi menduga Andi Saputra menerima suap dari kontraktor."])
    assert [(t, r) for t, _, r in found] == [("ACCUSE", "Andi Saputra")]
    assert not events(["Polisi menduga korban tewas karena terjatuh."])  # no party suspected
    assert not events(["Warga menduga banjir terjadi karena hujan deras."])  # no public actor


def test_a_body_the_entities_missed_is_the_one_asked():
    found = events(
        [
            "Komnas HAM Perwakilan Papua mendesak Tim Koordinasi Pengendalian Banjir Kota Jayapura agar bertindak."
        ]
    )
    assert [(t, r) for t, _, r in found] == [("REQUEST", "Tim Koordinasi Pengendalian Banjir Kota Jayapura")]
    found = events(
        ["Bupati Bogor Ade Yasin meminta Satuan Polisi Pamong Praja Kabupaten Bogor menutup tempat hiburan."]
    )
    assert found and found[0][2] and found[0][2].startswith("Satuan Polisi Pamong Praja")


def test_encouraging_a_party_is_a_request_and_pushing_a_thing_is_not():
    assert [
        t for t, _, _ in events(["Pemerintah mendorong para petani menjual hasil panen ke koperasi."])
    ] == ["REQUEST"]
    found = events(["Menteri Keuangan Sri Mulyani mendorong Bank Indonesia menurunkan suku bunga."])
    assert [(t, r) for t, _, r in found] == [("REQUEST", "Bank Indonesia")]
    assert not events(["Bank Indonesia mendorong pertumbuhan ekonomi melalui suku bunga rendah."])
    assert not events(["Pemerintah mendorong pemulihan ekonomi nasional."])
    # a cause pushing a party to ask: the party's request stands
    found = events(
        ["Lonjakan kasus yang tinggi mendorong masyarakat sipil sekali lagi meminta Pilkada diundur."]
    )
    assert [(t, a) for t, a, _ in found] == [("REQUEST", "masyarakat sipil")]


def test_a_leads_agentless_request_is_the_next_speakers():
    text = (
        "JAMBI, KOMPAS — Pemerintah diminta segera menutup penambangan pasir ilegal di tepi Sungai Batanghari. "
        'Penambangan itu merusak tebing sungai. "Presiden perlu turun tangan," kata Ketua Forum Peduli Sungai Jambi Hasan '
        "Basri, Jumat (10/7/2020)."
    )
    assert ("REQUEST", "Hasan Basri", "pemerintah") in events([text])
    # advice to the public is not given to whoever speaks next (whose it is, the text does not say)
    text = (
        'SURABAYA, KOMPAS — Masyarakat diminta tetap disiplin memakai masker. "Kita harus waspada," kata Menteri '
        "BUMN Erick Thohir."
    )
    assert not events([text], "REQUEST")
    # past the lead, an agent-less request is not given to whoever speaks next
    text = (
        "SURABAYA, KOMPAS — Kasus baru turun. Pasar kembali ramai. Sekolah dibuka lagi. Jalan padat. Meski "
        'begitu, masyarakat diminta tetap menjaga jarak. "Kita harus waspada," kata Menteri BUMN Erick Thohir.'
    )
    assert not events([text], "REQUEST")
    # no speaker in the next sentences: no requester is guessed
    text = "Pemerintah diminta segera menutup penambangan pasir ilegal. Penambangan itu merusak tebing sungai. Air keruh."
    assert not events([text], "REQUEST")


def test_an_investigation_in_the_passive_is_the_body_just_named():
    found = events(
        [
            "Kejaksaan Tinggi Jawa Barat menemukan pelanggaran ekspor oleh tiga perusahaan. Pelanggaran itu "
            "diselidiki karena merugikan negara."
        ]
    )
    assert [(t, a) for t, a, _ in found] == [("ACCUSE", "Kejaksaan Tinggi Jawa Barat")]
    assert not events(
        ["Andi Saputra diperiksa selama delapan jam di Gedung Merah Putih."]
    )  # no one named before
    # scheduled, not done; a specimen examined is a test, not a case
    assert [
        t
        for t, _, _ in events(["Polisi menangkap Budi Hartono. Ia dijadwalkan untuk diperiksa pekan depan."])
    ] == ["COERCE"]
    assert not events(
        ["Dinas Kesehatan Kota Bekasi menelusuri kontak. Spesimen mereka diperiksa di laboratorium."]
    )
    # questioning witnesses is no accusation
    assert [
        t for t, _, _ in events(["Polisi menangkap Budi Hartono. Lima saksi diperiksa dalam kasus itu."])
    ] == ["COERCE"]


def test_work_judged_in_a_place_criticises_whoever_governs_it():
    found = events(["Ombudsman RI menilai pelaksanaan PPKM di DKI Jakarta belum optimal."])
    assert [(t, r) for t, _, r in found] == [("ACCUSE", "DKI Jakarta")]
    found = events(
        [
            "Anggota DPR Budi Santoso menilai Pemerintah Provinsi Jawa Barat tidak siap menghadapi lonjakan kasus."
        ]
    )
    assert [t for t, _, _ in found] == ["ACCUSE"]
    assert not events(["Pengamat menilai pemerintah mampu mengatasi krisis."])


def test_contributing_to_a_state_of_things_is_no_aid():
    found = events(
        [
            "Kejaksaan Tinggi Jawa Barat menemukan pelanggaran ekspor. Pelanggaran itu diselidiki karena menyumbang "
            "kenaikan harga gula."
        ]
    )
    assert [t for t, _, _ in found] == ["ACCUSE"]
    found = events(["Bank Mandiri menyumbang peralatan medis kepada Rumah Sakit Umum Daerah Bekasi."])
    assert [t for t, _, _ in found] == ["AID"]


def test_reprimands_searches_and_suspensions():
    found = events(["Gubernur Jawa Tengah Ganjar Pranowo menegur Bupati Klaten Sri Mulyani karena lamban."])
    assert [(t, a) for t, a, _ in found] == [("ACCUSE", "Ganjar Pranowo")]
    assert not events(["Pemilik toko itu menegur Andi yang parkir di depan tokonya."])  # a private quarrel
    found = events(["Penyidik KPK menggeledah kantor Dinas Pekerjaan Umum Kota Bandung."])
    assert [(t, a) for t, a, _ in found] == [("COERCE", "Komisi Pemberantasan Korupsi")]  # KPK, named in full
    found = events(
        ["Kepala Dinas Pendidikan Kota Medan Budi Santoso dinonaktifkan oleh Wali Kota Medan Bobby Nasution."]
    )
    assert [(t, r) for t, _, r in found] == [("COERCE", "Budi Santoso")]


def test_each_listed_recipient_gets_its_event():
    found = events(
        [
            "Kejaksaan Tinggi Jawa Barat menduga PT Maju Jaya , PT Sinar Abadi , dan PT Karya Utama melakukan korupsi."
        ]
    )
    assert [r for _, _, r in found] == ["PT Maju Jaya", "PT Sinar Abadi", "PT Karya Utama"]
    found = events(["Polisi menangkap Andi Saputra dan Budi Hartono di Bekasi."])
    assert [r for _, _, r in found] == ["Andi Saputra", "Budi Hartono"]
    # a place after "di" ends the list
    found = events(
        ["Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Jepang Yoshimasa Hayashi di Tokyo."]
    )
    assert [r for _, _, r in found] == ["Yoshimasa Hayashi"]


def test_receiving_a_visitor_is_a_meeting_and_receiving_a_thing_is_not():
    found = events(
        ["Presiden Joko Widodo menerima Menteri Luar Negeri Jepang Yoshimasa Hayashi di Istana Merdeka."]
    )
    assert found == [("CONSULT", "Joko Widodo", "Yoshimasa Hayashi")]
    assert not events(["Mahkamah Konstitusi menerima gugatan Partai Demokrat."])
    assert not events(["Pemerintah Kota Bekasi menerima bantuan dari Bank Mandiri."])
    assert not events(["KPK menerima laporan dari masyarakat soal dugaan korupsi."])


def test_a_suspect_with_a_long_title_and_attacks_named_by_nouns():
    found = events(
        [
            "Kejaksaan Agung menetapkan Direktur Jenderal Perdagangan Luar Negeri Budi Santoso sebagai tersangka."
        ]
    )
    assert [(t, a) for t, a, _ in found] == [("COERCE", "Kejaksaan Agung")]
    assert ("ASSAULT", "Rusia", "Ukraina") in events(["Krisis pangan itu dipicu invasi Rusia ke Ukraina."])
    assert ("ASSAULT", "Rusia", "Ukraina") in events(
        ["Serangan Rusia terhadap Ukraina memicu krisis pangan."]
    )
    # "ke" after places is where something went, not the target
    found = events(
        [
            "Aparat gabungan memindahkan jenazah dua korban serangan KKB di Desa Waru , Kabupaten Nduga , "
            "ke Kota Wamena ."
        ]
    )
    assert not [r for _, _, r in found if r]
    for sentence in ("Harga gandum naik akibat serangan hama.", "Serangan jantung menewaskan pria itu."):
        assert not events([sentence]), sentence


def test_what_a_protest_rejects_is_part_of_the_protest():
    found = events(["Ratusan mahasiswa berunjuk rasa di depan Gedung DPR menolak kenaikan harga BBM."])
    assert [(t, a) for t, a, _ in found] == [("PROTEST", "mahasiswa")]


def test_seizures_and_seals_by_the_state_need_no_party_as_object():
    found = events(["MEDAN, KOMPAS — Satpol PP menyegel tempat hiburan malam yang melanggar PPKM."])
    assert [(t, r) for t, _, r in found] == [("COERCE", None)]
    assert [
        t for t, _, _ in events(["MEDAN, KOMPAS — Polisi menyita 3 laptop dan dua telepon seluler."])
    ] == ["COERCE"]
    assert not events(["MEDAN, KOMPAS — PT Sinar Jaya menyegel gudang miliknya."])  # a firm, no state act
    assert [t for t, _, _ in events(["MEDAN, KOMPAS — Polisi melumpuhkan pelaku dengan timah panas."])] == [
        "ASSAULT"
    ]
    assert not events(["MEDAN, KOMPAS — Banjir melumpuhkan perekonomian kota."])
    assert not events(["MANADO, KOMPAS — Polres Bitung akan diturunkan untuk menertibkan ."])  # a purpose


def test_urging_a_whole_group_is_a_request():
    found = events(
        [
            "BANDUNG, KOMPAS — Bupati Garut Dedi Supriadi mengajak masyarakat untuk menjaga kebersihan lingkungan."
        ]
    )
    assert found == [("REQUEST", "Dedi Supriadi", None)]
    assert not events(["BANDUNG, KOMPAS — Pelaku mengajak korban ke sebuah rumah kosong."])
    assert not events(["BANDUNG, KOMPAS — Budi mengajak anaknya jalan-jalan ke taman."])
    found = events(
        [
            "JAKARTA, KOMPAS — Modus para pelaku ialah mengajak masyarakat untuk menanam modal di aplikasi palsu itu."
        ]
    )
    assert not found  # offenders luring people: no request of a public party


def test_the_casualty_named_after_an_attack_is_its_recipient():
    found = events(["PALU, KOMPAS — Polisi melepaskan tembakan dan Andi Saputra tewas di tempat ."])
    assert found == [("ASSAULT", "polisi", "Andi Saputra")]
    found = events(["PALU, KOMPAS — Polisi melepaskan tembakan peringatan ke udara ."])
    assert [(t, r) for t, _, r in found] == [("ASSAULT", None)]


def test_aid_promised_by_a_government_is_an_agreement_with_no_recipient_needed():
    found = events(
        [
            "TANGERANG, KOMPAS — Pemkot Tangerang memastikan akan menggelontorkan bantuan tunai bagi pedagang kecil."
        ]
    )
    assert found == [("AGREE", "Pemerintah Kota Tangerang", None)]
    # the mayor named next is no partner of the city's plan
    text = (
        "TANGERANG, KOMPAS — Pemkot Tangerang memastikan akan menggelontorkan bantuan tunai bagi 45.000 pedagang "
        "kecil . Wali Kota Tangerang Hendra Gunawan mengatakan , ada 52.000 pedagang terdampak ."
    )
    assert events([text]) == [("AGREE", "Pemerintah Kota Tangerang", None)]
    assert not events(
        ["TANGERANG, KOMPAS — Pemkot Tangerang menggelontorkan bantuan tunai bagi pedagang kecil."]
    )
    assert not events(["BEKASI, KOMPAS — Budi akan menyumbang uang untuk masjid."])  # no public party


def test_a_protest_named_at_the_start_of_a_sentence_is_the_crowds_once():
    text = (
        "BANDUNG, KOMPAS — Unjuk rasa yang digelar di beberapa titik di Bandung , Kamis , membuat 8 ruas jalan "
        "ditutup ."
    )
    assert [(t, r) for t, _, r in events([text])] == [("PROTEST", None)]
    text = "JAKARTA, KOMPAS — Mahasiswa menggelar unjuk rasa di depan Gedung DPR . Unjuk rasa itu berlangsung damai ."
    assert events([text]) == [("PROTEST", "mahasiswa", None)]
    # a protest mentioned in passing is not coded from its noun
    assert not events(
        ["JAKARTA, KOMPAS — Harga cabai naik sejak pekan lalu , saat demonstrasi buruh berlangsung ."]
    )
