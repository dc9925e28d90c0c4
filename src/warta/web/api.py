"""JSON API under ``/api`` (OpenAPI at ``/openapi.json``). Read-only except ``/api/ingest/*``, which needs
the start-up token. Lists can be downloaded whole as CSV or JSONL from ``/api/export/*``."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from warta.store.query import as_dict
from warta.store.sqlite_query import SQLiteReader
from warta.web import render
from warta.web.app import reader, require_token, settings
from warta.web.params import EventFilterParams, Page, PerPage, Q, RecordFilters, Sort, Text

router = APIRouter(prefix="/api", tags=["api"])
Store = Annotated[SQLiteReader, Depends(reader)]
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz", ".ndjson", ".warc", ".warc.gz", ".gz")
EXPORT_LIMIT = 100_000
EXPORT_TIME_LIMIT_S = 60.0


# --- response models (they document the API and let contract tests check responses) -------------------

class Hit(BaseModel):
    id: str
    title: str | None
    site: str | None
    published: str | None
    language: str | None
    url: str | None
    snippet: str
    matches: list[tuple[int, int]] = Field(description="[start, end) of matched words in snippet")
    score: float | None


class SearchResponse(BaseModel):
    query: str
    total: int
    page: int
    per_page: int
    sort: str
    hits: list[Hit]
    total_capped: bool = Field(description="true when counting stopped at a cap and total is a lower bound")


class FacetValue(BaseModel):
    value: str
    count: int


class Facets(BaseModel):
    site: list[FacetValue]
    language: list[FacetValue]
    month: list[FacetValue]
    entity: list[FacetValue]
    event_type: list[FacetValue]
    country: list[FacetValue]
    counted: int = Field(description="matches the counts cover (the most recently stored, when there are more)")
    complete: bool = Field(description="true when every match was counted")


class Record(BaseModel):
    """A ``warta/1`` record (schema/record.schema.json); later fields such as ``cluster`` pass through."""

    model_config = ConfigDict(extra="allow")
    schema_: str = Field(alias="schema")
    id: str
    title: str | None
    text: str
    paragraphs: list[str]
    language: str | None
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]


class EntityRow(BaseModel):
    name: str
    type: str | None
    country: str | None
    role: str | None
    records: int
    mentions: int | None


class EntitiesResponse(BaseModel):
    total: int
    page: int
    per_page: int
    entities: list[EntityRow]


class EventRow(BaseModel):
    record_id: str
    n: int
    type: str
    mode: str | None
    cameo: str | None
    location: str | None
    confidence: float | None
    date: str | None
    actor_name: str | None
    actor_entity: str | None
    actor_country: str | None
    actor_role: str | None
    recipient_name: str | None
    recipient_entity: str | None
    recipient_country: str | None
    recipient_role: str | None
    evidence_start: int | None
    evidence_end: int | None
    evidence: str | None
    record_title: str | None
    record_site: str | None
    tone: str


class EventsResponse(BaseModel):
    total: int
    page: int
    per_page: int
    events: list[EventRow]


class QuoteRow(BaseModel):
    record_id: str
    n: int
    kind: str | None
    speaker_id: str | None
    speaker_name: str | None
    cue: str | None
    text: str | None
    start: int | None
    end: int | None
    record_title: str | None
    published: str | None


class QuotesResponse(BaseModel):
    total: int
    page: int
    per_page: int
    quotes: list[QuoteRow]


class Period(BaseModel):
    period: str
    cooperative: int
    neutral: int
    conflictual: int


class Timeline(BaseModel):
    granularity: Literal["day", "month"]
    periods: list[Period]


class NetworkNode(BaseModel):
    name: str
    events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    count: int
    types: dict[str, int]
    tone: Literal["cooperative", "neutral", "conflictual"]


class NetworkResponse(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class Actor(BaseModel):
    name: str
    kinds: list[dict[str, Any]]
    records: int
    mention_days: list[tuple[str, int]]
    quotes: list[QuoteRow]
    co_occurring: list[dict[str, Any]]
    events_as_actor: int
    events_as_recipient: int


class IngestFailure(BaseModel):
    reason: str
    detail: str
    source: dict[str, Any]


class IngestResponse(BaseModel):
    records: list[str]
    failures: list[IngestFailure]


class IngestUrl(BaseModel):
    url: str = Field(max_length=2000, description="http(s) URL of an article, feed or sitemap")


NOT_FOUND = {404: {"description": "not found"}}
WRITE_ERRORS = {400: {"description": "malformed request body"}, 401: {"description": "no bearer token sent"},
                413: {"description": "upload larger than 20 MB"},
                403: {"description": "writes disabled (no token at start-up) or wrong token"}}


# --- read endpoints ------------------------------------------------------------------------------------

@router.get("/search", response_model=SearchResponse)
def search(store: Store, filters: RecordFilters, q: Q = "", sort: Sort = "relevance", page: Page = 1,
           per_page: PerPage = 20) -> dict[str, Any]:
    """Full-text search over titles and text with facet filters; any input is safe (escaped for FTS5).
    Without ``q`` every record matching the filters is listed, newest first."""
    result = store.search_records(q, filters, sort, page, per_page)
    return {"query": q, **as_dict(result)}


@router.get("/facets", response_model=Facets)
def facets(store: Store, filters: RecordFilters, q: Q = "",
           limit: Annotated[int, Query(ge=1, le=100)] = 12) -> dict[str, Any]:
    """Record counts per site, language, month, entity, event type and country among the matches."""
    return {k: [as_dict(v) for v in v_] if isinstance(v_, list) else v_
            for k, v_ in store.facets(q, filters, limit).items()}


@router.get("/records/{record_id}", response_model=Record, response_model_by_alias=True, responses=NOT_FOUND)
def record(store: Store, record_id: str) -> dict[str, Any]:
    """One stored ``warta/1`` record."""
    data = store.record_json(record_id)
    if data is None:
        raise HTTPException(404, "no such record")
    return data


@router.get("/entities", response_model=EntitiesResponse)
def entities(store: Store, name: Text = None, type: Text = None, country: Text = None, page: Page = 1,
             per_page: PerPage = 50) -> dict[str, Any]:
    """Entity names across the store, by number of records; ``name`` matches a substring."""
    total, rows = store.entities(name, type, country, page, per_page)
    return {"total": total, "page": page, "per_page": per_page, "entities": rows}


@router.get("/events", response_model=EventsResponse)
def events(store: Store, filters: EventFilterParams, page: Page = 1, per_page: PerPage = 50) -> dict[str, Any]:
    """Coded events (PLOVER), newest first, each with its evidence text and tone."""
    total, rows = store.events(filters, page, per_page)
    return {"total": total, "page": page, "per_page": per_page, "events": [_with_tone(r) for r in rows]}


@router.get("/events/timeline", response_model=Timeline)
def timeline(store: Store, filters: EventFilterParams) -> dict[str, Any]:
    """Event counts per day (or month, for long spans) by tone: cooperative, neutral, conflictual."""
    granularity, buckets, series = render.tone_series(store.event_days(filters))
    return {"granularity": granularity,
            "periods": [{"period": b, **{t: series[t].get(b, 0) for t in render.TONES}} for b in buckets]}


@router.get("/network", response_model=NetworkResponse)
def network(store: Store, filters: EventFilterParams,
            max_nodes: Annotated[int, Query(ge=2, le=200)] = 24) -> dict[str, Any]:
    """Who acts on whom: the busiest actors and the directed edges between them, weighted by event count,
    with counts per PLOVER type and the dominant tone."""
    net = render.network(store.event_pairs(filters), max_nodes=max_nodes)
    return {"nodes": [{"name": n.name, "events": n.events} for n in net.nodes],
            "edges": [{"source": e.source, "target": e.target, "count": e.count, "types": e.types, "tone": e.tone}
                      for e in net.edges]}


@router.get("/actors/{name}", response_model=Actor, responses=NOT_FOUND)
def actor(store: Store, name: str) -> dict[str, Any]:
    """One actor (entity name): kinds, records per day, quotes, co-occurring entities, event counts."""
    data = store.actor(name)
    if data is None:
        raise HTTPException(404, "no such actor")
    return data


@router.get("/quotes", response_model=QuotesResponse)
def quotes(store: Store, speaker: Text = None, page: Page = 1, per_page: PerPage = 50) -> dict[str, Any]:
    """Quotes, newest first; ``speaker`` is a speaker or entity name."""
    total, rows = store.quotes(speaker, page, per_page)
    return {"total": total, "page": page, "per_page": per_page, "quotes": rows}


@router.get("/stats")
def stats(store: Store) -> dict[str, Any]:
    """Counts in the store (records, failures by reason, languages, sites, date range, annotations)."""
    data = store.stats()
    data.pop("db", None)  # the server's file path is not the client's business
    return data


def _with_tone(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "tone": render.tone(row["type"])}


# --- downloads -----------------------------------------------------------------------------------------

Format = Annotated[Literal["csv", "jsonl"], Query(alias="format")]
DOWNLOAD = {200: {"content": {"text/csv": {}, "application/x-ndjson": {}},
                  "description": "every matching row (up to 100,000) as CSV or JSON lines"}}
RECORD_CSV = ["id", "url", "title", "site", "language", "published", "dateline", "credit", "authors",
              "entities", "quotes", "events", "text"]


@router.get("/export/records", response_class=StreamingResponse, responses=DOWNLOAD)
def export_records(request: Request, filters: RecordFilters, fmt: Format = "jsonl", q: Q = "",
                   sort: Sort = "date") -> StreamingResponse:
    """The search result list: full ``warta/1`` records (JSONL) or one flat row per record (CSV)."""
    def rows(store: SQLiteReader) -> Iterator[dict[str, Any]]:
        for data in store.iter_search(q, filters, sort, limit=EXPORT_LIMIT):
            yield data if fmt == "jsonl" else _record_row(data)

    return _download(request, rows, fmt, RECORD_CSV, "warta-records")


@router.get("/export/events", response_class=StreamingResponse, responses=DOWNLOAD)
def export_events(request: Request, filters: EventFilterParams, fmt: Format = "jsonl") -> StreamingResponse:
    """The event list, one row per event."""
    def rows(store: SQLiteReader) -> Iterator[dict[str, Any]]:
        return (_with_tone(r) for r in store.iter_events(filters, limit=EXPORT_LIMIT))

    return _download(request, rows, fmt, list(EventRow.model_fields), "warta-events")


@router.get("/export/entities", response_class=StreamingResponse, responses=DOWNLOAD)
def export_entities(request: Request, fmt: Format = "jsonl", name: Text = None, type: Text = None,
                    country: Text = None) -> StreamingResponse:
    """The entity list, one row per entity name."""
    def rows(store: SQLiteReader) -> Iterable[dict[str, Any]]:
        return store.entities(name, type, country, 1, EXPORT_LIMIT)[1]

    return _download(request, rows, fmt, list(EntityRow.model_fields), "warta-entities")


@router.get("/export/quotes", response_class=StreamingResponse, responses=DOWNLOAD)
def export_quotes(request: Request, fmt: Format = "jsonl", speaker: Text = None) -> StreamingResponse:
    """The quote list, one row per quote."""
    def rows(store: SQLiteReader) -> Iterable[dict[str, Any]]:
        return store.quotes(speaker, 1, EXPORT_LIMIT)[1]

    return _download(request, rows, fmt, list(QuoteRow.model_fields), "warta-quotes")


def _record_row(data: dict[str, Any]) -> dict[str, Any]:
    return {**{k: data.get(k) for k in RECORD_CSV}, "authors": "; ".join(data.get("authors") or []),
            "entities": len(data.get("entities") or []), "quotes": len(data.get("quotes") or []),
            "events": len(data.get("events") or [])}


def _download(request: Request, rows, fmt: str, columns: list[str], name: str) -> StreamingResponse:
    """Stream rows from a connection owned by the response (it outlives the request's dependencies)."""
    s = settings(request)

    def body() -> Iterator[str]:
        with s.download_reader(EXPORT_TIME_LIMIT_S) as store:
            yield from (_jsonl(rows(store)) if fmt == "jsonl" else _csv(rows(store), columns))

    media = "application/x-ndjson" if fmt == "jsonl" else "text/csv"
    return StreamingResponse(body(), media_type=f"{media}; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


def _jsonl(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def _csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for n, row in enumerate(rows):
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
        if n % 200 == 199:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def csv_cell(value: Any) -> Any:
    """Page text opened in a spreadsheet must not run as a formula: cells starting with = + - @ get a quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


# --- write endpoints (need the token) -----------------------------------------------------------------

@router.post("/ingest/url", response_model=IngestResponse, responses=WRITE_ERRORS,
             dependencies=[Depends(require_token)])
def ingest_url(request: Request, body: IngestUrl) -> dict[str, Any]:
    """Fetch an http(s) URL (article, feed or sitemap; politely, public addresses only) and store what comes
    out."""
    if not render.safe_url(body.url):
        raise HTTPException(422, "url must be an absolute http(s) URL")
    from warta.sources import iter_pages

    return _ingest(request, iter_pages([body.url]), label=None)


@router.post("/ingest/upload", response_model=IngestResponse, responses=WRITE_ERRORS,
             dependencies=[Depends(require_token)])
def ingest_upload(request: Request, file: Annotated[UploadFile, File(description="a page or a crawl file")]
                  ) -> dict[str, Any]:
    """Process an uploaded file (.txt, .html, .jsonl(.gz), .warc(.gz); at most 20 MB) into the store."""
    from warta.sources import iter_pages

    name = Path(file.filename or "upload.txt").name
    suffix = next((s for s in UPLOAD_SUFFIXES if name.lower().endswith(s)), ".txt")
    data = file.file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise HTTPException(413, "file larger than 20 MB")
    with tempfile.TemporaryDirectory(prefix="warta-upload-") as folder:
        path = Path(folder) / ("upload" + suffix)
        path.write_bytes(data)
        return _ingest(request, iter_pages([str(path)]), label=f"upload:{name}")


def _ingest(request: Request, pages, label: str | None) -> dict[str, Any]:
    from warta.model import Failure
    from warta.pipeline import Pipeline
    from warta.store import open_store

    items = []
    for item in Pipeline().run(_relabel(pages, label)):
        items.append(item)
    s = settings(request)
    with s.write_lock, open_store(s.db) as store:
        store.write(items)
    return {"records": [i.id for i in items if not isinstance(i, Failure)],
            "failures": [{"reason": i.reason, "detail": i.detail, "source": i.source}
                         for i in items if isinstance(i, Failure)]}


def _relabel(pages, label: str | None):
    """Uploaded pages keep the uploaded file's name as their path, not the server's temporary file."""
    for page in pages:
        if label:
            if hasattr(page, "path") and page.path is not None:
                page.path = label
            elif hasattr(page, "source") and isinstance(page.source, dict):
                page.source["path"] = label
        yield page
