"""Local inputs: text files, folders, JSONL rows. Kinds are detected from the name, then the content;
``kind`` overrides detection. Other source modules (HTML, WARC, URLs) register readers in ``READERS``."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warta.model import Failure, Page

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # a single page larger than this is a failure, not a memory spike


@dataclass(slots=True)
class SourceOptions:
    kind: str | None = None  # force: text | jsonl | html | warc ...
    text_field: str = "text"
    html_field: str = "html"
    url_field: str = "url"
    max_bytes: int = DEFAULT_MAX_BYTES
    fetch: Any = None  # sources.http.FetchOptions for URLs, feeds and sitemaps (None: defaults)
    state: str | None = None  # SQLite file remembering fetched URLs, so a re-run fetches only new ones
    session: Any = None  # set while iterating: the shared fetcher and state (sources.feeds.Session)


Reader = Callable[[Path, SourceOptions], Iterator[Page | Failure]]
READERS: dict[str, Reader] = {}
# readers living in other modules, imported on first use so that reading a text file stays cheap
_READER_MODULES = {"warc": "warta.sources.warc", "parquet": "warta.sources.parquet",
                   "feed": "warta.sources.feeds", "sitemap": "warta.sources.feeds", "urls": "warta.sources.feeds"}
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def reader(kind: str) -> Callable[[Reader], Reader]:
    def register(fn: Reader) -> Reader:
        READERS[kind] = fn
        return fn

    return register


def iter_pages(paths: Iterable[str | os.PathLike], options: SourceOptions | None = None) -> Iterator[Page | Failure]:
    options = options or SourceOptions()
    try:
        for raw in paths:
            if isinstance(raw, str) and is_url(raw):
                from warta.sources.feeds import read_url

                yield from read_url(raw, options)
                continue
            path = Path(raw)
            if path.is_dir():
                for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                    yield from _read_file(child, options, in_folder=True)
            elif path.is_file():
                yield from _read_file(path, options)
            else:
                yield Failure({"kind": "file", "path": str(path)}, "not_found", "no such file or folder")
    finally:
        if options.session is not None:
            options.session.close()
            options.session = None


def is_url(value: str) -> bool:
    """Anything with a scheme is a URL input; the fetcher refuses schemes other than http/https."""
    return bool(_URL.match(value))


def detect_kind(path: Path, options: SourceOptions) -> str:
    if options.kind:
        return options.kind
    name = path.name.lower().removesuffix(".gz")
    for suffix, kind in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"), (".txt", "text"), (".html", "html"),
                         (".htm", "html"), (".warc", "warc"), (".arc", "warc"), (".parquet", "parquet"),
                         (".rss", "feed"), (".atom", "feed"), (".xml", "feed"), (".urls", "urls")):
        if name.endswith(suffix):
            return kind
    head = _head(path)
    if head.lstrip().startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"PAR1"):
        return "parquet"
    if re.match(rb"\s*(<\?xml[^>]*>\s*)?<(rss|feed|urlset|sitemapindex|rdf:RDF)\b", head):
        return "feed"
    if head.lstrip()[:1] == b"{":
        return "jsonl"
    if head.lstrip()[:1] == b"[":
        return "json"
    if b"<html" in head.lower() or head.lstrip().lower().startswith(b"<!doctype html"):
        return "html"
    return "text"


def _head(path: Path, size: int = 2048) -> bytes:
    try:
        with _open_binary(path) as fh:
            return fh.read(size)
    except (OSError, EOFError, gzip.BadGzipFile):
        return b""


def _open_binary(path: Path) -> io.BufferedIOBase:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


LISTINGS = ("feed", "sitemap", "urls")  # files whose links are fetched from the web


def _read_file(path: Path, options: SourceOptions, in_folder: bool = False) -> Iterator[Page | Failure]:
    kind = detect_kind(path, options)
    if in_folder and kind in LISTINGS and not options.kind:
        # a folder is local material: a feed or URL list met on the walk is not a request to go online
        yield Failure({"kind": kind, "path": str(path)}, "skipped_listing",
                      f"a {kind} inside a folder is not followed; name the file itself to fetch its links")
        return
    if kind not in READERS and kind in _READER_MODULES:
        import importlib

        importlib.import_module(_READER_MODULES[kind])
    fn = READERS.get(kind)
    if fn is None:
        yield Failure({"kind": kind, "path": str(path)}, "unsupported_input", f"no reader for {kind!r} inputs")
        return
    yield from fn(path, options)


def read_bytes_capped(path: Path, max_bytes: int) -> bytes:
    """Read a (possibly gzipped) file, refusing more than ``max_bytes`` of content."""
    if not path.name.lower().endswith(".gz") and path.stat().st_size > max_bytes:
        from warta.errors import PageError

        raise PageError("too_large", f"file of {path.stat().st_size} bytes is over {max_bytes}")
    with _open_binary(path) as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        from warta.errors import PageError

        raise PageError("too_large", f"more than {max_bytes} bytes")
    return data


@reader("text")
def read_text_file(path: Path, options: SourceOptions) -> Iterator[Page | Failure]:
    yield from _whole_file(path, options, "text")


@reader("html")
def read_html_file(path: Path, options: SourceOptions) -> Iterator[Page | Failure]:
    yield from _whole_file(path, options, "html")


def _whole_file(path: Path, options: SourceOptions, kind: str) -> Iterator[Page | Failure]:
    data = read_or_failure(path, options.max_bytes, {"kind": kind, "path": str(path)}, "source.file")
    yield data if isinstance(data, Failure) else Page(kind=kind, content=data, path=str(path))


def read_or_failure(path: Path, max_bytes: int, source: dict, step: str) -> bytes | Failure:
    """The file's (decompressed) bytes, or the failure that says why they could not be read."""
    from warta.errors import PageError

    try:
        return read_bytes_capped(path, max_bytes)
    except PageError as err:
        return Failure(source, err.reason, err.detail, step=step)
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        return Failure(source, "unreadable", f"{type(err).__name__}: {err}", step=step)


