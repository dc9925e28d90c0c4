"""English events on unseen text (issue 6, twelfth session): causes of false events and misses counted on the tune
half of the fresh labels (wikigold sentences, ScrapingHub and WCXB pages) and on unlabelled web pages and tweets;
sentences written for these tests in the style of news and web pages."""

from test_events import coded


def events(text):
    return [
        (e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in coded([text], "en").events
    ]


def test_what_someone_is_told_or_ordered_to_do_is_not_done():
    assert not events("In the next episode , Bullock tells Stan to kill Jeff before the wedding .")
    assert not events("The gang leader ordered his men to kill the shopkeeper , the court heard .")
    assert not events("The colonel instructed two soldiers to execute the prisoners .")
    # the act itself, or a vow to do it, is still read
    assert [t for t, _, _ in events("Gunmen killed the mayor of Tlalixcoyan on Sunday .")] == ["ASSAULT"]
    assert [t for t, _, _ in events("The rebels tried to kill the governor of the province .")] == ["ASSAULT"]
    assert [t for t, _, _ in events("Israeli soldiers kill a Palestinian teenager in Hebron .")] == ["ASSAULT"]


def test_brand_and_offer_in_commercial_text_are_no_events():
    assert not events("US brand Northline Company crafts apparel for hikers .")
    assert not events("Countries like Hungary and Georgia offer ancient winemaking traditions .")
    assert not events("The Canadian markets offer so much opportunity to investors from Romania .")
    # the past forms of the verbs still are ("branded", "offered")
    assert events("Beijing branded the Dalai Lama a separatist .")
    assert [t for t, _, _ in events("Turkey offered to mediate between Russia and Ukraine .")] == ["AGREE"]


def test_best_is_no_defeat():
    assert not events("Reviewers cite high customer satisfaction and best value for military households .")
    assert not events("Buyers report strong customer loyalty and best prices for army surplus gear .")
    assert not events("Officials said the new rifle offers the best protection for soldiers .")


def test_a_meeting_between_private_people_is_no_event():
    assert not events("Whilst still a teenager , Citrone opened a gym in North Shields and met Sunderland A.F.C. "
                      "footballer David Smith .")
    assert not events("As a student , Marlow met Oxford United goalkeeper Tom Reece at a party .")
    # meetings of officials, named with or without titles, are still read
    assert events("Chinese President Xi Jinping met Indian Prime Minister Narendra Modi in Kazan .") == [
        ("CONSULT", "Xi Jinping", "Narendra Modi")
    ]
    assert ("CONSULT", "Blinken", "Wang Yi") in events("Blinken met Wang Yi in Beijing on Friday .")


def test_a_firm_or_product_backing_no_state_party_is_no_support():
    assert not events("Kotlin has become the standard for Android apps , endorsed by Google as the preferred language .")
    assert not events("Northwind supports thousands of customers across industries , including retail and media .")
    # support of or by a state party, or by a private person for a politician, is still read
    assert ("SUPPORT", "Germany", "Ukraine") in events("Germany supports Ukraine's bid to join the European Union .")
    assert events("Elon Musk endorsed Donald Trump for president on Saturday .") == [
        ("SUPPORT", "Elon Musk", "Donald Trump")
    ]


def test_a_country_named_by_its_adjective_or_possessive_before_a_thing_is_no_party():
    assert not events("Kanfuela Kaffe honors its Congolese roots by roasting specialty coffee .")
    assert not events("The new restaurant in the old Luhrs building honors Mexico's rich culinary heritage .")
    # a country acted on, or its adjective before a party, still is
    assert events("Amnesty International condemned Israeli strikes on Gaza .") == [
        ("ACCUSE", "Amnesty International", "Israel")
    ]


def test_advice_to_the_reader_is_no_request():
    assert not events("But before you invest , Bernard urges you to consult someone with more experience .")
    assert not events("The agency asks you to report suspicious packages to the police .")
    # a request of a party is still read
    assert events("Taiwan urged China to return to talks .") == [("REQUEST", "Taiwan", "China")]


def test_a_place_pair_after_a_preposition_is_no_subject():
    found = events(
        "Officers from the city police department conducted a traffic stop near Seventh Street and Central Avenue "
        "and later arrested Elizabeth A. Burton , 32 ."
    )
    assert [(t, r) for t, _, r in found] == [("COERCE", "Elizabeth A. Burton")]
    assert found[0][1] not in ("Seventh Street", "Central Avenue")
    # a pair after "from" still names whose troops act
    assert events("Troops from Chad and Niger attacked the rebels .") == [
        ("ASSAULT", "Chad", None),
        ("ASSAULT", "Niger", None),
    ]


def test_a_sentence_or_charge_with_no_agent_is_the_court_s_or_the_prosecutors():
    assert events("Citrone was sentenced to two years in prison .") == [("COERCE", "court", "Citrone")]
    assert events("Tova Noel was charged with falsifying records .") == [("COERCE", "prosecutors", "Tova Noel")]
    # an arrest stays the authorities'; a counted group with no country named gives none
    assert events("A man was arrested in Leeds on Monday .") == [("COERCE", "authorities", None)]
    assert not events("Three men were charged with murder .")


def test_a_firm_or_private_people_asking_no_state_party_is_no_request():
    assert not events("While Facebook appeals to a diverse audience , TikTok draws younger users .")
    assert not events("Residents asked the building manager to fix the lift .")
    # a request of or by a state party, or by a group of protesters for a release, is still read
    assert events("Google asked the EU to drop the fine .") == [("REQUEST", "Google", "EU")]
    assert ("REQUEST", "Amnesty International", "United States") in events(
        "Amnesty International urged the U.S. to end sanctions ."
    )
    assert [t for t, _, _ in events("Protesters demanded the release of political prisoners .")] == ["REQUEST"]


def test_a_firm_s_plan_for_a_place_is_no_promise_to_its_country():
    assert not events("Netflix plans to open an office in India next year .")
    assert not events("Streamwave plans to expand in Brazil after the merger .")
    # a state's plan, or a firm's act on a country it names as the one acted on, is still read
    assert events("Japan plans to send aid to Turkey .") == [("AGREE", "Japan", "Türkiye")]
    assert [t for t, _, _ in events("China plans to build a port in Sri Lanka .")] == ["AGREE"]
