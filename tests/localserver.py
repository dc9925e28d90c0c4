"""A tiny scripted HTTP server on 127.0.0.1 for fetcher tests (no traffic leaves the machine)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Response = tuple[int, dict[str, str], bytes]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        app: LocalServer = self.server.app  # type: ignore[attr-defined]
        app.enter(self)
        try:
            route = app.routes.get(self.path)
            if route is None:
                self.reply(404, {"Content-Type": "text/plain"}, b"not found")
            elif callable(route):
                route(self)
            else:
                self.reply(*route)
        finally:
            app.leave()

    def reply(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:  # noqa: A002 - keep test output quiet
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # clients hang up on purpose (timeouts, size caps); that is not an error here


class LocalServer:
    def __init__(self, tls: tuple[str, str] | None = None) -> None:
        """``tls``: (certificate file, key file) to serve https instead of http."""
        self.scheme = "https" if tls else "http"
        self.routes: dict[str, Response | Callable[[Handler], None]] = {}
        self.hits: Counter[str] = Counter()
        self.user_agents: list[str] = []
        self.active = 0
        self.max_active = 0
        self.lock = threading.Lock()
        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.httpd.app = self  # type: ignore[attr-defined]
        if tls:
            import ssl

            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def reset(self) -> None:
        self.routes.clear()
        self.hits.clear()
        self.user_agents.clear()
        self.max_active = 0

    def enter(self, handler: Handler) -> None:
        with self.lock:
            self.hits[handler.path] += 1
            self.user_agents.append(handler.headers.get("User-Agent", ""))
            self.active += 1
            self.max_active = max(self.max_active, self.active)

    def leave(self) -> None:
        with self.lock:
            self.active -= 1

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def html(body: str, charset: str = "utf-8") -> Response:
    return 200, {"Content-Type": f"text/html; charset={charset}"}, body.encode(charset)


def sequence(*responses: Response) -> Callable[[Handler], None]:
    """Answer with each response in turn; the last one repeats."""
    queue = list(responses)

    def route(handler: Handler) -> None:
        handler.reply(*(queue.pop(0) if len(queue) > 1 else queue[0]))

    return route


def slow(seconds: float, response: Response) -> Callable[[Handler], None]:
    def route(handler: Handler) -> None:
        time.sleep(seconds)
        handler.reply(*response)

    return route


def article_html(n: int, title: str | None = None) -> str:
    """A small news article the HTML extractor turns into a record."""
    title = title or f"Banjir melanda kawasan {n} setelah hujan deras"
    paragraphs = "".join(
        f"<p>JAKARTA - Hujan deras yang turun sejak pagi membuat sungai meluap di kawasan nomor {n}, "
        f"dan ratusan rumah warga terendam air setinggi satu meter. Petugas gabungan mengevakuasi warga "
        f"ke tempat yang lebih aman, kata kepala badan penanggulangan bencana setempat (paragraf {k}).</p>"
        for k in range(4))
    return (f"<!doctype html><html><head><title>{title}</title></head><body><nav><a href='/'>Beranda</a></nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article><footer>Hak cipta</footer></body></html>")


def rss(items: list[str], title: str = "Berita") -> bytes:
    entries = "".join(f"<item><title>t</title><link>{url}</link></item>" for url in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"{entries}</channel></rss>").encode()


def urlset(urls: list[str], news: bool = False) -> bytes:
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    extra = ("<news:news><news:publication_date>2026-11-27T08:00:00+07:00</news:publication_date>"
             "<news:title>t</news:title></news:news>") if news else ""
    body = "".join(f"<url><loc>{url}</loc>{extra}</url>" for url in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
            f"{ns}>{body}</urlset>").encode()


def sitemap_index(urls: list[str]) -> bytes:
    body = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>').encode()


def entity_bomb() -> bytes:
    """Billion laughs: ten levels of entities, each ten copies of the one below (10^9 "lol"s if expanded)."""
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{levels}]>'
            "<rss><channel><item><link>http://x/&l9;</link></item></channel></rss>").encode()
