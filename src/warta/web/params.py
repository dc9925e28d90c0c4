"""Query parameters shared by pages and API: facet filters for records, filters for events, paging."""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Depends, Query
from pydantic import BeforeValidator

from warta.store.query import EventFilters, Filters

Sort = Literal["relevance", "date", "oldest"]
Text = Annotated[str | None, Query(max_length=200)]
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day_only(value: object) -> object:
    # pydantic would also take "0" (a Unix time) or "2024-03-30T10:00"; the API takes exactly YYYY-MM-DD
    if isinstance(value, str) and not _ISO_DAY.fullmatch(value):
        raise ValueError("expected a date like 2024-03-30")
    return value


Day = Annotated[date | None, Query(description="ISO date YYYY-MM-DD (inclusive)"), BeforeValidator(_iso_day_only)]
Confidence = Annotated[float | None, Query(ge=0.0, le=1.0, description="only events with at least this confidence")]
FormDay = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD; empty or invalid = none")]


def _day(value: date | str | None) -> str | None:
    """API dates arrive parsed (bad ones are a 422 before we get here); form dates may be empty or odd."""
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat() if value else None
    except ValueError:
        return None


def _text(value: str | None) -> str | None:
    return value.strip() or None if value else None


def record_filters(site: Text = None, language: Text = None, date_from: Day = None, date_to: Day = None,
                   entity: Text = None, event_type: Text = None, country: Text = None) -> Filters:
    return Filters(site=_text(site), language=_text(language), date_from=_day(date_from), date_to=_day(date_to),
                   entity=_text(entity), event_type=_text(event_type), country=_text(country))


def record_form_filters(site: Text = None, language: Text = None, date_from: FormDay = None,
                        date_to: FormDay = None, entity: Text = None, event_type: Text = None,
                        country: Text = None) -> Filters:
    """The same filters from an HTML form, where an empty date field means no date."""
    return record_filters(site, language, date_from, date_to, entity, event_type, country)  # type: ignore[arg-type]


def event_filters(type: Text = None, actor: Text = None, recipient: Text = None, party: Text = None,
                  country: Text = None, date_from: Day = None, date_to: Day = None,
                  min_confidence: Confidence = None) -> EventFilters:
    return EventFilters(type=_text(type), actor=_text(actor), recipient=_text(recipient), party=_text(party),
                        country=_text(country), date_from=_day(date_from), date_to=_day(date_to),
                        min_confidence=min_confidence)


def event_form_filters(type: Text = None, actor: Text = None, recipient: Text = None, party: Text = None,
                       country: Text = None, date_from: FormDay = None, date_to: FormDay = None) -> EventFilters:
    return event_filters(type, actor, recipient, party, country, date_from, date_to)  # type: ignore[arg-type]


RecordFilters = Annotated[Filters, Depends(record_filters)]
EventFilterParams = Annotated[EventFilters, Depends(event_filters)]
RecordFormFilters = Annotated[Filters, Depends(record_form_filters)]
EventFormFilters = Annotated[EventFilters, Depends(event_form_filters)]
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
