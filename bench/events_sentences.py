"""Event benchmark on hand-labelled single sentences of NER corpora that may be tuned on.

    python3 bench/events_sentences.py [--shared ../shared] [--lang id|en] [--split tune|check|all] [--show]
                                      [--draw] [--check] [--no-petrarch]

Pools (sentence text read from ``--shared``, never stored in the repository; the label files keep ids and labels):
- ``id``: idner-news-2k ``train.tsv`` (MIT; Indonesian news), labels ``bench/data/events_sentences.id.jsonl``;
- ``en``: wikigold ``train.tsv`` (CC BY 4.0), labels ``bench/data/events_sentences.en.jsonl``.
A sentence is a blank-line separated block of the tsv (one token per line, the token in the first column); its
id is ``<corpus>/train#N`` with N the 0-based block index, and its text is its tokens joined by single spaces
(evidence offsets index that text).

The draw (``--draw``; fixed on 2026-11-28 before any sentence was read, see bench/data/events_labels.md):
- candidates: sentences of at least ``MIN_TOKENS`` (12) tokens;
- the ``actor`` part: candidates containing, as a whole word (case-insensitive), one of the test-half draw words of
  bench/events_news.py (``DRAW_WORDS``: pemerintah polisi ... "unjuk rasa"; English: government police ...);
  the ``any`` part: every other candidate;
- per part, ``random.Random(20261128).shuffle`` of the sorted indices, and the first ``N_ACTOR`` (106) / ``N_ANY``
  (54) in that order, none skipped (two thirds with an actor word, one third to measure false events);
- ``split``: ``tune`` when the first byte of SHA-256 of the id is even, else ``check`` — decided before warta ran on
  any sentence. Rules may be developed on the tune half only; the check half measures generalisation.
``--draw`` prints id, part, split and text of the drawn sentences (for labelling) and runs no warta.

Scoring, per PLOVER type and overall: a predicted event is correct when a gold event of the sentence has its type
(or an also-acceptable type), a matching actor and a matching recipient (as in bench/events_news.py: same country,
or a shared name word; both recipients none; a gold party with no country, "polisi" in a sentence that names no
country, matches a predicted one sharing any word); recall counts gold events found that way. A last line gives (type,
actor) alone. ``--show`` prints misses and false events (refused for the check split).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

from events_common import Tally, annotate, fmt, party_matches, print_pr, tally_events, use_petrarch
from events_news import DRAW_WORDS

ROOT = Path(__file__).resolve().parents[1]
POOLS = {
    "id": ("idner-news-2k", "data/ner/id/idner-news-2k/train.tsv"),
    "en": ("wikigold", "data/ner/en/wikigold/train.tsv"),
}
MIN_TOKENS = 12
N_ACTOR, N_ANY = 106, 54
DRAW_SEED = 20261128
# English: the news draw words alone give only 44 wikigold candidates of >= 12 tokens, so the English pool adds
# political, military and legal event words (fixed on 2026-11-28 before any wikigold sentence was read)
EN_DRAW_EXTRA = """war wars battle battles invaded invasion attack attacked siege rebels rebellion revolt uprising forces
election elections elected treaty agreement signed arrested executed killed captured defeated occupied surrendered
sanctions embassy ambassador diplomatic talks negotiations coup independence declared""".split()
_WORDS = re.compile(r"[^\W\d_]{3,}")


def labels_path(lang: str) -> Path:
    return ROOT / "bench" / "data" / f"events_sentences.{lang}.jsonl"


def load_sentences(shared: Path, lang: str) -> dict[str, str] | None:
    """Sentence id -> text (tokens joined by single spaces), or None when the pool is not under ``shared``."""
    corpus, rel = POOLS[lang]
    path = shared / rel
    return tsv_sentences(path, f"{corpus}/train") if path.is_file() else None


def tsv_sentences(path: Path, prefix: str) -> dict[str, str]:
    """Sentence id (``<prefix>#N``, N the 0-based blank-line separated block of a ``TOKEN<TAB>TAG`` file) -> its
    tokens joined by single spaces."""
    sentences, tokens = {}, []
    for line in [*path.read_text(encoding="utf-8").split("\n"), ""]:
        if line.strip():
            tokens.append(line.split("\t")[0])
        elif tokens:
            sentences[f"{prefix}#{len(sentences)}"] = " ".join(tokens)
            tokens = []
    return sentences


def split_of(sentence_id: str) -> str:
    return "tune" if hashlib.sha256(sentence_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def has_actor_word(text: str, lang: str) -> bool:
    low = text.lower()
    words = DRAW_WORDS[lang] + (EN_DRAW_EXTRA if lang == "en" else [])
    return any(re.search(r"\b" + re.escape(word) + r"\b", low) for word in words)


def draw(sentences: dict[str, str], lang: str, seed: int = DRAW_SEED) -> list[tuple[str, str]]:
    """(id, part) of the drawn sentences, the ``actor`` part first, each in its shuffled order."""
    index = {sid: i for i, sid in enumerate(sentences)}
    long = [sid for sid, text in sentences.items() if len(text.split(" ")) >= MIN_TOKENS]
    parts = {
        "actor": [sid for sid in long if has_actor_word(sentences[sid], lang)],
        "any": [sid for sid in long if not has_actor_word(sentences[sid], lang)],
    }
    chosen = []
    for part, n in (("actor", N_ACTOR), ("any", N_ANY)):
        ids = sorted(parts[part], key=index.__getitem__)
        random.Random(seed).shuffle(ids)
        chosen += [(sid, part) for sid in ids[:n]]
    return chosen


def _party(name: str | None, country: str | None, gold_name: str, gold_country: str | None) -> bool:
    """As in bench/events_news.py (same country or a shared name word); a gold party whose country the sentence
    does not give ("polisi", "pembom") also matches a predicted one sharing any word of its name."""
    if party_matches(name, country, [gold_name], [gold_country]):
        return True
    words = set(_WORDS.findall((name or "").lower()))
    return gold_country is None and bool(words & set(_WORDS.findall(gold_name.lower())))


def matches(event, gold: dict, with_recipient: bool = True) -> bool:
    if event.type not in [gold["type"], *gold.get("also", [])]:
        return False
    if not _party(event.actor.name, event.actor.country, gold["actor"], gold["actor_country"]):
        return False
    if not with_recipient:
        return True
    if gold["recipient"] is None or event.recipient is None:
        return gold["recipient"] is None and event.recipient is None
    return _party(event.recipient.name, event.recipient.country, gold["recipient"], gold["recipient_country"])


def check_labels(rows: list[dict], sentences: dict[str, str]) -> list[str]:
    problems = []
    for row in rows:
        text = sentences.get(row["id"])
        if text is None:
            problems.append(f"{row['id']}: no text")
            continue
        if row["split"] != split_of(row["id"]):
            problems.append(f"{row['id']}: split {row['split']} (rule: {split_of(row['id'])})")
        for event in row["events"]:
            start, stop = event["evidence"]
            span = text[start:stop]
            if not span or span != span.strip() or stop > len(text):
                problems.append(f"{row['id']}: evidence {event['evidence']} of {event['type']}")
    return problems


def score(rows: list[dict], sentences: dict[str, str], lang: str, show: bool) -> tuple[Tally, Tally]:
    tally, lenient = Tally(), Tally()
    for row in rows:
        text = sentences[row["id"]]
        predicted = annotate([text], lang).events
        tally_events(tally, lenient, row["events"], predicted, matches, row["id"], text, show)
    return tally, lenient


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--lang", choices=tuple(POOLS), default="id")
    parser.add_argument("--labels", type=Path, help="default: bench/data/events_sentences.<lang>.jsonl")
    parser.add_argument("--split", choices=("tune", "check", "all"), default="tune")
    parser.add_argument(
        "--show", action="store_true", help="print misses and false events (not of the check split)"
    )
    parser.add_argument(
        "--draw", action="store_true", help="print the drawn sentences to label; runs no warta"
    )
    parser.add_argument(
        "--check", action="store_true", help="check the labels against the texts; runs no warta"
    )
    parser.add_argument("--no-petrarch", action="store_true", help="without the PETRARCH-derived patterns")
    args = parser.parse_args()
    sentences = load_sentences(args.shared, args.lang)
    if sentences is None:
        print(f"pool {POOLS[args.lang][1]} not under {args.shared}: sentence event benchmark skipped")
        return 0
    if args.draw:
        for sid, part in draw(sentences, args.lang):
            print(f"{sid}\t{part}\t{split_of(sid)}\t{sentences[sid]}")
        return 0
    path = args.labels or labels_path(args.lang)
    if not path.is_file():
        print(f"labels {path} not found: sentence event benchmark skipped")
        return 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.check:
        problems = check_labels(rows, sentences)
        print("\n".join(problems) or f"{len(rows)} labelled sentences: no problem found")
        return 1 if problems else 0
    if args.show and args.split != "tune":
        parser.error("--show prints only the tune split's misses (the check split measures generalisation)")
    use_petrarch(not args.no_petrarch)
    chosen = [r for r in rows if args.split == "all" or r["split"] == args.split]
    tally, lenient = score(chosen, sentences, args.lang, args.show)
    n_events = sum(len(r["events"]) for r in chosen)
    print_pr(
        tally, f"== {args.lang} sentences, {args.split}: {len(chosen)} sentences, {n_events} gold events"
    )
    gold, pred, p, r = lenient.row("all")
    print(f"  (type, actor) only, recipient ignored: P {fmt(p)}, R {fmt(r)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
