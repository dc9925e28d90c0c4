"""Entities annotator: merging mentions into canonical actors, countries and roles from the text around them.

Most tests give the annotator fixed NER mentions (so they test this step, not the concurrently trained model);
a few run the real model end to end. All texts are written for these tests.
"""

import json

import pytest
from conftest import FIXTURES, assert_valid_record
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from warta.cli import app
from warta.model import Article, Record
from warta.nlp.actors import actor_data, country_name
from warta.nlp.entities import NAME, annotate, find_entities
from warta.nlp.ner import Mention
from warta.pipeline import ANNOTATORS


def mentions(text: str, *wanted: tuple[str, str]) -> list[Mention]:
    """Mentions for (surface, type) pairs; a repeated surface takes its next occurrence, and no occurrence inside
    an earlier pair's mention (a tagger's mentions never overlap)."""
    out, taken = [], {}
    for surface, kind in wanted:
        start = text.index(surface, taken.get(surface, 0))
        while any(m.start < start + len(surface) and start < m.end for m in out):
            start = text.index(surface, start + 1)
        taken[surface] = start + len(surface)
        equipment = "equipment" if kind == "EQUIP" else None
        out.append(
            Mention(start, start + len(surface), surface, "MISC" if equipment else kind, 0.9, equipment)
        )
    return sorted(out, key=lambda m: m.start)


def by_name(entities):
    return {e.name: e for e in entities}


def entity_with(entities, surface):
    return next(e for e in entities if any(m.text == surface for m in e.mentions))


def assert_spans_match(text, entities):
    for entity in entities:
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text


# --------------------------------------------------------------------------------------------- merging


def test_person_mentions_merge_under_the_full_name_without_title():
    text = (
        "Presiden Ivan Petrovsky tiba di Minsk pada hari Selasa. Petrovsky mengatakan kunjungan itu penting. "
        "Menurut Presiden Petrovsky, kerja sama akan diperluas."
    )
    found = find_entities(
        text,
        "id",
        mentions=mentions(
            text,
            ("Presiden Ivan Petrovsky", "PER"),
            ("Minsk", "LOC"),
            ("Petrovsky", "PER"),
            ("Presiden Petrovsky", "PER"),
        ),
    )
    people = [e for e in found if e.type == "PER"]
    assert len(people) == 1
    (person,) = people
    assert person.name == "Ivan Petrovsky"
    assert person.role == "GOV"
    assert [m.text for m in person.mentions] == ["Ivan Petrovsky", "Petrovsky", "Petrovsky"]
    assert_spans_match(text, found)


def test_ids_follow_first_mention_and_spans_index_the_text():
    text = "Kapal dari Norwegia berlabuh. Sebuah Mi-17 milik Peru mendarat di Lima kemarin."
    found = find_entities(text, "id", mentions=mentions(text, ("Norwegia", "LOC"), ("Mi-17", "EQUIP")))
    assert [e.id for e in found] == [f"e{i}" for i in range(1, len(found) + 1)]
    assert found[0].name == "Norwegia" and found[0].country == "NOR"
    heli = by_name(found)["Mi-17"]
    assert heli.type == "MISC" and heli.kind == "equipment"
    assert by_name(found)["Peru"].country == "PER"  # country names are found even when the model misses them
    assert_spans_match(text, found)


def test_country_short_forms_and_names_are_one_entity_named_in_the_record_language():
    text = (
        "Amerika Serikat menambah bantuan. Pejabat AS menyebut Amerika siap membantu, "
        "tetapi as roda kendaraan itu rusak."
    )
    found = find_entities(text, "id", mentions=[])
    usa = [e for e in found if e.country == "USA"]
    assert len(usa) == 1
    assert usa[0].name == country_name("USA", "id") == "Amerika Serikat"
    assert [m.text for m in usa[0].mentions] == ["Amerika Serikat", "AS", "Amerika"]
    assert_spans_match(text, found)


def test_english_short_forms_demonyms_and_case():
    text = (
        "The U.S. and the United States Navy differ, US officials said. Russian diplomats met Russia's envoy."
    )
    found = find_entities(
        text,
        "en",
        mentions=mentions(text, ("United States Navy", "ORG"), ("Russian", "MISC"), ("Russia", "LOC")),
    )
    usa = entity_with(found, "U.S.")
    assert usa.country == "USA" and {m.text for m in usa.mentions} == {"U.S.", "US"}
    russia = entity_with(found, "Russia")
    assert russia.name == "Russia" and {m.text for m in russia.mentions} == {"Russian", "Russia"}
    navy = by_name(found)["United States Navy"]
    assert navy.type == "ORG" and navy.country == "USA" and navy.role == "MIL"


def test_lower_case_country_counts_only_when_the_record_names_it():
    text = "Warga Chile berkumpul. Mereka ingin pulang ke chile segera, bukan ke peru."
    found = find_entities(text, "id", mentions=mentions(text, ("Chile", "LOC")))
    chile = by_name(found)["Chili"] if "Chili" in by_name(found) else entity_with(found, "Chile")
    assert [m.text for m in chile.mentions] == ["Chile", "chile"]
    assert not any(m.text == "peru" for e in found for m in e.mentions)


# --------------------------------------------------------------------------------------------- metonymy


def test_capital_as_actor_is_the_country_but_as_a_place_stays_a_city():
    text = (
        "Moskow menolak tuduhan itu. Sebuah pesawat kargo mendarat di Moskow pada hari Senin. "
        "Hubungan antara Ankara dan Moskow tetap baik."
    )
    found = find_entities(
        text,
        "id",
        mentions=mentions(text, ("Moskow", "LOC"), ("Moskow", "LOC"), ("Ankara", "LOC"), ("Moskow", "LOC")),
    )
    russia = by_name(found)["Rusia"]
    assert russia.type == "LOC" and russia.country == "RUS"
    assert [m.start for m in russia.mentions] == [0, text.rindex("Moskow")]
    city = by_name(found)["Moskow"]
    assert city.type == "LOC" and city.country == "RUS"
    assert [m.start for m in city.mentions] == [text.index("di Moskow") + 3]
    assert by_name(found)["Turki"].country == "TUR"  # "antara Ankara dan ...": Ankara acts too


def test_english_capital_metonymy():
    text = "Washington has warned Beijing. Tourists in Washington saw the parade."
    found = find_entities(
        text, "en", mentions=mentions(text, ("Washington", "LOC"), ("Beijing", "LOC"), ("Washington", "LOC"))
    )
    usa = by_name(found)["United States"]
    assert [m.start for m in usa.mentions] == [0]
    assert by_name(found)["Washington"].country == "USA"
    assert by_name(found)["Beijing"].country == "CHN"  # object of a verb, not an actor: stays a place


# --------------------------------------------------------------------------------------------- countries, roles


def test_apposition_takes_the_owner_country_not_the_target():
    text = "Sementara itu, utusan khusus Jepang untuk Myanmar, Kenji Harada, tiba di Yangon."
    found = find_entities(
        text,
        "id",
        mentions=mentions(
            text, ("Jepang", "LOC"), ("Myanmar", "LOC"), ("Kenji Harada", "PER"), ("Yangon", "LOC")
        ),
    )
    harada = by_name(found)["Kenji Harada"]
    assert harada.country == "JPN"
    assert harada.role == "GOV"


def test_english_apposition_after_the_name():
    text = "Marta Silva, the Brazilian opposition leader, met voters. Silva spoke for an hour."
    found = find_entities(text, "en", mentions=mentions(text, ("Marta Silva", "PER"), ("Silva", "PER")))
    silva = by_name(found)["Marta Silva"]
    assert (silva.country, silva.role) == ("BRA", "OPP")
    assert len(silva.mentions) == 2


def test_possessive_nya_refers_back_to_the_previous_person():
    text = (
        "Presiden Kuba Rafael Mendoza menolak usulan itu, sementara penasihat keamanannya, Luis Ortega, "
        "mengatakan bahwa dialog masih mungkin."
    )
    found = find_entities(
        text, "id", mentions=mentions(text, ("Presiden Kuba Rafael Mendoza", "PER"), ("Luis Ortega", "PER"))
    )
    people = by_name(found)
    assert people["Rafael Mendoza"].country == "CUB" and people["Rafael Mendoza"].role == "GOV"
    assert people["Luis Ortega"].country == "CUB"
    assert people["Luis Ortega"].role == "GOV"


def test_english_possessive_his():
    text = "Chilean President Tomas Rojas arrived late; his national security adviser Pablo Vera stayed home."
    found = find_entities(text, "en", mentions=mentions(text, ("Tomas Rojas", "PER"), ("Pablo Vera", "PER")))
    people = by_name(found)
    assert people["Tomas Rojas"].country == "CHL"
    assert people["Pablo Vera"].country == "CHL" and people["Pablo Vera"].role == "GOV"


def test_demonym_after_a_preposition_with_no_role_word_before_it_owns_the_name():
    """ "met with his Brazilian counterpart X": the preposition opens the phrase, so Brazil is X's country, not a
    target as in "envoy of Japan to Myanmar, X", and it beats the possessive's owner."""
    text = "Chilean Foreign Minister Tomas Rojas met with his Brazilian counterpart Marta Silva in Lima."
    found = find_entities(
        text,
        "en",
        mentions=mentions(text, ("Tomas Rojas", "PER"), ("Marta Silva", "PER"), ("Lima", "LOC")),
    )
    people = by_name(found)
    assert (people["Tomas Rojas"].country, people["Tomas Rojas"].role) == ("CHL", "GOV")
    assert (people["Marta Silva"].country, people["Marta Silva"].role) == ("BRA", "GOV")


