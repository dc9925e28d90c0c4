"""Quotes with speakers (``nlp.quotes.v1``): direct, partial and indirect speech in Indonesian, Malay and
English.

Every quote is a span of ``record.article.text`` (``start``/``end``; ``text`` is that slice) with its
reporting cue and speaker. The speaker is an entity of the record (``speaker`` = entity id, ``speaker_name`` =
its canonical name) when ``nlp.entities.v1`` ran before; otherwise NER mentions are grouped here and only
the name is set.

How it works, in order:

1. Quote marks. Every double mark (" “ ” „ « ») gets a role from its surroundings (glued to the next word:
   opening; glued to the previous one: closing; spaced on both sides: either, unless a cue follows). Marks are
   then paired left to right, so mismatched glyphs (``“ ... “ kata``, ``” ... ”``) pair by position. An
   unclosed quote runs to the end of its paragraph and continues when the next paragraph opens with a mark
   (multi-paragraph quotes). Single marks (‘ ’ ') are paired only when cleanly placed at word edges.
2. Kind. A quoted span inside a sentence (a word before the opening mark that is not a cue) is ``partial``; it
   is kept only when a cue governs it. Other quoted spans are ``direct``.
3. Attribution. A cue after the quote (``”, kata X`` / ``," X said``), else a cue before it in the same
   sentence (``X mengatakan, “`` / ``Menurut X, “``), else the speaker of the quote just before
   (a continuation).
4. Indirect speech: ``X mengatakan bahwa ...``, ``menurut X, ...``, ``..., kata X.``, ``X said (that) ...``,
   ``according to X, ...`` outside quote marks.
5. Speakers: a named mention; pronouns and ``-nya`` cues go to the person the previous sentences are about;
   press services and spokespeople to their organisation (also when named once and later only "the press
   service"); bare titles (``Presiden``) to the person the text introduced with that title.

Cue verbs and speaker words are data: ``resources/quotes/cues.<lang>.tsv`` and ``speakers.<lang>.tsv``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from warta.model import Entity, Quote, Record
from warta.nlp.tokenize import token_words
from warta.resources import read_lines

NAME = "nlp.quotes.v1"
DOUBLE_MARKS = '"“”„‟«»'
OPENING_GLYPHS = "“„‟«"
_DOUBLE_RE = re.compile(r'["“”„‟«»]')
_SINGLE_RE = re.compile(r"['‘’]")
_SENTENCE_END = frozenset({".", "!", "?", "…", "..."})
_ATTACHABLE_AFTER = ".,;:!?)]}…"  # punctuation that may follow a closing mark
_MAX_SINGLE_QUOTE = 200  # characters; single marks are mostly apostrophes, so keep their quotes short
_POST_WINDOW = 10  # tokens after a closing mark searched for "kata X" / "X said"
_SUBJECT_MAX = 8  # tokens of a named speaker before a post-quote cue
_PHRASE_MAX = 8  # tokens in a speaker phrase after a cue
_MAX_SENTENCE = 150  # tokens; longer runs without an end mark are cut
_CONTINUATION_CHARS = 600  # a quote without a cue continues the previous speaker within this distance
_PRONOUN_SENTENCES = 8  # sentences searched back for the person a pronoun refers to
_TAIL_PHRASE_MAX = 5  # tokens naming the speaker in "..., kata X." without quote marks
SPEAKER_TYPES = ("PER", "ORG", "LOC")


# --------------------------------------------------------------------------------------------- resources


@dataclass(frozen=True, slots=True)
class Cue:
    words: tuple[str, ...]
    role: str  # verb | clitic | according
    ambiguous: bool = False
    clause: bool = False  # may take the reported content right after it, without bahwa/that or a comma

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(slots=True)
class Lexicon:
    """Cue forms and speaker word classes of one language, matched longest-first on lower-cased tokens."""

    cues: dict[tuple[str, ...], Cue] = field(default_factory=dict)
    passives: dict[tuple[str, ...], Cue] = field(default_factory=dict)  # "Hal itu disampaikan X" only
    classes: dict[tuple[str, ...], str] = field(default_factory=dict)
    max_len: int = 1
    # first word -> lengths of the cue / class phrases starting with it, longest first: a look-up at a token only
    # tries lengths that exist
    cue_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    class_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def add_cue(self, line: str) -> None:
        parts = line.split("\t")
        words = tuple(parts[0].split())
        flags = parts[2].split(",") if len(parts) > 2 else []
        cue = Cue(words, parts[1].strip(), "ambiguous" in flags, "clause" in flags)
        (self.passives if cue.role == "passive" else self.cues).setdefault(words, cue)
        self.max_len = max(self.max_len, len(words))
        if words and cue.role != "passive":
            _add_length(self.cue_lengths, words)

    def add_class(self, line: str) -> None:
        phrase, _, kind = line.partition("\t")
        words = tuple(phrase.split())
        self.classes.setdefault(words, kind.strip())
        self.max_len = max(self.max_len, len(words))
        if words:
            _add_length(self.class_lengths, words)

    def cue_at(self, lowered: Sequence[str], i: int) -> Cue | None:
        room = len(lowered) - i
        for n in self.cue_lengths.get(lowered[i], ()) if room > 0 else ():
            if n <= room:
                cue = self.cues.get(tuple(lowered[i : i + n]))
                if cue:
                    return cue
        return None

    def class_at(self, lowered: Sequence[str], i: int) -> tuple[str, int] | None:
        """(class, length in tokens) of the longest speaker-word phrase starting at token ``i``."""
        room = len(lowered) - i
        for n in self.class_lengths.get(lowered[i], ()) if room > 0 else ():
            if n <= room:
                kind = self.classes.get(tuple(lowered[i : i + n]))
                if kind:
                    return kind, n
        return None

    def is_class(self, word: str, kind: str) -> bool:
        return self.classes.get((word,)) == kind


def _add_length(lengths: dict[str, tuple[int, ...]], words: tuple[str, ...]) -> None:
    lengths[words[0]] = tuple(sorted({*lengths.get(words[0], ()), len(words)}, reverse=True))


def lexicon(lang: str | None) -> Lexicon:
    """The lexicon for ``lang``; an unknown language gets the union of all shipped languages (built once, whatever
    the number of unknown language codes met)."""
    lang = (lang or "").lower().split("-")[0]
    return _lexicon(lang if read_lines(f"quotes/cues.{lang}.tsv") else "")


@cache
def _lexicon(lang: str) -> Lexicon:
    lex = Lexicon()
    for code in [lang] if lang else ["id", "en", "ms"]:
        for line in read_lines(f"quotes/cues.{code}.tsv"):
            lex.add_cue(line)
        for line in read_lines(f"quotes/speakers.{code}.tsv"):
            lex.add_class(line)
    return lex


lexicon.cache_clear = _lexicon.cache_clear  # type: ignore[attr-defined]


# --------------------------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Mention:
    """A possible speaker: a span of the text with its entity (id may be None without an entities step)."""

    start: int
    end: int
    type: str
    entity: str | None
    name: str


@dataclass(slots=True)
class Found:
    """One quote found in the text, with what attributed it (for benchmarks and debugging)."""

    start: int
    end: int
    kind: str
    cue: str | None = None
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_span: tuple[int, int] | None = None  # the words that named the speaker ("Presiden", "ujarnya")
    marks: tuple[int, int] | None = None  # opening mark position and closing mark end, for quoted spans

    def to_quote(self, text: str) -> Quote:
        return Quote(
            text=text[self.start : self.end],
            kind=self.kind,
            start=self.start,
            end=self.end,
            speaker=self.speaker,
            speaker_name=self.speaker_name,
            cue=self.cue,
        )


@dataclass(slots=True)
class Attribution:
    cue: str | None
    speaker: str | None
    speaker_name: str | None
    span: tuple[int, int] | None


NO_ATTRIBUTION = Attribution(None, None, None, None)


# --------------------------------------------------------------------------------------------- document view


class Doc:
    """Tokens, paragraphs and speaker mentions of one text, with the lookups the rules need."""

    def __init__(self, text: str, lang: str | None, mentions: Sequence[Mention]):
        self.text = text
        self.lex = lexicon(lang)
        self.spans, self.words, self.lower = token_words(text)
        self.starts = [s for s, _ in self.spans]
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
        self.quoted: list[tuple[int, int]] = []  # spans inside quote marks, filled once marks are paired
        self._cues: dict[int, Cue | None] = {}
        self._positions: dict[str, list[int]] | None = None
        self.paragraph_ends = self._paragraph_ends()
        self.double_marks = [m.start() for m in _DOUBLE_RE.finditer(text)]
        self._split_sentences()

    # -- positions
    def token_at_or_after(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)

    def paragraph_of(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    def paragraph_end(self, pos: int) -> int:
        return self.paragraph_ends[self.paragraph_of(pos)]

    def _paragraph_ends(self) -> list[int]:
        ends = []
        for nxt in [*self.paragraph_starts[1:], len(self.text)]:
            k = nxt
            while k > 0 and self.text[k - 1].isspace():
                k -= 1
            ends.append(k)
        return ends

    def positions(self, word: str) -> list[int]:
        """Token indices of a lower-cased word, indexed once."""
        if self._positions is None:
            self._positions = {}
            for i, w in enumerate(self.lower):
                self._positions.setdefault(w, []).append(i)
        return self._positions.get(word, [])

    def new_paragraph_between(self, a: int, b: int) -> bool:
        return self.paragraph_of(a) != self.paragraph_of(b)

    def is_quoted(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quoted, (pos, len(self.text) + 1)) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.words) and self.words[i][:1].isalnum()

    def cue_at(self, i: int) -> Cue | None:
        if not 0 <= i < len(self.words):
            return None
        if i not in self._cues:
            self._cues[i] = self.lex.cue_at(self.lower, i)
        return self._cues[i]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        k = bisect.bisect_left(self.mention_starts, start)
        out = []
        while k < len(self.mentions) and self.mentions[k].start < end:
            if self.mentions[k].end <= end:
                out.append(self.mentions[k])
            k += 1
        return out

    def ends_sentence(self, j: int) -> bool:
        """Token ``j`` is . ! ? and a new sentence follows (not "D-Minn., in" or ".45-caliber")."""
        if self.lower[j] not in _SENTENCE_END:
            return False
        if j + 1 >= len(self.words):
            return True
        nxt = self.words[j + 1]
        if self.spans[j][1] == self.spans[j + 1][0] and nxt[:1].isalnum():
            return False  # glued to the next word: a decimal point or an abbreviation
        return not (nxt[:1].islower() or nxt in (",", ";"))

    def _split_sentences(self) -> None:
        """Sentence bounds per token, computed once: at . ! ?, at paragraph breaks and every ``_MAX_SENTENCE``
        tokens (so that text without punctuation cannot make the rules quadratic)."""
        n = len(self.words)
        self._sent_start = [0] * n
        self._sent_end = [n] * n
        # tokens followed by a paragraph break: the token before the first one starting at or after each paragraph
        # start (tokens hold no whitespace, so that token ends before the break)
        before_break = {bisect.bisect_left(self.starts, p) - 1 for p in self.paragraph_starts[1:]}
        cuts = {j: j + 1 for j in before_break if 0 <= j < n - 1}  # token -> the sentence's end bound
        for j, word in enumerate(self.lower):
            if word in _SENTENCE_END and self.ends_sentence(j):
                cuts[j] = j  # the end mark itself is left out of the content before it
        start = 0
        for j in [*sorted(cuts), n - 1]:
            while j + 1 - start > _MAX_SENTENCE:  # no cut for _MAX_SENTENCE tokens: cut anyway
                self._set_sentence(start, start + _MAX_SENTENCE, start + _MAX_SENTENCE)
                start += _MAX_SENTENCE
            if j >= start:
                self._set_sentence(start, j + 1, cuts.get(j, n))
                start = j + 1

    def _set_sentence(self, start: int, stop: int, end: int) -> None:
        """Tokens ``start:stop`` form one sentence, whose content ends before token ``end``."""
        self._sent_start[start:stop] = [start] * (stop - start)
        self._sent_end[start:stop] = [end] * (stop - start)

    def sentence_start(self, i: int, floor: int = 0) -> int:
        """First token of the sentence holding token ``i`` (not before token ``floor``)."""
        if not self.words:
            return 0
        return max(self._sent_start[min(i, len(self.words) - 1)], floor, 0)

    def sentence_end(self, i: int) -> int:
        """Index of the token ending the sentence of token ``i`` (exclusive bound if none)."""
        if i >= len(self.words):
            return len(self.words)
        return self._sent_end[i]


# --------------------------------------------------------------------------------------------- quote marks


def mark_role(doc: Doc, pos: int) -> str:
    """open | close | either, from what touches the mark and from a cue right after it."""
    text = doc.text
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    free_left = before.isspace() or before in "([{—–"
    free_right = after.isspace() or after in _ATTACHABLE_AFTER or after in DOUBLE_MARKS
    if free_left and not free_right:
        return "open"
    if free_right and not free_left:
        return "close"
    nxt = doc.token_at_or_after(pos + 1)
    if nxt < len(doc.words) and (doc.words[nxt] == "," or doc.cue_at(nxt)):
        return "close"
    prev = text[:pos].rstrip()[-1:]
    if prev == ":":
        return "open"
    return "either"


def pair_double_marks(doc: Doc) -> list[tuple[int, int | None]]:
    """(opening mark, closing mark or None when the quote runs to its paragraph end) pairs, in text order."""
    pairs: list[tuple[int, int | None]] = []
    opened: int | None = None
    reopened = 0  # the mark that reopened the quote in its latest paragraph
    nested = False
    for pos in doc.double_marks:
        role = mark_role(doc, pos)
        if opened is not None and doc.new_paragraph_between(reopened, pos):
            if _opens_paragraph(doc, pos) and role != "close" and not nested:
                reopened = pos
                continue  # multi-paragraph quote: each paragraph reopens, one closing mark at the end
            pairs.append((opened, None))
            opened, nested = None, False
        if opened is None:
            if role != "close":
                opened = reopened = pos
            continue
        if nested:
            nested = role == "open"  # a closing mark ends the inner quote
            continue
        if role == "open" and text_has_closer_ahead(doc, pos):
            nested = True  # “He called it “nonsense” today,” ...
            continue
        pairs.append((opened, pos))
        opened = None
    if opened is not None:
        pairs.append((opened, None))
    return pairs


def _opens_paragraph(doc: Doc, pos: int) -> bool:
    start = doc.paragraph_starts[doc.paragraph_of(pos)]
    return not doc.text[start:pos].strip()


def text_has_closer_ahead(doc: Doc, pos: int) -> bool:
    """True when two more marks follow in this paragraph (room for an inner and the outer closing mark)."""
    end = doc.paragraph_end(pos)
    marks = doc.double_marks
    return bisect.bisect_left(marks, end) - bisect.bisect_right(marks, pos) >= 2


def pair_single_marks(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Single-mark quotes (‘keluar’, 'no'): marks cleanly at word edges, outside double quotes."""
    text = doc.text
    pairs = []
    opened: int | None = None
    for m in _SINGLE_RE.finditer(text):
        pos = m.start()
        if any(a <= pos < b for a, b in taken):
            continue
        before = text[pos - 1] if pos > 0 else " "
        after = text[pos + 1] if pos + 1 < len(text) else " "
        if opened is None or pos - opened > _MAX_SINGLE_QUOTE or doc.new_paragraph_between(opened, pos):
            opened = None
            if m.group() != "’" and (before.isspace() or before in "([—") and after.isalnum():
                opened = pos
            continue
        if (
            m.group() != "‘"
            and (before.isalnum() or before in ".,!?")
            and (after.isspace() or after in _ATTACHABLE_AFTER)
        ):
            if not before.isalnum() or not text[pos - 1 : pos + 1].lower().endswith("s'"):
                pairs.append((opened, pos))
                opened = None
    return pairs


