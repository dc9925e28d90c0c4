"""Entities in US court and state-politics news (texts written for these tests)."""

from test_entities import by_name, mentions

from warta.nlp.entities import find_entities


def test_titles_laws_and_an_acronym_the_text_never_defines():
    text = (
        "U.S. District Judge Dana Hollis said the First Amendment protects the show. The American Civil Liberties "
        "Union welcomed it, said an ACLU lawyer. Republican state Sen. Bryan Hughes and Gov. Greg Abbott objected."
    )
    given = mentions(
        text,
        ("U.S. District", "LOC"),
        ("Dana Hollis", "PER"),
        ("First Amendment", "ORG"),
        ("American Civil Liberties Union", "ORG"),
        ("ACLU", "ORG"),
        ("Bryan Hughes", "PER"),
        ("Greg Abbott", "PER"),
    )
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["United States"].mentions[0].text == "U.S."  # the title's word is cut from the place
    assert found["Dana Hollis"].role == "JUD"
    assert found["First Amendment"].type == "MISC"  # a law, no body
    assert [m.text for m in found["American Civil Liberties Union"].mentions] == [
        "American Civil Liberties Union",
        "ACLU",
    ]
    assert found["Bryan Hughes"].role == "LEG"  # a senator, and 'Bryan' is his name, not the Texas town
    assert found["Greg Abbott"].role == "GOV"


def test_a_unit_named_after_a_listed_body_takes_its_role():
    text = "The United Nations Security Council met. Harvard Business School professor Jan Rivkin spoke."
    given = mentions(
        text,
        ("United Nations Security Council", "ORG"),
        ("Harvard Business School", "ORG"),
        ("Jan Rivkin", "PER"),
    )
    found = by_name(find_entities(text, "en", mentions=given))
    assert found["United Nations Security Council"].role == "IGO"
    assert found["Harvard Business School"].role == "EDU"


def test_guard_bodies_are_military_but_a_point_guard_is_no_soldier():
    text = "Iran's Revolutionary Guards seized a tanker. The Coast Guard rescued 12 people. Point guard Jalen Brunson scored."
    given = mentions(text, ("Iran", "LOC"), ("Revolutionary Guards", "ORG"), ("Coast Guard", "MISC"), ("Jalen Brunson", "PER"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert (found["Revolutionary Guards"].type, found["Revolutionary Guards"].role) == ("ORG", "MIL")
    assert (found["Coast Guard"].type, found["Coast Guard"].role) == ("ORG", "MIL")
    assert found["Jalen Brunson"].role is None


def test_a_body_cut_at_for_by_the_tagger_is_one_body():
    text = "He was convicted, according to Thai Lawyers for Human Rights. A report by Physicians for Human Rights agreed."
    given = mentions(text, ("Thai Lawyers", "ORG"), ("Human Rights", "MISC"), ("Physicians", "ORG"), ("Human Rights", "MISC"))
    found = by_name(find_entities(text, "en", mentions=given))
    assert "Thai Lawyers for Human Rights" in found and "Physicians for Human Rights" in found
    assert "Human Rights" not in found
