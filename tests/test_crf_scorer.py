"""The CRF scorer's fast paths give bit-identical numbers to the plain per-attribute computation.

:meth:`CrfScorer.emissions` reads the sentence-level attributes from cached word entries instead of building
:meth:`FeatureExtractor.sentence_extras`'s strings; Viterbi and forward-backward run the sentences longest first.
The references below are the straightforward versions (the code before those speed-ups): if a feature is added to
``FeatureExtractor`` without the scorer learning it, these tests fail.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from warta.nlp import ner
from warta.nlp.tokenize import tokens

TEXTS = {
    "en": [
        "Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow on Tuesday, the Kremlin said.",
        "BREAKING NEWS: FLOODS HIT NORTHERN ITALY AS RIVERS BURST THEIR BANKS",
        "Bank of America and the University of California at Los Angeles signed a deal.",
        '"We will not back down," said Sen. Elizabeth Warren of Massachusetts.',
        "Ukraine's Zelenskiy asked the U.N. Security Council for F-16 jets and S-400 parts.",
        "venezuela and colombia reopened the border. Mr. Abdurrachman bin Ali left.",
        "Washington",
        "It rained.",
        "Ludwig van Beethoven wrote nine symphonies in Vienna, Austria.",
    ],
    "id": [
        "Presiden Joko Widodo meresmikan Bendungan Sukamahi di Kabupaten Bogor, Jawa Barat, Jumat (23/12/2022).",
        "Menteri Luar Negeri Retno Marsudi bertemu Menlu Rusia Sergei Lavrov di Jakarta.",
        "BANJIR RENDAM RIBUAN RUMAH DI JAKARTA TIMUR",
        "Kepala Pelaksana BPBD DKI Jakarta, Isnawa Adji, mengatakan banjir surut pada 3 Mac 2021.",
        "Kementerian Perdagangan dan Universitas Indonesia menandatangani nota kesepahaman.",
        "Rusia",
    ],
}


def reference_emissions(scorer: ner.CrfScorer, sentences):
    """Every attribute of every token looked up and added in FeatureExtractor's order."""
    features = scorer.features
    # the original implementation, verbatim apart from names
    tokens_ = [t for sentence in sentences for t in sentence]
    parts = np.stack(scorer.word_vectors(tokens_))
    infos = [features.word_info(t) for t in tokens_]
    sentence_of = np.repeat(np.arange(len(sentences)), [len(sentence) for sentence in sentences])
    same1 = (sentence_of[1:] == sentence_of[:-1])[:, None]
    same2 = (sentence_of[2:] == sentence_of[:-2])[:, None]
    result = parts[:, 0].copy()
    result[2:] += parts[:-2, 1] * same2
    result[1:] += parts[:-1, 2] * same1
    result[:-1] += parts[1:, 3] * same1
    result[:-2] += parts[2:, 4] * same2
    positions, rows = [], []
    offset = 0
    for sentence in sentences:
        n = len(sentence)
        for i, feats in enumerate(features.sentence_extras(sentence, infos[offset : offset + n])):
            for attr in feats:
                row = scorer.attr_index.get(attr)
                if row is not None:
                    positions.append(offset + i)
                    rows.append(row)
        offset += n
    if rows:
        np.add.at(result, positions, scorer.weights[rows])
    return result


def reference_padded(scores, lengths):
    lengths_arr = np.asarray(lengths)
    starts = np.concatenate(([0], np.cumsum(lengths_arr)[:-1]))
    sentence_of = np.repeat(np.arange(len(lengths)), lengths_arr)
    position = np.arange(len(scores)) - starts[sentence_of]
    padded = np.zeros((len(lengths), int(lengths_arr.max()), scores.shape[1]))
    padded[sentence_of, position] = scores
    active = np.arange(padded.shape[1])[None, :] < lengths_arr[:, None]
    return padded, active


def reference_viterbi(scorer, scores, lengths):
    padded, active = reference_padded(scores, lengths)
    count, longest, size = padded.shape
    back = np.empty((longest, count, size), dtype=np.intp)
    identity = np.broadcast_to(np.arange(size), (count, size))
    best = padded[:, 0]
    for t in range(1, longest):
        candidates = best[:, :, None] + scorer.transitions[None]
        step = active[:, t, None]
        back[t] = np.where(step, candidates.argmax(axis=1), identity)
        best = np.where(step, candidates.max(axis=1) + padded[:, t], best)
    path = np.empty((longest, count), dtype=np.intp)
    path[-1] = best.argmax(axis=1)
    rows = np.arange(count)
    for t in range(longest - 1, 0, -1):
        path[t - 1] = back[t, rows, path[t]]
    return [[scorer.labels[k] for k in path[:n, b]] for b, n in enumerate(lengths)]


