"""Countries of Indonesian domestic parties: national bodies named in full, the DPR's ethics council, a member
("anggota") titled by a body of a known country, and former leaders by nickname (texts written for these tests)."""

from test_entities import by_name, mentions

from warta.nlp.entities import find_entities


def test_national_bodies_named_in_full_are_indonesian():
    text = (
        "Komisi Nasional Hak Asasi Manusia mendesak Kementerian Koperasi dan UKM membuka data koperasi. "
        "Komisi Pemberantasan Korupsi memeriksa pejabat Kementerian Komunikasi dan Informatika."
    )
    given = mentions(
        text,
        ("Komisi Nasional Hak Asasi Manusia", "ORG"),
        ("Kementerian Koperasi dan UKM", "ORG"),
        ("Komisi Pemberantasan Korupsi", "ORG"),
        ("Kementerian Komunikasi dan Informatika", "ORG"),
    )
    found = by_name(find_entities(text, "id", mentions=given))
    for name in (
        "Komisi Nasional Hak Asasi Manusia",
        "Kementerian Koperasi dan UKM",
        "Komisi Pemberantasan Korupsi",
        "Kementerian Komunikasi dan Informatika",
    ):
        assert (found[name].type, found[name].country, found[name].role) == ("ORG", "IDN", "GOV"), name


def test_the_short_form_and_the_full_name_are_both_indonesian():
    text = "Komisi Nasional Hak Asasi Manusia menerima laporan warga. Komnas HAM akan memanggil polisi."
    given = mentions(text, ("Komisi Nasional Hak Asasi Manusia", "ORG"), ("Komnas HAM", "ORG"))
    found = find_entities(text, "id", mentions=given)
    assert found and all(e.country == "IDN" for e in found)


def test_the_ethics_council_and_its_short_form_are_the_indonesian_legislature():
    text = "Badan Kehormatan menilai anggota itu melanggar kode etik. BK akan memanggil pimpinan fraksi."
    given = mentions(text, ("Badan Kehormatan", "ORG"), ("BK", "ORG"))
    found = by_name(find_entities(text, "id", mentions=given))
    council = found["Badan Kehormatan"]
    assert (council.country, council.role, len(council.mentions)) == ("IDN", "LEG", 2)


def test_a_member_titled_by_a_party_takes_its_country():
    text = "Anggota Fraksi PDI Perjuangan Rudi Hartono mengingatkan kader partainya agar tetap solid."
    given = mentions(text, ("PDI Perjuangan", "ORG"), ("Rudi Hartono", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    rudi = found["Rudi Hartono"]
    assert (rudi.type, rudi.country, rudi.role) == ("PER", "IDN", "PTY")


def test_a_member_of_a_foreign_or_uncountried_body_gets_no_indonesian_country():
    text = "Anggota Hamas Yusuf Salem tewas dalam serangan itu. Anggota Komite Olimpiade Dunia Marco Bellini hadir."
    given = mentions(
        text, ("Hamas", "ORG"), ("Yusuf Salem", "PER"), ("Komite Olimpiade Dunia", "ORG"), ("Marco Bellini", "PER")
    )
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Yusuf Salem"].country == "PSE"
    assert found["Marco Bellini"].country is None


def test_a_generic_ministry_named_in_full_takes_no_home_country_from_the_list():
    text = "Kementerian Luar Negeri mengatakan duta besar itu telah dipanggil."
    given = mentions(text, ("Kementerian Luar Negeri", "ORG"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Kementerian Luar Negeri"].country is None


def test_a_former_president_by_his_initials_is_the_known_leader():
    text = "Presiden SBY meminta para menteri bekerja keras. SBY juga bertemu Megawati."
    given = mentions(text, ("SBY", "PER"), ("SBY", "PER"), ("Megawati", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    sby = found["Susilo Bambang Yudhoyono"]
    assert (sby.country, len(sby.mentions)) == ("IDN", 2)