def quoted_spans(doc: Doc) -> list[tuple[int, int, int, int]]:
    """(content start, content end, opening mark, closing mark end) for every quoted span."""
    out = []
    doubles = pair_double_marks(doc)
    taken = []
    for opening, closing in doubles:
        end = closing if closing is not None else doc.paragraph_end(opening)
        taken.append((opening, end + 1))
        out.append((opening + 1, end, opening, end + (1 if closing is not None else 0)))
    for opening, closing in pair_single_marks(doc, taken):
        out.append((opening + 1, closing, opening, closing + 1))
    trimmed = []
    for start, end, opening, closing in sorted(out):
        start, end = _trim(doc.text, start, end)
        if end > start and any(ch.isalpha() for ch in doc.text[start:end]):
            trimmed.append((start, end, opening, closing))
    return trimmed


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and the attribution comma before a closing mark (``..., ” kata``)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


# --------------------------------------------------------------------------------------------- speakers


class Resolver:
    """Turns the words that name a speaker (a name, pronoun, title, press service) into an entity."""

    def __init__(self, doc: Doc):
        self.doc = doc
        # name word -> mentions of entities whose canonical name holds it ("Boudreau" -> Bruce Boudreau)
        self.by_word: dict[str, list[Mention]] = {}
        seen = set()
        for m in doc.mentions:
            if (m.entity, m.name) in seen or m.type not in ("PER", "ORG"):
                continue
            seen.add((m.entity, m.name))
            for word in m.name.lower().split():
                if len(word) > 2:
                    self.by_word.setdefault(word, []).append(m)

    def named(self, k: int) -> Mention | None:
        """A capitalised word the NER missed that is part of an entity's name, as a mention at token ``k``."""
        doc = self.doc
        word = doc.words[k]
        if not word[:1].isupper() or doc.lex.class_at(doc.lower, k) or doc.is_quoted(doc.spans[k][0]):
            return None
        found = self.by_word.get(doc.lower[k])
        if not found:
            return None
        best = min(found, key=lambda m: m.type != "PER")
        return Mention(doc.spans[k][0], doc.spans[k][1], best.type, best.entity, best.name)

    def in_phrase(self, first: int, last: int, anchor: int) -> Attribution | None:
        """Speaker named by tokens ``first..last-1`` (after a cue: ``kata Menteri X kepada ...``)."""
        doc = self.doc
        if first >= last:
            return None
        start, end = doc.spans[first][0], doc.spans[last - 1][1]
        mentions = [m for m in doc.mentions_in(start, end) if m.type in SPEAKER_TYPES]
        people = [m for m in mentions if m.type == "PER"]
        kind = self._word_class(first, last)
        if people and kind != "spokes":
            return self._from_mention(people[0])
        if kind == "spokes":
            return self._spokes(first, last, anchor, mentions)
        if mentions:
            best = _best(mentions)
            run = self._capitalised_run(first, last)
            if best.type == "LOC" and run and len(run[2].split()) > len(best.name.split()):
                return Attribution(None, None, run[2], run[:2])  # "Jabatan Meteorologi Malaysia", no entity
            return self._from_mention(best)
        named = [m for m in (self.named(k) for k in range(first, last)) if m]
        if named:
            return self._from_mention(_best(named))
        if kind == "pronoun":
            return self.pronoun(first, anchor)
        if kind == "title":
            found = self.title(first, anchor)
            run = self._capitalised_run(first + 1, last)
            if found.speaker is None and run and len(run[2].split()) > 1:
                return Attribution(
                    None, None, run[2], run[:2]
                )  # a name the NER missed: "Minister Tomasz Nowak"
            return found
        return None

    def _capitalised_run(self, first: int, last: int) -> tuple[int, int, str] | None:
        """The first run of capitalised words (not title words) in tokens ``first..last-1``."""
        doc = self.doc
        k = first
        while k < last and not (doc.words[k][:1].isupper() and not doc.lex.class_at(doc.lower, k)):
            k += 1
        end = k
        while end < last and doc.words[end][:1].isupper():
            end += 1
        if end == k:
            return None
        start, stop = doc.spans[k][0], doc.spans[end - 1][1]
        return start, stop, doc.text[start:stop]

    def subject(self, first: int, cue_index: int, anchor: int) -> Attribution | None:
        """Speaker of a cue from the clause before it (``Presiden Joko Widodo mengatakan``): nearest first."""
        doc = self.doc
        earlier = self._continued_cue(first, cue_index)
        if earlier is not None:
            # "X said in a statement, adding that ...", "X said it ... and urged ...": X speaks again
            found = self.subject(first, earlier, anchor)
            if found is not None:
                return found
        j = cue_index - 1
        while j >= first:
            mention = self._mention_ending_at(j) or self.named(j)
            if mention and mention.type in ("PER", "ORG") and not doc.is_quoted(mention.start):
                if mention.type == "ORG" and self._person_before(first, doc.token_at_or_after(mention.start)):
                    j = doc.token_at_or_after(mention.start) - 1
                    continue  # "Teuku Faizasyah dari Kemenlu mengatakan": the person speaks
                return self._from_mention(mention)
            hit = doc.lex.class_at(doc.lower, j)
            if hit and hit[0] in ("pronoun", "spokes", "title") and not doc.is_quoted(doc.spans[j][0]):
                return self.in_phrase(j, min(cue_index, j + _PHRASE_MAX), anchor)
            j -= 1
        places = [
            m
            for m in doc.mentions_in(doc.spans[first][0], doc.spans[cue_index][0])
            if m.type == "LOC" and not doc.is_quoted(m.start)
        ]
        if not places:
            return None
        # a place opening the clause is its subject ("The United States, a treaty ally of the Philippines, said")
        opening = doc.token_at_or_after(places[0].start) - first <= 1
        return self._from_mention(places[0] if opening else places[-1])

    def _continued_cue(self, first: int, cue_index: int) -> int | None:
        """Index of an earlier reporting cue whose speaker this cue continues: the cue follows a comma
        (", adding that") or "and" ("and urged"), and a cue stands earlier in the clause, outside quotes."""
        doc = self.doc
        if cue_index - 1 <= first or not (
            doc.words[cue_index - 1] == "," or doc.lex.is_class(doc.lower[cue_index - 1], "and")
        ):
            return None
        for k in range(cue_index - 2, first - 1, -1):
            if doc.words[k] in ".;:" or doc.is_quoted(doc.spans[k][0]):
                return None
            if doc.cue_at(k) is not None:
                return k
        return None

    def _person_before(self, first: int, i: int) -> bool:
        doc = self.doc
        return any(m.type == "PER" for m in doc.mentions_in(doc.spans[first][0], doc.spans[i][0]))

    def _mention_ending_at(self, j: int) -> Mention | None:
        end = self.doc.spans[j][1]
        for m in self.doc.mentions_in(self.doc.spans[max(j - 6, 0)][0], end):
            if m.end == end:
                return m
        return None

    def _word_class(self, first: int, last: int) -> str | None:
        classes = []
        j = first
        while j < last:
            hit = self.doc.lex.class_at(self.doc.lower, j)
            if hit:
                classes.append(hit[0])
                j += hit[1]
            else:
                j += 1
        for kind in ("spokes", "title", "pronoun"):
            if kind in classes:
                return kind
        return None

    def _from_mention(self, m: Mention) -> Attribution:
        return Attribution(None, m.entity, m.name, (m.start, m.end))

    def pronoun(self, i: int, anchor: int) -> Attribution:
        """The person a pronoun or ``-nya`` refers to: the first actor of the nearest earlier sentence naming
        one (a sentence led by a pronoun passes on to the one before), outside quote marks."""
        doc = self.doc
        span = doc.spans[i]
        end = doc.token_at_or_after(anchor)
        for _ in range(_PRONOUN_SENTENCES):
            if end <= 0:
                break
            first = doc.sentence_start(end - 1)
            actor = self._sentence_speaker(first, end) or self._first_actor(first, end)
            if isinstance(actor, Mention):
                return Attribution(None, actor.entity, actor.name, span)
            end = first
        for m in reversed(doc.mentions_in(0, anchor)):
            if m.type == "PER" and not doc.is_quoted(m.start):
                return Attribution(None, m.entity, m.name, span)
        return Attribution(None, None, None, span)

    def _sentence_speaker(self, first: int, end: int) -> Mention | None:
        """A person named right at a cue of the sentence ("..., kata Menteri X." / "X mengatakan"): the most
        salient antecedent, ahead of a first-mentioned person who is only talked about."""
        doc = self.doc
        for k in range(first, end):
            cue = doc.cue_at(k)
            if not cue or cue.role == "clitic" or doc.is_quoted(doc.spans[k][0]):
                continue
            before = doc.mentions_in(doc.spans[max(k - 3, 0)][0], doc.spans[k][0])
            after = []
            if k and (doc.words[k - 1] == "," or doc.words[k - 1] in DOUBLE_MARKS):  # "..., kata X"
                after = doc.mentions_in(
                    doc.spans[k][1], doc.spans[min(k + _PHRASE_MAX, len(doc.spans) - 1)][1]
                )
            for m in [*before[-1:], *after[:1]]:
                if m.type == "PER" and not doc.is_quoted(m.start):
                    return m
        return None

    def _first_actor(self, first: int, end: int) -> Mention | str | None:
        """The first person (a mention) or pronoun ("pronoun") in tokens ``first..end-1`` outside quotes."""
        doc = self.doc
        people = [
            m
            for m in doc.mentions_in(doc.spans[first][0], doc.spans[end - 1][1])
            if m.type == "PER" and not doc.is_quoted(m.start)
        ]
        k = first
        while k < end:
            if people and people[0].start <= doc.spans[k][0]:
                return people[0]
            if doc.lex.is_class(doc.lower[k], "pronoun") and not doc.is_quoted(doc.spans[k][0]):
                return "pronoun"
            named = self.named(k)
            if named and named.type == "PER":
                return named
            k += 1
        return people[0] if people else None

    def first_actor(self, first: int, end: int, anchor: int) -> Attribution | None:
        """Subject of a coordinated verb: the sentence's first actor ("he asked ..., called ... and said")."""
        actor = self._first_actor(first, end)
        if actor == "pronoun":
            k = next(k for k in range(first, end) if self.doc.lex.is_class(self.doc.lower[k], "pronoun"))
            return self.pronoun(k, self.doc.spans[k][0])
        return self._from_mention(actor) if isinstance(actor, Mention) else None

    def title(self, i: int, anchor: int) -> Attribution:
        """A bare title ("Presiden") stands for the person the text introduced with it."""
        doc = self.doc
        hit = doc.lex.class_at(doc.lower, i)
        length = hit[1] if hit else 1
        words = tuple(doc.lower[i : i + length])
        span = (doc.spans[i][0], doc.spans[i + length - 1][1])
        modifiers = self._modifiers(i)
        for m in reversed(doc.mentions_in(0, anchor)):
            if m.type == "PER" and self._titled(m, words, modifiers):
                return Attribution(None, m.entity, m.name, span)
        return Attribution(None, None, doc.text[span[0] : span[1]], span)

    def _modifiers(self, i: int) -> set[str]:
        """Lower-case words qualifying a title before it ("deputy economy minister"): they must match too."""
        doc = self.doc
        out = set()
        k = i - 1
        while k >= max(i - 3, 0) and doc.is_word(k) and doc.words[k][:1].islower():
            if doc.lex.class_at(doc.lower, k) or doc.cue_at(k):
                break
            out.add(doc.lower[k])
            k -= 1
        return out

    def _titled(self, m: Mention, words: tuple[str, ...], modifiers: set[str] = frozenset()) -> bool:
        """True when ``words`` (a title) stand right before the mention, or start it ("Presiden Trump")."""
        doc = self.doc
        k = doc.token_at_or_after(m.start)
        if modifiers - set(doc.lower[max(k - 7, 0) : k + 1]):
            return False
        for j in range(max(k - 4, 0), k + 1):
            if tuple(doc.lower[j : j + len(words)]) == words:
                longer = doc.lex.class_at(doc.lower, j - 1) if j > 0 else None
                if longer and longer[0] == "title" and longer[1] > len(words):
                    continue  # "Wakil Presiden X" is not "Presiden"
                return True
        return False

    def _spokes(self, first: int, last: int, anchor: int, mentions: list[Mention]) -> Attribution:
        """A press service or spokesperson speaks for the organisation named with it, or named so earlier."""
        doc = self.doc
        span = (doc.spans[first][0], doc.spans[last - 1][1])
        people = [m for m in mentions if m.type == "PER"]
        orgs = [m for m in mentions if m.type == "ORG"]
        if people:  # a named spokesperson speaks as themself
            return Attribution(None, people[0].entity, people[0].name, span)
        if orgs or mentions:
            org = (orgs or mentions)[0]
            return Attribution(None, org.entity, org.name, span)
        words = self._spokes_words(first, last)
        earlier = self._earlier_spokes_org(words, anchor)
        if earlier:
            return Attribution(None, earlier.entity, earlier.name, span)
        return Attribution(None, None, " ".join(doc.words[first:last]), span)

    def _spokes_words(self, first: int, last: int) -> tuple[str, ...]:
        for j in range(first, last):
            hit = self.doc.lex.class_at(self.doc.lower, j)
            if hit and hit[0] == "spokes":
                return tuple(self.doc.lower[j : j + hit[1]])
        return ()

    def _earlier_spokes_org(self, words: tuple[str, ...], anchor: int) -> Mention | None:
        """The entity right after an earlier use of the same words ("layanan pers Rosoboronexport")."""
        doc = self.doc
        best = None
        if not words:
            return None
        for j in doc.positions(words[0]):
            if doc.spans[j][0] >= anchor:
                break
            if tuple(doc.lower[j : j + len(words)]) == words:
                after = doc.spans[min(j + len(words) + 3, len(doc.spans) - 1)][1]
                found = doc.mentions_in(doc.spans[j][1], after)
                if found:
                    best = found[0]
        return best


