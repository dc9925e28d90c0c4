"""Line classifier for flat text: how likely is each line of a page to be article body content.

A page is seen as a sequence of lines (as mC4/OSCAR store pages, or as `warta.extract.flat` splits them).
Each line gets general, language-aware features (length, terminal punctuation, stopword share from the
per-language lists in `resources/stopwords/`, capitalisation, digits, symbols, repetition on the page,
position relative to the page's densest prose) and a linear-chain CRF over the page's lines turns them
into one probability per line (the marginal of the `content` label).

The model is trained by `scripts/train_lines.py` and ships in `resources/models/`; it is loaded lazily
on first use and nothing is downloaded.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter
from functools import lru_cache
from importlib import resources

import numpy as np

__all__ = ["content_scores", "use_model", "page_features", "FEATURE_NAMES", "load_stoplist", "guess_stoplist"]

# Analysis looks at most this many characters of one line: features of a 50 MB line are those of its head
# (its true length is still counted), so cost stays bounded.
MAX_ANALYSED_CHARS = 4000
MODEL_NAME = "lines_crf"

_WORD = re.compile(r"[^\W\d_]+")  # alphabetic runs, any script
_SENT_END = re.compile(r"[.!?。！？](?:\s|$)")
_URLISH = re.compile(r"https?://|www\.|\.(?:com|net|org|html?|php)\b|@\w", re.IGNORECASE)
_TERMINAL = set(".!?。！？…")
_CLOSERS = set("\"'”’»)]」』")
_LINKISH = set("|»›«‹©®™@#•·→←↑↓►▶◄▼▲/\\")
_BULLETS = set("•·-–—*►▶●■□◆◇→»›>")


# ---------------------------------------------------------------------------------------------------------
# Stopword lists


@lru_cache(maxsize=64)
def load_stoplist(lang: str) -> frozenset[str]:
    """The stopword set of `lang` (ISO 639-1), empty if warta has no list for it."""
    base = resources.files("warta") / "resources" / "stopwords"
    path = base / f"{lang}.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def _available_langs() -> tuple[str, ...]:
    base = resources.files("warta") / "resources" / "stopwords"
    names = (p.name for p in base.iterdir() if p.name.endswith(".txt"))
    return tuple(sorted(n[:-4] for n in names if n != "generic.txt"))


def _coverage(words: list[str], stoplist: frozenset[str]) -> float:
    return sum(w in stoplist for w in words) / len(words) if words else 0.0


def guess_stoplist(words: list[str], lang: str | None = None) -> frozenset[str]:
    """Pick the stoplist for a page: the declared language's unless another covers the words far better.

    Declared languages (an HTML lang attribute, a crawler's guess) are often wrong, and flat text often has
    none, so the page's own words decide among the shipped lists; `generic` is the last resort.
    """
    sample = words[:5000]
    declared = load_stoplist(lang.lower().split("-")[0]) if lang else frozenset()
    declared_cov = _coverage(sample, declared)
    best_cov, best = 0.0, frozenset()
    for code in _available_langs():
        cov = _coverage(sample, load_stoplist(code))
        if cov > best_cov:
            best_cov, best = cov, load_stoplist(code)
    if declared and (declared_cov >= 0.1 or best_cov < 2 * declared_cov + 0.05):
        return declared
    if best_cov >= 0.1:
        return best
    return declared or load_stoplist("generic")


# ---------------------------------------------------------------------------------------------------------
# Features

# Per-line features, then page-context features derived from them (order matters: the model stores names).
LINE_FEATURES = [
    "log_chars", "log_words", "avg_word_len", "end_terminal", "end_colon", "end_comma", "end_alnum",
    "start_upper", "start_lower", "start_digit", "start_bullet", "stop_ratio", "log_stops", "title_ratio",
    "upper_ratio", "digit_ratio", "punct_ratio", "linkish", "urlish", "log_sentences", "comma_rate",
    "letter_ratio", "has_quote",
]
CONTEXT_FEATURES = [
    "rel_pos", "mass_pos", "rel_len", "len_vs_median", "log_repeats", "first_of_repeats", "dist_longest",
    "log_dist_prose", "prose_window", "prose_before", "prose_after", "page_log_lines", "page_prose_share",
    "stop_vs_page", "sim_prev", "sim_next",
]
FEATURE_NAMES = LINE_FEATURES + CONTEXT_FEATURES


def _line_vector(text: str, true_len: int, stoplist: frozenset[str]) -> tuple[list[float], list[str]]:
    """Features of one (stripped, truncated) line, plus its lowercase alphabetic words."""
    n_chars = max(len(text), 1)
    tokens = text.split()
    words = _WORD.findall(text)
    lower = [w.lower() for w in words]
    n_words = len(tokens)
    n_alpha = max(len(words), 1)
    stops = sum(w in stoplist for w in lower)
    letters = sum(len(w) for w in words)
    uppers = sum(c.isupper() for c in text)
    digits = sum(c.isdigit() for c in text)
    spaces = text.count(" ")
    punct = n_chars - letters - digits - spaces
    last = text.rstrip("".join(_CLOSERS))[-1:] or text[-1:]
    first = text[:1]
    return [
        math.log1p(min(true_len, 10**7)),
        math.log1p(n_words),
        letters / n_alpha,
        float(last in _TERMINAL),
        float(last == ":"),
        float(last in ",;"),
        float(last.isalnum()),
        float(first.isupper()),
        float(first.islower()),
        float(first.isdigit()),
        float(first in _BULLETS),
        stops / n_alpha,
        math.log1p(stops),
        sum(w[0].isupper() for w in words) / n_alpha,
        uppers / max(letters, 1),
        digits / n_chars,
        max(punct, 0) / n_chars,
        float(sum(c in _LINKISH for c in text)),
        float(bool(_URLISH.search(text))),
        math.log1p(len(_SENT_END.findall(text))),
        text.count(",") / max(n_words, 1),
        letters / n_chars,
        float(any(c in "\"“”«»„" for c in text)),
    ], lower


def _window_sum(values: np.ndarray, radius: int) -> np.ndarray:
    padded = np.concatenate([[0.0], np.cumsum(values)])
    idx = np.arange(len(values))
    lo = np.clip(idx - radius, 0, len(values))
    hi = np.clip(idx + radius + 1, 0, len(values))
    return padded[hi] - padded[lo]


def _distance_to_nearest(mask: np.ndarray) -> np.ndarray:
    """Lines between each line and the nearest line where mask is true (len(mask) when there is none)."""
    n = len(mask)
    idx = np.arange(n)
    where = np.flatnonzero(mask)
    if len(where) == 0:
        return np.full(n, float(n))
    pos = np.searchsorted(where, idx)
    right = where[np.minimum(pos, len(where) - 1)]
    left = where[np.maximum(pos - 1, 0)]
    return np.minimum(np.abs(idx - right), np.abs(idx - left)).astype(float)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _context(base: np.ndarray, texts: list[str], word_sets: list[set[str]]) -> np.ndarray:
    """Page-context features of every line, from the per-line matrix."""
    col = {name: base[:, i] for i, name in enumerate(LINE_FEATURES)}
    n = len(texts)
    chars = np.expm1(col["log_chars"])
    words = np.expm1(col["log_words"])
    # "Prose" lines: long enough and with a normal share of function words (jusText's notion of good text).
    prose = (words >= 10) & (col["stop_ratio"] >= 0.2)
    prose_chars = np.where(prose, chars, 0.0)
    total_prose = prose_chars.sum()
    cum_chars = np.cumsum(chars) - chars / 2
    cum_prose = np.cumsum(prose_chars) - prose_chars
    keys = [" ".join(t.lower().split()) for t in texts]
    counts = Counter(keys)
    seen: set[str] = set()
    first = np.zeros(n)
    for i, key in enumerate(keys):
        if key not in seen:
            seen.add(key)
            first[i] = 1.0
    longest = int(np.argmax(chars)) if n else 0
    prose_stop = col["stop_ratio"][prose].mean() if prose.any() else 0.3
    sims = np.array([_jaccard(word_sets[i], word_sets[i + 1]) for i in range(n - 1)] or [0.0])
    sim_prev = np.concatenate([[0.0], sims])[:n]
    sim_next = np.concatenate([sims, [0.0]])[-n:] if n > 1 else np.zeros(n)
    feats = [
        np.arange(n) / max(n - 1, 1),
        cum_chars / max(chars.sum(), 1.0),
        chars / max(chars.max(), 1.0),
        np.log1p(chars) - math.log1p(float(np.median(chars))),
        np.log([counts[k] for k in keys]),
        first,
        (np.arange(n) - longest) / max(n, 1),
        np.log1p(_distance_to_nearest(prose)),
        _window_sum(prose.astype(float), 3) / 7.0,
        cum_prose / max(total_prose, 1.0),
        (total_prose - cum_prose - prose_chars) / max(total_prose, 1.0),
        np.full(n, math.log1p(n)),
        np.full(n, prose.mean()),
        col["stop_ratio"] - prose_stop,
        sim_prev,
        sim_next,
    ]
    return np.stack(feats, axis=1)


def page_features(lines: list[str], lang: str | None = None) -> np.ndarray:
    """Feature matrix (len(lines) x len(FEATURE_NAMES)) of one page's non-empty, stripped lines."""
    texts = [line[: MAX_ANALYSED_CHARS * 2].strip()[:MAX_ANALYSED_CHARS] for line in lines]
    if not texts:
        return np.zeros((0, len(FEATURE_NAMES)))
    sample = [w.lower() for t in texts[:2000] for w in _WORD.findall(t)]
    stoplist = guess_stoplist(sample, lang)
    rows, word_sets = [], []
    for line, text in zip(lines, texts, strict=True):
        vec, lower = _line_vector(text, len(line), stoplist)
        rows.append(vec)
        word_sets.append(set(lower))
    base = np.asarray(rows, dtype=float)
    return np.concatenate([base, _context(base, texts, word_sets)], axis=1)


# ---------------------------------------------------------------------------------------------------------
# CRF attributes: binned features of the line and of its neighbours

NEIGHBOUR_FEATURES = ["log_words", "stop_ratio", "end_terminal", "title_ratio", "linkish", "prose_window"]
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)


