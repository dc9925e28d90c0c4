"""The PETRARCH-2 → warta English pattern converter (scripts/build_event_patterns_en.py), on synthetic input, and
English event-coding behaviours of the pattern and word files, on sentences written for these tests."""

import importlib.util
from pathlib import Path

from test_events import coded

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_event_patterns_en.py"
spec = importlib.util.spec_from_file_location("build_event_patterns_en", SCRIPT)
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)

DICTIONARY = """# header
####### SYNONYM SETS #######
&ARMS_
+WEAPON
+ROCKET_LAUNCHER

####### VERB PATTERNS #######
---  SHIP   [---]  ---
SHIP {SHIPS SHIPPED SHIPPING }
CARRY
- * &ARMS_                                  [072]   # SHIP
- * (TO ^ +) {FOOD AID}                     [073]   # CARRY
- SOLDIERS * SUPPLIES                       [072]   # pre-verb subject: skipped
- * COMPLAINT                               [0211]  # appeal -> 10x
- * STATEMENT                               [010]   # statement: skipped
---  THREATEN   [130]  ---
THREATEN
+CALL_OFF [160]
"""


def test_regular_forms_follow_english_spelling():
    assert build.regular_forms("carry") == ["carry", "carries", "carried", "carrying"]
    assert build.regular_forms("raze") == ["raze", "razes", "razed", "razing"]
    assert build.regular_forms("push") == ["push", "pushes", "pushed", "pushing"]


def test_codes_statements_dropped_appeals_become_requests():
    assert build.map_code("010") is None
    assert build.map_code("0211") == "1011"
    assert build.map_code("042:043") == "042"
    assert build.map_code("---") is None


def test_conversion_of_a_small_dictionary(tmp_path):
    path = tmp_path / "CAMEO.txt"
    path.write_text(DICTIONARY, encoding="latin-1")
    synsets, blocks = build.read_dictionary(path)
    assert synsets["&ARMS"] == ["weapon", "weapons", "rocket launcher"]
    rows = build.convert(blocks, synsets)
    patterns = {pattern: code for pattern, code, _ in rows}
    assert "@V0 * (weapon|weapons)|@V0 * rocket launcher" in patterns
    assert patterns["@V0 * to * food aid"] == "073"
    assert patterns["@V0 * complaint"] == "1011"
    assert not any("soldiers" in p or "statement" in p for p in patterns)
    forms = next(p for p, _, origin in rows if origin == "verb forms")
    assert forms.startswith("@V0")
    verbs = next(code for p, code, origin in rows if p == "@V0")
    assert set(verbs.split("|")) == {
        "ship",
        "ships",
        "shipped",
        "shipping",
        "carry",
        "carries",
        "carried",
        "carrying",
    }
    default_bare = {p: c for p, c, origin in rows if origin.startswith("bare")}
    # by default all forms of the bare verbs of verbal events (threaten), and only the past forms of material ones
    # (called off, not call off / calls off / calling off)
    assert default_bare == {"(threaten|threatened|threatening|threatens)": "130", "called off": "160"}
    bare = {
        p: c for p, c, origin in build.convert(blocks, synsets, with_bare=True) if origin.startswith("bare")
    }
    assert bare["(threaten|threatened|threatening|threatens)"] == "130"
    assert bare["called off"] == "160"


def test_bare_petrarch_verbs_need_a_public_party():
    from test_events import coded

    # a broad PETRARCH verb between firms, products or private people is no political event
    assert not coded(["Google recommends wiring the Chromecast up to a LAN."], "en").events
    assert not coded(["Sony has offered its streaming service to Microsoft customers."], "en").events
    # the same verb with a state body or a country as a party is one
    record = coded(["The Kenyan army recommends Uganda to close the border."], "en")
    assert [(e.type, e.actor.country, e.recipient.name if e.recipient else None) for e in record.events] == [
        ("REQUEST", "KEN", "Uganda")
    ]


