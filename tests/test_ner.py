"""Tests for warta.nlp.tokenize and warta.nlp.ner (shipped models; no network, no ../shared)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.nlp import ner
from warta.nlp.tokenize import tokenize, tokens

SRC = str(Path(ner.__file__).resolve().parents[2])
IOB2 = re.compile(r"^(O|[BI]-(PER|ORG|LOC|MISC))$")

ID_SENTENCE = "Presiden Joko Widodo bertemu Menteri Luar Negeri Retno Marsudi di Jakarta."
EN_SENTENCE = "President Barack Obama met Prime Minister David Cameron in London on Tuesday."


def assert_valid_iob2(tags: list[str]) -> None:
    previous = "O"
    for label in tags:
        assert IOB2.match(label), label
        if label.startswith("I-"):
            assert previous != "O" and previous[2:] == label[2:], (previous, label)
        previous = label


def entities(text: str, lang: str) -> set[tuple[str, str]]:
    return {(m["text"], m["type"]) for m in ner.find_entities(text, lang)}


# ------------------------------------------------------------------------------------------- tokenizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "kerja sama militer-teknis dengan badan-badan",
            ["kerja", "sama", "militer-teknis", "dengan", "badan-badan"],
        ),
        ("Mi-17, F-16 dan S-400.", ["Mi-17", ",", "F-16", "dan", "S-400", "."]),
        ("kata A.S. kemarin", ["kata", "A.S.", "kemarin"]),
        (
            "“keluar” dari «sini» 'ya' \"ok\"",
            ["“", "keluar", "”", "dari", "«", "sini", "»", "'", "ya", "'", '"', "ok", '"'],
        ),
        ("kerja sama Rusia-Venezuela", ["kerja", "sama", "Rusia", "-", "Venezuela"]),
        ("Dr. Smith paid 1.500,50 at 10:30.", ["Dr.", "Smith", "paid", "1.500,50", "at", "10:30", "."]),
        ("Trump's aides don't", ["Trump", "'s", "aides", "do", "n't"]),
    ],
)
def test_tokenize_examples(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_tokenize_spans_round_trip(text: str) -> None:
    spans = tokenize(text)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert text[position:start].strip() == ""  # only whitespace between tokens
        assert not text[start:end].isspace()
        position = end
    assert text[position:].strip() == ""


# ------------------------------------------------------------------------------------------- tagging


def test_tags_are_valid_iob2_for_every_language() -> None:
    words = tokens("Presiden Trump dan Menteri Retno Marsudi bertemu di Washington, AS, membahas F-16.")
    for lang in ("id", "ms", "en", "fr"):
        tags = ner.tag(words, lang)
        assert len(tags) == len(words)
        assert_valid_iob2(tags)


def test_empty_input() -> None:
    assert ner.tag([], "id") == []
    assert ner.find_entities("", "en") == []


def test_indonesian_sentence() -> None:
    found = entities(ID_SENTENCE, "id")
    assert {("Joko Widodo", "PER"), ("Retno Marsudi", "PER"), ("Jakarta", "LOC")} <= found


def test_indonesian_news_paragraph() -> None:
    text = (
        "Menteri Pertahanan Prabowo Subianto mengatakan Kementerian Pertahanan akan membeli pesawat dari Prancis. "
        "Kunjungan itu dilakukan di Paris pada hari Senin."
    )
    found = entities(text, "id")
    assert ("Prabowo Subianto", "PER") in found
    assert ("Prancis", "LOC") in found
    assert ("Paris", "LOC") in found


def test_english_sentence() -> None:
    found = entities(EN_SENTENCE, "en")
    # Titles are sometimes kept in the span ("Prime Minister David Cameron"); entities.py strips them.
    assert any(kind == "PER" and text.endswith("Barack Obama") for text, kind in found)
    assert any(kind == "PER" and text.endswith("David Cameron") for text, kind in found)
    assert ("London", "LOC") in found


def test_mention_offsets_point_into_text() -> None:
    text = "  Kemarin,  Presiden Joko Widodo\nberkunjung ke Surabaya.  "
    for mention in ner.find_entities(text, "id"):
        assert text[mention["start"] : mention["end"]] == mention["text"]
        assert 0.0 <= mention["confidence"] <= 1.0
        assert mention["type"] in ner.TYPES


_NEWS_WORDS = st.sampled_from(
    [
        "Presiden",
        "Jakarta",
        "kata",
        "Mi-17",
        "di",
        "“",
        "”",
        ".",
        ",",
        "A.S.",
        "Rusia-Venezuela",
        "  ",
        "\n\n",
        "AS",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(_NEWS_WORDS, st.text(max_size=12)), max_size=40), st.sampled_from(["id", "en", "xx"])
)
def test_find_entities_never_breaks_on_odd_text(parts: list[str], lang: str) -> None:
    text = " ".join(parts)
    for mention in ner.find_entities(text, lang):
        assert 0 <= mention["start"] < mention["end"] <= len(text)
        assert text[mention["start"] : mention["end"]] == mention["text"]
        assert mention["type"] in ner.TYPES


def test_equipment_codes_are_misc() -> None:
    text = "Rusia mengirim helikopter Mi-17 dan Mi-26, jet Su-35, rudal S-400 serta senapan AK-47 ke sana."
    found = {m["text"]: m for m in ner.find_entities(text, "id")}
    for code in ("Mi-17", "Mi-26", "Su-35", "S-400", "AK-47"):
        assert found[code]["type"] == "MISC"
        assert found[code]["kind"] == "equipment"
    assert ner.is_equipment("T-90") and ner.is_equipment("MiG-29")
    assert (
        not ner.is_equipment("ke-2")
        and not ner.is_equipment("militer-teknis")
        and not ner.is_equipment("COVID-19")
    )


def test_unknown_language_uses_capitalisation_and_gazetteer() -> None:
    mentions = ner.find_entities("Le président a visité Indonésie et rencontré Marie Dupont hier.", "fr")
    by_text = {m["text"]: m for m in mentions}
    assert by_text["Marie Dupont"]["type"] == "MISC"
    assert by_text["Indonésie"]["type"] == "LOC"  # CLDR French territory name
    assert all(m["confidence"] <= ner.FALLBACK_CONFIDENCE for m in mentions)


# ------------------------------------------------------------------------------------------- conll + loading


def test_tag_conll_round_trip() -> None:
    source = "Joko\tB-PER\nWidodo\tI-PER\nke\tO\nJakarta\tB-LOC\n.\tO\n\nIa\nsenang\n.\n"
    out = io.StringIO()
    assert ner.tag_conll(io.StringIO(source), out, "id") == 2
    lines = out.getvalue().split("\n")
    assert lines[-1] == ""
    rows = lines[:-1]
    assert rows.count("") == 1 and rows.index("") == 5  # same sentence break
    words = [row.split("\t")[0] for row in rows if row]
    assert words == ["Joko", "Widodo", "ke", "Jakarta", ".", "Ia", "senang", "."]
    tags = [row.split("\t")[1] for row in rows if row]
    assert_valid_iob2(tags)
    assert tags[3] == "B-LOC"


def test_models_load_lazily_and_are_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_MODELS", {})  # as after import: nothing loaded yet
    assert ner.loaded_models() == []
    ner.tag(["Jakarta"], "id")
    assert ner.loaded_models() == ["id"]
    first = ner.get_model("id")
    ner.tag(["Kuala", "Lumpur"], "ms")  # Malay shares the Indonesian model
    assert ner.get_model("ms") is first
    assert ner.loaded_models() == ["id"]
    assert ner.get_model("fr") is None


def test_import_loads_no_model() -> None:
    code = "import warta.nlp.ner as n, sys; assert n.loaded_models() == []; assert 'pycrfsuite' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": SRC})


def test_score_entities_counts_exact_matches() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]
    scores = ner.score_entities(gold, pred)
    assert scores["ALL"]["p"] == pytest.approx(0.5) and scores["LOC"]["f1"] == pytest.approx(1.0)


def test_repair_keeps_titles_outside_person_spans() -> None:
    model = ner.get_model("id")
    words = ["Presiden", "Donald", "Trump", "dan", "Pangeran", "Diponegoro", "datang", "."]
    raw = ["B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "O", "O"]
    # "Presiden" is an office (outside the span); "Pangeran" is part of the name in the training data.
    assert model.repair(words, raw) == ["O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "O"]


def test_repair_months_colons_and_lower_case_countries() -> None:
    model = ner.get_model("id")
    words = ["Pada", "3", "Mac", "2021", "Jakarta", ":", "Bogor", "bersama", "venezuela"]
    raw = ["O", "O", "B-PER", "O", "B-LOC", "I-LOC", "I-LOC", "O", "O"]
    assert model.repair(words, raw) == ["O", "O", "O", "O", "B-LOC", "O", "B-LOC", "O", "B-LOC"]


def test_entities_do_not_cross_line_breaks() -> None:
    text = "Kata Jokowi\nWidodo hari ini di Jakarta."
    for mention in ner.find_entities(text, "id"):
        assert "\n" not in mention["text"]


NUMPY_CHECK_SENTENCES = [
    ID_SENTENCE,
    "Kementerian Luar Negeri RI menyatakan bahwa warga negara Indonesia di Caracas dalam keadaan aman .",
    "Ketua DPR Puan Maharani dan Gubernur Jawa Barat bertemu di Bandung , Senin ( 3/6 ) .",
    "PT Pertamina ( Persero ) menaikkan harga BBM",
    EN_SENTENCE,
    "The United Nations said Russian troops landed in Caracas , Venezuela .",
    "x",
]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_numpy_scorer_matches_crfsuite(lang: str) -> None:
    """The numpy Viterbi and forward-backward give crfsuite's own tags and marginals for the shipped models."""
    import pycrfsuite

    model = ner.get_model(lang)
    reference = pycrfsuite.Tagger()
    reference.open(str(model.crf_path))
    sentences = [text.split() for text in NUMPY_CHECK_SENTENCES]
    batch = model.tag_many(sentences, marginals=True)
    for words, (tags, probs) in zip(sentences, batch, strict=True):
        raw = reference.tag(model.features.sentence(model.truecase(words)))
        assert tags == model.repair(words, raw)
        alone = model.tag_with_marginals(words)  # a batch of one agrees with a larger batch
        assert alone[0] == tags
        assert alone[1] == pytest.approx(probs)
        for i, (label, final) in enumerate(zip(raw, tags, strict=True)):
            if label[2:] == final[2:]:
                assert probs[i] == pytest.approx(reference.marginal(label, i), abs=1e-5)
    assert model.tag_many([[], ["Jakarta"]], marginals=False)[0] == ([], [])
