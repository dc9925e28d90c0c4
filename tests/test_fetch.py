"""The polite fetcher, feeds and sitemaps, against a scripted server on 127.0.0.1 (no other traffic)."""

from __future__ import annotations

import gzip
import time
import zlib

import pytest
from localserver import (
    LocalServer,
    article_html,
    entity_bomb,
    html,
    rss,
    sequence,
    sitemap_index,
    slow,
    urlset,
)

from warta.errors import PageError
from warta.model import Failure, Page
from warta.sources import iter_pages
from warta.sources.files import SourceOptions
from warta.sources.http import (
    Fetcher,
    FetchOptions,
    check_url,
    decode_content_encoding,
    retry_after_seconds,
)
from warta.sources.robots import parse_robots


@pytest.fixture(scope="module")
def module_server():
    server = LocalServer()
    yield server
    server.close()


@pytest.fixture
def server(module_server):
    module_server.reset()
    return module_server


def fast_options(**changes) -> FetchOptions:
    """Local-server settings: loopback allowed, waits in tens of milliseconds.

    The timeouts are generous (a loaded 2-core CI box can stall a local reply for half a second); the tests of
    timeouts set their own, shorter ones.
    """
    values = dict(allow_private=True, delay=0.0, backoff=0.05, max_retry_after=0.3, read_timeout=3.0,
                  connect_timeout=3.0, total_timeout=6.0, workers=4)
    values.update(changes)
    return FetchOptions(**values)


def fetch_one(url: str, **changes) -> Page | Failure:
    with Fetcher(fast_options(**changes)) as fetcher:
        return fetcher.fetch_page(url)


def pages_of(inputs, **changes) -> list[Page | Failure]:
    state = changes.pop("state", None)
    kind = changes.pop("kind", None)
    return list(iter_pages(inputs, SourceOptions(kind=kind, fetch=fast_options(**changes), state=state)))


# --- guards ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data",
                                 "http://[::1]/", "http://192.168.0.1/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/",
                                 "http://100.64.0.1/", "http://localhost/"])
def test_private_loopback_and_link_local_addresses_are_refused_by_default(url):
    with pytest.raises(PageError) as err:
        check_url(url, allow_private=False)
    assert err.value.reason == "private_address"


def test_default_fetcher_never_contacts_a_loopback_server(server):
    server.routes["/a"] = html(article_html(1))
    with Fetcher(FetchOptions(delay=0)) as fetcher:
        result = fetcher.fetch_page(server.url("/a"))
    assert isinstance(result, Failure) and result.reason == "private_address"
    assert sum(server.hits.values()) == 0


@pytest.mark.parametrize("url, reason", [("ftp://example.org/a", "unsupported_scheme"),
                                         ("file:///etc/passwd", "unsupported_scheme"),
                                         ("http:///nohost", "invalid_url")])
def test_only_http_and_https_are_fetched(url, reason):
    result = fetch_one(url)
    assert isinstance(result, Failure) and result.reason == reason


def test_a_resolver_that_never_answers_is_a_recorded_failure_not_a_hang(monkeypatch):
    import socket

    from warta.sources import http

    def dead_resolver(*args, **kwargs):
        time.sleep(5)
        raise AssertionError("the caller should have given up long before")

    monkeypatch.setattr(socket, "getaddrinfo", dead_resolver)
    monkeypatch.setattr(http, "DNS_TIMEOUT", 0.2)
    started = time.monotonic()
    result = fetch_one("http://news.example/a")
    assert isinstance(result, Failure) and result.reason == "dns_timeout"
    assert time.monotonic() - started < 3


# --- politeness ------------------------------------------------------------------------------------------

def test_page_is_fetched_with_warta_user_agent_and_header_charset(server):
    server.routes["/a"] = html(article_html(1), charset="windows-1252")
    page = fetch_one(server.url("/a"))
    assert isinstance(page, Page), page
    assert page.kind == "html" and page.url == server.url("/a") and page.fetched_at
    assert page.headers["content-type"] == "text/html; charset=windows-1252"
    assert all(ua.startswith("warta/") for ua in server.user_agents)


