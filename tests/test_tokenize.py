"""The tokenizer's fast paths (whitespace skipped inside the match, plain words tried first) give the same tokens
as the plain alternation they replace."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.nlp import tokenize as tok

_W = tok._WORD
# the tokenizer's pattern before the fast paths: one alternation, stepped over every whitespace character
_REFERENCE = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"“”«»]+[^\s<>\"“”«».,;:!?)\]'’])"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<handle>[@#][^\W][\w]*)"
    r"|(?P<dotted>(?:[^\W\d_]\.){2,}(?![^\W_]))"
    r"|(?P<number>\d+(?:[.,:/]\d+)+(?![^\W_]))"
    r"|(?P<word>" + _W + r"(?:-" + _W + r")*)"
    r"|(?P<ellipsis>\.{2,}|…)"
    r"|(?P<punct>\S)"
)


def _reference(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in _REFERENCE.finditer(text):
        start, end = match.span()
        kind = match.lastgroup
        if kind == "word":
            tok._word_spans(text, start, end, spans)
        elif kind == "punct" and text[start] == "." and spans and tok._takes_period(text, spans[-1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


_PIECES = [
    "http",
    "https",
    "://",
    "www",
    ".",
    "@",
    "com",
    "3",
    "12",
    ",",
    "5",
    "A",
    "S",
    "'",
    "s",
    "-",
    "  ",
    " ",
    "\n",
    "\u00a0",
    "\u3000",
    "…",
    "..",
    "#",
    "n't",
    "Dr",
    "J",
    "Smith",
    "é",
    "_",
    "/",
    ":",
    "’",
    "«",
    "x",
    "١٢",
    "\t",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_same_tokens_as_the_plain_alternation(text: str) -> None:
    assert tok._tokenize(text) == _reference(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120))
def test_same_tokens_on_any_text(text: str) -> None:
    assert tok._tokenize(text) == _reference(text)


def test_whitespace_runs_stay_linear() -> None:
    started = time.process_time()
    for text in ("a" + " " * 200_000, " " * 200_000, "a" + " \n" * 100_000 + "b"):
        spans = tok._tokenize(text)
        assert [text[s:e] for s, e in spans] == text.split()
    assert time.process_time() - started < 2.0
