"""Sentence and clause spans over article text (character offsets, nothing copied).

Sentences end at . ! ? … followed by space and an upper-case letter, digit or opening quote, unless the
word before the point is a known abbreviation (data: ``resources/sentences/abbreviations.txt``). A dotted
initialism ("U.S.", "D.C.") may also end a sentence: it does when the next word is one that starts sentences
(``resources/sentences/starters.txt``: "The", "He", "Namun"), so "the U.S. Army" stays whole and "sent by the
U.S. They arrived" splits. A closing quote right after the point stays with its sentence; paragraph breaks always end a sentence. Clauses split a
sentence before conjunctions listed per language (``resources/events/clauses.<lang>.tsv``) and at ``;``.
"""

from __future__ import annotations

import re
from functools import cache

from warta.resources import read_lines

# The opening quote may be typeset as a closing one (”Kalau ...), and tokenised text spaces it off (". ” Kalau").
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+(?=(?:[\"'“‘«(\[”’]\s?)?[A-Z0-9À-ÖØ-Þ])")
_PARAGRAPH = re.compile(r"\n\s*\n")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[”’]?\s?([\w']+)")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("sentences/abbreviations.txt"))


@cache
def _starters() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("sentences/starters.txt"))


def _continues(text: str, match: re.Match, last_word: str) -> bool:
    """Whether the point before ``match`` is inside the sentence (an abbreviation or an initial)."""
    if re.fullmatch(r"[a-z]", last_word):
        return True
    if last_word not in _abbreviations():
        return False
    if "." not in last_word:
        return True
    next_word = _NEXT_WORD.match(text, match.end(), match.end() + 40)
    return not (next_word and next_word.group(1).lower() in _starters())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for para in _paragraphs(text):
        p_start, p_end = para
        start = p_start
        for match in _END.finditer(text, p_start, p_end):
            before = text[start : match.start() + 1].split()
            last_word = before[-1].lower().rstrip(".") if before else ""
            if _continues(text, match, last_word):
                continue
            end = match.end()
            spans.append(_strip(text, start, end))
            start = end
        if start < p_end:
            spans.append(_strip(text, start, p_end))
    return [s for s in spans if s[1] > s[0]]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        out.append((start, match.start()))
        start = match.end()
    out.append((start, len(text)))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@cache
def _clause_pattern(lang: str) -> re.Pattern | None:
    words_after_comma, words_anywhere = [], []
    for row in read_lines(f"events/clauses.{lang}.tsv"):
        word, _, where = row.partition("\t")
        (words_after_comma if where.strip() == "comma" else words_anywhere).append(re.escape(word))
    parts = [r";\s*"]
    if words_after_comma:
        parts.append(r",\s*(?=(?:" + "|".join(words_after_comma) + r")\b)")
    if words_anywhere:
        parts.append(r"(?:,\s*|\s+)(?=(?:" + "|".join(words_anywhere) + r")\b)")
    return re.compile("|".join(parts), re.IGNORECASE)


def clause_spans(text: str, start: int, end: int, lang: str | None) -> list[tuple[int, int]]:
    """Clauses of the sentence ``text[start:end]``."""
    pattern = _clause_pattern(lang or "en") or _clause_pattern("en")
    spans, cursor = [], start
    for match in pattern.finditer(text, start, end):
        if match.start() > cursor:
            spans.append(_strip(text, cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        spans.append(_strip(text, cursor, end))
    return [s for s in spans if s[1] > s[0]]