def test_robots_txt_is_obeyed_and_fetched_once_per_host(server):
    server.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")
    server.routes["/private/a"] = html(article_html(1))
    server.routes["/public/a"] = html(article_html(2))
    server.routes["/public/b"] = html(article_html(3))
    with Fetcher(fast_options()) as fetcher:
        refused = fetcher.fetch_page(server.url("/private/a"))
        allowed = [fetcher.fetch_page(server.url(p)) for p in ("/public/a", "/public/b")]
    assert isinstance(refused, Failure) and refused.reason == "robots_disallowed"
    assert all(isinstance(p, Page) for p in allowed)
    assert server.hits["/private/a"] == 0
    assert server.hits["/robots.txt"] == 1


ROBOTS = """
# comments and odd spacing are fine
User-agent: *
Disallow: /search
Disallow: /*?print=
Disallow: /*.pdf$
Allow: /search/about
Crawl-delay: 2

User-agent: BadBot
Disallow: /

Sitemap: https://news.example/sitemap.xml
"""


@pytest.mark.parametrize("path, allowed", [
    ("/", True), ("/news/1", True), ("/search", False), ("/search?q=x", False), ("/search/about", True),
    ("/news/1?print=1", False), ("/news/1?page=2", True), ("/file.pdf", False), ("/file.pdf?x=1", True),
    ("/robots.txt", True),
])
def test_robots_rules_wildcards_anchors_and_longest_match(path, allowed):
    rules = parse_robots(ROBOTS, "warta/0.1 (+https://github.com/warta)")
    assert rules.allowed("https://news.example" + path) is allowed
    assert rules.crawl_delay == 2 and rules.sitemaps == ["https://news.example/sitemap.xml"]


def test_robots_group_for_our_agent_replaces_the_star_group():
    text = "User-agent: *\nDisallow: /\n\nUser-agent: warta\nUser-agent: other\nDisallow: /private\n"
    rules = parse_robots(text, "warta/0.1")
    assert rules.allowed("https://x.example/news") and not rules.allowed("https://x.example/private/a")
    assert not parse_robots(text, "somebot").allowed("https://x.example/news")
    assert parse_robots("User-agent: warta\nDisallow:\n", "warta").allowed("https://x.example/a")


def test_robots_hostile_patterns_stay_fast():
    text = "User-agent: *\n" + "".join(f"Disallow: /{'*a' * 50}b{n}\n" for n in range(200))
    rules = parse_robots(text, "warta")
    started = time.monotonic()
    assert rules.allowed("https://x.example/" + "a" * 2000)
    assert time.monotonic() - started < 2


def test_robots_txt_server_error_means_nothing_is_fetched(server):
    server.routes["/robots.txt"] = (503, {}, b"down")
    server.routes["/a"] = html(article_html(1))
    result = fetch_one(server.url("/a"), retries=0)
    assert isinstance(result, Failure) and result.reason == "robots_unreachable"
    assert server.hits["/a"] == 0


def test_429_is_retried_after_retry_after_capped(server):
    server.routes["/a"] = sequence((429, {"Retry-After": "120"}, b"slow down"), html(article_html(1)))
    started = time.monotonic()
    page = fetch_one(server.url("/a"), max_retry_after=0.3)
    elapsed = time.monotonic() - started
    assert isinstance(page, Page)
    assert server.hits["/a"] == 2
    assert 0.25 <= elapsed < 2  # waited the capped 0.3 s, not 120 s


def test_persistent_5xx_fails_after_the_retries(server):
    server.routes["/a"] = (503, {"Retry-After": "0"}, b"down")
    result = fetch_one(server.url("/a"), retries=2)
    assert isinstance(result, Failure) and result.reason == "http_503"
    assert server.hits["/a"] == 3


