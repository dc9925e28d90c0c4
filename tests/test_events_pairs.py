"""A pair subject ("kedua pemimpin", "the two sides") acts for both parties of the event told just before it
(sentences written for these tests)."""

from test_events import coded


def _triples(record, kind):
    return {(e.actor.name, e.recipient.name if e.recipient else None) for e in record.events if e.type == kind}


def test_kedua_pemimpin_agree_both_ways_on_the_meeting_day():
    record = coded(
        [
            "JAKARTA — Presiden Prabowo Subianto bertemu Perdana Menteri Jepang Shigeru Ishiba di Istana Bogor pada Jumat.",
            "Kedua pemimpin sepakat memperkuat kerja sama maritim.",
        ],
        "id",
    )
    assert _triples(record, "AGREE") == {
        ("Prabowo Subianto", "Shigeru Ishiba"),
        ("Shigeru Ishiba", "Prabowo Subianto"),
    }
    assert {e.date for e in record.events if e.type == "AGREE"} == {"2024-05-17"}
    assert not [e for e in record.events if e.type == "COOPERATE"]  # what they agreed on is no event of its own


def test_the_two_sides_in_english_and_a_negated_pair_verb():
    record = coded(
        [
            "Foreign Minister Penny Wong met Chinese Foreign Minister Wang Yi in Canberra on Wednesday.",
            "The two ministers agreed to resume annual talks.",
            "Both sides did not agree on trade.",
        ],
        "en",
    )
    agreements = _triples(record, "AGREE")
    assert ("Penny Wong", "Wang Yi") in agreements and ("Wang Yi", "Penny Wong") in agreements
    assert ("Wang Yi", "Penny Wong") in _triples(record, "REJECT")


def test_a_pair_subject_with_no_two_party_event_before_it_gives_no_pair():
    record = coded(["Kedua negara sepakat memperpanjang perjanjian dagang."], "id")
    assert all(e.recipient is None or e.actor.name != e.recipient.name for e in record.events)
    assert not [e for e in record.events if e.recipient is not None and e.type == "AGREE"]
