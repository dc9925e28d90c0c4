"""Event coding on synthetic news paragraphs, through the whole pipeline (entities → quotes → events)."""

import pytest

from warta.model import Article, Record
from warta.nlp import events as ev
from warta.pipeline import Pipeline


def coded(paragraphs, lang="id", published="2024-05-18"):
    """Events of an article made of ``paragraphs`` (published on a Saturday by default), annotated by every
    annotator of the pipeline in order."""
    article = Article(paragraphs=list(paragraphs), language=lang, published=published)
    record = Record(id="t", article=article)
    for annotator in Pipeline().annotators():
        annotator.run(record)
    return record


def summary(record):
    return [
        (
            e.type,
            e.actor.country or e.actor.name,
            (e.recipient.country or e.recipient.name) if e.recipient else None,
            e.date,
        )
        for e in record.events
    ]


def test_threat_with_sanctions_has_actor_recipient_and_context():
    record = coded(
        [
            "Menteri Luar Negeri Jepang Taro Kono mengancam sanksi terhadap Korea Utara setelah "
            "uji coba rudal pada hari Jumat."
        ]
    )
    (event,) = [e for e in record.events if e.type == "THREATEN"]
    assert event.actor.name == "Taro Kono" and event.actor.country == "JPN"
    assert event.recipient.country == "PRK"
    assert event.cameo == "1312" and event.mode == "economic"
    assert event.date == "2024-05-17"
    text = record.article.text
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text


def test_negated_verb_gives_no_event():
    record = coded(["Pemerintah Filipina tidak akan mendukung rencana Tiongkok di Laut Cina Selatan."])
    assert not [e for e in record.events if e.type == "SUPPORT"]


def test_promise_to_cooperate_is_agree_with_intent_code():
    record = coded(["Pemerintah Jepang berjanji untuk memperkuat kerja sama militer dengan Filipina."])
    agree = [e for e in record.events if e.type == "AGREE"]
    assert agree and agree[0].cameo == "0312" and agree[0].recipient.country == "PHL"


def test_passive_verb_takes_the_agent_after_oleh():
    record = coded(
        ["Kapal nelayan Vietnam ditangkap oleh Angkatan Laut Malaysia di perairan Sabah pada Selasa lalu."]
    )
    (event,) = [e for e in record.events if e.type == "COERCE"]
    assert event.actor.country == "MYS"
    assert event.recipient.country == "VNM"
    assert event.date == "2024-05-14"


def test_demand_recipient_is_the_one_asked_not_the_place():
    record = coded(["Presiden Prancis Emmanuel Macron menuntut agar Rusia menarik pasukan dari Ukraina."])
    (event,) = [e for e in record.events if e.type == "REQUEST"]
    assert event.actor.name == "Emmanuel Macron"
    assert event.recipient.country == "RUS"


def test_reported_event_belongs_to_the_doer_not_the_reporter():
    record = coded(["Menurut kantor berita Reuters, Israel menyerang Gaza pada hari Kamis."])
    (event,) = [e for e in record.events if e.type == "ASSAULT"]
    assert event.actor.country == "ISR"
    assert event.date == "2024-05-16"


def test_english_events():
    record = coded(
        [
            "Turkish President Recep Tayyip Erdogan met German Chancellor Olaf Scholz in Ankara on Tuesday.",
            "Germany imposed sanctions on Iran last week, officials said.",
        ],
        lang="en",
    )
    types = {e.type: e for e in record.events}
    assert types["CONSULT"].actor.country == "TUR" and types["CONSULT"].recipient.name == "Olaf Scholz"
    assert types["CONSULT"].date == "2024-05-14" and types["CONSULT"].location == "Ankara"
    assert types["SANCTION"].actor.country == "DEU" and types["SANCTION"].recipient.country == "IRN"


def test_english_demonym_title_gives_recipient_country():
    record = coded(
        ["Turkish President Recep Tayyip Erdogan met Iraqi Prime Minister Haidar Abadi in Ankara."], lang="en"
    )
    (event,) = [e for e in record.events if e.type == "CONSULT"]
    assert event.recipient.name == "Haidar Abadi" and event.recipient.country == "IRQ"


def test_pattern_syntax():
    phrases = ev._parse_pattern("menuntut agar|(mengirim|membawa) * pasukan")
    assert phrases[0] == (frozenset({"menuntut"}), frozenset({"agar"}))
    assert phrases[1] == (frozenset({"mengirim", "membawa"}), None, frozenset({"pasukan"}))


