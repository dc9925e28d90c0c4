"""English events whose actor or recipient is no name: a person's title taken up by "he"/"she", a spokesperson for a
party, a subject placed by "in", a reported clause opened by an article (issue 6, eleventh session); sentences written
for these tests in the style of wire news, no news text copied."""

from test_events_en_recipients import events


def test_he_or_she_after_a_party_named_by_a_persons_title_is_that_party():
    found = events("The prime minister arrived in Tokyo on Monday. He criticised China over its military drills.")
    assert ("ACCUSE", "prime minister", "China") in found
    found = events("The foreign minister spoke to reporters in Geneva. She accused Russia of war crimes.")
    assert ("ACCUSE", "foreign minister", "Russia") in found
    # a person named nearer is the one meant, not the title before it
    found = events("The envoy met Donald Trump in Washington, where he criticised China.")
    assert ("ACCUSE", "Donald Trump", "China") in found
    assert not [e for e in found if e[0] == "ACCUSE" and e[1] == "envoy"]
    # a body is no "he": no title, no person, no event
    assert not events("The ministry said on Monday that he had accused Russia of lying.")


def test_a_locative_before_the_verb_does_not_make_its_object_a_place():
    assert events("Officials in Kyiv accused Russia of targeting energy infrastructure.") == [
        ("ACCUSE", "officials", "Russia")
    ]
    # a place after the verb's own locative still says where
    assert events("Police in Lagos arrested three men in Ikeja.") == [("COERCE", "police", None)]


def test_a_spokesperson_speaks_for_the_party_named_with_it():
    assert events("A Hamas spokesman condemned the raid.") == [("ACCUSE", "Hamas", None)]
    assert events("A spokesman for the Taliban denied the accusations.") == [("REJECT", "Taliban", None)]
    assert events("A spokeswoman for the State Department condemned the killing.") == [
        ("ACCUSE", "State Department", None)
    ]
    # no party named with it: a bare spokesman is no political actor
    assert not events("A spokesman denied the accusations.")


def test_a_clause_reported_after_said_and_an_article_has_its_own_subject():
    assert events("Officials said the gunmen attacked a mosque.") == [("ASSAULT", "gunmen", None)]
    assert events("Officials said the attackers opened fire on worshippers.") == [
        ("ASSAULT", "attackers", "worshippers")
    ]
    # the speaker does nothing here, and a thing opening the clause acts on no one
    assert not events("Officials said the attack was planned abroad.")


def test_the_part_of_a_place_fired_at_is_that_place():
    assert events("Hezbollah fired rockets at northern Israel.") == [("ASSAULT", "Hezbollah", "Israel")]
    assert events("Russia launched drones at southern Ukraine overnight.") == [("ASSAULT", "Russia", "Ukraine")]
    assert events("Hamas fired rockets at the southern town of Sderot.") == [("ASSAULT", "Hamas", "Sderot")]


def test_a_clause_reported_after_say_has_its_own_subject():
    assert events("U.S. officials say Iran attacked the tanker.") == [("ASSAULT", "Iran", None)]
    assert events("U.S. officials said Iran attacked the tanker.") == [("ASSAULT", "Iran", None)]


def test_a_second_name_with_a_country_title_is_a_conjunct_of_the_subject():
    found = events("French President Emmanuel Macron and German Chancellor Olaf Scholz urged Russia to withdraw.")
    assert {(a, r) for t, a, r in found if t == "REQUEST"} == {
        ("Emmanuel Macron", "Russia"), ("Olaf Scholz", "Russia")
    }
    # the country word is a title, no party of its own
    assert not [e for e in found if e[1] == "Germany"]
    # and no item of a list of recipients: the next clause's subject
    found = events("Russia attacked Ukraine and Polish President Andrzej Duda condemned the strike.")
    assert ("ASSAULT", "Russia", "Ukraine") in found
    assert ("ASSAULT", "Russia", "Poland") not in found


