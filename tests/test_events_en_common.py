"""English events on common news constructions (issue 6, tenth session); sentences written for these tests in the
style of wire news, no news text copied."""

from test_events import coded
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


def test_an_amount_of_aid_goes_to_the_party_named_after_the_aid():
    found = events("Secretary of State Antony Blinken announced $2 billion in new military aid for Kyiv.")
    assert found == [("AID", "Antony Blinken", "Kyiv")]
    found = events("The United States announced a new $400 million military aid package for Ukraine.")
    assert found == [("AID", "United States", "Ukraine")]
    found = events("Japan approved $30 million in humanitarian assistance for Gaza.")
    assert found == [("AID", "Japan", "Gaza")]
    # pledged or promised, it is a commitment to that party
    assert events("Germany pledged $500 million in aid to Ukraine.") == [("AGREE", "Germany", "Ukraine")]
    # money that is no aid, or aid to no party named, gives no aid event
    assert not events("The company announced $2 billion in new investment for Texas.")
    assert not [t for t, _, _ in events("The ministry announced $5 million in aid for the flood season.") if t == "AID"]


def test_a_crowd_protesting_a_law_protests_with_no_party_named():
    # labelling guide: a protest against a policy is PROTEST with no recipient
    assert events("Students protested against the new law in Jakarta.") == [("PROTEST", "students", None)]
    assert events("Thousands of workers protested against the new labour law.") == [("PROTEST", "workers", None)]
    assert events("Residents protested outside the town hall.") == [("PROTEST", "residents", None)]
    # a party named after "against" is still the one protested against
    assert events("Students protested against the government.") == [("PROTEST", "students", "government")]


def test_an_operation_attacks_only_a_party_named():
    # with no one it is aimed at, an operation may be a sweep or a rescue: the text does not say
    assert not events("The military launched an operation in the north.")
    assert not events("Police launched an operation to find the missing children.")
    found = events("The Nigerian army launched an operation against Boko Haram in the northeast.")
    assert found == [("ASSAULT", "army", "Boko Haram")]
    # a military or ground operation is force, named target or not
    assert events("Israel launched a ground operation in Rafah on Monday.") == [("ASSAULT", "Israel", None)]


def test_the_agent_of_a_passive_is_the_body_a_place_word_modifies():
    # "by Russian police", "by a Moscow court": the body acts, of the place's country
    record = coded(["Navalny was arrested by Russian police at the airport."], "en")
    assert [(e.type, e.actor.name, e.actor.country, e.recipient.name) for e in record.events] == [
        ("COERCE", "police", "RUS", "Navalny")
    ]
    record = coded(["The journalist was sentenced to six years in prison by a Moscow court."], "en")
    assert [(e.actor.name, e.actor.country) for e in record.events] == [("court", "RUS")]
    # a title's country stays the person's
    found = events("The plan was rejected by Australian Foreign Minister Penny Wong.")
    assert [a for _, a, _ in found] == ["Penny Wong"]


def test_talks_held_between_two_sides_in_the_passive():
    assert events("Talks were held between Russia and Ukraine in Istanbul.") == [("CONSULT", "Russia", "Ukraine")]
    assert events("Peace talks resumed between Armenia and Azerbaijan on Monday.") == [
        ("CONSULT", "Armenia", "Azerbaijan")
    ]
    # one side only: no talks between
    assert not events("Talks were held in Istanbul on Monday.")


def test_an_accident_is_no_attack():
    assert not events("The farmer returned home before a machine accident nearly killed him in 1997.")
    assert not events("The engine of the train was wrecked, the engineer killed, and the fireman fatally injured.")
    assert events("Gunmen killed three soldiers in an attack near the border.") == [("ASSAULT", "gunmen", None)]


def test_a_participle_before_a_noun_describes_it():
    # "alleged sex trafficker", "convicted killer": an adjective, no accusation or conviction told
    assert not events("In an interview about billionaire pedophile and alleged sex trafficker Jeffrey Epstein, the host pressed Andrew.")
    assert not [t for t, _, _ in events("The families met convicted killer John Smith in prison.") if t == "COERCE"]
    # the verbs still act: a clause, a name, a determiner or "of" after them
    assert events("Prosecutors alleged that Epstein abused dozens of girls.") == [("ACCUSE", "prosecutors", "Epstein")]
    assert events("Ukraine accused Russia of shelling the plant.") == [("ACCUSE", "Ukraine", "Russia")]
    assert [t for t, _, _ in events("Police accused protesters of attacking officers.")] == ["ACCUSE"]


def test_who_reports_a_passive_was_not_acted_on():
    # "The Chronicle says he was arrested": the paper is no one arrested
    lead = "Police in San Francisco, California, are searching for a shirtless man."
    record = coded([lead, "The Chronicle says he was arrested a block away after a clerk said he tried to steal a van."], "en")
    assert all(e.recipient is None or e.recipient.name != "Chronicle" for e in record.events)
    record = coded([lead, "The suspect was arrested a block away after a clerk said he tried to steal a van."], "en")
    assert [(e.type, e.recipient) for e in record.events] == [("COERCE", None)]


def test_arms_or_aid_to_be_sent_is_a_commitment_to_the_party_named():
    assert events("Germany will send tanks to Ukraine.") == [("AGREE", "Germany", "Ukraine")]
    found = events("The United States will provide $300 million in military aid to Ukraine.")
    assert found == [("AGREE", "United States", "Ukraine")]
    assert events("France decided to send fighter jets to Ukraine.") == [("AGREE", "France", "Ukraine")]
    # refused: a rejection; a firm sending things to a fair: no event; a base form with no verb marker: a noun
    assert [t for t, _, _ in events("Germany refused to send tanks to Ukraine.")] == ["REJECT"]
    assert not events("The company will send weapons to the fair.")


