"""Line-cleaning benchmark on flat text: which lines of a page are article content?

Scores `content` lines (precision, recall, F1; `title` and `boilerplate` are negatives) on
../shared/bench/flat/dev.jsonl.gz (ScrapingHub, MIT + WCXB dev, CC-BY-4.0) for, in one run:

  * warta     `warta.extract.flat.label_lines` when it exists (label == "content"), and the line
              classifier alone, `warta.extract.lines.content_scores >= 0.5` (what the news rules of
              flat.py add or cost shows as the difference). The shipped line model was TRAINED ON THIS FILE,
              so the default number is in-sample; `--cv` adds out-of-fold numbers (5 folds split by page,
              each page scored by a model that never saw it), which are the honest ones.
  * C4        the line rules of C4 (TFDS `c4_utils.clean_page`): keep lines ending in . ? ! or ", with at
              least 3 words, without "javascript" or a policy/cookie phrase; a line with "lorem ipsum" or
              "{" drops the whole page, as does a page left with fewer than 5 sentences. A second row applies
              the line rules only (no page drops), as crawl line-cleaners often do.
  * jusText   each line is one <p> of a minimal HTML page, stoplist of the page's language (English when
              unknown or missing), default parameters; a line is content iff its paragraph is "good".

`--cv` needs lightgbm (it trains the fold models with scripts/train_lines.py); the rest does not.

Usage: python bench/flat_lines.py [--data PATH] [--cv] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
DEFAULT_DATA = REPO.parent / "shared" / "bench" / "flat" / "dev.jsonl.gz"
SOURCES = ("scrapinghub", "wcxb")
CV_FOLDS = 5

Page = dict  # {"id", "source", "lang", "lines": [str], "gold": [bool]}
Predictor = Callable[[list[str], str | None], list[bool]]


# ---------------------------------------------------------------------------------------------------------
# Systems


def warta_predictors() -> list[tuple[str, Predictor]]:
    """The full flat extractor when it exists, and the line classifier alone (to see what the rules add)."""
    from warta.extract.lines import content_scores

    systems: list[tuple[str, Predictor]] = []
    try:
        from warta.extract.flat import label_lines

        systems.append(
            ("flat.label_lines", lambda lines, lang: [lab == "content" for lab in label_lines(lines, lang)])
        )
    except ImportError:
        pass
    systems.append(
        ("lines.content_scores>=.5", lambda lines, lang: [s >= 0.5 for s in content_scores(lines, lang)])
    )
    return systems


C4_END_MARKS = (".", "?", "!", '"')
C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
C4_CITATION = re.compile(r"\[\d*\]")
C4_SENTENCE = re.compile(r"[.!?]+(?:\s|$)")


def c4_lines(lines: list[str], page_rules: bool = True) -> list[bool]:
    """C4's clean_page, returning a keep flag per line instead of the cleaned text."""
    keep, sentences = [], 0
    for raw in lines:
        line = C4_CITATION.sub("", raw.strip())
        low = line.lower()
        if page_rules and ("lorem ipsum" in low or "{" in line):
            return [False] * len(lines)
        ok = (
            line.endswith(C4_END_MARKS)
            and len(line.split()) >= 3
            and "javascript" not in low
            and not any(p in low for p in C4_POLICY)
            and all(len(w) <= 1000 for w in line.split())
        )
        keep.append(ok)
        sentences += len(C4_SENTENCE.findall(line)) if ok else 0
    if page_rules and sentences < 5:
        return [False] * len(lines)
    return keep


JUSTEXT_LANGS = {
    "en": "English", "id": "Indonesian", "ms": "Malay", "de": "German", "fr": "French", "es": "Spanish",
    "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "ru": "Russian", "pl": "Polish", "tr": "Turkish",
    "ko": "Korean", "sv": "Swedish", "da": "Danish", "fi": "Finnish", "cs": "Czech", "uk": "Ukrainian",
    "vi": "Vietnamese", "jv": "Javanese", "tl": "Tagalog", "ro": "Romanian", "hu": "Hungarian", "ar": "Arabic",
}


def justext_lines(lines: list[str], lang: str | None) -> list[bool]:
    import justext

    stoplist = justext.get_stoplist(JUSTEXT_LANGS.get(lang or "en", "English"))
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    paragraphs = justext.justext(f"<html><body>{body}</body></html>", stoplist)
    # jusText skips empty blocks; align its paragraphs back to lines by their whitespace-collapsed text.
    keep, j = [False] * len(lines), 0
    norm = [" ".join(line.split()) for line in lines]
    for par in paragraphs:
        text = " ".join(par.text.split())
        while j < len(lines) and norm[j] != text:
            j += 1
        if j < len(lines):
            keep[j] = not par.is_boilerplate
            j += 1
    return keep


# ---------------------------------------------------------------------------------------------------------
# Scoring


def load_pages(path: Path, limit: int | None) -> list[Page]:
    pages = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for raw in fh:
            row = json.loads(raw)
            pages.append({
                "id": row["id"], "source": row["source"], "lang": row["lang"],
                "lines": [ln["text"] for ln in row["lines"]],
                "gold": [ln["label"] == "content" for ln in row["lines"]],
            })
            if limit and len(pages) >= limit:
                break
    return pages


