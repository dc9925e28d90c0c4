"""The event training labels (scripts/data/events_train/) are well formed and never overlap a benchmark's held-out
items. Checks that need no shared data; bench/events_fresh.py --check also checks every span against the texts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import events_fresh  # noqa: E402

TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return events_fresh.label_rows()


def test_every_event_is_well_formed(rows):
    assert len(rows) > 2000
    for row in rows:
        assert row["lang"] in ("id", "en")
        for event in row["events"]:
            assert events_fresh.EVENT_KEYS <= set(event), row["key"]
            assert event["type"] in TYPES and set(event["also"]) <= TYPES, row["key"]
            (ea, eb), (ta, tb) = event["evidence"], event["trigger"]
            assert 0 <= ea <= ta < tb <= eb, row["key"]
            for name in ("actor_span", "recipient_span"):
                if event.get(name) is not None:
                    a, b = event[name]
                    assert 0 <= a < b, row["key"]


def test_no_item_of_a_benchmark_is_a_training_item(rows):
    keys = {row["key"] for row in rows}
    news = [json.loads(line) for line in (ROOT / "bench/data/events_labels.jsonl").read_text().splitlines()]
    assert not keys & {doc["doc"] for doc in news}
    for lang in ("id", "en"):
        pool = (ROOT / f"bench/data/events_sentences.{lang}.jsonl").read_text().splitlines()
        assert not keys & {json.loads(line)["id"] for line in pool}


def test_split_is_fixed_by_the_id():
    assert events_fresh.split_of("idner-news-2k/train#0") == events_fresh.split_of("idner-news-2k/train#0")
    splits = [events_fresh.split_of(f"idner-news-2k/train#{n}") for n in range(400)]
    assert 150 < splits.count("tune") < 250  # about half each way
