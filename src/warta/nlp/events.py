"""Events: who did what to whom, when and where — PLOVER types with CAMEO codes, each tied to its evidence.

For every clause of the cleaned text, verb patterns from data files (``resources/events/patterns.<lang>.tsv``)
propose an event; the actor and recipient are entities of the record found around the verb by
word-order rules, the date comes from time expressions resolved against the publication date
(``nlp.timex``), the location from a place after a locative preposition. Negated verbs give no event;
a cooperation stated as a plan or promise (``akan``, ``berjanji``, ``pledged to``) becomes AGREE with the
CAMEO "express intent" code. Events stated inside a direct quote take a first-person subject ("kami",
"we") as the speaker's side; otherwise the quote gives no actor.

Word-order rules (Indonesian and English are both SVO):
- actor: the nearest entity mention before the verb in the clause, skipping mentions inside a
  prepositional phrase; a comma between them means a coordinated predicate ("X melakukan A, tetap B") and
  the clause subject is taken, except for an apposition (", Elliott Abrams, telah mengancam") or a
  relative clause (", yang berjanji"); with no mention before the verb, the previous clause's actor;
  passive verbs take the mention after ``oleh``/``by``;
- recipient: the first entity mention after the verb in the clause that is not the actor's side.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from warta.model import Entity, Event, Party, Record, Span
from warta.nlp.sentences import clause_spans, sentence_spans
from warta.nlp.timex import Timex, find_times
from warta.nlp.tokenize import tokenize
from warta.resources import read_lines

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
_QUOTE_CHARS = frozenset("\"'“”‘’«»„‟‹›`")
_GAP = 3


# --- data --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Pattern:
    slots: tuple[frozenset[str] | None, ...]  # None = skip up to _GAP words
    cameo: str
    flags: frozenset[str]

    @property
    def size(self) -> int:
        return sum(1 for s in self.slots if s is not None)


@dataclass(frozen=True, slots=True)
class Lexicon:
    by_first_word: dict[str, tuple[Pattern, ...]]
    words: dict[str, frozenset[str]]  # negation, intent, agent, locative, preposition, relative, pronoun, ...
    context: tuple[tuple[str, tuple[str, ...]], ...]  # (context, words) longest first


def data_lang(lang: str | None) -> str:
    return lang if lang in ("id", "ms", "en") else "en"


@cache
def lexicon(lang: str) -> Lexicon:
    patterns: list[Pattern] = []
    for name in (f"events/patterns.{lang}.tsv", f"events/patterns.{lang}.local.tsv"):
        for row in read_lines(name):
            text, cameo, *rest = row.split("\t")
            flags = frozenset(f.strip() for f in (rest[0] if rest else "").split(",") if f.strip())
            patterns.extend(Pattern(slots, cameo.strip(), flags) for slots in _parse_pattern(text))
    by_first: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        for word in pattern.slots[0] or ():
            by_first.setdefault(word, []).append(pattern)
    words: dict[str, set[str]] = {}
    for row in read_lines(f"events/words.{lang}.tsv"):
        kind, word = row.split("\t")
        words.setdefault(kind, set()).add(word.lower())
    context: dict[str, list[str]] = {}
    for row in read_lines(f"events/context.{lang}.tsv"):
        ctx, word = row.split("\t")
        context.setdefault(ctx, []).append(word.lower())
    return Lexicon(
        {w: tuple(sorted(ps, key=lambda p: -p.size)) for w, ps in by_first.items()},
        {k: frozenset(v) for k, v in words.items()},
        tuple((c, tuple(sorted(ws, key=len, reverse=True))) for c, ws in context.items()),
    )


def _parse_pattern(text: str) -> list[tuple[frozenset[str] | None, ...]]:
    """``a b|c d`` → two phrases; ``(x|y) * z`` → one phrase with a word choice and a gap."""
    phrases, depth, current = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            phrases.append(current)
            current = ""
        else:
            current += char
    phrases.append(current)
    out = []
    for phrase in phrases:
        slots: list[frozenset[str] | None] = []
        for word in phrase.split():
            if word == "*":
                slots.append(None)
            else:
                slots.append(frozenset(w.lower() for w in word.strip("()").split("|") if w))
        if slots and slots[0] is not None:
            out.append(tuple(slots))
    return out


@cache
def cameo_table() -> dict[str, tuple[str, str, str]]:
    """CAMEO code → (PLOVER type, PLOVER mode, context)."""
    table = {}
    for name in ("events/cameo_plover.tsv", "events/cameo_plover.overrides.tsv"):
        for row in read_lines(name):
            code, plover, mode, context, *_ = (row.split("\t") + ["", "", ""])[:5]
            table[code] = (plover, mode, context)
    return table


@cache
def intent_table() -> dict[str, str]:
    return dict(row.split("\t") for row in read_lines("events/intent.tsv"))


def plover_of(cameo: str) -> tuple[str, str, str] | None:
    table = cameo_table()
    for length in range(len(cameo), 1, -1):
        if cameo[:length] in table:
            return table[cameo[:length]]
    return None


# --- per-record state ----------------------------------------------------------------------------------

@dataclass(slots=True)
class Tok:
    start: int
    end: int
    lower: str


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    entity: Entity


@dataclass
class Doc:
    text: str
    lang: str
    lex: Lexicon
    mentions: list[Mention]
    times: list[Timex]
    quotes: list[tuple[int, int, str | None]]  # (start, end, speaker entity id)
    entities: dict[str, Entity]
    dateline: str | None
    first_paragraph_end: int
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out


def annotator():
    from warta.pipeline import Annotator

    return Annotator("nlp.events.v1", annotate, requires=("entities", "quotes"), assigns=("events",))


def annotate(record: Record) -> None:
    article = record.article
    text = article.text
    lang = data_lang(article.language)
    doc = Doc(
        text=text, lang=lang, lex=lexicon(lang),
        mentions=[Mention(m.start, m.end, e) for e in record.entities if e.type != "MISC" for m in e.mentions],
        times=find_times(text, article.published, lang),
        quotes=[(q.start, q.end, q.speaker) for q in record.quotes if q.kind == "direct"],
        entities={e.id: e for e in record.entities},
        dateline=article.dateline,
        first_paragraph_end=len(article.paragraphs[0]) if article.paragraphs else 0,
    )
    record.events = extract_events(doc)


def extract_events(doc: Doc) -> list[Event]:
    events: list[Event] = []
    for s_start, s_end in sentence_spans(doc.text):
        previous_actor: Mention | None = None
        for c_start, c_end in clause_spans(doc.text, s_start, s_end, doc.lang):
            tokens = _tokens(doc.text, c_start, c_end)
            for match_start, match_end, pattern in _matches(tokens, doc.lex):
                event, actor = _event(doc, tokens, match_start, match_end, pattern,
                                      (c_start, c_end), (s_start, s_end), previous_actor)
                if actor is not None:
                    previous_actor = actor
                if event is not None:
                    events.append(event)
            first = doc.mentions_in(c_start, c_end)
            if first and previous_actor is None:
                previous_actor = first[0]
    return _dedupe(events)


def _tokens(text: str, start: int, end: int) -> list[Tok]:
    out = []
    for s, e in tokenize(text[start:end]):
        word = text[start + s: start + e]
        if word and all(ch in _QUOTE_CHARS for ch in word):
            continue  # quote marks never break a pattern: menuntut agar Rusia “keluar”
        out.append(Tok(start + s, start + e, word.lower()))
    return out


def _matches(tokens: list[Tok], lex: Lexicon) -> list[tuple[int, int, Pattern]]:
    """Longest pattern at each position; matches do not overlap."""
    found, i = [], 0
    while i < len(tokens):
        best: tuple[int, Pattern] | None = None
        for pattern in lex.by_first_word.get(tokens[i].lower, ()):
            end = _match_at(tokens, i, pattern.slots)
            if end is not None and (best is None or end > best[0] or
                                    (end == best[0] and pattern.size > best[1].size)):
                best = (end, pattern)
        if best:
            found.append((i, best[0], best[1]))
            i = best[0]
        else:
            i += 1
    return found


def _match_at(tokens: list[Tok], i: int, slots: tuple) -> int | None:
    """Index after the match of ``slots`` starting at token ``i``, or None."""
    if not slots:
        return i
    slot = slots[0]
    if slot is None:
        for skip in range(0, _GAP + 1):
            j = i + skip
            if j > len(tokens) or any(t.lower in (",", ".", ";", ":") for t in tokens[i:j]):
                break
            end = _match_at(tokens, j, slots[1:])
            if end is not None:
                return end
        return None
    if i < len(tokens) and tokens[i].lower in slot:
        return _match_at(tokens, i + 1, slots[1:])
    return None


# --- one event --------------------------------------------------------------------------------------------

def _event(doc: Doc, tokens: list[Tok], i: int, j: int, pattern: Pattern, clause: tuple[int, int],
           sentence: tuple[int, int], previous_actor: Mention | None) -> tuple[Event | None, Mention | None]:
    verb_start, verb_end = tokens[i].start, tokens[j - 1].end
    before = " ".join(t.lower for t in tokens[max(0, i - 4): i])
    if _has_word(before, doc.lex.words.get("negation", ())):
        return None, None
    cameo = pattern.cameo
    if "intent" not in pattern.flags and _has_word(before, doc.lex.words.get("intent", ())):
        cameo = _intent_code(cameo)
    actor, recipient = _parties(doc, tokens, i, j, pattern, clause, previous_actor)
    if actor is None:
        return None, None
    if recipient is not None and _same_side(actor.entity, recipient.entity):
        recipient = None
    if recipient is None and ("recipient" in pattern.flags or "foreign" in pattern.flags):
        recipient = _paragraph_recipient(doc, actor, verb_end, sentence) \
            if plover_of(cameo) and plover_of(cameo)[0] in COOPERATIVE else None
        if recipient is None and "recipient" in pattern.flags:
            return None, actor
    if "foreign" in pattern.flags and (recipient is None or not _foreign(actor.entity, recipient.entity)):
        return None, actor
    cameo, context = _refine(doc, cameo, sentence)
    plover = plover_of(cameo)
    if plover is None:
        return None, actor
    in_quote = _inside_quote(doc, verb_start)
    event = Event(
        type=plover[0], actor=_party(actor.entity), recipient=_party(recipient.entity) if recipient else None,
        evidence=Span(clause[0], clause[1], doc.text[clause[0]:clause[1]]), mode=context or None, cameo=cameo,
        date=_date(doc, clause, sentence, verb_start), location=_location(doc, clause, verb_end),
        confidence=_confidence(pattern, recipient is not None, in_quote),
    )
    return event, actor


def _has_word(text: str, words: frozenset[str]) -> bool:
    padded = f" {text} "
    return any(f" {w} " in padded for w in words)


def _intent_code(cameo: str) -> str:
    table = intent_table()
    for length in range(len(cameo), 1, -1):
        if cameo[:length] in table:
            return table[cameo[:length]]
    return cameo


def _parties(doc: Doc, tokens: list[Tok], i: int, j: int, pattern: Pattern, clause: tuple[int, int],
             previous_actor: Mention | None) -> tuple[Mention | None, Mention | None]:
    verb_start, verb_end = tokens[i].start, tokens[j - 1].end
    left = doc.mentions_in(clause[0], verb_start)
    right = doc.mentions_in(tokens[i].end, clause[1])  # from the verb head: "meminta Rusia keluar" → Rusia
    if "passive" in pattern.flags:
        agent = _after_word(doc, tokens, j, doc.lex.words.get("agent", frozenset()), clause[1])
        subject = _subject(doc, left, verb_start, clause) or previous_actor
        return agent, subject
    if "owner-object" in pattern.flags:
        subject = _subject(doc, left, verb_start, clause)
        destination = _after_word(doc, tokens, j, doc.lex.words.get("destination", frozenset()), clause[1])
        if subject is None or _in_relative_subject(doc.text[clause[0]:verb_start], doc.lex):
            owner = next((m for m in right if m.start - verb_end < 40 and m is not destination), None)
            return owner, destination
        return subject, destination or _first_other(right, subject, doc.text)
    actor = _subject(doc, left, verb_start, clause)
    if actor is None:
        actor = _quote_speaker(doc, tokens, i) or previous_actor
    return actor, _first_other(right, actor, doc.text)


def _subject(doc: Doc, left: list[Mention], verb_start: int, clause: tuple[int, int]) -> Mention | None:
    """The actor before the verb (see module doc for the rules)."""
    prepositions = doc.lex.words.get("preposition", frozenset())
    relative = doc.lex.words.get("relative", frozenset())
    candidates = [m for m in left if not _after_preposition(doc.text, m.start, prepositions)]
    if not candidates:
        return None
    nearest = candidates[-1]
    between = doc.text[nearest.end:verb_start]
    if "," not in between:
        return nearest
    before = doc.text[clause[0]:nearest.start].rstrip()
    after_comma = between.split(",", 1)[1].strip().lower().split()
    if before.endswith(",") or (after_comma and after_comma[0] in relative):
        return nearest  # apposition (", Elliott Abrams, telah ...") or relative clause (", yang berjanji")
    return candidates[0]


def _after_preposition(text: str, start: int, prepositions: frozenset[str]) -> bool:
    words = text[max(0, start - 30):start].lower().split()
    return bool(words) and words[-1] in prepositions


def _in_relative_subject(text: str, lex: Lexicon) -> bool:
    """``pesawat yang membawa ...``: the verb sits in a relative clause of a subject that is not an entity."""
    words = text.lower().split()
    return bool(words) and words[-1] in lex.words.get("relative", frozenset())


def _after_word(doc: Doc, tokens: list[Tok], j: int, words: frozenset[str], end: int) -> Mention | None:
    for k in range(j, len(tokens)):
        if tokens[k].lower in words:
            following = doc.mentions_in(tokens[k].end, end)
            if following and following[0].start - tokens[k].end < 60:
                return following[0]
    return None


def _first_other(mentions: list[Mention], actor: Mention | None, text: str = "") -> Mention | None:
    for k, mention in enumerate(mentions):
        if actor is not None and _same_side(actor.entity, mention.entity):
            continue
        head = _head_of(mention, mentions[k + 1:], text)
        return head or mention
    return None


def _head_of(mention: Mention, following: list[Mention], text: str) -> Mention | None:
    """``German Chancellor Olaf Scholz``: a country word that modifies the person named right after it."""
    if mention.entity.type != "LOC" or not following:
        return None
    nxt = following[0]
    gap = text[mention.end:nxt.start]
    if nxt.entity.type in ("PER", "ORG") and len(gap) <= 40 and not any(c in gap for c in ",.;()"):
        return nxt
    return None


def _same_side(a: Entity, b: Entity) -> bool:
    return a.id == b.id or (a.type == "LOC" and b.type == "LOC" and a.country is not None and a.country == b.country)


def _foreign(a: Entity, b: Entity) -> bool:
    return a.country is not None and b.country is not None and a.country != b.country


def _paragraph_recipient(doc: Doc, actor: Mention, verb_end: int, sentence: tuple[int, int]) -> Mention | None:
    """For a cooperative event with no recipient in its clause: the first other country named later in the
    sentence or the next sentence ("... dibangun oleh eksportir Rusia. Pusat ini ... melatih pilot Venezuela")."""
    end = doc.text.find(".", sentence[1] + 1)
    end = len(doc.text) if end < 0 else end
    paragraph_end = doc.text.find("\n\n", verb_end)
    if paragraph_end >= 0:
        end = min(end, paragraph_end)
    for mention in doc.mentions_in(verb_end, end):
        if mention.entity.country and _foreign(actor.entity, mention.entity):
            return mention
    return None


def _quote_speaker(doc: Doc, tokens: list[Tok], i: int) -> Mention | None:
    """Inside a direct quote, a first-person subject ("kami", "we") is the speaker's side."""
    first_person = doc.lex.words.get("first_person", frozenset())
    if not any(t.lower in first_person for t in tokens[max(0, i - 3): i]):
        return None
    for start, end, speaker in doc.quotes:
        if start <= tokens[i].start < end and speaker in doc.entities:
            entity = doc.entities[speaker]
            return Mention(entity.mentions[0].start, entity.mentions[0].end, entity) if entity.mentions else None
    return None


