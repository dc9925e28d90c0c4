"""Indonesian event rules of the fourth session (sentences written for these tests; no news text copied)."""

from test_events import coded


def events(paragraphs, kind=None):
    record = coded(paragraphs)
    return [
        (e.type, e.actor.name, e.recipient.name if e.recipient else None)
        for e in record.events
        if kind is None or e.type == kind
    ]


def test_negative_judgement_is_a_criticism_and_a_neutral_one_is_not():
    found = events(["Ketua Komisi III DPR Budi Santoso menilai Kementerian Kesehatan gagal menangani wabah."])
    assert ("ACCUSE", "Budi Santoso", "Kementerian Kesehatan") in found
    # the judged thing is a policy: a criticism with no party judged
    found = events(["Ekonom Rina Wulandari menilai pelonggaran pembatasan itu terlalu cepat."], "ACCUSE")
    assert [(t, r) for t, _, r in found] == [("ACCUSE", None)]
    assert not events(["Ekonom Rina Wulandari menilai kebijakan itu tepat dan sesuai kebutuhan."], "ACCUSE")
    assert not events(["Rina Wulandari menilai langkah itu tidak gagal."], "ACCUSE")


def test_passive_judgement_takes_the_judge_after_the_verb():
    found = events(["Pernyataan Menteri Agus Salim dinilai Ombudsman gegabah."], "ACCUSE")
    assert found and found[0][2] is not None and found[0][1] != found[0][2]


def test_sentences_and_charges_are_coerce():
    found = events(
        ["Majelis hakim Pengadilan Negeri Bandung menjatuhkan vonis dua tahun penjara bagi Dedi Kurnia."]
    )
    assert found and found[0][0] == "COERCE"
    assert [t for t, _, _ in events(["Jaksa mendakwa Dedi Kurnia melakukan korupsi."])] == ["COERCE"]


def test_dispersing_a_crowd_is_coercion_not_assault():
    found = events(["Polisi membubarkan kerumunan warga di alun-alun kota."])
    assert [t for t, _, _ in found] == ["COERCE"]


def test_restriction_imposed_or_extended_is_coerce_with_no_recipient():
    found = events(["Pemerintah Kota Cirebon memperpanjang pembatasan sosial atau PSBB selama sepekan."])
    assert [(t, r) for t, _, r in found] == [("COERCE", None)]


def test_request_with_its_addressee_before_agar():
    found = events(
        ["Menteri Dalam Negeri Wayan Sudarma mendorong para calon kepala daerah agar menjaga ketertiban."]
    )
    assert [t for t, _, _ in found] == ["REQUEST"]
    assert not events(["Kenaikan harga minyak mendorong inflasi naik."], "REQUEST")


def test_protest_against_a_policy():
    found = events(["Para nelayan di Tual protes terhadap kebijakan kuota tangkap."])
    assert [t for t, _, _ in found] == ["PROTEST"]


def test_questioning_witnesses_is_no_accusation():
    assert not events(["Penyidik Polda Sumatera Utara memeriksa sejumlah saksi terkait kasus itu."], "ACCUSE")
    assert events(["Penyidik Polda Sumatera Utara memeriksa Bupati Langkat Darmawan Putra."], "ACCUSE")


def test_name_inside_a_relative_clause_after_the_object_is_no_recipient():
    found = events(
        ["Polisi menangkap tiga orang yang diduga terlibat pengeroyokan terhadap Rudi Hartono."], "COERCE"
    )
    assert found and all(r is None for _, _, r in found)


def test_passive_agent_after_a_collective_head_and_counted_subject():
    found = events(["Puluhan warga Desa Sukamaju ditahan jajaran Polres Sleman."], "COERCE")
    assert found and found[0][2] is None and found[0][1] == "Kepolisian Resor Sleman"  # Polres, named in full


def test_counted_object_named_after_bernama():
    found = events(
        ["Kelompok bersenjata menembak seorang karyawan bernama Andi Saputra di Distrik Ilaga."], "ASSAULT"
    )
    assert [r for _, _, r in found] == ["Andi Saputra"]


