"""English events that are none (issue 6): causes of false events found on unlabelled English pages, on sentences
written for these tests in the style of wire news."""

from test_events import coded


def events(text):
    return [
        (e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in coded([text], "en").events
    ]


def test_a_guilty_plea_is_no_request():
    assert not events("A Texas man pleaded guilty on Monday to threatening to kill Senator Maria Lopez.")
    # an appeal to someone still is one
    found = events("Ukraine pleaded with Germany to send more air defence systems.")
    assert ("REQUEST", "Ukraine", "Germany") in found


def test_what_someone_is_afraid_or_expected_to_do_is_not_done():
    assert not events("Many refugees are afraid to return to Syria because they fear arrest.")
    assert not events("Presidents Biden and Xi have been expected to sign a partial trade deal for a month.")
    # willing to return: an intent, still read
    assert [t for t, _, _ in events("Many refugees are willing to return to Syria.")] == ["AGREE"]


def test_a_forecast_is_no_promise():
    assert not events("Tokyo expects carmakers to lift production next year.")
    assert not events("The government expects exporters to increase shipments to China.")


def test_campaigning_and_voting_are_elections_not_requests_or_promises():
    assert not events("The ruling would allow the senators to campaign in Iowa instead of returning to Washington.")
    assert not events("The reform allows the American people to vote on their next president.")


def test_a_statement_warning_that_something_is_so_is_no_threat():
    assert not events("The Electoral Commission issued a statement warning that voters are entitled to transparency.")
    # a warning to a party, or of what the actor will do, still is one
    assert events("Turkey issued a warning to Greece over the islands.") == [("THREATEN", "Türkiye", "Greece")]
    assert [t for t, _, _ in events("The army issued a warning that it will respond to any attack.")] == ["THREATEN"]


def test_an_act_after_into_is_what_someone_was_pushed_to_not_what_was_done():
    assert not events("The scandal began with an attempt to coerce Ukraine into investigating a political rival.")
    # the pushing itself is still an act
    assert events("Washington pressured Kyiv into investigating the company.") == [("REQUEST", "Washington", "Kyiv")]


def test_a_preposition_before_a_weekday_says_when_not_at_whom():
    found = events("Governor Maria Lopez launched the campaign on Monday to fight drug abuse in the state.")
    assert "ASSAULT" not in [t for t, _, _ in found]
    assert events("Hamas fired rockets at Israel on Saturday.") == [("ASSAULT", "Hamas", "Israel")]


def test_a_ceasefire_talked_about_is_none_declared():
    found = events("Prime Minister Viktor Orban met President Xi Jinping in Beijing to discuss a possible ceasefire.")
    assert not [f for f in found if f[0] == "RETREAT"]
    assert any(f[:2] == ("RETREAT", "Hamas") for f in events("Hamas declared a ceasefire on Sunday."))
