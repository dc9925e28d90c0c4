#!/usr/bin/env python3
"""Benchmark warta's HTML extraction against its peers, all in one process and one run.

(a) ScrapingHub article-extraction benchmark (181 pages): body precision/recall/F1 by the benchmark's word
    4-gram shingle rule (see its SOURCE.md), exact-match accuracy, and pages/second, for warta (extraction
    only), trafilatura (default and ``fast=True``), readability-lxml and resiliparse.
(b) WCXB dev, article pages: body F1 (WCXB's own rule: bag of lowercased ``\\w+`` tokens, per page, averaged),
    title exact match, author match and publish-date accuracy, for warta vs trafilatura (with metadata)
    and htmldate.

Every tool gets the same decoded text (the files are UTF-8); decoding is not timed. Each tool runs once on
the first page untimed (imports, caches); then all tools run page by page, interleaved, so that load from
other processes weighs on every tool alike. warta's time includes all its metadata work (title, authors,
date, language, dateline/credit); the peers' body-only runs do not.

Usage:
    PYTHONPATH=src python bench/extraction.py                  # both sets, all pages
    PYTHONPATH=src python bench/extraction.py --limit 30       # quick check (CI)
    PYTHONPATH=src python bench/extraction.py --set scrapinghub --tools warta,trafilatura-fast
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_SHARED = ROOT.parent / "shared" / "bench" / "extraction"

_TOKEN = re.compile(r"\w+")


# --- scoring -------------------------------------------------------------------------------------------

def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i: i + n]) for i in range(len(tokens) - n + 1))


@dataclass
class PageScore:
    precision: float | None  # None: nothing predicted (left out of the mean)
    recall: float | None  # None: empty gold
    exact: bool


def shingle_score(predicted: str, gold: str) -> PageScore:
    p, g = shingles(predicted), shingles(gold)
    tp = sum((p & g).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    exact = _TOKEN.findall(predicted or "") == _TOKEN.findall(gold or "")
    if fp == 0 and fn == 0:
        return PageScore(1.0 if p else None, 1.0 if g else None, exact)
    precision = tp / (tp + fp) if p else None
    recall = tp / (tp + fn) if g else None
    return PageScore(precision, recall, exact)


def summarise_shingles(scores: list[PageScore]) -> tuple[float, float, float, float]:
    ps = [s.precision for s in scores if s.precision is not None]
    rs = [s.recall for s in scores if s.recall is not None]
    precision = sum(ps) / len(ps) if ps else 0.0
    recall = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(s.exact for s in scores) / len(scores) if scores else 0.0
    return precision, recall, f1, accuracy


def word_f1(predicted: str, gold: str) -> float:
    """WCXB's rule: bag of lowercased ``\\w+`` tokens."""
    p = Counter(_TOKEN.findall((predicted or "").lower()))
    g = Counter(_TOKEN.findall((gold or "").lower()))
    tp = sum((p & g).values())
    if not tp:
        return 1.0 if not p and not g else 0.0
    precision, recall = tp / sum(p.values()), tp / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def norm_text(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("*", " ").replace("_", " ")
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text)
    return " ".join(text.casefold().split())


def author_match(predicted: list[str] | str | None, gold: str) -> bool:
    """Every gold name appears among the predicted names (order and case ignored)."""
    if isinstance(predicted, str):
        predicted = [predicted]
    found = norm_text(" ; ".join(predicted or []))
    names = [norm_text(n) for n in re.split(r"\s*(?:,|;|&|\band\b)\s*", gold) if n.strip()]
    return bool(found) and all(n in found for n in names)


def date_match(predicted: str | None, gold: str) -> bool:
    return bool(predicted) and predicted[: len(gold)] == gold


# --- tools ---------------------------------------------------------------------------------------------

def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one block element per paragraph (for readability-lxml's output)."""
    import lxml.html

    if not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    blocks = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "br", "td",
              "section", "article", "figcaption", "dd", "dt"}
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in blocks:
            el.tail = "\n\n" + (el.tail or "")
            if el.tag != "br":
                el.text = "\n\n" + (el.text or "")
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", root.text_content()) if p.strip())