def test_state_commission_is_government_and_its_spokesperson_works_for_it():
    text = (
        "Komisi Pengawas Anggaran (KPA) memeriksa dua pejabat. Juru bicara KPA Dimas Ardi mengatakan hal itu."
    )
    found = find_entities(
        text,
        "id",
        mentions=mentions(
            text, ("Komisi Pengawas Anggaran", "ORG"), ("KPA", "ORG"), ("KPA", "ORG"), ("Dimas Ardi", "PER")
        ),
    )
    commission = entity_with(found, "Komisi Pengawas Anggaran")
    assert commission.role == "GOV"
    assert by_name(found)["Dimas Ardi"].role == "GOV"


def test_form_of_address_makes_a_person_and_a_leading_demonym_is_context():
    text = (
        "American Daniel Ross Walker was freed on Friday. Mr. Walker thanked General Motors, "
        "where he had worked."
    )
    found = find_entities(
        text,
        "en",
        mentions=mentions(
            text,
            ("American Daniel Ross Walker", "PER"),
            ("Friday", "PER"),
            ("Mr. Walker", "ORG"),
            ("General Motors", "ORG"),
        ),
    )
    people = by_name(found)
    walker = people["Daniel Ross Walker"]
    assert walker.country == "USA" and walker.type == "PER"
    assert len(walker.mentions) == 2  # "Mr. Walker" is the same person
    assert people["General Motors"].type == "ORG"  # a title before one word is not always a person
    assert "Friday" not in people


def test_acronym_defined_in_brackets_is_found_later_and_gives_its_staff_the_employer():
    text = (
        "Badan Penanggulangan Kebakaran Kota (BPKK) Medan mencatat 12 kejadian. "
        "Kepala Pelaksana BPKK Medan, Rudi Santoso, menyebutkan petugas sudah siaga."
    )
    found = find_entities(
        text,
        "id",
        mentions=mentions(
            text,
            ("Badan Penanggulangan Kebakaran Kota", "ORG"),
            ("Medan", "LOC"),
            ("Medan", "LOC"),
            ("Rudi Santoso", "PER"),
        ),
    )
    agency = entity_with(found, "Badan Penanggulangan Kebakaran Kota")
    assert [m.text for m in agency.mentions].count("BPKK") == 2
    assert by_name(found)["Rudi Santoso"].role == "GOV"


@pytest.mark.parametrize("model_type", ["PER", "LOC"])
def test_office_title_before_a_place_the_text_names_is_the_place_not_a_person(model_type):
    text = (
        "Air merendam rumah di Kelurahan Sukamaju, Jakarta Timur. "
        "Lurah Sukamaju, Dewi Lestari, mengatakan warga mengungsi."
    )
    found = find_entities(
        text,
        "id",
        mentions=sorted(
            [
                *mentions(
                    text, ("Kelurahan Sukamaju", "LOC"), ("Jakarta Timur", "LOC"), ("Dewi Lestari", "PER")
                ),
                Mention(
                    text.rindex("Sukamaju"), text.rindex("Sukamaju") + 8, "Sukamaju", model_type, 0.9, None
                ),
            ],
            key=lambda m: m.start,
        ),
    )
    village = entity_with(found, "Kelurahan Sukamaju")
    assert village.type == "LOC" and village.country == "IDN"  # within the known city named after the comma
    assert [m.text for m in village.mentions] == ["Kelurahan Sukamaju", "Sukamaju"]
    assert by_name(found)["Dewi Lestari"].role == "GOV"


def test_currency_sign_is_not_a_country_and_unnamed_state_bodies_are_the_datelines():
    text = (
        "Kementerian Perikanan menargetkan ekspor senilai US$2 miliar ke Jepang. "
        "Menteri Perikanan Bayu Pratama mengatakan target itu realistis."
    )
    found = find_entities(
        text,
        "id",
        dateline="Jakarta",
        mentions=mentions(
            text, ("Kementerian Perikanan", "ORG"), ("US", "LOC"), ("Jepang", "LOC"), ("Bayu Pratama", "PER")
        ),
    )
    names = by_name(found)
    assert "Amerika Serikat" not in names and "US" not in names
    assert (names["Kementerian Perikanan"].country, names["Kementerian Perikanan"].role) == ("IDN", "GOV")


@pytest.mark.parametrize("model_type", ["PER", "MISC"])
def test_name_ending_with_an_organisation_noun_is_an_organisation(model_type):
    text = (
        "The Icelandic Meteorological Office said the Secretary of Energy and Water Services Ana Ruiz agreed."
    )
    found = find_entities(
        text,
        "en",
        mentions=mentions(
            text,
            ("Icelandic Meteorological Office", model_type),
            ("Water Services", "PER"),
            ("Ana Ruiz", "PER"),
        ),
    )
    names = by_name(found)
    assert names["Icelandic Meteorological Office"].type == "ORG"
    assert names["Water Services"].type == "ORG"
    assert names["Ana Ruiz"].role == "GOV"  # "Secretary of Energy and Water Services" is her office


@pytest.mark.parametrize("model_type", ["PER", "MISC", "LOC"])
def test_name_with_a_place_noun_is_a_place_even_before_an_apposition_like_clause(model_type):
    text = "Rebels freed the hostages in Qarabel province, an official said. Captain Tom Reed scored twice."
    found = find_entities(
        text,
        "en",
        mentions=mentions(text, ("Qarabel province", model_type), ("Tom Reed", "PER")),
    )
    names = by_name(found)
    assert names["Qarabel province"].type == "LOC"
    assert names["Tom Reed"].role is None  # "captain" is a sports or ship title as often as a military rank


def test_long_office_title_with_and_and_a_bracketed_acronym_gives_the_person_the_role():
    text = "Menteri Kelautan dan Perikanan Baru (KKPB) Sakti Wibisono meninjau pelabuhan di Bitung."
    found = find_entities(
        text,
        "id",
        mentions=mentions(text, ("KKPB", "ORG"), ("Sakti Wibisono", "PER"), ("Bitung", "LOC")),
    )
    people = by_name(found)
    assert people["Sakti Wibisono"].role == "GOV"
    assert people["KKPB"].type == "ORG"  # the office's short name, not a titled person


@pytest.mark.parametrize("model_type", ["PER", "LOC", "ORG", "MISC"])
def test_coordination_with_a_class_types_and_places_the_name(model_type):
    text = "“Zeltronix dan perusahaan Jerman lainnya siap berinvestasi,” kata juru bicara Zeltronix."
    # whatever the model calls the company, the class noun "perusahaan" makes it an organisation
    given = mentions(text, ("Zeltronix", model_type), ("Zeltronix", model_type))
    found = find_entities(text, "id", mentions=given)
    company = by_name(found)["Zeltronix"]
    assert (company.type, company.country, company.role) == ("ORG", "DEU", "BUS")
    assert len(company.mentions) == 2


def test_unknown_capitalised_word_becomes_an_entity_only_when_the_context_types_it():
    text = (
        "Pada hari Kamis, layanan pers Kovaltek menyatakan bahwa Kovaltek dan organisasi Ukraina lainnya "
        "mendukung rencana itu. Pada hari Jumat hujan turun."
    )
    found = find_entities(text, "id", mentions=[])
    org = by_name(found)["Kovaltek"]
    assert (org.type, org.country) == ("ORG", "UKR")
    assert org.role is None  # "layanan pers X" is X's press service: no role for X
    assert "Jumat" not in by_name(found) and "Kamis" not in by_name(found)


def test_organisation_name_gives_role_and_country():
    text = "Kementerian Pertahanan Filipina membantah laporan itu, sementara Partai Hijau diam."
    found = find_entities(
        text,
        "id",
        mentions=mentions(text, ("Kementerian Pertahanan Filipina", "ORG"), ("Partai Hijau", "ORG")),
    )
    ministry = by_name(found)["Kementerian Pertahanan Filipina"]
    assert (ministry.country, ministry.role) == ("PHL", "GOV")
    assert by_name(found)["Partai Hijau"].role == "PTY"


def test_domestic_role_falls_back_to_the_dateline_country_and_others_do_not():
    text = (
        "Demonstrasi dipimpin oleh pemimpin oposisi, Ana Lopes. Seorang turis, Mark Doe, menonton. "
        "Media Brasil dan Kolombia meliputnya dari Bogota."
    )
    given = mentions(text, ("Ana Lopes", "PER"), ("Mark Doe", "PER"))
    found = by_name(find_entities(text, "id", dateline="Caracas", mentions=given))
    assert (found["Ana Lopes"].country, found["Ana Lopes"].role) == ("VEN", "OPP")
    assert found["Mark Doe"].country is None
    assert by_name(find_entities(text, "id", mentions=given))["Ana Lopes"].country is None


def test_known_people_give_country_when_the_text_does_not():
    text = "Pejabat dalam pemerintahan Vladimir Putin membantah laporan itu."
    found = by_name(find_entities(text, "id", mentions=mentions(text, ("Vladimir Putin", "PER"))))
    assert found["Vladimir Putin"].country == "RUS"
    assert found["Vladimir Putin"].role == "GOV"


def test_malay_uses_its_own_names_and_role_words():
    text = "Kerajaan Amerika Syarikat dan syarikat Jepun lain membincangkan perkara itu di Tokyo."
    # the country and office in the organisation's own name outrank the class phrase after it
    found = find_entities(text, "ms", mentions=mentions(text, ("Tokyo", "LOC")))
    government = entity_with(found, "Kerajaan Amerika Syarikat")
    assert (government.type, government.country, government.role) == ("ORG", "USA", "GOV")
    assert entity_with(found, "Tokyo").country == "JPN"


