#!/usr/bin/env python3
"""Profile the whole pipeline (extract + annotate) over the ScrapingHub pages, and dump records for diffing.

The pages are read from the WARC files that ``bench/scale.py`` builds (built once into ``--warc``), so the
profile sees exactly what the scale benchmark runs. Commands:

    python bench/profile_pipeline.py steps            # CPU ms per article of every step (extract, each annotator)
    python bench/profile_pipeline.py steps --warm     # the same once everything is loaded (a long run's rate)
    python bench/profile_pipeline.py steps --warm --passes 5   # best of 5 passes per step (a busy machine)
    python bench/profile_pipeline.py profile [--top 40] [--only extract]   # cProfile, sorted by own/cumulative time
    python bench/profile_pipeline.py ner [--passes 5]   # the NER model alone on the extracted texts, warm, best pass;
                                                        # then the English CRF's parts (truecase, emissions, decoding)
    python bench/profile_pipeline.py dump OUT.jsonl   # every record/failure as sorted JSON, one per line
    python bench/profile_pipeline.py diff A.jsonl B.jsonl   # which records differ, and in which fields

``dump`` covers the ScrapingHub WARC, the bundled examples, the seed page, 120 WCXB dev pages (HTML) and 80
flat-text pages, so that a speed change can be checked to leave every output the same. Run it with
``PYTHONPATH=<other checkout>/src`` to dump another version of the code.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_WARC = Path(tempfile.gettempdir()) / "warta-profile-warc"
NER_PART = "ner.find_mentions"


def warc_pages(shared: Path, folder: Path, copies: int = 1):
    from scale import build_warcs

    from warta.sources.files import SourceOptions
    from warta.sources.warc import read_warc_file

    folder = folder.with_name(f"{folder.name}-x{copies}")
    if not folder.is_dir():
        build_warcs(shared, folder, copies, None)
    for path in sorted(folder.glob("*.warc.gz")):
        yield from read_warc_file(path, SourceOptions())


def other_pages(shared: Path):
    from warta.model import Page
    from warta.sources.files import SourceOptions, iter_pages

    yield from iter_pages([ROOT / "src/warta/examples", shared / "seed"], SourceOptions())
    wcxb = sorted((shared / "bench/extraction/wcxb-dev/html").glob("*.html.gz"))[:120]
    for path in wcxb:
        yield Page(
            kind="html",
            content=gzip.decompress(path.read_bytes()),
            url=f"https://wcxb.example/{path.name}",
            path=str(path),
        )
    with gzip.open(shared / "bench/flat/dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= 80:
                break
            row = json.loads(line)
            text = "\n".join(item["text"] for item in row["lines"])
            yield Page(kind="text", content=text, url=row.get("url"), path=f"flat/{row['id']}")


def timed_steps(pipeline, pages) -> tuple[dict[str, float], int]:
    """Wrap the extractor and annotators so each one's CPU time is summed."""
    totals: dict[str, float] = {}

    def wrap(name, fn):
        def run(arg):
            started = time.process_time()
            try:
                return fn(arg)
            finally:
                totals[name] = totals.get(name, 0.0) + time.process_time() - started

        return run

    runs = [(ann, ann.run) for ann in pipeline.annotators()]
    for ann, run in runs:
        ann.run = wrap(ann.name, run)
    name, extract = pipeline.extractor("html")
    pipeline._extractors["html"] = (name, wrap(name, extract))
    # the NER model inside the entities step (looked up at each call, so the module attribute is wrapped)
    from warta.nlp import ner

    find_mentions = ner.find_mentions
    timed = wrap(NER_PART, lambda args: find_mentions(*args))
    ner.find_mentions = lambda text, lang: timed((text, lang))
    records = 0
    try:
        for page in pages:
            result = page if hasattr(page, "reason") else pipeline.process(page)
            records += hasattr(result, "article")
    finally:
        ner.find_mentions = find_mentions
        for ann, run in runs:
            ann.run = run
        pipeline._extractors["html"] = (name, extract)
    return totals, records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("steps", "profile", "ner", "dump", "diff"))
    parser.add_argument("files", nargs="*")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--warc", type=Path, default=DEFAULT_WARC, help="where the WARC files are built")
    parser.add_argument("--copies", type=int, default=1, help="ScrapingHub pages repeated N times")
    parser.add_argument("--only", choices=("extract",), help="extraction only")
    parser.add_argument(
        "--warm",
        action="store_true",
        help="run every page once before measuring: the steady state of a long run (no loading)",
    )
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument(
        "--passes",
        type=int,
        help="ner: timed passes, the best is printed (default 5); steps: passes over the pages, the best "
        "time of each step and of the whole printed (default 1; steadier on a busy machine)",
    )
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--out", help="cProfile stats file")
    args = parser.parse_args()
    if args.passes is None:
        args.passes = 5 if args.command == "ner" else 1

    if args.command == "diff":
        return diff(*args.files)

    from warta.model import Record
    from warta.pipeline import Pipeline

    pipeline = Pipeline(only=args.only, timeout=None)
    if args.command == "dump":
        with open(args.files[0], "w", encoding="utf-8") as out:
            for page in [*warc_pages(args.shared, args.warc), *other_pages(args.shared)]:
                result = page if hasattr(page, "reason") else pipeline.process(page)
                if isinstance(result, Record):
                    row = result.to_json()
                else:
                    row = {"failure": result.reason, "detail": result.detail, "source": result.source}
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        return 0

    pages = list(warc_pages(args.shared, args.warc, args.copies))
    if args.command == "ner":
        return time_ner(pipeline, pages, args.passes)
    if args.warm:  # every model, lexicon and data file a page of the set needs is loaded before measuring
        for page in pages:
            if not hasattr(page, "reason"):
                pipeline.process(page)
    else:  # the first page's models outside the measurement; others (the second language's) load inside it
        pipeline.process(next(p for p in pages if not hasattr(p, "reason")))
    if args.command == "steps":
        best: dict[str, float] = {}
        cpu = float("inf")
        for _ in range(args.passes):
            started = time.process_time()
            totals, records = timed_steps(pipeline, pages)
            cpu = min(cpu, time.process_time() - started)
            best = {name: min(secs, best.get(name, secs)) for name, secs in totals.items()}
        if args.passes > 1:
            print(f"best of {args.passes} passes (each step and the total on its own)")
        print(f"{records} records, {cpu:.2f} CPU s, {records / cpu:.1f} articles/CPU-s")
        totals = best
        inner = totals.pop(NER_PART, 0.0)
        for name, secs in sorted(totals.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<20} {1000 * secs / records:7.2f} ms/article")
            if name == "nlp.entities.v1":
                print(f"    {'of which ' + NER_PART:<28} {1000 * inner / records:7.2f} ms/article")
        print(f"  {'(rest)':<20} {1000 * (cpu - sum(totals.values())) / records:7.2f} ms/article")
        return 0
    profiler = cProfile.Profile()
    started = time.process_time()
    profiler.enable()
    records = sum(hasattr(pipeline.process(p), "article") for p in pages if not hasattr(p, "reason"))
    profiler.disable()
    cpu = time.process_time() - started
    print(f"{records} records, {cpu:.2f} CPU s under cProfile")
    stats = pstats.Stats(profiler)
    if args.out:
        stats.dump_stats(args.out)
    stats.sort_stats(args.sort).print_stats(args.top)
    return 0


