"""The NER benchmark's bootstrap interval of the overall F1 (bench/ner.py --bootstrap), on made-up tag sequences."""

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
spec = importlib.util.spec_from_file_location("bench_ner", BENCH / "ner.py")
bench_ner = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_ner)


def test_perfect_tagging_has_a_point_interval():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["O", "B-ORG", "O"]]
    assert bench_ner.bootstrap_interval(gold, gold, 200) == (1.0, 1.0)


def test_interval_brackets_the_score_and_narrows_with_more_sentences():
    # Per sentence: two gold entities, the first found exactly, the second given the wrong type (F1 0.5 overall),
    # and every third sentence tagged perfectly, so resampling moves the score.
    gold, pred = [], []
    for k in range(30):
        gold.append(["B-PER", "I-PER", "O", "B-ORG", "O"])
        pred.append(["B-PER", "I-PER", "O", "B-ORG" if k % 3 == 0 else "B-LOC", "O"])
    low, high = bench_ner.bootstrap_interval(gold, pred, 500)
    point = 2 * (30 + 10) / (60 + 60)
    assert low < point < high
    assert 0.5 <= low and high <= 1.0
    wide = high - low
    low4, high4 = bench_ner.bootstrap_interval(gold * 4, pred * 4, 500)
    assert high4 - low4 < wide
    # Seeded: the same call gives the same interval.
    assert bench_ner.bootstrap_interval(gold, pred, 500) == (low, high)
