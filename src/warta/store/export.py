"""Write records as JSONL (the full ``warta/1`` form), CSV or Parquet (one row per record, flat columns)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

COLUMNS = ["id", "url", "title", "site", "language", "published", "dateline", "credit", "authors", "images",
           "paragraphs", "entities", "quotes", "events", "source_path", "text"]


def flat_row(record: dict[str, Any]) -> dict[str, Any]:
    source = record.get("source") or {}
    return {
        "id": record["id"], "url": record.get("url"), "title": record.get("title"), "site": record.get("site"),
        "language": record.get("language"), "published": record.get("published"),
        "dateline": record.get("dateline"), "credit": record.get("credit"),
        "authors": "; ".join(record.get("authors") or []), "images": len(record.get("images") or []),
        "paragraphs": len(record.get("paragraphs") or []), "entities": len(record.get("entities") or []),
        "quotes": len(record.get("quotes") or []), "events": len(record.get("events") or []),
        "source_path": source.get("path") or source.get("url"), "text": record.get("text", ""),
    }


EVENT_COLUMNS = ["date", "type", "cameo", "mode", "actor_name", "actor_country", "actor_role", "recipient_name",
                 "recipient_country", "recipient_role", "location", "confidence", "record_id", "record_title",
                 "record_site", "evidence"]


def export_events(rows: Iterable[dict[str, Any]], fmt: str, out_path: str | None) -> int:
    """One row per event, GDELT-like columns (``EVENT_COLUMNS``): CSV, Parquet or JSONL."""
    rows = ({c: row.get(c) for c in EVENT_COLUMNS} for row in rows)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not out_path:
            raise ValueError("parquet export needs --out FILE")
        schema = pa.schema([(c, pa.float64() if c == "confidence" else pa.string()) for c in EVENT_COLUMNS])
        table = pa.Table.from_pylist(list(rows), schema=schema)
        pq.write_table(table, out_path)
        return table.num_rows
    if fmt == "jsonl":
        return _to(out_path, lambda fh: write_jsonl(rows, fh))

    def csv_rows(fh: TextIO) -> int:
        writer = csv.DictWriter(fh, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        n = 0
        for row in rows:
            writer.writerow(row)
            n += 1
        return n

    return _to(out_path, csv_rows)


def _to(out_path: str | None, write) -> int:
    if out_path:
        with open(out_path, "w", encoding="utf-8", newline="") as fh:
            return write(fh)
    return write(sys.stdout)


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow(flat_row(record))
        n += 1
    return n


def write_parquet(records: Iterable[dict[str, Any]], path: str, batch_size: int = 1000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.int64() if c in ("images", "paragraphs", "entities", "quotes", "events")
                         else pa.string()) for c in COLUMNS] + [("json", pa.string())])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(dict(flat_row(record), json=json.dumps(record, ensure_ascii=False)))
            if len(batch) >= batch_size:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def export(records: Iterable[dict[str, Any]], fmt: str, out_path: str | None) -> int:
    if fmt == "parquet":
        if not out_path:
            raise ValueError("parquet export needs --out FILE")
        return write_parquet(records, out_path)
    writer = write_jsonl if fmt == "jsonl" else write_csv
    if out_path:
        with open(out_path, "w", encoding="utf-8", newline="") as fh:
            return writer(records, fh)
    return writer(records, sys.stdout)
