"""Parquet tables of crawled pages: one page per row with an ``html`` (or ``text``) column and optional ``url``.

Read one record batch at a time (within a row group, never the whole file), sized from the file's own
statistics so that a batch of big pages stays around ``BATCH_BYTES``. pyarrow decodes a row group's column
chunk at once, so a single huge row group still costs its own size.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warta.model import Failure, Page
from warta.sources.files import SourceOptions, reader

BATCH_ROWS = 256
BATCH_BYTES = 64 * 1024 * 1024


@reader("parquet")
def read_parquet_file(path: Path, options: SourceOptions) -> Iterator[Page | Failure]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    base = {"kind": "parquet", "path": str(path)}
    row = 0
    try:
        table = pq.ParquetFile(path)
        names = set(table.schema_arrow.names)
        fields = [(options.html_field, "html"), (options.text_field, "text")]
        fields = [(name, kind) for name, kind in fields if name in names]
        if not fields:
            yield Failure(base, "missing_field", f"no column {options.html_field!r} or {options.text_field!r}",
                          step="source.parquet")
            return
        columns = [name for name, _ in fields] + ([options.url_field] if options.url_field in names else [])
        for batch in table.iter_batches(batch_size=_batch_rows(table), columns=columns):
            for values in batch.to_pylist():
                yield _row(values, row, fields, path, options)
                row += 1
    except (OSError, pa.ArrowException) as err:
        yield Failure(dict(base, offset=row), "unreadable", f"{type(err).__name__}: {err}"[:300],
                      step="source.parquet")


def _batch_rows(table) -> int:
    meta = table.metadata
    rows = meta.num_rows or 1
    size = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
    return max(1, min(BATCH_ROWS, int(BATCH_BYTES / max(1, size / rows))))


def _row(values: dict, row: int, fields: list[tuple[str, str]], path: Path, options: SourceOptions) -> Page | Failure:
    source = {"kind": "parquet", "path": str(path), "offset": row}
    url = values.get(options.url_field)
    url = url if isinstance(url, str) and url else None
    for name, kind in fields:
        value = values.get(name)
        if isinstance(value, bytes | str) and value:
            if len(value) > options.max_bytes:
                return Failure(source, "too_large", f"cell larger than {options.max_bytes}", step="source.parquet")
            return Page(kind=kind, content=value, path=str(path), url=url, offset=row, origin="parquet")
    return Failure(source, "missing_field", "row has no html or text value", step="source.parquet")
