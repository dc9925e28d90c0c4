#!/usr/bin/env python3
"""Benchmark warta's NER: entity-level exact-match P/R/F1, tokens per second on one core, model sizes.

Evaluation sets (read from ../shared/data/ner, never shipped): NERGrit valid, idner-news-2k test (Indonesian model),
wikigold test, WNUT17 test (English model). Tokens are the datasets' own, so tokenizer differences do not count.

With ``--bootstrap N`` each set's overall F1 also gets a 95% interval from N resamples of its sentences (with
replacement): how far a score on a small set like NERGrit valid (209 sentences, 662 entities) moves by chance.

Usage: ``PYTHONPATH=src python bench/ner.py [--model-dir DIR] [--shared ../shared] [--bootstrap 2000]``
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
# One BLAS thread, as the pipeline runs NER (warta.pipeline sets the same default): pinned to one core, OpenBLAS's
# extra threads only spin against the recurrence's many small products. Set before numpy loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from warta.nlp import ner  # noqa: E402

BATCH = 20  # sentences per call, about one news article
EVAL_SETS = [
    ("NERGrit valid", "id", "id/nergrit/valid.tsv"),
    ("idner-news-2k test", "id", "id/idner-news-2k/test.tsv"),
    ("wikigold test", "en", "en/wikigold/test.tsv"),
    ("WNUT17 test", "en", "en/wnut17/test.tsv"),
]


def load(path: Path) -> list[tuple[list[str], list[str]]]:
    with path.open(encoding="utf-8") as fh:
        return [([f[0] for f in s], [f[-1] for f in s]) for s in ner.read_conll(fh)]


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def bootstrap_interval(
    gold: list[list[str]], predicted: list[list[str]], resamples: int, seed: int = 13
) -> tuple[float, float]:
    """95% interval of the overall entity F1 over ``resamples`` resamplings of the sentences (with replacement)."""
    counts = []
    for g, p in zip(gold, predicted, strict=True):
        truth, found = set(ner.iob_spans(g)), set(ner.iob_spans(p))
        counts.append((len(truth & found), len(truth) + len(found)))
    rng = random.Random(seed)
    n = len(counts)
    scores = []
    for _ in range(resamples):
        right = total = 0
        for _ in range(n):
            a, b = counts[rng.randrange(n)]
            right += a
            total += b
        scores.append(2 * right / total if total else 0.0)
    scores.sort()
    return scores[int(0.025 * resamples)], scores[min(resamples - 1, int(0.975 * resamples))]


def run(model_dir: Path, data: Path, resamples: int = 0) -> None:
    models: dict[str, ner.NerModel] = {}
    total_tokens, total_seconds, marginal_seconds = 0, 0.0, 0.0
    for name, lang, rel in EVAL_SETS:
        path = data / rel
        if not path.exists():
            print(f"{name}: missing {path}, skipped")
            continue
        model = models.get(lang) or models.setdefault(lang, ner.NerModel.for_lang(lang, model_dir))
        sentences = load(path)
        # CPU time of this process: the tokens/s of one core, not skewed by other load on the machine.
        # Sentences go to the tagger in batches of about one article, as find_mentions sends them.
        words = [w for w, _ in sentences]
        batches = [words[k : k + BATCH] for k in range(0, len(words), BATCH)]
        started = time.process_time()
        predicted = [
            ner.apply_equipment_rule(tokens, tags)
            for batch in batches
            for tokens, (tags, _) in zip(batch, model.tag_many(batch, marginals=False), strict=True)
        ]
        seconds = time.process_time() - started
        started = time.process_time()
        for batch in batches:
            model.tag_many(batch, marginals=True)
        marginal_seconds += time.process_time() - started
        tokens = sum(len(words) for words, _ in sentences)
        total_tokens += tokens
        total_seconds += seconds
        scores = ner.score_entities([gold for _, gold in sentences], predicted)
        print(
            f"\n{name} ({lang} model, {len(sentences)} sentences, {tokens} tokens, {tokens / seconds:,.0f} tokens/s)"
        )
        print(f"  {'type':5} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
        for kind, row in scores.items():
            print(
                f"  {kind:5} {row['p']:6.3f} {row['r']:6.3f} {row['f1']:6.3f} {row['gold']:5d} {row['pred']:5d}"
            )
        if resamples:
            low, high = bootstrap_interval([gold for _, gold in sentences], predicted, resamples)
            print(
                f"  F1 95% bootstrap interval ({resamples} resamples of the sentences): {low:.3f} - {high:.3f}"
            )
    if total_seconds:
        print(
            f"\nspeed: {total_tokens / total_seconds:,.0f} tokens/s per CPU-second on one core (features + CRF Viterbi, + BiLSTM for id);"
            f" {total_tokens / marginal_seconds:,.0f} with per-token confidences (find_mentions)"
        )
    sizes = {p.name: p.stat().st_size for p in sorted(model_dir.glob("ner-*")) if p.is_file()}
    gazetteer = ner.GAZETTEER_PATH.stat().st_size if ner.GAZETTEER_PATH.exists() else 0
    for file_name, size in sizes.items():
        print(f"model file {file_name}: {size / 1e6:.2f} MB")
    print(
        f"gazetteer: {gazetteer / 1e6:.2f} MB; total shipped: {(sum(sizes.values()) + gazetteer) / 1e6:.2f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model-dir", type=Path, default=ner.MODEL_DIR)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--bootstrap", type=int, default=0, help="resamples for an F1 interval per set")
    args = parser.parse_args()
    pin_one_core()
    run(args.model_dir, args.shared / "data" / "ner", args.bootstrap)


if __name__ == "__main__":
    main()
