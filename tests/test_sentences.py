"""Sentence splitting: abbreviations, initials and dotted initialisms that may or may not end a sentence."""

from warta.nlp.sentences import sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_title_abbreviation_and_initial_stay_inside_the_sentence():
    text = "Dr. Rina Wulandari met Gov. J. Pritzker on Monday. Then she left."
    assert _sentences(text) == ["Dr. Rina Wulandari met Gov. J. Pritzker on Monday.", "Then she left."]


def test_dotted_initialism_before_a_name_stays_inside():
    text = "The D.C. Court of Appeals heard the U.S. Army's case. The ruling came later."
    assert _sentences(text) == ["The D.C. Court of Appeals heard the U.S. Army's case.", "The ruling came later."]


def test_dotted_initialism_before_a_sentence_starter_ends_the_sentence():
    text = "The envoy flew back to Washington, D.C. He arrived late. Aid was sent by the U.S. \"We will help,\" she said."
    assert _sentences(text) == [
        "The envoy flew back to Washington, D.C.",
        "He arrived late.",
        "Aid was sent by the U.S.",
        '"We will help," she said.',
    ]


def test_indonesian_initialism_and_starter():
    text = "Bantuan itu datang dari A.S. Namun, pemerintah menolaknya. Duta Besar A.S. Sung Kim hadir."
    assert _sentences(text) == [
        "Bantuan itu datang dari A.S.",
        "Namun, pemerintah menolaknya.",
        "Duta Besar A.S. Sung Kim hadir.",
    ]


def test_paragraph_break_always_ends_a_sentence():
    assert _sentences("Kata Mr.\n\nBaru") == ["Kata Mr.", "Baru"]