def test_every_pattern_code_maps_to_plover():
    for lang in ("id", "ms", "en"):
        for patterns in ev.lexicon(lang).by_first_word.values():
            for pattern in patterns:
                # "-" (README): a phrase that names no event and shadows the shorter patterns at its place
                assert pattern.cameo == "-" or ev.plover_of(pattern.cameo), (lang, pattern)


@pytest.mark.parametrize(
    "code, expected",
    [("062", "COOPERATE"), ("1312", "THREATEN"), ("0312", "AGREE"), ("190", "ASSAULT"), ("173", "COERCE")],
)
def test_cameo_to_plover(code, expected):
    assert ev.plover_of(code)[0] == expected


def test_local_pattern_file_adds_patterns_without_code(monkeypatch, tmp_path):
    from warta import resources

    local = tmp_path / "events"
    local.mkdir()
    for name in (
        "patterns.id.tsv",
        "words.id.tsv",
        "context.id.tsv",
        "cameo_plover.tsv",
        "intent.tsv",
        "clauses.id.tsv",
    ):
        (local / name).write_text(
            (resources.ROOT / "events" / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    (local / "patterns.id.local.tsv").write_text("menggertak\t130\trecipient\n", encoding="utf-8")
    monkeypatch.setattr(resources, "ROOT", tmp_path)
    resources.read_lines.cache_clear()
    ev.lexicon.cache_clear()
    try:
        assert any(p.cameo == "130" for p in ev.lexicon("id").by_first_word["menggertak"])
    finally:
        resources.read_lines.cache_clear()
        ev.lexicon.cache_clear()


# --- rules added with the news and GSR benchmarks (synthetic sentences written for warta) ---------------------


def test_generic_actor_takes_the_dateline_country_and_counted_object_gives_no_recipient():
    record = coded(
        ["MEDAN, KOMPAS — Polisi menangkap tiga orang di Kecamatan Medan Baru, Sumatera Utara, Senin."]
    )
    (event,) = [e for e in record.events if e.type == "COERCE"]
    assert event.actor.name == "polisi" and event.actor.country == "IDN" and event.actor.entity is None
    assert event.recipient is None  # "tiga orang", not the place named after "di"


def test_place_after_locative_is_not_the_actor():
    record = coded(["Ratusan mahasiswa di wilayah Bandung berunjuk rasa di depan gedung DPRD Jawa Barat."])
    (event,) = [e for e in record.events if e.type == "PROTEST"]
    assert event.actor.name == "mahasiswa"


def test_compound_subject_first_conjunct_acts_with_the_second():
    record = coded(["Kenya and Tanzania agreed to reopen their border."], lang="en")
    (event,) = [e for e in record.events if e.type == "AGREE"]
    assert (event.actor.country, event.recipient.country) == ("KEN", "TZA")


def test_english_passive_with_be_takes_the_agent_after_by():
    record = coded(["Several Kenyan fishermen were detained by Ugandan police on Lake Victoria."], lang="en")
    (event,) = [e for e in record.events if e.type == "COERCE"]
    assert (event.actor.country, event.recipient.country) == ("UGA", "KEN")


def test_coordinated_verb_shares_the_subject():
    record = coded(
        ["China accused Japan of provocation and warned Tokyo against further patrols."], lang="en"
    )
    (event,) = [e for e in record.events if e.type == "THREATEN"]
    assert (event.actor.country, event.recipient.country) == ("CHN", "JPN")


def test_demanded_action_is_not_a_second_event():
    record = coded(["Germany urged Russia to withdraw its troops from the border."], lang="en")
    assert [e.type for e in record.events] == ["REQUEST"]


def test_pronoun_subject_is_the_previous_sentence_actor():
    record = coded(
        ["Mahasiswa berunjuk rasa di depan gedung DPRD Jawa Barat.", "Mereka mengecam Gubernur Ridwan Kamil."]
    )
    (event,) = [e for e in record.events if e.type == "ACCUSE"]
    assert event.actor.name == "mahasiswa" and event.recipient.name == "Ridwan Kamil"


def test_noun_after_determiner_and_conditional_clause_give_no_event():
    assert not [
        e
        for e in coded(["The attack on the convoy was condemned by Pakistan."], lang="en").events
        if e.type == "ASSAULT"
    ]
    assert not [
        e
        for e in coded(["Jika Rusia menyerang Ukraina, Eropa akan menjatuhkan sanksi."]).events
        if e.type == "ASSAULT"
    ]


def test_counted_object_keeps_the_event_without_a_place_as_recipient():
    record = coded(["Kenyan police arrested 12 people in Nairobi on Friday."], lang="en")
    (event,) = [e for e in record.events if e.type == "COERCE"]
    assert event.actor.country == "KEN" and event.recipient is None


def test_word_set_macros_in_pattern_files(monkeypatch, tmp_path):
    from warta import resources

    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "patterns.xx.tsv").write_text(
        "@HIT\tsmite|smote\n@HIT * castle|@HIT * keep\t190\trecipient\n", encoding="utf-8"
    )
    monkeypatch.setattr(resources, "ROOT", tmp_path)
    resources.read_lines.cache_clear()
    try:
        patterns = ev._read_patterns("events/patterns.xx.tsv")
    finally:
        resources.read_lines.cache_clear()
    assert [p.slots[0] for p in patterns] == [frozenset({"smite", "smote"})] * 2
    assert all(p.cameo == "190" and p.flags == {"recipient"} for p in patterns)


def test_petrarch_patterns_load_after_hand_written_ones_with_their_notice():
    text = (resources_root() / "events" / "patterns.en.petrarch.tsv").read_text(encoding="utf-8")
    assert "Copyright (c) 2015 Open Event Data Alliance" in text and "MIT License" in text
    origins = {p.origin for ps in ev.lexicon("en").by_first_word.values() for p in ps}
    assert origins == {"", "petrarch"}
    hand = [p for p in ev.lexicon("en").by_first_word["accused"] if p.size == 1]
    assert hand[0].origin == ""  # hand-written first: it wins on equal length


def resources_root():
    from warta import resources

    return resources.ROOT


def test_question_relative_clause_base_form_and_colon_header():
    assert not coded(["Why did Kenya expel the Somali diplomats?"], lang="en").events
    record = coded(["Police said the man who attacked the Kenyan embassy was arrested."], lang="en")
    assert not [e for e in record.events if e.type == "ASSAULT"]  # "the man" is no entity: no actor
    assert not coded(["Despite the Supreme Court ban, fireworks lit up the sky."], lang="en").events
    record = coded(["Japan threatened to ban imports from Vietnam."], lang="en")
    assert [e.type for e in record.events] == ["THREATEN"]
    record = coded(["NAIROBI: Police arrested 12 people on Friday."], lang="en")
    (event,) = record.events
    assert event.actor.name == "police" and event.actor.country == "KEN"


def test_indonesian_passive_agent_without_oleh_and_noun_after_preposition():
    record = coded(["Tiga petani diserang kelompok kriminal bersenjata saat berkebun di Distrik Kenyam."])
    (event,) = [e for e in record.events if e.type == "ASSAULT"]
    assert event.actor.name == "kelompok kriminal bersenjata" and event.recipient is None
    # "during protests": a noun, so "people" do not protest; the protest itself is the crowd's (labelling guide:
    # a protest in progress mentioned in passing counts)
    events = coded(["Two people died during protests in Lagos."], lang="en").events
    assert [(e.type, e.actor.name) for e in events] == [("PROTEST", "protesters")]


def test_reported_clause_subject_is_not_the_speaker_and_quote_speaker_acts_for_we():
    record = coded(
        ["Juru bicara Kementerian Luar Negeri Teuku Faizasyah mengatakan , Jepang akan menyerang Tiongkok ."]
    )
    assert not [e for e in record.events if e.actor.name == "Teuku Faizasyah"]
    record = coded(["BEKASI — Polisi menangkap 29 anak di Harapan Jaya ."])
    (event,) = [e for e in record.events if e.type == "COERCE"]
    assert event.actor.country == "IDN"  # no known dateline place: the language's home country


# --- recipient choice, negated agreement, nominal events, intent (synthetic sentences) ---------------------


def test_recipient_is_never_a_place_adjunct_or_the_speaker_of_an_attribution():
    record = coded(["Ratusan mahasiswa berunjuk rasa di depan gedung DPR di Jakarta, Senin."])
    assert [(e.type, e.recipient) for e in record.events] == [("PROTEST", None)]
    record = coded(["Polisi menangkap 12 orang di rumahnya di Bekasi, ujar Kapolres Bekasi kepada wartawan."])
    assert [(e.type, e.recipient) for e in record.events] == [("COERCE", None)]
    record = coded(
        ["Germany criticised Russia on Monday, foreign minister Annalena Baerbock said in Berlin."], "en"
    )
    assert summary(record)[0][:3] == ("ACCUSE", "DEU", "RUS")


def test_recipient_after_a_complement_preposition_not_after_a_locative_one():
    record = coded(["Menteri Luar Negeri Retno Marsudi bertemu dengan Menlu Australia di Jakarta."])
    assert summary(record)[0][:3] == ("CONSULT", "IDN", "AUS")
    record = coded(["Warga meminta jalan masuk ke Desa Sukamaju diperbaiki."])
    assert all(e.recipient is None for e in record.events)


def test_speaker_named_in_an_attribution_is_not_the_actor():
    record = coded(["Tuntutan kedua, lanjut Marwan, meminta pemerintah daerah membuka pasar."])
    assert not [e for e in record.events if e.actor.name == "Marwan"]


def test_negated_agreement_is_reject():
    record = coded(["DPR tidak menyetujui usulan pemerintah."])
    assert [e.type for e in record.events] == ["REJECT"]
    record = coded(["The government did not accept the offer."], "en")
    assert [(e.type, e.cameo) for e in record.events] == [("REJECT", "120")]
    assert not coded(["Polisi tidak menangkap 12 orang itu."]).events  # other negated verbs: nothing happened


def test_intent_word_bakal_makes_cooperation_agree():
    record = coded(["Indonesia bakal bekerja sama dengan Jepang dalam bidang energi."])
    assert summary(record)[0][:3] == ("AGREE", "IDN", "JPN")


def test_events_carried_by_nouns():
    record = coded(["Pemerintah Indonesia melontarkan kecaman terhadap Israel atas serangan di Gaza."])
    assert summary(record)[0][:3] == ("ACCUSE", "IDN", "ISR")
    record = coded(["Clashes between Israeli troops and Palestinian protesters erupted in Hebron."], "en")
    assert [(e.type, e.cameo, e.actor.country) for e in record.events] == [("ASSAULT", "190", "ISR")]
    record = coded(["Ribuan buruh menggelar unjuk rasa menolak kenaikan harga BBM di Bandung."])
    assert [e.type for e in record.events] == ["PROTEST"]


def test_passive_without_agent():
    # an arrest stated in the passive was done by the state: the authorities of the one arrested act
    record = coded(["Five activists were arrested in Moscow on Sunday."], "en")
    assert [(e.type, e.actor.name, e.actor.country, e.recipient.country) for e in record.events] == [
        ("COERCE", "authorities", "RUS", "RUS")
    ]
    # a counted group with no name is no recipient, but its arrest is still the authorities' act (labelling guide:
    # unnamed suspects, recipient null); other passives with no agent give no event
    record = coded(["Tiga tersangka ditangkap di Surabaya."])
    assert [(e.type, e.actor.name, e.actor.country, e.recipient) for e in record.events] == [
        ("COERCE", "aparat", "IDN", None)
    ]
    assert not coded(["Two soldiers were attacked in Moscow on Sunday."], "en").events


def test_modal_conditional_and_indirect_question_give_no_event():
    assert not coded(["Pemerintah harus menindak tegas pelaku pembakaran hutan di Riau."]).events
    assert not coded(["Analysts said Russia could attack Ukraine again this winter."], "en").events
    record = coded(["The hearings are an effort to establish whether Russia attacked Ukraine first."], "en")
    assert not record.events


def test_purpose_infinitive_shares_the_subject_and_no_head_across_function_words():
    record = coded(["Japan's prime minister visited China to meet Xi Jinping."], "en")
    assert [(e.actor.country, e.recipient.name) for e in record.events] == [
        ("JPN", "China"),
        ("JPN", "Xi Jinping"),
    ]


def test_group_named_through_of_is_the_actor():
    record = coded(["Hundreds of protesters rallied against the government in La Paz."], "en")
    assert [(e.type, e.actor.name) for e in record.events] == [("PROTEST", "protesters")]


def test_apposition_names_the_object_but_an_attribution_speaker_is_never_the_recipient():
    record = coded(["Germany criticised the former president, Donald Trump, on Monday."], "en")
    assert [(e.type, e.recipient.name) for e in record.events] == [("ACCUSE", "Donald Trump")]
    assert not [e for e in coded(["Japan criticised the move, Kishida said."], "en").events if e.recipient]
    record = coded(["Japan criticised Russia, Kishida said."], "en")
    assert summary(record)[0][:3] == ("ACCUSE", "JPN", "RUS")


def test_finite_verb_after_adverbials():
    record = coded(["Russia on Tuesday evening formally expelled two Japanese diplomats."], "en")
    assert summary(record)[0][:3] == ("SANCTION", "RUS", "JPN")