def test_retry_after_accepts_seconds_and_http_dates():
    assert retry_after_seconds("7") == 7
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0  # in the past: no wait
    assert retry_after_seconds("soon") is None


def test_requests_to_one_host_are_spaced_and_not_concurrent(server):
    for n in range(4):
        server.routes[f"/a{n}"] = slow(0.05, html(article_html(n)))
    started = time.monotonic()
    with Fetcher(fast_options(delay=0.1, workers=4)) as fetcher:
        results = list(fetcher.fetch_pages([server.url(f"/a{n}") for n in range(4)]))
    assert all(isinstance(r, Page) for r in results)
    assert [r.url for r in results] == [server.url(f"/a{n}") for n in range(4)]  # input order kept
    assert server.max_active == 1
    assert time.monotonic() - started >= 0.3  # robots + 4 pages, 0.1 s apart


# --- hostile servers -------------------------------------------------------------------------------------

def test_slow_response_times_out(server):
    server.routes["/slow"] = slow(3, html(article_html(1)))
    started = time.monotonic()
    result = fetch_one(server.url("/slow"), read_timeout=0.3)
    assert isinstance(result, Failure) and result.reason == "timeout"
    assert time.monotonic() - started < 2


def test_slow_drip_hits_the_total_timeout(server):
    def drip(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        for _ in range(100):
            handler.wfile.write(b"<p>" * 10)
            handler.wfile.flush()
            time.sleep(0.05)

    server.routes["/drip"] = drip
    started = time.monotonic()
    result = fetch_one(server.url("/drip"), read_timeout=1.0, total_timeout=0.5)
    assert isinstance(result, Failure) and result.reason == "timeout"
    assert time.monotonic() - started < 2


def test_redirect_loop_and_long_chains_end(server):
    server.routes["/loop/a"] = (302, {"Location": "/loop/b"}, b"")
    server.routes["/loop/b"] = (301, {"Location": "/loop/a"}, b"")
    for n in range(20):
        server.routes[f"/chain/{n}"] = (302, {"Location": f"/chain/{n + 1}"}, b"")
    loop = fetch_one(server.url("/loop/a"))
    chain = fetch_one(server.url("/chain/0"), max_redirects=5)
    assert isinstance(loop, Failure) and loop.reason == "redirect_loop"
    assert isinstance(chain, Failure) and chain.reason == "too_many_redirects"
    assert server.hits["/chain/6"] == 0


def test_redirect_targets_are_checked_again(server):
    server.routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /private\n")
    server.routes["/to-ftp"] = (302, {"Location": "ftp://example.org/x"}, b"")
    server.routes["/to-private"] = (302, {"Location": "/private"}, b"")
    server.routes["/to-metadata"] = (302, {"Location": "http://169.254.169.254/latest/"}, b"")
    assert fetch_one(server.url("/to-ftp")).reason == "unsupported_scheme"
    assert fetch_one(server.url("/to-private")).reason == "robots_disallowed"
    # with private addresses allowed for the test server, a redirect still cannot reach beyond what is allowed
    with Fetcher(fast_options()) as fetcher:
        fetched = fetcher.fetch(server.url("/robots.txt"))
    assert fetched.status == 200
    with pytest.raises(PageError) as err:
        check_url("http://169.254.169.254/latest/", allow_private=False)
    assert err.value.reason == "private_address"
    assert server.hits["/private"] == 0


def test_oversized_bodies_are_refused(server):
    big = b"<p>" + b"x" * 300_000
    server.routes["/declared"] = (200, {"Content-Type": "text/html"}, big)

    def undeclared(handler):  # no Content-Length: the cap must hold while streaming
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        for _ in range(100):
            handler.wfile.write(b"x" * 10_000)

    server.routes["/undeclared"] = undeclared
    bomb = gzip.compress(b"<p>" + b"\0" * 5_000_000)
    server.routes["/bomb"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb)
    for path in ("/declared", "/undeclared", "/bomb"):
        result = fetch_one(server.url(path), max_bytes=100_000)
        assert isinstance(result, Failure) and result.reason == "too_large", (path, result)


def test_gzip_content_encoding_is_decoded(server):
    body = article_html(1).encode()
    server.routes["/gz"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, gzip.compress(body))
    page = fetch_one(server.url("/gz"))
    assert isinstance(page, Page) and page.content == body


def test_decode_content_encoding_refuses_unknown_and_broken():
    with pytest.raises(PageError) as unknown:
        decode_content_encoding(b"x", "zstd-weird", 100)
    with pytest.raises(PageError) as broken:
        decode_content_encoding(b"\x1f\x8bnot gzip", "gzip", 100)
    assert (unknown.value.reason, broken.value.reason) == ("unsupported_encoding", "broken_gzip")
    assert decode_content_encoding(gzip.compress(b"ab") + gzip.compress(b"cd"), "gzip", 100) == b"abcd"
    raw_deflate = zlib.compressobj(wbits=-15)
    assert decode_content_encoding(raw_deflate.compress(b"old") + raw_deflate.flush(), "deflate", 100) == b"old"
    with pytest.raises(PageError) as junk:
        decode_content_encoding(b"junkjunk", "gzip", 100)
    assert junk.value.reason == "broken_gzip"


def test_non_html_url_is_a_counted_skip(server):
    server.routes["/file.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")
    result = fetch_one(server.url("/file.pdf"))
    assert isinstance(result, Failure) and result.reason == "skipped_non_html"


# --- feeds and sitemaps ----------------------------------------------------------------------------------

def test_rss_feed_url_discovers_and_fetches_articles(server):
    articles = [f"/news/{n}" for n in range(3)]
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss([server.url(a) for a in articles]))
    for n, path in enumerate(articles):
        server.routes[path] = html(article_html(n))
    results = pages_of([server.url("/feed.xml")])
    assert [r.url for r in results] == [server.url(a) for a in articles]
    assert all(isinstance(r, Page) and r.origin == "feed" for r in results)


