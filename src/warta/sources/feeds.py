"""Feeds (RSS 1/2, Atom), sitemaps (urlset, sitemap index, news sitemaps, plain-text lists) and URL inputs.

A listing is parsed, its article URLs discovered and fetched (concurrently, politely, through one ``Fetcher``);
sitemap indexes are followed breadth-first with a visited set and a depth cap, so a sitemap that links to
itself ends. With a state file, URLs fetched by an earlier run are not fetched again.

XML is parsed safely: a document that declares entities is refused before parsing (that is how
entity-expansion bombs work, and feeds never need them), and lxml runs without network, DTD loading,
entity resolution or huge-tree mode.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from warta.errors import PageError
from warta.model import Failure, Page
from warta.sources.files import SourceOptions, read_or_failure, reader
from warta.sources.http import Fetcher, FetchOptions, inflate_capped, kind_of, now_iso, page_from

log = logging.getLogger("warta.sources")

MAX_DEPTH = 4  # seed → index → index → sitemap → articles; deeper nesting is a loop or an abuse
MAX_LISTINGS = 10_000  # feeds and sitemaps fetched per seed
LISTING_KINDS = ("feed", "sitemap")
LISTING_MAX_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit for one (uncompressed) sitemap
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_URL_LINE = re.compile(rb"^\s*https?://\S+\s*$", re.IGNORECASE)
_PERMANENT = {"http_404", "http_410", "skipped_non_html"}  # remembered like successes: no point refetching


@dataclass(slots=True)
class Listing:
    kind: str  # rss | atom | urlset | sitemapindex | text
    articles: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


# --- parsing -------------------------------------------------------------------------------------------------

def parse_listing(data: bytes, base_url: str | None = None, max_bytes: int = LISTING_MAX_BYTES) -> Listing:
    """Article and child-sitemap URLs of a feed or sitemap (XML, gzipped XML, or one URL per line)."""
    if data[:2] == b"\x1f\x8b":
        data = inflate_capped(data, max_bytes)
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped:
        raise PageError("empty", "empty feed or sitemap")
    if not stripped.startswith(b"<"):
        return _text_listing(stripped, base_url)
    root = _parse_xml(data)
    kind = _local(root)
    if kind in ("rss", "RDF", "channel"):
        return Listing("rss", _links(root, base_url, "item", _rss_link))
    if kind == "feed":
        return Listing("atom", _links(root, base_url, "entry", _atom_link))
    if kind == "urlset":
        return Listing("urlset", _links(root, base_url, "url", _loc))
    if kind == "sitemapindex":
        return Listing("sitemapindex", sitemaps=_links(root, base_url, "sitemap", _loc))
    raise PageError("not_a_feed", f"XML root <{kind}> is not a feed or sitemap")


def _parse_xml(data: bytes):
    from lxml import etree

    if declares_entities(data):
        raise PageError("xml_entities", "document declares XML entities (entity-expansion risk); refused")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             recover=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise PageError("invalid_xml", str(err)[:300]) from None
    if root is None:
        raise PageError("invalid_xml", "no XML element found")
    return root


def declares_entities(data: bytes) -> bool:
    """True when the DOCTYPE's internal subset declares entities (bombs, external entities). Only the prolog
    counts: an article that merely mentions "<!ENTITY" in its text is fine."""
    doctype = _DOCTYPE.search(data)
    if doctype is None:
        return False
    first = _FIRST_ELEMENT.search(data)
    if first is not None and first.start() < doctype.start():
        return False
    end = data.find(b"]>", doctype.end())
    return b"<!entity" in data[doctype.end():end if end >= 0 else len(data)].lower()


def _text_listing(data: bytes, base_url: str | None) -> Listing:
    lines = [line.decode("utf-8", "replace").strip() for line in data.splitlines() if line.strip()]
    if not lines or not all(_URL_LINE.match(line.encode()) or line.startswith("#") for line in lines[:50]):
        raise PageError("not_a_feed", "neither XML nor a list of URLs")
    return Listing("text", [u for u in (_absolute(line, base_url) for line in lines if not line.startswith("#"))
                            if u])


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _links(root, base_url: str | None, item_tag: str, pick) -> list[str]:
    from lxml import etree

    found = []
    for element in root.iter(etree.Element):
        if _local(element) == item_tag:
            url = _absolute(pick(element), base_url)
            if url:
                found.append(url)
    return list(dict.fromkeys(found))


def _children(element, name: str) -> list:
    return [child for child in element if _local(child) == name]


def _loc(element) -> str | None:
    locs = _children(element, "loc")
    return (locs[0].text or "").strip() if locs else None


def _rss_link(item) -> str | None:
    for link in _children(item, "link"):
        value = (link.text or "").strip() or link.get("href")
        if value:
            return value
    for guid in _children(item, "guid"):
        if guid.get("isPermaLink", "true").lower() != "false" and (guid.text or "").strip().startswith("http"):
            return guid.text.strip()
    return item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")


def _atom_link(entry) -> str | None:
    links = [link for link in _children(entry, "link") if link.get("href")]
    for link in links:
        if link.get("rel", "alternate") == "alternate":
            return link.get("href")
    return links[0].get("href") if links else None


def _absolute(url: str | None, base_url: str | None) -> str | None:
    if not url:
        return None
    url = urldefrag(urljoin(base_url, url.strip()) if base_url else url.strip()).url
    return url if urlsplit(url).scheme in ("http", "https") else None


# --- remembering what was fetched ------------------------------------------------------------------------

class FetchState:
    """URLs fetched by earlier runs, in a small SQLite file. Used from one thread (the one iterating)."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.execute("CREATE TABLE IF NOT EXISTS fetched (url TEXT PRIMARY KEY, fetched_at TEXT, outcome TEXT)")

    def __contains__(self, url: str) -> bool:
        return self.conn.execute("SELECT 1 FROM fetched WHERE url = ?", (url,)).fetchone() is not None

    def add(self, url: str, outcome: str = "page") -> None:
        self.conn.execute("INSERT OR REPLACE INTO fetched VALUES (?, ?, ?)", (url, now_iso(), outcome))

    def close(self) -> None:
        self.conn.close()


