"""SQLite SQL for the read queries documented in ``store/query.py`` (search with facet filters, facets,
entities, actors, events, networks).

``SQLiteQueries`` is mixed into ``SQLiteStore``; ``SQLiteReader`` is a light read-only connection with the
same methods, opened per web request (SQLite connections are not shared across threads). All user input
reaches SQL as bound parameters; full-text input goes through ``fts_query`` first. Every query runs under a
progress-handler deadline (``time_limit_s``), so no request can hold a connection for long.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from typing import Any

from warta.store.query import (
    EVENT_DAY,
    MARK_CLOSE,
    MARK_OPEN,
    EventFilters,
    FacetValue,
    Filters,
    ReaderPool,
    SearchHit,
    SearchPage,
    event_filter,
    search_hit,
)

# record columns of a search hit; the snippet is FTS5's best 24-token window of the text column
_HIT_COLUMNS = "r.id, r.title, r.site, r.published, r.language, r.url"
_EVENT_COLUMNS = """ev.record_id, ev.n, ev.type, ev.mode, ev.cameo, ev.location, ev.confidence,
    coalesce(ev.date, substr(r.published, 1, 10)) AS date, ev.actor_name, ev.actor_entity, ev.actor_country,
    ev.actor_role, ev.recipient_name, ev.recipient_entity, ev.recipient_country, ev.recipient_role,
    ev.evidence_start, ev.evidence_end, ev.evidence, r.title AS record_title, r.site AS record_site"""
_EVENT_DAY = EVENT_DAY
FACET_SAMPLE = 2000  # facets of a broad search count its best 2,000 matches
RANK_WINDOW = 10_000  # a search with more matches ranks its 10,000 most recently stored ones
WALK_MIN = 2_000  # a search with more matches is put in date order by walking the date index
COUNT_CAP = 10_000  # a filtered search counts up to here ("10,000+")
MMAP_BYTES = 1 << 34
_IN_MATCH = "r.rowid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)"
_INDEXES = [
    "CREATE INDEX IF NOT EXISTS records_language_published ON records(language, published)",
    "CREATE INDEX IF NOT EXISTS records_site_published ON records(site, published)",
    "CREATE INDEX IF NOT EXISTS entities_record_name ON entities(name, record_id)",
    "CREATE INDEX IF NOT EXISTS events_type_record ON events(type, record_id)",
    "CREATE INDEX IF NOT EXISTS events_actor_country ON events(actor_country)",
    "CREATE INDEX IF NOT EXISTS events_recipient_country ON events(recipient_country)",
]


class SQLiteQueries:
    conn: sqlite3.Connection
    time_limit_s: float = 2.0

    # --- records ----------------------------------------------------------------------------------------

    def record_json(self, record_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT json FROM records WHERE id = ?", (record_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def search_records(self, query: str = "", filters: Filters | None = None, sort: str = "relevance",
                       page: int = 1, per_page: int = 20) -> SearchPage:
        """One page of records matching ``query`` (any text; escaped) and ``filters``. Without a query the
        records are listed by date; ``relevance`` then falls back to newest first.

        Plan: the page's rowids are chosen from the FTS index and the narrow indexes (``ensure_indexes``)
        alone; only the chosen page's rows of the wide records table are read, and only they get snippets."""
        conds, params = _record_conditions(filters or Filters())
        match = _fts(query)
        sort = sort if (match or sort != "relevance") else "date"
        offset = (page - 1) * per_page
        with deadline(self.conn, self.time_limit_s):
            matches = self._fts_count(match) if match else 0
            total, capped = self._count(match, conds, params, matches)
            if match and sort == "relevance" and matches > RANK_WINDOW:
                rows = self._windowed_page(match, conds, params, per_page, offset)
            else:
                rows = self._page(match, conds, params, sort, matches, per_page, offset)
        return SearchPage(total, page, per_page, sort, [_hit(r) for r in rows], capped)

    def _windowed_page(self, match: str, conds: list[str], params: list[Any], limit: int, offset: int
                       ) -> list[sqlite3.Row]:
        """Relevance order for a broad search: the RANK_WINDOW most recently stored matches ranked by bm25,
        then the older matches ranked the same way. One total order, so pages never overlap; the first
        pages only pay for ranking the window."""
        start = self._window_start(match)
        rows = self._page(match, conds, params, "relevance", 0, limit, offset, start=start)
        if len(rows) == limit or start is None:
            return rows
        in_window = _count_rows(self.conn, match, conds, params, start)
        older = self._page(match, conds, params, "relevance", 0, limit - len(rows), max(0, offset - in_window),
                           below=start)
        return rows + older

    def _page(self, match: str, conds: list[str], params: list[Any], sort: str, matches: int, limit: int,
              offset: int, start: int | None = None, below: int | None = None) -> list[sqlite3.Row]:
        """Choose the page's rowids from indexes only, then read those rows and make their snippets.
        ``start``/``below``: rank only matches with rowid >= start / < below."""
        if match and sort == "relevance":
            top, top_params, order = _ranked(match, conds, params, start, below)
        elif match and matches > WALK_MIN:
            top, top_params, order = _walk_by_date(match, conds, params, sort)
        else:
            top, top_params, order = _by_date(match, conds, params, sort)
        snippet = (f"snippet(records_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24)" if match
                   else "substr(r.text, 1, 240)")
        # CROSS JOIN fixes the join order: FTS5 is asked for each page row by rowid, never scanned whole
        fts_join = "CROSS JOIN records_fts ON records_fts.rowid = top.rid AND records_fts MATCH ?" if match else ""
        sql = (f"WITH top AS MATERIALIZED ({top} LIMIT ? OFFSET ?) "
               f"SELECT {_HIT_COLUMNS}, {snippet} AS snip, top.score AS score "
               f"FROM top CROSS JOIN records r ON r.rowid = top.rid {fts_join} ORDER BY {order}")
        return self.conn.execute(sql, [*top_params, limit, offset, *([match] if match else [])]).fetchall()

    def _fts_count(self, match: str) -> int:
        return self.conn.execute("SELECT count(*) FROM records_fts WHERE records_fts MATCH ?",
                                 (match,)).fetchone()[0]

    def _window_start(self, match: str) -> int | None:
        """Smallest rowid among the RANK_WINDOW most recently stored matches (FTS5 walks rowids in order)."""
        row = self.conn.execute("SELECT rowid FROM records_fts WHERE records_fts MATCH ? ORDER BY rowid DESC "
                                "LIMIT 1 OFFSET ?", (match, RANK_WINDOW - 1)).fetchone()
        return row[0] if row else None

    def _count(self, match: str, conds: list[str], params: list[Any], matches: int) -> tuple[int, bool]:
        """(total, capped): exact from the index alone; with filters on a search, counting stops at
        COUNT_CAP (the UI then says "10,000+")."""
        if match and not conds:
            return matches, False
        if not match:
            where = " AND ".join(conds) or "1"
            return self.conn.execute(f"SELECT count(*) FROM records r WHERE {where}", params).fetchone()[0], False
        # stream the FTS matches through the filter set, so counting stops at the cap
        n = self.conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM records_fts WHERE records_fts MATCH ? AND +records_fts.rowid IN "
            f"(SELECT r.rowid FROM records r WHERE {' AND '.join(conds)}) LIMIT ?)",
            [match, *params, COUNT_CAP + 1]).fetchone()[0]
        return min(n, COUNT_CAP), n > COUNT_CAP

    def iter_search(self, query: str = "", filters: Filters | None = None, sort: str = "date",
                    limit: int = 100_000) -> Iterator[dict[str, Any]]:
        """Every matching record's ``warta/1`` JSON (downloads); same order rules as ``search_records``."""
        conds, params = _record_conditions(filters or Filters())
        match = _fts(query)
        top, top_params, order = _ranked(match, conds, params) if match and sort == "relevance" else \
            _by_date(match, conds, params, "oldest" if sort == "oldest" else "date")
        sql = (f"WITH top AS MATERIALIZED ({top} LIMIT ?) SELECT r.json FROM top JOIN records r "
               f"ON r.rowid = top.rid ORDER BY {order}")
        for row in self.conn.execute(sql, [*top_params, limit]):
            yield json.loads(row[0])

    def facets(self, query: str = "", filters: Filters | None = None, limit: int = 12,
               sample: int = FACET_SAMPLE) -> dict[str, Any]:
        """Counts of records per site, language, month, entity, event type and country among the matches
        (the ``sample`` most recently stored ones when there are more: ``counted`` says how many). One
        statement over a materialised match set, so the full-text query runs once; CROSS JOIN keeps SQLite
        from scanning a whole annotation table to meet the (small) match set."""
        conds, params = _record_conditions(filters or Filters())
        match = _fts(query)
        top, top_params, _ = _recent(match, conds, params) if match else _by_date(match, conds, params, "date")
        sql = f"""
            WITH m AS MATERIALIZED (SELECT r.id, r.site, r.language, substr(r.published, 1, 7) AS month
                                    FROM ({top} LIMIT ?) AS t JOIN records r ON r.rowid = t.rid)
            SELECT 'counted', NULL, count(*) FROM m
            UNION ALL SELECT 'site', site, count(*) FROM m WHERE site IS NOT NULL GROUP BY site
            UNION ALL SELECT 'language', language, count(*) FROM m WHERE language IS NOT NULL GROUP BY language
            UNION ALL SELECT 'month', month, count(*) FROM m WHERE month IS NOT NULL GROUP BY month
            UNION ALL SELECT 'entity', e.name, count(*) FROM m CROSS JOIN entities e ON e.record_id = m.id
                GROUP BY e.name
            UNION ALL SELECT 'event_type', ev.type, count(DISTINCT ev.record_id) FROM m
                CROSS JOIN events ev ON ev.record_id = m.id GROUP BY ev.type
            UNION ALL SELECT 'country', c, count(DISTINCT id) FROM (
                SELECT m.id, e.country AS c FROM m CROSS JOIN entities e ON e.record_id = m.id
                UNION ALL SELECT m.id, ev.actor_country FROM m CROSS JOIN events ev ON ev.record_id = m.id
                UNION ALL SELECT m.id, ev.recipient_country FROM m CROSS JOIN events ev ON ev.record_id = m.id
            ) WHERE c IS NOT NULL GROUP BY c"""
        out: dict[str, Any] = {k: [] for k in ("site", "language", "month", "entity", "event_type", "country")}
        counted = 0
        with deadline(self.conn, self.time_limit_s):
            for name, value, count in self.conn.execute(sql, [*top_params, sample]):
                if name == "counted":
                    counted = count
                else:
                    out[name].append(FacetValue(str(value), count))
        for name, values in out.items():
            values.sort(key=lambda v: (v.value,) if name == "month" else (-v.count, v.value))
            if name != "month":
                del values[limit:]
        return {**out, "counted": counted, "complete": counted < sample}

    def ensure_indexes(self) -> None:
        """Narrow indexes the search plan reads instead of the wide records rows (idempotent; the web app
        calls it on a writable store at start-up)."""
        for sql in _INDEXES:
            self.conn.execute(sql)

    def near_duplicates(self, record: dict[str, Any], limit: int = 20) -> list[dict[str, Any]]:
        """Records in the same near-duplicate ``cluster`` (a field dedup may add: an id, or an object with
        ``id`` and optional ``members``). Scans JSON, so it is bounded by the deadline."""
        cluster = record.get("cluster")
        if isinstance(cluster, dict):
            members = [m for m in cluster.get("members") or [] if isinstance(m, str) and m != record["id"]]
            if members:
                marks = ",".join("?" * len(members[:limit]))
                rows = self.conn.execute(f"SELECT id, title, site, published FROM records WHERE id IN ({marks})",
                                         members[:limit]).fetchall()
                return [dict(r) for r in rows]
            cluster, path = cluster.get("id"), "$.cluster.id"
        else:
            path = "$.cluster"
        if not isinstance(cluster, (str, int)):
            return []
        indexed = """SELECT r.id, r.title, r.site, r.published FROM dedup d JOIN records r ON r.id = d.record_id
                     WHERE d.cluster = ? AND r.id != ? ORDER BY r.published, r.id LIMIT ?"""
        scan = ("SELECT id, title, site, published FROM records WHERE json_extract(json, ?) = ? AND id != ? "
                "ORDER BY published, id LIMIT ?")
        try:
            with deadline(self.conn, 0.5):
                try:  # the dedup table (store/sqlite_scale.py) indexes clusters
                    rows = self.conn.execute(indexed, (cluster, record["id"], limit)).fetchall()
                except sqlite3.OperationalError as err:
                    if "no such table" not in str(err):
                        raise
                    rows = self.conn.execute(scan, (path, cluster, record["id"], limit)).fetchall()
            return [dict(r) for r in rows]
        except sqlite3.OperationalError:
            return []

    # --- entities, actors, quotes ---------------------------------------------------------------------

    def entities(self, name: str | None = None, type: str | None = None, country: str | None = None,
                 page: int = 1, per_page: int = 50) -> tuple[int, list[dict[str, Any]]]:
        """Entity names with the number of records and mentions, most frequent first; ``name`` is a
        case-insensitive substring."""
        where, params = ["1"], []
        if name:
            where.append("e.name LIKE ? ESCAPE '\\'")
            params.append("%" + like_escape(name) + "%")
        for column, value in (("e.type", type), ("e.country", country)):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        cond = " AND ".join(where)
        sql = f"""SELECT e.name, max(e.type) AS type, max(e.country) AS country, max(e.role) AS role,
                         count(DISTINCT e.record_id) AS records, sum(e.mentions) AS mentions
                  FROM entities e WHERE {cond} GROUP BY e.name ORDER BY records DESC, mentions DESC, e.name
                  LIMIT ? OFFSET ?"""
        with deadline(self.conn, self.time_limit_s):
            total = self.conn.execute(f"SELECT count(DISTINCT e.name) FROM entities e WHERE {cond}",
                                      params).fetchone()[0]
            rows = self.conn.execute(sql, [*params, per_page, (page - 1) * per_page]).fetchall()
        return total, [dict(r) for r in rows]

    def actor(self, name: str, limit: int = 50) -> dict[str, Any] | None:
        """What the store knows about one entity name: its kinds, per-day record counts, quotes, co-occurring
        entities, and counts of events as actor and as recipient. ``None`` when the name is unknown."""
        one = self.conn.execute
        with deadline(self.conn, self.time_limit_s):
            kinds = [dict(r) for r in one(
                """SELECT type, country, role, count(DISTINCT record_id) AS records, sum(mentions) AS mentions
                   FROM entities WHERE name = ? GROUP BY type, country, role ORDER BY records DESC""", (name,))]
            as_actor = one("SELECT count(*) FROM events WHERE actor_name = ?", (name,)).fetchone()[0]
            as_recipient = one("SELECT count(*) FROM events WHERE recipient_name = ?", (name,)).fetchone()[0]
            _, quotes = self.quotes(name, per_page=limit)
            if not (kinds or as_actor or as_recipient or quotes):
                return None
            days = one("""SELECT substr(r.published, 1, 10) AS day, count(DISTINCT r.id) FROM entities e
                          JOIN records r ON r.id = e.record_id WHERE e.name = ? AND r.published IS NOT NULL
                          GROUP BY day ORDER BY day""", (name,)).fetchall()
            together = one("""SELECT e2.name, max(e2.type) AS type, count(DISTINCT e2.record_id) AS records
                              FROM entities e1 JOIN entities e2 ON e2.record_id = e1.record_id AND e2.name != e1.name
                              WHERE e1.name = ? GROUP BY e2.name ORDER BY records DESC, e2.name LIMIT ?""",
                           (name, limit)).fetchall()
        return {"name": name, "kinds": kinds, "records": sum(k["records"] for k in kinds),
                "mention_days": [(d, n) for d, n in days], "quotes": quotes,
                "co_occurring": [dict(r) for r in together],
                "events_as_actor": as_actor, "events_as_recipient": as_recipient}

    def quotes(self, speaker: str | None = None, page: int = 1, per_page: int = 50
               ) -> tuple[int, list[dict[str, Any]]]:
        """Quotes, newest first; ``speaker`` matches the speaker name or the name of the speaker entity."""
        where, params = "1", []
        if speaker:
            where = """(q.speaker_name = ? OR EXISTS (SELECT 1 FROM entities e WHERE e.record_id = q.record_id
                        AND e.entity_id = q.speaker_id AND e.name = ?))"""
            params = [speaker, speaker]
        base = f"FROM quotes q JOIN records r ON r.id = q.record_id WHERE {where}"
        sql = f"""SELECT q.record_id, q.n, q.kind, q.speaker_id, q.speaker_name, q.cue, q.text, q.start, q."end",
                         r.title AS record_title, r.published {base}
                  ORDER BY r.published DESC NULLS LAST, q.record_id, q.n LIMIT ? OFFSET ?"""
        with deadline(self.conn, self.time_limit_s):
            total = self.conn.execute(f"SELECT count(*) {base}", params).fetchone()[0]
            rows = self.conn.execute(sql, [*params, per_page, (page - 1) * per_page]).fetchall()
        return total, [dict(r) for r in rows]

    # --- events ---------------------------------------------------------------------------------------

    def events(self, filters: EventFilters | None = None, page: int = 1, per_page: int = 50
               ) -> tuple[int, list[dict[str, Any]]]:
        where, params = _event_filter(filters or EventFilters())
        base = f"FROM events ev JOIN records r ON r.id = ev.record_id WHERE {where}"
        sql = (f"SELECT {_EVENT_COLUMNS} {base} ORDER BY {_EVENT_DAY} DESC NULLS LAST, ev.record_id, ev.n "
               "LIMIT ? OFFSET ?")
        with deadline(self.conn, self.time_limit_s):
            total = self.conn.execute(f"SELECT count(*) {base}", params).fetchone()[0]
            rows = self.conn.execute(sql, [*params, per_page, (page - 1) * per_page]).fetchall()
        return total, [dict(r) for r in rows]

    def iter_events(self, filters: EventFilters | None = None, limit: int = 100_000) -> Iterator[dict[str, Any]]:
        where, params = _event_filter(filters or EventFilters())
        sql = (f"SELECT {_EVENT_COLUMNS} FROM events ev JOIN records r ON r.id = ev.record_id WHERE {where} "
               f"ORDER BY {_EVENT_DAY} DESC NULLS LAST, ev.record_id, ev.n LIMIT ?")
        for row in self.conn.execute(sql, [*params, limit]):
            yield dict(row)

    def event_days(self, filters: EventFilters | None = None) -> list[tuple[str, str, int]]:
        """(day, PLOVER type, count) for events with a known day."""
        where, params = _event_filter(filters or EventFilters())
        sql = f"""SELECT {_EVENT_DAY} AS day, ev.type, count(*) FROM events ev JOIN records r ON r.id = ev.record_id
                  WHERE {where} AND {_EVENT_DAY} IS NOT NULL GROUP BY day, ev.type ORDER BY day"""
        with deadline(self.conn, self.time_limit_s):
            return [(d, t, n) for d, t, n in self.conn.execute(sql, params)]

    def event_pairs(self, filters: EventFilters | None = None) -> list[tuple[str, str, str, int]]:
        """(actor, recipient, PLOVER type, count) for events with both parties named."""
        where, params = _event_filter(filters or EventFilters())
        sql = f"""SELECT ev.actor_name, ev.recipient_name, ev.type, count(*) FROM events ev
                  JOIN records r ON r.id = ev.record_id
                  WHERE {where} AND ev.actor_name IS NOT NULL AND ev.recipient_name IS NOT NULL
                  GROUP BY 1, 2, 3 ORDER BY 4 DESC LIMIT 5000"""
        with deadline(self.conn, self.time_limit_s):
            return [(a, b, t, n) for a, b, t, n in self.conn.execute(sql, params)]


