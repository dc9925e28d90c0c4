"""Document language (ISO 639-1). py3langid decides among ~100 languages; Indonesian vs Malay, which it
confuses, is then decided per document from marker words (data file ``lang/id-ms.tsv``)."""

from __future__ import annotations

import re
from functools import cache

from warta.resources import read_lines

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_SAMPLE_CHARS = 20000


@cache
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


@cache
def _markers() -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {"id": {}, "ms": {}}
    for line in read_lines("lang/id-ms.tsv"):
        lang, word = line.split("\t")
        out[lang][word.lower()] = 1.0
    # a word listed for both languages carries no evidence
    shared = set(out["id"]) & set(out["ms"])
    for lang in out:
        for word in shared:
            out[lang].pop(word, None)
    return out


def detect_language(text: str) -> str | None:
    sample = text[:_SAMPLE_CHARS]
    if len(_WORD.findall(sample)) < 3:
        return None
    lang, _prob = _identifier().classify(sample)
    if lang in ("id", "ms"):
        return id_or_ms(sample)
    return lang


def id_or_ms(text: str) -> str:
    markers = _markers()
    words = [w.lower() for w in _WORD.findall(text)]
    bigrams = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    score = {lang: sum(1 for w in words + bigrams if w in table) for lang, table in markers.items()}
    return "ms" if score["ms"] > score["id"] else "id"
