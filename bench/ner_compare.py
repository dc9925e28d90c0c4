#!/usr/bin/env python3
"""Compare NER model families on the same features: CRF (python-crfsuite, shipped) vs structured averaged perceptron.

The perceptron is a first-order structured perceptron with Viterbi decoding and weight averaging (Collins 2002),
trained on exactly the attributes the CRF sees (``warta.nlp.ner.FeatureExtractor``). Its numbers are printed next to
the shipped CRF's. Needs ../shared/data/ner. Takes a few minutes on one core.

Usage: ``PYTHONPATH=src python bench/ner_compare.py [--epochs 8]``
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import train_ner  # noqa: E402

from warta.nlp import ner  # noqa: E402

EVAL = {
    "id": ["id/nergrit/valid.tsv", "id/idner-news-2k/test.tsv"],
    "en": ["en/wikigold/test.tsv", "en/wnut17/test.tsv"],
}


class StructuredPerceptron:
    def __init__(self, labels: list[str]):
        self.labels = labels
        self.index = {label: i for i, label in enumerate(labels)}
        k = len(labels)
        self.weights: dict[str, np.ndarray] = {}
        self.totals: dict[str, np.ndarray] = {}
        self.stamps: dict[str, int] = {}
        self.trans = np.zeros((k + 1, k))  # row k = start state
        self.trans_total = np.zeros_like(self.trans)
        self.trans_stamp = 0
        self.step = 0
        # IOB2: I-X may only follow B-X or I-X.
        self.allowed = np.zeros((k + 1, k), dtype=bool)
        for j, label in enumerate(labels):
            for i in range(k + 1):
                prev = labels[i] if i < k else "O"
                self.allowed[i, j] = not label.startswith("I-") or prev[2:] == label[2:]

    def emissions(self, xseq: list[list[str]]) -> np.ndarray:
        scores = np.zeros((len(xseq), len(self.labels)))
        for t, feats in enumerate(xseq):
            for f in feats:
                w = self.weights.get(f)
                if w is not None:
                    scores[t] += w
        return scores

    def viterbi(self, xseq: list[list[str]]) -> list[int]:
        emit = self.emissions(xseq)
        trans = np.where(self.allowed, self.trans, -1e9)
        n, k = emit.shape
        score = trans[k] + emit[0]
        back = np.zeros((n, k), dtype=int)
        for t in range(1, n):
            cand = score[:, None] + trans[:k]
            back[t] = cand.argmax(0)
            score = cand.max(0) + emit[t]
        path = [int(score.argmax())]
        for t in range(n - 1, 0, -1):
            path.append(int(back[t][path[-1]]))
        return path[::-1]

    def _update(self, feat: str, label: int, delta: float) -> None:
        w = self.weights.get(feat)
        if w is None:
            w = self.weights[feat] = np.zeros(len(self.labels))
            self.totals[feat] = np.zeros(len(self.labels))
            self.stamps[feat] = self.step
        self.totals[feat] += (self.step - self.stamps[feat]) * w
        self.stamps[feat] = self.step
        w[label] += delta

    def train_one(self, xseq: list[list[str]], gold: list[str]) -> None:
        self.step += 1
        guess = self.viterbi(xseq)
        truth = [self.index[g] for g in gold]
        if guess == truth:
            return
        self.trans_total += (self.step - self.trans_stamp) * self.trans
        self.trans_stamp = self.step
        k = len(self.labels)
        for t, (g, p) in enumerate(zip(truth, guess, strict=True)):
            if g != p:
                for f in xseq[t]:
                    self._update(f, g, 1.0)
                    self._update(f, p, -1.0)
            prev_g = truth[t - 1] if t else k
            prev_p = guess[t - 1] if t else k
            self.trans[prev_g, g] += 1.0
            self.trans[prev_p, p] -= 1.0

    def average(self) -> None:
        self.step += 1
        for feat, w in self.weights.items():
            self.totals[feat] += (self.step - self.stamps[feat]) * w
            w[:] = self.totals[feat] / self.step
        self.trans_total += (self.step - self.trans_stamp) * self.trans
        self.trans = self.trans_total / self.step

    def tag(self, xseq: list[list[str]]) -> list[str]:
        return [self.labels[i] for i in self.viterbi(xseq)] if xseq else []


def run(lang: str, epochs: int) -> None:
    sentences = train_ner.load_many(train_ner.TRAIN_FILES[lang])
    lexicon_path = ner.MODEL_DIR / f"ner-{lang}.lex"  # the shipped lexicon, so features match the CRF
    extractor = ner.FeatureExtractor(ner.Lexicon.load(lexicon_path), ner.Gazetteer.load())
    data = [(extractor.sentence(words), tags) for words, tags in train_ner.prepare(sentences, lang)]
    labels = sorted({t for _, tags in data for t in tags})
    model = StructuredPerceptron(labels)
    started = time.time()
    rng = random.Random(train_ner.SEED)
    for _ in range(epochs):
        rng.shuffle(data)
        for xseq, tags in data:
            model.train_one(xseq, tags)
    model.average()
    print(
        f"\n[{lang}] perceptron: {epochs} epochs in {time.time() - started:.0f}s, {len(model.weights)} features"
    )
    crf = ner.NerModel.for_lang(lang)
    for rel in EVAL[lang]:
        gold_data = train_ner.load(train_ner.DATA / rel)
        gold = [tags for _, tags in gold_data]
        started = time.process_time()
        perceptron_pred = [model.tag(extractor.sentence(words)) for words, _ in gold_data]
        perceptron_speed = sum(map(len, gold)) / (time.process_time() - started)
        crf_pred = [crf.tag(words) for words, _ in gold_data]
        for name, pred, note in (
            ("CRF", crf_pred, ""),
            ("perceptron", perceptron_pred, f"  ({perceptron_speed:,.0f} tokens/CPU-s, numpy Viterbi)"),
        ):
            s = ner.score_entities(gold, pred)["ALL"]
            print(f"  {rel:28} {name:10} P {s['p']:.3f} R {s['r']:.3f} F1 {s['f1']:.3f}{note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--lang", choices=["id", "en"], action="append")
    args = parser.parse_args()
    for lang in args.lang or ["id", "en"]:
        run(lang, args.epochs)


if __name__ == "__main__":
    main()