def test_an_attack_on_government_forces_is_force_not_criticism():
    assert events("Syrian rebels attacked government forces near Aleppo.") == [
        ("ASSAULT", "rebels", "government forces")
    ]
    assert events("Rebels ambushed a government convoy near the border.") == [("ASSAULT", "rebels", None)]
    # attacking the government itself, or its policy, stays criticism
    assert events("The opposition attacked the government over the tax plan.") == [("ACCUSE", "opposition", None)]


def test_an_unnamed_group_acted_on_by_a_verbal_act_gives_an_event_with_no_recipient():
    # labelling guide: unnamed persons are no recipient, but the act is an event
    assert events("The minister threatened the unions with legal action.") == [("THREATEN", "minister", None)]
    assert ("SUPPORT", "governor", None) in events("The governor thanked volunteers for their help.")
    # such a group may act, and a person it meets is the recipient
    assert events("Tribal elders met the governor in Kandahar.") == [("CONSULT", "tribal elders", "governor")]


def test_hit_attacks_a_party_named_after_it_as_struck_does():
    assert events("Russian missiles hit Kyiv overnight, killing three people.") == [("ASSAULT", "Russia", "Kyiv")]
    assert events("Kyiv was hit by Russian drones overnight.") == [("ASSAULT", "Russia", "Ukraine")]
    assert events("The United States hit China with new tariffs.") == [("SANCTION", "United States", "China")]
    assert events("China hit back at Washington.") == [("ACCUSE", "China", "Washington")]
    # no party hit, or no state party: no attack
    assert not events("The storm hit the coast of Florida.")
    assert not events("Inflation hit a record high in Britain.")
    assert not events("The company hit its sales target.")


def test_a_subject_set_off_by_a_relative_clause_still_acts():
    assert events("The army, which has ruled since the coup, arrested the former prime minister.") == [
        ("COERCE", "army", None)
    ]
    assert events("Putin, who has ruled Russia for two decades, accused the West of lying.") == [
        ("ACCUSE", "Vladimir Putin", None)
    ]
    # an arrest of a minister is an arrest, not an abduction
    assert [t for t, _, _ in events("The army arrested the prime minister.")] == ["COERCE"]


def test_what_is_thrown_at_a_party_attacks_it():
    assert events("Palestinians threw stones at Israeli troops in Hebron.") == [("ASSAULT", "Palestine", "troops")]
    assert events("Protesters hurled petrol bombs at police in Athens.") == [("ASSAULT", "protesters", "police")]
    # an attack on a government compound is force, as on its forces
    assert events("Taliban insurgents attacked a government compound in Kunduz.") == [
        ("ASSAULT", "insurgents", "government")
    ]


def test_talks_between_two_leaders_named_with_titles_go_both_ways():
    found = events("President Joe Biden and Chinese President Xi Jinping held talks in San Francisco.")
    assert {(a, r) for t, a, r in found if t == "CONSULT"} == {("Joe Biden", "Xi Jinping"), ("Xi Jinping", "Joe Biden")}
    found = events("Prime Minister Narendra Modi and Japanese Prime Minister Fumio Kishida signed a defence pact with Australia.")
    assert {(a, r) for t, a, r in found if t == "COOPERATE"} == {("Narendra Modi", "Australia"), ("Fumio Kishida", "Australia")}
    # firms are no political pair
    assert not events("Google and Microsoft signed a deal.")


def test_a_request_to_an_unnamed_group_followed_by_to_is_an_event_with_no_recipient():
    assert events("Ukrainian President Volodymyr Zelenskiy urged allies to send more air defence systems.") == [
        ("REQUEST", "Volodymyr Zelenskiy", None)
    ]
    assert events("The agency urges consumers not to purchase these products.") == [("REQUEST", "agency", None)]
    # asked not to be named, a thing bid for, "needs and wants to": nobody asked
    assert not events("A refugee who feared retaliation asked not to be identified.")
    assert not events("NASA said nine companies were eligible to bid for contracts to launch spacecraft.")
    assert not events("While China needs and wants to buy soybeans, it has balked.")
