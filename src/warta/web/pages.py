"""Server-rendered pages: search, article, actor, events, entities. Templates escape everything (Jinja
autoescape); this module only prepares plain values."""

from __future__ import annotations

import math
from dataclasses import asdict
from importlib import resources
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from warta.store.query import EventFilters, Filters
from warta.store.sqlite_query import SQLiteReader
from warta.web import render
from warta.web.app import reader
from warta.web.params import EventFormFilters, Page, Q, RecordFormFilters, Sort, Text, query_string

router = APIRouter(include_in_schema=False)
Store = Annotated[SQLiteReader, Depends(reader)]
PER_PAGE = 20


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.files("warta") / "web" / "templates")),
        autoescape=True,  # every {{ value }} is escaped, in every template
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(actor_path=render.actor_path, safe_url=render.safe_url, query_string=query_string,
                       tone=render.tone, plover_types=render.PLOVER_TYPES, snippet_parts=render.snippet_parts)
    return Jinja2Templates(env=env)


templates = _templates()


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context)


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, store: Store, filters: RecordFormFilters, q: Q = "", sort: Sort = "relevance",
                page: Page = 1) -> HTMLResponse:
    result = store.search_records(q, filters, sort, page, PER_PAGE)
    facets = store.facets(q, filters)
    return _page(request, "search.html", q=q, filters=filters, sort=result.sort, result=result, facets=facets,
                 pages=max(1, math.ceil(result.total / PER_PAGE)), facet_names=_FACET_NAMES,
                 month_chart=_month_chart(facets["month"]), active=_active_filters(filters))


_FACET_NAMES = {"site": "Site", "language": "Language", "entity": "Entity", "event_type": "Event type",
                "country": "Country"}


def _active_filters(filters: Filters) -> list[tuple[str, str]]:
    return [(k, v) for k, v in asdict(filters).items() if v]


def _month_chart(months: list[Any]) -> render.Chart:
    days = [(m.value + "-01", m.count) for m in months]
    granularity, buckets = render.periods(days, max_days=-1)  # always months
    counts = {d[:7]: n for d, n in days}
    return render.stacked_bars(buckets, {"records": counts}, granularity, width=260, height=100)


@router.get("/records/{record_id}", response_class=HTMLResponse)
def record_page(request: Request, store: Store, record_id: str) -> HTMLResponse:
    data = store.record_json(record_id)
    if data is None:
        raise HTTPException(404, "no such record")
    r = {**RECORD_DEFAULTS, **{k: v for k, v in data.items() if v is not None}}
    speakers = {e.get("id"): e.get("name") for e in r["entities"]}
    return _page(request, "record.html", r=r, paragraphs=render.annotated_paragraphs(data),
                 source_url=render.safe_url(data.get("url")), speakers=speakers,
                 duplicates=store.near_duplicates(data), events=[_event_view(e, r["text"]) for e in r["events"]])


RECORD_DEFAULTS: dict[str, Any] = {
    "title": None, "site": None, "published": None, "dateline": None, "language": None, "credit": None, "url": None,
    "authors": [], "images": [], "text": "", "boilerplate": [], "entities": [], "quotes": [], "events": [],
    "source": {},
}


def _event_view(event: dict[str, Any], text: str) -> dict[str, Any]:
    """An event with plain actor/recipient dicts and its evidence text cut from the record's text."""
    evidence = event.get("evidence") or {}
    start, end = evidence.get("start"), evidence.get("end")
    cut = text[start:end] if isinstance(start, int) and isinstance(end, int) else evidence.get("text", "")
    return {"type": event.get("type"), "date": event.get("date"), "actor": event.get("actor") or {},
            "recipient": event.get("recipient") or {}, "evidence": cut}


@router.get("/actors/{name:path}", response_class=HTMLResponse)
def actor_page(request: Request, store: Store, name: str) -> HTMLResponse:
    data = store.actor(name)
    if data is None:
        raise HTTPException(404, "no such actor")
    as_actor = store.events(EventFilters(actor=name), 1, 50)[1]
    as_recipient = store.events(EventFilters(recipient=name), 1, 50)[1]
    return _page(request, "actor.html", a=data, chart=render.mentions_chart(data["mention_days"]),
                 as_actor=as_actor, as_recipient=as_recipient)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store: Store, filters: EventFormFilters, page: Page = 1) -> HTMLResponse:
    total, rows = store.events(filters, page, 50)
    granularity, buckets, series = render.tone_series(store.event_days(filters))
    return _page(request, "events.html", filters=filters, total=total, rows=rows, page=page,
                 pages=max(1, math.ceil(total / 50)), chart=render.stacked_bars(buckets, series, granularity),
                 net=render.network(store.event_pairs(filters)))


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, store: Store, name: Text = None, type: Text = None, country: Text = None,
                  page: Page = 1) -> HTMLResponse:
    total, rows = store.entities(name, type, country, page, 50)
    return _page(request, "entities.html", total=total, rows=rows, page=page, pages=max(1, math.ceil(total / 50)),
                 name=name or "", type=type or "", country=country or "")
