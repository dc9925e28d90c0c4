"""Spark batch job: WARC files → Parquet datasets ``records``, ``entities``, ``quotes``, ``events``, ``failures``.

One Spark task per input file. A task reads its WARC with warta's own reader (``warta.sources.warc``, streaming,
one record in memory at a time), runs the same ``Pipeline.process`` as the CLI on every page, and writes one
Parquet part file per table (``OUT/<table>/part-<input key>.parquet``) straight from the executor, then a
marker ``OUT/_done/<input key>.json`` with the input's counts. A re-run skips inputs that have a marker; a task
that died half-way left no marker and is redone, overwriting its own part files, so nothing is duplicated.

Paths may be local or on any filesystem pyarrow reads (``s3://``/``s3a://``, ``hdfs://``, ``gs://``). A remote
WARC is first copied to the executor's local disk (one file per task), then read like a local one.

    python -m warta.spark.job INPUTS... --out DIR [--master local[2]] [--only extract] [--timeout 60]
    spark-submit ... $(python -c 'import warta.spark.job as j; print(j.__file__)') INPUTS... --out DIR

INPUTS are WARC files, folders of them, or ``@list.txt`` (one path per line).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

TABLES = ("records", "entities", "quotes", "events", "failures")
WARC_NAME = re.compile(r"\.(warc|arc)(\.gz)?$", re.IGNORECASE)
FLUSH_ROWS = 500  # rows buffered per table before a row group is written: memory stays flat per task
_PIPELINES: dict[tuple[str | None, float | None], Any] = {}  # per Python worker: models load once, not per task


# --- filesystems -------------------------------------------------------------------------------------------

def filesystem(uri: str):
    """(pyarrow FileSystem, path inside it) for a local path or a URI; ``s3a://`` is read as ``s3://``."""
    import pyarrow.fs as pafs

    if "://" not in uri:
        return pafs.LocalFileSystem(), os.path.abspath(uri)
    scheme, rest = uri.split("://", 1)
    if scheme in ("s3a", "s3n"):
        uri = "s3://" + rest
    return pafs.FileSystem.from_uri(uri)


def join(base: str, *parts: str) -> str:
    return "/".join([base.rstrip("/"), *parts])


def input_key(uri: str) -> str:
    """File-name-safe, unique name for an input: its base name plus a hash of the full URI."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", uri.rstrip("/").rsplit("/", 1)[-1])[:80]
    return f"{base}-{hashlib.sha1(uri.encode()).hexdigest()[:12]}"


def expand_inputs(inputs: list[str]) -> list[str]:
    """Files as given; folders → the WARC files inside (recursively); ``@file`` → one path per line."""
    import pyarrow.fs as pafs

    out: list[str] = []
    for item in inputs:
        if item.startswith("@"):
            lines = Path(item[1:]).read_text(encoding="utf-8").splitlines()
            out.extend(expand_inputs([line.strip() for line in lines if line.strip()]))
            continue
        fs, path = filesystem(item)
        if fs.get_file_info(path).type == pafs.FileType.Directory:
            infos = fs.get_file_info(pafs.FileSelector(path, recursive=True))
            found = sorted(i.path for i in infos if i.type == pafs.FileType.File and WARC_NAME.search(i.path))
            prefix = item.split("://", 1)[0] + "://" if "://" in item else ""
            out.extend(prefix + p if prefix and not p.startswith(prefix) else p for p in found)
        else:
            out.append(item)
    return out


def is_done(out: str, uri: str) -> bool:
    import pyarrow.fs as pafs

    fs, base = filesystem(out)
    return fs.get_file_info(join(base, "_done", input_key(uri) + ".json")).type == pafs.FileType.File


# --- one input (runs on an executor) -------------------------------------------------------------------------

class _Parts:
    """One Parquet part file per table for one input, written under a hidden name and renamed when complete."""

    def __init__(self, out: str, key: str):
        from warta.spark.tables import SCHEMAS

        self.fs, self.base = filesystem(out)
        self.key, self.schemas = key, SCHEMAS
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self.writers: dict[str, Any] = {}

    def _tmp(self, table: str) -> str:
        return join(self.base, table, f".part-{self.key}.parquet.tmp")

    def add(self, table: str, rows: list[dict[str, Any]]) -> None:
        self.rows[table].extend(rows)
        if len(self.rows[table]) >= FLUSH_ROWS:
            self._flush(table)

    def _flush(self, table: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if table not in self.writers:
            self.fs.create_dir(join(self.base, table), recursive=True)
            sink = self.fs.open_output_stream(self._tmp(table))
            self.writers[table] = (pq.ParquetWriter(sink, self.schemas[table], compression="zstd"), sink)
        batch = pa.Table.from_pylist(self.rows[table], schema=self.schemas[table])
        self.writers[table][0].write_table(batch)
        self.rows[table] = []

    def close(self) -> None:
        for table in TABLES:
            self._flush(table)  # also writes an empty part, so every table exists with its schema
            writer, sink = self.writers.pop(table)
            writer.close()
            sink.close()
            self.fs.move(self._tmp(table), join(self.base, table, f"part-{self.key}.parquet"))


def process_input(uri: str, out: str, only: str | None = None, timeout: float | None = 60.0) -> dict[str, Any]:
    """Run the pipeline over one WARC file and write its part files and done-marker; returns its counts."""
    from warta.model import Failure
    from warta.pipeline import Pipeline
    from warta.spark.tables import failure_row, record_rows

    started = time.monotonic()
    key = input_key(uri)
    pipeline = _PIPELINES.get((only, timeout))
    if pipeline is None:
        pipeline = _PIPELINES[(only, timeout)] = Pipeline(only=only, timeout=timeout)
    parts = _Parts(out, key)
    records, failures = 0, Counter()
    for item in _pages(uri):
        result = item if isinstance(item, Failure) else pipeline.process(item)
        if isinstance(result, Failure):
            failures[result.reason] += 1
            parts.add("failures", [failure_row(result)])
        else:
            records += 1
            for table, rows in record_rows(result).items():
                parts.add(table, rows)
    parts.close()
    summary = {"input": uri, "key": key, "records": records, "failures": dict(failures),
               "seconds": round(time.monotonic() - started, 3)}
    parts.fs.create_dir(join(parts.base, "_done"), recursive=True)
    with parts.fs.open_output_stream(join(parts.base, "_done", key + ".json")) as marker:
        marker.write(json.dumps(summary).encode())
    return summary


def _pages(uri: str) -> Iterator[Any]:
    """Pages and failures of one WARC, with ``path`` set to the input URI (not the local copy)."""
    from warta.model import Failure
    from warta.sources.files import SourceOptions
    from warta.sources.warc import read_warc_file

    with _local_copy(uri) as local:
        for item in read_warc_file(Path(local), SourceOptions(kind="warc")):
            if isinstance(item, Failure):
                item.source["path"] = uri
            else:
                item.path = uri
            yield item


class _local_copy:
    """A local path for ``uri``: the file itself when local, else a temporary copy on the executor's disk."""

    def __init__(self, uri: str):
        self.uri, self.tmp = uri, None

    def __enter__(self) -> str:
        if "://" not in self.uri or self.uri.startswith("file://"):
            return self.uri.removeprefix("file://")
        fs, path = filesystem(self.uri)
        suffix = "".join(Path(path).suffixes[-2:])
        handle, self.tmp = tempfile.mkstemp(prefix="warta-", suffix=suffix)
        with os.fdopen(handle, "wb") as dst, fs.open_input_stream(path) as src:
            shutil.copyfileobj(src, dst, 1 << 20)
        return self.tmp

    def __exit__(self, *exc: object) -> None:
        if self.tmp:
            os.unlink(self.tmp)