def test_atom_feed_with_relative_links(server):
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>'
            b'<entry><link rel="alternate" href="/a/1"/><link rel="edit" href="/edit/1"/></entry>'
            b'<entry><link href="/a/2"/></entry></feed>')
    server.routes["/atom"] = (200, {"Content-Type": "application/atom+xml"}, atom)
    server.routes["/a/1"] = html(article_html(1))
    server.routes["/a/2"] = html(article_html(2))
    results = pages_of([server.url("/atom")])
    assert [r.url for r in results] == [server.url("/a/1"), server.url("/a/2")]
    assert server.hits["/edit/1"] == 0


def test_sitemap_index_to_news_sitemap_to_articles_without_loops(server):
    index = sitemap_index([server.url("/sitemap.xml"), server.url("/news.xml.gz"), server.url("/index.xml")])
    server.routes["/index.xml"] = (200, {"Content-Type": "application/xml"}, index)  # lists itself
    server.routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"},
                                     sitemap_index([server.url("/index.xml")]))  # and back again
    news = gzip.compress(urlset([server.url("/n/1"), server.url("/n/2")], news=True))
    server.routes["/news.xml.gz"] = (200, {"Content-Type": "application/x-gzip"}, news)
    server.routes["/n/1"] = html(article_html(1))
    server.routes["/n/2"] = html(article_html(2))
    results = pages_of([server.url("/index.xml")])
    assert sorted(r.url for r in results if isinstance(r, Page)) == [server.url("/n/1"), server.url("/n/2")]
    assert server.hits["/index.xml"] == 1 and server.hits["/sitemap.xml"] == 1


