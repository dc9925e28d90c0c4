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
    MARK_CLOSE,
    MARK_OPEN,
    EventFilters,
    FacetValue,
    Filters,
    SearchHit,
    SearchPage,
    split_snippet,
)

# record columns of a search hit; the snippet is FTS5's best 24-token window of the text column
_HIT_COLUMNS = "r.id, r.title, r.site, r.published, r.language, r.url"
_EVENT_COLUMNS = """ev.record_id, ev.n, ev.type, ev.mode, ev.cameo, ev.location, ev.confidence,
    coalesce(ev.date, substr(r.published, 1, 10)) AS date, ev.actor_name, ev.actor_entity, ev.actor_country,
    ev.actor_role, ev.recipient_name, ev.recipient_entity, ev.recipient_country, ev.recipient_role,
    ev.evidence_start, ev.evidence_end, ev.evidence, r.title AS record_title, r.site AS record_site"""
_EVENT_DAY = "coalesce(ev.date, substr(r.published, 1, 10))"


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
        records are listed by date; ``relevance`` then falls back to newest first."""
        source, where, params, match = _record_filter(query, filters or Filters())
        sort = sort if (match or sort != "relevance") else "date"
        snippet = (f"snippet(records_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24)" if match
                   else "substr(r.text, 1, 240)")
        score = "bm25(records_fts, 5.0, 1.0)" if match else "NULL"
        order = {"relevance": "score", "date": "r.published DESC NULLS LAST, r.id",
                 "oldest": "r.published ASC NULLS LAST, r.id"}[sort]
        sql = (f"SELECT {_HIT_COLUMNS}, {snippet} AS snip, {score} AS score FROM {source} WHERE {where} "
               f"ORDER BY {order} LIMIT ? OFFSET ?")
        with deadline(self.conn, self.time_limit_s):
            total = self.conn.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0]
            rows = self.conn.execute(sql, [*params, per_page, (page - 1) * per_page]).fetchall()
        return SearchPage(total, page, per_page, sort, [_hit(r) for r in rows])

    def iter_search(self, query: str = "", filters: Filters | None = None, sort: str = "date",
                    limit: int = 100_000) -> Iterator[dict[str, Any]]:
        """Every matching record's ``warta/1`` JSON (downloads); same order rules as ``search_records``."""
        source, where, params, match = _record_filter(query, filters or Filters())
        order = "bm25(records_fts, 5.0, 1.0)" if (match and sort == "relevance") else (
            "r.published ASC NULLS LAST, r.id" if sort == "oldest" else "r.published DESC NULLS LAST, r.id")
        sql = f"SELECT r.json FROM {source} WHERE {where} ORDER BY {order} LIMIT ?"
        for row in self.conn.execute(sql, [*params, limit]):
            yield json.loads(row[0])

    def facets(self, query: str = "", filters: Filters | None = None, limit: int = 12
               ) -> dict[str, list[FacetValue]]:
        """Counts of records per site, language, month, entity, event type and country among the matches.
        One statement over a materialised match set, so the full-text query runs once."""
        source, where, params, _ = _record_filter(query, filters or Filters())
        sql = f"""
            WITH m AS MATERIALIZED (SELECT r.id, r.site, r.language, substr(r.published, 1, 7) AS month
                                    FROM {source} WHERE {where})
            SELECT 'site', site, count(*) FROM m WHERE site IS NOT NULL GROUP BY site
            UNION ALL SELECT 'language', language, count(*) FROM m WHERE language IS NOT NULL GROUP BY language
            UNION ALL SELECT 'month', month, count(*) FROM m WHERE month IS NOT NULL GROUP BY month
            UNION ALL SELECT 'entity', e.name, count(*) FROM m JOIN entities e ON e.record_id = m.id
                GROUP BY e.name
            UNION ALL SELECT 'event_type', ev.type, count(DISTINCT ev.record_id) FROM m
                JOIN events ev ON ev.record_id = m.id GROUP BY ev.type
            UNION ALL SELECT 'country', c, count(DISTINCT id) FROM (
                SELECT m.id, e.country AS c FROM m JOIN entities e ON e.record_id = m.id
                UNION ALL SELECT m.id, ev.actor_country FROM m JOIN events ev ON ev.record_id = m.id
                UNION ALL SELECT m.id, ev.recipient_country FROM m JOIN events ev ON ev.record_id = m.id
            ) WHERE c IS NOT NULL GROUP BY c"""
        out: dict[str, list[FacetValue]] = {k: [] for k in
                                            ("site", "language", "month", "entity", "event_type", "country")}
        with deadline(self.conn, self.time_limit_s):
            for name, value, count in self.conn.execute(sql, params):
                out[name].append(FacetValue(str(value), count))
        for name, values in out.items():
            values.sort(key=lambda v: (v.value,) if name == "month" else (-v.count, v.value))
            if name != "month":
                del values[limit:]
        return out

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

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stats(self) -> dict[str, Any]:
        from warta.store.sqlite import SQLiteStore

        return SQLiteStore.stats(self)  # type: ignore[arg-type] - only needs .conn and .path


