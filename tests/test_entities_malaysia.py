"""Malaysian English-language news: honours before names, ringgit amounts, anti-corruption bodies (texts written
for these tests)."""

from test_entities import by_name, mentions

from warta.nlp.entities import find_entities


def test_honours_are_no_part_of_the_name_and_money_is_no_body():
    text = (
        "The Malaysian Anti-Corruption Commission (MACC) seized RM50 million. Chief commissioner Tan Sri Azam Baki "
        "said so, and Dato' Sri Mohd Shukri agreed. Prime Minister Datuk Seri Anwar Ibrahim and Tun Dr Mahathir "
        "Mohamad spoke."
    )
    given = mentions(
        text,
        ("Malaysian Anti-Corruption Commission", "ORG"),
        ("MACC", "ORG"),
        ("RM50", "ORG"),
        ("Tan Sri Azam Baki", "PER"),
        ("Dato' Sri Mohd Shukri", "PER"),
        ("Datuk Seri Anwar Ibrahim", "PER"),
        ("Tun Dr Mahathir Mohamad", "PER"),
    )
    found = by_name(find_entities(text, "en", mentions=given))
    assert {"Azam Baki", "Mohd Shukri", "Anwar Ibrahim", "Mahathir Mohamad"} <= set(found)
    assert "RM50" not in found
    macc = found["Malaysian Anti-Corruption Commission"]
    assert (macc.country, macc.role, len(macc.mentions)) == ("MYS", "GOV", 2)