def _best(mentions: list[Mention]) -> Mention:
    order = {"PER": 0, "ORG": 1, "LOC": 2}
    return min(mentions, key=lambda m: order.get(m.type, 3))


# --------------------------------------------------------------------------------------------- attribution


class Attributor:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.resolve = Resolver(doc)
        self.used_cues: set[int] = set()

    def post(self, close_end: int, content_end: int) -> Attribution | None:
        """``”, kata X`` / ``," X said`` / ``” ujarnya`` right after the closing mark."""
        doc = self.doc
        i = doc.token_at_or_after(close_end)
        if i < len(doc.words) and doc.words[i] == ",":
            i += 1
        new_sentence = (
            doc.text[:content_end].rstrip()[-1:] == "." and i < len(doc.words) and doc.words[i][:1].isupper()
        )
        ends = doc.text[:content_end].rstrip()[-1:] in ".!?"
        for k, j in enumerate(self._window(i)):
            cue = doc.cue_at(j)
            if not cue or (cue.role == "according" and k):
                continue
            if k and not self._subject_phrase(i, j):
                return None  # another clause started: "Dia menambahkan, “..." belongs to the next quote
            after = j + len(cue.words)
            if k and ends and self._opens_next_quote(after):
                return None
            if new_sentence and not self._short_clause(after):
                return None  # ".” Ia menambahkan bahwa ..." is a new sentence, not this quote's attribution
            self.used_cues.add(j)
            found = self._attribution(cue, i, j, after, anchor=close_end)
            if found.speaker_name is None and 0 < k <= 4:
                start, end = doc.spans[i][0], doc.spans[j - 1][1]  # '," the company said': name it so
                found.speaker_name, found.span = doc.text[start:end], (start, end)
            return found
        return None

    def _short_clause(self, after: int) -> bool:
        end = self._phrase_end(after)
        return end >= len(self.doc.words) or self.doc.lower[end] in _SENTENCE_END

    def pre(self, opening: int, floor: int) -> Attribution | None:
        """``X mengatakan, “`` / ``Menurut X, “`` / ``X:`` in the same sentence before the opening mark."""
        doc = self.doc
        end = doc.token_at_or_after(opening)
        first = doc.sentence_start(end, doc.token_at_or_after(floor))
        for j in range(end - 1, first - 1, -1):
            j = self._cue_start(j, first)
            cue = doc.cue_at(j)
            if not cue or (cue.ambiguous and not self._ambiguous_ok(j, cue)):
                continue
            self.used_cues.add(j)
            return self._attribution(cue, first, j, j + len(cue.words), anchor=opening)
        if end - 1 >= first and doc.words[end - 1] == ":":
            found = self.resolve.subject(first, end - 1, opening)
            if found:
                return found
        return None

    def passive_after(self, close_end: int) -> Attribution | None:
        """The next sentence names the speaker in the passive ("“...” Hal itu disampaikan Menteri X.")."""
        doc = self.doc
        i = doc.token_at_or_after(close_end)
        if i < len(doc.words) and doc.lower[i] in _SENTENCE_END:
            i += 1
        for j in range(i, min(i + 3, len(doc.words))):
            cue = doc.lex.passives.get((doc.lower[j],))
            if cue is None:
                continue
            after = j + 1
            if after < len(doc.words) and doc.lex.is_class(doc.lower[after], "agent"):
                after += 1  # "disampaikan oleh X"
            found = self.resolve.in_phrase(after, self._phrase_end(after), close_end)
            if found is None or found.speaker_name is None:
                return None
            return Attribution(doc.words[j], found.speaker, found.speaker_name, found.span)
        return None

    def later_in_sentence(self, opening: int, closing: int) -> Attribution | None:
        """For a partial quote: a cue later in its sentence ("called the plan “a gamble” and said ...")."""
        doc = self.doc
        i = doc.token_at_or_after(closing)
        first = doc.sentence_start(doc.token_at_or_after(opening))
        for j in range(i, doc.sentence_end(i)):
            cue = doc.cue_at(j)
            if cue and not cue.ambiguous and not doc.is_quoted(doc.spans[j][0]):
                return self._attribution(cue, first, j, j + len(cue.words), anchor=opening)
        return None

    def _cue_start(self, j: int, first: int) -> int:
        """Start of the longest cue covering token ``j`` ("seraya menambahkan" rather than "menambahkan")."""
        for k in range(max(first, j - self.doc.lex.max_len + 1), j):
            cue = self.doc.cue_at(k)
            if cue and k + len(cue.words) > j:
                return k
        return j

    def _attribution(self, cue: Cue, first: int, j: int, after: int, anchor: int) -> Attribution:
        doc = self.doc
        cue_text = " ".join(doc.words[j:after])
        found: Attribution | None = None
        if cue.role == "clitic":
            found = self.resolve.pronoun(j, anchor)
        elif cue.role == "according":
            found = self.resolve.in_phrase(after, self._phrase_end(after), anchor)
        else:
            if j > first:
                found = self.resolve.subject(first, j, anchor)
            if found is None:
                found = self.resolve.in_phrase(after, self._phrase_end(after), anchor)
            sentence = self.doc.sentence_start(j)
            if found is None and sentence < first and self._only_linking(first, j):
                found = self.resolve.first_actor(sentence, j, anchor)
        if found is None and cue.role != "clitic":
            run = self.resolve._capitalised_run(after, min(after + 1, len(doc.words)))
            if run:  # "kata Teguh": a name no entity covers is still the best name there is
                end = self._phrase_end(after)
                run = self.resolve._capitalised_run(after, end) or run
                found = Attribution(None, None, run[2], run[:2])
        found = found or Attribution(None, None, None, None)
        return Attribution(cue_text, found.speaker, found.speaker_name, found.span)

    def _window(self, i: int) -> list[int]:
        doc = self.doc
        out = []
        for j in range(i, min(i + _POST_WINDOW, len(doc.words))):
            if j > i and doc.new_paragraph_between(doc.spans[j - 1][1], doc.spans[j][0]):
                break
            if doc.lower[j] in _SENTENCE_END or doc.words[j] in DOUBLE_MARKS:
                break
            out.append(j)
        return out

    def _subject_phrase(self, i: int, j: int) -> bool:
        """Tokens ``i..j-1`` before a post-quote cue look like a speaker (``Smith``, ``the minister``)."""
        doc = self.doc
        if j - i > _SUBJECT_MAX or not self._speaker_start(i):
            return False
        start, end = doc.spans[i][0], doc.spans[j - 1][1]
        if doc.mentions_in(start, end) or any(self.resolve.named(k) for k in range(i, j)):
            return True  # "Polish Agriculture Minister Tomasz Nowak told"
        if all(doc.words[k][:1].isupper() or doc.lex.class_at(doc.lower, k) for k in range(i, j)):
            return True  # a title and a name the NER missed
        if j - i > 4:
            return False
        speakerish = ("pronoun", "title", "spokes")
        if doc.lex.is_class(doc.lower[i], "stop"):
            return False
        if doc.lex.is_class(doc.lower[i], "det") and all(doc.is_word(k) for k in range(i, j)):
            return True  # "the company said", "a spokesman said"
        return any((doc.lex.class_at(doc.lower, k) or ("",))[0] in speakerish for k in range(i, j)) or (
            doc.words[i][:1].isupper()
        )

    def _speaker_start(self, i: int) -> bool:
        """Token ``i`` may begin words naming a speaker: a capital, pronoun, title, press service, article."""
        doc = self.doc
        kind = (doc.lex.class_at(doc.lower, i) or ("",))[0]
        return doc.words[i][:1].isupper() or kind in ("pronoun", "title", "spokes", "det")

    def _only_linking(self, first: int, j: int) -> bool:
        """Only "and", commas... before the cue: a verb sharing an earlier subject."""
        doc = self.doc
        return all(not doc.is_word(k) or doc.lex.is_class(doc.lower[k], "stop") for k in range(first, j))

    def _names_speaker(self, first: int, end: int) -> bool:
        """Speaker words after a cue start with a name, a pronoun, a title or a press service."""
        doc = self.doc
        kinds = ("pronoun", "title", "spokes")
        if not self._speaker_start(first):
            return False
        if doc.lex.is_class(doc.lower[first], "pronoun"):
            return end - first == 1  # "..., said he." but not "..., saying he always finds a way"
        if doc.mentions_in(doc.spans[first][0], doc.spans[end - 1][1]):
            return True
        return any(
            (doc.lex.class_at(doc.lower, k) or ("",))[0] in kinds or self.resolve.named(k)
            for k in range(first, end)
        )

    def _opens_next_quote(self, after: int) -> bool:
        """A cue followed (after its speaker words) by ``,``/``:`` and an opening mark: the next quote's."""
        doc = self.doc
        for j in range(after, min(after + _PHRASE_MAX, len(doc.words) - 1)):
            if doc.words[j] in (",", ":") and doc.words[j + 1] in DOUBLE_MARKS:
                return mark_role(doc, doc.spans[j + 1][0]) != "close"
            if doc.lower[j] in _SENTENCE_END:
                return False
        return False

    def _phrase_end(self, i: int) -> int:
        """End of the speaker words after a cue: punctuation, a stop word, or ``_PHRASE_MAX`` tokens."""
        doc = self.doc
        j = i
        while j < min(i + _PHRASE_MAX, len(doc.words)):
            word = doc.lower[j]
            if not doc.is_word(j) and word not in ("-", "'s", "’s", "."):
                break
            if word == "." or doc.lex.is_class(word, "stop") or doc.lex.is_class(word, "comp"):
                break
            j += 1
        return j

    def _ambiguous_ok(self, j: int, cue: Cue) -> bool:
        """An ambiguous cue (kata, jelas, lanjut) counts after a comma or quote, or opening a sentence ("Kata
        Jokowi, ..."), with a speaker right after it."""
        doc = self.doc
        prev = doc.words[j - 1] if j else ""
        if prev != "," and prev not in DOUBLE_MARKS and doc.sentence_start(j) != j:
            return False
        after = j + len(cue.words)
        if after >= len(doc.words):
            return False
        if doc.mentions_in(doc.spans[after][0], doc.spans[after][1] + 1):
            return True
        return bool(doc.lex.class_at(doc.lower, after)) or doc.words[after][:1].isupper()


