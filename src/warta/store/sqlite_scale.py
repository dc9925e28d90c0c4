"""SQLite store parts for scale: per-input ingest progress (resume) and near-duplicate clusters.

Mixed into ``SQLiteStore``; everything here runs inside the store's write transaction, so progress markers and
cluster rows commit together with the records they describe.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from warta import dedup
from warta.model import InputProgress, Record
from warta.store.query import MARK_CLOSE, MARK_OPEN

MIGRATION_INPUTS = """
    CREATE TABLE inputs (
        path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL,
        done INTEGER NOT NULL, finished INTEGER NOT NULL, updated_at TEXT NOT NULL
    );
"""

MIGRATION_DEDUP = """
    CREATE TABLE dedup (
        record_id TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
        cluster TEXT NOT NULL, text_hash TEXT NOT NULL, minhash BLOB NOT NULL
    );
    CREATE INDEX dedup_cluster ON dedup(cluster);
    CREATE INDEX dedup_text_hash ON dedup(text_hash);
    CREATE TABLE dedup_bands (
        band_key INTEGER NOT NULL, record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        PRIMARY KEY (band_key, record_id)
    ) WITHOUT ROWID;
    CREATE INDEX dedup_bands_record ON dedup_bands(record_id);
"""


class SQLiteScale:
    conn: sqlite3.Connection

    # --- resume ------------------------------------------------------------------------------------------

    def input_progress(self) -> dict[str, InputProgress]:
        rows = self.conn.execute("SELECT path, size, mtime, done, finished FROM inputs")
        return {r[0]: InputProgress(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows}

    def _upsert_progress(self, markers: Iterable[InputProgress]) -> None:
        latest = {m.path: m for m in markers}  # several per batch: the last one of each input wins
        self.conn.executemany(
            """INSERT INTO inputs VALUES (?,?,?,?,?,datetime('now'))
               ON CONFLICT(path) DO UPDATE SET size=excluded.size, mtime=excluded.mtime, done=excluded.done,
                   finished=excluded.finished, updated_at=excluded.updated_at""",
            [(m.path, m.size, m.mtime, m.done, int(m.finished)) for m in latest.values()])

    # --- duplicates --------------------------------------------------------------------------------------

    def _dedup_prepare(self, record: Record) -> dedup.Fingerprint | None:
        """Set ``record.cluster``; returns the fingerprint to save after the record row exists (None when the
        record is already indexed: same id, same text)."""
        row = self.conn.execute("SELECT cluster FROM dedup WHERE record_id = ?", (record.id,)).fetchone()
        if row:
            record.cluster = row[0]
            dedup.forget(record.id)
            return None
        fp = dedup.fingerprint_of(record.id, record.article.text)
        exact = self.conn.execute("SELECT cluster FROM dedup WHERE text_hash = ? LIMIT 1", (fp.text_hash,)).fetchone()
        record.cluster = dedup.choose_cluster(record.id, fp, exact[0] if exact else None,
                                              [] if exact else self._candidates(fp))
        return fp

    def _candidates(self, fp: dedup.Fingerprint) -> list[tuple[str, str, bytes]]:
        marks = ",".join("?" * len(fp.band_keys))
        sql = f"""SELECT d.record_id, d.cluster, d.minhash FROM dedup d
                  WHERE d.record_id IN (SELECT DISTINCT record_id FROM dedup_bands WHERE band_key IN ({marks}))
                  LIMIT 200"""  # noqa: S608 - only placeholders are formatted in
        return [(r[0], r[1], r[2]) for r in self.conn.execute(sql, fp.band_keys)]

    def _dedup_save(self, record: Record, fp: dedup.Fingerprint | None) -> None:
        if fp is None:
            return
        self.conn.execute("INSERT OR REPLACE INTO dedup VALUES (?,?,?,?)",
                          (record.id, record.cluster, fp.text_hash, fp.signature_bytes()))
        self.conn.executemany("INSERT OR IGNORE INTO dedup_bands VALUES (?,?)",
                              [(key, record.id) for key in fp.band_keys])

    def index_duplicates(self, batch: int = 500) -> int:
        """Cluster records stored before dedup existed (no fingerprint yet); returns how many were indexed."""
        done = 0
        while True:
            rows = self.conn.execute(
                """SELECT r.json FROM records r LEFT JOIN dedup d ON d.record_id = r.id
                   WHERE d.record_id IS NULL ORDER BY r.ingested_at, r.id LIMIT ?""", (batch,)).fetchall()
            if not rows:
                return done
            with self.transaction():
                for row in rows:
                    record = Record.from_json(_loads(row[0]))
                    fp = self._dedup_prepare(record)
                    self._dedup_save(record, fp)
                    self.conn.execute("UPDATE records SET json = json_set(json, '$.cluster', ?) WHERE id = ?",
                                      (record.cluster, record.id))
                    done += 1

    def clusters(self, min_size: int = 2, limit: int = 50, members: int = 10) -> list[dict[str, Any]]:
        """Largest clusters first: ``{"cluster", "size", "members": [{id, title, site, url, published}]}``."""
        groups = self.conn.execute(
            """SELECT cluster, count(*) AS size FROM dedup GROUP BY cluster HAVING count(*) >= ?
               ORDER BY size DESC, cluster LIMIT ?""", (min_size, limit)).fetchall()
        out = []
        for cluster, size in groups:
            rows = self.conn.execute(
                """SELECT r.id, r.title, r.site, r.url, r.published FROM dedup d JOIN records r ON r.id = d.record_id
                   WHERE d.cluster = ? ORDER BY r.id = ? DESC, r.published, r.id LIMIT ?""",
                (cluster, cluster, members)).fetchall()
            out.append({"cluster": cluster, "size": size, "members": [dict(r) for r in rows]})
        return out

    def cluster_members(self, cluster: str) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT record_id FROM dedup WHERE cluster = ? ORDER BY record_id",
                                                (cluster,))]

    def _search_collapsed(self, match: str, limit: int, offset: int) -> list[tuple[Any, ...]]:
        """Best hit of each cluster, with how many matching copies the cluster has, best clusters first."""
        rows = self.conn.execute(
            """WITH hits AS (
                   SELECT r.rowid AS rid, r.id, r.title, r.site, r.published, r.language, r.url,
                          bm25(records_fts, 5.0, 1.0) AS score, coalesce(d.cluster, r.id) AS grp
                   FROM records_fts JOIN records r ON r.rowid = records_fts.rowid
                   LEFT JOIN dedup d ON d.record_id = r.id
                   WHERE records_fts MATCH ?),
               ranked AS (
                   SELECT *, row_number() OVER (PARTITION BY grp ORDER BY score, id) AS n,
                          count(*) OVER (PARTITION BY grp) AS copies FROM hits)
               SELECT * FROM ranked WHERE n = 1 ORDER BY score, id LIMIT ? OFFSET ?""",
            (match, limit, offset)).fetchall()
        snippet_sql = f"""SELECT snippet(records_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 16) FROM records_fts
                          WHERE records_fts MATCH ? AND rowid = ?"""
        return [(r, self.conn.execute(snippet_sql, (match, r["rid"])).fetchone()[0]) for r in rows]


def _loads(text: str) -> dict[str, Any]:
    import json

    return json.loads(text)
