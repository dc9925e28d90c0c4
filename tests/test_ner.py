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


def test_german_capitalised_nouns_are_not_names_but_capitalised_runs_are() -> None:
    text = "Viele Kliniken melden Engpässe, sagte Ministerin Anna Wegmann am Montag in Berlin."
    found = {m["text"]: m["type"] for m in ner.find_entities(text, "de")}
    assert "Kliniken" not in found and "Engpässe" not in found and "Montag" not in found
    assert found.get("Berlin") == "LOC" and any("Anna Wegmann" in t for t in found)


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

    shipped = ner.get_model(lang)
    model = ner.NerModel(shipped.crf_path, shipped.crf_path.with_suffix(".lex"))  # the CRF alone, no network
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


def _random_neural_file(
    path: Path, labels: list[str], hidden: int = 6, seed: int = 0, crf: bool = False, runs: bool = False
) -> None:
    """A NeuralTagger weight file with random weights (the real one is trained with PyTorch, not needed here)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    words, chars, shapes = (
        ["<pad>", "<unk>", "jakarta", "di"],
        ["<pad>", "<w>", "</w>", "<unk>", "a"],
        ["<pad>", "<unk>"],
    )
    dims = {"word": 5, "char": 4, "filters": 3, "flag": 2}
    size = dims["word"] + dims["filters"] + (5 if runs else 4) * dims["flag"]

    def r(*shape):
        return rng.normal(size=shape).astype(np.float32)

    np.savez(
        path,
        labels=np.array(labels),
        words=np.array(words),
        chars=np.array(chars),
        shapes=np.array(shapes),
        word_emb=r(len(words), dims["word"]).astype(np.float16),
        char_emb=np.vstack([np.zeros((1, dims["char"]), np.float32), r(len(chars) - 1, dims["char"])]),
        conv_w=r(dims["filters"], dims["char"], 3),
        conv_b=r(dims["filters"]),
        shape_emb=r(len(shapes), dims["flag"]),
        head_emb=r(len(ner.NEURAL_HEAD), dims["flag"]),
        lex_emb=r(3, dims["flag"]),
        gaz_emb=r(len(ner.NEURAL_GAZ), dims["flag"]),
        w_ih_f=r(4 * hidden, size),
        w_hh_f=r(4 * hidden, hidden),
        b_f=r(4 * hidden),
        w_ih_b=r(4 * hidden, size),
        w_hh_b=r(4 * hidden, hidden),
        b_b=r(4 * hidden),
        out_w=r(len(labels), 2 * hidden),
        out_b=r(len(labels)),
        ensemble_weight=np.array(0.5),
        **(
            {"crf_trans": r(len(labels), len(labels)), "crf_start": r(len(labels)), "crf_end": r(len(labels))}
            if crf
            else {}
        ),
        **({"run_emb": r(len(ner.NEURAL_RUN) ** 2, dims["flag"])} if runs else {}),
    )


def _lstm_reference(tagger: ner.NeuralTagger, words: list[str], labels: list[str], net: int = 0):
    """Plain one-sentence BiLSTM of network ``net`` over the tagger's inputs, written out gate by gate."""
    import numpy as np

    h, n = tagger.hidden, tagger.count
    gaz = [tagger._gaz_index.get(g or "", 0) for g in tagger.features.gazetteer.match(words)]
    inputs = np.stack(tagger.word_inputs(words)) + tagger.gaz_proj[gaz]
    if tagger.run_proj is not None:
        inputs = inputs + tagger.run_proj[ner.neural_run_ids(words, tagger.features.lexicon.lowercase)]
    outs = []
    for direction in (0, 1):
        d = direction * n + net  # the forward LSTMs of all networks first, then the backward ones
        hs, cs, seq = np.zeros(h), np.zeros(h), [None] * len(words)
        steps = range(len(words)) if direction == 0 else range(len(words) - 1, -1, -1)
        for t in steps:
            act = np.tanh(inputs[t, 4 * h * d : 4 * h * (d + 1)] + hs @ tagger.w_hh[d])
            i, f, o = (act[k * h : (k + 1) * h] * 0.5 + 0.5 for k in range(3))
            cs = f * cs + i * act[3 * h :]
            hs = o * np.tanh(cs)
            seq[t] = hs
        outs.append(np.stack(seq))
    logits = np.concatenate(outs, axis=1) @ tagger.out_w[net] + tagger.out_b[net]
    logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    return logp[:, [tagger.labels.index(label) for label in labels]]


