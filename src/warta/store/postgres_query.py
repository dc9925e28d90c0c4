"""PostgreSQL SQL for the read queries documented in ``store/query.py`` (the web UI and API), mixed into
``PostgresStore``: the same methods, arguments and result shapes as ``SQLiteQueries``.

All user input is a bound parameter; full-text input goes through ``query_parts`` and ``phraseto_tsquery``.
Every query runs under ``statement_timeout`` (``time_limit_s``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from warta.store.query import (
    EVENT_DAY,
    MARK_CLOSE,
    MARK_OPEN,
    EventFilters,
    FacetValue,
    Filters,
    ReaderPool,
    SearchPage,
    event_filter,
    search_hit,
)

_HEADLINE = (f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords=30, MinWords=12, MaxFragments=1, "
             "FragmentDelimiter=…")
_EVENT_DAY = EVENT_DAY
_EVENT_COLUMNS = f"""ev.record_id, ev.n, ev.type, ev.mode, ev.cameo, ev.location, ev.confidence,
    {_EVENT_DAY} AS date, ev.actor_name, ev.actor_entity, ev.actor_country, ev.actor_role, ev.recipient_name,
    ev.recipient_entity, ev.recipient_country, ev.recipient_role, ev.evidence_start, ev.evidence_end, ev.evidence,
    r.title AS record_title, r.site AS record_site"""


class PostgresQueries:
    conn: Any
    time_limit_s: float = 2.0

    def ensure_indexes(self) -> None:
        """The migrations create every index the queries need (kept for the same interface as SQLite)."""

    @contextmanager
    def _limited(self) -> Iterator[None]:
        with self.conn.transaction():
            self.conn.execute(f"SET LOCAL statement_timeout = {int(self.time_limit_s * 1000)}")
            yield

    # --- records ----------------------------------------------------------------------------------------

    def _record_where(self, query: str, f: Filters) -> tuple[str, list[Any], str | None, list[Any]]:
        """(WHERE over ``records r``, its params, tsquery SQL or None, tsquery params)."""
        from warta.store.postgres import query_parts

        conds, params = ["TRUE"], []
        for column, value in (("r.site", f.site), ("r.language", f.language)):
            if value:
                conds.append(f"{column} = %s")
                params.append(value)
        if f.date_from:
            conds.append("r.published >= %s")
            params.append(f.date_from)
        if f.date_to:
            conds.append("r.published < %s")
            params.append((date.fromisoformat(f.date_to) + timedelta(days=1)).isoformat())
        if f.entity:
            conds.append("r.id IN (SELECT record_id FROM entities WHERE name = %s)")
            params.append(f.entity)
        if f.event_type:
            conds.append("r.id IN (SELECT record_id FROM events WHERE type = %s)")
            params.append(f.event_type)
        if f.country:
            conds.append("r.id IN (SELECT record_id FROM entities WHERE country = %s UNION "
                         "SELECT record_id FROM events WHERE actor_country = %s OR recipient_country = %s)")
            params += [f.country] * 3
        parts = query_parts(query or "")
        if not parts:
            return " AND ".join(conds), params, None, []
        tsquery, ts_params = self._tsquery(parts)  # type: ignore[attr-defined]
        return " AND ".join(["r.fts @@ q.q", *conds]), params, tsquery, ts_params

    def search_records(self, query: str = "", filters: Filters | None = None, sort: str = "relevance",
                       page: int = 1, per_page: int = 20) -> SearchPage:

        where, params, tsquery, ts_params = self._record_where(query, filters or Filters())
        sort = sort if (tsquery or sort != "relevance") else "date"
        order = {"relevance": "score DESC, r.id", "date": "r.published DESC NULLS LAST, r.id",
                 "oldest": "r.published ASC NULLS LAST, r.id"}[sort]
        q = f"(SELECT {tsquery} AS q) q" if tsquery else "(SELECT NULL::tsquery AS q) q"
        score = "ts_rank_cd(r.fts, q.q)" if tsquery else "NULL::real"
        snippet = "ts_headline(r.ts_config, r.text, q.q, %s)" if tsquery else "substr(r.text, 1, 240)"
        sql = f"""WITH top AS (SELECT r.id, {score} AS score FROM records r, {q} WHERE {where}
                               ORDER BY {order} LIMIT %s OFFSET %s)
                  SELECT r.id, r.title, r.site, r.published, r.language, r.url, top.score, {snippet} AS snip
                  FROM top JOIN records r ON r.id = top.id, {q} ORDER BY {order.replace('score', 'top.score')}"""
        with self._limited():
            total = self.conn.execute(f"SELECT count(*) AS n FROM records r, {q} WHERE {where}",
                                      [*ts_params, *params]).fetchone()["n"]
            # parameters in the order they appear: top (query, filters, page), snippet options, outer query
            rows = self.conn.execute(sql, [*ts_params, *params, per_page, (page - 1) * per_page,
                                           *([_HEADLINE] if tsquery else []), *ts_params]).fetchall()
        hits = [search_hit(r, r["snip"], float(r["score"]) if r["score"] is not None else None) for r in rows]
        return SearchPage(total, page, per_page, sort, hits)

    def iter_search(self, query: str = "", filters: Filters | None = None, sort: str = "date",
                    limit: int = 100_000) -> Iterator[dict[str, Any]]:
        where, params, tsquery, ts_params = self._record_where(query, filters or Filters())
        q = f"(SELECT {tsquery} AS q) q" if tsquery else "(SELECT NULL::tsquery AS q) q"
        order = ("ts_rank_cd(r.fts, q.q) DESC, r.id" if (tsquery and sort == "relevance") else
                 "r.published ASC NULLS LAST, r.id" if sort == "oldest" else "r.published DESC NULLS LAST, r.id")
        with self.conn.transaction(), self.conn.cursor(name="warta_iter_search") as cur:
            cur.itersize = 500
            cur.execute(f"SELECT r.json FROM records r, {q} WHERE {where} ORDER BY {order} LIMIT %s",
                        [*ts_params, *params, limit])
            for row in cur:
                yield row["json"]

    def facets(self, query: str = "", filters: Filters | None = None, limit: int = 12) -> dict[str, Any]:
        """Counts per site, language, month, entity, event type and country over all matches (``counted``;
        ``complete`` is always true here, unlike SQLite's sample of the most recent matches)."""
        where, params, tsquery, ts_params = self._record_where(query, filters or Filters())
        q = f"(SELECT {tsquery} AS q) q" if tsquery else "(SELECT NULL::tsquery AS q) q"
        sql = f"""
            WITH m AS MATERIALIZED (SELECT r.id, r.site, r.language, substr(r.published, 1, 7) AS month
                                    FROM records r, {q} WHERE {where})
            SELECT 'counted' AS k, NULL AS v, count(*) AS n FROM m
            UNION ALL SELECT 'site', site, count(*) FROM m WHERE site IS NOT NULL GROUP BY site
            UNION ALL SELECT 'language', language, count(*) FROM m WHERE language IS NOT NULL GROUP BY language
            UNION ALL SELECT 'month', month, count(*) FROM m WHERE month IS NOT NULL GROUP BY month
            UNION ALL SELECT 'entity', e.name, count(*) FROM m JOIN entities e ON e.record_id = m.id GROUP BY e.name
            UNION ALL SELECT 'event_type', ev.type, count(DISTINCT ev.record_id) FROM m
                JOIN events ev ON ev.record_id = m.id GROUP BY ev.type
            UNION ALL SELECT 'country', c, count(DISTINCT id) FROM (
                SELECT m.id, e.country AS c FROM m JOIN entities e ON e.record_id = m.id
                UNION ALL SELECT m.id, ev.actor_country FROM m JOIN events ev ON ev.record_id = m.id
                UNION ALL SELECT m.id, ev.recipient_country FROM m JOIN events ev ON ev.record_id = m.id
            ) x WHERE c IS NOT NULL GROUP BY c"""
        out: dict[str, list[FacetValue]] = {k: [] for k in
                                            ("site", "language", "month", "entity", "event_type", "country")}
        counted = 0
        with self._limited():
            for row in self.conn.execute(sql, [*ts_params, *params]):
                if row["k"] == "counted":
                    counted = row["n"]
                else:
                    out[row["k"]].append(FacetValue(str(row["v"]), row["n"]))
        for name, values in out.items():
            values.sort(key=lambda v: (v.value,) if name == "month" else (-v.count, v.value))
            if name != "month":
                del values[limit:]
        return {**out, "counted": counted, "complete": True}

    def near_duplicates(self, record: dict[str, Any], limit: int = 20) -> list[dict[str, Any]]:
        cluster = record.get("cluster")
        if isinstance(cluster, dict):
            cluster = cluster.get("id")
        if not isinstance(cluster, str | int):
            return []
        rows = self.conn.execute(
            """SELECT r.id, r.title, r.site, r.published FROM dedup d JOIN records r ON r.id = d.record_id
               WHERE d.cluster = %s AND r.id != %s ORDER BY r.published, r.id LIMIT %s""",
            (str(cluster), record["id"], limit))
        return [dict(r) for r in rows]

    # --- entities, actors, quotes ---------------------------------------------------------------------

    def entities(self, name: str | None = None, type: str | None = None, country: str | None = None,
                 page: int = 1, per_page: int = 50) -> tuple[int, list[dict[str, Any]]]:
        conds, params = ["TRUE"], []
        if name:
            conds.append("e.name ILIKE %s")
            params.append("%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        for column, value in (("e.type", type), ("e.country", country)):
            if value:
                conds.append(f"{column} = %s")
                params.append(value)
        cond = " AND ".join(conds)
        sql = f"""SELECT e.name, max(e.type) AS type, max(e.country) AS country, max(e.role) AS role,
                         count(DISTINCT e.record_id) AS records, sum(e.mentions)::int AS mentions
                  FROM entities e WHERE {cond} GROUP BY e.name ORDER BY records DESC, mentions DESC, e.name
                  LIMIT %s OFFSET %s"""
        with self._limited():
            total = self.conn.execute(f"SELECT count(DISTINCT e.name) AS n FROM entities e WHERE {cond}",
                                      params).fetchone()["n"]
            rows = self.conn.execute(sql, [*params, per_page, (page - 1) * per_page]).fetchall()
        return total, [dict(r) for r in rows]

    def actor(self, name: str, limit: int = 50) -> dict[str, Any] | None:
        one = self.conn.execute
        kinds = [dict(r) for r in one(
            """SELECT type, country, role, count(DISTINCT record_id) AS records, sum(mentions)::int AS mentions
               FROM entities WHERE name = %s GROUP BY type, country, role ORDER BY records DESC""", (name,))]
        as_actor = one("SELECT count(*) AS n FROM events WHERE actor_name = %s", (name,)).fetchone()["n"]
        as_recipient = one("SELECT count(*) AS n FROM events WHERE recipient_name = %s", (name,)).fetchone()["n"]
        _, quotes = self.quotes(name, per_page=limit)
        if not (kinds or as_actor or as_recipient or quotes):
            return None
        days = one("""SELECT substr(r.published, 1, 10) AS day, count(DISTINCT r.id) AS n FROM entities e
                      JOIN records r ON r.id = e.record_id WHERE e.name = %s AND r.published IS NOT NULL
                      GROUP BY day ORDER BY day""", (name,)).fetchall()
        together = one("""SELECT e2.name, max(e2.type) AS type, count(DISTINCT e2.record_id) AS records
                          FROM entities e1 JOIN entities e2 ON e2.record_id = e1.record_id AND e2.name != e1.name
                          WHERE e1.name = %s GROUP BY e2.name ORDER BY records DESC, e2.name LIMIT %s""",
                       (name, limit)).fetchall()
        return {"name": name, "kinds": kinds, "records": sum(k["records"] for k in kinds),
                "mention_days": [(d["day"], d["n"]) for d in days], "quotes": quotes,
                "co_occurring": [dict(r) for r in together],
                "events_as_actor": as_actor, "events_as_recipient": as_recipient}

    def quotes(self, speaker: str | None = None, page: int = 1, per_page: int = 50
               ) -> tuple[int, list[dict[str, Any]]]:
        where, params = "TRUE", []
        if speaker:
            where = """(q.speaker_name = %s OR EXISTS (SELECT 1 FROM entities e WHERE e.record_id = q.record_id
                        AND e.entity_id = q.speaker_id AND e.name = %s))"""
            params = [speaker, speaker]
        base = f"FROM quotes q JOIN records r ON r.id = q.record_id WHERE {where}"
        sql = f"""SELECT q.record_id, q.n, q.kind, q.speaker_id, q.speaker_name, q.cue, q.text, q.start, q."end",
                         r.title AS record_title, r.published {base}
                  ORDER BY r.published DESC NULLS LAST, q.record_id, q.n LIMIT %s OFFSET %s"""
        with self._limited():
            total = self.conn.execute(f"SELECT count(*) AS n {base}", params).fetchone()["n"]
            rows = self.conn.execute(sql, [*params, per_page, (page - 1) * per_page]).fetchall()
        return total, [dict(r) for r in rows]

    # --- events ---------------------------------------------------------------------------------------

    def events(self, filters: EventFilters | None = None, page: int = 1, per_page: int = 50
               ) -> tuple[int, list[dict[str, Any]]]:
        where, params = _event_filter(filters or EventFilters())
        base = f"FROM events ev JOIN records r ON r.id = ev.record_id WHERE {where}"
        sql = (f"SELECT {_EVENT_COLUMNS} {base} ORDER BY {_EVENT_DAY} DESC NULLS LAST, ev.record_id, ev.n "
               "LIMIT %s OFFSET %s")
        with self._limited():
            total = self.conn.execute(f"SELECT count(*) AS n {base}", params).fetchone()["n"]
            rows = self.conn.execute(sql, [*params, per_page, (page - 1) * per_page]).fetchall()
        return total, [dict(r) for r in rows]

    def iter_events(self, filters: EventFilters | None = None, limit: int = 100_000) -> Iterator[dict[str, Any]]:
        where, params = _event_filter(filters or EventFilters())
        sql = (f"SELECT {_EVENT_COLUMNS} FROM events ev JOIN records r ON r.id = ev.record_id WHERE {where} "
               f"ORDER BY {_EVENT_DAY} DESC NULLS LAST, ev.record_id, ev.n LIMIT %s")
        with self.conn.transaction(), self.conn.cursor(name="warta_iter_events") as cur:
            cur.execute(sql, [*params, limit])
            for row in cur:
                yield dict(row)

    def event_days(self, filters: EventFilters | None = None) -> list[tuple[str, str, int]]:
        where, params = _event_filter(filters or EventFilters())
        sql = f"""SELECT {_EVENT_DAY} AS day, ev.type, count(*) AS n FROM events ev
                  JOIN records r ON r.id = ev.record_id
                  WHERE {where} AND {_EVENT_DAY} IS NOT NULL GROUP BY 1, 2 ORDER BY 1"""
        with self._limited():
            return [(r["day"], r["type"], r["n"]) for r in self.conn.execute(sql, params)]

    def event_pairs(self, filters: EventFilters | None = None) -> list[tuple[str, str, str, int]]:
        where, params = _event_filter(filters or EventFilters())
        sql = f"""SELECT ev.actor_name AS a, ev.recipient_name AS b, ev.type AS t, count(*) AS n FROM events ev
                  JOIN records r ON r.id = ev.record_id
                  WHERE {where} AND ev.actor_name IS NOT NULL AND ev.recipient_name IS NOT NULL
                  GROUP BY 1, 2, 3 ORDER BY 4 DESC LIMIT 5000"""
        with self._limited():
            return [(r["a"], r["b"], r["t"], r["n"]) for r in self.conn.execute(sql, params)]


def _event_filter(f: EventFilters) -> tuple[str, list[Any]]:
    return event_filter(f, "%s")


def open_reader(url: str, time_limit_s: float = 2.0):
    """A read-only PostgreSQL connection with the query methods, for one request or one download: every
    statement runs under ``time_limit_s`` and the session refuses writes."""
    from warta.store.postgres import PostgresStore

    store = PostgresStore(url, time_limit_s=time_limit_s)
    store.conn.execute(f"SET statement_timeout = {max(1, int(time_limit_s * 1000))}")
    store.conn.execute("SET default_transaction_read_only = on")
    return store


def reader_pool(url: str, time_limit_s: float = 2.0, keep: int = 8) -> ReaderPool:
    """The web app's read-only PostgreSQL sessions; a closed or broken one is replaced."""
    return ReaderPool(lambda: open_reader(url, time_limit_s),
                      lambda reader: not (reader.conn.closed or reader.conn.broken), keep)
