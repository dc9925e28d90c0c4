"""WARC and WARC.gz archives → HTML Pages, streaming (one record in memory at a time, capped).

Response (and resource) records carrying HTML become ``Page(kind="html", origin="warc")`` with the target URI,
WARC-Date, the record's byte offset and the HTTP headers (so the extractor sees the declared charset).
Every other response record becomes a Failure that says why it was skipped (``skipped_non_html``,
``skipped_status``, ``skipped_revisit``), so a crawl's count of pages adds up. Request, warcinfo and
metadata records are bookkeeping, not pages, and are not read at all. A truncated record, broken gzip or
junk where a WARC header should be is a Failure with the offset where it happened; it never raises. After
damage, reading resumes at the next intact record (next gzip member that starts a WARC record, or next
``WARC/1.x`` line), so one bad spot in a large crawl file does not lose the rest of it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warta.errors import PageError
from warta.model import Failure, Page
from warta.sources.files import SourceOptions, reader
from warta.sources.http import decode_content_encoding, kind_of, with_charset

HEAD_ALLOWANCE = 256 * 1024  # room for HTTP headers on top of the body cap
MAX_RESYNCS = 1000  # damaged spots tolerated in one file before giving up on it
_SCAN_CHUNK = 1 << 20
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = b"WARC/1."


@reader("warc")
def read_warc_file(path: Path, options: SourceOptions) -> Iterator[Page | Failure]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    base = {"kind": "warc", "path": str(path)}
    wanted = WarcRecordType.response | WarcRecordType.resource | WarcRecordType.revisit
    start, last, records, damaged = 0, -1, 0, 0
    pending: Failure | None = None  # one failure per damaged stretch, however many retries it takes
    while start is not None:
        try:
            with open(path, "rb") as fh:
                fh.seek(start)
                for record in ArchiveIterator(fh, record_types=wanted, parse_http=False):
                    if pending is not None:
                        yield pending
                        pending = None
                    last = record.stream_pos
                    records += 1
                    yield _from_record(record, path, options)
            break
        except (OSError, EOFError, ValueError) as err:
            at = max(last, start)  # the damage is after the last record that started well
            damaged += 1
            start = _next_record(path, at + 1) if damaged < MAX_RESYNCS else None
            if pending is None:
                records += 1
                error = f"{type(err).__name__}: {err}"[:300]
                pending = Failure(dict(base, offset=at), _error_reason(err), error, step="source.warc")
            pending.detail = error + (f"; reading resumed at offset {start}" if start is not None
                                      else "; nothing readable after it")
    if pending is not None:
        yield pending
    if records == 0:
        empty = path.stat().st_size == 0
        yield Failure(base, "empty" if empty else "no_records", "no WARC response records found", step="source.warc")


def _next_record(path: Path, position: int) -> int | None:
    """Offset of the next place at or after ``position`` where an intact record starts, or None."""
    with open(path, "rb") as fh:
        gzipped = fh.read(2) == b"\x1f\x8b"
        marker = _GZIP_MAGIC if gzipped else _WARC_LINE
        while True:
            fh.seek(position)
            chunk = fh.read(_SCAN_CHUNK + len(marker))
            if len(chunk) < len(marker):
                return None
            found = chunk.find(marker)
            while found >= 0:
                fh.seek(position + found)
                if _starts_record(fh.read(65536), gzipped):
                    return position + found
                found = chunk.find(marker, found + 1)
            position += _SCAN_CHUNK


def _starts_record(head: bytes, gzipped: bool) -> bool:
    if not gzipped:
        return head.startswith(_WARC_LINE)
    try:
        return zlib.decompressobj(31).decompress(head, 16).startswith(_WARC_LINE)
    except zlib.error:
        return False


def _error_reason(err: Exception) -> str:
    text = str(err).lower()
    if "gzip" in text or "decompress" in text:
        return "broken_gzip"
    if "header" in text:
        return "invalid_warc"
    return "unreadable"


def _from_record(record, path: Path, options: SourceOptions) -> Page | Failure:
    url = (record.headers.get("WARC-Target-URI") or "").strip().strip("<>") or None
    source = {"kind": "warc", "path": str(path), "offset": record.stream_pos}
    if url:
        source["url"] = url
    try:
        return _page(record, url, path, options)
    except PageError as err:
        return Failure(source, err.reason, err.detail, step="source.warc")


def _page(record, url: str | None, path: Path, options: SourceOptions) -> Page:
    from fastwarc.warc import WarcRecordType

    if record.record_type == WarcRecordType.revisit:
        raise PageError("skipped_revisit", "revisit record (duplicate of an earlier capture) has no body")
    declared = record.headers.get("Content-Length")
    if declared is None or not declared.strip().isdigit():
        raise PageError("truncated", "record header is cut off (no Content-Length)")
    length = int(declared)
    if length > options.max_bytes + HEAD_ALLOWANCE:
        raise PageError("too_large", f"record of {length} bytes is over {options.max_bytes}")
    block = _read_exactly(record.reader, length)
    if len(block) < length:
        raise PageError("truncated", f"record has {len(block)} of {length} bytes")
    if record.record_type == WarcRecordType.resource:
        status, headers, body = 200, {"content-type": record.headers.get("Content-Type", "")}, block
    else:
        status, headers, body = parse_http_response(block)
    if not 200 <= status < 300:
        raise PageError("skipped_status", f"HTTP status {status}")
    body = decode_content_encoding(body, headers.get("content-encoding"), options.max_bytes)
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if kind_of(content_type, body) != "html":
        raise PageError("skipped_non_html", f"content type {content_type or 'unknown'!r}")
    return Page(kind="html", content=body, path=str(path), url=url, offset=record.stream_pos,
                fetched_at=record.headers.get("WARC-Date"), headers=with_charset(headers), origin="warc")


def _read_exactly(stream, length: int) -> bytes:
    chunks, size = [], 0
    while size < length:
        chunk = stream.read(min(length - size, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def parse_http_response(block: bytes) -> tuple[int, dict[str, str], bytes]:
    """Status, lower-cased headers and body of a raw HTTP response (de-chunked when it says chunked)."""
    end = block.find(b"\r\n\r\n")
    sep = 4
    if end < 0:
        end, sep = block.find(b"\n\n"), 2
    if end < 0:
        raise PageError("invalid_http", "no end of HTTP headers in the record")
    lines = block[:end].decode("latin-1").splitlines()
    parts = lines[0].split(None, 2) if lines else []
    if len(parts) < 2 or not parts[0].upper().startswith("HTTP/") or not parts[1].isdigit():
        raise PageError("invalid_http", f"bad status line {lines[0][:80]!r}" if lines else "empty HTTP head")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if colon:
            key = name.strip().lower()
            headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
    body = block[end + sep:]
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = dechunk(body)
    return int(parts[1]), headers, body


def dechunk(data: bytes) -> bytes:
    """Undo chunked transfer coding; data that is not really chunked (a common crawler quirk) is kept as is."""
    out, pos = [], 0
    while pos < len(data):
        line_end = data.find(b"\r\n", pos)
        if line_end < 0:
            return data
        size_text = data[pos:line_end].split(b";")[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return data
        if size == 0:
            return b"".join(out)
        out.append(data[line_end + 2:line_end + 2 + size])
        pos = line_end + 2 + size + 2
    return b"".join(out)
