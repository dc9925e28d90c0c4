"""Who acts in what a reporting verb reports (sentences written for these tests; no news text copied)."""

from test_events import coded


def triples(paragraphs, lang="id"):
    return [
        (e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in coded(paragraphs, lang).events
    ]


def test_a_name_right_after_a_men_reporting_verb_opens_the_reported_clause():
    found = triples(["Hasil rapat pleno menyatakan PPP siap mendukung pemerintahan Prabowo Subianto."])
    assert [(t, a) for t, a, _ in found] == [("SUPPORT", "Partai Persatuan Pembangunan")]
    found = triples(["Juru bicara itu mengatakan Rusia menyerang pelabuhan Odesa pada Senin malam."])
    assert [(t, a) for t, a, _ in found] == [("ASSAULT", "Rusia")]


def test_an_inverted_speaker_after_a_bare_reporting_word_stays_the_speaker():
    # ", ujar Budi": Budi speaks ("kami" is his side); he is not the subject of a clause after him
    assert triples(["Kami menolak rencana tambang itu, ujar Budi Santoso."]) == [("REJECT", "Budi Santoso", None)]
    assert triples(["Pemerintah Rusia menyerang Ukraina, kata Budi Santoso."]) == [
        ("ASSAULT", "Pemerintah Rusia", "Ukraina")
    ]