def time_ner(pipeline, pages, passes: int) -> int:
    """CPU ms per article of ``ner.find_mentions`` alone over the pages' extracted texts, once everything is
    loaded: the best and the median of ``passes`` passes (steadier than ``steps`` on a busy machine)."""
    from warta.nlp import ner

    extract = pipeline.extractor("html")[1]
    texts = []
    for page in pages:
        if not hasattr(page, "reason"):
            try:
                article = extract(page)
            except Exception:  # noqa: BLE001, S112 - pages the pipeline fails on are skipped here too
                continue
            if article.paragraphs:
                texts.append((article.text, article.language or "xx"))
    for text, lang in texts:  # warm: models and per-word caches
        ner.find_mentions(text, lang)
    times = []
    for _ in range(max(1, passes)):
        started = time.process_time()
        for text, lang in texts:
            ner.find_mentions(text, lang)
        times.append(1000 * (time.process_time() - started) / len(texts))
    times.sort()
    print(
        f"{len(texts)} texts, NER {times[0]:.2f} ms/article best of {len(times)} passes (median {times[len(times) // 2]:.2f})"
    )
    ner_parts(texts, passes)
    return 0


def ner_parts(texts: list[tuple[str, str]], passes: int) -> None:
    """The CRF tagger's parts on the English texts' sentences, per article, best of ``passes``: truecasing,
    state scores (emissions), Viterbi + forward-backward, and ``tag_many`` as a whole."""
    from warta.nlp import ner
    from warta.nlp.tokenize import token_words

    model = ner.get_model("en")
    batches = []
    for text, lang in texts:
        if lang.startswith("en"):
            spans, words, _ = token_words(text)
            batches.append([words[i:j] for i, j in ner._sentence_bounds(text, spans, words)])
    if model is None or not batches:
        return
    scorer = model.scorer
    cased = [[model.truecase(s) for s in batch] for batch in batches]
    lengths = [[len(s) for s in batch] for batch in batches]
    scores = [scorer.emissions(c) for c in cased]

    def best(run) -> float:
        out = float("inf")
        for _ in range(max(1, passes)):
            started = time.process_time()
            run()
            out = min(out, time.process_time() - started)
        return 1000 * out / len(batches)

    parts = {
        "truecase": lambda: [[model.truecase(s) for s in batch] for batch in batches],
        "emissions": lambda: [scorer.emissions(c) for c in cased],
        "viterbi+marginals": lambda: [
            (scorer.viterbi(x, n), scorer.marginals(x, n)) for x, n in zip(scores, lengths, strict=True)
        ],
        "tag_many": lambda: [model.tag_many(batch) for batch in batches],
    }
    print(
        f"{len(batches)} English texts, CRF parts (ms/article, best of {passes}): "
        + ", ".join(f"{name} {best(run):.2f}" for name, run in parts.items())
    )


def diff(a: str, b: str) -> int:
    rows_a = Path(a).read_text(encoding="utf-8").splitlines()
    rows_b = Path(b).read_text(encoding="utf-8").splitlines()
    if len(rows_a) != len(rows_b):
        print(f"different number of rows: {len(rows_a)} vs {len(rows_b)}")
    changed = 0
    for n, (x, y) in enumerate(zip(rows_a, rows_b, strict=False)):
        if x == y:
            continue
        changed += 1
        ja, jb = json.loads(x), json.loads(y)
        fields = sorted(k for k in set(ja) | set(jb) if ja.get(k) != jb.get(k))
        src = ja.get("source", {})
        print(f"row {n} ({src.get('url') or src.get('path')}): {', '.join(fields)}")
    print(f"{changed} of {len(rows_a)} rows differ")
    return 1 if changed or len(rows_a) != len(rows_b) else 0


if __name__ == "__main__":
    sys.exit(main())
