"""The PostgreSQL store against a real server: same behaviour as the SQLite store, per-language full-text
search, duplicate clusters, and every CLI command with ``--db postgresql://...``.

Set ``WARTA_TEST_PG`` to a database URL (``.ci/run`` starts a server and sets it); without it, or when the
server cannot be reached, these tests are skipped. Each test works in its own schema, dropped afterwards."""

import json

import pytest
from conftest import EXAMPLES, assert_valid_record, postgres_schema
from typer.testing import CliRunner

from warta.cli import app
from warta.model import Article, Entity, Event, Failure, InputProgress, Party, Quote, Record, Span

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'warta[postgres]')")


@pytest.fixture
def pg_url():
    with postgres_schema() as url:
        yield url


def record(rid, paragraphs, language="en", title="Floods", **extra) -> Record:
    return Record(id=rid, article=Article(paragraphs=paragraphs, title=title, language=language, site="ex.com"),
                  source={"kind": "text", "path": f"/in/{rid}.txt"}, **extra)


def test_round_trip_annotations_failures_progress(pg_url):
    from warta.store.postgres import PostgresStore

    text = "The minister said the floods were severe. Jakarta asked Singapore for help."
    rec = record("r1", [text], entities=[Entity("e1", "Jakarta", "LOC", [Span(42, 49, "Jakarta")], country="IDN")],
                 quotes=[Quote("the floods were severe", "indirect", 17, 41, speaker_name="minister")],
                 events=[Event("AID", Party("Jakarta", country="IDN"), Span(42, 74), recipient=Party("Singapore"))])
    failure = Failure({"kind": "jsonl", "path": "/in/x.jsonl", "offset": 3}, "invalid_jsonl_row", "bad")
    progress = InputProgress("/in/x.jsonl", 10, 1.5, 4, False)
    with PostgresStore(pg_url) as store:
        assert store.write([rec, failure, progress, InputProgress("/in/x.jsonl", 10, 1.5, 5, True)]) == (1, 1)
        got = store.get("r1")
        assert got.to_json() == dict(rec.to_json(), cluster="r1")
        assert_valid_record(store.record_json("r1"))
        assert store.find_ids("r") == ["r1"]
        assert store.input_progress()["/in/x.jsonl"] == InputProgress("/in/x.jsonl", 10, 1.5, 5, True)
        stats = store.stats()
        assert (stats["records"], stats["failures"], stats["entities"], stats["quotes"], stats["events"]) == (
            1, 1, 1, 1, 1)
        assert stats["failure_reasons"] == {"invalid_jsonl_row": 1}
        assert [f["reason"] for f in store.failures()] == ["invalid_jsonl_row"]
        store.write([rec])  # idempotent upsert
        assert [r["id"] for r in store.iter_records()] == ["r1"]
    with PostgresStore(pg_url) as again:  # migrations are not re-applied
        assert again.stats()["records"] == 1


def test_search_uses_each_records_language(pg_url):
    from warta.store.postgres import PostgresStore

    with PostgresStore(pg_url) as store:
        store.write([
            record("en1", ["Heavy flooding hit the northern districts on Monday."], "en", "Flooding"),
            record("id1", ["Banjir besar melanda permukiman warga di Jakarta Utara."], "id", "Banjir Jakarta"),
            record("ms1", ["Hujan lebat menyebabkan banjir kilat di Kuala Lumpur."], "ms", "Banjir kilat"),
        ])
        assert [h.id for h in store.search("floods")] == ["en1"]  # english stemming: floods ~ flooding
        assert {h.id for h in store.search("banjir")} == {"id1", "ms1"}
        assert [h.id for h in store.search('"banjir besar"')] == ["id1"]
        assert {h.id for h in store.search("flooding OR kilat")} == {"en1", "ms1"}
        assert store.search("banjir jakarta")[0].title == "Banjir Jakarta"
        [hit] = store.search("melanda")
        assert [hit.snippet[a:b] for a, b in hit.matches] == ["melanda"] and "\x02" not in hit.snippet
        for hostile in ("x' OR 1=1 --", "a & | ! ( ) : * <->", "\\", "'", '"'):
            assert store.search(hostile) == [] or all(h.id for h in store.search(hostile))


