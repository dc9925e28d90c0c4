"""Rule-based word tokenizer for Indonesian/Malay and English news text.

Returns character spans so every annotation can point back into the original text.
Conventions (close to the CoNLL-style training data):
- hyphenated words stay whole: ``militer-teknis``, ``badan-badan``, ``Mi-17``, ``F-16``, ``S-400``;
  a hyphen joining two different capitalised names is split (``Rusia-Venezuela`` -> 3 tokens)
  so each name can be an entity of its own;
- dotted abbreviations stay whole: ``A.S.``, ``U.S.``, ``p.m.``, and titles such as ``Dr.``, ``Jl.``;
- numbers keep their separators: ``1.500``, ``3,5``, ``10%`` is ``10`` + ``%``;
- English clitics are split as in the training data: ``don't`` -> ``do`` ``n't``, ``Trump's`` -> ``Trump`` ``'s``;
- every other punctuation mark, including quote marks “ ” " ' « » ‘ ’, is a token of its own.
"""

from __future__ import annotations

import re

# Titles and common abbreviations that keep their final period (lower-cased, without the period).
_ABBREVIATIONS = frozenset(
    """
    dr drs dra prof ir hj kh jl jln no tel telp mr mrs ms st sr jr gen col lt sgt capt gov sen rep rev inc
    ltd co corp bros vs etc dll dsb tsb yth sdr bpk kol mayjen brigjen letjen jend kapt pol ptn
    jan feb mar apr jun jul aug agu sep sept oct okt nov dec des
    """.split()
)

_WORD = r"[^\W_](?:[^\W_]|['’](?=[^\W_]))*"  # letters/digits, inner apostrophes (O'Brien, Jum'at)
# No token holds whitespace, so each match first skips the whitespace before its token (``\s*+``: half the match
# attempts of stepping over every space). ``plain`` is a letter/digit run ending at whitespace: none of the branches
# after it can match there (a URL, e-mail, dotted abbreviation or number needs a non-space character after the run)
# and ``word`` would match the same run, so trying it first only skips work. The text is scanned up to its last
# non-space character: a whitespace run at the end would otherwise be re-scanned from each of its positions.
_TOKEN_RE = re.compile(
    r"""
    \s*+(?:
    (?P<plain>[^\W_]++(?=\s))
  | (?P<url>(?:https?://|www\.)[^\s<>"“”«»]+[^\s<>"“”«».,;:!?)\]'’])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<handle>[@#][^\W][\w]*)
  | (?P<dotted>(?:[^\W\d_]\.){2,}(?![^\W_]))                           # A.S.  U.S.  p.m.
  | (?P<number>\d+(?:[.,:/]\d+)+(?![^\W_]))                            # 1.500  3,5  10:30  30/3
  | (?P<word>"""
    + _WORD
    + r"""(?:-"""
    + _WORD
    + r""")*)
  | (?P<ellipsis>\.{2,}|…)
  | (?P<punct>\S)
    )""",
    re.VERBOSE,
)

_CLITIC_RE = re.compile(r"(?i)(?:n['’]t|['’](?:s|m|re|ve|ll|d))$")
_CAPITALISED = re.compile(r"[^\W\d_][^\W\d_]+")


# Several annotators tokenise the same article text (NER, entities, quotes, events): the spans of the last few
# long texts are kept, so a document is tokenised once. Short texts (clauses, names) are not kept: they are cheap
# and would push the documents out.
_CACHE_MIN_CHARS = 1000
_CACHE_SIZE = 4
_cache: dict[str, tuple[tuple[int, int], ...]] = {}


