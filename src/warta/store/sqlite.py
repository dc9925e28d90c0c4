"""Embedded SQLite store: one file, WAL, FTS5 over title and text, idempotent upserts, a failures table.

Records are kept whole as their ``warta/1`` JSON, plus columns and child tables (entities, quotes, events)
for filtering. Schema changes are numbered migrations tracked in ``PRAGMA user_version``.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warta.model import Failure, InputProgress, Record
from warta.store.query import MARK_CLOSE, MARK_OPEN, SearchHit, search_hit
from warta.store.sqlite_query import SQLiteQueries
from warta.store.sqlite_scale import MIGRATION_DEDUP, MIGRATION_INPUTS, SQLiteScale

MIGRATIONS: list[str] = [
    # 1: records, full-text index, failures, annotation tables
    """
    CREATE TABLE records (
        id TEXT PRIMARY KEY,
        url TEXT, title TEXT, site TEXT, language TEXT, published TEXT, credit TEXT, dateline TEXT,
        source_kind TEXT, source_path TEXT, source_offset INTEGER,
        text TEXT NOT NULL, json TEXT NOT NULL, ingested_at TEXT NOT NULL
    );
    CREATE INDEX records_site ON records(site);
    CREATE INDEX records_published ON records(published);
    CREATE INDEX records_language ON records(language);
    CREATE VIRTUAL TABLE records_fts USING fts5(
        title, text, content='records', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER records_ai AFTER INSERT ON records BEGIN
        INSERT INTO records_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER records_ad AFTER DELETE ON records BEGIN
        INSERT INTO records_fts(records_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER records_au AFTER UPDATE ON records BEGIN
        INSERT INTO records_fts(records_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO records_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TABLE failures (
        source_key TEXT PRIMARY KEY, reason TEXT NOT NULL, detail TEXT, step TEXT,
        source_json TEXT NOT NULL, failed_at TEXT NOT NULL
    );
    CREATE INDEX failures_reason ON failures(reason);
    CREATE TABLE entities (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, role TEXT,
        mentions INTEGER NOT NULL, PRIMARY KEY (record_id, entity_id)
    );
    CREATE INDEX entities_name ON entities(name);
    CREATE TABLE quotes (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE, n INTEGER NOT NULL,
        kind TEXT, speaker_id TEXT, speaker_name TEXT, cue TEXT, text TEXT, start INTEGER, "end" INTEGER,
        PRIMARY KEY (record_id, n)
    );
    CREATE TABLE events (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE, n INTEGER NOT NULL,
        type TEXT NOT NULL, mode TEXT, cameo TEXT, date TEXT, location TEXT,
        actor_name TEXT, actor_entity TEXT, actor_country TEXT, actor_role TEXT,
        recipient_name TEXT, recipient_entity TEXT, recipient_country TEXT, recipient_role TEXT,
        evidence_start INTEGER, evidence_end INTEGER, evidence TEXT, confidence REAL,
        PRIMARY KEY (record_id, n)
    );
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_date ON events(date);
    """,
    # 2: lookups by actor, recipient, speaker and country (web UI and API)
    """
    CREATE INDEX IF NOT EXISTS events_actor ON events(actor_name);
    CREATE INDEX IF NOT EXISTS events_recipient ON events(recipient_name);
    CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_name);
    CREATE INDEX IF NOT EXISTS entities_country ON entities(country);
    """,
    MIGRATION_INPUTS,  # 3: per-input ingest progress, so an interrupted ingest resumes (sqlite_scale.py)
    MIGRATION_DEDUP,  # 4: near-duplicate clusters: fingerprints and LSH band keys (sqlite_scale.py)
]


def source_key(source: dict[str, Any]) -> str:
    """Where a page came from, as one string: a failure is replaced when the same source is retried."""
    where = source.get("url") or source.get("path") or ""
    offset = source.get("offset")
    return f"{where}#{offset}" if offset is not None else where


def fts_query(user_input: str) -> str:
    """Turn any user string into a safe FTS5 query: every word becomes a quoted term, all must match.

    ``"exact phrase"`` in the input stays a phrase; ``OR`` between words is kept as the operator. Nothing
    else of FTS5's syntax (columns, NEAR, ^, *, parentheses) can be reached from user input."""
    parts: list[str] = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', user_input):
        if word == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        terms = re.findall(r"\w+", phrase if phrase else word)
        if terms:
            parts.append('"' + " ".join(terms) + '"')
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts)


class SQLiteStore(SQLiteQueries, SQLiteScale):  # read queries for the web/API live in sqlite_query.py
    def __init__(self, path: str | Path, timeout_ms: int = 5000):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, timeout=timeout_ms / 1000, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            self.conn.executescript(f"BEGIN; {script}; PRAGMA user_version={number}; COMMIT;")

    # --- writing ----------------------------------------------------------------------------------------

    def write(self, items: Iterable[Record | Failure], batch: int = 200) -> tuple[int, int]:
        """Upsert records and failures in batched transactions; returns (records, failures) written."""
        counts = [0, 0]
        pending: list[Record | Failure] = []
        for item in items:
            pending.append(item)
            if len(pending) >= batch:
                self._write_batch(pending, counts)
                pending = []
        if pending:
            self._write_batch(pending, counts)
        return counts[0], counts[1]

    def _write_batch(self, items: list[Record | Failure], counts: list[int]) -> None:
        with self.transaction():
            for item in items:
                if isinstance(item, Record):
                    self._upsert_record(item)
                    counts[0] += 1
                elif isinstance(item, Failure):
                    self._upsert_failure(item)
                    counts[1] += 1
            # ingest progress commits with the items it covers (see warta.parallel)
            self._upsert_progress(item for item in items if isinstance(item, InputProgress))

    def transaction(self):
        return _Transaction(self.conn)

    def _upsert_record(self, record: Record) -> None:
        fingerprint = self._dedup_prepare(record)  # sets record.cluster before the JSON is made
        data = record.to_json()
        source = data.get("source") or {}
        now = _now()
        self.conn.execute(
            """INSERT INTO records (id, url, title, site, language, published, credit, dateline, source_kind,
                   source_path, source_offset, text, json, ingested_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
               ON CONFLICT(id) DO UPDATE SET url=excluded.url, title=excluded.title, site=excluded.site,
                   language=excluded.language, published=excluded.published, credit=excluded.credit,
                   dateline=excluded.dateline, source_kind=excluded.source_kind, source_path=excluded.source_path,
                   source_offset=excluded.source_offset, text=excluded.text, json=excluded.json""",
            (data["id"], data["url"], data["title"], data["site"], data["language"], data["published"],
             data["credit"], data["dateline"], source.get("kind"), source.get("path") or source.get("url"),
             source.get("offset"), data["text"], json.dumps(data, ensure_ascii=False), now),
        )
        self._dedup_save(record, fingerprint)
        self._replace_annotations(data)
        self.conn.execute("DELETE FROM failures WHERE source_key = ?", (source_key(source),))

    def _replace_annotations(self, data: dict[str, Any]) -> None:
        rid = data["id"]
        for table in ("entities", "quotes", "events"):
            self.conn.execute(f"DELETE FROM {table} WHERE record_id = ?", (rid,))  # noqa: S608 - fixed names
        self.conn.executemany(
            "INSERT INTO entities VALUES (?,?,?,?,?,?,?)",
            [(rid, e["id"], e["name"], e["type"], e.get("country"), e.get("role"), len(e.get("mentions") or []))
             for e in data["entities"]],
        )
        self.conn.executemany(
            "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?)",
            [(rid, n, q["kind"], q.get("speaker"), q.get("speaker_name"), q.get("cue"), q["text"], q["start"],
              q["end"]) for n, q in enumerate(data["quotes"])],
        )
        self.conn.executemany(
            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [_event_row(rid, n, e, data["text"]) for n, e in enumerate(data["events"])],
        )

    def _upsert_failure(self, failure: Failure) -> None:
        self.conn.execute(
            """INSERT INTO failures VALUES (?,?,?,?,?,?)
               ON CONFLICT(source_key) DO UPDATE SET reason=excluded.reason, detail=excluded.detail,
                   step=excluded.step, source_json=excluded.source_json, failed_at=excluded.failed_at""",
            (source_key(failure.source), failure.reason, failure.detail, failure.step,
             json.dumps(failure.source, ensure_ascii=False), _now()),
        )

    # --- reading ----------------------------------------------------------------------------------------

    def get(self, record_id: str) -> Record | None:
        row = self.conn.execute("SELECT json FROM records WHERE id = ?", (record_id,)).fetchone()
        return Record.from_json(json.loads(row["json"])) if row else None

    def find_ids(self, prefix: str, limit: int = 2) -> list[str]:
        """Ids starting with ``prefix`` (so a user can type the first few characters)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.conn.execute("SELECT id FROM records WHERE id LIKE ? ESCAPE '\\' LIMIT ?",
                                 (escaped + "%", limit))
        return [r["id"] for r in rows]

    def search(self, query: str, limit: int = 10, offset: int = 0, time_limit_s: float = 2.0,
               collapse: bool = False) -> list[SearchHit]:
        """Best matches first; ``collapse`` keeps one hit per near-duplicate cluster (with its ``copies``)."""
        match = fts_query(query)
        if not match:
            return []
        if collapse:
            with _deadline(self.conn, time_limit_s):
                rows = self._search_collapsed(match, limit, offset)
            return [search_hit(r, snip, -r["score"], r["copies"]) for r, snip in rows]
        sql = f"""SELECT r.id, r.title, r.site, r.published, r.language, r.url,
                        snippet(records_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 16) AS snip,
                        bm25(records_fts, 5.0, 1.0) AS score
                 FROM records_fts JOIN records r ON r.rowid = records_fts.rowid
                 WHERE records_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?"""
        with _deadline(self.conn, time_limit_s):
            rows = self.conn.execute(sql, (match, limit, offset)).fetchall()
        return [search_hit(r, r["snip"], -r["score"]) for r in rows]

    def iter_records(self) -> Iterator[dict[str, Any]]:
        for row in self.conn.execute("SELECT json FROM records ORDER BY published, id"):
            yield json.loads(row["json"])

    def failures(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM failures ORDER BY failed_at").fetchall()
        return [dict(r) for r in rows]

    def stats(self) -> dict[str, Any]:
        one = self.conn.execute
        return {
            "db": self.path,
            "records": one("SELECT count(*) FROM records").fetchone()[0],
            "failures": one("SELECT count(*) FROM failures").fetchone()[0],
            "failure_reasons": dict(one("SELECT reason, count(*) FROM failures GROUP BY reason ORDER BY 2 DESC")
                                    .fetchall()),
            "languages": dict(one("SELECT coalesce(language,'?'), count(*) FROM records GROUP BY 1 ORDER BY 2 DESC")
                              .fetchall()),
            "sites": dict(one("SELECT coalesce(site,'?'), count(*) FROM records GROUP BY 1 ORDER BY 2 DESC LIMIT 10")
                          .fetchall()),
            "published": list(one("SELECT min(published), max(published) FROM records").fetchone()),
            "entities": one("SELECT count(*) FROM entities").fetchone()[0],
            "quotes": one("SELECT count(*) FROM quotes").fetchone()[0],
            "events": one("SELECT count(*) FROM events").fetchone()[0],
        }


def _event_row(rid: str, n: int, e: dict[str, Any], text: str) -> tuple:
    actor, recipient, evidence = e["actor"], e.get("recipient") or {}, e["evidence"]
    return (rid, n, e["type"], e.get("mode"), e.get("cameo"), e.get("date"), e.get("location"),
            actor.get("name"), actor.get("entity"), actor.get("country"), actor.get("role"),
            recipient.get("name"), recipient.get("entity"), recipient.get("country"), recipient.get("role"),
            evidence["start"], evidence["end"], text[evidence["start"]:evidence["end"]], e.get("confidence"))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class _Transaction:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


class _deadline:
    """Abort a query that runs longer than ``seconds`` (SQLite progress handler)."""

    def __init__(self, conn: sqlite3.Connection, seconds: float):
        self.conn, self.seconds = conn, seconds

    def __enter__(self) -> None:
        end = time.monotonic() + self.seconds
        self.conn.set_progress_handler(lambda: 1 if time.monotonic() > end else 0, 10_000)

    def __exit__(self, *exc: object) -> None:
        self.conn.set_progress_handler(None, 0)