class Session:
    """What one run shares across its inputs: the fetcher (robots cache, host gates, WARC file) and state."""

    def __init__(self, options: SourceOptions):
        fetch = options.fetch or FetchOptions(max_bytes=options.max_bytes)
        self.fetcher = Fetcher(fetch)
        self.state = FetchState(options.state) if options.state else None
        self.counts: Counter = Counter()

    def close(self) -> None:
        if self.counts:
            log.info("fetch summary: %s", dict(self.counts))
        self.fetcher.close()
        if self.state:
            self.state.close()


def session_for(options: SourceOptions) -> Session:
    if options.session is None:
        options.session = Session(options)
    return options.session


# --- crawling --------------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Todo:
    url: str | None  # to fetch; None when ``data`` is already here (a local file)
    depth: int
    kind: str | None  # forced: feed | sitemap | html | text; None = decide from the response
    data: bytes | None = None
    source: dict = field(default_factory=dict)


def crawl(seeds: Iterable[_Todo], options: SourceOptions) -> Iterator[Page | Failure]:
    session = session_for(options)
    discovered = _discover(deque(seeds), session, options)
    for requested, item in session.fetcher.fetch_tagged(discovered, origin="feed"):
        yield item
        _remember(item, session, requested if isinstance(requested, str) else None)


def _remember(item: Page | Failure, session: Session, requested: str | None = None) -> None:
    """Remember the URL as discovered (before redirects) and as fetched, so neither is fetched again."""
    url = item.url if isinstance(item, Page) else item.source.get("url")
    outcome = "page" if isinstance(item, Page) else item.reason
    if isinstance(item, Page) or item.reason in _PERMANENT:
        session.counts["fetched"] += 1
        if session.state is not None:
            for seen in {u for u in (requested, url) if u}:
                session.state.add(seen, outcome)