# --------------------------------------------------------------------------------------------- finder


def find_quotes(text: str, lang: str | None, mentions: Sequence[Mention]) -> list[Found]:
    """All quotes of ``text``: quoted (direct/partial) first by position, then indirect speech."""
    doc = Doc(text, lang, mentions)
    spans = quoted_spans(doc)
    doc.quoted = sorted((opening, closing) for _, _, opening, closing in spans)
    attributor = Attributor(doc)
    found: list[Found] = []
    previous: Found | None = None
    for start, end, opening, closing in spans:
        quote = _quoted(doc, attributor, start, end, opening, closing, previous)
        if quote:
            found.append(quote)
            previous = quote
    found.extend(find_indirect(doc, attributor))
    found.sort(key=lambda q: (q.start, q.end))
    return found


def _quoted(
    doc: Doc, attributor: Attributor, start: int, end: int, opening: int, closing: int, previous: Found | None
) -> Found | None:
    partial = _embedded(doc, opening, closing, start, end)
    floor = previous.marks[1] if previous and previous.marks else 0
    closed = doc.text[closing - 1] in DOUBLE_MARKS + "'‘’"  # else it ran to its paragraph end
    attribution = attributor.post(closing, end) if closed else None
    if attribution is None:
        attribution = attributor.pre(opening, floor)
    if attribution is None and closed and not partial:
        attribution = attributor.passive_after(closing)
    if attribution is None and previous is not None and _continues(doc, previous, opening, partial):
        attribution = Attribution(
            previous.cue if partial else None, previous.speaker, previous.speaker_name, previous.speaker_span
        )
    if partial and attribution is None:
        attribution = attributor.later_in_sentence(opening, closing)
    if partial and (attribution is None or attribution.cue is None):
        return None  # a scare quote or a title, not speech
    if attribution is None:
        if len(doc.text[start:end].split()) < 3:
            return None
        attribution = _nearest_person(doc, opening)
    return Found(
        start,
        end,
        "partial" if partial else "direct",
        attribution.cue,
        attribution.speaker,
        attribution.speaker_name,
        attribution.span,
        (opening, closing),
    )


