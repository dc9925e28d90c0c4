"""The JSON API and pages in-process (TestClient): every endpoint, filters, downloads, auth, safety headers."""

import csv
import io
import json
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi")
from conftest import postgres_schema  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from webdata import HOSTILE_PAGE, fill_store  # noqa: E402

from warta.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def sqlite_db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("web") / "web.db")
    fill_store(path)
    return path


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def db(request, sqlite_db):
    """Every API test runs on both stores (PostgreSQL when ``WARTA_TEST_PG`` points at a server)."""
    if request.param == "sqlite":
        yield sqlite_db
        return
    with postgres_schema() as url:
        fill_store(url)
        yield url


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db))


@pytest.fixture(scope="module")
def writer(db) -> TestClient:
    return TestClient(create_app(db, token="s3cret"))


def test_search_ranks_and_snippets(client):
    body = client.get("/api/search", params={"q": "Anwar Ibrahim"}).json()
    assert body["total"] == 2
    hit = body["hits"][0]
    assert hit["id"] in ("rec-jokowi-anwar", "rec-anwar-kl")
    start, end = hit["matches"][0]
    assert hit["snippet"][start:end] in ("Anwar", "Ibrahim")
    assert "\x02" not in hit["snippet"]


@pytest.mark.parametrize("params, ids", [
    ({"site": "reuters.com"}, {"rec-putin-ukraine", "rec-putin-threat"}),
    ({"language": "id", "q": "perbatasan"}, {"rec-jokowi-anwar", "rec-prabowo-tni"}),
    ({"date_from": "2024-05-01", "date_to": "2024-06-02"}, {"rec-putin-ukraine", "rec-putin-threat"}),
    ({"entity": "Joko Widodo"}, {"rec-jokowi-anwar", "rec-anwar-kl"}),
    ({"event_type": "MOBILIZE"}, {"rec-prabowo-tni"}),
    ({"country": "UKR"}, {"rec-putin-ukraine", "rec-putin-threat"}),
])
def test_search_filters(client, params, ids):
    body = client.get("/api/search", params={**params, "per_page": 100}).json()
    assert {h["id"] for h in body["hits"]} == ids


def test_search_sort_and_paging(client):
    newest = client.get("/api/search", params={"sort": "date", "per_page": 2}).json()
    assert newest["total"] >= 7 and len(newest["hits"]) == 2
    dates = [h["published"] for h in newest["hits"]]
    assert dates == sorted(dates, reverse=True)
    page2 = client.get("/api/search", params={"sort": "date", "per_page": 2, "page": 2}).json()
    assert not {h["id"] for h in page2["hits"]} & {h["id"] for h in newest["hits"]}


@pytest.mark.parametrize("q", ['"', "title:x", "NEAR(a b)", "a OR OR", "*", "^", "'; DROP TABLE records; --",
                               "AND", "\x00", "(((", "😀 banjir"])
def test_search_input_never_breaks_the_query(client, q):
    assert client.get("/api/search", params={"q": q}).status_code == 200
    assert client.get("/", params={"q": q}).status_code == 200


def test_bad_parameters_are_422(client):
    assert client.get("/api/search", params={"date_from": "yesterday"}).status_code == 422
    assert client.get("/api/search", params={"page": 0}).status_code == 422
    assert client.get("/api/search", params={"sort": "random"}).status_code == 422
    assert client.get("/api/search", params={"date_to": "0"}).status_code == 422
    assert client.get("/", params={"date_from": "", "date_to": "junk"}).status_code == 200  # form: ignored


def test_facets_count_the_result_set(client):
    body = client.get("/api/facets", params={"q": "border"}).json()
    assert {f["value"]: f["count"] for f in body["site"]} == {"reuters.com": 1, "bernama.com": 1}
    assert {"value": "ACCUSE", "count": 1} in body["event_type"]
    assert body["month"] == sorted(body["month"], key=lambda f: f["value"])