def _inside_quote(doc: Doc, position: int) -> bool:
    return any(start <= position < end for start, end, _ in doc.quotes)


def _refine(doc: Doc, cameo: str, sentence: tuple[int, int]) -> tuple[str, str]:
    """A generic code (``060``) becomes the context-specific one (``062`` military) when the sentence says so."""
    plover = plover_of(cameo)
    context = plover[2] if plover else ""
    if context and not cameo.endswith("0"):  # 030, 060, 100 ...: the generic code of a family
        return cameo, context
    sentence_text = f" {doc.text[sentence[0]:sentence[1]].lower()} "
    for ctx, words in doc.lex.context:
        if any(f" {w} " in sentence_text or f" {w}-" in sentence_text or f" {w}," in sentence_text
               or f" {w}." in sentence_text for w in words):
            specific = _code_with_context(cameo, ctx)
            return specific or cameo, ctx
    return cameo, context


def _code_with_context(cameo: str, context: str) -> str | None:
    root = cameo[:2]
    options = [code for code, (_, _, ctx) in cameo_table().items()
               if code.startswith(root) and ctx == context and len(code) <= len(cameo) + 1]
    return min(options, key=len) if options else None


def _date(doc: Doc, clause: tuple[int, int], sentence: tuple[int, int], verb_start: int) -> str | None:
    for start, end in (clause, sentence):
        inside = [t for t in doc.times if start <= t.start < end]
        if inside:
            return min(inside, key=lambda t: abs(t.start - verb_start)).value
    return None


def _location(doc: Doc, clause: tuple[int, int], verb_end: int) -> str | None:
    locative = doc.lex.words.get("locative", frozenset())
    for mention in doc.mentions_in(clause[0], clause[1]):
        if mention.entity.type == "LOC" and _after_preposition(doc.text, mention.start, locative):
            return mention.entity.name
    if clause[0] < doc.first_paragraph_end and doc.dateline:
        return doc.dateline  # the dateline says where the lead's events were reported from
    return None


def _confidence(pattern: Pattern, has_recipient: bool, in_quote: bool) -> float:
    score = 0.55 + 0.05 * min(pattern.size, 4) + (0.1 if has_recipient else 0.0) - (0.1 if in_quote else 0.0)
    return round(min(score, 0.95), 2)


def _party(entity: Entity) -> Party:
    return Party(name=entity.name, entity=entity.id, country=entity.country, role=entity.role)


def _dedupe(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for event in events:
        key = (event.type, event.actor.entity, event.recipient.entity if event.recipient else None,
               event.evidence.start)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out