def _embedded(doc: Doc, opening: int, closing: int, start: int, end: int) -> bool:
    """A quoted phrase inside a sentence: a word (not a cue) before the opening mark, no sentence inside."""
    if re.search(r"[.!?]\s+\S", doc.text[start:end]):
        return False  # holds a sentence break: a full quote
    i = doc.token_at_or_after(opening) - 1
    if i < 0 or not doc.is_word(i) or doc.new_paragraph_between(doc.spans[i][1], opening):
        return False
    cue = doc.cue_at(i)
    if cue and not cue.ambiguous:
        return False
    return True


def _continues(doc: Doc, previous: Found, opening: int, partial: bool) -> bool:
    """A quote without a cue continues the previous speaker when close by, no other person between."""
    if previous.speaker_name is None or previous.marks is None:
        return False
    gap_start = previous.marks[1]
    if partial:
        i, j = doc.token_at_or_after(gap_start), doc.token_at_or_after(opening)
        return all(doc.lower[k] not in _SENTENCE_END for k in range(i, j))
    if opening - gap_start > _CONTINUATION_CHARS:
        return False
    between = [m for m in doc.mentions_in(gap_start, opening) if m.type == "PER"]
    return all(m.name == previous.speaker_name for m in between)


def _nearest_person(doc: Doc, opening: int) -> Attribution:
    """For a quote with no cue: the last person named in the text shortly before it, outside quotes."""
    floor = max(0, opening - _CONTINUATION_CHARS)
    for m in reversed(doc.mentions_in(floor, opening)):
        if m.type == "PER" and not doc.is_quoted(m.start):
            return Attribution(None, m.entity, m.name, (m.start, m.end))
    return NO_ATTRIBUTION