def test_cooperative_and_verbal_petrarch_patterns_need_a_political_actor():
    from test_events import coded

    assert build._flags("pattern - * SOLUTION", "107") == "finite,political"
    assert build._flags("pattern - * CAPTIVE", "181") == "finite"  # material conflict: a private crime counts
    assert not coded(["Many people need a peaceful solution, the report said."], "en").events
    record = coded(["The Kenyan government needs a peaceful solution, the report said."], "en")
    assert [(e.type, e.actor.country) for e in record.events] == [("REQUEST", "KEN")]
    record = coded(["Webb held her captive for nine months."], "en")
    assert [e.type for e in record.events] == ["ASSAULT"]


def test_as_before_an_event_verb_makes_it_no_verb():
    from test_events import coded

    # "as opposed to", "as requested": no act of the word before
    assert not coded(["Suunto Vertical has a bright flash, as opposed to Suunto Race."], "en").events
    assert not coded(
        ["Mullvad has published clients with an easy interface as opposed to requiring WireGuard."], "en"
    ).events


def test_force_posture_and_coercion_patterns_need_a_public_party():
    from test_events import coded

    assert build._flags("pattern - * BASE", "150") == "finite,public"
    assert build._flags("pattern - * YIELD", "1721") == "finite,public"
    assert build._flags("pattern - * CAPTIVE", "181") == "finite"
    assert not coded(["I had Claude Code build the base service."], "en").events
    assert not coded(["The agency managed to yield excellent results for Geopost."], "en").events
    record = coded(["Police prevented protesters from entering the parliament."], "en")
    assert [e.type for e in record.events] == ["COERCE"]


def test_phoenix_agents_leave_out_words_mostly_meant_otherwise():
    from warta.nlp import events as ev

    table = ev.agents("en")
    for words in [("intelligence",), ("captain",), ("carrier",), ("chief", "executive")]:
        assert words not in table  # "artificial intelligence", "England captain", "the carrier", a firm's CEO
    assert table[("intelligence", "agents")].role == "SPY"


def test_political_patterns_need_an_actor_of_some_country_or_public_role():
    from test_events import coded

    # a name of no known country or role (a product, a tool) acting on no state party is no political actor
    assert not coded(["Python can handle many different analyses on its own."], "en").events