def test_entity_bomb_feed_is_a_failure(server):
    server.routes["/bomb.xml"] = (200, {"Content-Type": "application/rss+xml"}, entity_bomb())
    started = time.monotonic()
    (result,) = pages_of([server.url("/bomb.xml")])
    assert isinstance(result, Failure) and result.reason == "xml_entities"
    assert time.monotonic() - started < 2


def test_rerun_with_state_fetches_only_new_urls(server, tmp_path):
    state = str(tmp_path / "fetched.sqlite")
    urls = [server.url(f"/s/{n}") for n in range(3)]
    for n in range(3):
        server.routes[f"/s/{n}"] = html(article_html(n))
    server.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, rss(urls[:2]))
    first = pages_of([server.url("/feed")], state=state)
    server.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, rss(urls))
    second = pages_of([server.url("/feed")], state=state)
    assert [r.url for r in first] == urls[:2]
    assert [r.url for r in second] == urls[2:]
    assert [server.hits[f"/s/{n}"] for n in range(3)] == [1, 1, 1]


def test_local_feed_file_and_url_list(server, tmp_path):
    server.routes["/x/1"] = html(article_html(1))
    server.routes["/x/2"] = html(article_html(2))
    feed = tmp_path / "feed.rss"
    feed.write_bytes(rss([server.url("/x/1")]))
    listing = tmp_path / "list.urls"
    listing.write_text(f"# to read\n{server.url('/x/2')}\n\n")
    results = pages_of([str(feed), str(listing)])
    assert [r.url for r in results] == [server.url("/x/1"), server.url("/x/2")]


def test_save_warc_round_trip(server, tmp_path):
    from warta.pipeline import Pipeline

    warc = tmp_path / "run.warc.gz"
    server.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, rss([server.url("/w/1"), server.url("/w/2")]))
    server.routes["/w/1"] = html(article_html(1))
    body = gzip.compress(article_html(2).encode("cp1252"))
    server.routes["/w/2"] = (200, {"Content-Type": "text/html; charset=windows-1252", "Content-Encoding": "gzip"}, body)
    fetched = pages_of([server.url("/feed")], save_warc=str(warc))
    hits = sum(server.hits.values())
    replayed = list(iter_pages([warc]))
    assert sum(server.hits.values()) == hits  # nothing refetched
    # pages are fetched several at a time, so the WARC holds them in the order they arrived
    pages = sorted((p for p in replayed if isinstance(p, Page)), key=lambda p: p.url)
    assert [(p.url, p.content) for p in pages] == sorted((p.url, p.content) for p in fetched)
    assert pages[1].headers["content-type"] == "text/html; charset=windows-1252"
    skipped = [f.reason for f in replayed if isinstance(f, Failure)]
    assert skipped == ["skipped_non_html"]  # the feed itself is in the WARC too
    records = list(Pipeline(only="extract").run(pages))
    assert [type(r).__name__ for r in records] == ["Record", "Record"], records


def test_save_warc_keeps_responses_across_inputs_read_one_by_one(server, tmp_path):
    """Callers may read inputs one ``iter_pages`` call at a time with the same options: the WARC keeps them all."""
    warc = tmp_path / "run.warc"
    server.routes["/k/1"] = html(article_html(1))
    server.routes["/k/2"] = html(article_html(2))
    options = SourceOptions(fetch=fast_options(save_warc=str(warc)))
    for path in ("/k/1", "/k/2"):
        assert all(isinstance(p, Page) for p in iter_pages([server.url(path)], options))
    assert [p.url for p in iter_pages([warc])] == [server.url("/k/1"), server.url("/k/2")]


def test_state_remembers_the_url_before_redirects(server, tmp_path):
    state = str(tmp_path / "fetched.sqlite")
    server.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, rss([server.url("/go/1#comments")]))
    server.routes["/go/1"] = (301, {"Location": "/story/1"}, b"")
    server.routes["/story/1"] = html(article_html(1))
    first = pages_of([server.url("/feed")], state=state)
    second = pages_of([server.url("/feed")], state=state)
    assert [p.url for p in first] == [server.url("/story/1")] and second == []
    assert server.hits["/go/1"] == 1


