"""The web app: server-rendered pages (``pages.py``) and a JSON API under ``/api`` (``api.py``) over a store.

``create_app(db, token)`` builds it. Every request gets a read-only connection of its own from a pool (a
connection serves one request at a time, never two threads at once) and every query runs under a time limit. Write endpoints need the token given
at start-up; without one they are disabled. Responses carry a Content-Security-Policy that allows only the
app's own scripts and styles, so page-derived text can never run as script even if escaping failed.
"""

from __future__ import annotations

import hmac
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from warta.store.sqlite_query import SQLiteReader, deadline
from warta.store.sqlite_query import reader_pool as sqlite_reader_pool

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
WEB_DIR = Path(str(resources.files("warta") / "web"))


def is_postgres(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


class Settings:
    def __init__(self, db: str, token: str | None, time_limit_s: float):
        self.db = db
        self.token = token or None
        self.time_limit_s = time_limit_s
        self.write_lock = threading.Lock()  # one writer at a time (SQLite has one anyway; this avoids busy waits)
        if is_postgres(db):
            from warta.store.postgres_query import reader_pool

            self.readers = reader_pool(db, time_limit_s)
        else:
            self.readers = sqlite_reader_pool(db, time_limit_s)

    @contextmanager
    def download_reader(self, time_limit_s: float) -> Iterator[SQLiteReader]:
        """A connection of its own for a long download, under its own (longer) time limit."""
        if is_postgres(self.db):
            from warta.store.postgres_query import open_reader

            store = open_reader(self.db, time_limit_s)
            try:
                yield store
            finally:
                store.close()
            return
        store = SQLiteReader(self.db, time_limit_s=time_limit_s)
        try:
            with deadline(store.conn, time_limit_s):
                yield store
        finally:
            store.close()


def create_app(db: str, token: str | None = None, time_limit_s: float = 2.0,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """``db``: SQLite file or ``postgresql://`` URL (created and migrated here). ``token``: enables the write
    endpoints. ``allowed_hosts``: Host header values accepted (guards a loopback server against DNS rebinding)."""
    from warta.store import open_store
    from warta.web import api, pages

    with open_store(db) as store:  # create, migrate and index once, before any reader opens it
        store.ensure_indexes()
    app = FastAPI(title="warta", version=_version(), docs_url=None, redoc_url=None,
                  description="Read-only JSON API over a warta store; write endpoints need a bearer token.")
    app.state.settings = Settings(db, token, time_limit_s)
    app.middleware("http")(_security_headers)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_exception_handler(sqlite3.OperationalError, _busy)
    if is_postgres(db):
        import psycopg

        app.add_exception_handler(psycopg.errors.QueryCanceled, _pg_busy)
        app.add_exception_handler(psycopg.OperationalError, _pg_busy)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


async def _security_headers(request: Request, call_next):
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


async def _busy(request: Request, exc: sqlite3.OperationalError):
    # the deadline interrupts slow queries; a locked database is also transient
    detail = "query took too long; narrow it down" if "interrupt" in str(exc) else "store busy; try again"
    return await _http_error(request, StarletteHTTPException(503, detail))


async def _pg_busy(request: Request, exc: Exception):
    import psycopg

    slow = isinstance(exc, psycopg.errors.QueryCanceled)
    detail = "query took too long; narrow it down" if slow else "store unavailable; try again"
    return await _http_error(request, StarletteHTTPException(503, detail))


async def _http_error(request: Request, exc: StarletteHTTPException):
    """JSON for the API, a page for people."""
    if request.url.path.startswith(("/api/", "/openapi.json", "/static/")):
        return await http_exception_handler(request, exc)
    from warta.web.pages import templates

    return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                                      status_code=exc.status_code, headers=getattr(exc, "headers", None))


def settings(request: Request) -> Settings:
    return request.app.state.settings


def reader(request: Request) -> Iterator[SQLiteReader]:
    """A read-only store connection for this request alone, back to the pool when the request ends."""
    pool = settings(request).readers
    store = pool.acquire()
    try:
        yield store
    finally:
        pool.release(store)


_bearer = HTTPBearer(auto_error=False, description="the token given to `warta serve --token`")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def require_token(request: Request, credentials: Credentials) -> None:
    """Write endpoints: 403 when the server has no token (writes disabled) or the token is wrong, 401 when
    none was sent."""
    expected = settings(request).token
    if expected is None:
        raise HTTPException(403, "write endpoints are disabled: start the server with --token or $WARTA_TOKEN")
    if credentials is None:
        raise HTTPException(401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise HTTPException(403, "wrong token")


def _version() -> str:
    from warta import __version__

    return __version__