def test_neural_tagger_batches_match_one_sentence_at_a_time(tmp_path: Path) -> None:
    """Batched BiLSTM (both directions together, padding masked) = the plain per-sentence recurrence."""
    import numpy as np

    crf = ner.get_model("id")
    labels = list(crf.scorer.labels)
    path = tmp_path / "ner-test.nn.npz"
    _random_neural_file(path, labels)
    tagger = ner.NeuralTagger(path, crf.features)
    sentences = [s.split() for s in NUMPY_CHECK_SENTENCES] + [["Jakarta"] * 40]
    batch = tagger.log_probs(sentences, labels)
    grouped = tagger.log_probs(sentences, labels, group=3)  # sorted by length, in groups, put back in order
    assert grouped == pytest.approx(batch, abs=1e-5)
    offset = 0
    for words in sentences:
        part = batch[offset : offset + len(words)]
        offset += len(words)
        assert np.exp(part).sum(axis=1) == pytest.approx(np.ones(len(words)), abs=1e-5)
        assert part == pytest.approx(_lstm_reference(tagger, words, labels), abs=1e-4)
    # The ensemble: a model with a network file adds its weighted log-probabilities to the CRF's scores.
    model = ner.NerModel(crf.crf_path, crf.crf_path.with_suffix(".lex"), neural_path=path)
    assert model.neural is not None and model.neural_weight == 0.5
    for tags, _ in model.tag_many(sentences, marginals=True):
        assert_valid_iob2(tags)


def test_neural_networks_run_together_and_average(tmp_path: Path) -> None:
    """Two networks stacked in one recurrence = each run alone, log-probabilities averaged."""
    crf = ner.get_model("id")
    labels = list(crf.scorer.labels)
    paths = [tmp_path / "ner-test.nn.npz", tmp_path / "ner-test.nn2.npz"]
    for seed, path in enumerate(paths):
        _random_neural_file(path, labels, seed=seed)
    both = ner.NeuralTagger(paths, crf.features)
    sentences = [s.split() for s in NUMPY_CHECK_SENTENCES] + [["Jakarta"] * 40]
    alone = [ner.NeuralTagger(p, crf.features).log_probs(sentences, labels) for p in paths]
    assert both.log_probs(sentences, labels) == pytest.approx((alone[0] + alone[1]) / 2, abs=1e-5)
    for words in sentences:
        mean = sum(_lstm_reference(both, words, labels, net) for net in (0, 1)) / 2
        assert both.log_probs([words], labels) == pytest.approx(mean, abs=1e-4)
    # for_lang reads ner-<lang>.nn.npz and then nn2, nn3 ... next to the CRF
    for suffix in (".crfsuite", ".lex"):
        (tmp_path / f"ner-test{suffix}").write_bytes(crf.crf_path.with_suffix(suffix).read_bytes())
    model = ner.NerModel.for_lang("test", tmp_path)
    assert model.neural is not None and model.neural.count == 2 and model.neural_weight == 0.5


def test_crf_log_marginals_match_enumeration() -> None:
    """Forward-backward over padded sentences of different lengths = summing over every label sequence."""
    import itertools

    import numpy as np

    rng = np.random.default_rng(0)
    labels = 3
    trans, start, end = rng.normal(size=(labels, labels)), rng.normal(size=labels), rng.normal(size=labels)
    lengths = np.array([3, 1, 4])
    emissions = rng.normal(size=(lengths.sum(), labels))
    starts = np.r_[0, np.cumsum(lengths)[:-1]]
    sentence_of = np.repeat(np.arange(len(lengths)), lengths)
    position = np.arange(len(emissions)) - starts[sentence_of]
    got = ner.crf_log_marginals(emissions, position, sentence_of, lengths, 4, trans, start, end)
    for i, n in enumerate(lengths):
        e = emissions[starts[i] : starts[i] + n]
        scores = {
            seq: start[seq[0]]
            + end[seq[-1]]
            + sum(e[k, seq[k]] for k in range(n))
            + sum(trans[seq[k - 1], seq[k]] for k in range(1, n))
            for seq in itertools.product(range(labels), repeat=n)
        }
        log_z = np.logaddexp.reduce(list(scores.values()))
        for k, label in itertools.product(range(n), range(labels)):
            want = np.logaddexp.reduce([v for q, v in scores.items() if q[k] == label]) - log_z
            assert got[starts[i] + k, label] == pytest.approx(want, abs=1e-9)


