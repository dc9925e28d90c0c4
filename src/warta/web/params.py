"""Query parameters shared by pages and API: facet filters for records, filters for events, paging."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Query

from warta.store.query import EventFilters, Filters

Sort = Literal["relevance", "date", "oldest"]
Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[str | None, Query(max_length=10, description="ISO date YYYY-MM-DD (inclusive); empty = none")]


def _day(value: str | None, name: str) -> str | None:
    """Empty → None (HTML forms send empty fields); anything but YYYY-MM-DD → 422."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} must be a date like 2024-03-30") from None


def _text(value: str | None) -> str | None:
    return value.strip() or None if value else None


def record_filters(site: Text = None, language: Text = None, date_from: Day = None, date_to: Day = None,
                   entity: Text = None, event_type: Text = None, country: Text = None) -> Filters:
    return Filters(site=_text(site), language=_text(language), date_from=_day(date_from, "date_from"),
                   date_to=_day(date_to, "date_to"), entity=_text(entity), event_type=_text(event_type),
                   country=_text(country))


def event_filters(type: Text = None, actor: Text = None, recipient: Text = None, party: Text = None,
                  country: Text = None, date_from: Day = None, date_to: Day = None) -> EventFilters:
    return EventFilters(type=_text(type), actor=_text(actor), recipient=_text(recipient), party=_text(party),
                        country=_text(country), date_from=_day(date_from, "date_from"),
                        date_to=_day(date_to, "date_to"))


RecordFilters = Annotated[Filters, Depends(record_filters)]
EventFilterParams = Annotated[EventFilters, Depends(event_filters)]
Q = Annotated[str, Query(max_length=500, description='words; "a phrase" in quotes; OR between words')]
Page = Annotated[int, Query(ge=1, le=1000)]
PerPage = Annotated[int, Query(ge=1, le=100)]


def query_string(**values: object) -> str:
    """URL query from the non-empty values (dataclasses are flattened), for links that keep the filters."""
    flat: dict[str, object] = {}
    for key, value in values.items():
        if isinstance(value, (Filters, EventFilters)):
            flat.update(asdict(value))
        else:
            flat[key] = value
    return urlencode({k: v for k, v in flat.items() if v not in (None, "")})