def test_pronoun_subject_agrees_with_its_antecedent():
    # "mereka" is no single person: the victim named just before does not arrest anyone
    found = events(
        [
            "Seorang pria menusuk Rudi Hartono di Medan. Mereka menangkap pelaku sehari kemudian.",
        ],
        "COERCE",
    )
    assert all(actor != "Rudi Hartono" for _, actor, _ in found)
    # "ia" is the last person named, not the city before the verb
    found = events(
        [
            "Wali Kota Bekasi Rahmat Hidayat mengatakan anggaran kurang. Karena itu, ia meminta Pemprov Jawa Barat menanggung sisanya."
        ],
        "REQUEST",
    )
    assert [actor for _, actor, _ in found] == ["Rahmat Hidayat"]


def test_investigation_by_a_public_body_needs_no_named_suspect():
    assert ("ACCUSE", "polisi", None) in events(["Polisi menyelidiki kasus pembunuhan di Bekasi itu."])
    found = events(["Aparat melakukan penyelidikan terhadap Bupati Langkat Darmawan Putra."], "ACCUSE")
    assert found and found[0][2] is not None
    # a research team investigating a cause is no accusation
    assert not events(["Peneliti Universitas Gadjah Mada menyelidiki asal virus itu."], "ACCUSE")


def test_protest_action_named_by_what_it_does():
    found = events(["Ratusan buruh melakukan aksi blokade di jalan menuju pabrik."], "PROTEST")
    assert found and found[0][1] == "buruh"


def test_events_carried_by_nouns():
    assert ("COERCE", "Kepolisian Daerah Metro Jaya", "Budi Santoso") in events(
        ["Penangkapan Budi Santoso oleh Polda Metro Jaya dilakukan pada Senin."]
    )
    found = events(["Penembakan terhadap Pratu Darmanto dilakukan kelompok kriminal bersenjata."], "ASSAULT")
    assert found == [("ASSAULT", "kelompok kriminal bersenjata", "Darmanto")] or (
        found and found[0][1] == "kelompok kriminal bersenjata" and found[0][2]
    )
    # only the one arrested named: the authorities arrested, not the place after "di"
    found = events(["Penangkapan Budi Santoso dilakukan di rumahnya di Bekasi."], "COERCE")
    assert [(a, r) for _, a, r in found] == [("aparat", "Budi Santoso")]
    # a victim named with no doer, and a reference after a preposition, are no new events
    assert not events(["Kasus pembunuhan Rudi Hartanto masih diselidiki."], "ASSAULT")
    assert not events(["Pemeriksaan itu terkait dengan penangkapan Budi Santoso pekan lalu."], "COERCE")


def test_unnamed_doer_of_a_crime_after_oleh_and_no_place_as_agent():
    found = events(["BEKASI, KOMPAS — Seorang perempuan dibunuh oleh kekasihnya di Bekasi."], "ASSAULT")
    assert [a for _, a, _ in found] == ["kekasihnya"]  # not "Bekasi", the place after "di"
    # damage by a natural force is no crime: the phrase rule is for killing and beating only
    assert not events(["Rumah warga dirusak oleh angin kencang."])


def test_rule_imposed_in_the_passive_is_the_previous_official_s():
    found = events(
        [
            "Bupati Garut Dedi Supriadi menerbitkan surat edaran baru. Warga diwajibkan memakai masker di luar rumah."
        ],
        "COERCE",
    )
    assert found and found[0][2] is None  # the governor (or his office) requires it; residents are no party
    assert not events(
        ["Warga diwajibkan memakai masker di luar rumah."], "COERCE"
    )  # no official named before


def test_speaker_side_pronoun_acts_for_the_one_who_speaks():
    found = events(
        ["Kapolda Jawa Barat Irjen Ahmad Dofiri mengatakan, pihaknya telah menangkap Budi Santoso."], "COERCE"
    )
    assert found and found[0][2] == "Budi Santoso"


def test_request_to_a_whole_group_and_by_an_unnamed_expert():
    assert ("REQUEST", "polisi", None) in events(
        ["Polisi meminta para pengendara untuk tidak menerima penumpang tanpa helm."]
    )
    assert ("REQUEST", "epidemiolog", "pemerintah daerah") in events(
        ["Epidemiolog meminta pemerintah daerah memperbanyak tes."]
    )
    # a group after an investigation verb is contact tracing, not an accusation
    assert not events(
        ["Dinas Kesehatan menelusuri semua pihak yang pernah berkontak dengan pasien itu."], "ACCUSE"
    )


