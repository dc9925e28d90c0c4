"""Line classifier for flat text: how likely is each line of a page to be article body content.

A page is seen as a sequence of lines (as mC4/OSCAR store pages, or as `warta.extract.flat` splits them).
Each line gets general, language-aware features (length, terminal punctuation, stopword share from the
per-language lists in `resources/stopwords/`, capitalisation, digits, symbols, repetition on the page,
position relative to the page's densest prose, the "main block"), each line also sees some features of
the three lines before and after it, and boosted decision trees turn that into one probability per line.
(A linear-chain CRF over the same features scored lower in page-split cross-validation: F1 0.83 vs 0.86.)

The model is trained by `scripts/train_lines.py` and ships in `resources/models/`; it is loaded lazily
on first use and nothing is downloaded.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import numpy as np

__all__ = [
    "content_scores", "use_model", "page_features", "model_matrix", "model_input_names", "TreeEnsemble",
    "FEATURE_NAMES", "load_stoplist", "load_webwords", "guess_language", "guess_stoplist",
]

# Analysis looks at most this many characters of one line: features of a 50 MB line are those of its head
# (its true length is still counted), so cost stays bounded.
MAX_ANALYSED_CHARS = 4000
MODEL_NAME = "lines_gbdt"

_WORD = re.compile(r"[^\W\d_]+")  # alphabetic runs, any script
_SENT_END = re.compile(r"[.!?。！？](?:\s|$)")
_URLISH = re.compile(
    r"https?://|www\.|@\w|\.(?:com|net|org|html?|php|aspx?|jpe?g|png|gif|webp|svg|pdf)\b", re.IGNORECASE
)
_TERMINAL = set(".!?。！？…")
_CLOSERS = set("\"'”’»)]」』")
_LINKISH = re.compile(r"[|»›«‹©®™@#•·→←↑↓►▶◄▼▲/\\]")
_DIGIT = re.compile(r"\d")
_QUOTE = re.compile("[\"“”«»„]")
_BULLETS = set("•·-–—*►▶●■□◆◇→»›>")


# ---------------------------------------------------------------------------------------------------------
# Word lists (stopwords, web furniture) and the page language


def _read_words(folder: str, lang: str) -> frozenset[str]:
    path = resources.files("warta") / "resources" / folder / f"{lang}.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=64)
def load_stoplist(lang: str) -> frozenset[str]:
    """The stopword set of `lang` (ISO 639-1), empty if warta has no list for it."""
    return _read_words("stopwords", lang)


@lru_cache(maxsize=64)
def load_webwords(lang: str) -> frozenset[str]:
    """Words of web page furniture (menus, sharing, sign-in, legal) for `lang`, plus English ones,
    which sites in every language use."""
    return _read_words("webwords", lang) | _read_words("webwords", "en")


@lru_cache(maxsize=1)
def _available_langs() -> tuple[str, ...]:
    base = resources.files("warta") / "resources" / "stopwords"
    names = (p.name for p in base.iterdir() if p.name.endswith(".txt"))
    return tuple(sorted(n[:-4] for n in names if n != "generic.txt"))


def _coverage(words: list[str], stoplist: frozenset[str]) -> float:
    return sum(w in stoplist for w in words) / len(words) if words else 0.0


def guess_language(words: list[str], lang: str | None = None) -> str:
    """The language whose word lists describe a page: the declared one unless another stoplist covers the
    page's (lowercase) words far better; "generic" when nothing fits.

    Declared languages (an HTML lang attribute, a crawler's guess) are often wrong, and flat text often has
    none, so the page's own words decide among the shipped lists.
    """
    sample = words[:5000]
    declared = lang.lower().replace("_", "-").split("-")[0] if lang else ""
    declared_cov = _coverage(sample, load_stoplist(declared)) if load_stoplist(declared) else 0.0
    best_cov, best = 0.0, ""
    for code in _available_langs():
        cov = _coverage(sample, load_stoplist(code))
        if cov > best_cov:
            best_cov, best = cov, code
    if declared_cov and (declared_cov >= 0.1 or best_cov < 2 * declared_cov + 0.05):
        return declared
    if best_cov >= 0.1:
        return best
    return declared if declared_cov else "generic"


def guess_stoplist(words: list[str], lang: str | None = None) -> frozenset[str]:
    """The stopword set for a page (see guess_language)."""
    return load_stoplist(guess_language(words, lang))


# ---------------------------------------------------------------------------------------------------------
# Features

# Per-line features, then page-context features derived from them (order matters: the model stores names).
LINE_FEATURES = [
    "log_chars", "log_words", "avg_word_len", "end_terminal", "end_colon", "end_comma", "end_alnum",
    "start_upper", "start_lower", "start_digit", "start_bullet", "stop_ratio", "log_stops", "title_ratio",
    "caps_words", "digit_ratio", "punct_ratio", "linkish", "urlish", "log_sentences", "comma_rate",
    "letter_ratio", "has_quote", "web_ratio", "log_web",
]
CONTEXT_FEATURES = [
    "rel_pos", "mass_pos", "rel_len", "len_vs_median", "log_repeats", "first_of_repeats", "dist_longest",
    "log_dist_prose", "prose_window", "prose_before", "prose_after", "page_log_lines", "page_prose_share",
    "stop_vs_page", "sim_prev", "sim_next", "short_run", "len_vs_window", "prose_window_wide", "in_main_block",
    "dist_main_block",
]
FEATURE_NAMES = LINE_FEATURES + CONTEXT_FEATURES


def _line_vector(
    text: str, true_len: int, stoplist: frozenset[str], webwords: frozenset[str]
) -> tuple[list[float], list[str]]:
    """Features of one (stripped, truncated) line, plus its lowercase alphabetic words."""
    n_chars = max(len(text), 1)
    tokens = text.split()
    words = _WORD.findall(text)
    lower = [w.lower() for w in words]
    n_words = len(tokens)
    n_alpha = max(len(words), 1)
    stops = sum(w in stoplist for w in lower)
    web = sum(w in webwords for w in lower)
    letters = sum(len(w) for w in words)
    # Counted with regexes and per word, never per character in Python: lines can be long.
    caps_words = sum(w.isupper() for w in words if len(w) > 1)
    digits = len(_DIGIT.findall(text))
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
        caps_words / n_alpha,
        digits / n_chars,
        max(punct, 0) / n_chars,
        float(len(_LINKISH.findall(text))),
        float(bool(_URLISH.search(text))),
        math.log1p(len(_SENT_END.findall(text))),
        text.count(",") / max(n_words, 1),
        letters / n_chars,
        float(bool(_QUOTE.search(text))),
        web / n_alpha,
        math.log1p(web),
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


def _run_length(mask: np.ndarray) -> np.ndarray:
    """For each line, the length of the run of consecutive true values it sits in (0 where false)."""
    out = np.zeros(len(mask))
    start = 0
    for i in range(1, len(mask) + 1):
        if i == len(mask) or mask[i] != mask[start]:
            if mask[start]:
                out[start:i] = i - start
            start = i
    return out


def _main_block(prose_chars: np.ndarray, chars: np.ndarray) -> tuple[int, int]:
    """The line span with the largest surplus of prose over non-prose text (max-sum segment, Kadane).

    Non-prose characters count against a span, so a span stretches across short headings and captions
    inside the article but stops at the menus, link lists and footers around it.
    """
    gain = np.where(prose_chars > 0, prose_chars, -0.5 * np.minimum(chars, 200.0) - 20.0)
    best, best_span, cur, cur_start = -np.inf, (0, 0), 0.0, 0
    for i, g in enumerate(gain):
        if cur <= 0:
            cur, cur_start = g, i
        else:
            cur += g
        if cur > best:
            best, best_span = cur, (cur_start, i)
    return best_span


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
    idx = np.arange(n)
    lo, hi = _main_block(prose_chars, chars)
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
        np.log1p(_run_length(words < 5)),
        np.log1p(chars) - np.log1p(_window_sum(chars, 3) / 7.0),
        _window_sum(prose.astype(float), 10) / 21.0,
        ((idx >= lo) & (idx <= hi)).astype(float),
        np.log1p(np.maximum(lo - idx, 0) + np.maximum(idx - hi, 0)),
    ]
    return np.stack(feats, axis=1)


def page_features(lines: list[str], lang: str | None = None) -> np.ndarray:
    """Feature matrix (len(lines) x len(FEATURE_NAMES)) of one page's non-empty, stripped lines."""
    texts = [line[: MAX_ANALYSED_CHARS * 2].strip()[:MAX_ANALYSED_CHARS] for line in lines]
    if not texts:
        return np.zeros((0, len(FEATURE_NAMES)))
    sample = [w.lower() for t in texts[:2000] for w in _WORD.findall(t)]
    code = guess_language(sample, lang)
    stoplist, webwords = load_stoplist(code), load_webwords(code)
    rows, word_sets = [], []
    for line, text in zip(lines, texts, strict=True):
        vec, lower = _line_vector(text, len(line), stoplist, webwords)
        rows.append(vec)
        word_sets.append(set(lower))
    base = np.asarray(rows, dtype=float)
    return np.concatenate([base, _context(base, texts, word_sets)], axis=1)


# ---------------------------------------------------------------------------------------------------------
# Model input: each line's features plus some features of its neighbours

WINDOW_FEATURES = [
    "log_words", "log_chars", "stop_ratio", "end_terminal", "title_ratio", "linkish", "digit_ratio",
    "punct_ratio", "start_lower", "prose_window", "short_run", "log_repeats", "web_ratio",
]
WINDOW_OFFSETS = (-3, -2, -1, 1, 2, 3)
OUTSIDE_PAGE = -100.0  # value of a neighbour feature beyond the first or last line


def model_matrix(feats: np.ndarray) -> np.ndarray:
    """The model's input: page features of each line, then WINDOW_FEATURES of the lines around it."""
    feats = np.nan_to_num(np.asarray(feats, dtype=float), nan=0.0, posinf=1e6, neginf=-1e6)
    n = len(feats)
    cols = [FEATURE_NAMES.index(name) for name in WINDOW_FEATURES]
    own = feats[:, cols]
    blocks = [feats]
    for off in WINDOW_OFFSETS:
        shifted = np.full_like(own, OUTSIDE_PAGE)
        if off < 0 and n > -off:
            shifted[-off:] = own[: n + off]
        elif off > 0 and n > off:
            shifted[: n - off] = own[off:]
        blocks.append(shifted)
    return np.concatenate(blocks, axis=1)


def model_input_names() -> list[str]:
    return FEATURE_NAMES + [f"{name}@{off:+d}" for off in WINDOW_OFFSETS for name in WINDOW_FEATURES]


class TreeEnsemble:
    """Boosted decision trees for binary classification, evaluated with numpy (no ML library at run time).

    Trees are trained with LightGBM by scripts/train_lines.py and stored as padded arrays per tree:
    internal nodes have a feature, a threshold (go left when value <= threshold) and two children;
    a child < 0 is leaf ~child. A tree that is a single leaf has root -1.
    """

    CHUNK = 4096  # lines scored at once: bounds memory on pages of 100k lines

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        # Flatten all trees into one node table and one leaf table so traversal is plain 1-D gathers.
        n_trees, n_nodes = arrays["feature"].shape
        n_leaves = arrays["leaf_value"].shape[1]
        node_base = (np.arange(n_trees) * n_nodes)[:, None]
        leaf_base = (np.arange(n_trees) * n_leaves)[:, None]

        def globalise(child: np.ndarray) -> np.ndarray:
            child = child.astype(np.int64)
            return np.where(child >= 0, child + node_base, ~(~child + leaf_base)).ravel()

        self.feature = arrays["feature"].astype(np.int64).ravel()
        self.threshold = arrays["threshold"].astype(float).ravel()
        self.left = globalise(arrays["left"])
        self.right = globalise(arrays["right"])
        self.leaf_value = arrays["leaf_value"].astype(float).ravel()
        self.root = globalise(arrays["root"][:, None])
        self.n_trees = n_trees
        # Shift chosen at training time so that 0.5 is the cross-validated best cut-off.
        self.bias = float(arrays["bias"].ravel()[0]) if "bias" in arrays else 0.0

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Probability of the positive class for every row of x."""
        if len(x) == 0:
            return np.zeros(0)
        raw = np.concatenate([self._raw(x[i : i + self.CHUNK]) for i in range(0, len(x), self.CHUNK)])
        return 1.0 / (1.0 + np.exp(-raw))

    def _raw(self, x: np.ndarray) -> np.ndarray:
        n, width = x.shape
        flat_x = np.ascontiguousarray(x, dtype=float).ravel()
        node = np.repeat(self.root, n)  # tree-major: all rows of tree 0, then tree 1, ...
        row_offset = np.tile(np.arange(n) * width, self.n_trees)
        active = np.flatnonzero(node >= 0)
        while len(active):
            at = node[active]
            value = flat_x[row_offset[active] + self.feature[at]]
            node[active] = np.where(value <= self.threshold[at], self.left[at], self.right[at])
            active = active[node[active] >= 0]
        return self.leaf_value[~node].reshape(self.n_trees, n).sum(axis=0) + self.bias


class _LineModel:
    def __init__(self, arrays: dict[str, np.ndarray], meta: dict) -> None:
        if meta.get("inputs") != model_input_names():
            raise RuntimeError("line model was trained with other features; rerun scripts/train_lines.py")
        self.trees = TreeEnsemble(arrays)

    def scores(self, feats: np.ndarray) -> np.ndarray:
        return self.trees.predict(model_matrix(feats))


_override: _LineModel | None = None


def use_model(arrays: dict[str, np.ndarray] | None, meta: dict | None = None) -> None:
    """Score with another trained model (e.g. an out-of-fold one in the benchmark); None restores the shipped one."""
    global _override
    _override = _LineModel(arrays, meta or {}) if arrays is not None else None


def _load_model() -> _LineModel:
    return _override or _shipped_model()


@lru_cache(maxsize=1)
def _shipped_model() -> _LineModel:
    base = resources.files("warta") / "resources" / "models"
    meta = json.loads((base / f"{MODEL_NAME}.json").read_text(encoding="utf-8"))
    with np.load(io.BytesIO((base / f"{MODEL_NAME}.npz").read_bytes()), allow_pickle=False) as data:
        arrays = {key: data[key] for key in data.files}
    return _LineModel(arrays, meta)


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