def test_duplicate_clusters_and_collapsed_search(pg_url):
    from warta.store.postgres import PostgresStore

    body = ["Heavy flooding hit the northern districts on Monday, forcing thousands of residents to leave "
            "their homes as rivers burst their banks after three days of rain.",
            "Rescue teams used rubber boats to reach families trapped on rooftops, officials said."]
    with PostgresStore(pg_url) as store:
        store.write([record("a", body), record("b", [p.upper() for p in body]),
                     record("c", body + ["This story was first published by our partner."]),
                     record("z", ["A completely different story about the national football league final."], title="Cup")])
        assert [r.cluster for r in map(store.get, "abcz")] == ["a", "a", "a", "z"]
        (cluster,) = store.clusters()
        assert cluster["size"] == 3 and cluster["members"][0]["id"] == "a"
        assert len(store.search("flooding")) == 3
        (hit,) = store.search("flooding", collapse=True)
        assert hit.copies == 3


def test_cli_commands_with_a_postgres_url(pg_url, tmp_path):
    runner = CliRunner()

    def run(*args):
        result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result

    sqlite_db = tmp_path / "same.db"
    run("ingest", EXAMPLES, "--db", sqlite_db, "-q")
    run("ingest", EXAMPLES, "--db", pg_url)
    again = run("ingest", EXAMPLES, "--db", pg_url)
    assert "skipped" in again.stderr  # every input already stored
    stats = json.loads(run("stats", "--db", pg_url, "--json").stdout)
    expected = json.loads(run("stats", "--db", sqlite_db, "--json").stdout)
    for key in ("records", "failures", "failure_reasons", "languages", "entities", "quotes", "events"):
        assert stats[key] == expected[key], key
    assert stats["records"] + stats["failures"] == 9  # every example page ends as a record or a failure
    exported = [json.loads(line) for line in run("export", "--db", pg_url).stdout.splitlines()]
    assert sorted(r["id"] for r in exported) == sorted(
        json.loads(line)["id"] for line in run("export", "--db", sqlite_db).stdout.splitlines())
    run("dupes", "--db", pg_url)
    if exported:
        word = exported[0]["title"].split()[0]
        hits = [json.loads(line) for line in run("search", word, "--db", pg_url, "--json").stdout.splitlines()]
        assert exported[0]["id"] in {h["id"] for h in hits}
        shown = json.loads(run("show", exported[0]["id"][:10], "--db", pg_url, "--json").stdout)
        assert_valid_record(shown)
        run("search", word, "--db", pg_url, "--collapse")


def test_web_queries_match_the_sqlite_store(pg_url, tmp_path):
    """Every read query of store/query.py gives the same answer on PostgreSQL as on SQLite (snippets and
    relevance scores aside: the engines rank differently)."""
    from webdata import sample_records

    from warta.store.postgres import PostgresStore
    from warta.store.query import EventFilters, Filters
    from warta.store.sqlite import SQLiteStore

    records = sample_records()
    with SQLiteStore(tmp_path / "s.db") as lite, PostgresStore(pg_url) as pg:
        lite.write(records)
        pg.write(records)
        rid = records[0].id
        assert pg.record_json(rid) == lite.record_json(rid)
        for sort in ("date", "oldest"):
            for query, filters in (("", Filters()), ("", Filters(language="id")),
                                   ("", Filters(entity="Jakarta")), ("", Filters(country="IDN"))):
                a, b = lite.search_records(query, filters, sort), pg.search_records(query, filters, sort)
                assert (a.total, [h.id for h in a.hits]) == (b.total, [h.id for h in b.hits]), (query, filters)
        for word in ("Jakarta", "presiden"):
            a, b = lite.search_records(word), pg.search_records(word)
            assert a.total <= b.total and {h.id for h in a.hits} <= {h.id for h in b.hits}  # pg also stems
            assert all(h.snippet and h.matches for h in b.hits)
        assert [r["id"] for r in pg.iter_search("", Filters(), "date")] == [
            r["id"] for r in lite.iter_search("", Filters(), "date")]
        pg_facets, lite_facets = pg.facets(), lite.facets()
        assert pg_facets == {k: v for k, v in lite_facets.items() if k in pg_facets}
        assert pg.entities() == lite.entities()
        assert pg.entities(name="jak") == lite.entities(name="jak")
        names = [e["name"] for e in lite.entities()[1]]
        for name in names[:4]:
            assert pg.actor(name) == lite.actor(name), name
        assert pg.actor("Nobody Here") is None
        assert pg.quotes() == lite.quotes()
        for filters in (EventFilters(), EventFilters(country="IDN"), EventFilters(date_from="2024-01-01")):
            assert pg.events(filters) == lite.events(filters)
            assert list(pg.iter_events(filters)) == list(lite.iter_events(filters))
            assert pg.event_days(filters) == lite.event_days(filters)
            assert sorted(pg.event_pairs(filters)) == sorted(lite.event_pairs(filters))
        data = lite.record_json(rid)
        assert pg.near_duplicates(data) == lite.near_duplicates(data)
