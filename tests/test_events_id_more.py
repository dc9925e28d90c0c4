"""Indonesian event rules of the fifth session (sentences written for these tests; no news text copied)."""

from test_events import coded


def events(paragraphs, kind=None):
    record = coded(paragraphs)
    return [
        (e.type, e.actor.name, e.recipient.name if e.recipient else None)
        for e in record.events
        if kind is None or e.type == kind
    ]


def test_a_restriction_eased_or_ended_is_a_measure_lifted():
    for sentence in (
        "Pemerintah Kota Bogor menghentikan penyekatan di lima titik perbatasan.",
        "Pemerintah Kota Bogor mengeluarkan kebijakan pelonggaran kegiatan warga.",
        "Gugus Tugas Kota Bogor membubarkan pos pemeriksaan di perbatasan kota.",
    ):
        assert [t for t, _, _ in events([sentence])] == ["CONCEDE"], sentence


def test_refusing_to_ease_is_no_event_of_its_own():
    found = events(
        ["Pemerintah Kota Bogor memperketat PSBB dan tidak akan menerapkan pelonggaran di sejumlah wilayah."]
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
            "Komnas HAM Provinsi Maluku mendesak Gugus Tugas Percepatan Penanganan Covid-19 Provinsi Maluku agar bertindak."
        ]
    )
    assert [(t, r) for t, _, r in found] == [
        ("REQUEST", "Gugus Tugas Percepatan Penanganan Covid-19 Provinsi Maluku")
    ]
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
        ["Kebutuhan anggaran yang besar mendorong masyarakat sipil kembali meminta Pilkada ditunda."]
    )
    assert [(t, a) for t, a, _ in found] == [("REQUEST", "masyarakat sipil")]


def test_a_leads_agentless_request_is_the_next_speakers():
    text = (
        "JAMBI, KOMPAS — Pemerintah diminta serius menghentikan praktik tambang liar di sejumlah daerah. Tambang itu "
        'merusak sungai. "Presiden perlu menyatakan darurat tambang," kata Ketua Forum Peduli Sungai Jambi Hasan '
        "Basri, Jumat (10/7/2020)."
    )
    assert ("REQUEST", "Hasan Basri", "pemerintah") in events([text])
    # no speaker in the next two sentences: no requester is guessed
    text = (
        "Pemerintah diminta serius menghentikan praktik tambang liar. Tambang itu merusak sungai. Air keruh."
    )
    assert not events([text], "REQUEST")