def triples(paragraphs):
    record = coded(paragraphs, "en")
    return [(e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in record.events]


def test_public_body_acting_on_a_thing_needs_no_named_recipient():
    assert ("REJECT", "Pentagon", None) in triples(["The Pentagon rejected the accusations."])
    assert ("ACCUSE", "UN Security Council", None) in triples(
        ["The UN Security Council condemned the attack."]
    )
    assert ("PROTEST", "opposition", None) in triples(["The opposition boycotted the election."])
    # a firm or a private person acting on a thing is still no event
    assert not triples(["The startup rejected the accusations."])


def test_charges_and_sentences_are_coercion_also_in_the_passive():
    assert [t[0] for t in triples(["Prosecutors charged the two officers with falsifying records."])] == [
        "COERCE"
    ]
    events = coded(
        ["The suspect, Michael Webb, was convicted and sentenced to life in prison in Texas."], "en"
    ).events
    sentenced = [e for e in events if e.type == "COERCE"]
    assert sentenced and sentenced[0].actor.name == "court" and sentenced[0].actor.country == "USA"
    assert sentenced[0].recipient.name == "Michael Webb"


def test_protest_noun_is_coded_for_the_crowd_of_the_place():
    found = triples(
        ["Three people have died during protests in Bolivia against the interim government that ousted X."]
    )
    assert ("PROTEST", "protesters", "interim government") in found
    events = coded(["Iraq has been rocked by weeks of anti-government protests."], "en").events
    assert [(e.type, e.actor.name, e.actor.country) for e in events] == [("PROTEST", "protesters", "IRQ")]


def test_a_call_with_a_leader_is_a_consultation():
    for text in (
        "President Donald Trump held a phone call with Ukrainian President Volodymyr Zelensky.",
        "President Donald Trump's call with Ukrainian President Volodymyr Zelensky was discussed.",
    ):
        assert ("CONSULT", "Donald Trump", "Volodymyr Zelensky") in triples([text])


def test_a_capitalised_name_word_starts_no_pattern():
    # "United" is a PETRARCH verb form (unite): it must not swallow the verb after "the United States"
    assert ("MOBILIZE", "South Korea", None) in [
        t for t in triples(["South Korea and the United States held joint military exercises."])
    ]


def test_ability_is_no_event():
    assert not triples(["There are express lines that can take you from the airport to the city center."])
    assert not triples(["Your attorney may request that the equipment be preserved."])


def test_said_another_country_must_is_a_demand_on_it():
    found = coded(["China's commerce ministry said Washington must cancel its tariffs."], "en").events
    assert [(e.type, e.actor.country, e.recipient.country) for e in found] == [("REQUEST", "CHN", "USA")]
    assert not triples(["The minister said Indonesia must prepare for the worst."])  # own country: no demand


def test_two_names_acting_jointly_give_one_event_each():
    found = triples(["France and Germany condemned the attack on the embassy."])
    assert {t[1] for t in found if t[0] == "ACCUSE"} == {"France", "Germany"}
    # a cooperative act between them stays one event, the other as recipient
    assert triples(["Russia and China agreed to expand military cooperation."]) == [
        ("AGREE", "Russia", "China")
    ]


def test_coordinated_nationalities_of_one_agent_give_one_event_each():
    events = coded(
        ["The Russian and Syrian defense ministries accused U.S. forces of arming bandits."], "en"
    ).events
    assert [(e.type, e.actor.country, e.recipient.country) for e in events] == [
        ("ACCUSE", "RUS", "USA"),
        ("ACCUSE", "SYR", "USA"),
    ]


def test_rejecting_the_accusations_is_aimed_at_the_accuser():
    events = coded(
        [
            "The Russian and Syrian defense ministries accused U.S. forces of arming bandits.",
            "The Pentagon rejected these accusations as false.",
        ],
        "en",
    ).events
    (rejection,) = [e for e in events if e.type == "REJECT"]
    assert (rejection.actor.name, rejection.recipient.country) == ("Pentagon", "RUS")
    # with no accusation before it, the rejection has no recipient
    (alone,) = coded(["The Pentagon rejected these accusations as false."], "en").events
    assert alone.recipient is None


def test_a_verb_pattern_after_a_determiner_does_not_shadow_a_noun_pattern():
    # PETRARCH's verb "protest(s) ... peacefully" after "The" is a noun: the crowd's protest is coded
    events = coded(["The protests began peacefully in Hong Kong in June."], "en").events
    assert [(e.type, e.actor.name, e.actor.country) for e in events] == [("PROTEST", "protesters", "HKG")]


def test_people_released_and_a_deployment_announced():
    events = coded(
        ["The Afghan Taliban released three Indian engineers in exchange for militants."], "en"
    ).events
    assert [(e.type, e.actor.country) for e in events] == [("RETREAT", "AFG")]
    assert not coded(["Apple released three new models for students."], "en").events  # products
    events = coded(["The Pentagon announced the deployment of 3,000 additional troops."], "en").events
    assert [(e.type, e.actor.name) for e in events] == [("MOBILIZE", "Pentagon")]


def test_crowd_control_dismissal_and_impeachment():
    assert [t[0] for t in triples(["Police used tear gas to disperse the protesters."])] == [
        "ASSAULT",
        "COERCE",
    ]
    assert [t[0] for t in triples(["The government fired the central bank governor."])] == ["COERCE"]
    assert [t[0] for t in triples(["Lawmakers voted to impeach the president."])] == ["ACCUSE"]
    assert not triples(["The striker fired the ball past the keeper."])


def test_english_passive_request_with_no_agent_needs_a_group_asked():
    # "a canine was requested", "they were asked to give a speech": no instruction of the person named before
    for text in ("A sheriff's canine was requested.", "They were asked to give a speech."):
        events = coded(["Police chief John Harris spoke to reporters on Monday.", text], "en").events
        assert not [e for e in events if e.type == "REQUEST"]


def test_raids_on_places_and_denials_of_an_act():
    assert ("COERCE", "United States", None) in triples(["U.S. forces raided a compound in Kandahar."])
    assert ("REJECT", "Qatar", None) in triples(["Qatar denied financing terrorism."])
    assert not triples(["Google denied using the data."])  # a firm of no country, no public party


def test_pressing_an_operation_is_no_request_and_a_weapon_is_no_party():
    assert not triples(["Russian forces pressed an offensive in the Donetsk region."])
    assert ("REQUEST", "Ukraine", "Poland") in triples(["Ukraine pressed Poland to reopen the border."])
    requests = [t for t in triples(["Kyiv urged allies to send more Patriot systems."]) if t[0] == "REQUEST"]
    assert all(recipient != "Patriot" for _type, _actor, recipient in requests)


def test_object_pronoun_is_the_person_named_before():
    # "accuses him of": the last person named before the verb (not the actor), not a name in the content after it
    record = coded(
        ["Mr Tan left Bangkok last year. Australia accuses him of leaking secret files of Acme Corp."], "en"
    )
    assert [(e.type, e.actor.country, e.recipient.name if e.recipient else None) for e in record.events] == [
        ("ACCUSE", "AUS", "Tan")
    ]
    # the previous sentence's subject before another person it named
    record = coded(
        [
            "Prime Minister Boris Johnson spoke to Jeremy Corbyn on Monday. The Labour Party accused him of lying."
        ],
        "en",
    )
    assert ("ACCUSE", "Boris Johnson") in [
        (e.type, e.recipient.name if e.recipient else None) for e in record.events
    ]
    # "her" before a noun is a possessive, not the object
    record = coded(
        ["Senator Elizabeth Warren met Joe Biden on Monday. Warren criticized her husband's firm."], "en"
    )
    assert all(
        e.recipient is None or e.recipient.name != "Joe Biden" for e in record.events if e.type == "ACCUSE"
    )


def test_fighting_a_legal_measure_is_a_refusal():
    record = coded(["Mr Tan is fighting extradition to Australia, his lawyer said."], "en")
    assert [e.type for e in record.events] == ["REJECT"]


def test_criticism_or_support_received_by_the_subject():
    # the noun the target receives: the one named inside or after "from"/"of" acts on the subject
    record = coded(["The Israeli government drew sharp condemnation from Turkey after the raid."], "en")
    assert [(e.type, e.actor.country, e.recipient.country) for e in record.events] == [
        ("ACCUSE", "TUR", "ISR")
    ]
    record = coded(["The US decision faced stiff international and Palestinian criticism on Monday."], "en")
    assert [(e.type, e.actor.country, e.recipient.country) for e in record.events] == [
        ("ACCUSE", "PSE", "USA")
    ]
    record = coded(["President Joko Widodo won the backing of the European Union for the plan."], "en")
    assert [(e.type, e.actor.name, e.recipient.country) for e in record.events] == [
        ("SUPPORT", "European Union", "IDN")
    ]
    # no one named as the source: no event
    assert not coded(["The tagline drew a mix of criticism and ridicule on Monday."], "en").events


def test_a_visit_to_a_place_of_ones_own_country_meets_no_one():
    assert not coded(
        ["In October, Rep. David McKinley visited the U.S.-Mexico border near McAllen, Texas."], "en"
    ).events
    assert not coded(["Autumn is the second most popular season to visit Japan after spring."], "en").events
    # a visit to another country is a meeting with it
    record = coded(["Prime Minister Anthony Albanese visited China last week."], "en")
    assert [(e.type, e.actor.country, e.recipient.country) for e in record.events] == [
        ("CONSULT", "AUS", "CHN")
    ]


def test_a_name_after_a_place_or_time_preposition_is_an_adjunct():
    # "near", "outside", "during", "over" ... head adjuncts: the embassy's country is where, not whom
    record = coded(["Thousands of protesters marched near the Russian embassy in Berlin on Sunday."], "en")
    assert [(e.type, e.recipient) for e in record.events] == [("PROTEST", None)]


def test_a_generic_agent_is_not_of_the_country_it_acts_on_by_name():
    # "the minister" takes the page's main country; when that is the country criticised, it is another's agent
    record = coded(["The senator criticised China on Monday."], "en")
    assert [(e.type, e.actor.country, e.recipient.country) for e in record.events] == [
        ("ACCUSE", None, "CHN")
    ]
    record = coded(
        ["The Chinese foreign ministry said Beijing would respond. The minister criticised Japan on Monday."],
        "en",
    )
    assert ("ACCUSE", "CHN", "JPN") in [(e.type, e.actor.country, e.recipient.country) for e in record.events]
    # arrests and attacks stay domestic
    record = coded(["Police arrested two Malaysian men on Monday."], "en")
    assert [(e.type, e.actor.country) for e in record.events] == [("COERCE", "MYS")]


def test_calling_a_thing_by_a_negative_name_is_criticism():
    record = coded(["The Russian embassy called the deployment a provocation."], "en")
    assert [(e.type, e.actor.country) for e in record.events] == [("ACCUSE", "RUS")]
    record = coded(["China called the US sanctions unacceptable."], "en")
    assert [(e.type, e.actor.country, e.recipient.country) for e in record.events] == [
        ("ACCUSE", "CHN", "USA")
    ]


def test_nameless_parties_give_no_event():
    # a product, work or thing of no country and no role acting on another such thing, or on nothing
    assert not coded(
        ["The Vulture Knight conquered the desert and then clashed with the Elephant Knight."], "en"
    ).events
    assert not coded(
        ["On other platforms, the Proton VPN client will block all outgoing traffic."], "en"
    ).events
    # a person may still commit a crime
    record = coded(["Michael Webb kidnapped Jamie Smith in 1986."], "en")
    assert [e.type for e in record.events] == ["ASSAULT"]


def test_a_page_about_games_gives_no_deals_or_praise():
    page = [
        "Jose Mourinho has agreed a deal to replace Mauricio Pochettino as the club's coach.",
        "The squad finished the league season in fourth place, and the coach praised the goalkeeper.",
        "The league match against the champions ended in a draw; the coaches of both squads met the press.",
    ]
    assert not [e for e in coded(page, "en").events if e.type in ("AGREE", "SUPPORT", "CONSULT")]
    # the same deal on a page about politics is an agreement
    record = coded(["Japan has agreed a deal with Australia on defence cooperation."], "en")
    assert "AGREE" in [e.type for e in record.events]


def test_a_promise_needs_a_public_party():
    # a firm's or a place's promise or offer is no political agreement
    assert not coded(["Google has promised players they could tap powerful hardware."], "en").events
    assert not coded(["New York requires LLC members to adopt an agreement within 90 days."], "en").events
    # a government's promise is
    record = coded(["The Japanese government pledged to help Indonesia rebuild the port."], "en")
    assert "AGREE" in [e.type for e in record.events]


def test_business_support_and_partnerships_are_no_events():
    assert not coded(
        ["SAS launched AI models and partnered with the Orlando Magic to lift fan engagement."], "en"
    ).events
    # a government's support of a person stays
    record = coded(["The Chinese government backed Carrie Lam on Monday."], "en")
    assert [(e.type, e.actor.country) for e in record.events] == [("SUPPORT", "CHN")]


def test_idioms_of_verbal_attack_take_the_name_after_their_preposition():
    record = coded(["The Chinese foreign ministry hit out at Washington on Monday."], "en")
    assert [(e.type, e.actor.country, e.recipient.country) for e in record.events] == [
        ("ACCUSE", "CHN", "USA")
    ]
    record = coded(["Iran's foreign minister took aim at the United States on Sunday."], "en")
    assert [(e.type, e.actor.country, e.recipient.country) for e in record.events] == [
        ("ACCUSE", "IRN", "USA")
    ]


def test_extradition_sought_from_a_state_asks_that_state():
    record = coded(
        ["The US is seeking Assange's extradition from the UK over his alleged role in the leaks."], "en"
    )
    assert [(e.type, e.actor.country, e.recipient.country) for e in record.events] == [
        ("REQUEST", "USA", "GBR")
    ]


def test_a_price_charged_is_no_charge():
    assert not coded(
        ["Shopify stores selling via ChatGPT will be charged an additional 4% fee per sale by OpenAI."], "en"
    ).events
    record = coded(["Police charged Elizabeth Burton with possession of methamphetamine."], "en")
    assert [e.type for e in record.events] == ["COERCE"]


def coded_rows(record):
    return [
        (e.type, e.actor.name, e.actor.country, e.recipient.country if e.recipient else None)
        for e in record.events
    ]


def test_a_pronoun_subject_reaches_over_auxiliaries_and_adverbs():
    record = coded(
        ["Ivanov met Chinese officials on Monday. He has also repeatedly rejected calls to resign."], "en"
    )
    assert ("REJECT", "Ivanov") in [(e.type, e.actor.name) for e in record.events]
    # an adverb alone between the pronoun and the verb too
    record = coded(["Prime Minister Liam Carter spoke in Ottawa. He strongly condemned the attack."], "en")
    assert [(e.type, e.actor.name) for e in record.events if e.type == "ACCUSE"] == [
        ("ACCUSE", "Liam Carter")
    ]


def test_a_countrys_public_is_no_recipient():
    record = coded(["President Donald Trump urged the American people to vote on Tuesday."], "en")
    assert [(e.type, e.recipient) for e in record.events] == [("REQUEST", None)]
    record = coded(["The health minister urged Americans to stay at home."], "en")
    assert [(e.type, e.recipient) for e in record.events] == [("REQUEST", None)]
    # the state itself stays the one asked
    record = coded(["Germany urged America to lift the tariffs."], "en")
    assert [(e.type, e.recipient.country) for e in record.events] == [("REQUEST", "USA")]


def test_every_item_of_a_list_of_actors_acts():
    record = coded(["Egypt, Jordan and Qatar have been pressuring Israel to open the crossing."], "en")
    assert sorted(coded_rows(record)) == [
        ("REQUEST", "Egypt", "EGY", "ISR"),
        ("REQUEST", "Jordan", "JOR", "ISR"),
        ("REQUEST", "Qatar", "QAT", "ISR"),
    ]
    record = coded(["France, Germany and Britain condemned the attack on Tuesday."], "en")
    assert sorted(e.actor.country for e in record.events) == ["DEU", "FRA", "GBR"]


def test_praise_of_a_thing_has_no_recipient_from_further_on():
    record = coded(["Canada welcomed the prisoner swap. Russia hosted Chinese officials in Moscow."], "en")
    assert ("SUPPORT", "Canada", "CAN", None) in coded_rows(record)
    assert not any(e.type == "CONSULT" and e.actor.country == "CAN" for e in record.events)


def test_pleas_borders_talks_and_impeachment_by_their_nouns():
    record = coded(["Maria Lopez and John Reed pleaded not guilty in federal court on Tuesday."], "en")
    assert sorted((e.type, e.actor.name) for e in record.events) == [
        ("REJECT", "John Reed"),
        ("REJECT", "Maria Lopez"),
    ]
    record = coded(["Hungary closed its borders with Serbia last year."], "en")
    assert coded_rows(record) == [("COERCE", "Hungary", "HUN", "SRB")]
    record = coded(["Trade talks between Washington and Beijing resumed in October."], "en")
    assert coded_rows(record) == [("CONSULT", "United States", "USA", "CHN")]
    record = coded(["The House began impeachment proceedings against President Trump."], "en")
    assert [(e.type, e.recipient.country) for e in record.events] == [("ACCUSE", "USA")]


def test_a_passive_with_a_named_agent_needs_no_named_subject():
    record = coded(["The suspect was arrested by FBI agents on Tuesday."], "en")
    assert coded_rows(record) == [("COERCE", "FBI", "USA", None)]
    record = coded(["The proposal was rejected by the European Commission on Friday."], "en")
    assert [(e.type, e.recipient) for e in record.events] == [("REJECT", None)]


def test_an_envoy_summoned_is_a_complaint():
    record = coded(["China summoned the Japanese ambassador on Monday over the visit."], "en")
    assert coded_rows(record) == [("ACCUSE", "China", "CHN", "JPN")]


def test_a_clause_reported_without_that_has_its_own_subject():
    record = coded(["The Pentagon said Iran attacked the tanker near the strait."], "en")
    assert [(e.type, e.actor.name, e.actor.country) for e in record.events] == [("ASSAULT", "Iran", "IRN")]
    # "said Monday" and ", said X" stay attributions
    record = coded(["The Pentagon said Monday it had condemned the attack."], "en")
    assert [(e.type, e.actor.country) for e in record.events] == [("ACCUSE", "USA")]


def test_acts_named_by_their_noun_with_of_and_by():
    record = coded(["The detention of two Canadians by Chinese authorities has strained ties."], "en")
    assert coded_rows(record) == [("COERCE", "China", "CHN", None)]
    record = coded(
        ["The assassination of Iranian general Qassem Soleimani by the United States raised tensions."], "en"
    )
    assert [(e.type, e.actor.country, e.recipient.country) for e in record.events] == [
        ("ASSAULT", "USA", "IRN")
    ]
    # after a preposition the noun refers back to an act told before
    record = coded(["Protests erupted after the arrest of Alexei Navalny by Russian police."], "en")
    assert not any(e.type == "COERCE" for e in record.events)


def test_a_decision_that_takes_no_partner_from_its_content():
    record = coded(
        [
            "Aides said the president has decided that lifting the tariffs requires more concessions from Japan."
        ],
        "en",
    )
    assert not any(e.type == "AGREE" and e.recipient is not None for e in record.events)


def test_an_opening_phrase_with_a_place_makes_no_place_of_the_object():
    record = coded(["Speaking in Kyiv on Tuesday, Zelensky accused Russia of war crimes."], "en")
    assert [(e.type, e.recipient.country if e.recipient else None) for e in record.events] == [
        ("ACCUSE", "RUS")
    ]
    # a list of places after a locative stays where it happened
    record = coded(["Police arrested the activist Ivan Petrov in Paris, Lyon and Marseille."], "en")
    assert all(
        e.recipient is None or e.recipient.name not in ("Paris", "Lyon", "Marseille") for e in record.events
    )


def test_calls_and_refusals_in_the_first_person_inside_quotes():
    record = coded(
        ['"We call on Russia to withdraw its troops immediately," German Chancellor Olaf Scholz said.'], "en"
    )
    assert [(e.type, e.actor.country, e.recipient.country) for e in record.events] == [
        ("REQUEST", "DEU", "RUS")
    ]
    record = coded(
        ['"We reject these accusations," Chinese Foreign Ministry spokesman Wang Wenbin said.'], "en"
    )
    assert [(e.type, e.actor.country, e.recipient) for e in record.events] == [("REJECT", "CHN", None)]
    record = coded(["Iran will not accept these demands, the foreign minister said."], "en")
    assert [(e.type, e.actor.country) for e in record.events] == [("REJECT", "IRN")]


def test_a_clause_ending_on_a_day_is_no_place_list():
    record = coded(
        ["Hamas fired rockets at Israel on Saturday, and Israel responded with air strikes on Gaza."], "en"
    )
    assert ("ASSAULT", "ISR", "PSE") in [
        (e.type, e.actor.country, e.recipient.country) for e in record.events
    ]
