"""English judgements of a party said by a speaker ("X said Y's move was illegal / a provocation"): a criticism
(ACCUSE) of the party named in the reported clause (issue 6, eleventh session); sentences written for these tests in
the style of wire news, no news text copied."""

from test_events_en_recipients import events


def test_a_judgement_said_of_a_party_is_a_criticism_of_it():
    assert ("ACCUSE", "China", "Taiwan") in events("Beijing said Taiwan's naval drills were a dangerous provocation.")
    assert ("ACCUSE", "White House", "Russia") in events(
        "The White House said Russia's actions were a clear violation of the truce."
    )
    assert ("ACCUSE", "Pakistan", "India") in events("Pakistan said India's claims were baseless.")
    # the party the act is put down to after "by"
    assert ("ACCUSE", "Russia", "NATO") in events("Moscow said the deployment was a provocation by NATO.")
    # no party named: a criticism with no recipient
    assert events("The opposition leader said it was an attempt to mislead voters.") == [
        ("ACCUSE", "opposition leader", None)
    ]


def test_the_speakers_own_people_are_not_the_ones_judged():
    assert events("Russia said the expulsion of its diplomats was a hostile act.") == [("ACCUSE", "Russia", None)]


def test_no_judgement_without_a_copula_a_negation_or_a_situation():
    # the word describes a thing, not what the reported clause says of its subject
    assert not [e for e in events("Police said the man was carrying an illegal weapon.") if e[0] == "ACCUSE"]
    # negated
    assert not events("The court said the election was not illegal.")
    assert not events("Germany said the exercise was not a provocation.")
    # a situation judged, no one's act
    assert not events("The prime minister said it was unacceptable that children were going hungry.")
    # an assessment that is no negative judgement
    assert not events("The ministry said the talks were constructive.")


def test_a_pair_subject_does_not_turn_a_statement_into_a_criticism():
    found = events(
        "The Afghan government freed three Taliban prisoners. Both sides said they were hopeful the swap could "
        "lead to talks."
    )
    assert not [e for e in found if e[0] == "ACCUSE"]


def test_the_speaker_is_no_subject_of_the_acts_in_the_judged_clause():
    # "imposed by the European Union": the EU imposed them; Moscow only judged them
    assert events("Moscow said the sanctions imposed by the European Union were illegal.") == [
        ("ACCUSE", "Russia", "European Union")
    ]


def test_criticism_drawn_with_no_critic_named_has_no_actor():
    # the owner's decision is criticised; "Ukraine" is where the arms go, no critic
    found = events("Washington's decision to send cluster munitions to Ukraine drew criticism.")
    assert not [e for e in found if e[0] == "ACCUSE"]
    assert not [e for e in events("The plan to deport asylum seekers to Rwanda drew sharp criticism.") if e[0] == "ACCUSE"]
    # a critic named after "from" still acts
    assert ("ACCUSE", "European Union", "Russia") in events(
        "Moscow's decision to expel the diplomats drew condemnation from the European Union."
    )