def _discover(queue: deque[_Todo], session: Session, options: SourceOptions) -> Iterator[str | Page | Failure]:
    """Breadth-first over listings; yields article URLs to fetch, plus Pages/Failures met on the way."""
    visited = {todo.url for todo in queue if todo.url}
    articles_seen: set[str] = set()
    listings = 0
    while queue:
        todo = queue.popleft()
        listings += 1
        if listings > MAX_LISTINGS:
            yield Failure(todo.source or {"kind": "feed", "url": todo.url}, "too_many_listings",
                          f"stopped after {MAX_LISTINGS} feeds/sitemaps", step="source.feed")
            return
        listing = yield from _open_listing(todo, session, options, visited)
        if listing is None:
            continue
        for child in listing.sitemaps:
            if child in visited:
                continue
            visited.add(child)
            if todo.depth + 1 > MAX_DEPTH:
                yield Failure({"kind": "sitemap", "url": child}, "too_deep",
                              f"sitemap nesting deeper than {MAX_DEPTH}", step="source.feed")
                continue
            queue.append(_Todo(child, todo.depth + 1, "sitemap", source={"kind": "sitemap", "url": child}))
        for url in listing.articles:
            if url in articles_seen:
                continue
            articles_seen.add(url)
            if session.state is not None and url in session.state:
                session.counts["already_fetched"] += 1
                continue
            yield url


def _open_listing(todo: _Todo, session: Session, options: SourceOptions,
                  visited: set[str]) -> Iterator[Page | Failure]:
    """Fetch (if needed) and parse one listing. A seed URL that turns out to be an article is yielded as a Page.
    Returns the Listing, or None when there is nothing to expand (the reason was yielded)."""
    source = todo.source or {"kind": "feed", "url": todo.url}
    data, base = todo.data, todo.url
    try:
        if data is None:
            fetched = session.fetcher.fetch(todo.url, max_bytes=LISTING_MAX_BYTES)
            visited.add(fetched.url)
            kind = todo.kind or kind_of(fetched.content_type, fetched.body)
            if kind in ("html", "text") or (kind is None and todo.depth == 0 and todo.kind is None):
                if len(fetched.body) > options.max_bytes:  # fetched with the larger listing cap
                    raise PageError("too_large", f"page over {options.max_bytes} bytes")
                page = page_from(fetched, "url", kind)
                yield page
                _remember(page, session)
                return None
            data, base = fetched.body, fetched.url
        return parse_listing(data, base)
    except PageError as err:
        yield Failure(source, err.reason, err.detail, step="source.feed")
    except Exception as err:  # noqa: BLE001 - one bad listing must never stop the batch
        yield Failure(source, "feed_error", f"{type(err).__name__}: {err}"[:500], step="source.feed")
    return None


# --- inputs ----------------------------------------------------------------------------------------------

def read_url(url: str, options: SourceOptions) -> Iterator[Page | Failure]:
    """A URL given on the command line: an article, or a feed/sitemap whose articles are then fetched."""
    forced = options.kind if options.kind in (*LISTING_KINDS, "html", "text") else None
    yield from crawl([_Todo(url, 0, forced, source={"kind": "url", "url": url})], options)


def _local_listing(path: Path, options: SourceOptions, kind: str) -> Iterator[Page | Failure]:
    source = {"kind": kind, "path": str(path)}
    data = read_or_failure(path, max(options.max_bytes, LISTING_MAX_BYTES), source, "source.feed")
    if isinstance(data, Failure):
        yield data
        return
    yield from crawl([_Todo(None, 0, kind, data=data, source=source)], options)


@reader("feed")
def read_feed_file(path: Path, options: SourceOptions) -> Iterator[Page | Failure]:
    yield from _local_listing(path, options, "feed")


@reader("sitemap")
def read_sitemap_file(path: Path, options: SourceOptions) -> Iterator[Page | Failure]:
    yield from _local_listing(path, options, "sitemap")


@reader("urls")
def read_url_list(path: Path, options: SourceOptions) -> Iterator[Page | Failure]:
    """A text file of article URLs, one per line (``#`` comments allowed)."""
    yield from _local_listing(path, options, "urls")