# ------------------------------------------------------------------------------------------- indirect speech


def find_indirect(doc: Doc, attributor: Attributor) -> list[Found]:
    out: list[Found] = []
    starts_cue = doc.lex.cue_lengths
    for j, lower in enumerate(doc.lower):
        if lower not in starts_cue:
            continue  # no cue starts with this word
        cue = doc.cue_at(j)
        if cue is None or j in attributor.used_cues or doc.is_quoted(doc.spans[j][0]):
            continue
        longer = doc.cue_at(j - 1) if j else None
        if longer and len(longer.words) > 1:
            continue  # inside a longer cue ("seraya menambahkan")
        found = _indirect_at(doc, attributor, j, cue)
        if (
            found
            and not _overlaps(doc, found)
            and not any(q.start < found.end and found.start < q.end for q in out)
        ):
            out.append(found)
    return out


def _overlaps(doc: Doc, found: Found) -> bool:
    return any(a < found.end and found.start < b for a, b in doc.quoted)


def _indirect_at(doc: Doc, attributor: Attributor, j: int, cue: Cue) -> Found | None:
    first, last = doc.sentence_start(j), doc.sentence_end(j)
    after = j + len(cue.words)
    if j > first and doc.words[j - 1] == "," and _tail(doc, attributor, after, last, cue):
        end = attributor._phrase_end(after) if cue.role != "clitic" else after
        return _make(
            doc, attributor, cue, j, (first, j - 1), j, (after, end)
        )  # "..., kata X." / "..., menurut X."
    comma = _comma_before_subject(doc, attributor, first, j)
    if comma is not None and _tail(doc, attributor, after, last, cue, phrase=False):
        return _make(doc, attributor, cue, j, (first, comma), comma + 1, (comma + 1, j))  # "..., Smith said."
    opening = cue.ambiguous and j == first and attributor._ambiguous_ok(j, cue)  # "Kata Jokowi, ..."
    if opening or cue.role == "according" or (cue.role == "clitic" and doc.lower[j].startswith("menurut")):
        comma = _next_comma(doc, after, last) if cue.role != "clitic" else after
        if comma is None or comma >= last or doc.words[comma] != ",":
            return None
        return _make(
            doc, attributor, cue, j, (comma + 1, _before_tail(doc, comma + 1, last)), first
        )  # "Menurut X, ..."
    if cue.ambiguous:
        return None
    content = _content_after(doc, after, last)
    if content is None:
        return None
    return _make(
        doc, attributor, cue, j, (content, _before_tail(doc, content, last)), first
    )  # "X mengatakan bahwa"