def run(predict: Predictor, pages: list[Page]) -> tuple[list[list[bool]], float]:
    t0 = time.perf_counter()
    preds = [predict(p["lines"], p["lang"]) for p in pages]
    return preds, time.perf_counter() - t0


def prf(pages: list[Page], preds: list[list[bool]], source: str | None) -> tuple[float, float, float, int]:
    tp = fp = fn = n = 0
    for page, pred in zip(pages, preds, strict=True):
        if source and page["source"] != source:
            continue
        for gold, p in zip(page["gold"], pred, strict=True):
            tp += gold and p
            fp += p and not gold
            fn += gold and not p
            n += 1
    prec = tp / max(tp + fp, 1)
    rec = tp / max(tp + fn, 1)
    return prec, rec, 2 * prec * rec / max(prec + rec, 1e-9), n


def print_rows(name: str, pages: list[Page], preds: list[list[bool]], seconds: float | None) -> None:
    n_lines = sum(len(p["lines"]) for p in pages)
    speed = f"{n_lines / seconds:>9,.0f} lines/s" if seconds else f"{'-':>9} lines/s"
    for source in (None, *SOURCES):
        p, r, f, n = prf(pages, preds, source)
        if n:
            tail = speed if source is None else ""
            print(f"{name:<42} {source or 'all':<12} {p:6.3f} {r:6.3f} {f:6.3f} {n:>8}  {tail}")


# ---------------------------------------------------------------------------------------------------------
# Out-of-fold warta


def _fold_predict(job: tuple[list[dict], list[Page], float]) -> list[list[list[bool]]]:
    """Train a line model on one fold's training pages, then run the full warta predictor with it."""
    import train_lines

    from warta.extract import lines as L

    train_pages, test_pages, threshold = job
    L.use_model(train_lines.train(train_pages, threshold), {"inputs": L.model_input_names()})
    return [[predict(p["lines"], p["lang"]) for p in test_pages] for _, predict in warta_predictors()]


def warta_cross_validated(pages: list[Page]) -> list[list[list[bool]]]:
    """Out-of-fold predictions of each warta system (as listed by warta_predictors) for every page."""
    sys.path.insert(0, str(REPO / "scripts"))
    import train_lines


    # The same page records (features, labels, cropped training copy) as scripts/train_lines.py uses.
    feats = [train_lines.page_record(p["id"], p["source"], p["lang"], p["lines"], p["gold"]) for p in pages]
    # Same cut-off as the shipped model (chosen by the training script's own cross-validation).
    threshold = json.loads((REPO / "src/warta/resources/models/lines_gbdt.json").read_text())["threshold"]
    folds = train_lines.page_folds(feats, CV_FOLDS)
    jobs = []
    for test_idx in folds:
        test_set = set(test_idx.tolist())
        train_part = [f for i, f in enumerate(feats) if i not in test_set]
        jobs.append((train_part, [pages[i] for i in test_idx], threshold))
    n_systems = len(warta_predictors())
    preds: list[list[list[bool]]] = [[[] for _ in pages] for _ in range(n_systems)]
    with ProcessPoolExecutor(max_workers=2, initializer=sys.path.insert, initargs=(0, str(REPO / "scripts"))) as pool:
        for test_idx, fold_preds in zip(folds, pool.map(_fold_predict, jobs), strict=True):
            for system, system_preds in enumerate(fold_preds):
                for i, pred in zip(test_idx, system_preds, strict=True):
                    preds[system][i] = pred
    return preds


# ---------------------------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"flat line set (default {DEFAULT_DATA})")
    ap.add_argument("--cv", action="store_true", help=f"also score warta with out-of-fold models ({CV_FOLDS} folds)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages (quick runs)")
    args = ap.parse_args()
    if not args.data.exists():
        print(f"flat line benchmark skipped: {args.data} not found (it lives in ../shared/bench/flat/)")
        sys.exit(0)
    pages = load_pages(args.data, args.limit)
    n_lines = sum(len(p["lines"]) for p in pages)
    print(f"{len(pages)} pages, {n_lines} lines from {args.data.name}; scoring `content` lines\n")
    print(f"{'system':<42} {'source':<12} {'P':>6} {'R':>6} {'F1':>6} {'lines':>8}  speed")
    systems = warta_predictors()
    for how, warta in systems:
        preds, secs = run(warta, pages)
        print_rows(f"warta in-sample [{how}]", pages, preds, secs)
    if args.cv:
        t0 = time.perf_counter()
        for (how, _), preds in zip(systems, warta_cross_validated(pages), strict=True):
            print_rows(f"warta {CV_FOLDS}-fold CV [{how}]", pages, preds, None)
        cv_secs = time.perf_counter() - t0
    preds, secs = run(lambda lines, lang: c4_lines(lines), pages)
    print_rows("C4 rules (TFDS clean_page)", pages, preds, secs)
    preds, secs = run(lambda lines, lang: c4_lines(lines, page_rules=False), pages)
    print_rows("C4 line rules only", pages, preds, secs)
    preds, secs = run(justext_lines, pages)
    print_rows("jusText (one <p> per line)", pages, preds, secs)
    print("\nin-sample: the shipped warta line model was trained on this very file (an optimistic number).")
    if args.cv:
        print(f"CV: each page scored by a model trained without it (training took {cv_secs:.0f}s, no speed shown).")
    else:
        print("run with --cv for the honest out-of-fold warta number.")


if __name__ == "__main__":
    main()