# --- driver ------------------------------------------------------------------------------------------------

def run(inputs: list[str], out: str, master: str | None = None, only: str | None = None,
        timeout: float | None = 60.0, spark=None, log=print) -> dict[str, Any]:
    """Process every input not done yet, one Spark task each; returns and logs the totals."""
    uris = expand_inputs(inputs)
    todo = [u for u in uris if not is_done(out, u)]
    log(f"warta spark: {len(uris)} inputs, {len(uris) - len(todo)} already done, {len(todo)} to process → {out}")
    summaries: list[dict[str, Any]] = []
    if todo:
        spark = spark or _session(master)
        rdd = spark.sparkContext.parallelize(todo, len(todo))  # one task per input file
        summaries = rdd.map(lambda uri: process_input(uri, out, only, timeout)).collect()
    totals = _totals(summaries, skipped=len(uris) - len(todo))
    _log_totals(totals, log)
    return totals


def _session(master: str | None):
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors run this same Python in local mode
    builder = SparkSession.builder.appName("warta")
    if master:
        builder = builder.master(master)
    return builder.config("spark.ui.showConsoleProgress", "false").getOrCreate()


def _totals(summaries: list[dict[str, Any]], skipped: int) -> dict[str, Any]:
    failures: Counter = Counter()
    for summary in summaries:
        failures.update(summary["failures"])
    return {"inputs": len(summaries), "skipped": skipped, "records": sum(s["records"] for s in summaries),
            "failures": dict(failures.most_common()), "task_seconds": round(sum(s["seconds"] for s in summaries), 2)}


def _log_totals(totals: dict[str, Any], log) -> None:
    log(f"processed {totals['inputs']} inputs ({totals['skipped']} skipped as done): {totals['records']} records, "
        f"{sum(totals['failures'].values())} failures, {totals['task_seconds']} s of task time")
    for reason, count in totals["failures"].items():
        log(f"  {reason:>20}: {count}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="warta-spark", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="WARC files, folders of them, or @list.txt")
    parser.add_argument("--out", required=True, help="output folder or URI (Parquet datasets + _done markers)")
    parser.add_argument("--master", help="Spark master, e.g. local[2] (default: from spark-submit)")
    parser.add_argument("--only", choices=["extract"], help="run only extraction")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per page")
    args = parser.parse_args(argv)
    run(args.inputs, args.out, master=args.master, only=args.only, timeout=args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