def _before_tail(doc: Doc, first: int, last: int) -> int:
    """Content ends before a second attribution at its end ("..., according to a person at the meeting")."""
    for k in range(first + 1, last - 1):
        if doc.words[k] == "," and doc.cue_at(k + 1):
            return k
    return last


def _tail(doc: Doc, attributor: Attributor, after: int, last: int, cue: Cue, phrase: bool = True) -> bool:
    """After the cue only speaker words (when ``phrase``), then the sentence end or a comma."""
    end = attributor._phrase_end(after) if phrase and cue.role != "clitic" else after
    if phrase and cue.role != "clitic":
        if end == after or end - after > _TAIL_PHRASE_MAX:
            return False
        if cue.role != "according" and not attributor._names_speaker(after, end):
            return False  # "according to two officials" names a source; ", saying he always ..." does not
    return end >= last or doc.words[end] in (",", ".") or doc.lex.is_class(doc.lower[end], "stop")


def _comma_before_subject(doc: Doc, attributor: Attributor, first: int, j: int) -> int | None:
    """Index of the comma in "..., Smith said" / "..., police said" / "..., the U.S. Attorney's Office for ...
    said" (speaker words only between the comma and the cue)."""
    if doc.words[j - 1] == ",":
        return None  # "X, the attorney, said (that) ...": an apposition, the subject is before it
    for k in range(j - 2, max(first, j - 2 * _PHRASE_MAX) - 1, -1):
        if doc.words[k] == ",":
            phrase = range(k + 1, j)
            short = len(phrase) <= 2 and all(doc.is_word(x) for x in phrase)
            named = bool(doc.mentions_in(doc.spans[k + 1][0], doc.spans[j - 1][1]))
            if short or named or attributor._subject_phrase(k + 1, j):
                return k
            return None
        if doc.cue_at(k) or doc.lex.is_class(doc.lower[k], "comp"):
            return None
    return None