def bin_features(feats: np.ndarray, edges: list[list[float]]) -> np.ndarray:
    """Quantile bin index of every feature value (edges learned at training time)."""
    out = np.zeros(feats.shape, dtype=np.int16)
    for j, e in enumerate(edges):
        out[:, j] = np.searchsorted(np.asarray(e), feats[:, j], side="right")
    return out


def crf_items(feats: np.ndarray, edges: list[list[float]]) -> list[dict[str, float]]:
    """One attribute dict per line: own bins, raw values, neighbours' bins, page-edge markers."""
    bins = bin_features(feats, edges)
    n = len(feats)
    neigh_cols = [FEATURE_NAMES.index(name) for name in NEIGHBOUR_FEATURES]
    items = []
    for i in range(n):
        attrs: dict[str, float] = {"bias": 1.0}
        for j, name in enumerate(FEATURE_NAMES):
            attrs[f"{name}={bins[i, j]}"] = 1.0
        for off in NEIGHBOUR_OFFSETS:
            k = i + off
            if 0 <= k < n:
                for j in neigh_cols:
                    attrs[f"{off}:{FEATURE_NAMES[j]}={bins[k, j]}"] = 1.0
            else:
                attrs[f"{off}:edge"] = 1.0
        items.append(attrs)
    return items