def test_record_is_the_stored_warta1_json(client):
    from conftest import assert_valid_record

    data = client.get("/api/records/rec-jokowi-anwar").json()
    assert_valid_record(data)
    assert data["entities"][0]["name"] == "Joko Widodo"
    assert client.get("/api/records/nope").status_code == 404


def test_entities_actor_quotes(client):
    names = [e["name"] for e in client.get("/api/entities").json()["entities"]]
    assert {"Joko Widodo", "Anwar Ibrahim", "Vladimir Putin"} <= set(names)
    assert client.get("/api/entities", params={"name": "widodo"}).json()["total"] == 1
    actor = client.get("/api/actors/Anwar Ibrahim").json()
    assert actor["records"] == 2 and actor["events_as_actor"] == 2 and actor["events_as_recipient"] == 1
    assert [q["text"] for q in actor["quotes"]] == ["We stand with our neighbours,"]
    assert "Joko Widodo" in [e["name"] for e in actor["co_occurring"]]
    assert client.get("/api/actors/Nobody").status_code == 404
    quotes = client.get("/api/quotes", params={"speaker": "Joko Widodo"}).json()
    assert quotes["total"] == 1


def test_events_timeline_network(client):
    events = client.get("/api/events", params={"party": "Vladimir Putin"}).json()
    assert events["total"] == 4
    assert {e["tone"] for e in events["events"]} == {"conflictual"}
    assert client.get("/api/events", params={"type": "AGREE"}).json()["events"][0]["tone"] == "cooperative"
    everything = client.get("/api/events").json()["events"]
    confident = client.get("/api/events", params={"min_confidence": 0.99}).json()["events"]
    assert len(confident) == sum((e["confidence"] or 0) >= 0.99 for e in everything) < len(everything)
    assert client.get("/api/events", params={"min_confidence": 2}).status_code == 422
    timeline = client.get("/api/events/timeline").json()
    assert timeline["granularity"] == "month"
    assert sum(p["conflictual"] for p in timeline["periods"]) >= 5
    net = client.get("/api/network").json()
    edge = next(e for e in net["edges"] if e["source"] == "Vladimir Putin")
    assert edge["target"] == "Volodymyr Zelensky" and edge["count"] == 3 and edge["tone"] == "conflictual"
    coop = next(e for e in net["edges"] if e["source"] == "Anwar Ibrahim")
    assert coop["tone"] == "cooperative"


def test_stats_hide_the_server_path(client):
    body = client.get("/api/stats").json()
    assert body["records"] >= 8 and "db" not in body


def test_downloads_csv_and_jsonl(client):
    r = client.get("/api/export/records", params={"format": "csv", "site": "kompas.com"})
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["id"] for row in rows} == {"rec-jokowi-anwar", "rec-bi-banjir"}
    r = client.get("/api/export/records", params={"format": "jsonl", "q": "Putin"})
    assert {json.loads(line)["id"] for line in r.text.splitlines()} == {"rec-putin-ukraine", "rec-putin-threat"}
    events = client.get("/api/export/events", params={"format": "csv", "type": "ASSAULT"}).text
    assert "had attacked Kharkiv overnight" in events
    assert "Joko Widodo" in client.get("/api/export/entities", params={"format": "csv"}).text
    assert "neighbours" in client.get("/api/export/quotes", params={"format": "jsonl"}).text


def test_csv_cells_cannot_become_formulas():
    from warta.web.api import csv_cell

    assert csv_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert csv_cell("banjir") == "banjir" and csv_cell(3) == 3


def test_write_endpoints_disabled_without_token(client):
    r = client.post("/api/ingest/url", json={"url": "https://example.com/a"})
    assert r.status_code == 403 and "disabled" in r.json()["detail"]
    assert client.post("/api/ingest/upload", files={"file": ("a.txt", b"x")}).status_code == 403


def test_write_endpoints_need_the_right_token(writer):
    assert writer.post("/api/ingest/url", json={"url": "https://example.com/a"}).status_code == 401
    bad = {"Authorization": "Bearer wrong"}
    assert writer.post("/api/ingest/url", json={"url": "https://example.com/a"}, headers=bad).status_code == 403