def _record_filter(query: str, f: Filters) -> tuple[str, str, list[Any], str]:
    """FROM clause, WHERE clause, parameters and the escaped FTS query for a record search."""
    from warta.store.sqlite import fts_query

    match = fts_query(query or "")
    source = "records_fts JOIN records r ON r.rowid = records_fts.rowid" if match else "records r"
    where: list[str] = ["records_fts MATCH ?"] if match else ["1"]
    params: list[Any] = [match] if match else []
    for column, value in (("r.site", f.site), ("r.language", f.language)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if f.date_from:
        where.append("substr(r.published, 1, 10) >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("substr(r.published, 1, 10) <= ?")
        params.append(f.date_to)
    if f.entity:
        where.append("r.id IN (SELECT record_id FROM entities WHERE name = ?)")
        params.append(f.entity)
    if f.event_type:
        where.append("r.id IN (SELECT record_id FROM events WHERE type = ?)")
        params.append(f.event_type)
    if f.country:
        where.append("""r.id IN (SELECT record_id FROM entities WHERE country = ? UNION
                        SELECT record_id FROM events WHERE actor_country = ? OR recipient_country = ?)""")
        params += [f.country] * 3
    return source, " AND ".join(where), params, match


def _event_filter(f: EventFilters) -> tuple[str, list[Any]]:
    where: list[str] = ["1"]
    params: list[Any] = []
    for column, value in (("ev.type", f.type), ("ev.actor_name", f.actor), ("ev.recipient_name", f.recipient),
                          ("ev.record_id", f.record_id)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if f.party:
        where.append("(ev.actor_name = ? OR ev.recipient_name = ?)")
        params += [f.party, f.party]
    if f.country:
        where.append("(ev.actor_country = ? OR ev.recipient_country = ?)")
        params += [f.country, f.country]
    if f.date_from:
        where.append(f"{_EVENT_DAY} >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append(f"{_EVENT_DAY} <= ?")
        params.append(f.date_to)
    return " AND ".join(where), params


def _hit(row: sqlite3.Row) -> SearchHit:
    text, spans = split_snippet(row["snip"] or "")
    return SearchHit(row["id"], row["title"], row["site"], row["published"], row["language"], row["url"],
                     text, spans, -row["score"] if row["score"] is not None else None)


def like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class deadline:
    """Abort statements that run longer than ``seconds`` (SQLite progress handler): they raise
    ``sqlite3.OperationalError('interrupted')``, which the web layer turns into a 503."""

    def __init__(self, conn: sqlite3.Connection, seconds: float):
        self.conn, self.seconds = conn, seconds

    def __enter__(self) -> None:
        end = time.monotonic() + self.seconds
        self.conn.set_progress_handler(lambda: 1 if time.monotonic() > end else 0, 10_000)

    def __exit__(self, *exc: object) -> None:
        self.conn.set_progress_handler(None, 0)
