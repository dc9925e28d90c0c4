"""Parties, world regions and officers of listed bodies (texts written for these tests)."""

from test_entities import by_name, mentions

from warta.nlp.entities import find_entities


def test_party_short_forms_and_full_names_are_one_indonesian_party():
    text = (
        "Ketua Umum PKS Ahmad Syaikhu menyatakan Partai Keadilan Sejahtera siap berkoalisi dengan PDI-P. "
        "Fraksi PAN menolak usulan itu."
    )
    given = mentions(
        text, ("PKS", "ORG"), ("Ahmad Syaikhu", "PER"), ("Partai Keadilan Sejahtera", "ORG"), ("PDI-P", "ORG"),
        ("PAN", "ORG"),
    )
    found = by_name(find_entities(text, "id", mentions=given))
    pks = found["Partai Keadilan Sejahtera"]
    assert (pks.type, pks.country, pks.role, len(pks.mentions)) == ("ORG", "IDN", "PTY", 2)
    assert found["Partai Demokrasi Indonesia Perjuangan"].role == "PTY"
    assert found["Partai Amanat Nasional"].country == "IDN"
    assert (found["Ahmad Syaikhu"].country, found["Ahmad Syaikhu"].role) == ("IDN", "PTY")


def test_a_short_form_listed_in_capitals_is_not_a_surname_written_in_lower_case():
    text = "Gubernur bank sentral Tiongkok Pan Gongsheng tiba di Beijing. Pan mengatakan ekonomi membaik."
    given = mentions(text, ("Pan Gongsheng", "PER"), ("Beijing", "LOC"), ("Pan", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert "Partai Amanat Nasional" not in found
    assert found["Pan Gongsheng"].type == "PER" and len(found["Pan Gongsheng"].mentions) == 2


def test_a_continent_in_a_list_takes_no_country_from_the_next_item():
    text = "Tren itu juga terjadi di negara berkembang lain seperti Afrika, India dan Brasil."
    given = mentions(text, ("Afrika", "LOC"), ("India", "LOC"), ("Brasil", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Afrika"].country is None
    assert found["India"].country == "IND"
    text = "Sales grew in Europe, Japan and Brazil."
    given = mentions(text, ("Europe", "LOC"), ("Japan", "LOC"), ("Brazil", "LOC"))
    assert by_name(find_entities(text, "en", mentions=given))["Europe"].country is None


def test_a_secretary_general_is_no_general_and_a_listed_body_after_a_title_stays_a_body():
    text = "Hal itu dikatakan Wakil Sekretaris Jenderal DPP Partai Golkar Rina Kusuma di Jakarta, Senin."
    given = mentions(text, ("Partai Golkar", "ORG"), ("Rina Kusuma", "PER"), ("Jakarta", "LOC"))
    rina = by_name(find_entities(text, "id", mentions=given))["Rina Kusuma"]
    assert (rina.country, rina.role) == ("IDN", "PTY")  # a party officer, not a soldier
    text = "Menurut Sekjen ASEAN, pertemuan para menteri berlangsung di Jakarta."
    given = mentions(text, ("ASEAN", "ORG"), ("Jakarta", "LOC"))
    asean = by_name(find_entities(text, "id", mentions=given))["ASEAN"]
    assert (asean.type, asean.role) == ("ORG", "IGO")


def test_an_employer_and_title_tagged_inside_a_persons_name_are_context():
    text = "Ousted Acme Rides CEO Morgan Blake can still name directors. Blake declined to comment."
    given = mentions(text, ("Acme Rides CEO Morgan Blake", "PER"), ("Blake", "PER"))
    found = by_name(find_entities(text, "en", mentions=given))
    blake = found["Morgan Blake"]
    assert (blake.role, len(blake.mentions)) == ("BUS", 2)
    text = "Menteri Hukum Yasonna H Laoly hadir. Yasonna H Laoly mengatakan revisi rampung."
    given = mentions(text, ("Yasonna H Laoly", "PER"), ("Yasonna H Laoly", "PER"))
    assert "Yasonna H Laoly" in by_name(find_entities(text, "id", mentions=given))  # "H" is an initial here


def test_a_listed_body_named_whole_keeps_its_own_role_beside_a_court():
    text = "The move breaches rulings of the International Court of Justice and the UN Security Council."
    given = mentions(text, ("International Court of Justice", "ORG"), ("UN Security Council", "ORG"))
    council = by_name(find_entities(text, "en", mentions=given))["UN Security Council"]
    assert council.role == "IGO"


def test_a_newspaper_named_after_its_town_is_a_media_body_and_myanmar_has_a_plain_name():
    text = "The Miami Herald reported the sale. Later, troops moved in Myanmar."
    given = mentions(text, ("Miami Herald", "LOC"), ("Myanmar", "LOC"))
    found = by_name(find_entities(text, "en", mentions=given))
    herald = found["Miami Herald"]
    assert (herald.type, herald.role) == ("ORG", "MED")
    assert found["Myanmar"].country == "MMR"  # CLDR's "Myanmar (Burma)" is not the canonical name


def test_an_organisation_noun_linked_by_of_inside_a_name_makes_it_a_body_with_that_role():
    text = "The United States Department of Agriculture said prices rose. Farmers disagreed."
    given = mentions(text, ("United States Department of Agriculture", "PER"))
    usda = by_name(find_entities(text, "en", mentions=given))["United States Department of Agriculture"]
    assert (usda.type, usda.country, usda.role) == ("ORG", "USA", "GOV")


def test_two_capitalised_words_joined_by_dan_are_two_names():
    text = "KPK menahan dua pengusaha berinisial RS dan AH. Koalisi PDIP dan PKB menolak usulan itu."
    given = mentions(text, ("KPK", "ORG"), ("RS dan AH", "ORG"), ("PDIP dan PKB", "ORG"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["RS"].type == "PER" and found["AH"].type == "PER"
    assert found["Partai Kebangkitan Bangsa"].role == "PTY" and "Partai Demokrasi Indonesia Perjuangan" in found


def test_a_title_case_short_form_in_brackets_and_the_head_of_a_state_agency():
    text = "Badan Pangan Nasional (Bapanas) menggelar operasi pasar. Kepala Bapanas Arief Prasetyo Adi hadir."
    given = mentions(text, ("Badan Pangan Nasional", "ORG"), ("Arief Prasetyo Adi", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert len(found["Badan Pangan Nasional"].mentions) == 3
    assert found["Arief Prasetyo Adi"].role == "GOV"  # a title with no role of its own takes the body's


def test_ri_after_a_listed_body_is_part_of_it():
    text = "DPR RI mengesahkan RUU itu. Ketua DPR Puan Maharani memimpin rapat. Juru bicara Kemlu RI Roy Soemirat hadir."
    given = mentions(text, ("DPR RI", "ORG"), ("DPR", "ORG"), ("Puan Maharani", "PER"), ("Kemlu RI", "ORG"), ("Roy Soemirat", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert len(found["Dewan Perwakilan Rakyat"].mentions) == 2 and "DPR RI" not in found
    assert found["Kementerian Luar Negeri"].country == "IDN" and "Kemlu RI" not in found


def test_a_unit_of_a_body_named_with_ri_and_a_body_cut_before_ri_keep_role_and_country():
    text = "Komisi III DPR RI menggelar rapat dengan Kementerian Hukum dan HAM RI di Jakarta."
    given = mentions(text, ("Komisi III DPR RI", "ORG"), ("Kementerian Hukum dan HAM RI", "ORG"), ("Jakarta", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Komisi III DPR RI"].role == "LEG"
    assert (found["Kementerian Hukum dan HAM"].country, found["Kementerian Hukum dan HAM"].role) == ("IDN", "GOV")


def test_a_title_before_a_body_and_its_short_form_makes_neither_a_person():
    text = "Kepala Yayasan Cahaya Umat (Yacum) Indonesia di Gaza, Abdillah Onim, mengatakan bantuan tiba."
    given = mentions(text, ("Yayasan Cahaya Umat", "ORG"), ("Indonesia", "LOC"), ("Gaza", "LOC"), ("Abdillah Onim", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Yayasan Cahaya Umat"].type == "ORG" and len(found["Yayasan Cahaya Umat"].mentions) == 2


def test_an_area_after_a_body_and_a_given_name_after_a_rank_are_read_right():
    text = "Ketua Bawaslu Sumut Rahmat Kartolo hadir. Kapolda Jatim Irjen Imam Sugianto juga hadir."
    given = mentions(text, ("Bawaslu", "ORG"), ("Sumut Rahmat Kartolo", "PER"), ("Jatim Irjen Imam Sugianto", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert (found["Rahmat Kartolo"].country, found["Rahmat Kartolo"].role) == ("IDN", "GOV")
    assert found["Imam Sugianto"].role == "COP"