def test_upload_with_token_ingests(writer):
    page = HOSTILE_PAGE.replace("Jakarta Timur", "Jakarta Barat").encode()  # a new page: a new id
    r = writer.post("/api/ingest/upload", files={"file": ("tol.html", page)},
                    headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200, r.text
    assert not r.json()["failures"], r.json()
    [rid] = r.json()["records"]
    data = writer.get(f"/api/records/{rid}").json()
    assert data["source"]["path"] == "upload:tol.html"
    assert "Jakarta Barat" in data["text"]


def test_ingest_url_refuses_other_schemes(writer):
    r = writer.post("/api/ingest/url", json={"url": "file:///etc/passwd"}, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 422


def test_pages_render(client):
    for path in ["/", "/?q=banjir&sort=date", "/records/rec-jokowi-anwar", "/actors/Anwar%20Ibrahim", "/events",
                 "/events?type=ACCUSE", "/entities?name=a"]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("text/html")
    missing = client.get("/records/nope")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "no such record" in missing.text
    assert client.get("/actors/Nobody").status_code == 404
    assert client.get("/api/actors/Nobody").json() == {"detail": "no such actor"}


def test_security_headers(client):
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "unsafe-inline" not in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert client.get("/api/search").headers["x-content-type-options"] == "nosniff"


class _Markup(HTMLParser):
    """Collects what a browser would act on: tags, event-handler attributes, link targets, scripts."""

    def __init__(self):
        super().__init__()
        self.tags, self.handlers, self.links, self.scripts = set(), [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.links += [value or "" for name, value in attrs if name in ("href", "src", "action", "xlink:href")]
        if tag == "script":
            self.scripts.append(dict(attrs).get("src"))


def markup(html: str) -> _Markup:
    parser = _Markup()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("path", ["/records/rec-hostile", "/?q=Warga", "/?q=<script>alert(1)</script>", "/events",
                                  "/actors/Jahat%3Cscript%3E", "/entities", "/?site=%3Cb%3E"])
def test_hostile_data_is_escaped(client, path):
    page = markup(client.get(path).text)
    assert page.scripts == ["/static/app.js"]
    assert not page.handlers
    assert not {"iframe", "img", "b", "style", "object", "embed", "base"} & page.tags
    assert not [link for link in page.links if not link.startswith(("/", "#", "?", "https://", "http://", "url("))]


def test_hostile_text_is_shown_as_text(client):
    html = client.get("/records/rec-hostile").text
    assert "&lt;script&gt;window.__pwned = 1" in html
    assert 'href="javascript' not in html.lower()


def test_hostile_page_ingested_by_the_pipeline_is_escaped(client):
    [hit] = client.get("/api/search", params={"q": '"Jakarta Timur" tol'}).json()["hits"]
    page = markup(client.get(f"/records/{hit['id']}").text)
    assert page.scripts == ["/static/app.js"] and not page.handlers and "img" not in page.tags


def test_templates_never_mark_page_data_safe():
    from importlib import resources

    folder = resources.files("warta") / "web" / "templates"
    for template in folder.iterdir():
        text = template.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", "") and "autoescape false" not in text, template.name
        assert "<script>" not in text and " on" not in text.replace(" one", "").split("<")[0], template.name


def test_safe_url():
    from warta.web.render import safe_url

    assert safe_url("https://kompas.com/a?b=1") == "https://kompas.com/a?b=1"
    for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " https://x.com", "java\tscript:x", "data:text/html,x",
                "//evil.com", "https://", "http://exa mple.com", "vbscript:x", None, 3]:
        assert safe_url(bad) is None, bad


def test_loopback_server_refuses_foreign_host_headers(db):
    guarded = TestClient(create_app(db, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1")
    assert guarded.get("/api/stats").status_code == 200
    assert guarded.get("/api/stats", headers={"host": "evil.example"}).status_code == 400


def test_slow_queries_become_503(sqlite_db, monkeypatch):
    from warta.store.sqlite_query import SQLiteQueries

    def slow(self, *args, **kwargs):
        import sqlite3

        raise sqlite3.OperationalError("interrupted")

    monkeypatch.setattr(SQLiteQueries, "search_records", slow)
    r = TestClient(create_app(sqlite_db)).get("/api/search", params={"q": "banjir"})
    assert r.status_code == 503 and "too long" in r.json()["detail"]


def test_broad_search_plans_agree_with_the_plain_ones(sqlite_db, monkeypatch):
    """Ranking window, date-index walk and count cap (used when a search matches many records) give the
    same pages as the plain plans on this small store."""
    from warta.store import sqlite_query
    from warta.store.query import Filters
    from warta.store.sqlite_query import SQLiteReader

    def pages(store, *args):
        return [[h.id for h in store.search_records(*args, page=p, per_page=2).hits] for p in (1, 2, 3)]

    cases = [("the OR in OR di", Filters(), "date"), ("the OR in OR di OR dan", Filters(language="en"), "date"),
             ("the OR in OR di OR dan", Filters(), "oldest"), ("Ibrahim OR Putin", Filters(), "relevance")]
    with SQLiteReader(sqlite_db) as store:
        plain = [pages(store, *case) for case in cases]
        monkeypatch.setattr(sqlite_query, "WALK_MIN", 1)
        monkeypatch.setattr(sqlite_query, "COUNT_CAP", 1)
        walked = [pages(store, *case) for case in cases]
        assert store.search_records("the OR in OR di OR dan", Filters(language="en")).total_capped
    assert walked == plain
    with SQLiteReader(sqlite_db) as store:
        monkeypatch.setattr(sqlite_query, "RANK_WINDOW", 2)
        whole = [h.id for h in store.search_records("Ibrahim OR Putin", per_page=10).hits]
        paged = [h.id for p in (1, 2, 3) for h in store.search_records("Ibrahim OR Putin", page=p, per_page=1).hits]
        filtered = [h.id for p in (1, 2) for h in
                    store.search_records("Ibrahim OR Putin", Filters(language="en"), page=p, per_page=1).hits]
    # the two most recently stored matches ranked first, then the rest; pages follow the same order
    assert len(whole) == 4 and paged == whole[:3]
    assert set(whole[:2]) == {"rec-putin-ukraine", "rec-putin-threat"}
    assert filtered == [h for h in whole if h != "rec-jokowi-anwar"][:2]


def test_the_query_time_limit_is_real(sqlite_db, monkeypatch):
    """A store whose limit is a microsecond interrupts a real query; the API answers 503, not 500."""
    from warta.store.sqlite_query import deadline

    monkeypatch.setattr(deadline, "every", 1)  # check after every VM step: this store is tiny
    r = TestClient(create_app(sqlite_db, time_limit_s=1e-6)).get("/api/facets", params={"q": "the OR di OR dan"})
    assert r.status_code == 503 and "too long" in r.json()["detail"]


def test_postgres_statement_timeout_is_set_and_a_cancelled_query_is_503(db, monkeypatch):
    if not db.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    import psycopg

    from warta.store.postgres_query import PostgresQueries, open_reader

    with open_reader(db, time_limit_s=0.25) as store:
        assert store.conn.execute("SHOW statement_timeout").fetchone()["statement_timeout"] == "250ms"
        with pytest.raises(psycopg.errors.QueryCanceled):
            store.conn.execute("SELECT pg_sleep(2)")
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            store.conn.execute("DELETE FROM records")

    def cancelled(self, *args, **kwargs):
        raise psycopg.errors.QueryCanceled("canceling statement due to statement timeout")

    monkeypatch.setattr(PostgresQueries, "search_records", cancelled)
    r = TestClient(create_app(db)).get("/api/search", params={"q": "banjir"})
    assert r.status_code == 503 and "too long" in r.json()["detail"]