def warta_body(html: str, url: str | None) -> str:
    from warta.errors import PageError
    from warta.extract.html import extract_html

    try:
        return extract_html(html, url).text
    except PageError:
        return ""


def trafilatura_body(fast: bool) -> Callable[[str, str | None], str]:
    def run(html: str, url: str | None) -> str:
        import trafilatura

        return trafilatura.extract(html, url=url, fast=fast) or ""

    return run


def readability_body(html: str, url: str | None) -> str:
    from readability import Document

    try:
        return html_to_text(Document(html, url=url).summary(html_partial=True))
    except Exception:  # noqa: BLE001 - a peer failing on a page scores an empty prediction
        return ""


def resiliparse_body(html: str, url: str | None) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(html, main_content=True)


BODY_TOOLS: dict[str, Callable[[str, str | None], str]] = {
    "warta": warta_body,
    "trafilatura": trafilatura_body(False),
    "trafilatura-fast": trafilatura_body(True),
    "readability-lxml": readability_body,
    "resiliparse": resiliparse_body,
}


# --- data ----------------------------------------------------------------------------------------------

def read_gz(path: Path) -> str:
    with gzip.open(path, "rb") as fh:
        return fh.read().decode("utf-8", errors="replace")


def load_scrapinghub(folder: Path, limit: int | None) -> list[tuple[str, str, str, str]]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    return [(i, read_gz(folder / "html" / f"{i}.html.gz"), truth[i].get("url"), truth[i]["articleBody"])
            for i in ids]