# --------------------------------------------------------------------------------------------- data


@pytest.mark.parametrize("lang", ["id", "ms", "en"])
def test_language_data_files_load(lang):
    data = actor_data(lang)
    assert data.places["venezuela"].country == "VEN"
    assert all(
        role.code is None or (role.code.isupper() and len(role.code) == 3) for role in data.roles.values()
    )
    assert {"prep", "and", "adverb"} <= set(data.grammar)
    assert data.place("caracas").kind == "capital"


# --------------------------------------------------------------------------------------------- pipeline


def test_annotator_is_registered_before_quotes():
    names = [name for name, _ in ANNOTATORS]
    assert NAME in names
    if "nlp.quotes.v1" in names:
        assert names.index(NAME) < names.index("nlp.quotes.v1")


def test_annotate_reads_article_text_only():
    article = Article(
        paragraphs=["Presiden Prancis berbicara di Paris."],
        language="id",
        boilerplate=["Bagikan ke Facebook dan Twitter"],
    )
    record = Record(id="x", article=article)
    annotate(record)
    names = {e.name for e in record.entities}
    assert "Prancis" in names
    assert not names & {"Facebook", "Twitter"}


def test_process_gives_schema_valid_records_with_entities():
    page = FIXTURES / "entities" / "id_diplomasi.txt"
    result = CliRunner().invoke(app, ["process", str(page), "--format", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0
    (record,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert_valid_record(record)
    assert NAME in record["steps"]
    text = record["text"]
    for entity in record["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    ids = [e["id"] for e in record["entities"]]
    assert ids == [f"e{i}" for i in range(1, len(ids) + 1)]
    countries = {e.get("country") for e in record["entities"] if e["type"] == "LOC"}
    assert {"IDN", "USA"} <= countries
    usa = next(e for e in record["entities"] if e["name"] == "Amerika Serikat")
    assert {"AS", "Washington"} <= {m["text"] for m in usa["mentions"]}  # short form; capital acting
    equipment = [e for e in record["entities"] if e.get("kind") == "equipment"]
    assert [e["name"] for e in equipment] == ["KF-21"]


def test_acronym_in_brackets_joins_the_full_name():
    text = "Badan Pusat Statistik (BPS) mencatat kenaikan harga. Menurut BPS, inflasi naik."
    found = find_entities(
        text, "id", mentions=mentions(text, ("Badan Pusat Statistik", "ORG"), ("BPS", "ORG"), ("BPS", "ORG"))
    )
    (org,) = [e for e in found if e.type == "ORG"]
    assert org.name == "Badan Pusat Statistik" and [m.text for m in org.mentions] == [
        "Badan Pusat Statistik",
        "BPS",
        "BPS",
    ]
    assert org.role == "GOV"


def test_title_phrase_and_name_tagged_as_one_organisation_becomes_the_person():
    text = "Menteri Luar Negeri Indonesia Sari Wulandari menolak. Wulandari menegaskan sikapnya."
    given = mentions(text, ("Luar Negeri Indonesia Sari Wulandari", "ORG"), ("Wulandari", "PER"))
    person = by_name(find_entities(text, "id", mentions=given))["Sari Wulandari"]
    assert (person.type, person.country, person.role, len(person.mentions)) == ("PER", "IDN", "GOV", 2)


def test_title_phrase_tagged_as_misc_becomes_the_person():
    text = "Polish Agriculture Minister Tomasz Nowak told reporters. Nowak left."
    found = find_entities(
        text,
        "en",
        mentions=mentions(text, ("Polish Agriculture Minister Tomasz Nowak", "MISC"), ("Nowak", "PER")),
    )
    nowak = by_name(found)["Tomasz Nowak"]
    assert (nowak.type, nowak.country, nowak.role, len(nowak.mentions)) == ("PER", "POL", "GOV", 2)


def test_sentence_initial_common_word_and_month_in_a_date_are_not_names():
    text = "This is fine. Banjir datang pada 3 Mac 2021 di Kelantan."
    found = find_entities(text, "en", mentions=mentions(text, ("This", "MISC"), ("Mac", "PER")))
    assert not {"This", "Mac"} & set(by_name(found))


def test_district_of_a_known_city_gets_its_country():
    text = "Air merendam rumah di Jakarta Timur dan Kelurahan Cawang."
    found = find_entities(
        text, "id", mentions=mentions(text, ("Jakarta Timur", "LOC"), ("Kelurahan Cawang", "LOC"))
    )
    assert by_name(found)["Jakarta Timur"].country == "IDN"
    assert by_name(found)["Kelurahan Cawang"].country == "IDN"  # no known town in it, but a kelurahan is Indonesian


def test_short_name_in_brackets_and_employer_in_the_title():
    text = (
        "Presiden Joko Widodo (Jokowi) hadir. Direktur Utama PT Pertamina (Persero) Nicke Widyawati juga hadir. "
        "Juru bicara Kementerian Luar Negeri China, Wang Wenbin, menyatakan hal itu. Jokowi tersenyum."
    )
    given = mentions(
        text,
        ("Joko Widodo", "PER"),
        ("Jokowi", "PER"),
        ("PT Pertamina", "ORG"),
        ("Persero", "ORG"),
        ("Nicke Widyawati", "PER"),
        ("Kementerian Luar Negeri China", "ORG"),
        ("Wang Wenbin", "PER"),
        ("Jokowi", "PER"),
    )
    found = by_name(find_entities(text, "id", mentions=given))
    assert [m.text for m in found["Joko Widodo"].mentions] == ["Joko Widodo", "Jokowi", "Jokowi"]
    assert found["Nicke Widyawati"].role == "BUS"
    assert (found["Wang Wenbin"].country, found["Wang Wenbin"].role) == ("CHN", "GOV")


def test_first_office_of_a_stacked_title_is_the_role():
    text = "Kapolri Jenderal Budi Hartono mengatakan situasi aman."
    found = by_name(find_entities(text, "id", mentions=mentions(text, ("Budi Hartono", "PER"))))
    assert found["Budi Hartono"].role == "COP"


def test_surname_taken_for_a_place_joins_the_person():
    text = "Jeff Sanborn runs the clinic. Sanborn said the clinic is full. Sanborn added more."
    given = mentions(text, ("Jeff Sanborn", "PER"), ("Sanborn", "LOC"), ("Sanborn", "LOC"))
    found = find_entities(text, "en", mentions=given)
    assert [(e.name, e.type, len(e.mentions)) for e in found] == [("Jeff Sanborn", "PER", 3)]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Aa Bb Rusia AS Moskow,.“”()-nya\\n")), max_size=200))
def test_any_text_gives_entities_whose_spans_index_it(text):
    found = find_entities(text, "id")
    assert_spans_match(text, found)
    assert [e.id for e in found] == [f"e{i}" for i in range(1, len(found) + 1)]


def test_english_class_coordination_title_mentions_and_capital_actor():
    text = (
        "Moscow would respond, ministry spokeswoman Maria Zakharova said, as U.S. Secretary of State Tom Reed "
        "arrived. Gazprom and other Russian energy companies were spared. The European Union said nothing."
    )
    given = mentions(
        text,
        ("Moscow", "LOC"),
        ("Maria Zakharova", "PER"),
        ("U.S. Secretary of State", "ORG"),
        ("Tom Reed", "PER"),
        ("Gazprom", "MISC"),
        ("The European Union", "ORG"),
    )
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["Russia"].mentions[0].text == "Moscow"
    assert (found["Tom Reed"].country, found["Tom Reed"].role) == ("USA", "GOV")
    assert "U.S. Secretary of State" not in found
    assert (found["Gazprom"].type, found["Gazprom"].country, found["Gazprom"].role) == ("ORG", "RUS", "BUS")
    assert found["European Union"].country is None


def test_country_glued_to_a_name_after_a_title_and_short_island_names_stay_places():
    text = "Presiden Venezuela Nicolas Maduro tiba di Bali. Wisatawan di Aceh dan Bali bertambah."
    given = mentions(
        text, ("Venezuela Nicolas Maduro", "PER"), ("Bali", "LOC"), ("Aceh", "LOC"), ("Bali", "LOC")
    )
    found = by_name(find_entities(text, "id", mentions=given))
    assert (found["Nicolas Maduro"].country, found["Nicolas Maduro"].role) == ("VEN", "GOV")
    assert found["Bali"].country == "IDN" and len(found["Bali"].mentions) == 2
    assert "Indonesia" not in found  # Bali is a place in Indonesia, not a name of the country


def test_institution_noun_before_a_country_is_an_organisation():
    text = "Tentara Venezuela tetap setia, sementara Pemerintah Filipina diam. Warga Venezuela menunggu."
    found = by_name(
        find_entities(text, "id", mentions=mentions(text, ("Venezuela", "LOC"), ("Filipina", "LOC")))
    )
    assert (found["Tentara Venezuela"].type, found["Tentara Venezuela"].country) == ("ORG", "VEN")
    assert found["Tentara Venezuela"].role == "MIL"
    assert (found["Pemerintah Filipina"].country, found["Pemerintah Filipina"].role) == ("PHL", "GOV")
    assert [m.text for m in found["Venezuela"].mentions] == ["Venezuela"]  # "Warga" is no institution


def test_cli_ner_tags_a_conll_file(tmp_path):
    conll = tmp_path / "tokens.conll"
    conll.write_text(
        "Presiden\tO\nJoko\tB-PER\nWidodo\tI-PER\ntiba\tO\n.\tO\n\nIa\tO\npergi\tO\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["ner", "--conll", str(conll), "--lang", "id"], catch_exceptions=False)
    assert result.exit_code == 0
    blocks = result.stdout.strip().split("\n\n")
    assert len(blocks) == 2
    rows = [line.split("\t") for line in blocks[0].splitlines()]
    assert [r[0] for r in rows] == ["Presiden", "Joko", "Widodo", "tiba", "."]
    assert all(r[1] == "O" or r[1][:2] in ("B-", "I-") for r in rows)


def test_actors_of_a_record_about_the_dateline_country_belong_to_it():
    text = "Hasto bertemu Rina Wati di Palembang. Indonesia, kata Hasto, siap. Sementara itu Jepang diam."
    given = mentions(text, ("Hasto", "PER"), ("Rina Wati", "PER"), ("Palembang", "LOC"), ("Hasto", "PER"))
    found = by_name(find_entities(text, "id", dateline="Jakarta", mentions=given))
    assert found["Hasto"].country == "IDN" and found["Rina Wati"].country == "IDN"
    assert (
        by_name(find_entities(text, "id", mentions=given))["Hasto"].country is None
    )  # no dateline, no guess


def test_unknown_place_with_a_person_title_is_a_person():
    text = "Ketua Partai Golkar Zaenal Bintang hadir. Perwakilan Zaenal Bintang menolak berkomentar."
    given = mentions(text, ("Partai Golkar", "ORG"), ("Zaenal Bintang", "LOC"), ("Zaenal Bintang", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Zaenal Bintang"].type == "PER"


def test_organisation_head_noun_outvotes_a_person_title_before_it():
    text = "Ketua Umum Partai Golkar, Jusuf Kalla, akan memberikan penjelasan."
    given = mentions(text, ("Partai Golkar", "PER"), ("Jusuf Kalla", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    golkar = found["Partai Golongan Karya"]  # the listed party, named in full
    assert golkar.type == "ORG" and golkar.role == "PTY"
    assert found["Jusuf Kalla"].type == "PER"


def test_english_apposition_with_a_possessive_country():
    text = "Zeltronix, Russia's state arms exporter, opened a centre. Zeltronix said it would grow."
    given = mentions(text, ("Zeltronix", "PER"), ("Russia", "LOC"), ("Zeltronix", "PER"))
    company = by_name(find_entities(text, "en", mentions=given))["Zeltronix"]
    assert (company.type, company.country, company.role) == ("ORG", "RUS", "BUS")


def test_national_bodies_known_by_short_name_carry_their_country_without_a_dateline():
    text = "Panglima TNI Budi Santoso menemui pimpinan DPR. Densus 88 Antiteror Polri berjaga di Jatim."
    given = mentions(
        text,
        ("TNI", "PER"),
        ("Budi Santoso", "PER"),
        ("DPR", "ORG"),
        ("Densus 88 Antiteror Polri", "ORG"),
        ("Jatim", "LOC"),
    )
    found = by_name(find_entities(text, "id", mentions=given))
    tni, dpr = found["Tentara Nasional Indonesia"], found["Dewan Perwakilan Rakyat"]  # named in full
    assert (tni.type, tni.country, tni.role) == ("ORG", "IDN", "MIL")
    assert (dpr.country, dpr.role) == ("IDN", "LEG")
    assert found["Budi Santoso"].country == "IDN"  # through his employer, the TNI
    assert found["Densus 88 Antiteror Polri"].country == "IDN"  # a unit named after the body it belongs to
    assert found["Jatim"].country == "IDN"
    malay = "PDRM akan bekerjasama dengan Wisma Putra."
    found = by_name(
        find_entities(malay, "ms", mentions=mentions(malay, ("PDRM", "ORG"), ("Wisma Putra", "LOC")))
    )
    assert (found["PDRM"].country, found["PDRM"].role) == ("MYS", "COP")
    assert (found["Wisma Putra"].type, found["Wisma Putra"].country) == ("ORG", "MYS")


def test_a_name_never_spans_an_unbalanced_bracket_and_sea_features_are_places():
    text = "SYDNEY (Kestrel News) - Boats gathered near Second Wallace Shoal, and the navy posted a video on Twitter."
    given = mentions(text, ("SYDNEY (Kestrel News", "ORG"), ("Wallace Shoal", "PER"), ("Twitter", "LOC"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["SYDNEY"].type == "LOC" and found["SYDNEY"].country == "AUS"
    assert found["Kestrel News"].type == "ORG"
    assert found["Wallace Shoal"].type == "LOC"
    assert found["Twitter"].type == "ORG"
    balanced = "The Party (PDX) met."
    kept = by_name(find_entities(balanced, "en", mentions=mentions(balanced, ("The Party (PDX)", "ORG"))))
    assert "Party (PDX)" in kept


def test_a_record_naming_many_countries_is_not_about_the_dateline_country():
    text = (
        "Spain beat Russia. Kira Valen of Croatia lost to Serbia, France and Japan advanced, Spain waits. "
        "Oskar Lind said the draw was hard."
    )
    names = ("Spain", "Russia", "Kira Valen", "Croatia", "Serbia", "France", "Japan", "Spain", "Oskar Lind")
    given = mentions(text, *[(n, "PER" if " " in n else "LOC") for n in names])
    found = by_name(find_entities(text, "en", dateline="Madrid", mentions=given))
    assert found["Oskar Lind"].country is None  # Spain: 2 of 7 place mentions
    home = "Spain beat Russia in Madrid and Seville. Oskar Lind said the draw was hard."
    given = mentions(
        home,
        ("Spain", "LOC"),
        ("Russia", "LOC"),
        ("Madrid", "LOC"),
        ("Seville", "LOC"),
        ("Oskar Lind", "PER"),
    )
    assert (
        by_name(find_entities(home, "en", dateline="Madrid", mentions=given))["Oskar Lind"].country == "ESP"
    )


def test_all_capitals_subheading_is_cut_to_its_place():
    text = "PERU ADVANCES AGAIN\n\nPeru beat Chile. NEW YORK officials watched."
    given = mentions(
        text, ("PERU ADVANCES AGAIN", "PER"), ("Peru", "LOC"), ("Chile", "LOC"), ("NEW YORK", "ORG")
    )
    found = by_name(find_entities(text, "en", mentions=given))
    assert [m.text for m in found["Peru"].mentions] == ["PERU", "Peru"]
    assert "NEW YORK" in found and "PERU ADVANCES AGAIN" not in found


def test_a_leader_named_by_surname_alone_and_armed_groups_and_un_acronyms():
    text = "Putin met Erdogan. Johnson said the Taliban and Hezbollah ignored the UN."
    names = (
        ("Putin", "PER"),
        ("Erdogan", "PER"),
        ("Johnson", "PER"),
        ("Taliban", "ORG"),
        ("Hezbollah", "PER"),
        ("UN", "ORG"),
    )
    found = by_name(find_entities(text, "en", mentions=mentions(text, *names)))
    assert (found["Vladimir Putin"].country, found["Vladimir Putin"].role) == ("RUS", "GOV")
    assert found["Recep Tayyip Erdogan"].country == "TUR"
    assert found["Johnson"].country is None  # many known people are called Johnson
    assert (found["Taliban"].country, found["Taliban"].role) == ("AFG", "REB")
    assert (found["Hezbollah"].type, found["Hezbollah"].country) == ("ORG", "LBN")
    assert found["UN"].role == "IGO"
    month = "In May the council met."
    assert "Theresa May" not in by_name(find_entities(month, "en", mentions=mentions(month, ("May", "PER"))))


def test_world_towns_give_their_country_and_a_town_after_in_is_a_place():
    text = "Officials in Aberdeen met envoys from Abbottabad. Reading the report, Kira Holm agreed."
    given = mentions(
        text, ("Aberdeen", "PER"), ("Abbottabad", "LOC"), ("Reading", "LOC"), ("Kira Holm", "PER")
    )
    found = by_name(find_entities(text, "en", mentions=given))
    assert (found["Aberdeen"].type, found["Aberdeen"].country) == ("LOC", "GBR")
    assert found["Abbottabad"].country == "PAK"
    assert found.get("Reading") is None or found["Reading"].country is None  # the word, not the English town


def test_measures_are_no_bodies_and_a_body_named_after_its_town_has_its_country():
    text = (
        "Kepolisian Resor Sleman, Komisaris Besar Budi Santoso, mengatakan PSBB diperpanjang. Pelanggar "
        "dijerat Pasal 212 KUHP."
    )
    given = mentions(
        text, ("Kepolisian Resor Sleman", "ORG"), ("Budi Santoso", "PER"), ("PSBB", "ORG"), ("KUHP", "ORG")
    )
    found = by_name(find_entities(text, "id", mentions=given))
    police = found["Kepolisian Resor Sleman"]
    assert (police.type, police.country) == ("ORG", "IDN")
    assert found["Budi Santoso"].role == "COP"  # a police rank
    assert found["PSBB"].type == "MISC" and found["KUHP"].type == "MISC"  # a measure and the criminal code


def test_a_leader_surname_the_tagger_missed_is_found_unless_part_of_a_longer_name():
    text = "Putin asked Kira Holm for talks. Crowds gathered on Putin Avenue."
    found = by_name(find_entities(text, "en", mentions=mentions(text, ("Kira Holm", "PER"))))
    assert [m.start for m in found["Vladimir Putin"].mentions] == [0]  # not the avenue


def test_company_and_media_head_nouns_and_regional_police_and_army_commands():
    text = "Kestrel Airways said Harbour News reported it. General Motors agreed."
    given = mentions(text, ("Kestrel Airways", "ORG"), ("Harbour News", "ORG"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["Kestrel Airways"].role == "BUS" and found["Harbour News"].role == "MED"
    assert (found["General Motors"].type, found["General Motors"].role) == (
        "ORG",
        "BUS",
    )  # not General Motors, MIL
    text = "Polres Sleman dan Kodim Sleman berjaga."
    given = mentions(text, ("Polres Sleman", "ORG"), ("Kodim Sleman", "ORG"))
    found = by_name(find_entities(text, "id", mentions=given))
    # named in full (regional_forms.id.tsv), so that "Polres Sleman" and "Kepolisian Resor Sleman" are one body
    assert (
        found["Kepolisian Resor Sleman"].role == "COP"
        and found["Komando Distrik Militer Sleman"].role == "MIL"
    )


def test_offices_only_indonesia_has_and_the_territory_after_the_title():
    text = "Kapolsek Tono Wiryo dan Camat Cibening, Asep Hidayat, hadir. Bupati Rudy, Senin (1/2), menolak."
    given = mentions(
        text, ("Tono Wiryo", "PER"), ("Cibening", "PER"), ("Asep Hidayat", "PER"), ("Rudy", "PER")
    )
    found = by_name(find_entities(text, "id", mentions=given))
    assert (found["Tono Wiryo"].country, found["Tono Wiryo"].role) == ("IDN", "COP")  # no dateline needed
    assert found["Cibening"].type == "LOC"  # the district the camat governs
    assert (found["Asep Hidayat"].country, found["Asep Hidayat"].role) == ("IDN", "GOV")
    assert found["Rudy"].type == "PER"  # a weekday after the comma, not a person


def test_without_a_dateline_state_bodies_take_the_country_most_places_are_in():
    text = "Kementerian Keuangan menolak usulan itu. Banjir melanda Bandung, Bekasi dan Bogor sejak Senin."
    names = (("Kementerian Keuangan", "ORG"), ("Bandung", "LOC"), ("Bekasi", "LOC"), ("Bogor", "LOC"))
    found = by_name(find_entities(text, "id", mentions=mentions(text, *names)))
    assert found["Kementerian Keuangan"].country == "IDN"
    few = "Kementerian Keuangan menolak usulan itu di Bandung."
    names = (("Kementerian Keuangan", "ORG"), ("Bandung", "LOC"))
    assert (
        by_name(find_entities(few, "id", mentions=mentions(few, *names)))["Kementerian Keuangan"].country
        is None
    )


def test_a_name_running_into_a_title_ends_before_it_and_a_town_before_region_is_a_place():
    text = "NATO Secretary-General Kira Holm met Norland Defense Minister Olav Berg in the Donetsk region."
    given = mentions(
        text,
        ("NATO Secretary", "ORG"),
        ("Kira Holm", "PER"),
        ("Norland Defense", "ORG"),
        ("Olav Berg", "PER"),
        ("Donetsk", "MISC"),
    )
    found = by_name(find_entities(text, "en", mentions=given))
    assert "NATO" in found and "NATO Secretary" not in found
    assert found["Kira Holm"].role != "MIL"  # "General" belongs to "Secretary-General", not a rank
    assert "Norland" in found and found["Olav Berg"].role == "GOV"
    assert (found["Donetsk"].type, found["Donetsk"].country) == ("LOC", "UKR")


def test_the_employer_named_in_the_text_outranks_the_role_an_old_list_gives():
    text = "NATO Secretary-General Mark Rutte arrived."
    given = mentions(text, ("NATO", "ORG"), ("Mark Rutte", "PER"))
    rutte = by_name(find_entities(text, "en", mentions=given))["Mark Rutte"]
    assert (rutte.country, rutte.role) == ("NLD", "IGO")  # Phoenix (to 2014) lists him as a Dutch politician


def test_a_leader_known_by_one_name_is_known():
    text = "Menteri Luar Negeri Sugiono bertemu Menlu Rusia Sergei Lavrov di Moskwa."
    given = mentions(text, ("Sugiono", "PER"), ("Rusia", "LOC"), ("Sergei Lavrov", "PER"), ("Moskwa", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert (found["Sugiono"].country, found["Sugiono"].role) == ("IDN", "GOV")
    assert found["Sergei Lavrov"].country == "RUS"


def test_an_official_with_no_country_in_the_text_gets_none_from_the_dateline_alone():
    # "Ministry spokeswoman Mao Ning" in a Washington story about China's ministry: the dateline would be wrong
    text = (
        "China's foreign ministry condemned the move. Ministry spokeswoman Lin Wei urged lawmakers to stop."
    )
    given = mentions(text, ("China", "LOC"), ("Lin Wei", "PER"))
    found = by_name(find_entities(text, "en", dateline="Washington", mentions=given))
    assert found["Lin Wei"].country != "USA"


def test_a_town_in_an_office_title_gives_the_officer_its_country():
    text = "Wali Kota Bogor Bima Arya menemui Komnas HAM Provinsi Maluku dan Tentara Nasional Indonesia."
    given = mentions(
        text,
        ("Kota Bogor", "LOC"),
        ("Bima Arya", "PER"),
        ("Komnas HAM", "ORG"),
        ("Provinsi Maluku", "LOC"),
        ("Indonesia", "LOC"),
    )
    found = by_name(find_entities(text, "id", mentions=given))
    assert (found["Bima Arya"].country, found["Bima Arya"].role) == ("IDN", "GOV")
    assert found["Komnas HAM Provinsi Maluku"].type == "ORG"  # its branch there, not a place
    assert found["Tentara Nasional Indonesia"].role == "MIL"
    text = "Springfield Mayor Ann Cole spoke."
    given = mentions(text, ("Springfield", "LOC"), ("Ann Cole", "PER"))
    assert by_name(find_entities(text, "en", mentions=given))["Ann Cole"].country == "USA"


def test_country_entities_take_cldr_short_names():
    text = "Hong Kong and Palestine sent delegates."
    given = mentions(text, ("Hong Kong", "LOC"), ("Palestine", "LOC"))
    names = {e.name for e in find_entities(text, "en", mentions=given)}
    assert {"Hong Kong", "Palestine"} <= names  # not "Hong Kong SAR China", "Palestinian Territories"
    assert country_name("COD", "id") == "RD Kongo"


def test_initials_of_suspects_are_people_not_countries():
    text = (
        "Polisi menangkap dua tersangka berinisial AS dan RH di Sidoarjo. Presiden AS mengecam serangan itu."
    )
    given = mentions(text, ("AS", "LOC"), ("RH", "ORG"), ("Sidoarjo", "LOC"))
    found = find_entities(text, "id", mentions=given)
    suspect = next(e for e in found if any(m.start == text.index("AS") for m in e.mentions))
    assert suspect.type == "PER" and suspect.country is None
    assert any(e.country == "USA" and e.type == "LOC" for e in found)  # "Presiden AS" is still the US


def test_messaging_platforms_are_companies_not_places():
    text = "The embassy posted a statement on its Telegram channel and on WeChat."
    found = by_name(
        find_entities(text, "en", mentions=mentions(text, ("Telegram", "LOC"), ("WeChat", "PER")))
    )
    assert found["Telegram"].type == "ORG" and found["WeChat"].type == "ORG"


def test_bodies_listed_without_a_country_get_none_from_the_dateline_or_an_owner():
    text = "Kira Holm spoke in London. The embassy posted it on its Telegram channel, and ISIS denied it."
    given = mentions(text, ("Kira Holm", "PER"), ("London", "LOC"), ("Telegram", "ORG"), ("ISIS", "ORG"))
    found = by_name(find_entities(text, "en", dateline="London", mentions=given))
    assert found["Kira Holm"].country == "GBR"  # a record about the dateline's country
    assert found["Telegram"].country is None and found["ISIS"].country is None


def test_a_weekday_before_an_apposition_is_no_person():
    text = "On Monday, the court rejected the appeal filed by the ministry."
    found = find_entities(text, "en", mentions=[])
    assert not any(e.name == "Monday" for e in found)  # "Monday, the court" read as "X, the judge" gave PER


def test_international_organisations_are_igos_whatever_their_name_words_say():
    text = "Bank Dunia dan Palang Merah Internasional menyalurkan bantuan bersama Uni Eropa."
    given = mentions(text, ("Bank Dunia", "ORG"), ("Palang Merah Internasional", "ORG"), ("Uni Eropa", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert (found["Bank Dunia"].role, found["Bank Dunia"].country) == ("IGO", None)  # "bank" is no firm here
    assert (found["Palang Merah Internasional"].role, found["Palang Merah Internasional"].country) == (
        "NGO",
        None,
    )
    assert found["Uni Eropa"].type == "ORG" and found["Uni Eropa"].role == "IGO"
    text = "The European Union and the EU's partners met the World Bank."
    given = mentions(text, ("European Union", "ORG"), ("EU", "ORG"), ("World Bank", "ORG"))
    roles = {e.name: e.role for e in find_entities(text, "en", mentions=given)}
    assert roles["European Union"] == "IGO" and roles["World Bank"] == "IGO"


def test_a_body_followed_by_an_area_is_its_branch_there():
    text = "Komnas HAM Provinsi Maluku menyurati pemerintah daerah. KPU Kota Bogor menetapkan hasilnya di Kota Bogor."
    given = mentions(
        text,
        ("Komnas HAM", "ORG"),
        ("Provinsi Maluku", "LOC"),
        ("KPU", "ORG"),
        ("Kota Bogor", "LOC"),
        ("Kota Bogor", "LOC"),
    )
    found = by_name(find_entities(text, "id", mentions=given))
    assert (
        found["Komnas HAM Provinsi Maluku"].type == "ORG"
        and found["Komnas HAM Provinsi Maluku"].country == "IDN"
    )
    assert found["KPU Kota Bogor"].type == "ORG"
    assert found["Kota Bogor"].type == "LOC"  # the town after "di" stays a place
    assert "Provinsi Maluku" not in found


def test_an_unknown_place_joined_to_a_person_is_a_person():
    text = "Johnson and Corbyn attacked each other's plans, while Paris and Berlin stayed silent."
    given = mentions(text, ("Johnson", "PER"), ("Corbyn", "LOC"), ("Paris", "LOC"), ("Berlin", "LOC"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["Corbyn"].type == "PER"
    assert found["Paris"].type == "LOC" and found["Berlin"].type == "LOC"


def test_a_sentence_initial_ordinary_word_is_no_name():
    text = "Moreover, the mayor of Leeds resigned.\n\nSalads\n\nBush said he would stay. Meta said it would appeal."
    given = mentions(
        text, ("Moreover", "PER"), ("Leeds", "LOC"), ("Salads", "PER"), ("Bush", "PER"), ("Meta", "PER")
    )
    names = {e.name: e.type for e in find_entities(text, "en", mentions=given)}
    assert "Moreover" not in names and "Salads" not in names  # words the dictionary writes only in lower case
    assert names["Bush"] == "PER" and names["Leeds"] == "LOC"  # "bush" is also a name, Leeds a known place
    assert names["Meta"] == "ORG"  # a firm the lists know, though "meta" is an ordinary word


def test_a_sentence_initial_word_the_article_writes_in_lower_case_is_no_name():
    text = (
        "Harga beras naik karena stok menipis di pasar. Stok beras di gudang Bulog masih aman, kata Warsito. "
        "Adil menilai harga itu tidak adil bagi petani. Menurut Adil, petani rugi."
    )
    given = mentions(text, ("Stok", "PER"), ("Bulog", "ORG"), ("Warsito", "PER"), ("Adil", "PER"), ("Adil", "PER"))
    names = {e.name: e.type for e in find_entities(text, "id", mentions=given)}
    assert "Stok" not in names  # the article writes "stok" in lower case and never capitalised inside a sentence
    assert names["Adil"] == "PER"  # also written capitalised mid-sentence ("Menurut Adil"): may be a name
    assert names["Warsito"] == "PER"


def test_a_body_named_after_a_title_keeps_the_words_after_its_organisation_noun():
    text = "Rektor Universitas Gadjah Mada Ova Emilia membuka acara itu di Yogyakarta."
    given = mentions(text, ("Universitas Gadjah Mada", "ORG"), ("Ova Emilia", "PER"), ("Yogyakarta", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Universitas Gadjah Mada"].type == "ORG" and "Gadjah Mada" not in found
    assert found["Ova Emilia"].type == "PER" and found["Ova Emilia"].role == "EDU"


def test_a_comma_ending_a_clause_does_not_join_a_count_of_people_to_the_next_title():
    text = "The strike killed three people, regional governor Ivan Petrov said on Sunday."
    found = by_name(find_entities(text, "en", mentions=mentions(text, ("Ivan Petrov", "PER"))))
    assert found["Ivan Petrov"].role == "GOV"  # "people" is no part of his title


def test_a_unit_between_a_title_and_its_officer_is_no_person():
    text = "Kapolda Metro Jaya Irjen Karyoto mengatakan polisi menangkap dua tersangka di Bekasi."
    given = mentions(text, ("Metro Jaya", "ORG"), ("Irjen Karyoto", "PER"), ("Bekasi", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Kepolisian Daerah Metro Jaya"].type == "ORG"  # the Polda of "Kapolda", whose chief is named next
    assert found["Karyoto"].type == "PER" and found["Karyoto"].role == "COP"


def test_a_lone_compass_adjective_is_no_place():
    text = "Zelenskyy urged Western allies to send air defences. He later flew to Western Australia."
    given = mentions(text, ("Zelenskyy", "PER"), ("Western", "MISC"), ("Western Australia", "LOC"))
    names = {e.name for e in find_entities(text, "en", mentions=given)}
    assert "Western" not in names and "Western Australia" in names


def test_a_leading_part_of_a_full_name_and_a_nickname_are_the_same_person():
    text = (
        "Menteri Keuangan Sri Mulyani Indrawati hadir. Menurut Sri Mulyani, anggaran cukup. "
        "Presiden Joko Widodo setuju. Jokowi lalu pergi."
    )
    given = mentions(
        text,
        ("Sri Mulyani Indrawati", "PER"),
        ("Sri Mulyani", "PER"),
        ("Joko Widodo", "PER"),
        ("Jokowi", "PER"),
    )
    people = [e for e in find_entities(text, "id", mentions=given) if e.type == "PER"]
    assert sorted(e.name for e in people) == ["Joko Widodo", "Sri Mulyani Indrawati"]
    text = "Jokowi meninjau banjir."
    alone = find_entities(text, "id", mentions=mentions(text, ("Jokowi", "PER")))
    assert [(e.name, e.country, e.role) for e in alone] == [("Joko Widodo", "IDN", "GOV")]


def test_the_town_of_an_office_is_cut_from_the_officers_name():
    text = "Gubernur Sumbar Mahyeldi Ansharullah dan Gubernur Bali Wayan Koster hadir."
    given = mentions(text, ("Sumbar Mahyeldi Ansharullah", "PER"), ("Wayan Koster", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Mahyeldi Ansharullah"].country == "IDN" and found["Sumbar"].type == "LOC"
    assert (
        found["Wayan Koster"].country == "IDN" and found["Bali"].type == "LOC"
    )  # a town after an office title


def test_places_the_press_spells_its_own_way_and_places_of_several_words():
    text = "Banjir melanda Sumatera Barat. Kapal China berlayar di Laut China Selatan dekat Piala Dunia."
    given = mentions(text, ("Sumatera Barat", "LOC"), ("China", "LOC"), ("China Selatan", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Sumatera Barat"].country == "IDN"
    assert "Laut China Selatan" in found and found["Laut China Selatan"].country is None
    assert "Dunia" not in found  # "Piala Dunia" is no place
    text = "Israeli strikes hit Khan Younis in the Gaza Strip."
    given = mentions(text, ("Israeli", "MISC"), ("Khan Younis", "PER"), ("Gaza Strip", "ORG"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert (found["Khan Younis"].type, found["Khan Younis"].country) == ("LOC", "PSE")
    assert found["Gaza Strip"].type == "LOC"  # a place after "in the"


def test_a_weekday_glued_to_a_name_is_cut_and_named_days_stay_whole():
    text = "The House Intelligence Committee Tuesday released a report before Black Friday."
    given = mentions(text, ("House Intelligence Committee Tuesday", "ORG"), ("Black Friday", "ORG"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["House Intelligence Committee"].type == "ORG"  # a body of role words, headed by "committee"
    assert found["Black Friday"].type == "MISC"
    text = "U.S. Secretary of State Kira Holm arrived."
    given = mentions(text, ("U.S. Secretary of State", "ORG"), ("Kira Holm", "PER"))
    assert "Secretary of State" not in {e.name for e in find_entities(text, "en", mentions=given)}


def test_a_listed_company_first_in_a_sentence_is_found_and_employs_the_officer_after_it():
    text = "Boeing Chief Executive Dale Furman said the company would cooperate."
    found = by_name(find_entities(text, "en", mentions=mentions(text, ("Dale Furman", "PER"))))
    assert (found["Boeing"].type, found["Boeing"].country) == ("ORG", "USA")
    assert (found["Dale Furman"].country, found["Dale Furman"].role) == ("USA", "BUS")  # from his employer


def test_a_speaker_title_is_cut_and_us_parties_are_known():
    text = "House Speaker Mike Johnson said Republicans would act. The keynote speaker Ann Cole left."
    given = mentions(text, ("Speaker Mike Johnson", "PER"), ("Republicans", "ORG"), ("Ann Cole", "PER"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["Mike Johnson"].role == "LEG"  # "House Speaker"; the bare title gives no role
    assert found["Ann Cole"].role is None
    assert (found["Republicans"].country, found["Republicans"].role) == ("USA", "PTY")


def test_short_official_titles_and_a_body_glued_to_a_name_are_cut():
    text = "Kabid Humas Polda Jatim Kombes Dirmanto hadir. Kapuspenkum Kejagung Harli Siregar juga hadir."
    given = mentions(text, ("Kabid Humas", "PER"), ("Dirmanto", "PER"), ("Kejagung Harli Siregar", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert "Humas" not in found and "Kabid Humas" not in found  # a title, not a person
    assert found["Kejaksaan Agung"].type == "ORG"  # "Kejagung", named in full
    assert (found["Harli Siregar"].country, found["Harli Siregar"].role) == ("IDN", "JUD")


def test_a_country_possessive_right_before_a_body_gives_its_country():
    text = "South Korea's Unification Ministry and Russia's Gazprom replied, state media KCNA said."
    given = mentions(
        text, ("South Korea", "LOC"), ("Unification Ministry", "ORG"), ("Russia's Gazprom", "ORG")
    )
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["Unification Ministry"].country == "KOR"  # no role word needed between them
    assert (
        found["Gazprom"].country == "RUS" and found["Russia"].type == "LOC"
    )  # the possessor cut off the name
    assert found["KCNA"].country == "PRK"  # a state news agency is its state's


def test_a_national_title_before_a_first_name_that_is_also_a_town_gives_no_place():
    text = "President Vladimir Putin met Lai Ching-te."
    given = mentions(text, ("Putin", "PER"), ("Lai Ching-te", "PER"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert "Vladimir" not in found  # a town only after the title of the office governing it ("Gubernur Bali")
    assert found["Lai Ching-te"].country == "TWN"


def test_a_body_named_by_role_words_is_one_entity_per_country():
    text = (
        "Russia's Defense Ministry said it took the village. Ukraine's Defense Ministry denied it. "
        "The Defense Ministry later said fighting continued."
    )
    given = mentions(
        text,
        ("Russia", "LOC"),
        ("Defense Ministry", "ORG"),
        ("Ukraine", "LOC"),
        ("Defense Ministry", "ORG"),
        ("Defense Ministry", "ORG"),
    )
    bodies = [e for e in find_entities(text, "en", mentions=given) if e.name == "Defense Ministry"]
    assert sorted((e.country, len(e.mentions)) for e in bodies) == [
        ("RUS", 1),
        ("UKR", 2),
    ]  # the last one named


def test_a_state_body_without_a_country_takes_the_town_its_sentence_opens_with():
    text = "In Moscow, the Defense Ministry said the strikes hit military sites."
    given = mentions(text, ("Moscow", "LOC"), ("Defense Ministry", "ORG"))
    found = by_name(find_entities(text, "en", dateline="KYIV", mentions=given))
    assert found["Defense Ministry"].country == "RUS"  # the scene, not the Kyiv dateline
    text = "The Defense Ministry said the strikes hit military sites in Moscow."
    given = mentions(text, ("Defense Ministry", "ORG"), ("Moscow", "LOC"))
    assert (
        by_name(find_entities(text, "en", dateline="KYIV", mentions=given))["Defense Ministry"].country
        == "UKR"
    )


def test_a_town_that_is_also_an_ordinary_word_gives_a_body_no_country():
    text = "Anwar mempengerusikan mesyuarat Majlis Tindakan Ekonomi Negara semalam."
    given = mentions(text, ("Anwar", "PER"), ("Majlis Tindakan Ekonomi Negara", "ORG"))
    found = by_name(find_entities(text, "ms", mentions=given))
    assert found["Majlis Tindakan Ekonomi Negara"].country is None  # "negara" (state), not the town in Bali
    text = "Kepolisian Resor Sleman menangkap pelaku."
    given = mentions(text, ("Kepolisian Resor Sleman", "ORG"))
    assert find_entities(text, "id", mentions=given)[0].country == "IDN"  # a body named after its town


def test_bodies_named_by_a_head_noun_the_tagger_missed_and_ranks_glued_to_a_body():
    text = (
        "Gugus Tugas Percepatan Penanganan Covid-19 Kota Depok membubarkan pos. Satpol PP Kota Medan menertibkan "
        "pedagang. Kepala Kepolisian Resor Metro Bekasi Kota Komisaris Besar Hendra Gunawan mengatakan itu."
    )
    given = mentions(
        text,
        ("Kota Depok", "LOC"),
        ("Kota Medan", "LOC"),
        ("Metro Bekasi Kota Komisaris Besar", "ORG"),
        ("Hendra Gunawan", "PER"),
    )
    found = by_name(find_entities(text, "id", mentions=given))
    task_force = found["Gugus Tugas Percepatan Penanganan Covid-19 Kota Depok"]
    assert (task_force.type, task_force.country) == ("ORG", "IDN")
    assert found["Satpol PP Kota Medan"].role == "COP"
    assert (
        found["Kepolisian Resor Metro Bekasi Kota"].type == "ORG"
    )  # the rank "Komisaris Besar" is the man's
    assert (found["Hendra Gunawan"].country, found["Hendra Gunawan"].role) == ("IDN", "COP")


def test_the_opening_town_is_only_for_the_body_right_after_it_and_a_part_of_the_un_is_stateless():
    text = "In Beijing, a spokesperson said China objected after the State Department criticised the verdict."
    given = mentions(text, ("Beijing", "LOC"), ("China", "LOC"), ("State Department", "ORG"))
    found = by_name(find_entities(text, "en", dateline="WASHINGTON", mentions=given))
    assert found["State Department"].country == "USA"  # named late in the sentence: not the Beijing scene
    text = "Menteri Luar menggesa Majlis Keselamatan PBB mengambil tindakan."
    found = by_name(find_entities(text, "ms", dateline="KUALA LUMPUR", mentions=[]))
    assert (found["Majlis Keselamatan PBB"].country, found["Majlis Keselamatan PBB"].role) == (None, "IGO")


def test_technical_acronyms_and_holidays_are_no_names_or_places():
    text = "Our API exports a PDF for SEO teams. Christmas sales rose in the Isle of Man and Manchester City."
    given = mentions(text, ("API", "ORG"), ("PDF", "ORG"), ("SEO", "ORG"), ("Christmas", "LOC"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert not {"API", "PDF", "SEO"} & set(found)
    assert "Christmas" not in found or found["Christmas"].country is None  # not Christmas Island
    assert all(e.country != "IMN" for e in found.values() if e.name != "Isle of Man")  # "Man" is no country


def test_software_names_lone_letters_and_list_openers_are_no_people():
    text = "Researchers at Harvard used Python. Gen Z loves it.\n\n• Consider your budget first."
    given = mentions(text, ("Harvard", "PER"), ("Python", "PER"), ("Gen Z", "PER"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert (found["Harvard"].type, found["Harvard"].role) == ("ORG", "EDU")
    assert found["Python"].type == "MISC" and "Z" not in found and "Consider" not in found


def test_two_listed_companies_in_one_span_are_two_and_country_pairs_stay_one():
    text = "Huawei and Apple sued each other. Trinidad and Tobago protested. Pertamina raised prices."
    given = mentions(text, ("Huawei and Apple", "ORG"), ("Trinidad and Tobago", "LOC"), ("Pertamina", "ORG"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["Huawei"].country == "CHN" and found["Apple"].country == "USA"
    assert found["Trinidad & Tobago"].country == "TTO"
    assert (found["Pertamina"].country, found["Pertamina"].role) == ("IDN", "BUS")


def test_a_short_name_and_the_full_name_of_a_national_body_are_one_entity():
    text = "Kejaksaan Agung memeriksa saksi. Kapuspenkum Kejagung mengatakan KPK juga hadir."
    given = mentions(text, ("Kejaksaan Agung", "ORG"), ("Kejagung", "ORG"), ("KPK", "ORG"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert len(found["Kejaksaan Agung"].mentions) == 2
    assert found["Komisi Pemberantasan Korupsi"].mentions[0].text == "KPK"  # named in full
    text = "Badan SAR Nasional (Basarnas) melapor. Basarnas menambah personel."
    given = mentions(text, ("Badan SAR Nasional", "ORG"), ("Basarnas", "ORG"), ("Basarnas", "ORG"))
    assert [len(e.mentions) for e in find_entities(text, "id", mentions=given)] == [
        3
    ]  # the text's own definition


def test_event_nouns_places_after_a_place_word_and_us_agencies():
    text = "Invasi Rusia ke Ukraina berlanjut. Pasukan itu menyerang kota Kharkiv."
    given = mentions(text, ("Invasi Rusia", "ORG"), ("Ukraina", "LOC"), ("Kharkiv", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Rusia"].type == "LOC" and "Invasi Rusia" not in found
    assert (found["Kharkiv"].type, found["Kharkiv"].country) == ("LOC", "UKR")
    text = "The FDA and the Customs and Border Protection agency acted."
    given = mentions(text, ("FDA", "ORG"), ("Customs", "ORG"), ("Border Protection", "ORG"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert (found["FDA"].country, found["FDA"].role) == ("USA", "GOV")
    assert found["Customs and Border Protection"].country == "USA"  # the tagger's two pieces joined


def test_streets_are_places_whatever_the_tagger_said():
    text = (
        "Police stopped a car near Central Avenue. Massa berkumpul di Jalan Sudirman. Downing Street replied."
    )
    given = mentions(text, ("Central Avenue", "ORG"), ("Jalan Sudirman", "PER"), ("Downing Street", "LOC"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["Central Avenue"].type == "LOC"
    assert (found["Downing Street"].type, found["Downing Street"].country) == (
        "ORG",
        "GBR",
    )  # the seat, listed
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Jalan Sudirman"].type == "LOC"


def test_a_full_name_with_ri_after_it_is_the_body_of_the_short_form():
    text = "Kementerian Luar Negeri RI mengecam serangan itu. Juru bicara Kemlu meminta gencatan senjata."
    given = mentions(text, ("Kementerian Luar Negeri RI", "ORG"), ("Kemlu", "ORG"))
    bodies = [e for e in find_entities(text, "id", mentions=given) if e.type == "ORG"]
    assert [len(e.mentions) for e in bodies] == [2] and bodies[0].country == "IDN"


def test_name_particles_join_the_surname_to_its_given_names():
    text = (
        "European Commission President Ursula von der Leyen announced aid. Saudi Crown Prince Mohammed bin "
        "Salman met Charles de Gaulle. Later, said von der Leyen, the plan would work."
    )
    given = mentions(
        text,
        ("European Commission President Ursula", "ORG"),
        ("Leyen", "PER"),
        ("Saudi Crown Prince", "LOC"),
        ("Salman", "PER"),
        ("Charles", "ORG"),
        ("Gaulle", "PER"),
        ("Leyen", "PER"),
    )
    found = by_name(find_entities(text, "en", mentions=given))
    assert [m.text for m in found["Ursula von der Leyen"].mentions] == [
        "Ursula von der Leyen",
        "von der Leyen",
    ]
    assert found["European Commission"].type == "ORG"  # the title is cut from the body, not kept in either
    assert found["Mohammed bin Salman"].country == "SAU" and "Saudi Crown Prince" not in found
    assert found["Charles de Gaulle"].type == "PER"
    text = "Dutch Prime Minister Mark van Rutte spoke."
    found = by_name(
        find_entities(text, "en", mentions=mentions(text, ("Dutch Prime Minister Mark van Rutte", "MISC")))
    )
    assert (found["Mark van Rutte"].type, found["Mark van Rutte"].country) == ("PER", "NLD")


def test_a_person_titled_by_a_non_state_body_takes_its_role_and_no_country_from_the_scene():
    text = "In Brussels, World Bank President Ajay Banga said. Boeing President Kelly Ortberg said."
    given = mentions(
        text,
        ("Brussels", "LOC"),
        ("World Bank", "ORG"),
        ("Ajay Banga", "PER"),
        ("Boeing", "ORG"),
        ("Kelly Ortberg", "PER"),
    )
    found = by_name(find_entities(text, "en", mentions=given))
    assert (found["Ajay Banga"].role, found["Ajay Banga"].country) == (
        "IGO",
        None,
    )  # not Belgian, no president
    assert (found["Kelly Ortberg"].role, found["Kelly Ortberg"].country) == ("BUS", "USA")
    text = "WHO Director-General Tedros Adhanom said."
    given = mentions(text, ("WHO", "ORG"), ("Tedros Adhanom", "PER"))
    assert by_name(find_entities(text, "en", mentions=given))["Tedros Adhanom"].role == "IGO"  # no general


def test_a_regional_body_and_its_short_form_are_one_entity_named_in_full():
    text = (
        "Kepolisian Daerah Jawa Timur menangkap dua tersangka. Kabid Humas Polda Jatim Kombes Dirmanto "
        "mengatakan hal itu. Pemkot Surabaya membuka posko. Pemprov DKI menutup jalan."
    )
    given = mentions(
        text,
        ("Kepolisian Daerah Jawa Timur", "ORG"),
        ("Polda Jatim", "ORG"),
        ("Dirmanto", "PER"),
        ("Pemkot Surabaya", "ORG"),
        ("Pemprov DKI", "ORG"),
    )
    found = by_name(find_entities(text, "id", mentions=given))
    assert [m.text for m in found["Kepolisian Daerah Jawa Timur"].mentions] == [
        "Kepolisian Daerah Jawa Timur",
        "Polda Jatim",
    ]
    assert found["Pemerintah Kota Surabaya"].mentions[0].text == "Pemkot Surabaya"
    assert "Pemerintah Provinsi DKI Jakarta" in found  # the area's last word is not written twice


def test_initials_with_ages_and_a_mayors_town_after_the_title():
    text = "Polisi menangkap tersangka berinisial AS (45) dan RH (38). Wali Kota Surabaya Eri Cahyadi hadir di Surabaya."
    given = mentions(
        text,
        ("AS", "LOC"),
        ("RH", "ORG"),
        ("Kota Surabaya", "LOC"),
        ("Eri Cahyadi", "PER"),
        ("Surabaya", "LOC"),
    )
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["AS"].type == "PER" and found["RH"].type == "PER"  # initials, not the US and a body
    assert len(found["Surabaya"].mentions) == 2 and "Kota Surabaya" not in found
    assert found["Eri Cahyadi"].role == "GOV"


def test_indonesian_bodies_joined_by_dan_a_body_with_ri_after_its_short_form_and_a_bill():
    text = (
        "Dewan Perwakilan Rakyat (DPR) RI mengesahkan Rancangan Undang-Undang (RUU) Perampasan Aset. KPK akan "
        "berkoordinasi dengan Kejaksaan Agung dan Pusat Pelaporan dan Analisis Transaksi Keuangan. Menteri "
        "mengapresiasi Komisi III DPR."
    )
    given = mentions(
        text,
        ("Dewan Perwakilan Rakyat", "ORG"),
        ("DPR", "ORG"),
        ("RI", "LOC"),
        ("Perampasan Aset", "LOC"),
        ("KPK", "ORG"),
        ("Kejaksaan Agung dan Pusat Pelaporan dan Analisis Transaksi Keuangan", "ORG"),
        ("Komisi III DPR", "ORG"),
    )
    found = by_name(find_entities(text, "id", mentions=given))
    assert "Indonesia" not in found  # "RI" belongs to the body's name: no country that could act
    assert found["Perampasan Aset"].type == "MISC"  # a bill
    assert "Kejaksaan Agung" in found and "Pusat Pelaporan dan Analisis Transaksi Keuangan" in found
    assert found["Komisi III DPR"].role == "LEG"  # a unit of the parliament, not a government commission


def test_a_listed_ngo_keeps_its_role_and_gives_it_to_its_researcher():
    text = "Sementara itu, peneliti Indonesia Corruption Watch (ICW) Kurnia Ramadhana mengkritik pasal itu."
    given = mentions(text, ("Indonesia Corruption Watch", "PER"), ("ICW", "ORG"), ("Kurnia Ramadhana", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert (found["Indonesia Corruption Watch"].type, found["Indonesia Corruption Watch"].role) == (
        "ORG",
        "NGO",
    )
    assert found["Kurnia Ramadhana"].role == "NGO"  # not EDU from 'peneliti'
    text = "The U.N. humanitarian office OCHA said aid deliveries stopped."
    found = by_name(find_entities(text, "en", mentions=mentions(text, ("OCHA", "ORG"))))
    assert found["OCHA"].role == "IGO"


def test_company_suffixes_speech_verbs_and_phoenix_bodies_in_english():
    text = (
        "BYD led. BYD Co Ltd sold more cars. The China Passenger Car Association said Tesla sold fewer. "
        "Senator Jane Roe, a Massachusetts Democrat, wrote to the Ministry of Commerce."
    )
    given = mentions(
        text,
        ("BYD Co Ltd", "ORG"),
        ("China Passenger Car Association said Tesla", "ORG"),
        ("BYD", "ORG"),
        ("Jane Roe", "PER"),
        ("Massachusetts Democrat", "LOC"),
        ("Ministry of Commerce", "ORG"),
    )
    found = by_name(find_entities(text, "en", mentions=given))
    assert [m.text for m in found["BYD Co Ltd"].mentions] == ["BYD", "BYD Co Ltd"]
    assert (found["BYD Co Ltd"].country, found["BYD Co Ltd"].role) == ("CHN", "BUS")
    assert "China Passenger Car Association" in found and found["Tesla"].role == "BUS"  # split at "said"
    assert found["Massachusetts"].type == "LOC"  # the party word is cut
    assert found["Ministry of Commerce"].role == "GOV"


def test_a_listed_full_name_cut_at_its_comma_is_one_body():
    text = "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperingatkan potensi hujan lebat."
    given = mentions(text, ("Badan Meteorologi", "ORG"), ("BMKG", "ORG"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert [m.text for m in found["Badan Meteorologi, Klimatologi, dan Geofisika"].mentions] == [
        "Badan Meteorologi, Klimatologi, dan Geofisika",
        "BMKG",
    ]


def test_a_title_run_tagged_as_a_place_a_company_legal_form_and_a_regulation():
    text = "“We pray for them,” said White House Press Secretary Stephanie Grisham. Grisham urged calm."
    given = mentions(text, ("White House Press Secretary Stephanie Grisham", "LOC"), ("Grisham", "LOC"))
    found = by_name(find_entities(text, "en", mentions=given))
    grisham = found["Stephanie Grisham"]
    assert (grisham.type, grisham.country, grisham.role, len(grisham.mentions)) == ("PER", "USA", "GOV", 2)
    text = "PT Bank Sentosa Makmur (Persero) Tbk menggandeng Peraturan Pemerintah Nomor 12 Tahun 2015."
    given = mentions(text, ("PT Bank Sentosa Makmur", "ORG"), ("Persero) Tbk", "ORG"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert list(found) == ["PT Bank Sentosa Makmur"]  # no 'Tbk' body and no 'Pemerintah Nomor' government


def test_an_ambassadors_posting_a_shoal_named_like_a_town_and_a_camel_case_short_form():
    text = "The U.S. ambassador to Manila, MaryKay Carlson, spoke near Scarborough Shoal."
    given = mentions(
        text, ("U.S.", "LOC"), ("Manila", "LOC"), ("MaryKay Carlson", "PER"), ("Scarborough Shoal", "LOC")
    )
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["MaryKay Carlson"].country == "USA"  # posted to Manila, not Filipino
    assert found["Scarborough Shoal"].country is None  # not the English town
    text = "Jabatan Meteorologi Malaysia (MetMalaysia) mengeluarkan amaran. Ketua Pembangkang Hamzah Zainudin mengkritik."
    given = mentions(
        text, ("Jabatan Meteorologi Malaysia", "ORG"), ("MetMalaysia", "LOC"), ("Hamzah Zainudin", "PER")
    )
    found = by_name(find_entities(text, "ms", mentions=given))
    assert len(found["Jabatan Meteorologi Malaysia"].mentions) == 2
    assert found["Hamzah Zainudin"].role == "OPP"


def test_an_english_span_across_an_ordinary_word_is_two_names():
    text = "The European Commission fined Apple 1.8 billion euros, Doctors without Borders said."
    given = mentions(text, ("The European Commission fined Apple", "ORG"), ("Doctors without Borders", "ORG"))
    names = {e.name for e in find_entities(text, "en", mentions=given)}
    assert {"European Commission", "Apple", "Doctors without Borders"} <= names  # "without" may stand in a name
