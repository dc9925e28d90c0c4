"""Read queries behind the web UI and API: filtered full-text search, facets, actors, events, networks.

Every backend implements the same methods with the same arguments and return shapes (the SQLite ones are in
``store/sqlite_query.py``; a PostgreSQL store implements them with its own SQL). Arguments are plain values,
results are the dataclasses below or lists of dicts, so the web layer never sees SQL.

- ``search_records(query, filters, sort, page, per_page) -> SearchPage``
- ``facets(query, filters, limit) -> dict[str, list[FacetValue]]``: site, language, month, entity,
  event_type, country; counts are records in the current result set
- ``record_json(id) -> dict | None``: the stored ``warta/1`` JSON, extra fields (``cluster``) included
- ``near_duplicates(record) -> list[dict]``: records sharing the record's ``cluster``, when it has one
- ``entities(name, type, country, page, per_page) -> (total, list[dict])``: one row per entity name
- ``actor(name) -> dict | None``: kinds, counts, mention days, quotes, co-occurring entities
- ``events(filters, page, per_page) -> (total, list[dict])`` and ``iter_events(filters)``
- ``event_days(filters) -> list[(day, type, count)]`` and ``event_pairs(filters) -> list[(actor, recipient, type,
  count)]``: raw counts the web layer turns into a timeline and a network
- ``iter_search(query, filters, sort) -> Iterator[dict]``: every matching record's JSON, for downloads
- ``quotes(speaker, page, per_page) -> (total, list[dict])``
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

SORTS = ("relevance", "date", "oldest")


@dataclass(slots=True)
class Filters:
    """Facet filters on records; ``None`` means no filter. Dates are ISO ``YYYY-MM-DD`` (inclusive)."""

    site: str | None = None
    language: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None  # entity name appearing in the record
    event_type: str | None = None  # PLOVER type of an event in the record
    country: str | None = None  # ISO 3166-1 alpha-3 of an entity or event party in the record


@dataclass(slots=True)
class EventFilters:
    """Filters on events. ``party`` matches actor or recipient. Dates apply to the event date, or the
    publication date of its record when the event has none."""

    type: str | None = None
    actor: str | None = None
    recipient: str | None = None
    party: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    record_id: str | None = None
    min_confidence: float | None = None  # events whose confidence is at least this (0-1)


@dataclass(slots=True)
class SearchHit:
    id: str
    title: str | None
    site: str | None
    published: str | None
    language: str | None
    url: str | None
    snippet: str  # plain text
    matches: list[tuple[int, int]] = field(default_factory=list)  # spans of matched words in ``snippet``
    score: float | None = None
    copies: int = 1  # with collapse: how many matching records the hit's duplicate cluster has


@dataclass(slots=True)
class SearchPage:
    total: int
    page: int
    per_page: int
    sort: str
    hits: list[SearchHit]
    total_capped: bool = False  # counting stopped at a cap: total is a lower bound


@dataclass(slots=True)
class FacetValue:
    value: str
    count: int


MARK_OPEN, MARK_CLOSE = "\x02", "\x03"  # snippet markers; never in the plain text given to callers


def search_hit(row: Any, marked_snippet: str | None, score: float | None, copies: int = 1) -> SearchHit:
    """A hit from a row with id, title, site, published, language and url, and a snippet marked with
    ``MARK_OPEN``/``MARK_CLOSE`` around matched words."""
    snippet, matches = split_snippet(marked_snippet or "")
    return SearchHit(row["id"], row["title"], row["site"], row["published"], row["language"], row["url"],
                     snippet, matches, score, copies)


def split_snippet(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """``a \\x02b\\x03 c`` → (``a b c``, [(2, 3)]). Unbalanced markers are tolerated."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length, start = 0, None
    for piece in _split_markers(marked):
        if piece == MARK_OPEN:
            start = length
        elif piece == MARK_CLOSE:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            out.append(piece)
            length += len(piece)
    return "".join(out), spans


def _split_markers(text: str) -> list[str]:
    pieces, buf = [], []
    for ch in text:
        if ch in (MARK_OPEN, MARK_CLOSE):
            pieces.append("".join(buf))
            pieces.append(ch)
            buf = []
        else:
            buf.append(ch)
    pieces.append("".join(buf))
    return [p for p in pieces if p]


def as_dict(value: Any) -> Any:
    """Dataclass results as JSON-ready dicts (tuples become lists)."""
    from dataclasses import asdict, is_dataclass

    return asdict(value) if is_dataclass(value) else value


EVENT_DAY = "coalesce(ev.date, substr(r.published, 1, 10))"  # the event's day, else its record's publication day


def event_filter(f: EventFilters, placeholder: str) -> tuple[str, list[Any]]:
    """SQL condition and parameters for ``f`` over ``events ev JOIN records r``; ``placeholder`` is the
    driver's parameter mark (``?`` for SQLite, ``%s`` for psycopg), the SQL is otherwise the same for both."""
    p = placeholder
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    for column, value in (("ev.type", f.type), ("ev.actor_name", f.actor), ("ev.recipient_name", f.recipient),
                          ("ev.record_id", f.record_id)):
        if value:
            where.append(f"{column} = {p}")
            params.append(value)
    if f.party:
        where.append(f"(ev.actor_name = {p} OR ev.recipient_name = {p})")
        params += [f.party, f.party]
    if f.country:
        where.append(f"(ev.actor_country = {p} OR ev.recipient_country = {p})")
        params += [f.country, f.country]
    if f.date_from:
        where.append(f"{EVENT_DAY} >= {p}")
        params.append(f.date_from)
    if f.date_to:
        where.append(f"{EVENT_DAY} <= {p}")
        params.append(f.date_to)
    if f.min_confidence is not None:
        where.append(f"ev.confidence >= {p}")
        params.append(f.min_confidence)
    return " AND ".join(where), params


class ReaderPool:
    """Read-only connections handed out one request at a time and reused afterwards: each is used by one
    request (one thread) at a time, never concurrently, and keeps its caches warm between requests. At most
    ``keep`` idle connections are kept. ``usable`` says whether an idle one can serve again (and readies it)."""

    def __init__(self, open_reader: Callable[[], Any], usable: Callable[[Any], bool] = lambda reader: True,
                 keep: int = 8):
        import queue

        self.open_reader, self.usable, self.keep = open_reader, usable, keep
        self._idle: queue.LifoQueue = queue.LifoQueue()

    def acquire(self) -> Any:
        import queue

        while True:
            try:
                reader = self._idle.get_nowait()
            except queue.Empty:
                return self.open_reader()
            if self.usable(reader):
                return reader
            reader.close()

    def release(self, reader: Any) -> None:
        if self._idle.qsize() < self.keep:
            self._idle.put(reader)
        else:
            reader.close()

    def close(self) -> None:
        while not self._idle.empty():
            self._idle.get_nowait().close()
