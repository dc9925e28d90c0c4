#!/usr/bin/env python3
"""Throughput and memory of the whole pipeline at scale, on a WARC built from the ScrapingHub pages.

The 181 ScrapingHub article pages (``../shared/bench/extraction/scrapinghub/html/*.html.gz``, with their URLs
from ``ground-truth.json``) are written with warcio into 4 WARC.gz files (Spark runs one task per file),
repeated 1× and 4× (each copy with its own URL, so every page is a new record). Then, each in its own process tree, timed from outside:

- ``in-process``: extraction only, then extract + annotate (``Pipeline.process`` over the WARC reader, no
  store), one core; ``steady/core`` is its rate per CPU-second once the models are loaded;
- ``extract+annotate, 2 passes``: the same, run twice over the pages in one process; its steady rate is the second
  pass's, when everything any page needs is loaded (a long run's rate per core);
- ``ingest -j1``: the whole pipeline into a fresh SQLite store (extract + annotate + dedup + store), one process;
- ``ingest -j2``: the same with 2 worker processes;
- ``spark local[2]``: the Spark job (Parquet out), when pyspark and Java are present.

Printed per run: articles, wall seconds, articles/s, articles/s per core used, articles per CPU-second (user+sys
of the whole process tree: a per-core rate that stays honest on a busy machine), and peak RSS (the largest single
process of the tree: ``ru_maxrss`` of the children and ``VmHWM`` sampled from /proc; for Spark this is the JVM). Memory that does not grow from 1× to 4× shows
that pages are streamed.

Usage:
    python bench/scale.py                      # 1× and 4×, all modes
    python bench/scale.py --quick              # CI: 1× of 60 pages, no Spark
    python bench/scale.py --shared ../shared --sizes 1,4 --no-spark
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
PAGES = Path("bench/extraction/scrapinghub")

# runs ARGV as a child; wall time, CPU and peak RSS of its whole process tree. Worker processes are not all
# reaped by their parent (forkserver children, Spark's Python daemon), so the tree is also sampled from /proc.
_MEASURE = """
import json, os, resource, subprocess, sys, time
TICK = os.sysconf("SC_CLK_TCK")
def sample(root, seen):
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                parents[int(name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK)
            except OSError:
                pass
    tree, grew = {root}, True
    while grew:
        new = {pid for pid, (ppid, _) in parents.items() if ppid in tree and pid not in tree}
        tree |= new
        grew = bool(new)
    for pid in tree & parents.keys():
        try:
            with open(f"/proc/{pid}/status") as fh:
                hwm = next((int(l.split()[1]) for l in fh if l.startswith("VmHWM")), 0)
        except OSError:
            hwm = 0
        cpu, old = parents[pid][1], seen.get(pid, (0, 0))
        seen[pid] = (max(cpu, old[0]), max(hwm, old[1]))
start, seen = time.perf_counter(), {}
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
import threading
out = {}
reader = threading.Thread(target=lambda: out.update(zip(("stdout", "stderr"), proc.communicate())))
reader.start()
while proc.poll() is None:
    sample(proc.pid, seen)
    time.sleep(0.1)
reader.join()
wall = time.perf_counter() - start
use = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = max(use.ru_utime + use.ru_stime, sum(c for c, _ in seen.values()))
rss_kb = max([use.ru_maxrss] + [h for _, h in seen.values()])
tree_kb = max(use.ru_maxrss, sum(h for _, h in seen.values()))
print(json.dumps({"rc": proc.returncode, "wall": wall, "cpu": cpu, "maxrss_mb": rss_kb / 1024,
                  "tree_rss_mb": tree_kb / 1024, "processes": len(seen), "load": os.getloadavg()[0],
                  "stdout": out["stdout"][-2000:], "stderr": out["stderr"][-2000:]}))
"""

# Pipeline.process over the WARC reader, no store; prints records and the steady-state rate (articles per
# CPU-second after the first page, which loads the models). With a third argument the pages are read and processed
# a second time and "steady" is the second pass's rate: every model and table a page of the set needs is loaded by
# then (the second language's NER model, the event lexicon, ...), as in a long run; "records" counts both passes.
_IN_PROCESS = """
import json, sys, time
from pathlib import Path
from warta.model import Record
from warta.pipeline import Pipeline
from warta.sources.files import SourceOptions
from warta.sources.warc import read_warc_file
pipeline = Pipeline(only=sys.argv[2] or None)
passes = 2 if len(sys.argv) > 3 else 1
total = 0
for done in range(passes):
    records, cpu = 0, 0.0
    pages = (page for path in sorted(Path(sys.argv[1]).glob("*.warc.gz"))
             for page in read_warc_file(path, SourceOptions()))
    for n, page in enumerate(pages):
        started = time.process_time()
        result = page if hasattr(page, "reason") else pipeline.process(page)
        cpu += (time.process_time() - started) if n or done else 0.0
        records += isinstance(result, Record)
    total += records
print(json.dumps({"records": total, "steady": (records - (passes == 1)) / max(cpu, 1e-9)}))
"""

# trafilatura (the usual Python extractor) over the same WARC pages, in the same run: a yardstick that moves with
# the machine's load, so "warta extraction / trafilatura" is comparable between runs on a noisy machine
_TRAFILATURA = """
import json, sys, time
from pathlib import Path
import trafilatura
from warta.sources.files import SourceOptions
from warta.sources.warc import read_warc_file
records, cpu = 0, 0.0
pages = (page for path in sorted(Path(sys.argv[1]).glob("*.warc.gz")) for page in read_warc_file(path, SourceOptions()))
for n, page in enumerate(pages):
    if hasattr(page, "reason"):
        continue
    started = time.process_time()
    text = trafilatura.extract(page.content_bytes().decode("utf-8", "replace"), url=page.url)
    cpu += (time.process_time() - started) if n else 0.0
    records += bool(text)
print(json.dumps({"records": records, "steady": (records - 1) / max(cpu, 1e-9)}))
"""


def build_warcs(
    shared: Path, folder: Path, copies: int, limit: int | None, parts: int = 4
) -> tuple[int, int]:
    """The pages × ``copies`` as ``parts`` WARC.gz files (Spark runs one task per file); (pages, bytes)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    truth = json.loads((shared / PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    files = sorted((shared / PAGES / "html").glob("*.html.gz"))[:limit]
    folder.mkdir()
    handles = [open(folder / f"part{n}.warc.gz", "wb") for n in range(parts)]
    writers = [WARCWriter(fh, gzip=True) for fh in handles]
    count = 0
    for copy in range(copies):
        for path in files:
            key = path.name.removesuffix(".html.gz")
            url = (truth.get(key) or {}).get("url") or f"https://scrapinghub.example/{key}"
            url += f"{'&' if '?' in url else '?'}copy={copy}" if copy else ""
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            body = gzip.decompress(path.read_bytes())
            writer = writers[count % parts]
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
            count += 1
    for fh in handles:
        fh.close()
    return count, sum(p.stat().st_size for p in folder.iterdir())


def measure(argv: list[str], env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *argv], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(out.stdout)


def runs(warc: Path, work: Path, spark: bool, trafilatura: bool) -> list[tuple[str, int, list[str]]]:
    """(label, worker processes, argv) of each mode."""
    py = sys.executable
    out = [
        ("extract only (in-process)", 1, [py, "-c", _IN_PROCESS, str(warc), "extract"]),
        ("extract+annotate (in-process)", 1, [py, "-c", _IN_PROCESS, str(warc), ""]),
        ("extract+annotate, 2 passes", 1, [py, "-c", _IN_PROCESS, str(warc), "", "twice"]),
        (
            "ingest -j1 (whole pipeline)",
            1,
            [py, "-m", "warta", "ingest", str(warc), "--db", str(work / "j1.db"), "-q"],
        ),
        (
            "ingest -j2 (whole pipeline)",
            2,
            [py, "-m", "warta", "ingest", str(warc), "--db", str(work / "j2.db"), "-q", "--workers", "2"],
        ),
    ]
    if spark:
        out.append(
            (
                "spark local[2] (-> Parquet)",
                2,
                [
                    py,
                    "-m",
                    "warta.spark.job",
                    str(warc),
                    "--out",
                    str(work / "spark"),
                    "--master",
                    "local[2]",
                ],
            )
        )
    if trafilatura:
        out.insert(0, ("trafilatura extract (yardstick)", 1, [py, "-c", _TRAFILATURA, str(warc)]))
    return out


def records_of(label: str, result: dict, work: Path) -> int | None:
    import sqlite3

    if "in-process" in label or "trafilatura" in label or "passes" in label:
        return json.loads(result["stdout"].strip().splitlines()[-1])["records"]
    if label.startswith("ingest"):
        db = work / ("j1.db" if "-j1" in label else "j2.db")
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT count(*) FROM records").fetchone()[0]
    import pyarrow.dataset as ds

    return ds.dataset(work / "spark" / "records", format="parquet").count_rows()


def spark_available() -> bool:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return shutil.which("java") is not None


HEADER = (
    f"{'mode':<32} {'procs':>5} {'articles':>8} {'wall s':>7} {'CPU s':>7} {'cores used':>10} "
    f"{'art/s':>7} {'art/CPU-s':>9} {'steady/CPU-s':>12} {'RSS max MB':>10} {'RSS sum MB':>10}"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument(
        "--sizes", default="1,4", help="how many times the pages are repeated, comma-separated"
    )
    parser.add_argument("--limit", type=int, help="use only the first N pages")
    parser.add_argument("--quick", action="store_true", help="CI: 1× of 60 pages, no Spark")
    parser.add_argument("--no-spark", action="store_true", help="skip the Spark run")
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the trafilatura yardstick")
    parser.add_argument(
        "--modes",
        help="only the modes whose label contains one of these comma-separated words (e.g. 'extract,j2')",
    )
    args = parser.parse_args()
    if not (args.shared / PAGES / "html").is_dir():
        print(f"no ScrapingHub pages under {args.shared / PAGES}: benchmark skipped")
        return 0
    sizes = [1] if args.quick else [int(s) for s in args.sizes.split(",")]
    limit = 60 if args.quick and not args.limit else args.limit
    spark = not (args.quick or args.no_spark) and spark_available()
    trafilatura = not (args.quick or args.no_trafilatura) and trafilatura_available()
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
        PYSPARK_PYTHON=sys.executable,
    )
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    print(
        "art/CPU-s = articles per CPU-second of the whole process tree (user+sys): the per-core rate, honest on a "
        "busy machine;\nsteady/CPU-s = the same inside the process once the models are loaded (first page "
        "excluded; in the '2 passes' row, the second pass over the same pages, everything loaded);\n"
        "cores used = CPU s / wall s; RSS max = largest single process, RSS sum = all processes of "
        "the tree added up (peak of each)"
    )
    summary: dict[tuple[int, str], dict] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="warta-scale-") as tmp:
            work = Path(tmp)
            warc = work / f"scrapinghub-x{size}"
            pages, size_bytes = build_warcs(args.shared, warc, size, limit)
            print(f"\ninput {size}x: {pages} pages, {size_bytes / 1e6:.0f} MB of WARC.gz in 4 files")
            print(HEADER)
            for label, procs, argv in runs(warc, work, spark, trafilatura):
                if args.modes and not any(word in label for word in args.modes.split(",")):
                    continue
                result = measure(argv, env)
                if result["rc"] != 0:
                    print(f"{label:<32} failed: {result['stderr'][-500:]}")
                    continue
                n = records_of(label, result, work) or 0
                result["articles"] = n
                steady = (
                    json.loads(result["stdout"].splitlines()[-1])["steady"]
                    if ("in-process" in label or "trafilatura" in label or "passes" in label)
                    else None
                )
                result["steady"] = steady
                summary[(size, label)] = result
                print(
                    f"{label:<32} {procs:>5} {n:>8} {result['wall']:>7.1f} {result['cpu']:>7.1f} "
                    f"{result['cpu'] / result['wall']:>10.2f} {n / result['wall']:>7.1f} "
                    f"{n / max(result['cpu'], 1e-9):>9.1f} "
                    f"{f'{steady:.1f}' if steady is not None else '':>12} {result['maxrss_mb']:>10.0f} "
                    f"{result['tree_rss_mb']:>10.0f}"
                )
    print_summary(summary, sizes)
    return 0


def print_summary(summary: dict[tuple[int, str], dict], sizes: list[int]) -> None:
    def get(size: int, word: str) -> dict | None:
        return next((r for (s, label), r in summary.items() if s == size and word in label), None)

    def rate(r: dict | None, steady: bool = False) -> float | None:
        if r is None:
            return None
        return r["steady"] if steady and r.get("steady") else r["articles"] / max(r["cpu"], 1e-9)

    print("\nsummary (articles per CPU-second; target >= 100 for extract + annotate):")
    for size in sizes:
        extract, full, warm = (
            get(size, "extract only"),
            get(size, "extract+annotate ("),
            get(size, "2 passes"),
        )
        traf = get(size, "trafilatura")
        j1, j2, spark = get(size, "-j1"), get(size, "-j2"), get(size, "spark")
        parts = []
        if extract:
            parts.append(f"extract only {rate(extract):.1f} (steady {rate(extract, True):.1f})")
            if traf:
                parts.append(
                    f"= {rate(extract, True) / rate(traf, True):.2f}x trafilatura's {rate(traf, True):.1f}"
                )
        if full:
            long_run = rate(warm, True) if warm else rate(full, True)
            second = f", second pass {rate(warm, True):.1f}" if warm else ""
            parts.append(
                f"extract+annotate {rate(full):.1f} (steady {rate(full, True):.1f}{second}: "
                f"{'met' if long_run >= 100 else 'NOT met'})"
            )
        print(f"  {size}x: " + "; ".join(parts))
        for name, r in (("ingest -j1", j1), ("ingest -j2", j2), ("spark local[2]", spark)):
            if r is not None:
                speed = f", wall speed-up vs -j1 {j1['wall'] / r['wall']:.2f}x" if j1 and r is not j1 else ""
                print(
                    f"       {name:<15} {rate(r):6.1f} art/CPU-s, {r['articles'] / r['wall']:6.1f} art/s wall, "
                    f"{r['cpu'] / r['wall']:.2f} cores used{speed}"
                )
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        print(f"  memory {small}x -> {large}x (largest process, MB):")
        for (size, label), r in summary.items():
            if size == small and (big := summary.get((large, label))):
                print(
                    f"       {label:<32} {r['maxrss_mb']:6.0f} -> {big['maxrss_mb']:6.0f} "
                    f"({big['maxrss_mb'] / max(r['maxrss_mb'], 1):.2f}x; all processes "
                    f"{r['tree_rss_mb']:.0f} -> {big['tree_rss_mb']:.0f})"
                )


def trafilatura_available() -> bool:
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
