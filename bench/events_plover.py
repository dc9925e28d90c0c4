"""Event benchmark on the PLOVER gold-standard records (322 English sentences, evaluation only).

    python3 bench/events_plover.py [--shared ../shared] [--quick] [--no-petrarch] [--show-misses N] [--why]

Each sentence runs through warta's real pipeline (entities → quotes → events) as a one-paragraph English
article. Printed per PLOVER type (the GSR's ``event_plover_current``) and overall:
- type accuracy: the type of warta's most confident event equals the gold type (no event = wrong);
- precision/recall of (type, actor, recipient): a predicted event is correct when its type is the gold type,
  its actor matches a gold source and its recipient matches a gold target (or both have none). Parties match by
  country code (``code`` of the gold actor) or by a shared name word with ``actorText``. Precision counts every
  event warta codes in the sentence; recall counts gold sentences with at least one correct event.

--why counts, over all sentences, each place where a matched pattern was dropped (the ``return`` line of
``events._event`` that gave no event, with the comment above it; "no actor" when no party was kept, "kept actor" when
the actor was found and the recipient or a later check failed): aggregate counts only, no sentence is printed.

The GSR sentences are CAMEO-manual examples (CC BY-NC-SA): read from ../shared to measure only; never tune
patterns on them or copy them into the repository.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import time
from collections import Counter
from pathlib import Path

from events_common import Tally, annotate, best_event, ev, fmt, party_matches, print_pr, use_petrarch

ROOT = Path(__file__).resolve().parents[1]
GSR = "data/events/plover-gsr.jsonl"
QUICK_EVERY = 8  # --quick: every 8th sentence (~40), all types represented


def load(shared: Path, quick: bool) -> list[dict] | None:
    path = shared / GSR
    if not path.is_file():
        return None
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if (r.get("language") or "en") == "en"]
    return rows[::QUICK_EVERY] if quick else rows


def recipient_ok(event, gold: dict) -> bool:
    targets = gold["target"] or []
    if event.recipient is None:
        return not targets
    return party_matches(
        event.recipient.name,
        event.recipient.country,
        [t.get("actorText") or "" for t in targets],
        [t.get("code") or "" for t in targets],
    )


def actor_ok(event, gold: dict) -> bool:
    sources = gold["source"] or []
    return party_matches(
        event.actor.name,
        event.actor.country,
        [s.get("actorText") or "" for s in sources],
        [s.get("code") or "" for s in sources],
    )


def evaluate(rows: list[dict], show_misses: int) -> tuple[Counter, Counter, Counter, Tally]:
    total, right, confusion, tally = Counter(), Counter(), Counter(), Tally()
    misses = []
    for row in rows:
        gold_type = row["event_plover_current"]
        events = annotate([row["text"]], "en").events
        best = best_event(events)
        total[gold_type] += 1
        guess = best.type if best else "none"
        right[gold_type] += guess == gold_type
        confusion[(gold_type, guess)] += guess != gold_type
        tally.gold[gold_type] += 1
        hits = [e for e in events if e.type == gold_type and actor_ok(e, row) and recipient_ok(e, row)]
        tally.found[gold_type] += bool(hits)
        for event in events:
            tally.pred[event.type] += 1
            tally.correct[event.type] += event in hits
        if guess != gold_type and len(misses) < show_misses:
            misses.append(f"  {row['id']}: gold {gold_type}, warta {guess} ({best.cameo if best else ''})")
    if misses:
        print("type misses:\n" + "\n".join(misses))
    return total, right, confusion, tally


class DropCounter:
    """Counts the ``return`` lines of ``events._event`` that gave no event (a matched pattern dropped)."""

    def __init__(self) -> None:
        self.code = ev._event.__code__
        self.drops: Counter = Counter()
        self.calls = 0

    def _local(self, frame, what, arg):
        if what == "return" and isinstance(arg, tuple) and arg and arg[0] is None:
            self.drops[(frame.f_lineno, "no actor" if arg[1] is None else "kept actor")] += 1
        return self._local

    def _global(self, frame, what, arg):
        if frame.f_code is self.code:
            self.calls += 1
            frame.f_trace_lines = False
            return self._local
        return None

    def __enter__(self) -> DropCounter:
        sys.settrace(self._global)
        return self

    def __exit__(self, *exc) -> None:
        sys.settrace(None)

    def report(self) -> None:
        lines, first = inspect.getsourcelines(ev._event)
        print(
            f"\nmatched patterns: {self.calls}, dropped: {sum(self.drops.values())} (by return line of events._event)"
        )
        for (line, kind), n in self.drops.most_common():
            k = line - first
            start = max((b for b in range(k + 1) if lines[b].lstrip().startswith("if ")), default=k)
            block = "".join(lines[start : k + 1])
            if "actor is None" in block:
                note = "no actor found"
            elif "recipient is None" in block:
                note = "no recipient found"
            elif '"foreign"' in block:
                note = "recipient missing or not foreign"
            else:
                note = next(
                    (t.split("#", 1)[1].strip() for t in lines[k : start - 1 : -1] if "  # " in t), ""
                )
            print(f"  {n:>4}  line {line:<5} {kind:<10} {note[:90]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--quick", action="store_true", help=f"every {QUICK_EVERY}th sentence only")
    parser.add_argument("--no-petrarch", action="store_true", help="without the PETRARCH-derived patterns")
    parser.add_argument("--show-misses", type=int, default=0)
    parser.add_argument("--why", action="store_true", help="count why matched patterns were dropped")
    args = parser.parse_args()
    rows = load(args.shared, args.quick)
    if rows is None:
        print(f"{args.shared / GSR} not found: PLOVER GSR benchmark skipped")
        return 0
    use_petrarch(not args.no_petrarch)
    started = time.perf_counter()
    if args.why:
        with DropCounter() as drops:
            total, right, confusion, tally = evaluate(rows, args.show_misses)
    else:
        total, right, confusion, tally = evaluate(rows, args.show_misses)
    seconds = time.perf_counter() - started
    print(
        f"PLOVER GSR, {len(rows)} English sentences{' (quick)' if args.quick else ''}, "
        f"PETRARCH patterns {'off' if args.no_petrarch else 'on'}, {seconds:.1f} s"
    )
    print(f"\n{'type':<10} {'n':>4} {'type acc':>8}   most common wrong guess")
    for key in sorted(total):
        wrong = [(g, n) for (t, g), n in confusion.items() if t == key and n]
        top = max(wrong, key=lambda x: x[1]) if wrong else None
        print(
            f"{key:<10} {total[key]:>4} {fmt(right[key] / total[key]):>8}   "
            f"{f'{top[0]} ({top[1]})' if top else ''}"
        )
    print(
        f"{'overall':<10} {sum(total.values()):>4} {fmt(sum(right.values()) / sum(total.values())):>8}   "
        f"({sum(right.values())} right)"
    )
    coded = sum(total.values()) - sum(n for (_, guess), n in confusion.items() if guess == "none")
    if coded:
        print(
            f"sentences where warta coded an event: {coded}; type accuracy on those: "
            f"{fmt(sum(right.values()) / coded)} (the strict number above counts 'no event' as wrong)"
        )
    print_pr(tally, "(type, actor, recipient): precision over all coded events, recall over gold sentences")
    if args.why:
        drops.report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