def tokenize(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into tokens, returned as ``(start, end)`` character offsets (a new list on every call)."""
    if len(text) < _CACHE_MIN_CHARS:
        return _tokenize(text)
    cached = _cache.get(text)
    if cached is None:
        cached = tuple(_tokenize(text))
        while len(_cache) >= _CACHE_SIZE:
            _cache.pop(next(iter(_cache)), None)
        _cache[text] = cached
    return list(cached)


_words_cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def token_words(text: str) -> tuple[list[tuple[int, int]], list[str], list[str]]:
    """``(spans, words, lower-cased words)`` of ``text``, each a new list; kept like :func:`tokenize`'s spans, so
    the annotators that read the same article (entities, quotes) build them once."""
    spans = tokenize(text)
    cached = _words_cache.get(text) if len(text) >= _CACHE_MIN_CHARS else None
    if cached is None:
        words = tuple([text[s:e] for s, e in spans])
        cached = (words, tuple(map(str.lower, words)))
        if len(text) >= _CACHE_MIN_CHARS:
            while len(_words_cache) >= _CACHE_SIZE:
                _words_cache.pop(next(iter(_words_cache)), None)
            _words_cache[text] = cached
    return spans, list(cached[0]), list(cached[1])


# group numbers of the token kinds the loop below tells apart (``lastindex``: cheaper than ``lastgroup``'s name)
_PLAIN, _WORD_KIND, _PUNCT = (_TOKEN_RE.groupindex[name] for name in ("plain", "word", "punct"))


def _tokenize(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    append = spans.append
    stop = len(text)
    while stop and text[stop - 1].isspace():
        stop -= 1
    for match in _TOKEN_RE.finditer(text, 0, stop):
        kind = match.lastindex  # the token's group: the branches hold no other capturing group
        span = match.span(kind)
        if kind == _PLAIN:
            append(span)
        elif kind == _WORD_KIND:
            start, end = span
            word = text[start:end]
            if "-" in word or "'" in word or "’" in word:
                _word_spans(text, start, end, spans)
            else:
                append(span)  # a plain word: no clitic, no hyphen
        elif kind == _PUNCT and text[span[0]] == "." and spans and _takes_period(text, spans[-1], span[0]):
            spans[-1] = (spans[-1][0], span[1])
        else:
            append(span)
    return spans


def tokens(text: str) -> list[str]:
    """Token strings of ``text`` (convenience wrapper around :func:`tokenize`)."""
    return [text[s:e] for s, e in tokenize(text)]


def _takes_period(text: str, prev: tuple[int, int], dot: int) -> bool:
    """True when the period right after the previous token belongs to it (``Dr.``, ``J.``)."""
    if prev[1] != dot:
        return False
    word = text[prev[0] : prev[1]]
    if word.lower() in _ABBREVIATIONS:
        return True
    # A single capital letter followed by a period and a capitalised word is an initial (J. Smith).
    if len(word) == 1 and word.isupper():
        rest = text[dot + 1 : dot + 3]
        return rest[:1] == " " and rest[1:2].isupper()
    return False


def _word_spans(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Append a word's spans, splitting clitics and hyphen-joined distinct names."""
    word = text[start:end]
    clitic = _CLITIC_RE.search(word) if ("'" in word or "’" in word) else None
    if clitic and clitic.start() > 0:
        _hyphen_spans(text, start, start + clitic.start(), out)
        out.append((start + clitic.start(), end))
        return
    _hyphen_spans(text, start, end, out)


def _hyphen_spans(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    word = text[start:end]
    parts = word.split("-")
    if len(parts) == 2 and _distinct_names(parts[0], parts[1]):
        cut = start + len(parts[0])
        out.extend([(start, cut), (cut, cut + 1), (cut + 1, end)])
    else:
        out.append((start, end))


def _distinct_names(left: str, right: str) -> bool:
    """``Rusia-Venezuela`` yes; ``Bangsa-Bangsa``, ``Mi-17``, ``militer-teknis``, ``Ki-moon`` no."""
    return (
        bool(_CAPITALISED.fullmatch(left) and _CAPITALISED.fullmatch(right))
        and left[0].isupper()
        and right[0].isupper()
        and left.lower() != right.lower()
    )
