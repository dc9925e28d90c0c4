"""Shared pieces of the event benchmarks: run the real pipeline on a text, match parties, print a table."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from warta.extract.news import parse_header
from warta.model import Article, Event, Record
from warta.nlp import events as ev
from warta.pipeline import Pipeline

_WORD = re.compile(r"[^\W\d_]+")
# Words that never identify a party on their own when names are compared.
_NOT_NAME = frozenset(
    """the of and for a an in on to de al el la le des
president minister prime foreign government officials official leader leaders spokesman forces army police
military troops people state states republic national ministry party group country
presiden menteri pemerintah pasukan polisi kepala ketua juru bicara negara republik""".split()
)

_PIPELINE: Pipeline | None = None


def use_petrarch(enabled: bool) -> None:
    """Switch the PETRARCH-derived English patterns on or off (for measuring their effect)."""
    files = ev.PATTERN_FILES_ALL if enabled else tuple(f for f in ev.PATTERN_FILES_ALL if "petrarch" not in f)
    ev.PATTERN_FILES = files
    ev.lexicon.cache_clear()


def annotate(paragraphs: list[str], lang: str, published: str | None = None) -> Record:
    """A record of ``paragraphs`` through every registered annotator (entities → quotes → events)."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    header = parse_header(paragraphs[0], (lang,)) if paragraphs else None  # as extraction would read it
    article = Article(
        paragraphs=paragraphs,
        language=lang,
        published=published,
        dateline=header.dateline if header else None,
    )
    record = Record(id="bench", article=article)
    for annotator in _PIPELINE.annotators():
        annotator.run(record)
    return record


def name_words(name: str | None) -> set[str]:
    return {w for w in _WORD.findall((name or "").lower()) if w not in _NOT_NAME and len(w) > 1}


def party_matches(
    name: str | None, country: str | None, gold_names: list[str], gold_codes: list[str]
) -> bool:
    """Same country code, or a shared name word."""
    if country and country in gold_codes:
        return True
    words = name_words(name)
    return any(_similar(a, b) for g in gold_names for a in words for b in name_words(g))


def _similar(a: str, b: str) -> bool:
    """The same word, or the same stem of at least six letters (Democrats / Democratic)."""
    return a == b or (min(len(a), len(b)) >= 6 and a[:6] == b[:6])


def best_event(events: list[Event]) -> Event | None:
    """The most confident event (first on ties): the sentence-level guess."""
    return max(events, key=lambda e: e.confidence or 0.0) if events else None


@dataclass
class Tally:
    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)  # gold items matched
    pred: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)  # predictions matched

    def row(self, key: str) -> tuple[int, int, float | None, float | None]:
        p = self.correct[key] / self.pred[key] if self.pred[key] else None
        r = self.found[key] / self.gold[key] if self.gold[key] else None
        return self.gold[key], self.pred[key], p, r


def tally_events(
    tally: Tally,
    lenient: Tally | None,
    golds: list[dict],
    predicted: list[Event],
    matches,
    label: str,
    text: str,
    show: bool,
) -> None:
    """Count one text's gold and predicted events into ``tally`` (per type) and ``lenient`` ((type, actor) only,
    totals); with ``show``, print each miss and false event. ``matches(event, gold, with_recipient=True)``."""
    for gold in golds:
        found = any(matches(e, gold) for e in predicted)
        tally.gold[gold["type"]] += 1
        tally.found[gold["type"]] += found
        if lenient is not None:
            lenient.gold["all"] += 1
            lenient.found["all"] += any(matches(e, gold, False) for e in predicted)
        if show and not found:
            print(
                f"  MISS {label} {gold['type']} {gold['actor']} → {gold['recipient']}  "
                f"[{text[gold['evidence'][0] : gold['evidence'][1]]}]"
            )
    for event in predicted:
        ok = any(matches(event, gold) for gold in golds)
        tally.pred[event.type] += 1
        tally.correct[event.type] += ok
        if lenient is not None:
            lenient.pred["all"] += 1
            lenient.correct["all"] += any(matches(event, gold, False) for gold in golds)
        if show and not ok:
            recipient = f"{event.recipient.name}/{event.recipient.country}" if event.recipient else None
            print(
                f"  FALSE {label} {event.type} {event.cameo} {event.actor.name}/{event.actor.country}"
                f" → {recipient}  [{event.evidence.text[:110]}]"
            )


def fmt(x: float | None) -> str:
    return "   -" if x is None else f"{x:.2f}"


def print_pr(tally: Tally, title: str) -> None:
    print(f"\n{title}")
    print(f"{'type':<10} {'gold':>5} {'pred':>5} {'P':>5} {'R':>5}")
    keys = sorted(set(tally.gold) | set(tally.pred))
    for key in keys:
        gold, pred, p, r = tally.row(key)
        print(f"{key:<10} {gold:>5} {pred:>5} {fmt(p):>5} {fmt(r):>5}")
    total = Tally(
        Counter(all=sum(tally.gold.values())),
        Counter(all=sum(tally.found.values())),
        Counter(all=sum(tally.pred.values())),
        Counter(all=sum(tally.correct.values())),
    )
    gold, pred, p, r = total.row("all")
    print(f"{'overall':<10} {gold:>5} {pred:>5} {fmt(p):>5} {fmt(r):>5}")
