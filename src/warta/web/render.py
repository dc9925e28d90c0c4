"""Pure helpers for the pages: annotated text segments from spans, safe links, chart and network geometry.

Nothing here builds HTML: functions return plain values (text pieces, coordinates, class names from a fixed
vocabulary) and the Jinja templates, which escape every value, turn them into markup.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote, urlsplit

from warta.model import PARAGRAPH_SEP

# PLOVER event types by tone: how the actor treats the recipient
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
NEUTRAL = frozenset({"REQUEST"})
CONFLICTUAL = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
PLOVER_TYPES = sorted(COOPERATIVE | NEUTRAL | CONFLICTUAL)
TONES = ("cooperative", "neutral", "conflictual")
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")

_SAFE_URL = re.compile(r"^https?://[^\s\x00-\x1f\x7f-\x9f]+$", re.IGNORECASE)


def tone(event_type: str | None) -> str:
    if event_type in COOPERATIVE:
        return "cooperative"
    if event_type in CONFLICTUAL:
        return "conflictual"
    return "neutral"


def safe_url(url: Any) -> str | None:
    """The URL when it is an absolute http(s) URL with a host and no whitespace or control characters
    (browsers strip those, so ``java\\tscript:`` must not slip through); else None."""
    if not isinstance(url, str) or not _SAFE_URL.match(url):
        return None
    try:
        return url if urlsplit(url).netloc else None
    except ValueError:
        return None


def actor_path(name: str) -> str:
    """``/actors/<name>`` with every reserved character percent-encoded."""
    return "/actors/" + quote(name, safe="")


# --- annotated text ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Segment:
    text: str
    entity: str | None = None  # entity name (linked to its actor page)
    entity_type: str | None = None
    quote: bool = False
    events: tuple[str, ...] = ()  # PLOVER types whose evidence covers this piece

    @property
    def plain(self) -> bool:
        return not (self.entity or self.quote or self.events)

    @property
    def classes(self) -> str:
        names = []
        if self.entity:
            names += ["ent", "ent-" + (self.entity_type if self.entity_type in ENTITY_TYPES else "other")]
        if self.quote:
            names.append("quote")
        if self.events:
            names += ["ev", "ev-" + tone(self.events[0])]
        return " ".join(names)

    @property
    def title(self) -> str:
        parts = []
        if self.entity:
            parts.append(f"{self.entity} ({self.entity_type or '?'})")
        if self.quote:
            parts.append("quote")
        parts += [f"event: {t}" for t in self.events]
        return "; ".join(parts)


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    kind: str  # entity | quote | event
    label: str = ""
    detail: str = ""


def annotated_paragraphs(record: dict[str, Any]) -> list[list[Segment]]:
    """The record's text as paragraphs of segments; each segment knows which annotations cover it.
    Overlapping spans are fine: the text is cut at every span and paragraph boundary (a sweep over sorted
    boundaries), and the blank-line separators between paragraphs are left out."""
    text = record.get("text") or ""
    spans = _spans(record, len(text))
    paragraphs = _paragraph_ranges(text)
    cuts: dict[int, list[tuple[int, int]]] = defaultdict(list)  # position -> [(+1/-1, span index)]
    for i, s in enumerate(spans):
        cuts[s.start].append((1, i))
        cuts[s.end].append((-1, i))
    for start, end in paragraphs:
        cuts.setdefault(start, [])
        cuts.setdefault(end, [])
    out: list[list[Segment]] = [[] for _ in paragraphs]
    active: set[int] = set()
    prev, para = 0, 0
    for pos in sorted(cuts):
        while para < len(paragraphs) and paragraphs[para][1] <= prev:
            para += 1
        if pos > prev and para < len(paragraphs) and paragraphs[para][0] <= prev:
            out[para].append(_segment(text[prev:pos], [spans[i] for i in active]))
        for delta, i in cuts[pos]:
            active.add(i) if delta > 0 else active.discard(i)
        prev = pos
    return [p for p in out if p]


def _paragraph_ranges(text: str) -> list[tuple[int, int]]:
    ranges, start = [], 0
    for piece in text.split(PARAGRAPH_SEP):
        ranges.append((start, start + len(piece)))
        start += len(piece) + len(PARAGRAPH_SEP)
    return ranges


def _spans(record: dict[str, Any], length: int) -> list[_Span]:
    out: list[_Span] = []

    def add(start: Any, end: Any, kind: str, label: str = "", detail: str = "") -> None:
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length:
            out.append(_Span(start, end, kind, label, detail))

    for e in record.get("entities") or []:
        for m in e.get("mentions") or []:
            add(m.get("start"), m.get("end"), "entity", str(e.get("name") or ""), str(e.get("type") or ""))
    for q in record.get("quotes") or []:
        add(q.get("start"), q.get("end"), "quote")
    for ev in record.get("events") or []:
        evidence = ev.get("evidence") or {}
        add(evidence.get("start"), evidence.get("end"), "event", str(ev.get("type") or ""))
    return out


def _segment(text: str, covering: list[_Span]) -> Segment:
    entities = sorted((s for s in covering if s.kind == "entity"), key=lambda s: s.end - s.start)
    events = tuple(sorted({s.label for s in covering if s.kind == "event"}))
    first = entities[0] if entities else None  # innermost entity wins the link
    return Segment(text, first.label if first else None, first.detail if first else None,
                   any(s.kind == "quote" for s in covering), events)


def snippet_parts(snippet: str, matches: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """Snippet text cut into (piece, is_match) for ``<mark>``."""
    parts, prev = [], 0
    for start, end in sorted(matches):
        if start < prev:
            continue
        if start > prev:
            parts.append((snippet[prev:start], False))
        parts.append((snippet[start:end], True))
        prev = end
    if prev < len(snippet):
        parts.append((snippet[prev:], False))
    return parts


# --- charts --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    cls: str
    title: str


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    labels: list[tuple[float, str]] = field(default_factory=list)  # (x, text) under the axis
    max_value: int = 0
    granularity: str = "day"
    empty: bool = True


def periods(days: list[tuple[str, Any]], max_days: int = 62) -> tuple[str, list[str]]:
    """Pick day or month buckets for ISO days and list every bucket between the first and last (gaps
    included, so time reads left to right at an even pace); at most 400 buckets."""
    valid = sorted({d[:10] for d, *_ in days if _is_day(d)})
    if not valid:
        return "day", []
    first, last = date.fromisoformat(valid[0]), date.fromisoformat(valid[-1])
    if (last - first).days <= max_days:
        return "day", [(first + timedelta(n)).isoformat() for n in range((last - first).days + 1)]
    months, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month) and len(months) < 400:
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return "month", months


def bucket(day: str, granularity: str) -> str:
    return day[:7] if granularity == "month" else day[:10]


def stacked_bars(buckets: list[str], series: dict[str, dict[str, int]], granularity: str,
                 width: int = 720, height: int = 180) -> Chart:
    """Bars per bucket, stacked by series (class names come from ``series`` keys, a fixed vocabulary)."""
    chart = Chart(width, height, granularity=granularity)
    if not buckets:
        return chart
    totals = {b: sum(s.get(b, 0) for s in series.values()) for b in buckets}
    chart.max_value = max(totals.values()) or 1
    chart.empty = not any(totals.values())
    plot_h, left, step = height - 24, 36, (width - 40) / len(buckets)
    for i, b in enumerate(buckets):
        y = plot_h
        for name, counts in series.items():
            n = counts.get(b, 0)
            if n:
                h = max(1.0, n / chart.max_value * (plot_h - 8))
                y -= h
                chart.bars.append(Bar(round(left + i * step + 0.5, 1), round(y, 1), round(max(step - 1, 1), 1),
                                      round(h, 1), name, f"{b}: {n} {name}".strip()))
    for i in sorted({0, len(buckets) // 2, len(buckets) - 1}):
        chart.labels.append((round(left + i * step, 1), buckets[i]))
    return chart


def mentions_chart(days: list[tuple[str, int]]) -> Chart:
    granularity, buckets = periods(days)
    counts: Counter[str] = Counter()
    for day, n in days:
        if _is_day(day):
            counts[bucket(day, granularity)] += n
    return stacked_bars(buckets, {"mentions": dict(counts)}, granularity)


def tone_series(days: list[tuple[str, str, int]]) -> tuple[str, list[str], dict[str, dict[str, int]]]:
    """(granularity, buckets, {tone: {bucket: count}}) from (day, type, count) rows."""
    granularity, buckets = periods(days)
    series: dict[str, Counter[str]] = {t: Counter() for t in TONES}
    for day, event_type, n in days:
        if _is_day(day):
            series[tone(event_type)][bucket(day, granularity)] += n
    return granularity, buckets, {t: dict(c) for t, c in series.items()}


def _is_day(value: Any) -> bool:
    try:
        date.fromisoformat(str(value)[:10])
        return True
    except ValueError:
        return False


# --- actor network -------------------------------------------------------------------------------------


@dataclass(slots=True)
class Node:
    name: str
    events: int
    x: float = 0.0
    y: float = 0.0
    r: float = 4.0
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "start"

    @property
    def href(self) -> str:
        return actor_path(self.name)


@dataclass(slots=True)
class Edge:
    source: str
    target: str
    count: int
    types: dict[str, int]
    tone: str
    path: str = ""
    width: float = 1.0

    @property
    def title(self) -> str:
        kinds = ", ".join(f"{t} {n}" for t, n in sorted(self.types.items(), key=lambda kv: -kv[1]))
        return f"{self.source} → {self.target}: {self.count} ({kinds})"


@dataclass(slots=True)
class Network:
    nodes: list[Node]
    edges: list[Edge]
    size: int = 560


def network(pairs: list[tuple[str, str, str, int]], max_nodes: int = 24, size: int = 560) -> Network:
    """Who acts on whom: the ``max_nodes`` busiest actors on a circle, one curved arrow per direction,
    width by count, tone by which of cooperative/conflictual events dominate (ties: neutral)."""
    weight: Counter[str] = Counter()
    edges: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for actor, recipient, event_type, n in pairs:
        if actor == recipient:
            continue
        weight[actor] += n
        weight[recipient] += n
        edges[(actor, recipient)][event_type] += n
    names = [name for name, _ in weight.most_common(max_nodes)]
    nodes = {name: Node(name, weight[name]) for name in names}
    _circle(list(nodes.values()), size)
    out = [_edge(a, b, types) for (a, b), types in edges.items() if a in nodes and b in nodes]
    top = max((e.count for e in out), default=1)
    for e in out:
        e.width = round(1 + 5 * math.sqrt(e.count / top), 2)
        e.path = _curve(nodes[e.source], nodes[e.target])
    out.sort(key=lambda e: e.count)  # heaviest drawn last, on top
    return Network(list(nodes.values()), out, size)


def _edge(source: str, target: str, types: Counter[str]) -> Edge:
    by_tone = Counter()
    for t, n in types.items():
        by_tone[tone(t)] += n
    coop, conf = by_tone["cooperative"], by_tone["conflictual"]
    kind = "cooperative" if coop > conf else "conflictual" if conf > coop else "neutral"
    return Edge(source, target, sum(types.values()), dict(types), kind)


def _circle(nodes: list[Node], size: int) -> None:
    centre, radius = size / 2, size / 2 - 110
    top = max((n.events for n in nodes), default=1)
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / max(len(nodes), 1) - math.pi / 2
        node.x, node.y = round(centre + radius * math.cos(angle), 1), round(centre + radius * math.sin(angle), 1)
        node.r = round(4 + 10 * math.sqrt(node.events / top), 1)
        node.label_x = round(centre + (radius + node.r + 6) * math.cos(angle), 1)
        node.label_y = round(centre + (radius + node.r + 6) * math.sin(angle) + 4, 1)
        node.anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"


def _curve(a: Node, b: Node) -> str:
    """A gentle arc from a to b, bent to the right of travel so a→b and b→a do not overlap; it stops at
    the target's rim so the arrowhead shows."""
    dx, dy = b.x - a.x, b.y - a.y
    dist = math.hypot(dx, dy) or 1.0
    ux, uy = dx / dist, dy / dist
    end_x, end_y = b.x - ux * (b.r + 3), b.y - uy * (b.r + 3)
    cx, cy = (a.x + b.x) / 2 - uy * dist * 0.15, (a.y + b.y) / 2 + ux * dist * 0.15
    return f"M{a.x:.1f},{a.y:.1f} Q{cx:.1f},{cy:.1f} {end_x:.1f},{end_y:.1f}"
