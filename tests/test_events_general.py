"""General event-coding mechanisms (generic actors, subject noun phrases, nominal events, pattern syntax) on
sentences written for these tests."""

from test_events import coded

from warta.nlp import events as ev


def types(record):
    return [(e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in record.events]


def test_phoenix_agents_are_loaded_and_hand_written_rows_win():
    table = ev.agents("en")
    assert table[("police",)].role == "COP"  # hand-written row
    assert (
        table[("farmers",)].role == "AGR"
    )  # converted from Phoenix.agents.txt (FARMER [~AGR], plural added)
    assert 5 in ev.agent_sizes("en").get(
        "minister", ()
    )  # "minister of the interior" etc., indexed by first word


def test_generic_agent_acts_without_a_name():
    (event,) = coded(["Farmers blocked the highway in protest."], "en").events or [None]
    assert event is None or event.actor.role == "AGR"
    record = coded(["Rebels attacked a police station in the north."], "en")
    assert ("ASSAULT", "rebels", None) in types(record)


def test_subject_noun_phrase_is_the_actor_when_no_entity_precedes_the_verb():
    record = coded(["The interim council vetoed the resolution on Monday."], "en")
    (event,) = [e for e in record.events if e.type == "REJECT"]
    assert event.actor.name == "interim council" and event.actor.entity is None


def test_subject_noun_phrase_skips_pronouns_numbers_and_title_case_headlines():
    assert not [
        e for e in coded(["Two of them attacked the convoy."], "en").events if e.actor.name == "two of them"
    ]
    assert not coded(["Man Shot At Gas Station Dies"], "en").events


def test_modal_inside_a_pattern_gap_gives_no_event():
    assert not coded(["Analysts said Russia could attack Ukraine again this winter."], "en").events


def test_multi_word_options_in_a_choice_expand():
    phrases = ev._parse_pattern("(held|holds) * (war games|drills)")
    assert (frozenset({"held", "holds"}), None, frozenset({"drills"})) in phrases
    assert (frozenset({"held", "holds"}), None, frozenset({"war"}), frozenset({"games"})) in phrases
    record = coded(["China held military drills near Taiwan."], "en")
    assert [e.type for e in record.events] == ["MOBILIZE"]


def test_counted_object_inside_the_pattern_needs_no_named_recipient():
    record = coded(["The rebels released 12 hostages on Sunday."], "en")
    assert [(e.type, e.recipient) for e in record.events] == [("RETREAT", None)]


def test_light_verb_and_event_noun_read_as_the_verb():
    record = coded(["Pakistan made an appeal to India for talks."], "en")
    assert [(e.type, e.actor.country, e.recipient.country) for e in record.events] == [
        ("REQUEST", "PAK", "IND")
    ]


def test_possessive_event_noun_codes_the_owner():
    record = coded(["Russia's invasion of Ukraine began before dawn."], "en")
    # an invasion named by its noun is force (labelling guide), CAMEO 190
    assert [(e.type, e.actor.country, e.recipient.country) for e in record.events] == [
        ("ASSAULT", "RUS", "UKR")
    ]
    assert not coded(["The invasion of Ukraine began before dawn."], "en").events


def test_agreement_partner_comes_after_with_not_the_thing_agreed_on():
    record = coded(["Pemerintah Bali dan Denpasar bersepakat memperpanjang PSBB tiga pekan."])
    agree = [e for e in record.events if e.type == "AGREE"]
    assert agree and all(e.recipient is None or e.recipient.name != "PSBB" for e in agree)


def test_generic_object_named_by_the_pattern_does_not_block_the_recipient():
    record = coded(["Penyidik kemarin menyerahkan tersangka dan berkas perkaranya kepada kejaksaan."])
    assert ("COOPERATE", "penyidik", "kejaksaan") in types(record)


def test_named_body_agent_is_found_mid_sentence():
    record = coded(["Sepanjang pekan lalu, Densus 88 telah menangkap tiga terduga teroris."])
    assert [(e.type, e.actor.role) for e in record.events] == [("COERCE", "COP")]


def test_place_in_apposition_after_the_subject_is_not_the_actor():
    record = coded(["Pemerintah Kabupaten Kendal, Jawa Tengah, mewajibkan tes usap bagi pendatang."])
    assert record.events and all(e.actor.name != "Jawa Tengah" for e in record.events)


def test_list_subject_first_item_acts_with_a_partner():
    record = coded(["Jepang, Korea Selatan dan Amerika Serikat sepakat memperkuat kerja sama pertahanan."])
    (event,) = [e for e in record.events if e.type == "AGREE"]
    assert event.actor.country == "JPN" and event.recipient is not None and event.recipient.country != "JPN"


def test_threat_or_refusal_to_act_needs_no_named_recipient():
    record = coded(["The opposition threatened to quit the talks."], "en")
    assert [e.type for e in record.events] == ["THREATEN"]


def test_game_senses_of_conflict_verbs_give_no_event():
    assert not coded(["Norway beat Sweden 3-1 on Monday to reach the semifinal."], "en").events
    assert not coded(["Indonesia menyerang Malaysia dalam laga final Piala AFF."], "id").events
    record = coded(["Norway attacked Sweden on Monday."], "en")
    assert ("ASSAULT", "Norway", "Sweden") in types(record)


def test_gerund_after_by_is_a_means_not_the_agent():
    record = coded(
        ["The Labour Party was accused of deceiving voters by changing the name of its Twitter account."],
        "en",
    )
    assert not [e for e in record.events if e.actor.name == "Twitter"]


def test_refusing_to_comment_is_no_rejection():
    assert not coded(["A spokesman for the Pentagon declined to comment on the report."], "en").events
    record = coded(["Russia rejected the American request for talks."], "en")
    assert [e.type for e in record.events] == ["REJECT"]


def test_event_noun_after_a_preposition_and_an_adjective_is_no_verb():
    assert not coded(["Hong Kong shares fell amid worsening protests in the city."], "en").events
    assert not coded(["Stocks slid amid anti-government protests in Santiago."], "en").events


def test_verbal_acts_between_private_parties_of_no_country_are_no_events():
    assert not coded(["Volvo will offer the new car in six colours."], "en").events
    assert not coded(["Acme Widgets agreed to repay the loan to Globex Holdings."], "en").events
    record = coded(["The Kenyan government agreed to repay the loan."], "en")
    assert [e.type for e in record.events] == ["AGREE"]


def test_aid_needs_a_recipient_and_a_rescue_is_no_mobilisation():
    assert not [
        e
        for e in coded(["Pemerintah memberikan subsidi listrik hingga akhir tahun."], "id").events
        if e.type == "AID"
    ]
    assert not [
        e
        for e in coded(
            ["Basarnas Mataram mengerahkan personel untuk pencarian korban kapal tenggelam."], "id"
        ).events
        if e.type == "MOBILIZE"
    ]
    record = coded(["Jepang memberikan bantuan kepada Indonesia."], "id")
    assert [e.type for e in record.events] == ["AID"]


def test_asking_about_something_is_a_question_not_a_request():
    assert not coded(["Russia asked Turkey about the missile deal."], "en").events


def test_they_before_a_finite_only_verb_is_the_group_named_before():
    record = coded(
        ["Mahasiswa berunjuk rasa di halaman gedung dewan. Mereka mengecam tindakan kasar aparat."], "id"
    )
    assert ("ACCUSE", "mahasiswa", "aparat") in types(record)


def test_indonesian_request_of_a_thing_needs_no_recipient():
    assert ("REQUEST", "buruh", None) in types(
        coded(["Aliansi buruh kembali meminta pilkada ditunda."], "id")
    )
    assert ("REQUEST", "presiden", None) in types(
        coded(["Presiden meminta supaya masyarakat tetap di rumah."], "id")
    )
    assert not coded(["Warga meminta direktur rumah sakit."], "id").events


def test_indonesian_hope_addressed_to_an_authority_lifting_a_measure_and_anger_at_a_party():
    assert ("REQUEST", "warga", "pemerintah") in types(
        coded(["Warga berharap pemerintah memperbaiki jalan itu."], "id")
    )
    record = coded(["Pemerintah akan mencabut aturan jam malam ( PPKM ) bulan depan."], "id")
    assert [(e.type, e.recipient) for e in record.events] == [("AGREE", None)]
    record = coded(["Bupati Lumbang marah kepada beberapa menteri."], "id")
    assert [(e.type, e.recipient.name if e.recipient else None) for e in record.events] == [
        ("ACCUSE", "menteri")
    ]


def test_malay_generic_actors_and_hopes():
    assert ("REQUEST", "pembangkang", "kerajaan") in types(
        coded(["Pembangkang berharap kerajaan menarik balik peraturan itu."], "ms")
    )
    assert ("COERCE", "polis", None) in types(coded(["Polis menahan tiga lelaki."], "ms"))


def test_cities_listed_as_the_subject_are_partners():
    record = coded(
        ["Pemerintah Jatim , Malang , Batu , dan Pasuruan bersepakat memperketat jam malam ."], "id"
    )
    # the list's first item acts ("Jatim", a province short form known since c385db0; "Pemerintah Jatim" since the
    # entities step reads a capitalised run opened by a body noun as one organisation, be54c6d) with another item
    ((kind, actor, recipient),) = [
        (e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in record.events
    ]
    assert (kind, actor) in (("AGREE", "Jatim"), ("AGREE", "Pemerintah Jatim"))
    assert recipient in ("Malang", "Batu", "Pasuruan")


def test_content_of_a_demand_noun_is_no_event():
    assert not coded(
        ["Tuntutan mereka adalah pemerintah daerah mencabut izin pabrik semen itu."], "id"
    ).events


def test_a_nationality_sentenced_in_the_passive_gets_no_authority_of_that_country():
    record = coded(
        ["The 48-year-old Australian was evicted in April and sentenced to 50 weeks in jail."], "en"
    )
    assert not [e for e in record.events if e.actor.country == "AUS"]


def test_indonesian_nominalised_demand_hearing_and_armed_contact():
    assert ("REQUEST", "mahasiswa", None) in types(
        coded(["Mahasiswa menuntut pencabutan undang-undang itu."], "id")
    )
    assert not coded(["Penyidik lalu meminta keterangan pada lima saksi."], "id").events
    record = coded(
        ["Bawaslu menyampaikan usulan anggaran pada rapat dengar pendapat dengan Komisi IV DPR."], "id"
    )
    assert [e.type for e in record.events] == ["CONSULT"]
    record = coded(["Terjadi kontak senjata antara TNI dan KKB di Intan Jaya."], "id")
    assert [e.type for e in record.events] == ["ASSAULT"]


def test_wishes_likelihoods_inability_and_market_rallies_are_no_events():
    assert not coded(["Russia is unlikely to agree to cut its oil output."], "en").events
    assert not coded(["The Nifty has been rallying on hopes of a deal."], "en").events
    assert not coded(["Police alone are not able to end the violence."], "en").events


def test_warnings_demonstrations_and_verbal_attacks_by_their_content():
    assert not coded(["The doctors warned that migrants are not the only people at risk."], "en").events
    assert [
        e.type for e in coded(["Officials warned residents to stay away from the river."], "en").events
    ] == ["REQUEST"]
    assert [e.type for e in coded(["Iran warned that it would retaliate against Israel."], "en").events] == [
        "THREATEN"
    ]
    assert not coded(
        ["The researchers demonstrated in 2013 that the protein responded to light."], "en"
    ).events
    record = coded(["Johnson attacked Corbyn's policies on Brexit."], "en")  # Brexit is no party: MISC
    assert [(e.type, e.recipient.name) for e in record.events] == [("ACCUSE", "Corbyn")]


def test_an_instruction_with_no_agent_comes_from_the_official_just_named():
    record = coded(
        [
            "Kapolri Idham Azis menerbitkan maklumat baru. Jajaran kepolisian diperintahkan menegakkan protokol."
        ],
        "id",
    )
    assert [(e.type, e.actor.name) for e in record.events] == [("REQUEST", "Idham Azis")]
    assert not coded(["Jatah penangkapan yang diminta mencapai 2 juta ton."], "id").events


def test_a_meeting_with_no_party_named_is_no_consultation():
    assert not coded(["Ia kemudian mengunjungi beberapa galeri seni di Roma."], "id").events
    assert [
        e.type
        for e in coded(["Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Jepang."], "id").events
    ] in (
        ["CONSULT"],
        [],
    )


def test_counted_people_arrested_in_the_passive_were_arrested_by_the_authorities():
    record = coded(["Dua pelaku ditahan di Polsek Menteng."], "id")
    assert [(e.type, e.actor.name, e.recipient) for e in record.events] == [("COERCE", "aparat", None)]
    record = coded(["DALLAS (AP) — Three men were arrested on Monday."], "en")
    assert [(e.type, e.actor.country, e.recipient) for e in record.events] == [("COERCE", "USA", None)]


def test_generic_private_groups_speaking_or_dealing_are_no_political_actors():
    assert not coded(["Many people seek reliable help for household tasks."], "en").events
    assert not coded(["The study demonstrated accuracy improvements of 40 percent."], "en").events
    assert [e.type for e in coded(["Protesters demonstrated in Santiago on Friday."], "en").events] == [
        "PROTEST"
    ]


def test_things_and_firms_of_no_country_asking_or_judging_are_no_events():
    assert not coded(["Acme Portals lets you request and collect files from anyone."], "en").events
    assert [e.type for e in coded(["Julian Assange has denied both allegations."], "en").events] in (
        ["REJECT"],
        [],
    )


def test_demonstrate_with_an_object_shows_without_one_protests():
    assert not coded(["The new system demonstrated a 70% improvement in accuracy."], "en").events
    assert not coded(["Prices rose, as demonstrated by the latest figures."], "en").events
    assert [e.type for e in coded(["Protesters demonstrated outside parliament."], "en").events] == [
        "PROTEST"
    ]