def test_an_invasion_named_by_its_noun_is_force():
    found = events("The White House condemned Russia's invasion of Ukraine.")
    assert ("ACCUSE", "White House", "Russia") in found and ("ASSAULT", "Russia", "Ukraine") in found
    # an annexation or occupation is the seizure of land
    assert ("COERCE", "Russia", "Ukraine") in events("The White House condemned Russia's annexation of Ukraine.")


def test_criticism_drawn_by_an_owners_act_is_aimed_at_the_owner():
    found = events("Moscow's decision to expel the diplomats drew condemnation from Washington.")
    assert ("ACCUSE", "Washington", "Russia") in found
    assert not [r for t, _, r in found if t == "ACCUSE" and r == "diplomats"]
    assert ("ACCUSE", "Egypt", "Israel") in events("Israel's strikes on Gaza drew condemnation from Egypt.")


def test_fire_traded_by_two_sides_is_an_attack_each_way():
    assert events("India and Pakistan traded fire along the border.") == [
        ("ASSAULT", "India", "Pakistan"), ("ASSAULT", "Pakistan", "India")
    ]
    assert events("Israel and Hezbollah exchanged fire on Sunday.") == [
        ("ASSAULT", "Israel", "Hezbollah"), ("ASSAULT", "Hezbollah", "Israel")
    ]
    # clashes between two sides stay one event, the first named acting; views exchanged are no fire
    assert events("Clashes between Israel and Hamas continued.") == [("ASSAULT", "Israel", "Hamas")]
    assert not events("The two leaders exchanged views on trade.")


def test_a_counterfactual_or_wish_with_would_is_not_done():
    assert not [t for t, _, _ in events("Germany would have supported the resolution.") if t == "SUPPORT"]
    assert not events("The minister said he would like to meet Putin.")
    # a bare "would" in reported speech is a stated intent
    assert events("Russia said it would retaliate against the sanctions.") == [("THREATEN", "Russia", None)]


def test_one_event_per_recipient_listed_after_the_verb():
    # labelling guide: "condemned Britain and Spain" is one event per pair
    assert events("China condemned Britain and Spain for the decision.") == [
        ("ACCUSE", "China", "United Kingdom"), ("ACCUSE", "China", "Spain")
    ]
    assert events("Iran accused the United States and Israel of carrying out the attack.") == [
        ("ACCUSE", "Iran", "United States"), ("ACCUSE", "Iran", "Israel")
    ]
    found = events("Putin met Xi Jinping and Narendra Modi in Kazan.")
    assert found == [("CONSULT", "Vladimir Putin", "Xi Jinping"), ("CONSULT", "Vladimir Putin", "Narendra Modi")]
    # a name that opens the next clause is no second recipient
    found = events("China criticised the United States and Japan said nothing.")
    assert found == [("ACCUSE", "China", "United States")]
    assert ("ASSAULT", "Russia", "Poland") not in events("Russia attacked Ukraine and Poland condemned the strike.")


def test_the_object_of_a_verb_and_the_next_subject_are_no_compound_subject():
    # "attacked Ukraine and Poland condemned": Ukraine was attacked, Poland condemns; Ukraine condemns nothing here
    found = events("Russia attacked Ukraine and Poland condemned the strike.")
    assert ("ASSAULT", "Russia", "Ukraine") in found and ("ACCUSE", "Poland", None) in found
    assert not [f for f in found if f[0] == "ACCUSE" and f[1] == "Ukraine"]
    # a compound subject after an adverbial still acts jointly
    assert events("On Monday, France and Germany condemned the attack.") == [
        ("ACCUSE", "France", None), ("ACCUSE", "Germany", None)
    ]


def test_struck_attacks_a_party_named_after_it():
    assert events("Israeli jets struck Gaza on Monday.") == [("ASSAULT", "Israel", "Gaza")]
    assert events("A Russian missile struck Kyiv overnight.") == [("ASSAULT", "Russia", "Kyiv")]
    # a storm or a quake is no party, a deal struck is no attack, a law struck down is a court's rejection
    assert not events("An earthquake struck Turkey on Monday.")
    assert not [t for t, _, _ in events("The two sides struck a deal with Iran.") if t == "ASSAULT"]
    assert [t for t, _, _ in events("The bill was struck down by the Supreme Court.")] == ["REJECT"]


def test_a_place_given_up_is_no_party_yielded_to():
    found = events("After a long siege, Turkish general Osman Pasha surrendered Plevna.")
    assert found == [("RETREAT", "Osman Pasha", None)]
    assert events("The rebels surrendered the town to government forces.") == [("RETREAT", "rebels", None)]
    # a party surrendered to stays the recipient
    assert events("The army surrendered to the Allies.") == [("RETREAT", "army", "Allies")]


def test_a_campaign_launched_asks_no_one():
    assert not events("Gov. Jane Porter launched the campaign on Monday to address the state's drug crisis.")
    assert not events("The party launched its election campaign in Jakarta.")
    # a bombing campaign against a party is force
    found = events("The United States began a bombing campaign against the Islamic State.")
    assert [(t, a) for t, a, _ in found] == [("ASSAULT", "United States")]


def test_counted_drones_and_missiles_fired_at_a_party_are_an_attack_on_it():
    found = events("Russia launched more than 40 drones and two ballistic missiles at Ukraine overnight.")
    assert found == [("ASSAULT", "Russia", "Ukraine")]
    assert events("Iran launched 12 missiles and 30 drones at Israel.") == [("ASSAULT", "Iran", "Israel")]
    assert events("Russia launched more than 40 drones at Ukraine.") == [("ASSAULT", "Russia", "Ukraine")]
    assert not events("The company launched two new drones at the trade fair in Paris.")
