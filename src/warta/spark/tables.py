"""Row layout of the Spark job's Parquet datasets: records, entities, quotes, events, failures.

Explicit Arrow schemas, so every part file has the same columns and types even when an input gives no rows.
``records.json`` holds the whole ``warta/1`` record; the other columns are for filtering without parsing it.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from warta.model import Failure, Record

_str, _int, _float = pa.string(), pa.int64(), pa.float64()

SCHEMAS: dict[str, pa.Schema] = {
    "records": pa.schema([
        ("id", _str), ("url", _str), ("title", _str), ("site", _str), ("language", _str), ("published", _str),
        ("dateline", _str), ("credit", _str), ("authors", pa.list_(_str)), ("text", _str),
        ("source_path", _str), ("source_offset", _int), ("fetched_at", _str), ("json", _str),
    ]),
    "entities": pa.schema([
        ("record_id", _str), ("entity_id", _str), ("name", _str), ("type", _str), ("country", _str),
        ("role", _str), ("kind", _str), ("mentions", _int), ("confidence", _float),
    ]),
    "quotes": pa.schema([
        ("record_id", _str), ("n", _int), ("kind", _str), ("text", _str), ("speaker", _str),
        ("speaker_name", _str), ("cue", _str), ("start", _int), ("end", _int),
    ]),
    "events": pa.schema([
        ("record_id", _str), ("n", _int), ("type", _str), ("mode", _str), ("cameo", _str), ("date", _str),
        ("location", _str), ("actor_name", _str), ("actor_entity", _str), ("actor_country", _str),
        ("recipient_name", _str), ("recipient_entity", _str), ("recipient_country", _str),
        ("evidence_start", _int), ("evidence_end", _int), ("evidence", _str), ("confidence", _float),
    ]),
    "failures": pa.schema([
        ("source_path", _str), ("source_offset", _int), ("url", _str), ("reason", _str), ("detail", _str),
        ("step", _str),
    ]),
}


def record_rows(record: Record) -> dict[str, list[dict[str, Any]]]:
    """One record as rows of each table."""
    data = record.to_json()
    rid, source, text = data["id"], data["source"], data["text"]
    rows = {"records": [{
        "id": rid, "url": data["url"], "title": data["title"], "site": data["site"], "language": data["language"],
        "published": data["published"], "dateline": data["dateline"], "credit": data["credit"],
        "authors": data["authors"], "text": text, "source_path": source.get("path"),
        "source_offset": source.get("offset"), "fetched_at": source.get("fetched_at"),
        "json": json.dumps(data, ensure_ascii=False),
    }]}
    rows["entities"] = [{
        "record_id": rid, "entity_id": e["id"], "name": e["name"], "type": e["type"], "country": e.get("country"),
        "role": e.get("role"), "kind": e.get("kind"), "mentions": len(e.get("mentions") or []),
        "confidence": e.get("confidence"),
    } for e in data["entities"]]
    rows["quotes"] = [{
        "record_id": rid, "n": n, "kind": q["kind"], "text": q["text"], "speaker": q.get("speaker"),
        "speaker_name": q.get("speaker_name"), "cue": q.get("cue"), "start": q["start"], "end": q["end"],
    } for n, q in enumerate(data["quotes"])]
    rows["events"] = [_event_row(rid, n, e, text) for n, e in enumerate(data["events"])]
    return rows


def _event_row(rid: str, n: int, e: dict[str, Any], text: str) -> dict[str, Any]:
    actor, recipient, evidence = e["actor"], e.get("recipient") or {}, e["evidence"]
    return {
        "record_id": rid, "n": n, "type": e["type"], "mode": e.get("mode"), "cameo": e.get("cameo"),
        "date": e.get("date"), "location": e.get("location"), "actor_name": actor.get("name"),
        "actor_entity": actor.get("entity"), "actor_country": actor.get("country"),
        "recipient_name": recipient.get("name"), "recipient_entity": recipient.get("entity"),
        "recipient_country": recipient.get("country"), "evidence_start": evidence["start"],
        "evidence_end": evidence["end"], "evidence": text[evidence["start"]:evidence["end"]],
        "confidence": e.get("confidence"),
    }


def failure_row(failure: Failure) -> dict[str, Any]:
    source = failure.source
    offset = source.get("offset")
    return {"source_path": source.get("path"), "source_offset": offset if isinstance(offset, int) else None,
            "url": source.get("url"), "reason": failure.reason, "detail": failure.detail, "step": failure.step}
