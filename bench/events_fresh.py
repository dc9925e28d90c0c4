"""Event benchmark on the training labels of scripts/data/events_train/ (coded 2026-11-29, with trigger spans).

    python3 bench/events_fresh.py [--shared ../shared] [--lang id|en|all] [--split tune|check|all] [--show]
                                  [--source NAME] [--check]

The labels (one JSON line per sentence or page; ids, offsets and labels only, never text) code every event of
2,400+ items nobody had written rules on: idner-news-2k train and dev sentences (MIT, Indonesian news), wikigold
train sentences (CC BY 4.0), ScrapingHub pages (MIT) and WCXB dev pages (CC BY 4.0) not in the news benchmark,
each drawn in a seeded shuffle and coded in that order by helpers who wrote no rules and saw no warta output on them
(the draws are in the files' commit messages). Besides type, parties and evidence, each event has ``trigger`` (the
words stating it) and ``actor_span`` / ``recipient_span`` (where its parties are named), for the learned models of
learned components.

Split: an item is ``tune`` when the first byte of SHA-256 of its id is even, else ``check`` (fixed before any rule
was written on them). Rules may be developed on the tune half (``--show`` prints its misses and false events); the
check half measures generalisation to unseen text (aggregate only: ``--show`` is refused for it).

Scoring as bench/events_sentences.py (sentences) and bench/events_news.py (pages, inside the labelled window): a
predicted event is correct when a gold event of its item has its type (or an also-acceptable one), a matching actor
and a matching recipient; recall counts gold events found.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import events_news
import events_sentences
from events_common import Tally, annotate, fmt, print_pr, tally_events

ROOT = Path(__file__).resolve().parents[1]
TRAIN_DIR = ROOT / "scripts" / "data" / "events_train"
SENTENCE_FILES = {
    "idner-news-2k/train": "data/ner/id/idner-news-2k/train.tsv",
    "idner-news-2k/dev": "data/ner/id/idner-news-2k/dev.tsv",
    "wikigold/train": "data/ner/en/wikigold/train.tsv",
}
EVENT_KEYS = {"type", "also", "actor", "actor_country", "recipient", "recipient_country", "evidence", "trigger"}


def split_of(key: str) -> str:
    return "tune" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def label_rows() -> list[dict]:
    """Every line of the training label files, in file order (a key coded twice: the first line wins)."""
    rows, seen = [], set()
    for path in sorted(TRAIN_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            key = row.get("doc") or row["id"]
            if key not in seen:
                seen.add(key)
                rows.append(dict(row, key=key, file=path.name))
    return rows


def load_items(shared: Path) -> list[dict]:
    """{"key", "lang", "source", "text", "end", "events", "matches", "split"} of every labelled item."""
    texts = events_news.load_texts(shared) or {}
    sentences: dict[str, str] = {}
    for corpus, rel in SENTENCE_FILES.items():
        if (shared / rel).is_file():
            sentences.update(events_sentences.tsv_sentences(shared / rel, corpus))
    items = []
    for row in label_rows():
        document = "doc" in row
        text = texts.get(row["key"]) if document else sentences.get(row["key"])
        if text is None:
            continue
        items.append(
            {
                "key": row["key"],
                "lang": row["lang"],
                "source": row["source"],
                "text": text,
                "end": row["window"][1] if document else len(text) + 1,
                "events": row["events"],
                "matches": events_news.matches if document else events_sentences.matches,
                "split": split_of(row["key"]),
            }
        )
    return items


def check_labels(items: list[dict]) -> list[str]:
    """Problems: missing keys, spans outside the text or padded, a trigger outside its evidence."""
    problems = []
    for item in items:
        text = item["text"]
        for event in item["events"]:
            missing = EVENT_KEYS - set(event)
            if missing:
                problems.append(f"{item['key']}: {event.get('type')} lacks {sorted(missing)}")
                continue
            for name in ("evidence", "trigger", "actor_span", "recipient_span"):
                span = event.get(name)
                if span is None:
                    continue
                a, b = span
                if not (0 <= a < b <= len(text)) or text[a:b] != text[a:b].strip():
                    problems.append(f"{item['key']}: {name} {span} of {event['type']}")
            (ea, eb), (ta, tb) = event["evidence"], event["trigger"]
            if not (ea <= ta and tb <= eb):
                problems.append(f"{item['key']}: trigger {event['trigger']} outside evidence {event['evidence']}")
    return problems


def score(items: list[dict], show: bool) -> tuple[Tally, Tally]:
    tally, lenient = Tally(), Tally()
    for item in items:
        record = annotate(item["text"].split("\n\n"), item["lang"])
        predicted = [e for e in record.events if e.evidence.start < item["end"]]
        tally_events(tally, lenient, item["events"], predicted, item["matches"], item["key"][:24], item["text"], show)
    return tally, lenient


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--lang", choices=("id", "en", "all"), default="all")
    parser.add_argument("--split", choices=("tune", "check", "all"), default="tune")
    parser.add_argument("--source", help="one source only (idner-news-2k, wikigold, scrapinghub, wcxb)")
    parser.add_argument("--show", action="store_true", help="print misses and false events (tune split only)")
    parser.add_argument("--check", action="store_true", help="check the labels against the texts; runs no warta")
    args = parser.parse_args()
    if not (args.shared / "data").is_dir():
        print(f"no shared data under {args.shared}: fresh event benchmark skipped")
        return 0
    items = load_items(args.shared)
    if args.check:
        problems = check_labels(items)
        print("\n".join(problems) or f"{len(items)} labelled items: no problem found")
        return 1 if problems else 0
    if args.show and args.split != "tune":
        parser.error("--show prints only the tune split's misses (the check split measures generalisation)")
    chosen = [
        i
        for i in items
        if (args.split == "all" or i["split"] == args.split)
        and (args.lang == "all" or i["lang"] == args.lang)
        and (args.source is None or i["source"] == args.source)
    ]
    for lang in ("id", "en"):
        subset = [i for i in chosen if i["lang"] == lang]
        if not subset:
            continue
        tally, lenient = score(subset, args.show)
        n_events = sum(len(i["events"]) for i in subset)
        print_pr(tally, f"== {lang}, {args.split}: {len(subset)} items, {n_events} gold events")
        gold, pred, p, r = lenient.row("all")
        print(f"  (type, actor) only, recipient ignored: P {fmt(p)}, R {fmt(r)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