@reader("jsonl")
def read_jsonl_file(path: Path, options: SourceOptions) -> Iterator[Page | Failure]:
    """One page per row: ``text_field`` (flat text) or ``html_field`` (HTML); ``url`` when present.

    ``offset`` is the 0-based row number, so a failure points at the exact row."""
    base = {"kind": "jsonl", "path": str(path)}
    try:
        with _open_binary(path) as fh:
            for row_number, line in enumerate(_capped_lines(fh, options.max_bytes)):
                if line is None:
                    yield Failure(dict(base, offset=row_number), "too_large",
                                  f"row longer than {options.max_bytes} bytes", step="source.jsonl")
                elif line.strip():
                    yield _jsonl_row(line, row_number, path, options)
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        yield Failure(base, "unreadable", f"{type(err).__name__}: {err}", step="source.jsonl")


def _capped_lines(fh, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of at most ``max_bytes``; a longer one comes out as None, skipped in bounded pieces, never held."""
    while line := fh.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield None


def _jsonl_row(line: bytes, row_number: int, path: Path, options: SourceOptions) -> Page | Failure:
    source = {"kind": "jsonl", "path": str(path), "offset": row_number}
    if len(line) > options.max_bytes:
        return Failure(source, "too_large", f"row longer than {options.max_bytes} bytes", step="source.jsonl")
    try:
        row = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        return Failure(source, "invalid_jsonl_row", str(err)[:200], step="source.jsonl")
    return _row_page(row, row_number, path, options, "jsonl")


def _row_page(row: object, row_number: int, path: Path, options: SourceOptions, origin: str) -> Page | Failure:
    """A page from one decoded row: ``html_field`` (HTML) or ``text_field`` (flat text), ``url`` when present."""
    source = {"kind": origin, "path": str(path), "offset": row_number}
    step = f"source.{origin}"
    if not isinstance(row, dict):
        return Failure(source, f"invalid_{origin}_row", "row is not a JSON object", step=step)
    url = row.get(options.url_field)
    url = url if isinstance(url, str) and url else None
    for field, kind in ((options.html_field, "html"), (options.text_field, "text")):
        value = row.get(field)
        if isinstance(value, str):
            return Page(kind=kind, content=value, path=str(path), url=url, offset=row_number, origin=origin)
    return Failure(source, "missing_field",
                   f"row has no string field {options.text_field!r} or {options.html_field!r}", step=step)


@reader("json")
def read_json_file(path: Path, options: SourceOptions) -> Iterator[Page | Failure]:
    """A JSON document: an array of row objects (``offset`` = index) or one object. A ``.json`` file that is
    really JSON Lines (several values, one per line) is read as JSON Lines."""
    base = {"kind": "json", "path": str(path)}
    data = read_or_failure(path, options.max_bytes, base, "source.json")
    if isinstance(data, Failure):
        yield data
        return
    try:
        document = json.loads(data)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":  # one value per line after all
            yield from read_jsonl_file(path, options)
        else:
            yield Failure(base, "invalid_json", str(err)[:200], step="source.json")
        return
    except UnicodeDecodeError as err:
        yield Failure(base, "invalid_json", str(err)[:200], step="source.json")
        return
    rows = document if isinstance(document, list) else [document]
    for row_number, row in enumerate(rows):
        yield _row_page(row, row_number, path, options, "json")