def test_neural_tagger_with_crf_layer_gives_log_marginals(tmp_path: Path) -> None:
    """A network with a CRF output layer: its per-token log-marginals, the same batched or one sentence at a time."""
    import numpy as np

    crf = ner.get_model("id")
    labels = list(crf.scorer.labels)
    path = tmp_path / "ner-test.nn.npz"
    _random_neural_file(path, labels, crf=True)
    tagger = ner.NeuralTagger(path, crf.features)
    sentences = [s.split() for s in NUMPY_CHECK_SENTENCES] + [["Jakarta"] * 40]
    batch = tagger.log_probs(sentences, labels)
    assert tagger.log_probs(sentences, labels, group=3) == pytest.approx(batch, abs=1e-5)
    own = [tagger.labels.index(label) for label in labels]
    trans, start, end = (x[own][:, own] if x.ndim == 2 else x[own] for x in tagger.crf[0])
    offset = 0
    for words in sentences:
        n = len(words)
        part = batch[offset : offset + n]
        offset += n
        assert np.exp(part).sum(axis=1) == pytest.approx(np.ones(n), abs=1e-5)
        # the reference's softmax differs from its logits by a constant per token, which cancels in the CRF
        emissions = _lstm_reference(tagger, words, labels)
        alone = ner.crf_log_marginals(
            emissions, np.arange(n), np.zeros(n, int), np.array([n]), n, trans, start, end
        )
        assert part == pytest.approx(alone, abs=1e-4)


def test_neural_run_ids_give_run_and_core_positions() -> None:
    words = "Menteri Luar Negeri Retno Marsudi tiba di Jakarta".split()
    lowercase = frozenset({"menteri", "luar", "negeri", "tiba", "di"})
    # run position * 5 + core position: 0 outside, then S B I E
    assert ner.neural_run_ids(words, lowercase) == [10, 15, 15, 17, 24, 0, 0, 6]


def test_neural_tagger_with_run_inputs(tmp_path: Path) -> None:
    """A network that also reads the capitalised-run ids (train_ner_neural.py --set runs=1): batched = the plain
    recurrence with the run rows added; zero run embeddings = the same network without them."""
    import numpy as np

    crf = ner.get_model("id")
    labels = list(crf.scorer.labels)
    path = tmp_path / "ner-test.nn.npz"
    _random_neural_file(path, labels, runs=True)
    tagger = ner.NeuralTagger(path, crf.features)
    sentences = [s.split() for s in NUMPY_CHECK_SENTENCES] + [["Jakarta"] * 40]
    batch = tagger.log_probs(sentences, labels)
    assert tagger.log_probs(sentences, labels, group=3) == pytest.approx(batch, abs=1e-5)
    offset = 0
    for words in sentences:
        part = batch[offset : offset + len(words)]
        offset += len(words)
        assert part == pytest.approx(_lstm_reference(tagger, words, labels), abs=1e-4)
    data = dict(np.load(path))
    data["run_emb"] = np.zeros_like(data["run_emb"])
    np.savez(tmp_path / "zero.npz", **data)
    flag = data["run_emb"].shape[1]
    for key in ("w_ih_f", "w_ih_b"):
        data[key] = data[key][:, :-flag]
    del data["run_emb"]
    np.savez(tmp_path / "none.npz", **data)
    zero = ner.NeuralTagger(tmp_path / "zero.npz", crf.features).log_probs(sentences, labels)
    none = ner.NeuralTagger(tmp_path / "none.npz", crf.features).log_probs(sentences, labels)
    assert zero == pytest.approx(none, abs=1e-5)
    assert not np.allclose(batch, none, atol=1e-3)  # the run inputs change the output


def test_length_groups_cut_where_padding_costs_more_than_steps() -> None:
    assert ner.length_groups([5, 5, 5], 32, 4.0) == [(0, 3)]
    assert ner.length_groups([2, 2, 2, 2, 60], 32, 4.0) == [(0, 4), (4, 5)]
    groups = ner.length_groups([3] * 5, 2, 4.0)  # at most 2 a group, covering all in order
    assert [b - a for a, b in groups] in ([1, 2, 2], [2, 1, 2], [2, 2, 1])
    assert [x for a, b in groups for x in range(a, b)] == list(range(5))
    assert ner.length_groups([], 32, 4.0) == []