def _next_comma(doc: Doc, i: int, last: int) -> int | None:
    for k in range(i, min(last, i + _PHRASE_MAX + 1)):
        if doc.words[k] == ",":
            return k
    return None


def _content_after(doc: Doc, after: int, last: int) -> int | None:
    """Where reported content starts after a verb cue: after bahwa/that, a comma or colon, or directly after a
    clause-taking cue ("said the case highlights that ..." starts at "the case")."""
    cue = doc.cue_at(after - 1)
    if after < last and cue and cue.clause and doc.is_word(after) and not _adjunct(doc, after):
        return after
    for k in range(after, min(after + _PHRASE_MAX + 2, last)):
        if doc.lex.is_class(doc.lower[k], "comp"):
            return k + 1
        if doc.words[k] in (",", ":") or doc.words[k] in DOUBLE_MARKS:
            return k + 1 if k == after else None
    return None


def _adjunct(doc: Doc, k: int) -> bool:
    """A preposition, time word or object pronoun right after a cue ("said on Monday that", "told them")."""
    return any(doc.lex.is_class(doc.lower[k], kind) for kind in ("stop", "time", "object", "comp"))


def _make(
    doc: Doc,
    attributor: Attributor,
    cue: Cue,
    j: int,
    content: tuple[int, int],
    subject_first: int,
    named_by: tuple[int, int] | None = None,
) -> Found | None:
    first, last = content
    if last - first < 3:
        return None
    attribution = attributor._attribution(cue, subject_first, j, j + len(cue.words), anchor=doc.spans[j][0])
    if attribution.speaker_name is None and named_by and named_by[0] < named_by[1]:
        # "..., prosecutors said." / "..., according to two officials.": no entity, the words name the source
        start, end = doc.spans[named_by[0]][0], doc.spans[named_by[1] - 1][1]
        attribution.speaker_name, attribution.span = doc.text[start:end], (start, end)
    if attribution.speaker_name is None:
        return None
    start, end = _trim(doc.text, doc.spans[first][0], doc.spans[last - 1][1])
    if end <= start:
        return None
    attributor.used_cues.add(j)
    return Found(
        start,
        end,
        "indirect",
        attribution.cue,
        attribution.speaker,
        attribution.speaker_name,
        attribution.span,
    )


# --------------------------------------------------------------------------------------------- entities


def mentions_from_entities(entities: Iterable[Entity]) -> list[Mention]:
    return [Mention(s.start, s.end, e.type, e.id, e.name) for e in entities for s in e.mentions]


def mentions_from_ner(text: str, lang: str | None) -> list[Mention]:
    """Fallback without an entities step: NER mentions, people grouped by shared name words (Abrams -> Elliott
    Abrams), leading titles dropped from names (Presiden Trump -> Trump)."""
    from warta.nlp.ner import find_mentions

    lex = lexicon(lang)
    raw = [m for m in find_mentions(text, lang or "id") if m.type in SPEAKER_TYPES]
    names = {id(m): _strip_titles(m.text, lex) for m in raw}
    people = sorted({names[id(m)] for m in raw if m.type == "PER"}, key=len, reverse=True)
    out = []
    for m in raw:
        name = names[id(m)]
        if m.type == "PER":
            words = set(name.lower().split())
            name = next((p for p in people if words <= set(p.lower().split())), name)
        out.append(Mention(m.start, m.end, m.type, None, name))
    return out


def _strip_titles(name: str, lex: Lexicon) -> str:
    words = name.split()
    while len(words) > 1:
        hit = lex.class_at([w.lower() for w in words], 0)
        if not hit or hit[0] != "title" or hit[1] >= len(words):
            break
        words = words[hit[1] :]
    return " ".join(words)


# --------------------------------------------------------------------------------------------- annotator


def annotate(record: Record) -> None:
    article = record.article
    text = article.text
    lang = article.language
    if lang is None:
        from warta.nlp.lang import detect_language

        lang = detect_language(text)
    if record.entities:
        mentions = mentions_from_entities(record.entities)
    else:
        mentions = mentions_from_ner(text, lang)
    record.quotes = [q.to_quote(text) for q in find_quotes(text, lang, mentions)]


def annotator():
    from warta.pipeline import Annotator

    return Annotator(name=NAME, run=annotate, requires=("article", "entities"), assigns=("quotes",))
