"""A polite, guarded HTTP fetcher for article URLs, feeds and sitemaps.

Polite: robots.txt obeyed (RFC 9309, cached per host), requests to one host spaced by ``delay`` seconds
and limited to ``per_host`` at a time, retries with backoff on 429/5xx honouring ``Retry-After`` (capped),
a User-Agent that names warta. Guarded: http/https only, private/loopback/link-local addresses refused
(every resolved IP is checked, and the connection goes to the checked IP so DNS cannot change its mind),
connect/read/total timeouts, a body-size cap that also bounds decompression, a redirect cap with every
hop re-checked. ``save_warc`` keeps the raw responses so a run can be re-processed without refetching.
"""

from __future__ import annotations

import email.utils
import io
import ipaddress
import re
import socket
import ssl
import threading
import time
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from warta import __version__
from warta.errors import PageError
from warta.model import Failure, Page
from warta.sources.robots import RobotsRules, allow_all, parse_robots

USER_AGENT = f"warta/{__version__} (+https://github.com/warta)"
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to parse at least 500 KiB
REDIRECT_CODES = {301, 302, 303, 307, 308}
RETRY_CODES = {429, 500, 502, 503, 504}
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_LISTING_HEAD = re.compile(rb"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<\?[^>]*>\s*)*<(rss|feed|urlset|sitemapindex|rdf:RDF)\b",
                           re.IGNORECASE | re.DOTALL)
XML_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")


@dataclass(slots=True)
class FetchOptions:
    delay: float = 1.0  # seconds between two request starts to the same host
    per_host: int = 1  # requests in flight to one host
    workers: int = 8  # requests in flight overall
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest silence while reading
    total_timeout: float = 60.0  # whole response, so a slow drip cannot hold a worker forever
    max_bytes: int = 20 * 1024 * 1024  # body cap, before and after decompression
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 1.0  # first retry wait; doubles each time
    max_retry_after: float = 60.0  # cap on any single wait (Retry-After, crawl-delay)
    allow_private: bool = False
    user_agent: str = USER_AGENT
    ca_bundle: str | None = None  # extra trusted CAs (a newsroom's own proxy or test server); None: system/certifi
    save_warc: str | None = None
    warc_started: bool = False  # set once this run created the WARC file; later sessions append to it


@dataclass(slots=True)
class Fetched:
    """One final (non-redirect) HTTP response."""

    url: str  # after redirects
    status: int
    reason: str
    raw_headers: list[tuple[str, str]]
    raw_body: bytes  # as received (content-encoded); what goes into a WARC
    body: bytes  # content-decoded
    fetched_at: str
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


# --- address guard -----------------------------------------------------------------------------------------

