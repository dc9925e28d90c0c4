"""English events on common news constructions (issue 6, tenth session); sentences written for these tests in the
style of wire news, no news text copied."""

from test_events_en_recipients import events


def test_a_mediator_between_two_named_sides_acts_on_each():
    found = events("Egypt mediated talks between Israel and Hamas on Sunday.")
    assert ("CONSULT", "Egypt", "Israel") in found and ("CONSULT", "Egypt", "Hamas") in found
    found = events("Qatar brokered a deal between Israel and Hamas.")
    assert [(a, r) for t, a, r in found if t == "CONSULT"] == [("Qatar", "Israel"), ("Qatar", "Hamas")]
    found = events("Turkey has acted as a mediator between Russia and Ukraine.")
    assert {r for _, _, r in found} == {"Russia", "Ukraine"}
    # two mediators: each acts on each side, never on the other mediator
    found = events("Egypt and Qatar mediated talks between Israel and Hamas.")
    assert {(a, r) for t, a, r in found if t == "CONSULT" and a in ("Egypt", "Qatar")} == {
        ("Egypt", "Israel"), ("Egypt", "Hamas"), ("Qatar", "Israel"), ("Qatar", "Hamas")
    }
    # fewer than two sides named, or no party acting: no mediation between sides
    assert not events("The company brokered a deal between two investors.")
    assert events("Egypt mediated talks with Hamas.") == [("CONSULT", "Egypt", "Hamas")]