def test_negated_participle_describes_the_subject_not_the_verb():
    found = events(["Beberapa orang tak dikenal membakar mobil Ketua Bawaslu Kabupaten Nduga Markus Wenda."])
    assert [t for t, _, _ in found] == ["ASSAULT"]
    assert not events(["Polisi tidak menangkap Budi Santoso."], "COERCE")  # the verb itself negated


def test_unnamed_experts_criticise():
    found = events(["Sejumlah pakar mempertanyakan keseriusan Pemerintah Provinsi Banten."], "ACCUSE")
    assert found and found[0][1] == "pakar"


def test_rejection_or_demand_made_by_a_protest_is_protest():
    found = events(["Aksi mahasiswa Palu menolak Undang-Undang Penyiaran terus berlanjut."])
    assert "PROTEST" in [t for t, _, _ in found] and "REJECT" not in [t for t, _, _ in found]


def test_refused_plan_with_no_party_named():
    found = events(["Warga Desa Sukamaju menolak rencana penambangan pasir kuarsa."], "REJECT")
    assert found and found[0][2] is None


def test_meeting_named_by_its_kind():
    found = events(
        ["Bupati Kendal Hartono Wibowo menggelar rapat daring bersama Badan Pengawas Pemilu."], "CONSULT"
    )
    assert found and found[0][2] is not None


def test_partner_named_in_the_next_sentence_for_an_act_done_to_someone():
    found = events(
        ["Densus 88 menyerahkan bukti penangkapan itu. Bukti tersebut diterima Komnas HAM di Jakarta."],
        "COOPERATE",
    )
    assert found and found[0][2] is not None and "Komnas" in found[0][2]
    # a meeting's partner must be named with it: a cabinet session is internal
    assert not events(
        [
            "Presiden Joko Widodo membahas anggaran dalam sidang kabinet. Menteri Keuangan Sri Mulyani Indrawati hadir."
        ],
        "CONSULT",
    )


def test_domestic_sanction_is_coercion_and_a_conditional_one_a_threat():
    assert [
        t for t, _, _ in events(["Pemerintah Kota Surabaya menjatuhkan sanksi kepada PT Maju Jaya."])
    ] == ["COERCE"]
    assert [t for t, _, _ in events(["Amerika Serikat menjatuhkan sanksi kepada Rusia."])] == ["SANCTION"]
    found = events(
        ["Pemerintah Kota Surabaya akan memberikan sanksi kepada PT Maju Jaya apabila tidak melakukan tes."]
    )
    assert [t for t, _, _ in found] == ["THREATEN"]


def test_restated_event_without_its_recipient_is_left_out():
    # a length after the verb is no counted object: the one sentenced is the recipient
    found = events(
        ["Majelis hakim Pengadilan Negeri Bandung menjatuhkan vonis dua tahun penjara bagi Dedi Kurnia."]
    )
    assert [(t, r) for t, _, r in found] == [("COERCE", "Dedi Kurnia")]
    found = events(
        ["Polisi menangkap Budi Santoso di Medan pada Senin. Polisi menangkap pelaku di rumahnya."], "COERCE"
    )
    assert [r for _, _, r in found] == ["Budi Santoso"]
    # another act of the same actor (a seizure after an arrest) stays
    found = events(
        ["Polisi menangkap Budi Santoso di Medan. Polisi juga menyita dua telepon seluler."], "COERCE"
    )
    assert len(found) == 2


def test_armed_conflict_between_two_sides_and_cooperation_begun():
    found = events(["Warga melaporkan konflik antara TNI dan Organisasi Papua Merdeka di Nduga."])
    assert found and found[0][0] == "ASSAULT" and found[0][2] is not None
    found = events(
        ["Menteri Pertahanan Prabowo Subianto menginisiasi kerja sama dengan Universitas Gadjah Mada."]
    )
    assert [t for t, _, _ in found] == ["COOPERATE"]


def test_legal_action_stated_as_a_plan_is_a_threat():
    found = events(["Budi Santoso akan menggugat Bupati Langkat Darmawan Putra ke pengadilan."])
    assert [t for t, _, _ in found] == ["THREATEN"]
    assert [t for t, _, _ in events(["Budi Santoso menggugat Bupati Langkat Darmawan Putra."])] == ["ACCUSE"]
