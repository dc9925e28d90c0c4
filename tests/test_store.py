"""The SQLite store: migrations, FTS query escaping, idempotent upserts, failures, time limits."""

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.model import Article, Failure, Record
from warta.store.sqlite import SQLiteStore, fts_query


def make_record(rid="r1", text="Presiden mengunjungi Surabaya untuk meninjau banjir."):
    return Record(id=rid, article=Article(paragraphs=[text], title="Kunjungan Presiden", language="id"),
                  source={"kind": "text", "path": f"{rid}.txt"})


def test_fts_query_quotes_every_term():
    assert fts_query('banjir "Jakarta Timur" OR Bekasi') == '"banjir" "Jakarta Timur" OR "Bekasi"'
    # FTS5 syntax in user input is only ever read as words: "title:x" is the phrase "title x"
    assert fts_query('title:x NEAR(a b) ^c d*') == '"title x" "NEAR a" "b" "c" "d"'
    assert fts_query("OR") == ""
    assert fts_query('"') == ""


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_is_a_valid_fts_query(text):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    conn.execute("INSERT INTO t VALUES ('banjir di jakarta')")
    query = fts_query(text)
    if query:
        conn.execute("SELECT * FROM t WHERE t MATCH ?", (query,)).fetchall()


def test_upsert_replaces_and_fts_follows(tmp_path):
    with SQLiteStore(tmp_path / "s.db") as store:
        store.write([make_record()])
        store.write([make_record(text="Menteri meresmikan pelabuhan baru di Makassar.")])
        assert store.stats()["records"] == 1
        assert store.search("Surabaya") == []
        assert [h.id for h in store.search("Makassar")] == ["r1"]


def test_failure_is_cleared_when_the_source_later_succeeds(tmp_path):
    with SQLiteStore(tmp_path / "s.db") as store:
        store.write([Failure({"kind": "text", "path": "r1.txt"}, "timeout", "slow")])
        assert store.stats()["failures"] == 1
        store.write([make_record()])
        assert store.stats()["failures"] == 0


def test_reopening_keeps_schema_version(tmp_path):
    path = tmp_path / "s.db"
    SQLiteStore(path).close()
    with SQLiteStore(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] >= 1
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
