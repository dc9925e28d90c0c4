"""PostgreSQL store for teams: the same methods as ``SQLiteStore``, opened with ``--db postgresql://...``.

- Records are kept whole as ``warta/1`` JSONB plus columns and child tables (entities, quotes, events), like
  the SQLite store; failures, ingest progress (``inputs``) and near-duplicate clusters (``dedup``) likewise.
- Full-text search: a weighted ``tsvector`` (title A, text B) built with the text-search configuration of the
  record's language (``english``, ``indonesian`` for id and ms, ``french`` ...; ``simple`` when the server has
  none for it), in a GIN index. A query is parsed like the SQLite one (words, ``"phrases"``, ``OR``; nothing
  else reaches the parser) and run in every configuration present, so each record is matched by its own
  language's stemming.
- Schema changes are numbered migrations recorded in ``warta_schema``, applied under an advisory lock so two
  processes opening a new database do not race.
- Each search runs under ``statement_timeout``.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator
from typing import Any

from warta import dedup
from warta.model import Failure, InputProgress, Record
from warta.store.postgres_query import PostgresQueries
from warta.store.query import MARK_CLOSE, MARK_OPEN, SearchHit, search_hit
from warta.store.sqlite import source_key

# ISO 639-1 → PostgreSQL text-search configuration (checked against pg_ts_config when the store opens)
TS_CONFIGS = {
    "en": "english", "id": "indonesian", "ms": "indonesian", "fr": "french", "de": "german", "es": "spanish",
    "pt": "portuguese", "it": "italian", "nl": "dutch", "ru": "russian", "sv": "swedish", "da": "danish",
    "fi": "finnish", "no": "norwegian", "nb": "norwegian", "tr": "turkish", "hu": "hungarian", "ro": "romanian",
    "ar": "arabic", "el": "greek", "ca": "catalan", "eu": "basque", "ga": "irish", "lt": "lithuanian",
    "hi": "hindi", "ne": "nepali", "ta": "tamil", "sr": "serbian", "hy": "armenian", "yi": "yiddish",
}
_HEADLINE = (f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords=24, MinWords=10, MaxFragments=1, "
             "FragmentDelimiter=…")
_LOCK = 74_726_174  # advisory lock id for migrations ("warta")

MIGRATIONS: list[str] = [
    # 1: records with full-text vector, failures, annotation tables
    """
    CREATE TABLE records (
        id TEXT PRIMARY KEY,
        url TEXT, title TEXT, site TEXT, language TEXT, published TEXT, credit TEXT, dateline TEXT,
        source_kind TEXT, source_path TEXT, source_offset BIGINT,
        text TEXT NOT NULL, json JSONB NOT NULL, ingested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        ts_config REGCONFIG NOT NULL DEFAULT 'simple', fts TSVECTOR NOT NULL
    );
    CREATE INDEX records_site ON records(site);
    CREATE INDEX records_published ON records(published);
    CREATE INDEX records_language ON records(language);
    CREATE INDEX records_fts ON records USING GIN (fts);
    CREATE INDEX records_ts_config ON records(ts_config);
    CREATE TABLE failures (
        source_key TEXT PRIMARY KEY, reason TEXT NOT NULL, detail TEXT, step TEXT,
        source_json JSONB NOT NULL, failed_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE INDEX failures_reason ON failures(reason);
    CREATE TABLE entities (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, role TEXT,
        mentions INTEGER NOT NULL, PRIMARY KEY (record_id, entity_id)
    );
    CREATE INDEX entities_name ON entities(name);
    CREATE INDEX entities_country ON entities(country);
    CREATE TABLE quotes (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE, n INTEGER NOT NULL,
        kind TEXT, speaker_id TEXT, speaker_name TEXT, cue TEXT, text TEXT, start INTEGER, "end" INTEGER,
        PRIMARY KEY (record_id, n)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_name);
    CREATE TABLE events (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE, n INTEGER NOT NULL,
        type TEXT NOT NULL, mode TEXT, cameo TEXT, date TEXT, location TEXT,
        actor_name TEXT, actor_entity TEXT, actor_country TEXT, actor_role TEXT,
        recipient_name TEXT, recipient_entity TEXT, recipient_country TEXT, recipient_role TEXT,
        evidence_start INTEGER, evidence_end INTEGER, evidence TEXT, confidence DOUBLE PRECISION,
        PRIMARY KEY (record_id, n)
    );
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_actor ON events(actor_name);
    CREATE INDEX events_recipient ON events(recipient_name);
    """,
    # 2: per-input ingest progress (resume after an interrupted ingest)
    """
    CREATE TABLE inputs (
        path TEXT PRIMARY KEY, size BIGINT NOT NULL, mtime DOUBLE PRECISION NOT NULL,
        done INTEGER NOT NULL, finished BOOLEAN NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    """,
    # 3: near-duplicate clusters: fingerprints and LSH band keys
    """
    CREATE TABLE dedup (
        record_id TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
        cluster TEXT NOT NULL, text_hash TEXT NOT NULL, minhash BYTEA NOT NULL
    );
    CREATE INDEX dedup_cluster ON dedup(cluster);
    CREATE INDEX dedup_text_hash ON dedup(text_hash);
    CREATE TABLE dedup_bands (
        band_key BIGINT NOT NULL, record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        PRIMARY KEY (band_key, record_id)
    );
    CREATE INDEX dedup_bands_record ON dedup_bands(record_id);
    """,
]


def is_postgres_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def query_parts(user_input: str) -> list[str]:
    """Words and ``"phrases"`` of a search, with ``OR`` kept between them (same rules as SQLite's fts_query)."""
    parts: list[str] = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', user_input):
        if word == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        terms = re.findall(r"\w+", phrase if phrase else word)
        if terms:
            parts.append(" ".join(terms))
    while parts and parts[-1] == "OR":
        parts.pop()
    return parts


class PostgresStore(PostgresQueries):  # read queries for the web UI and API: postgres_query.py
    def __init__(self, url: str, connect_timeout: int = 10, time_limit_s: float = 2.0):
        import psycopg
        from psycopg.rows import dict_row

        self.path = _redact(url)
        self.time_limit_s = time_limit_s
        self._configs_cache: list[str] = []
        self._configs_at = -1e9
        self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=connect_timeout)
        self._migrate()
        self.configs = {r["cfgname"] for r in self.conn.execute("SELECT cfgname FROM pg_ts_config")}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
            self.conn.execute("CREATE TABLE IF NOT EXISTS warta_schema (version INTEGER NOT NULL)")
            row = self.conn.execute("SELECT max(version) AS v FROM warta_schema").fetchone()
            version = row["v"] or 0
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                self.conn.execute(script)
                self.conn.execute("INSERT INTO warta_schema VALUES (%s)", (number,))

    def ts_config(self, language: str | None) -> str:
        name = TS_CONFIGS.get((language or "").lower(), "simple")
        return name if name in self.configs else "simple"

    # --- writing ----------------------------------------------------------------------------------------

    def write(self, items: Iterable[Record | Failure | InputProgress], batch: int = 200) -> tuple[int, int]:
        """Upsert records and failures in batched transactions; returns (records, failures) written."""
        counts = [0, 0]
        pending: list[Any] = []
        for item in items:
            pending.append(item)
            if len(pending) >= batch:
                self._write_batch(pending, counts)
                pending = []
        if pending:
            self._write_batch(pending, counts)
        return counts[0], counts[1]

    def _write_batch(self, items: list[Any], counts: list[int]) -> None:
        with self.conn.transaction():
            for item in items:
                if isinstance(item, Record):
                    self._upsert_record(item)
                    counts[0] += 1
                elif isinstance(item, Failure):
                    self._upsert_failure(item)
                    counts[1] += 1
            self._upsert_progress([item for item in items if isinstance(item, InputProgress)])

    def transaction(self):
        return self.conn.transaction()

    def _upsert_record(self, record: Record) -> None:
        fingerprint = self._dedup_prepare(record)
        data = record.to_json()
        if self.ts_config(data["language"]) not in self._configs_cache:
            self._configs_at = -1e9  # a language new to the store: search must include its configuration
        source = data.get("source") or {}
        self.conn.execute(
            """INSERT INTO records (id, url, title, site, language, published, credit, dateline, source_kind,
                   source_path, source_offset, text, json, ts_config, fts)
               VALUES (%(id)s, %(url)s, %(title)s, %(site)s, %(language)s, %(published)s, %(credit)s,
                   %(dateline)s, %(kind)s, %(path)s, %(offset)s, %(text)s, %(json)s, %(cfg)s::regconfig,
                   setweight(to_tsvector(%(cfg)s::regconfig, coalesce(%(title)s, '')), 'A')
                   || setweight(to_tsvector(%(cfg)s::regconfig, %(text)s), 'B'))
               ON CONFLICT (id) DO UPDATE SET url=excluded.url, title=excluded.title, site=excluded.site,
                   language=excluded.language, published=excluded.published, credit=excluded.credit,
                   dateline=excluded.dateline, source_kind=excluded.source_kind,
                   source_path=excluded.source_path, source_offset=excluded.source_offset, text=excluded.text,
                   json=excluded.json, ts_config=excluded.ts_config, fts=excluded.fts""",
            {"id": data["id"], "url": data["url"], "title": data["title"], "site": data["site"],
             "language": data["language"], "published": data["published"], "credit": data["credit"],
             "dateline": data["dateline"], "kind": source.get("kind"),
             "path": source.get("path") or source.get("url"), "offset": source.get("offset"),
             "text": data["text"], "json": json.dumps(data, ensure_ascii=False),
             "cfg": self.ts_config(data["language"])})
        self._dedup_save(record, fingerprint)
        self._replace_annotations(data)
        self.conn.execute("DELETE FROM failures WHERE source_key = %s", (source_key(source),))

    def _replace_annotations(self, data: dict[str, Any]) -> None:
        from warta.store.sqlite import _event_row

        rid = data["id"]
        for table in ("entities", "quotes", "events"):
            self.conn.execute(f"DELETE FROM {table} WHERE record_id = %s", (rid,))  # noqa: S608 - fixed names
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO entities VALUES (%s,%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING",
                [(rid, e["id"], e["name"], e["type"], e.get("country"), e.get("role"),
                  len(e.get("mentions") or [])) for e in data["entities"]])
            cur.executemany(
                "INSERT INTO quotes VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                [(rid, n, q["kind"], q.get("speaker"), q.get("speaker_name"), q.get("cue"), q["text"],
                  q["start"], q["end"]) for n, q in enumerate(data["quotes"])])
            cur.executemany(
                "INSERT INTO events VALUES (" + ",".join(["%s"] * 19) + ")",
                [_event_row(rid, n, e, data["text"]) for n, e in enumerate(data["events"])])

    def _upsert_failure(self, failure: Failure) -> None:
        self.conn.execute(
            """INSERT INTO failures (source_key, reason, detail, step, source_json) VALUES (%s,%s,%s,%s,%s)
               ON CONFLICT (source_key) DO UPDATE SET reason=excluded.reason, detail=excluded.detail,
                   step=excluded.step, source_json=excluded.source_json, failed_at=now()""",
            (source_key(failure.source), failure.reason, failure.detail, failure.step,
             json.dumps(failure.source, ensure_ascii=False)))

    def _upsert_progress(self, markers: list[InputProgress]) -> None:
        latest = {m.path: m for m in markers}
        with self.conn.cursor() as cur:
            cur.executemany(
                """INSERT INTO inputs (path, size, mtime, done, finished) VALUES (%s,%s,%s,%s,%s)
                   ON CONFLICT (path) DO UPDATE SET size=excluded.size, mtime=excluded.mtime, done=excluded.done,
                       finished=excluded.finished, updated_at=now()""",
                [(m.path, m.size, m.mtime, m.done, m.finished) for m in latest.values()])

    def input_progress(self) -> dict[str, InputProgress]:
        rows = self.conn.execute("SELECT path, size, mtime, done, finished FROM inputs")
        return {r["path"]: InputProgress(r["path"], r["size"], r["mtime"], r["done"], r["finished"]) for r in rows}

    # --- duplicates --------------------------------------------------------------------------------------

    def _dedup_prepare(self, record: Record) -> dedup.Fingerprint | None:
        row = self.conn.execute("SELECT cluster FROM dedup WHERE record_id = %s", (record.id,)).fetchone()
        if row:
            record.cluster = row["cluster"]
            dedup.forget(record.id)
            return None
        fp = dedup.fingerprint_of(record.id, record.article.text)
        exact = self.conn.execute("SELECT cluster FROM dedup WHERE text_hash = %s LIMIT 1", (fp.text_hash,)).fetchone()
        candidates = [] if exact else [
            (r["record_id"], r["cluster"], bytes(r["minhash"])) for r in self.conn.execute(
                """SELECT record_id, cluster, minhash FROM dedup WHERE record_id IN (
                       SELECT DISTINCT record_id FROM dedup_bands WHERE band_key = ANY(%s)) LIMIT 200""",
                (fp.band_keys,))]
        record.cluster = dedup.choose_cluster(record.id, fp, exact["cluster"] if exact else None, candidates)
        return fp

    def _dedup_save(self, record: Record, fp: dedup.Fingerprint | None) -> None:
        if fp is None:
            return
        self.conn.execute(
            """INSERT INTO dedup VALUES (%s,%s,%s,%s) ON CONFLICT (record_id) DO UPDATE SET cluster=excluded.cluster,
                   text_hash=excluded.text_hash, minhash=excluded.minhash""",
            (record.id, record.cluster, fp.text_hash, fp.signature_bytes()))
        with self.conn.cursor() as cur:
            cur.executemany("INSERT INTO dedup_bands VALUES (%s,%s) ON CONFLICT DO NOTHING",
                            [(key, record.id) for key in fp.band_keys])

    def index_duplicates(self, batch: int = 500) -> int:
        """Cluster records stored before dedup existed (no fingerprint yet); returns how many were indexed."""
        done = 0
        while True:
            rows = self.conn.execute(
                """SELECT r.json FROM records r LEFT JOIN dedup d ON d.record_id = r.id
                   WHERE d.record_id IS NULL ORDER BY r.ingested_at, r.id LIMIT %s""", (batch,)).fetchall()
            if not rows:
                return done
            with self.conn.transaction():
                for row in rows:
                    record = Record.from_json(row["json"])
                    self._dedup_save(record, self._dedup_prepare(record))
                    self.conn.execute("UPDATE records SET json = jsonb_set(json, '{cluster}', to_jsonb(%s::text)) "
                                      "WHERE id = %s", (record.cluster, record.id))
                    done += 1

    def clusters(self, min_size: int = 2, limit: int = 50, members: int = 10) -> list[dict[str, Any]]:
        groups = self.conn.execute(
            """SELECT cluster, count(*) AS size FROM dedup GROUP BY cluster HAVING count(*) >= %s
               ORDER BY size DESC, cluster LIMIT %s""", (min_size, limit)).fetchall()
        out = []
        for group in groups:
            rows = self.conn.execute(
                """SELECT r.id, r.title, r.site, r.url, r.published FROM dedup d JOIN records r ON r.id = d.record_id
                   WHERE d.cluster = %s ORDER BY r.id = %s DESC, r.published, r.id LIMIT %s""",
                (group["cluster"], group["cluster"], members)).fetchall()
            out.append({"cluster": group["cluster"], "size": group["size"], "members": [dict(r) for r in rows]})
        return out

    def cluster_members(self, cluster: str) -> list[str]:
        rows = self.conn.execute("SELECT record_id FROM dedup WHERE cluster = %s ORDER BY record_id", (cluster,))
        return [r["record_id"] for r in rows]

    # --- reading ----------------------------------------------------------------------------------------

    def get(self, record_id: str) -> Record | None:
        row = self.conn.execute("SELECT json FROM records WHERE id = %s", (record_id,)).fetchone()
        return Record.from_json(row["json"]) if row else None

    def record_json(self, record_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT json FROM records WHERE id = %s", (record_id,)).fetchone()
        return row["json"] if row else None

    def find_ids(self, prefix: str, limit: int = 2) -> list[str]:
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.conn.execute("SELECT id FROM records WHERE id LIKE %s ORDER BY id LIMIT %s",
                                 (escaped + "%", limit))
        return [r["id"] for r in rows]

    def _tsquery(self, parts: list[str]) -> tuple[str, list[Any]]:
        """SQL for the query in every configuration in use, OR-ed: each record matches in its own language."""
        per_config, params = [], []
        for config in self._configs_in_use():
            pieces = []
            for part in parts:
                if part == "OR":
                    pieces.append("||")
                    continue
                if pieces and pieces[-1] != "||":
                    pieces.append("&&")
                pieces.append("phraseto_tsquery(%s::regconfig, %s)")
                params += [config, part]
            per_config.append("(" + " ".join(pieces) + ")")
        return "(" + " || ".join(per_config) + ")", params

    def _configs_in_use(self) -> list[str]:
        """Text-search configurations of the stored records; cached for a minute (finding them scans an index)."""
        now = time.monotonic()
        if now - self._configs_at > 60:
            rows = self.conn.execute("SELECT DISTINCT ts_config::text AS c FROM records")
            self._configs_cache, self._configs_at = sorted(r["c"] for r in rows) or ["simple"], now
        return self._configs_cache

    def search(self, query: str, limit: int = 10, offset: int = 0, time_limit_s: float = 2.0,
               collapse: bool = False) -> list[SearchHit]:
        """Best matches first (ts_rank_cd, title weighted over text); ``collapse`` keeps one hit per
        near-duplicate cluster with its number of ``copies``."""
        parts = query_parts(query)
        if not parts:
            return []
        tsquery, params = self._tsquery(parts)
        group = "coalesce(d.cluster, r.id)" if collapse else "r.id"
        sql = f"""
            WITH q AS (SELECT {tsquery} AS q),
            hits AS (SELECT r.id, ts_rank_cd(r.fts, q.q) AS score, {group} AS grp
                     FROM records r CROSS JOIN q LEFT JOIN dedup d ON d.record_id = r.id
                     WHERE r.fts @@ q.q),
            ranked AS (SELECT *, row_number() OVER (PARTITION BY grp ORDER BY score DESC, id) AS n,
                              count(*) OVER (PARTITION BY grp) AS copies FROM hits),
            top AS (SELECT * FROM ranked WHERE n = 1 ORDER BY score DESC, id LIMIT %s OFFSET %s)
            SELECT r.id, r.title, r.site, r.published, r.language, r.url, top.score, top.copies,
                   ts_headline(r.ts_config, r.text, q.q, %s) AS snip
            FROM top JOIN records r ON r.id = top.id CROSS JOIN q ORDER BY top.score DESC, r.id"""  # noqa: S608
        with self.conn.transaction():
            self.conn.execute(f"SET LOCAL statement_timeout = {int(time_limit_s * 1000)}")
            rows = self.conn.execute(sql, [*params, limit, offset, _HEADLINE]).fetchall()
        return [search_hit(r, r["snip"], float(r["score"]), r["copies"]) for r in rows]

    def iter_records(self) -> Iterator[dict[str, Any]]:
        # a server-side cursor streams the rows: an export of millions of records stays flat in memory
        with self.conn.transaction(), self.conn.cursor(name="warta_iter_records") as cur:
            cur.itersize = 500
            cur.execute("SELECT json FROM records ORDER BY published, id")
            for row in cur:
                yield row["json"]

    def failures(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT source_key, reason, detail, step, source_json::text AS source_json, failed_at::text AS failed_at "
            "FROM failures ORDER BY failed_at").fetchall()
        return [dict(r) for r in rows]

    def stats(self) -> dict[str, Any]:
        def one(sql: str) -> Any:
            return next(iter(self.conn.execute(sql).fetchone().values()))

        def pairs(sql: str) -> dict[str, int]:
            return {r["k"]: r["n"] for r in self.conn.execute(sql)}

        span = self.conn.execute("SELECT min(published) AS a, max(published) AS b FROM records").fetchone()
        return {
            "db": self.path,
            "records": one("SELECT count(*) FROM records"),
            "failures": one("SELECT count(*) FROM failures"),
            "failure_reasons": pairs("SELECT reason AS k, count(*) AS n FROM failures GROUP BY 1 ORDER BY 2 DESC"),
            "languages": pairs("SELECT coalesce(language,'?') AS k, count(*) AS n FROM records GROUP BY 1 "
                               "ORDER BY 2 DESC"),
            "sites": pairs("SELECT coalesce(site,'?') AS k, count(*) AS n FROM records GROUP BY 1 ORDER BY 2 DESC "
                           "LIMIT 10"),
            "published": [span["a"], span["b"]],
            "entities": one("SELECT count(*) FROM entities"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "events": one("SELECT count(*) FROM events"),
        }


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
