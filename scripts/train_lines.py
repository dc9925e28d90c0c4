"""Train warta's flat-text line classifier (src/warta/resources/models/lines_crf.*) and report honest scores.

Training data: ../shared/bench/flat/dev.jsonl.gz, the ScrapingHub article extraction benchmark
(MIT, (c) Scrapinghub) and the WCXB v1.0 development split (CC-BY-4.0, Murrough Foley) flattened to
labelled lines. The shipped model is derived from them; this attribution travels with it in the model's
metadata file. Labels: `content` is positive; `title` and `boilerplate` are negative.

It prints line-level precision/recall/F1 of `content` for
  * k-fold cross-validation with folds split by page (no page is in both train and test), and
  * cross-source: train on ScrapingHub -> test on WCXB, and the reverse,
then trains the shipped model on every page. Nothing else is tuned on.

Usage: python scripts/train_lines.py [--data PATH] [--folds 5] [--no-save] [--skip-eval]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pycrfsuite

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from warta.extract import lines as L  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "bench" / "flat" / "dev.jsonl.gz"
MODEL_DIR = REPO / "src" / "warta" / "resources" / "models"
N_BINS = 12
CRF_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}
ATTRIBUTION = (
    "Trained by scripts/train_lines.py on ../shared/bench/flat/dev.jsonl.gz: lines derived from the "
    "ScrapingHub article extraction benchmark (MIT, (c) Scrapinghub) and the WCXB v1.0 dev split "
    "(CC-BY-4.0, Murrough Foley)."
)


def load_pages(path: Path) -> list[dict]:
    """Pages with their feature matrix and 0/1 content labels (lines are never empty in this set)."""
    pages = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for raw in fh:
            row = json.loads(raw)
            texts = [ln["text"] for ln in row["lines"]]
            keep = [i for i, t in enumerate(texts) if t.strip()]
            pages.append({
                "id": row["id"], "source": row["source"], "lang": row["lang"],
                "feats": L.page_features([texts[i] for i in keep], row["lang"]),
                "y": np.array([row["lines"][i]["label"] == "content" for i in keep]),
            })
    return pages


def quantile_edges(pages: list[dict]) -> list[list[float]]:
    """Bin edges per feature from the training pages' value quantiles (duplicates removed)."""
    allf = np.concatenate([p["feats"] for p in pages])
    qs = np.linspace(0, 1, N_BINS + 1)[1:-1]
    return [sorted({round(float(v), 6) for v in np.quantile(allf[:, j], qs)}) for j in range(allf.shape[1])]


def train(pages: list[dict]) -> tuple[bytes, list[list[float]]]:
    edges = quantile_edges(pages)
    trainer = pycrfsuite.Trainer(verbose=False)
    for p in pages:
        labels = ["content" if y else "other" for y in p["y"]]
        trainer.append(L.crf_items(p["feats"], edges), labels)
    trainer.set_params(CRF_PARAMS)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.crfsuite"
        trainer.train(str(path))
        return path.read_bytes(), edges


def predict(model: tuple[bytes, list[list[float]]], pages: list[dict]) -> list[np.ndarray]:
    lm = L._LineModel(model[0], {"edges": model[1], "features": L.FEATURE_NAMES})
    return [np.array(lm.scores(p["feats"])) if len(p["feats"]) else np.zeros(0) for p in pages]


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = float(np.sum(y & pred))
    p = tp / max(pred.sum(), 1)
    r = tp / max(y.sum(), 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def report(name: str, pages: list[dict], scores: list[np.ndarray]) -> None:
    for source in ("all", "scrapinghub", "wcxb"):
        sel = [i for i, p in enumerate(pages) if source == "all" or p["source"] == source]
        if not sel:
            continue
        y = np.concatenate([pages[i]["y"] for i in sel])
        s = np.concatenate([scores[i] for i in sel])
        p, r, f = prf(y, s >= 0.5)
        print(f"  {name:<28} {source:<12} P={p:.3f} R={r:.3f} F1={f:.3f}  lines={len(y)}")


def _fit_predict(args: tuple[list[dict], list[dict]]) -> list[np.ndarray]:
    train_pages, test_pages = args
    return predict(train(train_pages), test_pages)


def page_folds(pages: list[dict], k: int, seed: int = 13) -> list[np.ndarray]:
    """Assign pages (not lines) to k folds at random, stratified by source."""
    rng = np.random.default_rng(seed)
    fold = np.zeros(len(pages), dtype=int)
    for source in {p["source"] for p in pages}:
        idx = [i for i, p in enumerate(pages) if p["source"] == source]
        rng.shuffle(idx)
        for n, i in enumerate(idx):
            fold[i] = n % k
    return [np.flatnonzero(fold == f) for f in range(k)]


def cross_validated_scores(pages: list[dict], k: int) -> list[np.ndarray]:
    """Out-of-fold scores for every page (each from a model that never saw that page)."""
    folds = page_folds(pages, k)
    jobs = []
    for test_idx in folds:
        test_set = set(test_idx.tolist())
        jobs.append(([p for i, p in enumerate(pages) if i not in test_set], [pages[i] for i in test_idx]))
    scores: list[np.ndarray] = [np.zeros(0)] * len(pages)
    with ProcessPoolExecutor(max_workers=2) as pool:
        for test_idx, fold_scores in zip(folds, pool.map(_fit_predict, jobs), strict=True):
            for i, s in zip(test_idx, fold_scores, strict=True):
                scores[i] = s
    return scores


def evaluate(pages: list[dict], k: int) -> None:
    t0 = time.time()
    print(f"{k}-fold cross-validation, folds split by page:")
    report(f"warta CRF ({k}-fold CV)", pages, cross_validated_scores(pages, k))
    print("cross-source (train on one source, test on the other):")
    sh = [p for p in pages if p["source"] == "scrapinghub"]
    wc = [p for p in pages if p["source"] == "wcxb"]
    with ProcessPoolExecutor(max_workers=2) as pool:
        to_wc, to_sh = pool.map(_fit_predict, [(sh, wc), (wc, sh)])
    report("train scrapinghub -> wcxb", wc, to_wc)
    report("train wcxb -> scrapinghub", sh, to_sh)
    print(f"(evaluation took {time.time() - t0:.0f}s)")


def save(model: tuple[bytes, list[list[float]]], n_pages: int, n_lines: int) -> None:
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    (MODEL_DIR / f"{L.MODEL_NAME}.crfsuite").write_bytes(model[0])
    meta = {
        "name": "extract.lines.crf.v1", "attribution": ATTRIBUTION, "pages": n_pages, "lines": n_lines,
        "crf_params": CRF_PARAMS, "features": L.FEATURE_NAMES, "edges": model[1],
    }
    (MODEL_DIR / f"{L.MODEL_NAME}.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"saved model to {MODEL_DIR} ({len(model[0]) / 1024:.0f} KiB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--skip-eval", action="store_true", help="only train and save the shipped model")
    ap.add_argument("--no-save", action="store_true", help="only evaluate")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"training data not found: {args.data} (needs ../shared/bench/flat/dev.jsonl.gz)")
    t0 = time.time()
    pages = load_pages(args.data)
    n_lines = sum(len(p["y"]) for p in pages)
    print(f"{len(pages)} pages, {n_lines} lines, features in {time.time() - t0:.0f}s")
    if not args.skip_eval:
        evaluate(pages, args.folds)
    if not args.no_save:
        save(train(pages), len(pages), n_lines)


if __name__ == "__main__":
    main()