def reference_marginals(scorer, scores, lengths):
    padded, active = reference_padded(scores, lengths)
    count, longest, size = padded.shape
    potentials = np.exp(padded - padded.max(axis=2, keepdims=True))
    trans = scorer.exp_transitions
    alpha = np.empty_like(potentials)
    beta = np.empty_like(potentials)
    a = potentials[:, 0] / potentials[:, 0].sum(axis=1, keepdims=True)
    alpha[:, 0] = a
    for t in range(1, longest):
        new = (a @ trans) * potentials[:, t]
        a = np.where(active[:, t, None], new / new.sum(axis=1, keepdims=True), a)
        alpha[:, t] = a
    ones = np.ones((count, size))
    b = ones
    beta[:, -1] = b
    for t in range(longest - 2, -1, -1):
        new = (potentials[:, t + 1] * b) @ trans.T
        b = np.where(active[:, t + 1, None], new / new.sum(axis=1, keepdims=True), ones)
        beta[:, t] = b
    joint = alpha * beta
    joint /= joint.sum(axis=2, keepdims=True)
    return [joint[k, :n] for k, n in enumerate(lengths)]


def batches(lang: str):
    sentences = [tokens(text) for text in TEXTS[lang]]
    yield sentences
    yield [sentences[-1]]
    shuffled = list(sentences)
    random.Random(7).shuffle(shuffled)
    yield shuffled + [s[:3] for s in sentences]
    words = [w for s in sentences for w in s]
    rng = random.Random(11)
    yield [[rng.choice(words) for _ in range(rng.randint(1, 40))] for _ in range(25)]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_fast_scorer_is_bit_identical(lang: str) -> None:
    model = ner.get_model(lang)
    scorer = model.scorer
    for sentences in batches(lang):
        cased = [model.truecase(s) for s in sentences]
        fast = scorer.emissions(cased)
        slow = reference_emissions(scorer, cased)
        assert np.array_equal(fast, slow)
        lengths = [len(s) for s in cased]
        assert scorer.viterbi(fast, lengths) == reference_viterbi(scorer, fast, lengths)
        for got, want in zip(
            scorer.marginals(fast, lengths), reference_marginals(scorer, fast, lengths), strict=True
        ):
            assert np.array_equal(got, want)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_model_file_read_directly_equals_tagger_info(lang: str) -> None:
    """CrfScorer reads the crfsuite file itself: the same attributes, rows, weights and transitions as the
    scorer built from pycrfsuite's Tagger.info()."""
    import pycrfsuite

    path = ner.MODEL_DIR / f"ner-{lang}.crfsuite"
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    features = ner.get_model(lang).features
    direct = ner.CrfScorer(tagger, features, path)
    parsed = ner.CrfScorer(tagger, features)  # no path: through tagger.info()
    assert direct.attr_index == parsed.attr_index
    assert list(direct.attr_index) == list(parsed.attr_index)
    assert np.array_equal(direct.weights, parsed.weights)
    assert np.array_equal(direct.transitions, parsed.transitions)
    assert ner._read_crfsuite(path.with_suffix(".lex"), direct.labels) is None  # not a model: the fallback


def test_gazetteer_tables_equal_the_plain_construction() -> None:
    """Gazetteer's tables (built in single passes) equal the straightforward construction."""
    entries = [
        ("LOC", "jawa barat"),
        ("ORG", "jawa pos"),
        ("PER", "jawa barat"),  # a later kind for the same phrase is ignored
        ("LOC", "new york city"),
        ("ORG", "new york times"),
        ("LOC", "new york"),
        ("ORG", "un"),
        ("MISC", "york"),
    ]
    gazetteer = ner.Gazetteer(entries)
    phrases: dict[tuple[str, ...], str] = {}
    for kind, phrase in entries:
        phrases.setdefault(tuple(phrase.split(" ")), kind)
    assert gazetteer.phrases == phrases
    assert gazetteer.max_len == 3
    assert gazetteer.first_words == {"jawa", "new", "un", "york"}
    assert gazetteer.lengths == {"jawa": [2], "new": [3, 2], "un": [1], "york": [1]}
    kinds: dict[str, set[str]] = {}
    for words, kind in phrases.items():
        for word in words:
            if len(word) > 2 and word.isalpha():
                kinds.setdefault(word, set()).add(kind)
    assert gazetteer.word_kinds == {word: "|".join(sorted(k)) for word, k in kinds.items()}
    assert gazetteer.word_kinds["york"] == "LOC|MISC|ORG"