def test_oversized_robots_txt_is_read_up_to_the_cap(server):
    server.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                                    b"User-agent: *\nDisallow: /private\n" + b"# filler\n" * 200_000)
    server.routes["/private"] = html(article_html(1))
    server.routes["/public"] = html(article_html(2))
    with Fetcher(fast_options()) as fetcher:
        assert fetcher.fetch_page(server.url("/private")).reason == "robots_disallowed"
        assert isinstance(fetcher.fetch_page(server.url("/public")), Page)


def test_redirect_to_a_private_address_is_refused(server, monkeypatch):
    """Only the test server's own address is let through; a redirect elsewhere private is refused before connecting."""
    from warta.sources import http

    real = http.resolve_checked
    monkeypatch.setattr(http, "resolve_checked",
                        lambda host, port, allow: real(host, port, allow or host == "127.0.0.1"))
    port = server.httpd.server_address[1]
    server.routes["/to-10"] = (302, {"Location": "http://10.0.0.1/x"}, b"")
    server.routes["/to-localhost"] = (302, {"Location": f"http://localhost:{port}/a"}, b"")
    server.routes["/a"] = html(article_html(1))
    with Fetcher(FetchOptions(delay=0, retries=0)) as fetcher:
        assert isinstance(fetcher.fetch_page(server.url("/a")), Page)
        assert fetcher.fetch_page(server.url("/to-10")).reason == "private_address"
        assert fetcher.fetch_page(server.url("/to-localhost")).reason == "private_address"
    assert server.hits["/a"] == 1


def test_connection_guard_refuses_private_addresses_even_without_the_pre_check(server, monkeypatch):
    """The check at connect time closes the gap if DNS answers differently the second time (rebinding)."""
    from warta.sources import http

    monkeypatch.setattr(http, "check_url", lambda url, allow: None)
    server.routes["/a"] = html(article_html(1))
    with Fetcher(FetchOptions(delay=0, retries=0)) as fetcher:
        result = fetcher.fetch_page(server.url("/a"))
    assert isinstance(result, Failure) and result.reason == "private_address"
    assert server.hits["/a"] == 0


def test_feed_served_as_text_html_is_still_a_feed(server):
    server.routes["/feed"] = (200, {"Content-Type": "text/html"},
                              b'<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?><rss><channel><item><link>'
                              + server.url("/m/1").encode() + b"</link></item></channel></rss>")
    server.routes["/m/1"] = html(article_html(1))
    assert [p.url for p in pages_of([server.url("/feed")])] == [server.url("/m/1")]


def test_defaults_are_polite_and_guarded():
    from warta import __version__

    options = FetchOptions()
    assert options.delay >= 1 and options.per_host == 1 and not options.allow_private
    assert options.connect_timeout and options.read_timeout and options.total_timeout and options.max_redirects
    assert options.user_agent.startswith(f"warta/{__version__} (+http")


def test_https_goes_to_the_checked_address_and_still_verifies_the_host_name(tmp_path):
    """The guard connects to the resolved IP; TLS must still check the certificate against the URL's host."""
    import shutil
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("openssl command not available to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    server = LocalServer(tls=(str(cert), str(key)))
    try:
        server.routes["/a"] = html(article_html(1))
        port = server.httpd.server_address[1]
        good = fetch_one(f"https://localhost:{port}/a", ca_bundle=str(cert))
        wrong_name = fetch_one(f"https://127.0.0.1:{port}/a", ca_bundle=str(cert))
        untrusted = fetch_one(f"https://localhost:{port}/a")
    finally:
        server.close()
    assert isinstance(good, Page) and good.url == f"https://localhost:{port}/a"
    assert (wrong_name.reason, untrusted.reason) == ("tls_error", "tls_error")