class SQLiteReader(SQLiteQueries):
    """A read-only connection with the query methods, for one request or one thread. Opening it never
    creates or migrates the database (the writer did that)."""

    def __init__(self, path: str, timeout_s: float = 5.0, time_limit_s: float = 2.0):
        self.path = path
        self.time_limit_s = time_limit_s
        self.conn = sqlite3.connect(path, timeout=timeout_s, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA query_only=1")
        # a connection lives for one request, so its own page cache starts cold: map the file instead and
        # share the operating system's cache across connections
        self.conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stats(self) -> dict[str, Any]:
        from warta.store.sqlite import SQLiteStore

        return SQLiteStore.stats(self)  # type: ignore[arg-type] - only needs .conn and .path


def reader_pool(path: str, time_limit_s: float = 2.0, keep: int = 8) -> ReaderPool:
    """The web app's read-only SQLite connections."""

    def usable(reader: SQLiteReader) -> bool:
        reader.conn.rollback()  # no read transaction (and so no old snapshot) survives a request
        return True

    return ReaderPool(lambda: SQLiteReader(path, time_limit_s=time_limit_s), usable, keep)


def _record_conditions(f: Filters) -> tuple[list[str], list[Any]]:
    """Conditions on ``records r`` that indexes can answer: plain column comparisons (dates as string ranges,
    which work for dates and date-times alike) and rowid sets for entity, event type and country."""
    conds: list[str] = []
    params: list[Any] = []
    for column, value in (("r.site", f.site), ("r.language", f.language)):
        if value:
            conds.append(f"{column} = ?")
            params.append(value)
    if f.date_from:
        conds.append("r.published >= ?")
        params.append(f.date_from)
    if f.date_to:
        conds.append("r.published < ?")
        params.append(_next_day(f.date_to))
    by_id = "r.rowid IN (SELECT x.rowid FROM records x WHERE x.id IN ({}))"
    if f.entity:
        conds.append(by_id.format("SELECT record_id FROM entities WHERE name = ?"))
        params.append(f.entity)
    if f.event_type:
        conds.append(by_id.format("SELECT record_id FROM events WHERE type = ?"))
        params.append(f.event_type)
    if f.country:
        conds.append(by_id.format("SELECT record_id FROM entities WHERE country = ? UNION "
                                  "SELECT record_id FROM events WHERE actor_country = ? OR recipient_country = ?"))
        params += [f.country] * 3
    return conds, params


def _ranked(match: str, conds: list[str], params: list[Any], start: int | None = None, below: int | None = None
            ) -> tuple[str, list[Any], str]:
    """Best matches first (bm25, title weighted 5×): a SELECT of (rid, score, published) to be LIMITed, its
    parameters, and the ORDER BY that keeps its order in an outer query over ``top``. ``start``/``below``
    limit the rowids ranked (bm25 costs a little per match, so a broad query ranks a window at a time)."""
    where, args = _match_where(match, conds, params, start, below)
    return (f"SELECT records_fts.rowid AS rid, bm25(records_fts, 5.0, 1.0) AS score, NULL AS published "
            f"FROM records_fts WHERE {where} ORDER BY score, rid", args, "top.score, top.rid")


def _match_where(match: str, conds: list[str], params: list[Any], start: int | None = None,
                 below: int | None = None) -> tuple[str, list[Any]]:
    """WHERE over records_fts: the match, a rowid range FTS5 can seek to, and the record filters."""
    where, args = "records_fts MATCH ?", [match]
    if start is not None:
        where += " AND records_fts.rowid >= ?"
        args.append(start)
    if below is not None:
        where += " AND records_fts.rowid < ?"
        args.append(below)
    if conds:
        # "+" keeps the planner from handing the rowid list to FTS5 as equality lookups (one MATCH per rowid)
        where += f" AND +records_fts.rowid IN (SELECT r.rowid FROM records r WHERE {' AND '.join(conds)})"
        args += params
    return where, args


def _count_rows(conn: sqlite3.Connection, match: str, conds: list[str], params: list[Any], start: int) -> int:
    where, args = _match_where(match, conds, params, start)
    return conn.execute(f"SELECT count(*) FROM records_fts WHERE {where}", args).fetchone()[0]


def _recent(match: str, conds: list[str], params: list[Any]) -> tuple[str, list[Any], str]:
    """Matches most recently stored first: FTS5 reads its doclists in rowid order, so no sort is needed."""
    where, args = _match_where(match, conds, params)
    return (f"SELECT records_fts.rowid AS rid, NULL AS score, NULL AS published FROM records_fts WHERE {where} "
            "ORDER BY records_fts.rowid DESC", args, "top.rid DESC")


def _walk_by_date(match: str, conds: list[str], params: list[Any], sort: str) -> tuple[str, list[Any], str]:
    """Date order for a broad search: walk the published index and keep the rows the FTS index matches,
    stopping at the page (many rows match, so the walk is short)."""
    where = " AND ".join([*conds, "EXISTS (SELECT 1 FROM records_fts WHERE records_fts.rowid = r.rowid "
                          "AND records_fts MATCH ?)"])
    inner, outer = _DATE_ORDERS[sort]
    return (f"SELECT r.rowid AS rid, NULL AS score, r.published AS published FROM records r WHERE {where} "
            f"ORDER BY {inner}", [*params, match], outer)


_DATE_ORDERS = {"date": ("r.published DESC, r.rowid DESC", "top.published DESC, top.rid DESC"),
                "oldest": ("r.published IS NULL, r.published, r.rowid", "top.published IS NULL, top.published, top.rid")}


def _by_date(match: str, conds: list[str], params: list[Any], sort: str) -> tuple[str, list[Any], str]:
    """Newest (or oldest) first; without a query this walks the published indexes and stops at the page."""
    where = " AND ".join(([_IN_MATCH] if match else []) + conds) or "1"
    inner, outer = _DATE_ORDERS[sort]
    return (f"SELECT r.rowid AS rid, NULL AS score, r.published AS published FROM records r WHERE {where} "
            f"ORDER BY {inner}", ([match] if match else []) + params, outer)


def _fts(query: str | None) -> str:
    from warta.store.sqlite import fts_query  # sqlite.py imports this module, so not at the top

    return fts_query(query or "")


def _next_day(day: str) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def _event_filter(f: EventFilters) -> tuple[str, list[Any]]:
    return event_filter(f, "?")


def _hit(row: sqlite3.Row) -> SearchHit:
    return search_hit(row, row["snip"], -row["score"] if row["score"] is not None else None)


def like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class deadline:
    """Abort statements that run longer than ``seconds`` (SQLite progress handler): they raise
    ``sqlite3.OperationalError('interrupted')``, which the web layer turns into a 503."""

    every = 10_000  # SQLite VM steps between checks

    def __init__(self, conn: sqlite3.Connection, seconds: float):
        self.conn, self.seconds = conn, seconds

    def __enter__(self) -> None:
        end = time.monotonic() + self.seconds
        self.conn.set_progress_handler(lambda: 1 if time.monotonic() > end else 0, self.every)

    def __exit__(self, *exc: object) -> None:
        self.conn.set_progress_handler(None, 0)