def is_public_ip(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


DNS_TIMEOUT = 10.0  # seconds; getaddrinfo has no timeout of its own and a dead resolver can block for minutes


def _getaddrinfo(host: str, port: int, timeout: float) -> list:
    """``socket.getaddrinfo`` with a time limit. The lookup runs in a daemon thread that is abandoned on timeout
    (a pool's threads would be joined at exit and hang it on the same dead resolver)."""
    outcome: list = []

    def lookup() -> None:
        try:
            outcome.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except BaseException as err:  # handed to the caller's thread
            outcome.append(err)

    thread = threading.Thread(target=lookup, name="warta-dns", daemon=True)
    thread.start()
    thread.join(timeout)
    if not outcome:
        raise PageError("dns_timeout", f"no answer for {host} within {timeout:g} s")
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def resolve_checked(host: str, port: int, allow_private: bool) -> list[str]:
    """Resolve ``host``; refuse it if any address is not public (unless ``allow_private``)."""
    try:
        infos = _getaddrinfo(host, port, DNS_TIMEOUT)
    except (socket.gaierror, UnicodeError) as err:
        raise PageError("dns_error", f"cannot resolve {host}: {err}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not allow_private:
        for address in addresses:
            if not is_public_ip(ipaddress.ip_address(address.split("%")[0])):
                raise PageError("private_address", f"{host} resolves to {address}; use --allow-private to fetch it")
    return addresses


def check_url(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise PageError("unsupported_scheme", f"only http and https URLs are fetched, not {parts.scheme or url!r}")
    if not parts.hostname:
        raise PageError("invalid_url", f"no host in {url!r}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as err:
        raise PageError("invalid_url", str(err)) from None
    resolve_checked(parts.hostname, port, allow_private)


def _guarded_backend(allow_private: bool):
    import httpcore

    class GuardedBackend(httpcore.SyncBackend):
        """Connects to an address that passed the check, closing the DNS-rebinding gap of check-then-connect."""

        def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            error = None
            for address in resolve_checked(host, port, allow_private):
                try:
                    return super().connect_tcp(address, port, timeout, local_address, socket_options)
                except httpcore.ConnectError as err:
                    error = err
            raise error or httpcore.ConnectError(f"no address for {host}")

    return GuardedBackend()


# --- politeness ----------------------------------------------------------------------------------------------

class HostGate:
    """Spaces request starts to one host by ``delay`` and limits how many run at once."""

    def __init__(self, per_host: int, delay: float):
        self.slots = threading.Semaphore(max(1, per_host))
        self.lock = threading.Lock()
        self.delay = delay
        self.next_start = 0.0

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self.slots:
            with self.lock:
                now = time.monotonic()
                start = max(now, self.next_start)
                self.next_start = start + self.delay
            if start > now:
                time.sleep(start - now)
            yield

    def hold_off(self, seconds: float) -> None:
        with self.lock:
            self.next_start = max(self.next_start, time.monotonic() + seconds)


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds: either a number or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # str.isdigit() also accepts "²", which float() refuses
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


# --- bodies --------------------------------------------------------------------------------------------------

def decode_content_encoding(raw: bytes, encoding: str | None, max_bytes: int) -> bytes:
    """Undo gzip/deflate Content-Encoding, never producing more than ``max_bytes`` (a zip bomb is a failure)."""
    codings = [c.strip().lower() for c in (encoding or "").split(",") if c.strip()]
    data = raw
    for coding in reversed(codings):
        if coding == "identity":
            continue
        if coding not in ("gzip", "x-gzip", "deflate"):
            raise PageError("unsupported_encoding", f"Content-Encoding {coding!r}")
        data = inflate_capped(data, max_bytes, "deflate" if coding == "deflate" else "gzip")
    return data


def inflate_capped(data: bytes, max_bytes: int, coding: str = "gzip") -> bytes:
    """gzip (every member, as ``gzip -d`` does) or deflate, refusing output over ``max_bytes``."""
    # 47: gzip or zlib header, auto-detected; -15: headerless deflate, which old servers send as "deflate"
    for wbits in ((47, -15) if coding == "deflate" else (47,)):
        try:
            return _inflate_members(data, wbits, max_bytes)
        except zlib.error:
            continue
    raise PageError("broken_gzip", "cannot decompress the response body")


def _inflate_members(data: bytes, wbits: int, max_bytes: int) -> bytes:
    parts, size = [], 0
    while True:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(data, max_bytes + 1 - size)
        size += len(out)
        if size > max_bytes or inflater.unconsumed_tail:
            raise PageError("too_large", f"decompressed body larger than {max_bytes} bytes")
        parts.append(out)
        data = inflater.unused_data
        if wbits != 47 or not data.startswith(b"\x1f\x8b"):
            return b"".join(parts)


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def kind_of(content_type: str, body: bytes) -> str | None:
    """html | text | xml (feed or sitemap) | None (something else); sniffs when the type is missing or vague,
    and recognises feeds served with an HTML or text type (a common misconfiguration)."""
    if _LISTING_HEAD.match(body[:2048]):
        return "xml"
    if content_type in HTML_TYPES:
        return "html"
    if content_type in XML_TYPES or content_type.endswith("+xml"):
        return "xml"
    if content_type == "text/plain":
        return "text"
    if content_type in ("", "application/octet-stream", "binary/octet-stream", "application/x-gzip",
                        "application/gzip"):
        head = body[:1024].lstrip().lower()
        if head.startswith(b"\x1f\x8b") or head.startswith(b"<?xml") and b"<html" not in head:
            return "xml"
        if b"<html" in head or head.startswith(b"<!doctype html"):
            return "html"
    return None


def page_from(fetched: Fetched, origin: str = "url", kind: str | None = None) -> Page:
    """A fetched HTML/text response as a Page; the header charset travels in ``headers`` for the extractor."""
    kind = kind or kind_of(fetched.content_type, fetched.body)
    if kind not in ("html", "text"):
        raise PageError("skipped_non_html", f"content type {fetched.content_type or 'unknown'!r}")
    return Page(kind=kind, content=fetched.body, url=fetched.url, fetched_at=fetched.fetched_at,
                headers=with_charset(fetched.headers), origin=origin)


def with_charset(headers: dict[str, str]) -> dict[str, str]:
    """Headers plus ``charset`` (from Content-Type) — the key the extractors read the declared encoding from."""
    match = _CHARSET.search(headers.get("content-type", ""))
    return dict(headers, charset=match.group(1)) if match else dict(headers)


# --- the fetcher ---------------------------------------------------------------------------------------------

class Fetcher:
    def __init__(self, options: FetchOptions | None = None):
        import httpx

        self.options = options or FetchOptions()
        o = self.options
        verify = ssl.create_default_context(cafile=o.ca_bundle) if o.ca_bundle else True
        transport = httpx.HTTPTransport(trust_env=False, verify=verify)
        pool = getattr(transport, "_pool", None)
        if pool is not None and hasattr(pool, "_network_backend"):
            pool._network_backend = _guarded_backend(o.allow_private)
        self.client = httpx.Client(
            transport=transport, follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(connect=o.connect_timeout, read=o.read_timeout, write=o.read_timeout,
                                  pool=o.total_timeout),
            headers={"User-Agent": o.user_agent, "Accept-Encoding": "gzip, deflate",
                     "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
            limits=httpx.Limits(max_connections=max(o.workers, 1) * 2),
        )
        self._gates: dict[str, HostGate] = {}
        self._robots: dict[str, RobotsRules | PageError] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.warc = WarcSaver(o.save_warc, append=o.warc_started) if o.save_warc else None
        o.warc_started = bool(o.save_warc)

    def close(self) -> None:
        self.client.close()
        if self.warc:
            self.warc.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # public ---------------------------------------------------------------------------------------

    def fetch(self, url: str, obey_robots: bool = True, max_bytes: int | None = None,
              keep_head: bool = False) -> Fetched:
        """GET ``url`` following redirects; raises PageError with a reason for anything but a final 2xx.
        ``keep_head``: a body over the cap is cut there instead of failing (robots.txt)."""
        seen = set()
        for _hop in range(self.options.max_redirects + 1):
            check_url(url, self.options.allow_private)
            if obey_robots:
                self._check_robots(url)
            seen.add(url)
            response = self._get_with_retries(url, max_bytes or self.options.max_bytes, keep_head)
            location = response.headers.get("location")
            if response.status in REDIRECT_CODES and location:
                url = urljoin(url, location.strip())
                if url in seen:
                    raise PageError("redirect_loop", f"redirect back to {url}")
                continue
            if not 200 <= response.status < 300:
                raise PageError(f"http_{response.status}", f"{response.status} {response.reason} for {url}")
            if self.warc:
                self.warc.save(response)
            return response
        raise PageError("too_many_redirects", f"more than {self.options.max_redirects} redirects")

    def fetch_page(self, url: str, origin: str = "url") -> Page | Failure:
        """Fetch one article URL as a Page, or a Failure with a reason; never raises."""
        try:
            return page_from(self.fetch(url), origin)
        except PageError as err:
            return Failure({"kind": origin, "url": url}, err.reason, err.detail, step="source.http")
        except Exception as err:  # noqa: BLE001 - one bad URL must never stop the batch
            return Failure({"kind": origin, "url": url}, "fetch_error", f"{type(err).__name__}: {err}"[:500],
                           step="source.http")

    def fetch_pages(self, items: Iterable[str | Page | Failure], origin: str = "url") -> Iterator[Page | Failure]:
        """Fetch the URLs among ``items`` concurrently (per-host limits still hold), yielding in input order;
        Pages and Failures already in ``items`` pass through in place. At most 2×workers are in flight."""
        for _item, result in self.fetch_tagged(items, origin):
            yield result

    def fetch_tagged(self, items: Iterable[str | Page | Failure],
                     origin: str = "url") -> Iterator[tuple[str | Page | Failure, Page | Failure]]:
        """Like ``fetch_pages``, each result paired with the item it came from (the URL before redirects)."""
        window = max(1, self.options.workers) * 2
        pending: deque[tuple[str | Page | Failure, Future]] = deque()
        pool = ThreadPoolExecutor(max_workers=max(1, self.options.workers), thread_name_prefix="warta-fetch")
        try:
            for item in items:
                future = pool.submit(self.fetch_page, item, origin) if isinstance(item, str) else _done(item)
                pending.append((item, future))
                while len(pending) >= window:
                    item, future = pending.popleft()
                    yield item, future.result()
            while pending:
                item, future = pending.popleft()
                yield item, future.result()
        finally:  # on Ctrl-C or an abandoned generator, queued fetches are dropped, not run
            pool.shutdown(wait=True, cancel_futures=True)

    # internals ------------------------------------------------------------------------------------

    def _gate(self, url: str) -> HostGate:
        key = _host_key(url)
        with self._lock:
            if key not in self._gates:
                self._gates[key] = HostGate(self.options.per_host, self.options.delay)
            return self._gates[key]

    def _get_with_retries(self, url: str, max_bytes: int, keep_head: bool = False) -> Fetched:
        import httpx

        gate = self._gate(url)
        for attempt in range(self.options.retries + 1):
            last = attempt == self.options.retries
            try:
                with gate.slot():
                    response = self._get(url, max_bytes, keep_head)
            except httpx.TimeoutException as err:
                raise PageError("timeout", f"{type(err).__name__} for {url}") from None
            except httpx.TransportError as err:
                if "CERTIFICATE" in str(err).upper() or "SSL" in str(err).upper():  # retrying will not fix it
                    raise PageError("tls_error", f"{type(err).__name__}: {err}"[:300]) from None
                if last:
                    raise PageError("network_error", f"{type(err).__name__}: {err}"[:300]) from None
                gate.hold_off(self._backoff(attempt, None))
                continue
            if response.status in RETRY_CODES and not last:
                gate.hold_off(self._backoff(attempt, response.headers.get("retry-after")))
                continue
            return response
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        wait = retry_after_seconds(retry_after)
        if wait is None:
            wait = self.options.backoff * 2 ** attempt
        return min(wait, self.options.max_retry_after)

    def _get(self, url: str, max_bytes: int, keep_head: bool = False) -> Fetched:
        deadline = time.monotonic() + self.options.total_timeout
        with self.client.stream("GET", url) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes and not keep_head:
                raise PageError("too_large", f"Content-Length {declared} is over {max_bytes} bytes")
            chunks, size = [], 0
            for chunk in response.iter_raw():
                size += len(chunk)
                if size > max_bytes:
                    if not keep_head:
                        raise PageError("too_large", f"body over {max_bytes} bytes")
                    chunks.append(chunk[: len(chunk) - (size - max_bytes)])
                    break
                if time.monotonic() > deadline:
                    raise PageError("timeout", f"response took longer than {self.options.total_timeout:g} s")
                chunks.append(chunk)
            raw = b"".join(chunks)
            headers = {k.lower(): v for k, v in response.headers.items()}
            return Fetched(url=str(response.url), status=response.status_code, reason=response.reason_phrase,
                           raw_headers=list(response.headers.multi_items()), raw_body=raw,
                           body=decode_content_encoding(raw, headers.get("content-encoding"), max_bytes),
                           fetched_at=now_iso(), headers=headers)

    def _check_robots(self, url: str) -> None:
        rules = self._robots_for(url)
        if isinstance(rules, PageError):
            raise PageError(rules.reason, rules.detail)
        if not rules.allowed(url):
            raise PageError("robots_disallowed", f"robots.txt disallows {url}")

    def _robots_for(self, url: str) -> RobotsRules | PageError:
        key = _host_key(url)
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one robots.txt fetch per host, even with many workers
            if key not in self._robots:
                self._robots[key] = self._load_robots(key)
            return self._robots[key]

    def _load_robots(self, origin: str) -> RobotsRules | PageError:
        """RFC 9309: 4xx → everything allowed; 5xx or unreachable → nothing allowed (kept as the error)."""
        try:
            fetched = self.fetch(origin + "/robots.txt", obey_robots=False, max_bytes=ROBOTS_MAX_BYTES,
                                 keep_head=True)
        except PageError as err:
            if err.reason.startswith("http_4"):
                return allow_all()
            if err.reason in ("private_address", "dns_error", "dns_timeout", "tls_error"):  # the host is the problem
                return err
            return PageError("robots_unreachable", f"robots.txt of {origin} unavailable ({err.reason}); "
                                                   "not fetching from it")
        rules = parse_robots(fetched.body.decode("utf-8", "replace"), self.options.user_agent)
        if rules.crawl_delay:
            gate = self._gate(origin)
            gate.delay = max(gate.delay, min(rules.crawl_delay, self.options.max_retry_after))
        return rules


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _done(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


class WarcSaver:
    """Writes each final response as a WARC response record (gzip per record when the name ends in .gz)."""

    def __init__(self, path: str, append: bool = False):
        from warcio.warcwriter import WARCWriter

        self.path = path
        self.fh = open(path, "ab" if append else "wb")  # noqa: SIM115 - closed in close()
        self.writer = WARCWriter(self.fh, gzip=path.lower().endswith(".gz"))
        self.lock = threading.Lock()

    def save(self, fetched: Fetched) -> None:
        from warcio.statusandheaders import StatusAndHeaders

        # the body is stored de-chunked, so the chunked marker must not survive into the record
        headers = [(k, v) for k, v in fetched.raw_headers if k.lower() != "transfer-encoding"]
        http_headers = StatusAndHeaders(f"{fetched.status} {fetched.reason}", headers, protocol="HTTP/1.1")
        record = self.writer.create_warc_record(fetched.url, "response", payload=io.BytesIO(fetched.raw_body),
                                                http_headers=http_headers,
                                                warc_headers_dict={"WARC-Date": fetched.fetched_at})
        with self.lock:
            self.writer.write_record(record)
            self.fh.flush()

    def close(self) -> None:
        with self.lock:
            self.fh.close()