# ---------------------------------------------------------------------------------------------------------
# Model


class _LineModel:
    """The shipped CRF plus its bin edges; pycrfsuite taggers are not thread-safe, so one per thread."""

    def __init__(self, model_bytes: bytes, meta: dict) -> None:
        self.model_bytes = model_bytes
        self.edges: list[list[float]] = meta["edges"]
        if meta["features"] != FEATURE_NAMES:
            raise RuntimeError("line model was trained with other features; retrain scripts/train_lines.py")
        self._local = threading.local()

    def tagger(self):
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self.model_bytes)
            self._local.tagger = tagger
        return tagger

    def scores(self, feats: np.ndarray) -> list[float]:
        tagger = self.tagger()
        tagger.set(crf_items(feats, self.edges))
        return [tagger.marginal("content", i) for i in range(len(feats))]


_override: _LineModel | None = None


def use_model(model_bytes: bytes | None, meta: dict | None = None) -> None:
    """Score with another trained model (e.g. an out-of-fold one in the benchmark); None restores the shipped one."""
    global _override
    _override = _LineModel(model_bytes, meta or {}) if model_bytes is not None else None


def _load_model() -> _LineModel:
    return _override or _shipped_model()


@lru_cache(maxsize=1)
def _shipped_model() -> _LineModel:
    base = resources.files("warta") / "resources" / "models"
    meta = json.loads((base / f"{MODEL_NAME}.json").read_text(encoding="utf-8"))
    return _LineModel((base / f"{MODEL_NAME}.crfsuite").read_bytes(), meta)


def content_scores(lines: list[str], lang: str | None = None) -> list[float]:
    """Probability that each line of one page is article body content, in [0, 1], one per input line.

    Empty (whitespace-only) lines score 0 and are invisible to their neighbours, so blank-line-separated
    paragraphs and packed lines look the same.
    """
    keep = [i for i, line in enumerate(lines) if line and not line.isspace()]
    scores = [0.0] * len(lines)
    if not keep:
        return scores
    feats = page_features([lines[i] for i in keep], lang)
    for i, p in zip(keep, _load_model().scores(feats), strict=True):
        scores[i] = min(max(float(p), 0.0), 1.0)
    return scores
