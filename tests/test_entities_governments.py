"""A leader's name before "administration"/"government" (or after "pemerintahan") names that leader's state
(texts written for these tests)."""

from test_entities import by_name, mentions
from test_events import coded

from warta.nlp.entities import find_entities


def test_a_leader_surname_tagged_as_a_body_before_administration_is_the_leader():
    text = "The Trump administration rejected the proposal on Friday, officials said."
    found = by_name(find_entities(text, "en", mentions=mentions(text, ("Trump", "ORG"))))
    trump = found["Donald Trump"]
    assert (trump.type, trump.country, trump.role) == ("PER", "USA", "GOV")


def test_an_indonesian_leader_after_pemerintahan_is_the_leader():
    text = "Pemerintahan Prabowo menolak usulan tersebut pada Jumat."
    found = by_name(find_entities(text, "id", mentions=mentions(text, ("Prabowo", "ORG"))))
    assert (found["Prabowo Subianto"].type, found["Prabowo Subianto"].country) == ("PER", "IDN")


def test_an_unlisted_surname_before_administration_stays_as_tagged():
    text = "The Hartwell administration rejected the proposal."
    found = by_name(find_entities(text, "en", mentions=mentions(text, ("Hartwell", "ORG"))))
    assert found["Hartwell"].type == "ORG"


def test_the_government_noun_after_a_leader_takes_the_leader_s_country():
    record = coded(["The Biden administration imposed new sanctions on Iran on Friday."], "en")
    (event,) = [e for e in record.events if e.type == "SANCTION"]
    assert (event.actor.country, event.actor.role) == ("USA", "GOV")
    assert event.recipient.country == "IRN"
