"""English acts named by their noun after a light verb with adjectives before the noun ("made a surprise visit to",
"made even bigger threats against"; issue 6, eleventh session); sentences written for these tests in the style of
wire news, no news text copied."""

from test_events_en_recipients import events


def test_a_visit_made_or_paid_is_a_visit_not_an_intent():
    assert events("Joe Biden made a surprise visit to Kyiv on Monday.") == [("CONSULT", "Joe Biden", "Kyiv")]
    assert events("Xi made a state visit to France in May.") == [("CONSULT", "Xi Jinping", "France")]
    # a visit planned is still an intent to meet
    found = events("The minister made plans for a visit to China next year.")
    assert found == [("AGREE", "minister", "China")]


def test_threats_made_against_a_party_are_threats():
    assert events("The group made even bigger threats against the government on Sunday.") == [
        ("THREATEN", "group", "government")
    ]


def test_no_event_for_private_visits_and_threats():
    assert not events("The band made a visit to the children's hospital.")
    assert not events("Fans made threats to the referee after the match.")


def test_an_offer_announced_or_made_to_do_something_is_a_promise():
    assert events("The health ministry announced the offer to provide free flu shots to all residents.") == [
        ("AGREE", "ministry", None)
    ]
    assert ("AGREE", "Iran", "United States") in events(
        "Iran renewed its offer to swap prisoners with the United States."
    )
    # a firm's offer to buy is business
    assert not events("Apple announced an offer to buy back $90 billion of its shares.")


def test_mediation_named_by_its_owners_noun_reaches_both_sides():
    found = events("Qatar's mediation between Russia and Ukraine secured the return of 20 children.")
    assert ("CONSULT", "Qatar", "Russia") in found and ("CONSULT", "Qatar", "Ukraine") in found
    # what a mediation "led to" is its outcome: the two sides do not aid each other
    found = events("Egypt's mediation between Israel and Hamas led to a truce.")
    assert sorted(found) == [("CONSULT", "Egypt", "Hamas"), ("CONSULT", "Egypt", "Israel")]
    assert not events("The mediation between the two companies failed.")