def load_wcxb(folder: Path, limit: int | None) -> list[tuple[str, str, str | None, dict]]:
    rows = []
    for path in sorted((folder / "truth").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold = data.get("ground_truth") or {}
        if not gold.get("main_content"):  # 4681, 4893: no gold body (see SOURCE.md)
            continue
        html_path = folder / "html" / f"{path.stem}.html.gz"
        if html_path.exists():
            rows.append((path.stem, read_gz(html_path), data.get("url"), gold))
        if limit and len(rows) >= limit:
            break
    return rows


# --- runs ----------------------------------------------------------------------------------------------

def timed_runs(tools: dict[str, Callable], pages: list) -> dict[str, tuple[list, float]]:
    """Run every tool on every page, interleaved page by page (the starting tool rotates), so that a change
    in machine load during the run affects all tools alike; returns each tool's outputs and seconds."""
    names = list(tools)
    for name in names:  # warm-up, untimed
        tools[name](pages[0][1], pages[0][2])
    outputs: dict[str, list] = {name: [] for name in names}
    seconds = dict.fromkeys(names, 0.0)
    for i, page in enumerate(pages):
        for name in names[i % len(names):] + names[: i % len(names)]:
            started = time.perf_counter()
            outputs[name].append(tools[name](page[1], page[2]))
            seconds[name] += time.perf_counter() - started
    return {name: (outputs[name], seconds[name]) for name in names}


def run_scrapinghub(folder: Path, limit: int | None, tools: list[str]) -> None:
    pages = load_scrapinghub(folder, limit)
    print(f"\nScrapingHub article-extraction benchmark: {len(pages)} pages ({folder})")
    print(f"{'tool':<18} {'precision':>9} {'recall':>7} {'F1':>7} {'accuracy':>8} {'pages/s':>8}")
    for name, (outputs, seconds) in timed_runs({t: BODY_TOOLS[t] for t in tools}, pages).items():
        scores = [shingle_score(out, page[3]) for out, page in zip(outputs, pages, strict=True)]
        precision, recall, f1, accuracy = summarise_shingles(scores)
        print(f"{name:<18} {precision:>9.3f} {recall:>7.3f} {f1:>7.3f} {accuracy:>8.3f} "
              f"{len(pages) / seconds:>8.1f}", flush=True)


def wcxb_warta(html: str, url: str | None) -> dict:
    from warta.errors import PageError
    from warta.extract.html import extract_html

    try:
        a = extract_html(html, url)
    except PageError:
        return {"body": "", "title": None, "authors": [], "date": None}
    return {"body": a.text, "title": a.title, "authors": a.authors, "date": a.published}


def wcxb_trafilatura(html: str, url: str | None) -> dict:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return {"body": "", "title": None, "authors": [], "date": None}
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {"body": doc.text or "", "title": doc.title, "authors": authors, "date": doc.date}


def wcxb_htmldate(original: bool) -> Callable[[str, str | None], dict]:
    def run(html: str, url: str | None) -> dict:
        from htmldate import find_date

        return {"date": find_date(html, url=url, original_date=original)}

    return run


WCXB_TOOLS = {
    "warta": wcxb_warta,
    "trafilatura": wcxb_trafilatura,
    "htmldate": wcxb_htmldate(False),
    "htmldate-original": wcxb_htmldate(True),
}


def run_wcxb(folder: Path, limit: int | None, tools: list[str]) -> None:
    pages = load_wcxb(folder, limit)
    print(f"\nWCXB dev, article pages: {len(pages)} pages with a gold body ({folder})")
    print(f"{'tool':<18} {'body F1':>7} {'title':>6} {'author':>6} {'date':>6} {'pages/s':>8}   "
          "(title/author/date: share correct of pages with that gold field)")
    with_author = [i for i, p in enumerate(pages) if p[3].get("author")]
    with_date = [i for i, p in enumerate(pages) if p[3].get("publish_date")]
    for name, (outputs, seconds) in timed_runs({t: WCXB_TOOLS[t] for t in tools}, pages).items():

        def cell(values: list[bool] | None) -> str:
            return f"{sum(values) / len(values):>6.3f}" if values else f"{'-':>6}"

        body = title = author = None
        if "body" in outputs[0]:
            body = [word_f1(o["body"], p[3]["main_content"]) for o, p in zip(outputs, pages, strict=True)]
            title = [norm_text(o["title"]) == norm_text(p[3]["title"]) for o, p in zip(outputs, pages, strict=True)]
            author = [author_match(outputs[i]["authors"], pages[i][3]["author"]) for i in with_author]
        date = [date_match(outputs[i]["date"], pages[i][3]["publish_date"]) for i in with_date]
        body_cell = f"{sum(body) / len(body):>7.3f}" if body else f"{'-':>7}"
        print(f"{name:<18} {body_cell} {cell(title)} {cell(author)} {cell(date)} {len(pages) / seconds:>8.1f}",
              flush=True)
    print(f"(pages with gold author: {len(with_author)}, with gold date: {len(with_date)})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_SHARED,
                        help="folder holding scrapinghub/ and wcxb-dev/ (default: ../shared/bench/extraction)")
    parser.add_argument("--set", choices=["scrapinghub", "wcxb", "all"], default="all")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    parser.add_argument("--tools", default=None,
                        help=f"comma-separated subset; ScrapingHub: {','.join(BODY_TOOLS)}; "
                             f"WCXB: {','.join(WCXB_TOOLS)}")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.CRITICAL)  # peers log every discarded page
    chosen = args.tools.split(",") if args.tools else None
    ran = False
    if args.set in ("scrapinghub", "all"):
        folder = args.data / "scrapinghub"
        if (folder / "ground-truth.json").exists():
            run_scrapinghub(folder, args.limit, [t for t in (chosen or BODY_TOOLS) if t in BODY_TOOLS])
            ran = True
        else:
            print(f"ScrapingHub benchmark not found at {folder}; skipped")
    if args.set in ("wcxb", "all"):
        folder = args.data / "wcxb-dev"
        if (folder / "truth").is_dir():
            run_wcxb(folder, args.limit, [t for t in (chosen or WCXB_TOOLS) if t in WCXB_TOOLS])
            ran = True
        else:
            print(f"WCXB dev set not found at {folder}; skipped")
    if not ran:
        print("no benchmark data found; pass --data DIR (expects scrapinghub/ and/or wcxb-dev/)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
