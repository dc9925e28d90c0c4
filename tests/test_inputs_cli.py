"""`warta process` on every input a newsroom or a crawl has: gzipped HTML folders, WARC archives, feeds and
sitemaps served by a local test server. Every stdout line must be a valid warta/1 record."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from conftest import assert_valid_record
from localserver import LocalServer, article_html, html, rss, sitemap_index, urlset
from typer.testing import CliRunner

from warta.cli import app

runner = CliRunner()


def process(*args):
    result = runner.invoke(app, ["process", *[str(a) for a in args]], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    failures = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    for record in records:
        assert_valid_record(record)
    return records, failures


@pytest.fixture(scope="module")
def server():
    server = LocalServer()
    yield server
    server.close()


def test_process_folder_of_gzipped_html(tmp_path):
    for n in range(3):
        (tmp_path / f"page{n}.html.gz").write_bytes(gzip.compress(article_html(n).encode()))
    records, failures = process(tmp_path)
    assert len(records) == 3 and failures == []
    assert {r["source"]["kind"] for r in records} == {"html"}
    assert all(r["title"] and r["paragraphs"] for r in records)


def test_feeds_and_url_lists_inside_a_folder_are_not_followed(tmp_path):
    """A folder is local material: walking it never goes online, even when it holds a feed of live links."""
    (tmp_path / "page.html").write_text(article_html(1))
    (tmp_path / "feed.xml").write_bytes(rss(["https://news.example/a/1"]))
    (tmp_path / "links.urls").write_text("https://news.example/a/2\n")
    records, failures = process(tmp_path)
    assert len(records) == 1
    assert sorted((f["failure"], f["source"]["kind"]) for f in failures) == [("skipped_listing", "feed"),
                                                                             ("skipped_listing", "urls")]


def test_process_warc_gz(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    archive = tmp_path / "crawl.warc.gz"
    with open(archive, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n, (body, content_type) in enumerate([(article_html(1).encode("cp1252"), "text/html; charset=windows-1252"),
                                                  (b"\x89PNG", "image/png"),
                                                  (article_html(2).encode(), "text/html")]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news.example/{n}", "response",
                                                          payload=io.BytesIO(body), http_headers=headers))
    records, failures = process(archive)
    assert [r["url"] for r in records] == ["https://news.example/0", "https://news.example/2"]
    source = records[0]["source"]
    assert source["kind"] == "warc" and source["offset"] == 0 and source["fetched_at"]
    assert [(f["failure"], f["source"]["url"]) for f in failures] == [("skipped_non_html", "https://news.example/1")]


def test_process_feed_and_sitemap_urls_then_replay_the_saved_warc(server, tmp_path):
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                  rss([server.url("/a/1"), server.url("/a/2")]))
    server.routes["/sitemap_index.xml"] = (200, {"Content-Type": "application/xml"},
                                           sitemap_index([server.url("/news.xml")]))
    server.routes["/news.xml"] = (200, {"Content-Type": "application/xml"}, urlset([server.url("/a/3")], news=True))
    for n in (1, 2, 3):
        server.routes[f"/a/{n}"] = html(article_html(n))
    warc = tmp_path / "run.warc.gz"
    fetch_args = ["--allow-private", "--delay", "0", "--save-warc", warc]
    records, failures = process(server.url("/feed.xml"), server.url("/sitemap_index.xml"), *fetch_args)
    assert [r["url"] for r in records] == [server.url(f"/a/{n}") for n in (1, 2, 3)]
    assert {r["source"]["kind"] for r in records} == {"feed"} and failures == []

    hits = sum(server.hits.values())
    replayed, skipped = process(warc)
    assert sum(server.hits.values()) == hits
    # The fetcher works on several pages at once, so the WARC holds them in the order they arrived.
    assert {r["url"]: r["text"] for r in replayed} == {r["url"]: r["text"] for r in records}
    assert {f["failure"] for f in skipped} == {"skipped_non_html"}  # the feed and sitemaps themselves


def test_process_refuses_loopback_without_allow_private(server):
    server.routes["/a/1"] = html(article_html(1))
    records, failures = process(server.url("/a/1"))
    assert records == [] and [f["failure"] for f in failures] == ["private_address"]


def test_ingest_remembers_fetched_urls_next_to_the_store(server, tmp_path):
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss([server.url("/b/1")]))
    server.routes["/b/1"] = html(article_html(1))
    db = tmp_path / "w.db"
    for _ in range(2):
        result = runner.invoke(app, ["ingest", server.url("/feed.xml"), "--db", str(db), "--allow-private",
                                     "--delay", "0", "-q"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    assert server.hits["/b/1"] == 1
    assert (tmp_path / "w.db.fetched").exists()
