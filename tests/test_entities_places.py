"""Unlisted towns the tagger missed, typed and placed by the words around them (texts written for these tests)."""

from test_entities import by_name, mentions

from warta.nlp.entities import find_entities


def test_an_unlisted_name_after_a_locative_is_a_place_in_the_country_after_the_comma():
    text = "Pasukan Israel menggerebek sebuah kamp pengungsi di Qalqilya, Tepi Barat, pada Senin dini hari."
    given = mentions(text, ("Pasukan Israel", "ORG"), ("Tepi Barat", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert (found["Qalqilya"].type, found["Qalqilya"].country) == ("LOC", "PSE")


def test_an_unlisted_town_takes_the_country_of_the_place_after_the_comma():
    text = "Two people were hurt in a crash in Eastbrook, New York, on Sunday, police said."
    given = mentions(text, ("Eastbrook", "LOC"), ("New York", "LOC"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert (found["Eastbrook"].type, found["Eastbrook"].country) == ("LOC", "USA")


def test_an_item_of_a_list_of_places_takes_no_country_from_the_next_item():
    text = "The tour visits Hyannis, Eastbrook, Wellington and Plymouth."
    given = mentions(text, ("Hyannis", "LOC"), ("Eastbrook", "LOC"), ("Wellington", "LOC"), ("Plymouth", "LOC"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["Eastbrook"].country is None


def test_an_unlisted_name_no_word_types_is_dropped():
    text = "Kemarin Qalqilya menjadi sorotan. Para penonton di Tumbrak tertawa."
    found = by_name(find_entities(text, "id", mentions=mentions(text)))
    assert "Tumbrak" not in found


def test_a_body_after_the_comma_gives_no_country_to_the_place_before_it():
    text = "Untuk meneliti es di Bulan, NASA meluncurkan satelit baru."
    given = mentions(text, ("Bulan", "LOC"), ("NASA", "ORG"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Bulan"].country is None and found["NASA"].country == "USA"


def test_a_settlement_noun_before_a_name_types_it_as_a_place():
    text = "Drones hit the port city of Odesa overnight. Warga kota Sumenep juga merasakan gempa."
    given = mentions(text, ("Odesa", "PER"), ("Sumenep", "PER"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert (found["Odesa"].type, found["Odesa"].country) == ("LOC", "UKR")
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Sumenep"].type == "LOC"


def test_a_capitalised_office_before_a_name_is_no_settlement_noun():
    text = "Wali Kota Surabaya Eri Cahyadi hadir. The City of London Corporation met."
    given = mentions(text, ("Eri Cahyadi", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Eri Cahyadi"].type == "PER"


def test_a_village_officer_title_before_a_name_is_no_place_noun():
    text = "Sekretaris desa Anton Yunianto membuka rapat di desa Kuku."
    given = mentions(text, ("Anton Yunianto", "PER"), ("Kuku", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Anton Yunianto"].type == "PER" and found["Kuku"].type == "LOC"


def test_a_sea_named_after_a_country_is_in_no_country_and_keeps_its_sea_word():
    text = "Kapal peronda berlayar di Laut China Selatan dan Laut Sulawesi, dekat Selat Melaka."
    given = mentions(text, ("China Selatan", "LOC"), ("Sulawesi", "LOC"), ("Melaka", "LOC"))
    found = by_name(find_entities(text, "ms", mentions=given))
    assert found["Laut China Selatan"].country is None and found["Laut Sulawesi"].country is None
    assert found["Selat Melaka"].country is None and "China" not in found


def test_a_bay_named_after_a_town_stays_in_its_country():
    text = "Nelayan menangkap ikan di Teluk Jakarta."
    found = by_name(find_entities(text, "id", mentions=mentions(text, ("Teluk Jakarta", "LOC"))))
    assert found["Teluk Jakarta"].country == "IDN"


def test_a_sea_word_inside_a_longer_name_is_not_pulled_into_the_place_after_it():
    text = "Kapal itu milik Angkatan Laut Kerajaan Australia dan berlayar di sebelah Timur Laut Gugusan Krakatau."
    given = mentions(text, ("Kerajaan Australia", "LOC"), ("Gugusan Krakatau", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert "Laut Kerajaan Australia" not in found and "Laut Gugusan Krakatau" not in found


def test_a_named_refugee_camp_is_a_place_in_the_area_after_di():
    text = "Serangan udara Israel menghantam kamp pengungsi Nuseirat di Jalur Gaza tengah pada Sabtu."
    given = mentions(text, ("Israel", "LOC"), ("Nuseirat", "ORG"), ("Jalur Gaza tengah", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert (found["Nuseirat"].type, found["Nuseirat"].country) == ("LOC", "PSE")  # "kamp pengungsi X di Y"
    assert found["Jalur Gaza"].country == "PSE" and "Jalur Gaza tengah" not in found  # "tengah" is no name word


def test_an_unlisted_town_takes_the_country_named_after_in():
    text = "Drones struck Velykyi Kut in Ukraine overnight, officials said."
    given = mentions(text, ("Velykyi Kut", "LOC"), ("Ukraine", "LOC"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["Velykyi Kut"].country == "UKR"


def test_an_english_name_may_end_in_a_lower_case_head():
    text = "The Syrian government rejected the plan, officials in Zabul province said."
    given = mentions(text, ("Syrian government", "ORG"), ("Zabul province", "LOC"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert "Syrian government" in found and "Zabul province" in found


def test_a_town_named_like_one_abroad_takes_the_state_after_the_comma():
    text = "Police in Mansfield, Ohio, arrested a man on Sunday."
    given = mentions(text, ("Mansfield", "LOC"), ("Ohio", "LOC"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["Mansfield"].country == "USA"  # the gazetteer's Mansfield is English


def test_georgia_is_the_us_state_only_when_the_text_says_so():
    text = "Georgia Gov. Brian Kemp signed the bill. Voters in Georgia and Arizona will decide."
    given = mentions(text, ("Georgia", "LOC"), ("Brian Kemp", "PER"), ("Georgia", "LOC"), ("Arizona", "LOC"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["Georgia"].country == "USA" and found["Brian Kemp"].country == "USA"
    text = "Russia has troops in Georgia, officials in Washington and New York said."
    given = mentions(text, ("Russia", "LOC"), ("Georgia", "LOC"), ("Washington", "LOC"), ("New York", "LOC"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["Georgia"].country == "GEO"
    text = "Russia has troops in Georgia. Georgia protested to Moscow."  # the same name twice is no second state
    given = mentions(text, ("Russia", "LOC"), ("Georgia", "LOC"), ("Georgia", "LOC"), ("Moscow", "LOC"))
    assert by_name(find_entities(text, "en", mentions=given))["Georgia"].country == "GEO"


def test_an_area_named_with_an_indonesian_administrative_word_is_in_indonesia():
    text = "Jalan rusak di Kecamatan Cikajang dikeluhkan warga Desa Mekarsari sejak awal tahun."
    given = mentions(text, ("Kecamatan Cikajang", "LOC"), ("Desa Mekarsari", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Kecamatan Cikajang"].country == "IDN" and found["Desa Mekarsari"].country == "IDN"
