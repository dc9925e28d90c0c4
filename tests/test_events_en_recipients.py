"""English events: who is acted on (issue 6), on sentences written for these tests in the style of wire news."""

from test_events import coded


def events(text):
    return [
        (e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in coded([text], "en").events
    ]


def test_a_place_named_after_a_place_class_and_of_is_the_target_of_a_pattern_ending_on_at():
    # "at the port city of Odesa": the place after "the port city of" is what was fired at, not where
    assert events("Russia launched drones at the port city of Odesa on Tuesday.") == [
        ("ASSAULT", "Russia", "Odesa")
    ]
    found = events("Russia fired missiles at the southern city of Zaporizhzhia overnight.")
    assert ("ASSAULT", "Russia", "Zaporizhzhia") in found
    # a place class with no name after it gives no recipient
    assert events("Russia fired missiles at the city on Monday.") == [("ASSAULT", "Russia", None)]


def test_military_equipment_acts_but_is_never_the_one_acted_on():
    # "deployed two warships": the ships are what was deployed, not a party
    found = events("The Chinese navy deployed two warships near the disputed reef.")
    assert found and all(r != "warships" for _, _, r in found)
    found = events("The air force moved four fighter jets to the northern base.")
    assert all(r != "fighter jets" for _, _, r in found)
    # equipment still acts
    assert ("ASSAULT", "warplanes", "Bakhmut") in events("Russian warplanes bombed the town of Bakhmut on Monday.")
