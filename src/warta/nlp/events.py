"""Events: who did what to whom, when and where — PLOVER types with CAMEO codes, each tied to its evidence.

For every clause of the cleaned text, verb patterns from data files (``resources/events/patterns.<lang>.tsv``)
propose an event; the actor and recipient are entities of the record found around the verb by
word-order rules, the date comes from time expressions resolved against the publication date
(``nlp.timex``), the location from a place after a locative preposition. Negated verbs give no event;
a cooperation stated as a plan or promise (``akan``, ``berjanji``, ``pledged to``) becomes AGREE with the
CAMEO "express intent" code. Events stated inside a direct quote take a first-person subject ("kami",
"we") as the speaker's side; otherwise the quote gives no actor.

Parties are entities of the record, or generic actors found by ``agent_mentions`` ("police", "rebels",
"pemerintah", "Densus 88": ``agents.<lang>.tsv``, for English also 4,800 Phoenix agent nouns) with a role and the
country of a place next to them or of the dateline. When a pattern has no such party before it, the noun phrase right
before the verb acts if it is a capitalised name the NER missed or is headed by a body noun ("the interim council").

Word-order rules (Indonesian and English are both SVO):
- actor: the nearest entity mention before the verb in the clause, skipping mentions inside a
  prepositional phrase; a comma between them means a coordinated predicate ("X melakukan A, tetap B") and
  the clause subject is taken, except for an apposition (", Elliott Abrams, telah mengancam") or a
  relative clause (", yang berjanji"); with no mention before the verb, the previous clause's actor;
  passive verbs take the mention after ``oleh``/``by``;
- recipient: the first entity mention after the verb in the clause that is not the actor's side and that the verb
  can take as object or complement: right after it, or after "with"/"against"/"kepada"/"terhadap" ... (see
  ``_reachable``); never a name after another preposition ("in Jakarta", "di depan gedung DPR"), a time, or a name
  after a comma or a reporting verb (", ujar Kapolres X").
Negated agreement becomes a rejection (``negated.tsv``); modal and conditional verbs ("could attack", "whether
Trump withheld") give no event.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from warta.model import Entity, Event, Party, Record, Span
from warta.nlp.sentences import clause_spans, sentence_spans
from warta.nlp.timex import Timex, find_times
from warta.nlp.tokenize import token_words, tokenize
from warta.resources import read_lines

# Verbs whose object is another action ("demanded that Russia withdraw", "agreed to cooperate"): an event verb
# within _EMBED_REACH tokens after them is that content, not a second event.
_EMBEDDING = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT"})
_SPEECH_ACTS = frozenset({"REQUEST", "THREATEN", "REJECT"})
_EMBED_REACH = 30  # tokens: in practice the rest of the clause
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
_MUTUAL = frozenset({"CONSULT", "COOPERATE"})  # done by each side to the other (see _joint_event for AGREE)
_QUOTE_CHARS = frozenset("\"'“”‘’«»„‟‹›`")
_GAP = 3
_MACRO = re.compile(r"@[A-Za-z0-9_]+")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SHOUTED_PLACE = re.compile(r"([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})\s*:\s+(?=[A-Z])")
# Cooperative types, coded in English only when a party has a country or a public role (see _public): firms'
# deals and products are no events, though their denials and demands are.
_VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID"})
# Types whose verbs have a common sporting sense ("beat", "defeated", "rallied", "attack", "shot"): read in a
# sentence or document about a game, they are no political event.
_CONFLICT = frozenset({"ASSAULT", "PROTEST", "COERCE", "THREATEN", "SANCTION"})
_ARTICLES = frozenset({"the", "a", "an"})
_SCORE = re.compile(r"(?<![\w.,:/-])\d{1,3}-\d{1,3}(?![\w/-]|[.,:]\d)")  # "6-3", "3-1", not "2019-2020"


# --- data --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pattern:
    slots: tuple[frozenset[str] | None, ...]  # None = skip up to _GAP words
    cameo: str
    flags: frozenset[str]
    origin: str = ""  # the data file it came from: "", "local" or "petrarch"
    # the word slots after the first, fewest words first: a clause lacking one cannot match, and the narrowest
    # slot is the one most likely to be missing
    rest: tuple[frozenset[str], ...] = ()
    size: int = 0  # the number of word slots (set from ``slots``)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rest", tuple(sorted((s for s in self.slots[1:] if s is not None), key=len)))
        object.__setattr__(self, "size", sum(1 for s in self.slots if s is not None))


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
    # Hand-written first: at equal match length the earlier pattern wins (see _matches).
    for name in PATTERN_FILES:
        patterns.extend(_read_patterns(name.format(lang=lang)))
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


PATTERN_FILES_ALL = (
    "events/patterns.{lang}.tsv",
    "events/patterns.{lang}.local.tsv",
    "events/patterns.{lang}.petrarch.tsv",
)
PATTERN_FILES = PATTERN_FILES_ALL


def _read_patterns(name: str) -> list[Pattern]:
    """Rows ``pattern<TAB>cameo[<TAB>flags]``; ``@NAME<TAB>a|b|c`` defines a word set used as ``@NAME``."""
    patterns: list[Pattern] = []
    macros: dict[str, str] = {}
    for row in read_lines(name):
        text, cameo, *rest = row.split("\t")
        if _MACRO.fullmatch(text.strip()):
            macros[text.strip()] = f"({cameo.strip()})"
            continue
        if "@" in text:
            text = _MACRO.sub(lambda m: macros.get(m.group(0), m.group(0)), text)
        flags = frozenset(f.strip() for f in (rest[0] if rest else "").split(",") if f.strip())
        origin = name.rsplit(".", 2)[-2] if name.count(".") > 2 else ""
        patterns.extend(Pattern(slots, cameo.strip(), flags, origin) for slots in _parse_pattern(text))
    return patterns


# a phrase of a row: "|" outside parentheses separates phrases (parentheses do not nest)
_PHRASE = re.compile(r"(?:\([^)]*\)|[^|()])+")
_GROUP = re.compile(r"\([^)]*\)|\S+")


@cache
def _choice(group: str) -> tuple[frozenset[str], tuple[tuple[frozenset[str], ...], ...]]:
    """``(a|b|c d)`` → (the single-word options, the multi-word options as one slot per word); cached, since the
    verb forms of a PETRARCH block recur in every pattern of the block."""
    options = [o.strip().lower() for o in group.strip("()").split("|") if o.strip()]
    single = frozenset(o for o in options if " " not in o)
    multi = tuple(tuple(frozenset({w}) for w in o.split()) for o in options if " " in o)
    return single, multi


def _parse_pattern(text: str) -> list[tuple[frozenset[str] | None, ...]]:
    """``a b|c d`` → two phrases; ``(x|y) * z`` → one phrase with a word choice and a gap."""
    out = []
    for phrase in _PHRASE.findall(text):
        # a choice with several words in one of its options ("(war games|drills)") expands into one phrase per
        # multi-word option, the single-word options staying one slot
        variants: list[list[frozenset[str] | None]] = [[]]
        for group in _GROUP.findall(phrase):
            if group == "*":
                for v in variants:
                    v.append(None)
                continue
            single, multi = _choice(group)
            expanded = []
            for v in variants:
                if single:
                    expanded.append([*v, single])
                for words in multi:
                    expanded.append([*v, *words])
            variants = expanded[:64]
        for slots in variants:
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
    header_end: int = 0  # end of a dateline header at the start of the text ("JAKARTA, KOMPAS —")
    starts: list[int] = field(default_factory=list)
    sport: bool | None = None  # the document is about games (see _sport), computed on first use
    home: str | None = None  # the dateline's country, else the article's main one (as for generic actors)
    prior_actor: Mention | None = None  # the actor the previous sentence ended with
    # every attributed quote, direct or reported, as (start, end, speaker entity id): who speaks after a passive
    speeches: list[tuple[int, int, str]] = field(default_factory=list)
    published: str | None = None  # the article's publication date (ISO), which no reported event comes after
    listed: list[Mention] = field(default_factory=list)  # recipients listed after the last event's recipient
    co_actor: Mention | None = (
        None  # the second of two names acting jointly in the last event ("X and Y condemned")
    )
    co_middle: list[Mention] = field(default_factory=list)  # "Egypt, Jordan and Qatar ...": the items between
    mutual: bool = False  # the last pattern's act is done by each side to the other (flag mutual: "traded fire")
    # the document's tokens (quote marks left out) and their start offsets, built once: a clause takes its range
    tokens: list[Tok] = field(default_factory=list)
    token_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.tokens = _doc_tokens(self.text)
        self.token_starts = [t.start for t in self.tokens]

    def clause_tokens(self, start: int, end: int) -> list[Tok]:
        """The document's tokens that lie inside ``[start, end)``."""
        i = bisect_left(self.token_starts, start)
        j = bisect_left(self.token_starts, end, i)
        while j > i and self.tokens[j - 1].end > end:
            j -= 1
        return self.tokens[i:j]

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
    header_end, dateline = _header(text, article.dateline, article.language)
    # Names inside the header ("JAKARTA, KOMPAS —") are the outlet and the place, never actors.
    mentions = [
        Mention(m.start, m.end, e)
        for e in record.entities
        if e.type != "MISC"
        for m in e.mentions
        if m.start >= header_end
    ]
    home = (
        _place_country(dateline, article.language)
        or _main_country(record.entities, lang != "en")
        or next((c.upper() for c in lexicon(lang).words.get("home_country", ())), None)
    )
    mentions += agent_mentions(text, lang, mentions, home, header_end)
    definite = definite_mentions(text, lang, mentions, header_end)
    if definite:  # "the group" names the group told before, not a generic one
        mentions = [m for m in mentions if not _overlaps([(d.start, d.end) for d in definite], m.start, m.end)]
        mentions += definite
    doc = Doc(
        text=text,
        lang=lang,
        lex=lexicon(lang),
        mentions=mentions,
        times=find_times(text, article.published, lang),
        quotes=[(q.start, q.end, q.speaker) for q in record.quotes if q.kind == "direct"],
        speeches=sorted((q.start, q.end, q.speaker) for q in record.quotes if q.speaker),
        entities={e.id: e for e in record.entities},
        dateline=dateline,
        first_paragraph_end=len(article.paragraphs[0]) if article.paragraphs else 0,
        header_end=header_end,
        home=home,
        published=article.published,
    )
    record.events = extract_events(doc)


def _header(text: str, dateline: str | None, language: str | None) -> tuple[int, str | None]:
    """(end of a dateline header left at the start of the text, the dateline place)."""
    from warta.extract.news import parse_header

    first_line = text.split("\n", 1)[0]
    shouted = _SHOUTED_PLACE.match(first_line)  # "NEW DELHI: ...", which the dash-based parser leaves
    if shouted:
        return shouted.end(), dateline or shouted.group(1).title()
    header = parse_header(first_line, (language,) if language else ())
    if header is None or not header.rest:
        return 0, dateline
    end = first_line.find(header.rest)
    return (end if end > 0 else 0), dateline or header.dateline


def _place_country(place: str | None, language: str | None) -> str | None:
    if not place:
        return None
    from warta.nlp.actors import actor_data

    found = actor_data(language).places.get(" ".join(tokenize_words(place)))
    return found.country if found else None


def _main_country(entities: list[Entity], parties: bool = False) -> str | None:
    """The country whose places are named most often (a clear first), for generic actors with no dateline; with
    ``parties`` (Indonesian and Malay), when no place of a country is named, the country of the bodies and people
    named (a clear first: "Para pejabat MDC mengatakan , puluhan pendukung partai itu telah diciduk oleh polisi")."""
    counts: dict[str, int] = {}
    for entity in entities:
        if entity.type == "LOC" and entity.country:
            counts[entity.country] = counts.get(entity.country, 0) + len(entity.mentions)
    if not counts and parties:
        for entity in entities:
            if entity.type in ("ORG", "PER") and entity.country:
                counts[entity.country] = counts.get(entity.country, 0) + len(entity.mentions)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def tokenize_words(text: str) -> list[str]:
    return [text[s:e].lower() for s, e in tokenize(text)]


# --- generic actors ("police", "pemerintah") -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Agent:
    role: str
    recipient: bool  # may be coded as a recipient (state bodies), not only as an actor
    name: bool = False  # the name of one body ("Densus 88", "Bareskrim"): capitalised in mid-sentence too


AGENT_FILES = ("events/agents.{lang}.tsv", "events/agents.{lang}.phoenix.tsv")


@cache
def agents(lang: str) -> dict[tuple[str, ...], Agent]:
    """Phrase → agent; the hand-written file wins over the one converted from Phoenix (``agents.en.phoenix.tsv``)."""
    out: dict[tuple[str, ...], Agent] = {}
    for name in AGENT_FILES:
        for row in read_lines(name.format(lang=lang)):
            phrase, role, recipient, kind = (row.split("\t") + ["", "", ""])[:4]
            agent = Agent(role.strip(), recipient.strip() == "yes", kind.strip() == "name")
            out.setdefault(tuple(phrase.lower().split()), agent)
    return out


@cache
def agent_sizes(lang: str) -> dict[str, tuple[int, ...]]:
    """First word → the phrase lengths starting with it, longest first (one dict look-up per token)."""
    sizes: dict[str, set[int]] = {}
    for phrase in agents(lang):
        sizes.setdefault(phrase[0], set()).add(len(phrase))
    return {w: tuple(sorted(n, reverse=True)) for w, n in sizes.items()}


_REDUPLICATED = re.compile(r"^([^\W\d_]{3,})-\1$")


def agent_mentions(
    text: str, lang: str, mentions: list[Mention], home: str | None, start: int
) -> list[Mention]:
    """Group nouns that act without a name ("Polisi menangkap ...", "protesters marched"), as mentions of
    synthetic entities (id ``agent:<phrase>``). Words inside or right before a name are part of that name's
    phrase ("pemerintah Kota Bekasi", "police chief X") and are skipped. The country is that of a place named
    right next to the noun ("Afghan government", "polisi Malaysia"), else the dateline's country."""
    table = agents(lang)
    if not table:
        return []
    sizes = agent_sizes(lang)
    spans, _, words = token_words(text)  # the article's tokens, shared with the other annotators
    first = bisect_left(spans, (start,))  # tokens from ``start`` on
    del spans[:first], words[:first]
    if lang in ("id", "ms"):
        # a plural said twice is the group noun ("Prajurit-prajurit Inggris itu", "fraksi-fraksi di DPR")
        words = [_REDUPLICATED.sub(r"\1", w) for w in words]
    taken = sorted((m.start, m.end) for m in mentions)
    out, i = [], 0
    count = len(spans)
    for k in [k for k, word in enumerate(words) if word in sizes]:  # where some phrase starts
        if k < i:
            continue  # inside the last phrase
        i = k
        size = 0
        for n in sizes[words[i]]:
            if i + n <= count and tuple(words[i : i + n]) in table:
                size = n
                break
        if not size:
            i += 1
            continue
        a_start, a_end = spans[i][0], spans[i + size - 1][1]
        if (
            not table[tuple(words[i : i + size])].name
            and _inside_name(text, a_start)
            and not (lang in ("id", "ms") and (_office_alone(text, a_end) or _office_of_place(mentions, text, a_end)))
        ):
            i += size
            continue
        if _modifier_only(lang, words, i, size):
            i += size  # "military aid", "operasi militer": the word describes a thing, no group acts
            continue
        if not _overlaps(taken, a_start, a_end) and not _name_follows(mentions, text, a_end):
            phrase = tuple(words[i : i + size])
            agent = table[phrase]
            country = _neighbour_country(mentions, text, a_start, a_end) or home
            entity = Entity(
                id=f"agent:{' '.join(phrase)}:{country or ''}",
                name=" ".join(phrase),
                type="ORG",
                country=country,
                role=agent.role,
                kind="agent" if agent.recipient else "agent-actor",
            )
            out.append(Mention(a_start, a_end, entity))
        i += size
    return out


_ANAPHOR_REACH = 1500  # characters back to the party a definite description names again (a few sentences)
_ARMED_ROLES = frozenset({"REB", "INS", "RAD", "SEP"})
_ANAPHOR_KINDS = ("anaphor_named", "anaphor_armed", "anaphor_country", "anaphor_person", "anaphor_company")


def definite_mentions(text: str, lang: str, mentions: list[Mention], start: int) -> list[Mention]:
    """A party named again by a head noun ("kelompok tersebut", "negara itu", "the group", "the ministry"), as a
    mention of the nearest earlier entity that fits the head (words ``anaphor_*``): one whose name has the head
    word (Kementerian Pertahanan Rusia for "kementerian itu"), or of the head's class (an armed group, a country, a
    person, a company). Without it the act has no named actor ("Kelompok tersebut menyerang pos TNI"), or only the
    bare noun ("the group"). A head inside a name, or that no earlier party fits, is left alone."""
    words = lexicon(lang).words
    heads = {kind: words.get(kind, frozenset()) for kind in _ANAPHOR_KINDS}
    every_head = frozenset().union(*heads.values())
    if not every_head:
        return []
    named = sorted((m for m in mentions if not (m.entity.kind or "").startswith("agent")), key=lambda m: m.start)
    everyone = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in everyone]
    spans, surface, lower = token_words(text)
    out: list[Mention] = []
    for k in range(bisect_left(spans, (start,)), len(spans)):
        if lower[k] not in every_head or not (surface[k].islower() or _sentence_initial(text, spans[k][0])):
            continue
        phrase = _definite_phrase(lower, surface, k, words)
        if phrase is None:
            continue
        first, last = phrase
        a_start, a_end = spans[first][0], spans[last][1]
        if any(m.start < a_end and a_start < m.end for m in named):
            continue  # "Partai Demokrat itu": a name, already a mention
        antecedent = _antecedent(text, lang, everyone, starts, a_start, lower[k], heads)
        if antecedent is not None:
            out.append(Mention(a_start, a_end, antecedent.entity))
    return out


def _definite_phrase(lower: list[str], surface: list[str], k: int, words: dict) -> tuple[int, int] | None:
    """Token range of a definite description whose head is token ``k``: English "the [one lower-case word] head" not
    followed by "of" or a name ("the ministry of defence", "the group Hamas" name it there); Indonesian and Malay "head
    [up to two lower-case words] tersebut/itu/ini"."""
    articles = words.get("anaphor_article", frozenset())
    if articles:
        for first in (k - 1, k - 2):
            if first >= 0 and lower[first] in articles and all(surface[n].islower() for n in range(first + 1, k)):
                following = surface[k + 1] if k + 1 < len(surface) else ""
                if following.lower() == "of" or following[:1].isupper():
                    return None
                return first, k
        return None
    demonstratives = words.get("anaphor_demonstrative", frozenset())
    for last in (k + 1, k + 2, k + 3):
        if last >= len(lower) or not surface[last].islower():
            return None
        if lower[last] in demonstratives:
            return k, last
    return None


def _antecedent(
    text: str, lang: str, everyone: list[Mention], starts: list[int], start: int, head: str, heads: dict
) -> Mention | None:
    """The nearest mention before ``start`` (within ``_ANAPHOR_REACH``) that the head noun can name again."""
    from warta.nlp.actors import country_name

    k = bisect_left(starts, start) - 1
    while k >= 0 and everyone[k].start >= start - _ANAPHOR_REACH:
        mention = everyone[k]
        entity = mention.entity
        k -= 1
        if mention.end > start:
            continue
        said = f"{entity.name} {text[mention.start : mention.end]}".lower().split()
        if head in heads["anaphor_named"] and head in said and entity.type == "ORG":
            return mention
        if head in heads["anaphor_armed"] and entity.type == "ORG" and entity.role in _ARMED_ROLES:
            return mention
        if head in heads["anaphor_company"] and entity.type == "ORG" and entity.role == "BUS":
            return mention
        if head in heads["anaphor_person"] and entity.type == "PER" and not (entity.kind or "").startswith("agent"):
            return mention
        if (
            head in heads["anaphor_country"]
            and entity.type == "LOC"
            and entity.country
            and entity.name == country_name(entity.country, lang)
        ):
            return mention
    return None


def _modifier_only(lang: str, words: list[str], i: int, size: int) -> bool:
    """A group noun used as a modifier of a thing (words ``agent_modified``, Indonesian and Malay only so far): after
    the thing ("bantuan militer", "operasi militer"); an English list would read the word before it ("military
    aid"), but one measured cost a GSR type and helped no pool."""
    things = lexicon(lang).words.get("agent_modified", frozenset())
    if not things:
        return False
    if lang == "en":
        return i + size < len(words) and words[i + size].lower() in things
    return i > 0 and words[i - 1].lower() in things


def _office_alone(text: str, end: int) -> bool:
    """Indonesian and Malay write an office capitalised also when it names no one ("Kami meminta Presiden
    mengingatkan ...", "meminta Kapolri mencopot ..."): with a verb or a punctuation mark after it, it is the office,
    not the start of a name."""
    following = text[end : end + 30].split()
    if not following:
        return True
    word = following[0]
    # a verb after it (its content: "meminta Kapolri mencopot ..."), or the clause ends; not a connector that runs
    # into another title ("Wakil Perdana Menteri sekaligus Menteri Pertahanan Australia X")
    return word[0] in ".,;:" or (word[:1].islower() and _verb_like(word) and not word.endswith("ed"))


def _office_of_place(mentions: list[Mention], text: str, end: int) -> bool:
    """Indonesian and Malay: a capitalised office right before a place and no name ("meminta Bupati Bogor",
    "Gubernur Jawa Barat mengajak ..."): the office of that place acts or is acted on (not "Presiden Rusia Vladimir
    Putin": the title of the person named)."""
    place = next((m for m in mentions if m.start >= end), None)
    if place is None or place.entity.type != "LOC" or text[end : place.start].strip():
        return False
    after = next((m for m in mentions if m.start >= place.end), None)
    return not (after is not None and after.entity.type == "PER" and _TITLE_GAP.fullmatch(text[place.end : after.start]))


def _inside_name(text: str, start: int) -> bool:
    """``the People's Daily``, ``the Police Department``: a capitalised group noun in mid-sentence is part of a
    name, not the generic actor."""
    if not text[start].isupper():
        return False
    before = text[max(0, start - 3) : start].rstrip(" \"'“‘”’«")
    return bool(before) and before[-1] not in ".!?:—–-\n"


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _name_follows(mentions: list[Mention], text: str, end: int) -> bool:
    """A name right after the noun, or in apposition to it ("pemimpin oposisi, Juan Guaido")."""
    return any(
        m.entity.type in ("PER", "ORG")
        and 0 <= m.start - end <= 3
        and text[end : m.start].strip() in ("", ",")
        for m in mentions
    )


_OWNER_MODIFIERS = re.compile(r"['’]s(?: [a-z][a-z-]*){1,2} ")
_MODIFIER = re.compile(r" [a-z][a-z-]* ")
_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ch")


def _demonym(word: str, entity: Entity) -> bool:
    """``Syrian``, ``Chinese``, ``British``, ``Iraqi``, ``French``: a country's adjective (not its name, "Russia hit
    the government"; not an abbreviation, "U.S. accuses the government")."""
    return word != entity.name and word.isalpha() and word[:1].isupper() and word.endswith(_DEMONYM_ENDINGS)


def _neighbour_country(mentions: list[Mention], text: str, start: int, end: int) -> str | None:
    for m in mentions:
        if m.entity.type == "PER" and m.entity.role == "GOV" and m.entity.country:
            if 0 <= start - m.end <= 3 and text[m.end : start].strip() in ("", "'s", "’s"):
                return m.entity.country  # "the Biden administration", "Putin's government": the leader's state
            continue
        if m.entity.type != "LOC" or not m.entity.country:
            continue
        if not (0 <= start - m.end <= 30 or 0 <= m.start - end <= 1):
            continue  # too far for any test below (and no slice of the text between)
        before = text[m.end : start]
        after = text[end : m.start]
        if 0 <= start - m.end <= 3 and before.strip() in ("", "'s", "’s"):
            return m.entity.country
        if 0 <= start - m.end <= 30 and _OWNER_MODIFIERS.fullmatch(before):
            return m.entity.country  # "China's commerce ministry", "Russia's foreign intelligence service"
        if (
            0 <= start - m.end <= 20
            and _MODIFIER.fullmatch(before)
            and _demonym(text[m.start : m.end], m.entity)
        ):
            return m.entity.country  # "the Syrian defense ministries", "Iraqi security forces"
        if 0 <= m.start - end <= 1 and not after.strip():
            return m.entity.country
    return None


def extract_events(doc: Doc) -> list[Event]:
    events: list[Event] = []
    last_actor: Mention | None = (
        None  # the previous sentence's actor, for a pronoun subject ("Mereka mengecam")
    )
    for s_start, s_end in sentence_spans(doc.text):
        if doc.text[s_start:s_end].rstrip("\"'”’») ").endswith("?"):
            continue  # a question asserts no event ("Why have the fans boycotted ...?")
        previous_actor: Mention | None = None
        doc.prior_actor = last_actor
        for c_start, c_end in clause_spans(doc.text, s_start, s_end, doc.lang):
            tokens = doc.clause_tokens(c_start, c_end)
            embedding_end = -1
            protest = (
                False  # a protest coded in this clause: a rejection or demand after it is what it is against
            )
            content_start = _demand_content_start(tokens, doc.lex)
            for match_start, match_end, pattern in _matches(
                tokens, doc.lex, doc.text if doc.lang == "en" else None, _after_demonym(doc, tokens)
            ):
                if (
                    match_start <= embedding_end
                    and not _after_coordinator(tokens, match_start, doc.lex)
                    and not _relative_clause_verb(doc, tokens, match_start)
                ):
                    continue  # "urged Vietnam to push back", "meminta ... mengembalikan": the content of a demand
                if content_start is not None and match_start >= content_start:
                    continue  # "Tuntutan mereka adalah pemerintah daerah mencabut ...": what is demanded, not done
                if (
                    _pronoun_subject(tokens, match_start, doc.lex)
                    and last_actor is not None
                    and not {"owner", "passing"} & pattern.flags  # a noun: the pronoun is no subject of it
                ):
                    previous_actor = previous_actor or last_actor
                pair = _pair_events(
                    doc, tokens, match_start, pattern, (c_start, c_end), (s_start, s_end), events, match_end
                )
                if pair:
                    events.extend(pair)  # "Kedua pemimpin sepakat ...": both parties of the event just told
                    if pair[0].type in _EMBEDDING:
                        embedding_end = match_end + _EMBED_REACH  # what they agreed on is no event of its own
                    continue
                event, actor = _event(
                    doc,
                    tokens,
                    match_start,
                    match_end,
                    pattern,
                    (c_start, c_end),
                    (s_start, s_end),
                    previous_actor,
                )
                if actor is not None and not (doc.lang == "en" and "judgement" in pattern.flags):
                    # (a speaker whose words judge a party is no subject of the acts told in the reported clause:
                    # "Moscow said the sanctions imposed by the EU were illegal")
                    previous_actor = actor
                if event is not None and event.type == "REJECT" and event.recipient is None:
                    # "The Pentagon rejected these accusations": the one who accused it, earlier in the text
                    event.recipient = _accuser(doc, tokens, match_start, match_end, event, events)
                if (
                    event is not None
                    and protest
                    and doc.lang != "en"
                    and event.type in ("REJECT", "REQUEST")
                    and event.recipient is None
                ):
                    # "Ratusan mahasiswa berunjuk rasa di depan Gedung DPR menolak kenaikan harga BBM": one protest
                    event = None
                if event is not None:
                    protest = protest or event.type == "PROTEST"
                    events.append(event)
                    # "menduga PT A , PT B , dan PT C ...": one event per recipient named in a list (labelling guide)
                    listed = [replace(event, recipient=_party(m.entity)) for m in doc.listed]
                    events.extend(listed)
                    # "Egypt and Qatar mediated talks between Israel and Hamas": each of the joint actors acts on
                    # each recipient
                    for each in [event, *listed]:
                        joint = _joint_event(doc, each)
                        if joint is not None:
                            events.append(joint)
                            # "Egypt, Jordan and Qatar have been pressuring Israel": every item of the list acts
                            events.extend(
                                e for m in doc.co_middle if (e := _joint_event(doc, each, m)) is not None
                            )
                if (
                    _plover_type(event.cameo if event else pattern.cameo) in _EMBEDDING
                    and (event is not None or not {"party", "owner"} & pattern.flags)
                ):  # "... mendorong masyarakat sipil sekali lagi meminta ...": no one pushed by a party, no demand
                    # even when the demand itself gives no event (no actor), its content is no event of its own;
                    # "Permintaan itu ditolak DPR": a noun that named no one's act embeds nothing after it
                    embedding_end = match_end + _EMBED_REACH
                elif doc.lang != "en" and event is not None and event.cameo.startswith("112"):
                    # "Ukraina menuduh Rusia menyerang rumah sakit": what is alleged is not told as done
                    embedding_end = match_end + _EMBED_REACH
            first = _clause_subject(doc, doc.mentions_in(c_start, c_end), c_start)  # not "in the Cabinet Room"
            if first and previous_actor is None:
                previous_actor = first
        last_actor = previous_actor or last_actor
    events = _dedupe(events)
    return _drop_restated(events) if doc.lang != "en" else events


_PAIR_REACH = 600  # characters back to the event whose two parties a pair subject names


@cache
def pair_subjects(lang: str) -> tuple[tuple[str, ...], ...]:
    """Subjects naming both parties of the event told just before (``pairs.<lang>.tsv``), longest first."""
    phrases = {tuple(row.lower().split()) for row in read_lines(f"events/pairs.{lang}.tsv")}
    return tuple(sorted(phrases, key=len, reverse=True))


def _pair_events(
    doc: Doc,
    tokens: list[Tok],
    i: int,
    pattern: Pattern,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    events: list[Event],
    j: int | None = None,
) -> list[Event]:
    """ "Prabowo bertemu Macron ... . Kedua pemimpin sepakat memperkuat kerja sama", "The two leaders agreed to
    ...": a pair subject right before the verb (up to three adverbs or auxiliaries between) acts for both parties
    of the last event that had two, told shortly before: one event each way (the labelling guide's joint acts).
    In Indonesian and Malay, a third party the verb names ("Keduanya juga bertemu dengan Presiden Korea Selatan X")
    is acted on by each of the pair instead. Empty when the subject is no pair phrase or no such event precedes it."""
    phrase_end = _pair_subject_end(doc, tokens, i)
    if phrase_end is None or "judgement" in pattern.flags:
        return []  # "Both sides said they were hopeful ...": a judgement needs its content read (_judgement)
    earlier = next(
        (
            e
            for e in reversed(events)
            if e.recipient is not None
            and e.evidence.start >= sentence[0] - _PAIR_REACH
            and (e.actor.entity or e.actor.name) != (e.recipient.entity or e.recipient.name)
        ),
        None,
    )
    if earlier is None:
        return []
    between = " ".join(t.lower for t in tokens[phrase_end:i])
    cameo = pattern.cameo
    if _has_word(between, doc.lex.words.get("negation", ())):
        cameo = _negated_code(cameo)  # "kedua negara tidak sepakat": a rejection; "did not meet": nothing
        if cameo is None:
            return []
    elif "intent" not in pattern.flags and _has_word(between, doc.lex.words.get("intent", ())):
        cameo = _intent_code(cameo)  # "the two sides will cooperate": a promise
    if any(t.lower in doc.lex.words.get("modal", frozenset()) for t in tokens[phrase_end:i]):
        return []  # "both sides could meet": no act
    cameo, context = _refine(doc, cameo, sentence)
    plover = plover_of(cameo)
    if plover is None:
        return []
    in_quote = _inside_quote(doc, tokens[i].start)
    first = Event(
        type=plover[0],
        actor=earlier.actor,
        recipient=earlier.recipient,
        evidence=Span(clause[0], clause[1], doc.text[clause[0] : clause[1]]),
        mode=context or None,
        cameo=cameo,
        date=_date(doc, clause, sentence, tokens[i].start) or earlier.date,  # the same occasion, unless told
        location=_location(doc, clause, tokens[i].end) or earlier.location,
        confidence=_confidence(pattern, True, in_quote),
    )
    if doc.lang != "en" and j is not None:
        pair = {earlier.actor.entity or earlier.actor.name, earlier.recipient.entity or earlier.recipient.name}
        right = _reachable(doc, doc.mentions_in(tokens[j - 1].end, clause[1]), tokens[j - 1].end, plover[0], cameo)
        others = [m for m in right if m.entity.id not in pair and m.entity.name not in pair]
        third = _first_other(others, None, doc.text, _locative(doc), _function_words(doc))
        if third is not None and not (third.entity.kind or "").startswith("agent"):
            third_party = _party(third.entity)
            return [replace(first, recipient=third_party), replace(first, actor=earlier.recipient, recipient=third_party)]
    return [first, replace(first, actor=earlier.recipient, recipient=earlier.actor)]


def _pair_subject_end(doc: Doc, tokens: list[Tok], i: int) -> int | None:
    """The token after a pair phrase that ends at most three tokens before token ``i`` (the verb), with only
    lower-case words between and no name; None when there is none."""
    phrases = pair_subjects(doc.lang)
    if not phrases:
        return None
    for gap in range(0, 4):
        end = i - gap
        if any(not t.lower.isalpha() for t in tokens[end:i]):
            return None  # punctuation between: another clause's words
        for phrase in phrases:
            first = end - len(phrase)
            if first >= 0 and tuple(t.lower for t in tokens[first:end]) == phrase:
                inside = doc.mentions_in(tokens[first].start, tokens[i].start)
                if any(not (m.entity.kind or "").startswith("agent") for m in inside):
                    return None  # "kedua negara ASEAN": named parties of their own
                return end
    return None


def _demonym_partner(doc: Doc, actor: Mention) -> Mention | None:
    """English: "the Russian and Syrian defense ministries": the agent of the second demonym's country also acts,
    with the first one's country (a copy of the agent)."""
    entity = actor.entity
    if doc.lang != "en" or not (entity.kind or "").startswith("agent") or not entity.country:
        return None
    places = [m for m in doc.mentions_in(max(0, actor.start - 60), actor.start) if m.entity.type == "LOC"]
    if len(places) < 2:
        return None
    first, second = places[-2], places[-1]
    if second.entity.country != entity.country or doc.text[first.end : second.start] != " and ":
        return None
    if not _demonym(doc.text[first.start : first.end], first.entity) or not first.entity.country:
        return None
    if first.entity.country == entity.country:
        return None
    other = replace(entity, id=f"agent:{entity.name}:{first.entity.country}", country=first.entity.country)
    return Mention(actor.start, actor.end, other)


def _accuser(doc: Doc, tokens: list[Tok], i: int, j: int, event: Event, events: list[Event]) -> Party | None:
    """A rejection of an ``accusation`` ("rejected these accusations", "denied the allegations") with no named
    recipient is aimed at the accuser: the first actor of the last accusation coded before it, of another country
    than the one rejecting, against it or no one named."""
    nouns = doc.lex.words.get("accusation")
    if not nouns or not any(t.lower in nouns for t in tokens[i : j + 2]):
        return None
    country = event.actor.country
    accusations = [
        e
        for e in events
        if e.type == "ACCUSE"
        and e.actor.country != country
        and (e.recipient is None or e.recipient.country == country)
    ]
    if not accusations:
        return None
    last = accusations[-1].evidence.start
    return next(e.actor for e in accusations if e.evidence.start == last)


_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:dan|serta|,)\s*", re.IGNORECASE)
_LIST_GAP_PAIR = re.compile(r"\s*(?:,\s*)?(?:dan|serta|,|-)\s*", re.IGNORECASE)


def _listed_after(doc: Doc, first: Mention, end: int) -> list[Mention]:
    """Indonesian and Malay: the names listed right after an event's recipient, in the same clause and of the same
    kind ("menduga PT Maju , PT Sinar , dan PT Karya", "menangkap Andi dan Budi"): each is a recipient too. A list
    stops at anything but a comma, "dan" or "serta" between two names, at a place, a generic group or a name of
    another type."""
    out: list[Mention] = []
    # a running mate joined by a dash ("mengusung Prabowo Subianto - Hatta Rajasa"): people only, never places
    # ("Jakarta - Bandung") or bodies
    gap = _LIST_GAP_PAIR if first.entity.type == "PER" else _LIST_GAP
    for mention in _list_items(doc, first, end, gap):
        entity = mention.entity
        if (
            len(out) == 5
            or entity.type != first.entity.type
            or entity.type == "LOC"
            or (entity.kind or "").startswith("agent")
            or entity.id in (first.entity.id, *(m.entity.id for m in out))
        ):
            break
        out.append(mention)
    return out


def _list_items(doc: Doc, first: Mention, end: int, gap: re.Pattern) -> Iterator[Mention]:
    """The mentions after ``first`` before ``end`` that each follow the previous one across ``gap`` only (a comma, a
    conjunction); the caller stops taking them at the first that is no list item."""
    last = first
    n = bisect_left(doc.starts, first.end)
    while n < len(doc.mentions):
        mention = doc.mentions[n]
        n += 1
        if mention.start < last.end:
            continue  # inside the name just taken
        if mention.end > end or not gap.fullmatch(doc.text[last.end : mention.start]):
            return
        yield mention
        last = mention


_LIST_GAP_EN = re.compile(r"\s*(?:,\s*)?(?:and|,)\s*(?:the\s+)?", re.IGNORECASE)


def _listed_after_en(doc: Doc, first: Mention, end: int) -> list[Mention]:
    """English: the names listed right after an event's recipient ("condemned Britain and Spain", "accused the United
    States and Israel", "aid to Ukraine, Israel and Taiwan"), in the same clause: countries after a country, people
    after a person, bodies after a body; each is a recipient too. Not a name that starts the next clause ("attacked
    Ukraine and Poland condemned ...": a verb, an auxiliary or a reporting word right after it), nor a place that is
    no country, nor a generic group."""
    out: list[Mention] = []
    stops = (
        doc.lex.words.get("auxiliary", frozenset())
        | doc.lex.words.get("passive_aux", frozenset())
        | doc.lex.words.get("reporting", frozenset())
        | doc.lex.words.get("intent", frozenset())
        | doc.lex.words.get("modal", frozenset())
    )
    for mention in _list_items(doc, first, end, _LIST_GAP_EN):
        entity, kind = mention.entity, first.entity
        same_kind = (
            entity.kind == "country" and kind.kind == "country"
            if "country" in (entity.kind, kind.kind) or "LOC" in (entity.type, kind.type)
            else entity.type == kind.type
        )
        if (
            len(out) == 5
            or not same_kind
            or (entity.kind or "").startswith("agent")
            or entity.id in (first.entity.id, *(m.entity.id for m in out))
        ):
            break
        following = _WORD.findall(doc.text[mention.end : mention.end + 30].lower())[:1]
        if following and (following[0] in stops or (following[0].endswith("ed") and len(following[0]) > 4)):
            break  # "attacked Ukraine and Poland condemned the strike": the next clause's subject
        person = next((m for m in doc.mentions_in(mention.end, end) if m.start > mention.end), None)
        if person is not None and _country_title(doc, mention, person):
            break  # "attacked Ukraine and Polish President Andrzej Duda condemned ...": a title, no item of the list
        out.append(mention)
    return out


def _casualty(doc: Doc, start: int, end: int, actor: Mention) -> Mention | None:
    """A person named in ``[start, end)`` right before a ``casualty`` word ("Andi tewas", "Budi terluka")."""
    casualty = doc.lex.words.get("casualty", frozenset())
    if not casualty:
        return None
    for mention in doc.mentions_in(start, end):
        if mention.entity.type != "PER" or mention.entity.id == actor.entity.id:
            continue
        following = doc.text[mention.end : mention.end + 30].split()
        if following and following[0].lower().strip(",.") in casualty:
            return mention
    return None


def _joint_event(doc: Doc, event: Event, joint: Mention | None = None) -> Event | None:
    """"France and Germany condemned the attack", "Indonesia dan Malaysia mengecam ...": two names acting jointly in a conflictual or verbal act
    give one event per actor (a cooperative act between them is coded with the other as its recipient; a mutual
    one, consulting or cooperating, also the other way round; a cooperative act on a third party, by each of them).
    Not AGREE: "X and Y agreed to ..." reversed gave 5 more GSR events, none in its one-direction gold (triple P
    0.44 -> 0.43)."""
    joint = joint or doc.co_actor
    if joint is None or (doc.lang != "en" and (joint.entity.kind or "").startswith("agent")):
        return None  # "Parly beserta rombongan bertemu ...": an unnamed group beside a name is its entourage
    if not (joint.entity.kind == "country" or joint.entity.role is not None or joint.entity.type == "PER"):
        return None  # "near Seventh Street and Central Avenue arrested": a place or name of no party
    party = _party(joint.entity)
    same = (party.name, party.country)
    if event.type in COOPERATIVE:
        # "Indonesia and China signed a trade agreement", "X and Y held talks": a mutual act coded with the other as
        # its recipient is done by each to the other
        mutual = (
            event.type in _MUTUAL
            and event.recipient is not None
            and same == (event.recipient.name, event.recipient.country)
            and same != (event.actor.name, event.actor.country)
        )
        if mutual:
            return replace(event, actor=event.recipient, recipient=event.actor)
        if event.recipient is None or same == (event.recipient.name, event.recipient.country):
            return None
        # "France and Germany sent aid to Ukraine": each of them acts on the third party
    if (
        doc.mutual
        and event.recipient is not None
        and same == (event.recipient.name, event.recipient.country)
        and same != (event.actor.name, event.actor.country)
    ):
        return replace(event, actor=event.recipient, recipient=event.actor)  # "X and Y traded fire": each way
    if same == (event.actor.name, event.actor.country) or (
        event.recipient is not None and same == (event.recipient.name, event.recipient.country)
    ):
        return None
    return replace(event, actor=party)


def _finite_after_pronoun_or_and(doc: Doc, tokens: list[Tok], i: int, actor: Mention) -> bool:
    """``Mereka mengecam ...``, ``He urged ...``, ``menangkap A dan mengecam B``: the verb is finite and its subject
    was named before: a group for "they"/"mereka" (a generic group or an organisation), a person or group after
    "and" (not "and branding", a noun). "He"/"she" stay with the named-subject rule: the last actor is too often
    another person."""
    if tokens[i].lower.endswith("ing"):
        return False
    group = actor.entity.type == "ORG" or (actor.entity.kind or "").startswith("agent")
    if _after_coordinator(tokens, i, doc.lex):
        return actor.entity.type == "PER" or group
    pronouns = doc.lex.words.get("pronoun", frozenset())
    plural = doc.lex.words.get("plural_pronoun", frozenset())
    said = [t.lower for t in tokens[max(0, i - 2) : i] if t.lower in pronouns]
    if not said:
        return False
    return group and said[-1] in plural


def _demand_content_start(tokens: list[Tok], lex: Lexicon) -> int | None:
    """``Tuntutan kami adalah ...``, ``Their demand is that ...``: a demand noun, then a copula within three words;
    the index after the copula, where the content of the demand starts."""
    nouns = lex.words.get("demand_noun")
    if not nouns:
        return None
    copula = lex.words.get("copula", frozenset())
    for k, tok in enumerate(tokens):
        if tok.lower in nouns:
            for m in range(k + 1, min(k + 4, len(tokens))):
                if tokens[m].lower in copula:
                    return m + 1
    return None


def _pronoun_subject(tokens: list[Tok], i: int, lex: Lexicon) -> bool:
    """``Mereka mengecam ...``, ``He urged ...``: a pronoun right before the verb (or one word before it, or
    ``pronoun_gap`` words before it: "He has also repeatedly denied ...")."""
    pronouns = lex.words.get("pronoun", frozenset())
    reach = _pronoun_reach(tokens, i, lex)
    return any(tokens[k].lower in pronouns and not _speaker_pronoun(tokens, k, lex) for k in range(reach, i))


def _speaker_pronoun(tokens: list[Tok], k: int, lex: Lexicon) -> bool:
    """``Kader-kader Partai Demokrat , kata dia , mendukung ...``: a pronoun between a reporting verb (or an
    ``attribution`` word: "menurut dia") and a comma, between the subject and its verb, names the speaker, not the
    subject ("he said he pressed ..." is the subject of what was said)."""
    words = lex.words
    return (
        0 < k < len(tokens) - 1
        and tokens[k + 1].lower == ","  # not "he said he pressed": the subject of what was said
        and (tokens[k - 1].lower in words.get("reporting", ()) or tokens[k - 1].lower in words.get("attribution", ()))
    )


def _pronoun_reach(tokens: list[Tok], i: int, lex: Lexicon) -> int:
    """Where to look back for a subject pronoun of the verb at ``i``: two words, or over ``pronoun_gap`` words
    (English auxiliaries and "-ly" adverbs: "He has consistently denied") up to five words back."""
    gap = lex.words.get("pronoun_gap")
    k = i
    if gap:
        while k > max(0, i - 5) and (
            tokens[k - 1].lower in gap
            or ("-ly" in gap and len(tokens[k - 1].lower) > 4 and tokens[k - 1].lower.endswith("ly"))
        ):
            k -= 1
    return max(0, min(i - 2, k - 1))


_CLITIC_TAILS = frozenset({"s", "m", "re", "ve", "ll", "d"})


def _clitic_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token spans with a clitic written apart from its word, as in tokenised corpora ("Belgrano 's army", "we 're"),
    joined into one token ("'s"), as the tokenizer gives for "Belgrano's army"; a lone quote mark stays apart."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(spans):
        s, e = spans[k]
        if (
            k + 1 < len(spans)
            and e - s == 1
            and text[s] in "'’"
            and (s == 0 or text[s - 1].isspace())
            and spans[k + 1][0] == e
            and text[e : spans[k + 1][1]].lower() in _CLITIC_TAILS
            and (spans[k + 1][1] == len(text) or not text[spans[k + 1][1]].isalnum())
        ):
            out.append((s, spans[k + 1][1]))
            k += 2
            continue
        out.append((s, e))
        k += 1
    return out


def _tokens(text: str, start: int, end: int) -> list[Tok]:
    out = []
    piece = text[start:end]
    for s, e in _clitic_spans(piece, list(tokenize(piece))):
        word = text[start + s : start + e]
        if word and all(ch in _QUOTE_CHARS for ch in word):
            continue  # quote marks never break a pattern: menuntut agar Rusia “keluar”
        out.append(Tok(start + s, start + e, word.lower()))
    return out


def _doc_tokens(text: str) -> list[Tok]:
    """``_tokens`` of the whole text, faster: lower-cased once (when that keeps the offsets)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return _tokens(text, 0, len(text))
    quote_chars = _QUOTE_CHARS
    return [
        Tok(s, e, lowered[s:e])
        for s, e in _clitic_spans(text, list(tokenize(text)))
        if not (text[s] in quote_chars and all(ch in quote_chars for ch in text[s:e]))
    ]


def _matches(
    tokens: list[Tok], lex: Lexicon, text: str | None = None, nouns: frozenset[int] = frozenset()
) -> list[tuple[int, int, Pattern]]:
    """Longest pattern at each position; matches do not overlap. With ``text`` (English), no pattern starts on a
    capitalised word inside a sentence: "the United States held talks" is no "united ... talks" (a verb of
    PETRARCH's), and the pattern must not swallow the real verb after the name."""
    by_first_word = lex.by_first_word
    # only the positions where some pattern starts are tried (the rest would be stepped over one by one)
    starts = [k for k, tok in enumerate(tokens) if tok.lower in by_first_word]
    if not starts:
        return []
    found: list[tuple[int, int, Pattern]] = []
    present = {t.lower for t in tokens}
    clitics = lex.words.get("clitic", frozenset())  # Indonesian and Malay "-nya": "menarik pasukannya"
    if clitics:
        present |= {w[: -len(c)] for w in present for c in clitics if w.endswith(c) and len(w) > len(c) + 2}
    possessive = lex.words.get("possessive", frozenset())
    breaks = _clause_breaks(tokens, lex) if text is not None else frozenset()
    for i in starts:
        if found and i < found[-1][1]:
            continue  # inside the last match
        nominal: bool | None = (
            None  # a noun marker before this position (no light verb): computed on first use
        )
        if (
            text is not None
            and text[tokens[i].start].isupper()
            and not _sentence_initial(text, tokens[i].start)
        ):
            continue
        best: tuple[int, Pattern] | None = None
        for pattern in _candidates(lex, tokens[i].lower, present):
            rest = pattern.rest
            if rest and (rest[0].isdisjoint(present) or any(slot.isdisjoint(present) for slot in rest[1:])):
                continue  # a word the pattern needs is nowhere in the clause
            if "possessive" in pattern.flags and (i == 0 or tokens[i - 1].lower not in possessive):
                continue  # "made an appeal to": an owner's noun pattern must not shadow the light-verb reading
            if pattern.origin == "petrarch" and "finite" in pattern.flags:
                if i in nouns:
                    continue  # "Russian forces launched missiles": "forces" heads a noun phrase, is no verb
                if nominal is None:
                    nominal = _after_noun_marker(tokens, i, lex) and not _after_light_verb(tokens, i, lex)
                if nominal:
                    continue  # "the protests began peacefully": a verb pattern after "the" would only be dropped,
                    # and must not shadow a noun pattern at the same place
            end = _match_at(tokens, i, pattern.slots, breaks, clitics)
            if end is not None and text is not None and _ends_on_time_preposition(tokens, end, lex):
                continue  # "launched the campaign on Monday": "on" says when, not at whom
            if end is not None and (
                best is None or end > best[0] or (end == best[0] and pattern.size > best[1].size)
            ):
                best = (end, pattern)
        if best:
            found.append((i, best[0], best[1]))
    return found


def _candidates(lex: Lexicon, word: str, present: set[str]) -> list[Pattern]:
    """The patterns starting with ``word`` whose narrowest other slot has a word of the clause (or that have no
    other slot), in the lexicon's order: the others cannot match (English verbs start up to ~340 patterns; one
    set test each here, the full tests only for these). An index of the patterns by the words of that slot was
    ~0.4 ms/article faster but held ~26 MB after the 181 ScrapingHub pages, growing with the verbs seen."""
    return [p for p in lex.by_first_word[word] if not p.rest or not p.rest[0].isdisjoint(present)]


def _match_at(
    tokens: list[Tok],
    i: int,
    slots: tuple,
    breaks: frozenset[int] = frozenset(),
    clitics: frozenset[str] = frozenset(),
    first: bool = True,
) -> int | None:
    """Index after the match of ``slots`` starting at token ``i``, or None. A gap (``*``) does not skip a
    punctuation mark or a token in ``breaks``. A word after the first may carry a ``clitic`` ("menarik pasukannya"
    matches "menarik pasukan"); the pattern's own first word, the verb, may not."""
    if not slots:
        return i
    slot = slots[0]
    if slot is None:
        for skip in range(0, _GAP + 1):
            j = i + skip
            if j > len(tokens) or any(
                t.lower in (",", ".", ";", ":") or i + n in breaks for n, t in enumerate(tokens[i:j])
            ):
                break
            end = _match_at(tokens, j, slots[1:], breaks, clitics, first)
            if end is not None:
                return end
        return None
    if i < len(tokens) and (
        tokens[i].lower in slot
        or (
            not first
            and any(tokens[i].lower.endswith(c) and tokens[i].lower[: -len(c)] in slot for c in clitics)
        )
    ):
        return _match_at(tokens, i + 1, slots[1:], breaks, clitics, False)
    return None


def _water(doc: Doc, mention: Mention) -> bool:
    """A place named as a sea, strait or other body of water (``water`` words: "Baltic Sea", "Strait of Hormuz")."""
    water = doc.lex.words.get("water", frozenset())
    return mention.entity.type == "LOC" and any(w in water for w in _WORD.findall(mention.entity.name.lower()))


def _after_demonym(doc: Doc, tokens: list[Tok]) -> frozenset[int]:
    """English: the token positions right after a country's adjective ("Russian forces", "Israeli strikes"): the word
    there heads a noun phrase and is no verb of PETRARCH's."""
    if doc.lang != "en" or not tokens:
        return frozenset()
    ends = {
        m.end
        for m in doc.mentions_in(tokens[0].start, tokens[-1].end)
        if m.entity.kind == "country" and _demonym(doc.text[m.start : m.end], m.entity)
    }
    return frozenset(k for k in range(1, len(tokens)) if tokens[k - 1].end in ends)


def _ends_on_time_preposition(tokens: list[Tok], end: int, lex: Lexicon) -> bool:
    """A match that ends on a preposition ("fired * at|on") right before a weekday or month."""
    return (
        end < len(tokens)
        and tokens[end - 1].lower in lex.words.get("preposition", frozenset())
        and tokens[end].lower in _WEEKDAYS_MONTHS
    )


def _clause_breaks(tokens: list[Tok], lex: Lexicon) -> frozenset[int]:
    """English: "and" before a past verb opens a new clause ("condemned the attack and called on Russia"): a
    pattern's gap must not join the two verbs' words ("condemned * attack * on")."""
    coordinators = lex.words.get("coordinator", frozenset())
    return frozenset(
        k
        for k in range(len(tokens) - 1)
        if tokens[k].lower in coordinators and tokens[k + 1].lower.endswith("ed") and len(tokens[k + 1].lower) > 4
    )


# --- one event --------------------------------------------------------------------------------------------


def _event(
    doc: Doc,
    tokens: list[Tok],
    i: int,
    j: int,
    pattern: Pattern,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    previous_actor: Mention | None,
) -> tuple[Event | None, Mention | None]:
    verb_start, verb_end = tokens[i].start, tokens[j - 1].end
    doc.co_actor = None
    doc.co_middle = []
    doc.listed = []
    doc.mutual = "mutual" in pattern.flags
    before = " ".join(t.lower for t in tokens[max(0, i - 4) : i])
    cameo = pattern.cameo
    # a negation inside an aside closed by a comma does not negate the verb after it ("X, seeing no other
    # choice, surrendered the town"); one right before the comma does ("never, however, surrendered")
    window = tokens[max(0, i - 4) : i]
    cut = max((k + 1 for k, t in enumerate(window) if t.lower in (",", ";", ":")), default=0)
    near = " ".join(
        t.lower for k, t in enumerate(window) if k >= cut or tokens[i - len(window) + k + 1].lower == ","
    )
    if (
        i >= 3
        and tokens[i - 1].lower == "to"
        and tokens[i - 2].lower in doc.lex.words.get("effort_noun", ())
        and tokens[i - 3].lower in doc.lex.words.get("any_determiner", ())
    ):
        return None, None  # "no knowledge of any efforts to urge Ukraine": an act nobody is said to have done
    if _instructed_act(tokens, i, doc.lex):
        return None, None  # "tells Stan to kill Jeff", "ordered his men to attack": what was told, not done
    if _has_word(near, doc.lex.words.get("negation", ())) and not _negated_modifier(tokens, i, doc.lex):
        cameo = _negated_code(cameo)  # "did not accept the offer": a rejection; "did not attack": nothing
        if cameo is None:
            return None, None
    inside = " ".join(t.lower for t in tokens[i + 1 : j - 1])  # the words a gap (*) of the pattern skipped
    modal = doc.lex.words.get("modal", frozenset())
    if (
        tokens[i].lower in doc.lex.words.get("urgent", ())
        and j - i == 1
        and (
            (i > 0 and tokens[i - 1].lower in doc.lex.words.get("degree", ()))
            or (j < len(tokens) and tokens[j].lower in doc.lex.words.get("urgent_next", ()))
        )
    ):
        return (
            None,
            None,
        )  # "semakin mendesak dibenahi", "sangat mendesak": urgent, an adjective, no one urged
    if _has_word(before, modal) or _has_word(inside, modal) or tokens[i].lower in modal:
        # "could attack", "is unlikely to agree", "wants to buy", "China wants a deal": possible or wished, not done
        return None, None  # "could attack", "harus menindak", "said Russia could attack": possible, not done
    if "initial" in pattern.flags and not _sentence_initial(doc.text, tokens[i].start):
        return (
            None,
            None,
        )  # "Unjuk rasa ... berlangsung": a protest noun opens the sentence (it is the news itself)
    if "possessive" in pattern.flags and not (
        i > 0 and tokens[i - 1].lower in doc.lex.words.get("possessive", ())
    ):
        return None, None  # "Russia's invasion of": only the owner's noun says who acted
    noun = (
        "noun" in pattern.flags
        or "owner" in pattern.flags
        or "between" in pattern.flags
        or "possessive" in pattern.flags
        or _after_light_verb(tokens, i, doc.lex)
    )
    if (
        "event_noun" in pattern.flags
        and i > 0
        and (
            tokens[i - 1].lower in doc.lex.words.get("preposition", ())
            or tokens[i - 1].lower in doc.lex.words.get("owner_context", ())  # "ditangkap dalam penggerebekan X"
        )
    ):
        return (
            None,
            None,
        )  # "terkait dengan penangkapan X", "dalam penyerangan itu": a reference to an event told before
    passing = "owner" in pattern.flags or "passing" in pattern.flags
    if passing and i > 0 and _owner_noun_in_passing(doc, tokens, i):
        return None, None  # "menolak desakan DPR", "dalam kunjungan X": the act is told elsewhere, or is the setting
    if passing and _has_word(before, doc.lex.words.get("intent", ())):
        return None, None  # "rencana kunjungan X ke Y", "akan ada kunjungan X": a plan named by its noun, no act
    if not noun and _after_noun_marker(tokens, i, doc.lex):
        return None, None  # "the attack", "their support", "amid worsening protests": a noun, not the verb
    if (
        "base" in pattern.flags
        and not noun
        and not (i > 0 and tokens[i - 1].lower in doc.lex.words.get("verb_marker", ()))
    ):
        return None, None  # "the Supreme Court ban": a base form is a verb after "to", a modal or "do" only
    plover_type = _plover_type(cameo)
    if plover_type in ("REJECT", "REQUEST") and any(
        t.lower in doc.lex.words.get("no_comment", ()) for t in tokens[j : j + 3]
    ):
        return None, None  # "declined to comment", "a request for comment": no stance taken
    if plover_type == "REQUEST" and j < len(tokens) and tokens[j].lower in doc.lex.words.get("plea", ()):
        return None, None  # "pleaded guilty to threatening X": a plea in court, no appeal to anyone
    if plover_type == "REQUEST" and j < len(tokens) and tokens[j].lower in doc.lex.words.get("reader", ()):
        return None, None  # "Bernard urges you to consult someone": advice to the reader, no party asked
    if plover_type == "REQUEST" and _question(tokens, i + 1, j, doc.lex):
        return None, None  # "asked about the decision", "asked Turkey whether": a question, not a request
    witnesses = doc.lex.words.get("witness", frozenset())
    if cameo.startswith("09") and any(t.lower in witnesses for t in tokens[i + 1 : j + 3]):
        return (
            None,
            None,
        )  # "memeriksa sejumlah saksi": questioning witnesses is no accusation (labelling guide)
    if (
        doc.lang != "en"
        and i > 1
        and _after_infinitive(tokens, i, doc.lex)
        and _passive_verb(tokens[i - 2].lower, doc.lex.words)
    ):
        return (
            None,
            None,
        )  # "peralatan yang digunakan untuk memeriksa ...": what a thing is for, not an act done
    if cameo.startswith("09") and j < len(tokens) and tokens[j].lower in doc.lex.words.get("document", ()):
        return (
            None,
            None,
        )  # "memeriksa berkas permohonan X", "meneliti dokumen": papers examined, no one accused
    if j - i == 1 and _attributive(doc, tokens, i):
        return None, None  # "alleged sex trafficker Jeffrey Epstein", "convicted killer X": an adjective, no act
    if _conditional(doc, clause, verb_start):
        return None, None  # "if they attack ...", "kalau kita membiarkan ...": not something that happened
    if cameo == "130" and (
        tokens[i].lower in doc.lex.words.get("warn_verb", ())
        or (
            tokens[j - 1].lower in doc.lex.words.get("warn_noun", ())
            and j < len(tokens)
            and tokens[j].lower in doc.lex.words.get("complementizer", ())
        )
    ):
        # a bare "warned"/"memperingatkan", "issued a statement warning that ...": a threat only when it warns of
        # what the actor will do
        cameo = _warning_code(doc, tokens, j)
        if cameo is None:
            return None, None
    if pattern.cameo[:2] == "14" and (
        _content_follows(doc, tokens, j, 3)
        or (tokens[i].lower in doc.lex.words.get("show_verb", ()) and _shows(doc, tokens, i, j))
    ):
        return None, None  # "demonstrated that it ...", "demonstrated accuracy gains": showed, not protested
    if (
        pattern.cameo[:2] == "10"
        and tokens[i].lower in doc.lex.words.get("press_verb", ())
        and any(t.lower in doc.lex.words.get("operation", ()) for t in tokens[j : j + 3])
    ):
        return None, None  # "Russian forces pressed an offensive": pushed an operation on, asked no one
    if cameo == "173" and any(
        t.lower in doc.lex.words.get("fee", ()) or t.lower[:1] in "$€£" for t in tokens[j : j + 6]
    ):
        # "will be charged an additional 4% fee", "charges $5 a month": a price, not a charge
        return None, None
    if pattern.cameo[:2] == "19" and any(
        t.lower in doc.lex.words.get("verbal_object", ()) for t in tokens[j : j + 4]
    ):
        cameo = "111"  # "attacked each other's policies", "menyerang kebijakan": criticism, not violence
    if "intent" not in pattern.flags and _has_word(before, doc.lex.words.get("intent", ())):
        cameo = _intent_code(cameo)
    actor, recipient = _parties(doc, tokens, i, j, pattern, clause, previous_actor)
    if actor is not None:
        actor = _spoken_for(doc, actor)
    if "owner" in pattern.flags and actor is None:
        return None, None  # "kecaman itu", "desakan agar ...": a noun with no one named after it says no one acted
    if "passing" in pattern.flags and (actor is None or recipient is None):
        return None, None  # "pertemuan kemarin ...": a meeting noun with no sides named is no one's act
    other_side = None
    if "mediate" in pattern.flags:
        # "Mesir memediasi perundingan antara Israel dan Hamas": the mediator acts on each side named after "antara"
        recipient, other_side = _between(doc, doc.mentions_in(verb_end, clause[1]), verb_end)
        if recipient is None or other_side is None:
            return None, None
    if (
        doc.lang == "en"
        and recipient is not None
        and _plover_type(cameo) in ("RETREAT", "CONCEDE")
        and recipient.entity.type == "LOC"
        and recipient.entity.kind != "country"
        and recipient.start >= verb_end
        and all(
            w in doc.lex.words.get("determiner", frozenset())
            for w in _WORD.findall(doc.text[verb_end : recipient.start].lower())
        )
    ):
        recipient = None  # "surrendered Luoyang", "gave up the town": the place given up, no party yielded to
    if recipient is not None and _water(doc, recipient):
        recipient = None  # "sent three frigates to the Baltic Sea": a sea is where, never the one acted on
    public_at_large = recipient is not None and _public_at_large(doc, actor, recipient)
    if public_at_large:
        recipient = None  # "urged the American public", "told Americans to stay home": the public, no party
    if doc.lang == "en" and (
        tokens[j - 1].lower == "from"
        or (recipient is None and tokens[j - 1].lower in _locative(doc))
        or (
            # "announced $2 billion in new military aid for Kyiv": a name inside the pattern's gap is no party
            j - i > 1
            and tokens[j - 1].lower in doc.lex.words.get("preposition", ())
            and (recipient is None or recipient.start < verb_end)
        )
    ):
        # the pattern ends on its own preposition: the name right after it ("hit out at Washington"; "seeking
        # Assange's extradition from the UK": before a name inside the pattern's gap)
        recipient = _pattern_object(doc, tokens, j, actor) or recipient
    if actor is None:
        actor = _speaker_side(doc, tokens, i, sentence)
    if actor is not None and _plover_type(cameo) in ("REJECT", "REQUEST") and _protest_frame(doc, actor):
        cameo = "141"  # "Aksi mahasiswa menolak UU ...", "Unjuk rasa buruh menuntut ...": a protest that rejects or demands
    if actor is not None and not _pronoun_agrees(doc, tokens, i, actor):
        # "Wali Kota Bekasi X mengatakan ... ia meminta": "ia" is the last person named, not the city; "Mereka
        # menangkap" after a victim's name: the last group named, or no one
        actor = _title_antecedent(doc, tokens, i) or _pronoun_antecedent(doc, tokens, i)
        if actor is None:
            return None, None
    if "judgement" in pattern.flags:
        judged = _judgement(doc, tokens, j, actor, recipient, "passive" in pattern.flags)
        if judged is None:
            return None, None  # "menilai kebijakan itu tepat": an assessment, not a criticism
        recipient = judged[0]
    if "crowd" in pattern.flags and (actor is None or not _after_light_verb(tokens, i, doc.lex)):
        # "protests in Bolivia against the government", "the protests began": the noun names the act, the crowd
        # acts ("the party led a protest march": who leads or stages it acts)
        actor = _crowd(doc, tokens, i, j, clause)
        if recipient is not None and recipient.start < verb_end:
            recipient = None
    if (
        actor is None
        and doc.lex.words.get("auxiliary")
        and "passive" not in pattern.flags
        and "received" not in pattern.flags  # "X's decision to send arms to Ukraine drew criticism": the subject is
        # the one criticised, the critic is unnamed
        and not _after_passive_auxiliary(tokens, i, doc.lex)
    ):
        actor = _subject_phrase(doc, tokens, i, clause)
        if actor is not None and recipient is not None and actor.start < recipient.end and recipient.start < actor.end:
            actor = None  # "Partai Golkar menuai kritik": the subject is the one acted on, so it is no actor too
    if actor is None and recipient is not None:
        actor = _unnamed_authority(doc, tokens, i, pattern, cameo, recipient)
    if (
        actor is None
        and recipient is not None
        and doc.lang != "en"
        and cameo[:2] in ("18", "19")
        and recipient.entity.type == "PER"
        and (
            (
                "event_noun" in pattern.flags
                and recipient.start > verb_end
                and doc.text[max(0, recipient.start - 20) : recipient.start].lower().split()[-1:]
                in [[w] for w in doc.lex.words.get("noun_target", ())]
            )
            or (
                _passive_at(tokens, i, pattern, doc.lex)
                and recipient.end <= tokens[i].start
                and len(doc.text[recipient.end : tokens[i].start].split()) <= 2
                and not any(ch in doc.text[recipient.end : tokens[i].start] for ch in ',;:()"“”')
            )
        )
    ):
        # "Pembunuhan terhadap Siti ...", "Budi Hartono dianiaya di rumahnya": an attack on a named person with no
        # attacker named is an unnamed attacker's (labelling guide: ordinary crime, "pelaku", of the page's country)
        actor = _unnamed_attacker(doc, tokens[i].start)
    victim = False
    if (
        recipient is not None
        and doc.lang != "en"
        and cameo[:2] == "09"
        and recipient.start > verb_end
        and any(
            t.lower in doc.lex.words.get("victim_noun", ()) for t in tokens[j:] if t.end <= recipient.start
        )
    ):
        # "menyelidiki pembunuhan terhadap Siti", "mendalami hilangnya dana Bank X": the one named is the victim of
        # what is investigated, not the one accused
        recipient, victim = None, True
    counted_subject = False
    if actor is None and recipient is None and _counted_subject(doc, tokens, i):
        # "Three men were arrested in Dallas", "Dua pelaku ditahan": the unnamed ones arrested, by the authorities
        actor = _unnamed_authority(doc, tokens, i, pattern, cameo, None)
        counted_subject = actor is not None
    if (
        actor is None
        and (_plover_type(cameo) == "REQUEST" or "rule" in pattern.flags)
        and _passive_at(tokens, i, pattern, doc.lex)
        and not _after_relative(tokens, i, doc.lex)  # "kuota yang diminta": the thing asked for
        and (doc.lang != "en" or _group_asked(doc, tokens, i))
    ):
        # "Jajaran kepolisian diperintahkan ...", "Warga diminta ...": an instruction with no agent comes from the
        # official or body just named (the previous sentence's actor), when that is a person or a state body; so does
        # a rule imposed in the passive (flag ``rule``: "Warga diwajibkan ...", "PSBB diperpanjang ...")
        prior = previous_actor or doc.prior_actor
        if prior is not None and _patient(doc, prior):
            prior = (
                None  # "Tiga pegawai dan kepala desa itu telah diperiksa": the one examined asks for nothing
            )
        if prior is not None and (prior.entity.type == "PER" or prior.entity.role in _STATE_ROLES):
            actor = prior
        elif (
            doc.lang != "en"
            and _plover_type(cameo) == "REQUEST"
            and recipient
            is not None  # a party asked ("masyarakat diminta ...": public advice, whose is not said)
            and sentence in sentence_spans(doc.text)[:3]  # the lead, before anyone is quoted
        ):
            # "Dinas kesehatan diminta menambah ... . ... , kata Ketua Komisi X": no one named before it, the lead's
            # request to a named party is the next speaker's
            actor = _next_speaker(doc, sentence)
    if (
        actor is None
        and doc.lang != "en"
        and cameo[:2] == "09"
        and _passive_at(tokens, i, pattern, doc.lex)
        and not _after_relative(tokens, i, doc.lex)  # "kasus yang diselidiki": the case, told as background
        and not _after_infinitive(tokens, i, doc.lex)  # "dijadwalkan untuk diperiksa": not done yet
        and not any(t.lower in doc.lex.words.get("witness", ()) for t in tokens[max(0, i - 4) : i])
        and any(t.lower in doc.lex.words.get("case_noun", ()) for t in tokens[max(0, i - 5) : i])
    ):
        # "Kejati X menemukan pelanggaran ... . Pelanggaran itu diselidiki ...": a case (``case_noun``) investigated in
        # the passive with no agent is the work of the police, prosecutor, court or government body just named (not
        # "spesimen mereka diperiksa": a test)
        prior = previous_actor or doc.prior_actor
        if prior is not None and prior.entity.role in _INVESTIGATORS and not _patient(doc, prior):
            actor = prior
    if actor is None:
        return None, None
    if (
        recipient is not None
        and _same_side(actor.entity, recipient.entity)
        and not (
            # "Malang , Batu , dan Pasuruan bersepakat": cities of one country named together as the subject
            # are partners (a recipient before the verb comes from a compound or list subject)
            actor.entity.id != recipient.entity.id
            and actor.entity.type == "LOC"
            and recipient.end <= tokens[i].start
        )
    ):
        recipient = None
    if doc.lang == "en" and cameo[:3] in ("042", "043") and _domestic_visit(actor, recipient):
        return (
            None,
            actor,
        )  # "Rep. McKinley visited the U.S.-Mexico border", "visit Japan in autumn": a trip, no meeting
    found = _unnamed_object(doc, tokens, j, pattern)
    unnamed = (
        counted_subject or (found is not None and found.counted) or public_at_large
    )  # an object was named, not by a name
    if not unnamed and j - i > 2 and None in pattern.slots:
        # "released 12 hostages", "killed three soldiers": the counted object sits inside the pattern's gap
        quantities = doc.lex.words.get("quantity", frozenset())
        unnamed = any(t.lower in quantities or t.lower[:1].isdigit() for t in tokens[i + 1 : j - 1])
    if (
        not unnamed
        and doc.lang != "en"
        and None in pattern.slots
        and any(m.entity.kind == "agent-actor" for m in doc.mentions_in(tokens[i].end, verb_end))
        and actor.entity.role
        in _PUBLIC_ASKERS  # not "para pelaku ... mengajak masyarakat untuk menanam modal"
    ):
        unnamed = (
            True  # "mengajak masyarakat untuk ...": the pattern's gap holds a generic group, the one asked
        )
        if recipient is not None and recipient.start >= verb_end:
            recipient = None  # "mengajak masyarakat untuk bersama pemerintah ...": a name after it is what is asked
    generic = _right_after(doc, doc.mentions_in(verb_end, clause[1]), verb_end)  # "berdialog dengan warga"
    if generic is not None and generic.entity.kind == "agent-actor":
        unnamed = True  # a generic group is the one acted with: no partner is looked for further on
    namely: list[Mention] = []
    if doc.lang != "en" and (recipient is None or (recipient.entity.kind or "").startswith("agent")):
        namely = _namely(doc, tokens, i, j, actor)
        if namely:
            recipient, unnamed = namely[0], False  # "mendesak sekutu-sekutunya , yakni Jepang dan Korea Selatan"
    # "Pemkot Tangerang memastikan akan menggelontorkan bantuan tunai": aid promised or planned by a public body (AGREE
    # by intent.tsv) is an event with no one named to receive it (labelling guide), and no partner is looked for
    planned_aid = (
        doc.lang != "en"
        and _plover_type(pattern.cameo) == "AID"
        and _plover_type(cameo) == "AGREE"
        and _state_party(actor.entity)
    )
    if (
        recipient is None
        and ("recipient" in pattern.flags or "foreign" in pattern.flags)
        and not unnamed
        and not planned_aid
        # "Canada welcomed the prisoner swap": praise of the thing the pattern names, no partner from further on
        and not (doc.lang == "en" and _plover_type(cameo) == "SUPPORT" and None in pattern.slots)
        # "the president has decided that ... requires concessions from Japan": a content clause, no partner
        and not (doc.lang == "en" and found is not None and not found.counted)
    ):
        recipient = (
            _paragraph_recipient(
                doc,
                actor,
                verb_end,
                sentence,
                # a partner inside the country only for acts done to someone, not meetings (a cabinet session is
                # internal) nor troops sent ("membawa regu Komando Pasukan Katak": a name, not a deployment)
                domestic=plover_of(cameo)[0] != "CONSULT" and "owner-object" not in pattern.flags,
            )
            if plover_of(cameo) and plover_of(cameo)[0] in COOPERATIVE
            else None
        )
    if (
        recipient is not None
        and doc.lang != "en"
        and "passive" in pattern.flags
        and actor.start >= verb_end
        and any(m.entity.id == recipient.entity.id for m in _list_items(doc, actor, clause[1], _LIST_GAP))
    ):
        recipient = None  # "Pasangan ini diusung oleh PDI-P , Hanura , dan PBB": agents listed, none acted on
    if (
        "party" in pattern.flags
        and doc.lang != "en"
        and recipient is not None
        and not namely
        and recipient.start > verb_end
        and any(not doc.text[t.start].isupper() for t in tokens[j:] if t.end <= recipient.start)
    ):
        recipient = (
            None  # "menerima gugatan Partai Demokrat": the party owns the thing received, is not received
        )
    if (
        recipient is not None
        and doc.lang != "en"
        and _plover_type(cameo) == "REQUEST"
        and _passive_patient(doc, tokens, j, recipient)
    ):
        recipient = None  # "mendesak agar Budi Gunawan tetap dilantik": the one to be sworn in is not the one asked
    if recipient is None and "recipient" in pattern.flags and not unnamed and doc.lang != "en":
        recipient = _object_phrase(doc, tokens, j, actor)
    # "The suspect was arrested by FBI agents", "the proposal was rejected by the Commission": a passive whose agent is
    # named after "by" and whose subject is no party (unnamed people, a thing) is an event with no recipient
    passive_by = (
        doc.lang == "en"
        and actor.start >= verb_end
        and _after_passive_auxiliary(tokens, i, doc.lex)
        and _plover_type(cameo) in _THING_ACTS
        and _plover_type(cameo) not in COOPERATIVE  # "the currency was supported by strong data"
    )
    if (
        recipient is None
        and "recipient" in pattern.flags
        and not unnamed
        and not passive_by
        and not victim
        and not _generic_object(doc, tokens, j, _plover_type(cameo) == "REQUEST")
        and not _person_object(doc, tokens, j, cameo)
        and not _attacked_place(doc, tokens, j, cameo)
        and not _sanctioned_group(doc, tokens, j, cameo, actor)
        and not planned_aid
        and (
            "party" in pattern.flags  # "mendorong pertumbuhan ekonomi": pushing a thing asks no one
            or (
                not _asked_or_refused_thing(doc, tokens, j, pattern)
                and not _public_act_on_thing(doc, actor, tokens, i, j, pattern)
            )
        )
    ):
        return None, actor
    if "foreign" in pattern.flags and (recipient is None or not _foreign(actor.entity, recipient.entity)):
        return None, actor
    if (
        "finite" in pattern.flags
        and not _reads_as_finite(doc, actor, recipient, verb_start, clause)
        and not _finite_after_pronoun_or_and(doc, tokens, i, actor)
        # "The foreign minister ... . She accused Russia": "she" is the titled person told before
        and not (_titled_person(doc, actor.entity) and _singular_pronoun_subject(doc, tokens, i))
        # "France, Germany and Britain condemned": the list's last item stands right before the verb
        and not (
            doc.co_actor is not None
            # not "two firms and a lab among them - to build": cooperation, unless talks or work between two people or
            # countries ("Prime Minister Narendra Modi and Japanese Prime Minister Fumio Kishida signed a defence pact")
            and (
                _plover_type(cameo) not in COOPERATIVE
                or (
                    _plover_type(cameo) in _MUTUAL
                    and _person_or_country(actor.entity)
                    and _person_or_country(doc.co_actor.entity)
                )
            )
            and _reads_as_finite(doc, doc.co_actor, recipient, verb_start, clause)
        )
    ):
        # the named actor is far from the verb: the noun phrase right before it may be the subject
        # ("Russia said its troops shelled ...": the troops)
        nearer = _subject_phrase(doc, tokens, i, clause) if doc.lex.words.get("auxiliary") else None
        if nearer is None or "passive" in pattern.flags:
            return None, actor
        actor = nearer
    if (
        pattern.origin == "petrarch"
        and pattern.size == 1
        and not actor.entity.country
        and not (recipient and recipient.entity.country)
    ):
        # PETRARCH's bare verbs are broad ("pulled", "released", "respected", "apply"): read only between parties
        # of some country, not between products, firms or athletes of no known country
        return None, actor
    if (
        doc.lang == "en"
        and {"public", "political"} & pattern.flags
        and recipient is not None
        and _private_party(actor.entity)
        and (_country_as_modifier(doc, recipient) or _place_adjunct(doc, recipient))
    ):
        # "Kanfuela Kaffe honors its Congolese roots", "the restaurant honors Mexico's culinary heritage": a firm,
        # thing or private person acting on a thing a country's adjective or possessive describes acts on no country;
        # nor where a country is the place of its act ("Netflix plans to open an office in India")
        return None, actor
    if "public" in pattern.flags and not (
        _state_party(actor.entity) or (recipient is not None and _state_party(recipient.entity))
    ):
        # "Google recommends", "scientists unveiled", "doctors ordered an X-ray": a broad verb is a political event
        # only when a country or a body of state or political role acts or is acted on
        return None, actor
    if (
        "political" in pattern.flags
        and _private_party(actor.entity)
        and not _body_phrase(doc, actor)
        and not (recipient is not None and _state_party(recipient.entity))
    ):
        # "people that need that solution", "Python can handle many different analyses": a cooperative or verbal act
        # of a firm, private people (business, civilian, media, education, health roles) or a name of no known
        # country or role, on no state party
        return None, actor
    if (
        doc.lang != "en"
        and cameo[:2] in ("10", "11")
        and recipient is not None
        and _private_person(actor.entity)
        and _private_person(recipient.entity)
    ):
        # "Pemilik warung mempertanyakan keberadaan Dodi": a demand or reproach between private people of no public
        # role is no political event (the labelling guide's events are those of political or social actors)
        return None, actor
    if doc.lang != "en" and cameo[:2] in ("16", "17"):
        cameo = _domestic_sanction(doc, tokens, i, j, sentence, cameo, actor, recipient)
    if (
        cameo[:2] == "14"
        and "crowd" not in pattern.flags
        and tokens[i].lower in doc.lex.words.get("protest_verb", ())
        and (actor.entity.kind == "country" or actor.entity.role in _OFFICIAL_ROLES)
    ):
        # "The Philippines summoned China's ambassador to protest the incident", "the ministry protested the
        # decision": a government's protest is an official complaint (CAMEO 114), not a demonstration
        cameo = "114"
    cameo, context = _refine(doc, cameo, sentence)
    plover = plover_of(cameo)
    if plover is None:
        return None, actor
    if (
        plover[0] == "REQUEST"
        and j < len(tokens)
        and tokens[j].lower in doc.lex.words.get("favour", ())
        and actor.entity.role not in _PUBLIC_ASKERS
    ):
        return None, actor  # "dua pria meminta tolong diantar ke terminal": a favour asked, no demand
    if doc.lang != "en" and plover[0] == "MOBILIZE" and actor.entity.role not in ("MIL", "COP"):
        forces = doc.lex.words.get("force_noun", frozenset())
        clitics = doc.lex.words.get("clitic", frozenset())
        if not any(
            t.lower in forces or any(t.lower.endswith(c) and t.lower[: -len(c)] in forces for c in clitics)
            for t in tokens[i : j + 6]
        ):
            # "Dinas Kesehatan menyiagakan tim pelacak", "BPBD menerjunkan tim": a civil team sent to work is no show
            # of force (labelling guide: troops or police deployed)
            return None, actor
    if (
        doc.lang != "en"
        and (plover[0] in ("COOPERATE", "CONSULT") or (plover[0] == "SUPPORT" and cameo != "057"))
        and _private_actor(actor.entity)
        and not (recipient is not None and _state_party(recipient.entity))
    ) or (
        doc.lang != "en"
        and plover[0] == "AGREE"
        and cameo != "057"
        and (
            actor.entity.role in _PRIVATE_PARTY_ROLES
            or (actor.entity.type == "ORG" and actor.entity.role is None and not actor.entity.country)
        )
        and not (recipient is not None and _state_party(recipient.entity))
    ):
        # "PT Maju Jaya Tbk menggandeng dua perusahaan rintisan", "Rina menggandeng sebuah kafe": a firm's or a private
        # person's deal or partnership with no state party is business, no event (labelling guide); so is a plan or
        # agreement of a private group or a body of no role and no country ("Beberapa orang sepakat membentuk grup
        # musik", "SMK X ... akan tetapi masih menerima 1 kelas"), a signing aside (a named person of no known role
        # may hold an office: "Beshir menyetujui gencatan senjata")
        return None, actor
    if (
        doc.lang == "en"
        and plover[0] in _VERBAL
        and not _public(actor.entity, doc.lex)
        and not (recipient and _public(recipient.entity, doc.lex))
    ):
        # "Audi will offer the car", "the AirPods offer support for", "Neumann agreed to return the cash": a
        # verbal or cooperative act between firms, products or private people of no known country is no
        # political event (English only: Indonesian names of people often carry no country, and a page's
        # parties are mostly Indonesian)
        return None, actor
    if (
        doc.lang == "en"
        and plover[0] in _SAYING
        and actor.entity.type != "PER"
        and not _public(actor.entity, doc.lex)
        and not (recipient and _public(recipient.entity, doc.lex))
    ):
        # "SGE will refer users", "MASV Portals lets you request files", "San Diego's landscape calls for": a firm,
        # product or thing of no country asking, refusing or judging with no public party is no political event
        return None, actor
    if (
        doc.lang == "en"
        and plover[0] not in _GROUP_ACTS
        and actor.entity.kind == "agent-actor"
        and actor.entity.role in _PRIVATE_ROLES
        and not (recipient and _public(recipient.entity, doc.lex))
    ):
        # "people seek reliable help", "employees will request time off", "customers agree": a generic private group
        # speaking or dealing with no public party is no political actor (its protests and violence still are)
        return None, actor
    if (
        plover[0] == "AID"
        and doc.lang != "en"
        and j < len(tokens)
        and tokens[j].lower.startswith("ke")
        and tokens[j].lower.endswith("an")
        and len(tokens[j].lower) >= 7
        and tokens[j - 1].lower.startswith("me")  # not "bantuan kemanusiaan": the aid's kind
    ):
        # "menyumbang kelangkaan minyak goreng": contributed to a state of things, gave no aid
        return None, actor
    if (
        doc.lang == "en"
        and plover[0] == "AGREE"
        and not _public_role(actor.entity)
        and not (recipient is not None and _state_party(recipient.entity))
    ):
        # "Google has promised a lot", "the dentist is committed to providing care", "Hungary and Georgia offer
        # ancient winemaking traditions": a promise or offer is political when a country, a body of public role or
        # a state party it is made to is named
        return None, actor
    if (
        doc.lang == "en"
        and plover[0] in COOPERATIVE
        and actor.entity.type != "PER"
        and not _public_role(actor.entity)
        and not (recipient is not None and (_state_party(recipient.entity) or recipient.entity.type == "PER"))
    ):
        # "Snowflake supports thousands of customers", "SAS partnered with the Orlando Magic", "a restaurant opened its
        # second Texas location": support, help or work of a firm, product or place of some country, on no state
        # party or person, is business
        return None, actor
    if doc.lang == "en" and _nameless_parties(actor, recipient):
        # "Art Deco furniture captures the spirit of the Jazz Age", "the new Leaf beat the Chevy Bolt", "the Vulture
        # Knight clashed with the Elephant Knight": a product, work or thing of no country and no role acting on
        # another, or on nothing, is no event (a person may still commit a crime)
        return None, actor
    if plover[0] == "ASSAULT" and recipient is None and doc.lang != "en":
        # "petugas melepaskan tembakan dan Andi tewas", "menembak ... hingga Budi terluka": the one named as the
        # casualty later in the sentence was the one attacked
        recipient = _casualty(doc, verb_end, sentence[1], actor)
    if plover[0] in ("AID", "CONSULT") and recipient is None:
        # welfare handed to residents ("Kemensos menanggung setengahnya"): aid goes to someone; a meeting with no party
        # named ("rapat terbatas", "bertemu sejumlah saksi", "mengunjungi museum") is internal or private
        return None, actor
    if plover[0] == "ASSAULT" and _has_word(_sentence_words(doc, sentence), doc.lex.words.get("accident", ())):
        # "a machine accident nearly killed him", "the engine was wrecked, the engineer killed": an accident
        # (labelling guide: accidents are no events), no attack
        return None, actor
    if plover[0] in ("MOBILIZE", "AID", "COOPERATE") and _has_word(
        _sentence_words(doc, sentence), doc.lex.words.get("rescue", ())
    ):
        # "mengerahkan tim SAR", "deployed rescue teams", "mengirim personel untuk pencarian": a rescue (labelling
        # guide: search and rescue is no event), not a show of force or aid to a party
        return None, actor
    if plover[0] == "PROTEST" and _has_word(_sentence_words(doc, sentence), doc.lex.words.get("market", ())):
        return None, actor  # "the Nifty has been rallying", "shares rallied": a market, not a protest
    if (
        plover[0] == "PROTEST"
        and (actor.entity.role in ("MIL", "COP") or actor.entity.type == "LOC")
        and any(t.lower.startswith(("march", "surround", "encircl", "ring")) for t in tokens[i:j])
    ):
        # "the battalion spent the week marching to X", "France marched into Belgium", "troops surrounded the
        # parliament": troops on the move (or a place standing in for them), not a protest
        return None, actor
    if plover[0] in _CONFLICT and _sport(doc, sentence):
        return None, actor  # "Russia beat Croatia 3-1", "Rublev rallied to beat ...": a game, not a conflict
    if doc.lang == "en" and _sport(doc, (0, 0)) and doc.sport:
        # a page about games: a coach's deal, a player's praise or a club's refusal is sport, no event (labelling guide)
        return None, actor
    if doc.lang == "en" and plover[0] not in _GROUP_ACTS and recipient is not None:
        actor = _agent_not_of_target(doc, actor, recipient)
    partner = _demonym_partner(doc, actor) if doc.co_actor is None else None
    if partner is not None:
        actor, doc.co_actor = partner, actor  # the first named acts first, as in "X and Y condemned"
    in_quote = _inside_quote(doc, verb_start)
    event = Event(
        type=plover[0],
        actor=_party(actor.entity),
        recipient=_party(recipient.entity) if recipient else None,
        evidence=Span(clause[0], clause[1], doc.text[clause[0] : clause[1]]),
        mode=context or None,
        cameo=cameo,
        date=_date(doc, clause, sentence, verb_start),
        location=_location(doc, clause, verb_end),
        confidence=_confidence(pattern, recipient is not None, in_quote),
    )
    if recipient is not None and doc.lang != "en":
        doc.listed = _listed_after(doc, recipient, clause[1])
    elif recipient is not None and "between" not in pattern.flags and "mediate" not in pattern.flags:
        # "condemned Britain and Spain", "met Xi Jinping and Narendra Modi": one event per recipient (labelling guide)
        doc.listed = _listed_after_en(doc, recipient, clause[1])
    if other_side is not None and recipient is not None and other_side.entity is not actor.entity:
        doc.listed = [other_side]  # the mediator's second event: the other side
    if namely and recipient is namely[0]:
        doc.listed = namely[1:]  # "yakni Jepang dan Korea Selatan": one event each
    return event, actor


def _body_phrase(doc: Doc, mention: Mention) -> bool:
    """An unnamed body acting, named by its ``actor_noun`` head ("The agency urges consumers ...", "the council"):
    no private party, though it has no role of its own."""
    return mention.entity.id.startswith("agent:np:") and mention.entity.name.split()[-1:] in [
        [w] for w in doc.lex.words.get("actor_noun", ())
    ]


def _place_adjunct(doc: Doc, mention: Mention) -> bool:
    """A country right after a preposition that introduces no one acted on ("in India", "across Europe"; not a
    ``complement`` one: "to", "with", "against", "on", "of")."""
    prepositions = doc.lex.words.get("preposition", frozenset()) - doc.lex.words.get("complement", frozenset())
    return mention.entity.kind == "country" and _after_preposition(doc.text, mention.start, prepositions)


def _country_as_modifier(doc: Doc, mention: Mention) -> bool:
    """A country named by its adjective ("Congolese roots", "Spanish teaching") or its possessive ("Mexico's rich
    culinary heritage") right before a lower-case word: it describes a thing, it is not the party named."""
    if mention.entity.kind != "country":
        return False
    surface = doc.text[mention.start : mention.end]
    rest = doc.text[mention.end : mention.end + 40]
    if _demonym(surface, mention.entity):
        after = re.match(r" ([a-z][\w-]*)", rest)
    else:
        after = re.match(r"['’]s ([a-z][\w-]*)", rest)
    if after is None:
        return False
    return not any(key[0] == after.group(1) for key in agents(doc.lang))


def _instructed_act(tokens: list[Tok], i: int, lex: Lexicon) -> bool:
    """The pattern at ``i`` follows "to", and an ``instruction`` verb ("told", "ordered") stands up to five words
    before that "to", with its object between and no punctuation: the act is what someone was told to do."""
    instruction = lex.words.get("instruction", frozenset())
    if not instruction or i < 3 or tokens[i - 1].lower != "to":
        return False
    for k in range(i - 3, max(-1, i - 8), -1):
        word = tokens[k].lower
        if not any(ch.isalnum() for ch in word):
            return False
        if word in instruction:
            return True
    return False


def _negated_modifier(tokens: list[Tok], i: int, lex: Lexicon) -> bool:
    """``Beberapa orang tak dikenal membakar ...``: the negation word before the verb negates a passive participle
    ("tak dikenal", "tidak diketahui": unknown) that describes the subject, not the verb."""
    negation = lex.words.get("negation", frozenset())
    prefixes = lex.words.get("passive_prefix", frozenset())
    for k in range(max(0, i - 4), i - 1):
        if tokens[k].lower in negation:
            nxt = tokens[k + 1].lower
            return len(nxt) > 4 and nxt.isalpha() and any(nxt.startswith(p) for p in prefixes)
    return False


def _passive_patient(doc: Doc, tokens: list[Tok], j: int, recipient: Mention) -> bool:
    """A request whose content opens on a ``purpose`` word ("agar", "supaya") right after the verb, with the name
    found there the subject of a passive verb ("agar Budi Gunawan tetap dilantik", auxiliaries between or not): the
    name is what the request is about, not the party asked."""
    words = doc.lex.words
    purpose = words.get("purpose", frozenset())
    if j < len(tokens) and tokens[j].lower in purpose:
        opening = tokens[j].end
    elif j > 0 and tokens[j - 1].lower in purpose:
        opening = tokens[j - 1].end  # the pattern's own "agar" ("mendesak agar")
    else:
        return False
    if doc.text[opening : recipient.start].strip():
        return False  # a name further on, not the purpose clause's subject
    after = _WORD.findall(doc.text[recipient.end : recipient.end + 60].lower())
    skip = words.get("auxiliary", frozenset()) | words.get("negation", frozenset())
    verb = next((w for w in after if w not in skip), None)
    return verb is not None and _passive_verb(verb, words)


def _pronoun_agrees(doc: Doc, tokens: list[Tok], i: int, actor: Mention) -> bool:
    """A pronoun right before the verb, after the actor found for it, must fit that actor: "they"/"mereka" is no
    single person, a ``singular_pronoun`` ("ia", "dia", "beliau") is a person, not a body or a place."""
    words = doc.lex.words
    reach = _pronoun_reach(tokens, i, doc.lex)
    for k in reversed(range(reach, i)):
        tok = tokens[k]
        if tok.start < actor.end:
            return True  # the actor is named after any pronoun: it is the subject itself
        if _speaker_pronoun(tokens, k, doc.lex):
            continue
        if tok.lower in words.get("plural_pronoun", ()):
            return actor.entity.type not in ("PER", "LOC")  # a group, not one person or a place
        if tok.lower in words.get("singular_pronoun", ()):
            return actor.entity.type == "PER"
        if tok.lower in words.get("body_pronoun", ()):
            return actor.entity.type != "PER"  # "it": a body or a country, not a person
    return True


def _domestic_sanction(
    doc: Doc,
    tokens: list[Tok],
    i: int,
    j: int,
    sentence: tuple[int, int],
    cameo: str,
    actor: Mention,
    recipient: Mention | None,
) -> str:
    """Indonesian and Malay sanctions (labelling guide): "akan memberikan sanksi ... apabila tidak ..." — a sanction
    promised on a condition stated after it — is a threat (1312); a sanction between parties of one country
    ("Pemkot menjatuhkan sanksi kepada perusahaan") is administrative coercion (172), not SANCTION."""
    words = doc.lex.words
    before = " ".join(t.lower for t in tokens[max(0, i - 4) : i])
    after = _WORD.findall(doc.text[tokens[j - 1].end : sentence[1]].lower())
    if _has_word(before, words.get("intent", frozenset())) and any(
        w in words.get("conditional", frozenset()) for w in after
    ):
        return "1312"
    if _plover_type(cameo) == "SANCTION" and not (
        recipient is not None and _foreign(actor.entity, recipient.entity)
    ):
        return "172"
    return cameo


def _protest_frame(doc: Doc, actor: Mention) -> bool:
    """The actor is named right after a ``protest_noun`` ("Aksi mahasiswa Kendari menolak ...", "Demo buruh menuntut
    ..."): the rejection or demand is made by a protest."""
    nouns = doc.lex.words.get("protest_noun", frozenset())
    if not nouns:
        return False
    text = doc.text[max(0, actor.start - 40) : actor.start]
    before = _WORD.findall(re.split(r"[,.;:!?]", text)[-1].lower())[
        -3:
    ]  # "Aksi mahasiswa Kendari": two words back
    return any(w in nouns for w in before) or any(
        " ".join(before[k : k + 2]) in nouns for k in range(len(before))
    )


def _speaker_side(doc: Doc, tokens: list[Tok], i: int, sentence: tuple[int, int]) -> Mention | None:
    """``X menyatakan , pihaknya akan memperketat ...``: a ``speaker_pronoun`` ("pihaknya": his or her side) as the
    subject right before the verb (auxiliaries and intent words between) is the side of the one who speaks: the
    subject of the last reporting verb before it in the sentence."""
    words = doc.lex.words
    speaker_words = words.get("speaker_pronoun", frozenset())
    if not speaker_words:
        return None
    skip = words.get("auxiliary", frozenset()) | words.get("intent", frozenset())
    k = i - 1
    while k >= 0 and tokens[k].lower in skip:
        k -= 1
    if k < 0 or tokens[k].lower not in speaker_words:
        return None
    barrier = _last_reporting_verb(doc, sentence[0], tokens[k].start)
    if barrier is None:
        return None
    reporting = words.get("reporting", frozenset())
    said = [
        m.start()
        for m in re.finditer(r"[^\W\d_]+", doc.text[sentence[0] : barrier])
        if m.group(0).lower() in reporting
    ]
    verb_start = sentence[0] + said[-1] if said else barrier
    return _clause_subject(doc, doc.mentions_in(sentence[0], verb_start))


def _pronoun_antecedent(doc: Doc, tokens: list[Tok], i: int) -> Mention | None:
    """The nearest mention within 400 characters before the pronoun subject that fits it (see
    ``_pronoun_agrees``): a person for "ia", not a person (nor a place) for "mereka"."""
    words = doc.lex.words
    pronoun = next(
        (
            tokens[k]
            for k in reversed(range(_pronoun_reach(tokens, i, doc.lex), i))
            if not _speaker_pronoun(tokens, k, doc.lex)
            and (
                tokens[k].lower in words.get("plural_pronoun", ())
                or tokens[k].lower in words.get("singular_pronoun", ())
                or tokens[k].lower in words.get("body_pronoun", ())
            )
        ),
        None,
    )
    if pronoun is None:
        return None
    person = pronoun.lower in words.get("singular_pronoun", ())
    body = pronoun.lower in words.get("body_pronoun", ())  # "it": a body or a country, places included
    k = bisect_left(doc.starts, pronoun.start) - 1
    while k >= 0 and doc.mentions[k].start >= pronoun.start - 400:
        entity = doc.mentions[k].entity
        if entity.type != "PER" if body else (entity.type == "PER") == person and entity.type != "LOC":
            return doc.mentions[k]
        k -= 1
    return None


def _judgement(
    doc: Doc, tokens: list[Tok], j: int, actor: Mention | None, recipient: Mention | None, passive: bool
) -> tuple[Mention | None] | None:
    """``X menilai pemerintah gagal ...``, ``Y dinilai DPR gegabah``: an assessment is a criticism (ACCUSE) when
    its content, before the sentence ends, has a ``negative_judgement`` word ("gagal", "tidak tepat"); the one
    judged is the first other party named in the content before that word (passive: the subject), else none
    ("menilai pencabutan PSBB terlalu cepat" criticises a policy). None: no criticism."""
    negative = doc.lex.words.get("negative_judgement", frozenset())
    content = []
    for tok in tokens[j : j + 25]:
        if tok.lower in (".", ";", "?", "!"):
            break
        content.append(tok)
    words = [t.lower for t in content]
    # "salah satu", "salah seorang": a word of a negative judgement inside a phrase that judges nothing
    not_judgement = doc.lex.words.get("not_judgement", frozenset())
    hit, size = next(
        (
            (k, n)
            for k in range(len(words))
            for n in (3, 2, 1)
            if " ".join(words[k : k + n]) in negative
            and not any(" ".join(words[k : k + m]) in not_judgement for m in (2, 3))
        ),
        (None, 0),
    )
    if hit is None or (hit > 0 and words[hit - 1] in doc.lex.words.get("negation", ())):
        return None
    if doc.lang == "en":
        # "said the move was illegal", "said Taiwan's drills were a grave provocation": the word is what the reported
        # clause states of its subject, right after a copula (at most three words between, none a negation: "was
        # not a violation"); "said police arrested a man for illegal parking" judges no one
        copula = doc.lex.words.get("copula", frozenset())
        link = next((k for k in range(hit - 1, max(-1, hit - 5), -1) if words[k] in copula), None)
        negation = doc.lex.words.get("negation", frozenset())
        if link is None or any(w in negation or w.endswith("ing") for w in words[link + 1 : hit]):
            return None  # "said the man was carrying an illegal weapon": the word is no judgement of the subject
        if words[hit + 1 : hit + 2] == ["that"]:
            return None  # "said it was unacceptable that children were going hungry": a situation, no party's act
    if passive:
        return (recipient,)
    end = content[hit].start
    place = None
    for mention in doc.mentions_in(content[0].start if content else end, end):
        if actor is not None and _same_side(actor.entity, mention.entity):
            continue
        if mention.entity.type == "LOC" and _after_preposition(doc.text, mention.start, _locative(doc)):
            place = place or mention
            continue  # "di Jakarta": where, not whom
        owner = _WORD.findall(doc.text[max(0, mention.start - 12) : mention.start].lower())
        if owner and owner[-1] in doc.lex.words.get("own_possessive", ()):
            continue  # "said the expulsion of its diplomats was a hostile act": the speaker's own people
        if mention.entity.kind == "agent-actor":
            return (None,)  # "menilai warga abai": a generic group is judged, no party
        return (mention,)
    if doc.lang != "en":
        # "meyakini ada perbuatan melawan hukum yang dilakukan KPU": the party the judged act is put down to, named
        # right after a `noun_agent` word ("dilakukan") or "oleh" just after the judgement
        agent_words = doc.lex.words.get("noun_agent", frozenset()) | doc.lex.words.get("agent", frozenset())
        for k in range(hit + size, min(hit + size + 3, len(content))):
            if words[k] in agent_words:
                after = content[k].end
                agent = next(iter(doc.mentions_in(after, after + 60)), None)
                if (
                    agent is not None
                    and not doc.text[after : agent.start].strip()
                    and not (actor is not None and _same_side(actor.entity, agent.entity))
                    and agent.entity.kind != "agent-actor"
                ):
                    return (agent,)
                break
    if doc.lang == "en" and words[hit + 1 : hit + 4].count("by"):
        # "said the deployment was a provocation by NATO": the party the act is put down to
        after = content[hit + 1 + words[hit + 1 : hit + 4].index("by")].end
        agent = next(iter(doc.mentions_in(after, after + 40)), None)
        if agent is not None and not (actor is not None and _same_side(actor.entity, agent.entity)):
            if not _WORD.findall(doc.text[after : agent.start].lower()) or all(
                w in doc.lex.words.get("determiner", ()) for w in _WORD.findall(doc.text[after : agent.start].lower())
            ):
                return (agent,)
    # "menilai penanganan banjir di DKI Jakarta belum optimal": no party named, the work done in a place is judged,
    # which criticises whoever governs it
    return (place,)


_NP_STOP_KINDS = (
    "preposition",
    "complement",
    "locative",
    "destination",
    "coordinator",
    "relative",
    "complementizer",
    "reporting",
    "conditional",
    "noun_marker",
    "verb_marker",
    "passive_aux",
    "infinitive",
    "negation",
    "modal",
    "intent",
)


def _group_asked(doc: Doc, tokens: list[Tok], i: int) -> bool:
    """English: a generic group right before the passive ("Residents were urged to stay indoors"), not a thing or a
    pronoun ("a canine was requested", "they were asked to give a speech"): such an instruction is an official's."""
    if i < 2:
        return False
    before = [m for m in doc.mentions_in(max(0, tokens[i - 1].start - 40), tokens[i - 1].start)]
    return (
        bool(before)
        and (before[-1].entity.kind or "").startswith("agent")
        and not doc.text[before[-1].end : tokens[i - 1].start].strip()
    )


def _crowd(doc: Doc, tokens: list[Tok], i: int, j: int, clause: tuple[int, int]) -> Mention | None:
    """The unnamed crowd of a protest noun (flag ``crowd``): the ``crowd`` word of the language ("protesters"), of
    the country of a place named in the clause (before the noun: "Iraqi protests"; or after it: "protests in
    Bolivia"), else the page's home country; none when no country is known."""
    name = next(iter(sorted(doc.lex.words.get("crowd", ()))), None)
    places = [m for m in doc.mentions_in(clause[0], clause[1]) if m.entity.type == "LOC" and m.entity.country]
    near = min(places, key=lambda m: abs(m.start - tokens[i].start), default=None)
    country = near.entity.country if near else doc.home
    if name is None or not country:
        return None
    entity = Entity(
        id=f"agent:{name}:{country}", name=name, type="ORG", country=country, role="CVL", kind="agent-actor"
    )
    return Mention(tokens[i].start, tokens[i].start, entity)


def _counted_subject(doc: Doc, tokens: list[Tok], i: int) -> bool:
    """A counted group right before the verb, in the same clause ("Three men were", "26 orang", "Dua pelaku"), or
    one unnamed person ("A man was", "The driver was": a ``person_noun`` after a determiner)."""
    quantities = doc.lex.words.get("quantity", frozenset())
    persons = doc.lex.words.get("person_noun", frozenset())
    determiners = doc.lex.words.get("determiner", frozenset())
    window = tokens[max(0, i - 5) : i]
    for k in range(len(window) - 1, -1, -1):
        tok = window[k]
        if tok.lower in (",", ";", ":"):
            return False
        if tok.lower in quantities or tok.lower[:1].isdigit():
            return True
        if tok.lower in persons and any(t.lower in determiners for t in window[max(0, k - 3) : k]):
            return True
    return False


def _unnamed_authority(
    doc: Doc, tokens: list[Tok], i: int, pattern: Pattern, cameo: str, recipient: Mention | None
) -> Mention | None:
    """``Tova Noel were charged``, ``Rizieq ditahan``: an arrest, charge or expulsion stated in the passive with no
    agent was done by the state; its actor is the ``authority`` word of the language ("authorities", "aparat"), of
    the recipient's country, else the dateline's."""
    if cameo[:2] != "17" or not (
        "passive" in pattern.flags
        or "event_noun" in pattern.flags
        or _after_passive_auxiliary(tokens, i, doc.lex)
    ):
        return None
    if tokens[i].lower in doc.lex.words.get("no_authority", frozenset()):
        return None  # "X dicopot dari jabatannya": a dismissal is the employer's, and no employer is named
    if recipient is not None and "event_noun" not in pattern.flags:  # "Penangkapan X": X follows the noun
        if recipient.entity.type == "LOC":
            return None  # "The 48-year-old Australian was sentenced": a nationality says nothing of who sentenced
        gap = doc.text[recipient.end : tokens[i].start]
        if gap.startswith(","):
            gap = gap[1:]  # "The suspect, Michael Webb, was sentenced": the apposition's closing comma
        if recipient.end > tokens[i].start or len(gap.split()) > 3 or any(ch in gap for ch in ',;:()"“”'):
            return None  # the one arrested is the subject right before the verb ("X was detained"), nothing farther
    name = next(iter(sorted(doc.lex.words.get("authority", ()))), None)
    role = "GOV"
    # the obvious authority of the act (labelling guide): a court for a sentence, prosecutors for a charge; named by
    # the act, it acts even where no country is known ("Citrone was sentenced to two years in prison")
    own = next(
        (
            (min(names), "JUD")
            for kind in ("court", "prosecutor")
            if tokens[i].lower in doc.lex.words.get(f"{kind}_act", ())
            and (names := doc.lex.words.get(f"{kind}_name", ()))
        ),
        None,
    )
    if own is not None:
        name, role = own
    country = (
        (recipient.entity.country if recipient else None)
        or _place_country(doc.dateline, doc.lang)
        or doc.home
    )
    if name is None or not (country or (own is not None and recipient is not None)):
        return None
    entity = Entity(
        id=f"agent:{name}:{country or ''}", name=name, type="ORG", country=country, role=role, kind="agent-actor"
    )
    return Mention(tokens[i].start, tokens[i].start, entity)


def _passive_verb(word: str, words: dict[str, frozenset[str]]) -> bool:
    """An Indonesian or Malay passive verb ("digunakan", "dibentuk"): a ``passive_prefix`` word of six letters or more,
    not a ``not_passive`` one."""
    return (
        len(word) >= 6
        and word.isalpha()
        and any(word.startswith(p) for p in words.get("passive_prefix", ()))
        and word not in words.get("not_passive", ())
    )


def _private_actor(entity: Entity) -> bool:
    """A firm or private party (business, civilian, media ... role), or a body or name of no role and no country, or a
    body of no role (a person of some country with no role may hold an office the text did not name)."""
    if _state_party(entity):
        return False
    if entity.role in _PRIVATE_ROLES:
        return True
    return entity.role is None and (entity.type != "PER" or not entity.country)


def _unnamed_attacker(doc: Doc, position: int) -> Mention | None:
    """The unnamed doer of an ordinary crime: the language's ``attacker`` word, of the dateline's country, else the
    page's."""
    name = next(iter(sorted(doc.lex.words.get("attacker", ()))), None)
    country = _place_country(doc.dateline, doc.lang) or doc.home
    if name is None or not country:
        return None
    entity = Entity(
        id=f"agent:np:{name}:{country}", name=name, type="PER", country=country, kind="agent-actor"
    )
    return Mention(position, position, entity)


def _prefixed_verb(doc: Doc, word: str) -> bool:
    """An Indonesian or Malay active verb by its prefix ("mengecam", "membantah"), not a noun that looks like one
    ("menteri", "mereka")."""
    from warta.nlp.actors import actor_data

    if len(word) <= 5 or not word.startswith("me"):
        return False
    nouns = doc.lex.words.get("actor_noun", frozenset()) | doc.lex.words.get("pronoun", frozenset())
    return word not in nouns and word not in actor_data(doc.lang).role_words


def _subject_phrase(doc: Doc, tokens: list[Tok], i: int, clause: tuple[int, int]) -> Mention | None:
    """A verb pattern with no entity before it: the noun phrase right before the verb is its actor ("The
    ministry expelled ...", "Kelompok tani menolak ..."). Auxiliaries and adverbs between them are skipped
    (``auxiliary`` words, "-ly"); the phrase runs back to a function word, a punctuation mark or the clause start,
    at most four words, and must not be a pronoun, a number or a time. Its country is that of a place named in it
    ("the Iraqi delegation"), else none: an unnamed actor is not assumed to be domestic."""
    words = doc.lex.words
    if i > 0 and doc.text[tokens[i].start].isupper():
        return None  # "Man Shot at Dallas Gas Station": a title-case headline, no clause to read
    skip = words.get("auxiliary", frozenset())
    k = i - 1
    while k >= 0 and (tokens[k].lower in skip or (doc.lang == "en" and tokens[k].lower.endswith("ly"))):
        k -= 1
    if k < 0 or not _WORD.fullmatch(tokens[k].lower) or tokens[k].lower[:1].isdigit():
        return None
    stops = _np_stops(doc.lex)
    head = k
    while k >= 0 and head - k < 4 and _WORD.fullmatch(tokens[k].lower) and tokens[k].lower not in stops:
        k -= 1
    if k >= 0 and head - k >= 4:
        return None  # a longer stretch of words is no subject noun phrase that flat text can tell
    first = k + 1
    if first > head:
        return None
    phrase = [t.lower for t in tokens[first : head + 1]]
    if doc.lang in ("id", "ms") and any(_prefixed_verb(doc, w) for w in phrase):
        return None  # "Pemerintah Turki mengecam keras [serangan ...]": a clause with its verb, no noun phrase
    if phrase[-1] not in words.get("actor_noun", frozenset()) and not any(
        doc.text[t.start].isupper() and not _sentence_initial(doc.text, t.start)
        for t in tokens[first : head + 1]
    ):
        # "forecasts called for ...": a common noun is no actor; a name the NER missed is capitalised, and a body
        # is named by its head noun ("the interim council", "the ruling party")
        return None
    not_actor = (
        words.get("pronoun", frozenset())
        | words.get("first_person", frozenset())
        | words.get("not_actor", frozenset())
    )
    quantities = words.get("quantity", frozenset())
    if phrase[-1] in not_actor or any(w in quantities or w in not_actor for w in phrase):
        return None  # "beberapa kali pihaknya", "two of them": no one named
    start, end = tokens[first].start, tokens[head].end
    if any(t.start < end and start < t.end for t in doc.times):
        return None
    places = [m for m in doc.mentions_in(start, end) if m.entity.type == "LOC" and m.entity.country]
    country = places[0].entity.country if places else None
    name = " ".join(phrase)
    entity = Entity(
        id=f"agent:np:{name}:{country or ''}", name=name, type="ORG", country=country, kind="agent-actor"
    )
    return Mention(start, end, entity)


def _object_phrase(doc: Doc, tokens: list[Tok], j: int, actor: Mention) -> Mention | None:
    """Indonesian and Malay: a body the NER missed, named right after the verb (or after a ``complement``
    preposition): a capitalised phrase headed by an ``actor_noun`` ("mendesak Tim Koordinasi Pengendalian Banjir
    Kota Jayapura agar ...", "meminta Satuan Tugas ..."), up to the first lower-case word. It takes the
    country of a place named in it, else the page's."""
    words = doc.lex.words
    k = j
    if k < len(tokens) and tokens[k].lower in words.get("complement", frozenset()):
        k += 1
    if k >= len(tokens) or tokens[k].lower not in words.get("actor_noun", frozenset()):
        return None
    if not doc.text[tokens[k].start].isupper():
        return None  # "meminta tim ...": a common noun, no name
    end = k + 1
    while end < len(tokens) and end - k < 10:
        first = doc.text[tokens[end].start]
        if not (first.isupper() or first.isdigit() or tokens[end].lower == "-"):
            break
        end += 1
    if end - k < 2:
        return None  # a head noun alone ("Dinas") names no body
    start, stop = tokens[k].start, tokens[end - 1].end
    if any(m.start < stop and start < m.end and m.entity.type != "LOC" for m in doc.mentions):
        return None  # a name the entities step found is handled as such
    places = [m for m in doc.mentions_in(start, stop) if m.entity.type == "LOC" and m.entity.country]
    country = places[0].entity.country if places else doc.home
    name = doc.text[start:stop]
    if actor is not None and actor.entity.name == name:
        return None
    entity = Entity(id=f"agent:np:{name}:{country or ''}", name=name, type="ORG", country=country, role="GOV")
    return Mention(start, stop, entity)


_DEMONSTRATIVES = frozenset({"itu", "ini", "tersebut"})


def _private_person(entity: Entity) -> bool:
    """A person or group of no public role, or a name of no country and no role (a body or place of a country,
    "Ombudsman RI", "DKI Jakarta", is public)."""
    return not _state_party(entity) and not entity.role and (entity.type == "PER" or not entity.country)


def _patient(doc: Doc, mention: Mention) -> bool:
    """Indonesian and Malay: the mention is the subject of a passive verb right after it (``auxiliary`` words and a
    demonstrative between: "kepala desa itu telah diperiksa"): acted on, not acting."""
    if doc.lang == "en":
        return False
    words = doc.lex.words
    prefixes = words.get("passive_prefix", frozenset())
    auxiliary = words.get("auxiliary", frozenset())
    for word in _WORD.findall(doc.text[mention.end : mention.end + 60].lower())[:4]:
        if word in auxiliary or word in _DEMONSTRATIVES:
            continue
        return (
            len(word) >= 6
            and any(word.startswith(p) for p in prefixes)
            and word not in words.get("not_passive", ())
        )
    return False


def _next_speaker(doc: Doc, sentence: tuple[int, int]) -> Mention | None:
    """The speaker of the first attributed quote (direct or reported) that starts in the next three sentences, when
    a person or a body of state or political role: who made a lead's agent-less request."""
    spans = [s for s in sentence_spans(doc.text) if s[0] >= sentence[1]][:3]
    if not spans:
        return None
    cues = doc.lex.words.get("demand_cue")
    for start, end, speaker in doc.speeches:
        if start < spans[0][0] or start >= spans[-1][1]:
            continue
        entity = doc.entities.get(speaker)
        if entity is None or not (entity.type == "PER" or entity.role in _STATE_ROLES):
            return None
        if cues and not _has_word(" ".join(_WORD.findall(doc.text[start:end].lower())), cues):
            # "Pemda diminta memperbanyak tes . ” Pasien itu tertular dari keluarganya , ” kata Budi": a speaker who
            # states facts made no demand; one who says what should be done ("perlu", "harus", "agar") did
            return None
        mention = next((m for m in entity.mentions if m.start >= sentence[1]), None)
        return Mention(mention.start, mention.end, entity) if mention else None
    return None


_SAYING = frozenset({"REQUEST", "REJECT", "ACCUSE", "THREATEN", "SUPPORT"})
_INVESTIGATORS = frozenset({"COP", "JUD", "GOV", "LEG", "SPY"})  # who investigates in the news
# who asks the public or a group of it in the news
_PUBLIC_ASKERS = frozenset({"GOV", "COP", "JUD", "LEG", "MIL", "PTY", "OPP", "NGO", "IGO", "HRI", "SPY"})
_GROUP_ACTS = frozenset({"PROTEST", "ASSAULT", "COERCE"})  # what a crowd or a gang does in the news
_PRIVATE_ROLES = frozenset({"BUS", "CVL", "MED", "EDU", "HLH", "AGR"})


def _public(entity: Entity, lex: Lexicon) -> bool:
    """A party of some country, with a public role (government, police, party, rebels ...; not business,
    civilian, media, education or health), or a body named by its head noun ("the interim council"): one whose
    words and deals can be a political event."""
    if entity.country or (entity.role is not None and entity.role not in _PRIVATE_ROLES):
        return True
    return entity.id.startswith("agent:np:") and entity.name.split()[-1] in lex.words.get("actor_noun", ())


def _passive_at(tokens: list[Tok], i: int, pattern: Pattern, lex: Lexicon) -> bool:
    return "passive" in pattern.flags or _after_passive_auxiliary(tokens, i, lex)


def _sentence_words(doc: Doc, sentence: tuple[int, int]) -> str:
    return " ".join(_WORD.findall(doc.text[sentence[0] : sentence[1]].lower()))


# Roles of public, political actors (CAMEO agent codes): government, military, police, courts, legislature,
# opposition, parties, rebels and insurgents, armed groups and criminals, intelligence, international bodies,
# NGOs and rights groups.
_STATE_ROLES = frozenset("GOV MIL COP JUD LEG OPP PTY REB INS SEP UAF CRM SPY IGO NGO HRI".split())
# Roles that speak for a state: their "protest" is an official complaint, not a demonstration.
_OFFICIAL_ROLES = frozenset({"GOV"})


def _state_party(entity: Entity) -> bool:
    """A country, or a party of a state or political role (the ``public`` flag)."""
    return entity.kind == "country" or entity.role in _STATE_ROLES


# Roles of private actors (business, civilians, media, education, health, agriculture).
_PRIVATE_PARTY_ROLES = frozenset({"BUS", "CVL", "MED", "EDU", "HLH", "AGR"})


def _private_party(entity: Entity) -> bool:
    """A party of a private role, or a name of neither a known country nor a role ("Python", "Spotify Audiobooks",
    "Perplexity AI"; the ``political`` flag)."""
    return entity.role in _PRIVATE_PARTY_ROLES or (entity.role is None and not entity.country)


def _sport(doc: Doc, sentence: tuple[int, int]) -> bool:
    """The sentence names a game (a ``sport`` word or a score, "6-3"), or the document is about games: such words
    and scores make at least 1% of its words, five at least."""
    sport = doc.lex.words.get("sport", frozenset())
    if doc.sport is None:
        words = [t.lower for t in doc.tokens]
        hits = sum(w in sport for w in words) + len(_SCORE.findall(doc.text))
        doc.sport = hits >= 5 and hits * 100 >= len(words)
    if doc.sport:
        return True
    text = doc.text[sentence[0] : sentence[1]]
    return bool(_SCORE.search(text)) or any(w in sport for w in _WORD.findall(text.lower()))


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \"'“‘”’«(")
    return not before or before[-1] in ".!?:;—–-\n"


# id(lexicon) -> (the lexicon, its stop words); holding the lexicon keeps its id from being reused by another one
_NP_STOPS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _np_stops(lex: Lexicon) -> frozenset[str]:
    entry = _NP_STOPS.get(id(lex))
    if entry is None or entry[0] is not lex:
        entry = (lex, frozenset().union(*(ws for k, ws in lex.words.items() if k in _NP_STOP_KINDS)))
        _NP_STOPS[id(lex)] = entry
    return entry[1]


def _asked_or_refused_thing(doc: Doc, tokens: list[Tok], j: int, pattern: Pattern) -> bool:
    """``called for calm``, ``demanded an inquiry``, ``rejected the plan``, ``threatened to quit``: a demand or refusal
    of a thing (a determiner or "for" right after the verb), or a threat or refusal to act, is an event even when no
    one it is addressed to is named."""
    plover = _plover_type(pattern.cameo)
    if plover not in ("REQUEST", "REJECT", "THREATEN") or j >= len(tokens):
        return False
    words = doc.lex.words
    if tokens[j].lower in words.get("infinitive", frozenset()) and plover != "REQUEST":
        return True  # "threatened to quit the coalition", "refused to testify": the act is the content
    if plover == "THREATEN":
        return False
    if (
        plover == "REJECT"
        and doc.lang == "en"
        and tokens[j].lower.endswith("ing")
        and len(tokens[j].lower) > 5
    ):
        return True  # "Qatar denied financing terrorism", "refused having": the act denied is the thing
    last = tokens[j - 1].lower
    if tokens[j].lower in words.get("determiner", frozenset()) or last in words.get("purpose", frozenset()):
        return True
    if plover == "REJECT" and tokens[j].lower in words.get("refused_thing", frozenset()):
        return True  # "menolak rencana tambang", "menolak RUU": a plan, bill or offer refused, no party named
    word = tokens[j].lower
    if word not in words.get("not_nominal", ()) and any(
        word.startswith(a) and word.endswith(b) and len(word) >= len(a) + len(b) + 3
        for a, b in _nominal_affixes(words)
    ):
        return True  # "menuntut pencabutan ...", "menolak penundaan ...": a nominalised act is the thing
    return plover == "REQUEST" and _passive_content(tokens[j : j + 4], words)


def _nominal_affixes(words: dict[str, frozenset[str]]) -> list[tuple[str, str]]:
    """``nominal`` rows "pe-an": the prefix and suffix of a nominalised verb ("pencabutan", "penundaan")."""
    return [tuple(w.split("-", 1)) for w in words.get("nominal", ()) if "-" in w]  # type: ignore[misc]


def _passive_content(following: list[Tok], words: dict[str, frozenset[str]]) -> bool:
    """``meminta Pilkada 2020 ditunda``, ``mendesak kasus itu diusut``: a thing asked to be done, in the passive
    (a ``passive_prefix`` verb, "di-", within a few words of the request verb, before any comma)."""
    prefixes = words.get("passive_prefix", frozenset())
    not_passive = words.get("not_passive", frozenset())
    for tok in following:
        if tok.lower in (",", ".", ";", ":"):
            return False
        if (
            len(tok.lower) >= 6
            and tok.lower.isalpha()
            and any(tok.lower.startswith(p) for p in prefixes)
            and tok.lower not in not_passive
        ):
            return True
    return False


def _shows(doc: Doc, tokens: list[Tok], i: int, j: int) -> bool:
    """``demonstrated a 70% gain``, ``as demonstrated by``, ``demonstrated for the first time that``: "demonstrate"
    with an object, in the passive or with a content clause shows something; protesters demonstrate with no object
    ("demonstrated outside parliament", "demonstrated against the law", "demonstrated on Friday")."""
    words = doc.lex.words
    if i > 0 and (tokens[i - 1].lower in ("as",) or _after_passive_auxiliary(tokens, i, doc.lex)):
        return True
    if _content_follows(doc, tokens, j, 6):
        return True
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1].lower
    adjuncts = (
        words.get("preposition", frozenset())
        | words.get("locative", frozenset())
        | words.get("complement", frozenset())
        | words.get("adjunct", frozenset())
        | words.get("coordinator", frozenset())
    )
    if nxt in adjuncts or nxt.endswith("ly") or not _WORD.fullmatch(nxt):
        return False
    return not any(t.start <= tokens[i + 1].start < t.end for t in doc.times)  # "demonstrated on Friday"


def _content_follows(doc: Doc, tokens: list[Tok], j: int, reach: int) -> bool:
    """A complementizer ("that", "bahwa") within ``reach`` tokens after the pattern."""
    complementizer = doc.lex.words.get("complementizer", frozenset())
    return any(t.lower in complementizer for t in tokens[j : j + reach])


def _warning_code(doc: Doc, tokens: list[Tok], j: int) -> str | None:
    """``warned people to stay away`` urges (REQUEST 100); ``warned that ... will retaliate`` threatens (130);
    ``warned that migrants are at risk`` states a danger (no event); a warning aimed at a party stays a threat."""
    words = doc.lex.words
    infinitive = words.get("infinitive", frozenset()) | words.get("purpose", frozenset())
    complementizer = words.get("complementizer", frozenset())
    for k in range(j, min(j + 4, len(tokens))):
        word = tokens[k].lower
        if word in infinitive:
            return "100"
        if word in complementizer:
            content = " ".join(t.lower for t in tokens[k + 1 : k + 16])
            return "130" if _has_word(content, words.get("intent", frozenset())) else None
    return "130"


def _question(tokens: list[Tok], k: int, j: int, lex: Lexicon) -> bool:
    """``asked about``, ``asked Turkey whether``, ``asked Turkey about the missiles``: a question word follows the
    verb (or its object of up to three words, or sits in the pattern's gap) before any "to"/"untuk" or comma."""
    question = lex.words.get("question", frozenset())
    infinitive = lex.words.get("infinitive", frozenset())
    for tok in tokens[k : j + 4]:
        if tok.lower in question:
            return True
        if tok.lower in infinitive or tok.lower in (",", ";", ":"):
            return False
    return False


def _after_noun_marker(tokens: list[Tok], i: int, lex: Lexicon) -> bool:
    """A determiner or preposition right before the pattern ("the attack", "during protests"), or before one
    adjective that comes before it ("amid worsening protests", "after fierce clashes", "amid anti-government
    protests"): the pattern is a noun."""
    markers = lex.words.get("noun_marker", frozenset())
    if i > 0 and tokens[i - 1].lower in markers:
        return True
    if i < 2 or tokens[i - 2].lower not in markers:
        return False
    adjectives = lex.words.get("adjective")
    if adjectives is None:  # Indonesian and Malay put the adjective after the noun ("aksi besar")
        return False
    word = tokens[i - 1].lower
    return word in adjectives or word.startswith("anti-") or (word.endswith("ing") and len(word) > 5)


def _after_light_verb(tokens: list[Tok], i: int, lex: Lexicon) -> bool:
    """``made an appeal to``, ``lodged a protest with``, ``imposed a ban on``, ``launched an attack on``: an event noun
    after a light verb and a determiner (at most one word between them: "issued a stern warning") says what the
    subject did, as the verb would."""
    light = lex.words.get("light_verb", frozenset())
    if not light or i < 2:
        return False
    markers = lex.words.get("determiner", frozenset())
    for k in (i - 1, i - 2):
        if k >= 1 and tokens[k].lower in markers and tokens[k - 1].lower in light:
            return True
    return False


def _attributive(doc: Doc, tokens: list[Tok], i: int) -> bool:
    """English: an ``attributive`` participle ("alleged", "accused", "convicted") right before a lower-case noun
    describes that noun ("billionaire pedophile and alleged sex trafficker Jeffrey Epstein", "convicted killer"); as a
    verb it takes a clause, a determiner, a pronoun or a name ("alleged that", "accused the government", "accused him
    of"), or "of" soon after ("convicted three men of murder")."""
    if tokens[i].lower not in doc.lex.words.get("attributive", ()) or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1]
    words = doc.lex.words
    if not doc.text[following.start].isalpha() or doc.text[following.start].isupper():
        return False
    if any(
        following.lower in words.get(kind, ())
        for kind in ("determiner", "pronoun", "object_pronoun", "possessive", "complementizer", "preposition")
    ):
        return False
    return not any(t.lower == "of" for t in tokens[i + 1 : i + 6])


def _conditional(doc: Doc, clause: tuple[int, int], verb_start: int) -> bool:
    """A conditional or indirect-question word before the verb in its clause ("if they attack", "to establish
    whether Trump withheld", "kalau kita membiarkan"): what follows is not stated to have happened."""
    conditional = doc.lex.words.get("conditional", frozenset())
    return any(w in conditional for w in _WORD.findall(doc.text[clause[0] : verb_start].lower()))


def _reads_as_finite(
    doc: Doc, actor: Mention, recipient: Mention | None, verb_start: int, clause: tuple[int, int]
) -> bool:
    """``Germany expelled the diplomats``: the subject ends at most five words before the verb, in the same clause
    ("Russia on Tuesday formally rejected"); a verb word elsewhere ("trade talks", "in order to") is too often no verb in flat text."""
    if not clause[0] <= actor.end <= verb_start:
        return False
    gap = doc.text[actor.end : verb_start]
    aside = _RELATIVE_ASIDE.match(gap)
    if aside is not None and aside.group(1).lower() in doc.lex.words.get("relative", ()) and len(aside.group(0).split()) <= 16:
        gap = gap[aside.end() :]  # "The army, which has ruled since the coup, arrested ...": a relative clause set off
    return "," not in gap and len(gap.split()) <= 5


_RELATIVE_ASIDE = re.compile(r"\s*,\s*([^\W\d_]+)\b[^,;:()\"“”]*,\s*")


_THING_ACTS = frozenset(
    {"ACCUSE", "REJECT", "COERCE", "ASSAULT", "PROTEST", "SANCTION", "RETREAT", "CONCEDE", "SUPPORT"}
)
_VERBAL_THING_ACTS = frozenset({"ACCUSE", "REJECT", "PROTEST", "SANCTION"})


def _public_act_on_thing(
    doc: Doc, actor: Mention, tokens: list[Tok], i: int, j: int, pattern: Pattern
) -> bool:
    """English: "the Pentagon rejected the accusations", "the Security Council condemned the attack", "the opposition
    boycotted the election": a country or a body of state or political role acting on a thing (the object inside
    the pattern, or for a verbal act a determiner right after the verb) is an event with no recipient."""
    plover = _plover_type(pattern.cameo)
    if doc.lang != "en":
        # "Satpol PP menyegel tempat hiburan malam", "polisi menyita barang bukti": a seizure, raid or seal of premises
        # (CAMEO 171, 172) by the police, a court or a government body needs no party as its object
        # (not a purpose: "diturunkan untuk menertibkan")
        return (
            pattern.cameo[:3] in ("171", "172")
            and actor.entity.role in _INVESTIGATORS
            and not _after_infinitive(tokens, i, doc.lex)
        )
    if plover not in _THING_ACTS or not _state_party(actor.entity):
        return False
    if None in pattern.slots:
        return True  # "boycotted the election", "released twelve hostages": the pattern names its object
    return (
        plover in _VERBAL_THING_ACTS
        and j < len(tokens)
        and tokens[j].lower in doc.lex.words.get("determiner", frozenset())
    )


def _generic_object(doc: Doc, tokens: list[Tok], j: int, request: bool = False) -> bool:
    """``menangkap 26 orang``, ``arrested hundreds of protesters``: the verb has an object that is a counted or
    generic group, so a pattern that needs a recipient still gives an event (with no recipient)."""
    following = tokens[j : j + 4]
    if not following:
        return False
    quantities = doc.lex.words.get("quantity", frozenset())
    if request:  # "meminta para pengemudi ...", "mengimbau seluruh warga ...": a request to a whole group
        quantities = quantities | doc.lex.words.get("group_marker", frozenset())
    if following[0].lower in quantities or following[0].lower[:1].isdigit():
        return True
    if request and doc.lang == "en" and _unnamed_asked(doc, tokens, j):
        return True
    return any(
        (m.entity.kind or "").startswith("agent")
        for m in doc.mentions_in(following[0].start, following[-1].end)
    )


def _unnamed_asked(doc: Doc, tokens: list[Tok], j: int) -> bool:
    """English: "urged allies to send more air defence", "urged both sides to show restraint": a request whose object,
    one to three lower-case words with no name, is followed by "to" and a verb asks an unnamed group (no recipient).
    Not after "for" ("bid for contracts to launch": the thing sought, then a purpose), nor a negation, "and" or a
    modal word in place of the object ("asked not to be named", "needs and wants to buy")."""
    words = doc.lex.words
    if tokens[j - 1].lower in words.get("purpose", ()):
        return False
    infinitive = words.get("infinitive", frozenset())
    negation = words.get("negation", frozenset())
    stops = negation | words.get("coordinator", frozenset()) | words.get("modal", frozenset())
    stops |= words.get("preposition", frozenset())
    for k in range(j + 1, min(j + 4, len(tokens) - 1)):
        if tokens[k].lower in infinitive:
            asked = tokens[j:k]
            if len(asked) > 1 and asked[-1].lower in negation:
                asked = asked[:-1]  # "urged consumers not to buy": asked not to
            return (
                doc.text[tokens[k + 1].start].islower()
                and all(t.lower.isalpha() and doc.text[t.start].islower() and t.lower not in stops for t in asked)
                and not doc.mentions_in(tokens[j].start, tokens[k - 1].end)
            )
    return False


def _person_object(doc: Doc, tokens: list[Tok], j: int, cameo: str) -> bool:
    """``arrested a man``, ``shot the driver``, ``detained the former chairman``: an arrest, attack or other coercion
    whose object is one unnamed person (a ``person_noun`` after a determiner and at most two modifiers) is an event
    with no recipient (labelling guide: unnamed parties are no recipient)."""
    if cameo[:2] not in ("17", "18", "19", "20"):
        return False
    following = [t.lower for t in tokens[j : j + 4]]
    if not following or following[0] not in doc.lex.words.get("determiner", frozenset()):
        return False
    persons = doc.lex.words.get("person_noun", frozenset())
    return any(word in persons for word in following[1:4])


def _attacked_place(doc: Doc, tokens: list[Tok], j: int, cameo: str) -> bool:
    """``menyerang kamp pengungsi di Jenin``, ``menggempur rumah sakit``: an attack (CAMEO 18, 19, 20) whose object
    is a place where people live, shelter or serve (``target_place`` words) is an event with no named recipient
    (labelling guide: unnamed parties are no recipient)."""
    if cameo[:2] not in ("18", "19", "20") or j >= len(tokens):
        return False
    places = doc.lex.words.get("target_place", frozenset())
    return tokens[j].lower in places or " ".join(t.lower for t in tokens[j : j + 2]) in places


def _sanctioned_group(doc: Doc, tokens: list[Tok], j: int, cameo: str, actor: Mention) -> bool:
    """Indonesian and Malay: a sanction or coercion by a state body aimed, through a ``target_marker`` word, at a group
    named by a common noun ("memberikan sanksi kepada perusahaan yang melanggar", "kepada pelanggar"): an event with
    no recipient (labelling guide: unnamed parties are no recipient)."""
    if doc.lang == "en" or cameo[:2] not in ("16", "17") or not _state_party(actor.entity):
        return False
    if j + 1 >= len(tokens) or tokens[j].lower not in doc.lex.words.get("target_marker", frozenset()):
        return False
    word = doc.text[tokens[j + 1].start : tokens[j + 1].end]
    return word.isalpha() and word.islower()


def _has_word(text: str, words: frozenset[str]) -> bool:
    """A word (or phrase) of ``words`` stands in ``text`` between spaces (or at its edges)."""
    single, phrases = _word_kinds(words)
    padded = f" {text} "
    # a one-word entry stands between spaces exactly when it is one of the pieces of the text split at spaces
    if not single.isdisjoint(padded.split(" ")):
        return True
    return any(f" {w} " in padded for w in phrases)


_WORD_KINDS: dict[int, tuple[object, frozenset[str], tuple[str, ...]]] = {}


def _word_kinds(words) -> tuple[frozenset[str], tuple[str, ...]]:
    """(entries with no space, the others) of a word set, kept by the set's id (with the set: no id reuse)."""
    kinds = _WORD_KINDS.get(id(words))
    if kinds is None or kinds[0] is not words:
        if len(_WORD_KINDS) >= 512:  # the lexicons' sets are a few dozen: a caller's own sets never pile up
            _WORD_KINDS.clear()
        single = frozenset(w for w in words if w and " " not in w)
        kinds = _WORD_KINDS[id(words)] = (words, single, tuple(w for w in words if w not in single))
    return kinds[1], kinds[2]


@cache
def negated_table() -> dict[str, str]:
    return dict(row.split("\t") for row in read_lines("events/negated.tsv"))


def _negated_code(cameo: str) -> str | None:
    """The rejection code of a negated cooperative verb (``negated.tsv``), or None: a negated verb of any other
    kind states nothing that happened."""
    table = negated_table()
    for length in range(len(cameo), 1, -1):
        if cameo[:length] in table:
            return table[cameo[:length]] if table[cameo[:length]] != "-" else None  # "-": no event
    return None


def _intent_code(cameo: str) -> str:
    table = intent_table()
    for length in range(len(cameo), 1, -1):
        if cameo[:length] in table:
            return table[cameo[:length]]
    return cameo


def _parties(
    doc: Doc,
    tokens: list[Tok],
    i: int,
    j: int,
    pattern: Pattern,
    clause: tuple[int, int],
    previous_actor: Mention | None,
) -> tuple[Mention | None, Mention | None]:
    verb_start, verb_end = tokens[i].start, tokens[j - 1].end
    left = doc.mentions_in(clause[0], verb_start)
    right = doc.mentions_in(tokens[i].end, clause[1])  # from the verb head: "meminta Rusia keluar" → Rusia
    if doc.lex.words.get("supporter"):
        right = _not_followed(doc, right)
    if "event_noun" in pattern.flags:
        return _noun_parties(doc, tokens, j, clause, [m for m in right if m.start >= verb_end], verb_end)
    if "owner" in pattern.flags:
        return _owner_parties(doc, [m for m in right if m.start >= verb_end], verb_end)
    if "between" in pattern.flags:
        return _between(doc, [m for m in right if m.start >= verb_end], verb_end)
    if "received" in pattern.flags:
        return _received(doc, tokens, i, j, clause, left, previous_actor)
    if "possessive" in pattern.flags and i > 0:
        # "The Democrats say Biden's phone call with Macron ...": the name right before the possessive owns the act,
        # even after a reporting verb (which would make it the speaker) or another subject
        owner = next((m for m in reversed(left) if not doc.text[m.end : tokens[i - 1].start].strip()), None)
        if owner is not None:
            after = [m for m in right if m.start >= verb_end]
            return owner, _first_other(after, owner, doc.text, _locative(doc), _function_words(doc))
    if "passive" in pattern.flags or _after_passive_auxiliary(tokens, i, doc.lex):
        agent = _after_word(doc, tokens, j, doc.lex.words.get("agent", frozenset()), clause[1])
        if agent is None and doc.lang != "en" and pattern.cameo[:2] == "18" and pattern.cameo != "180":
            agent = _agent_phrase(doc, tokens, j)  # "dibunuh oleh kekasihnya": an unnamed doer of a crime
        if agent is None and "passive" in pattern.flags:
            # "diserang kelompok bersenjata", "ditahan jajaran Polres X": the agent needs no "oleh"
            agent = _right_after(doc, right, verb_end, doc.lex.words.get("agent_head", frozenset()))
            if agent is None and doc.lang != "en":
                agent = _titled_agent(doc, right, verb_end)
        if doc.lang != "en" and _counted_group(doc, tokens, i):
            # "Puluhan warga ditahan ...": unnamed people, no recipient (labelling guide); English keeps the country
            # of a place as the one acted on ("Five activists were arrested in Moscow": RUS, see its tests)
            return agent, None
        subject = _subject(doc, left, verb_start, clause) or previous_actor
        if (
            subject is not None
            and doc.lang == "en"
            and subject.end <= verb_start
            and any(
                w in doc.lex.words.get("reporting", ()) for w in _WORD.findall(doc.text[subject.end : verb_start].lower())
            )
        ):
            subject = None  # "The Chronicle says he was arrested": the one who reports it was not arrested
        if subject is not None and subject.entity.kind == "agent-actor":
            # "sepuluh warga diserang ...": a generic civilian group is not coded as a recipient, but its country
            # is when a place word names it ("Kenyan fishermen were detained")
            subject = next(
                (
                    m
                    for m in left
                    if m.entity.type == "LOC"
                    and m.end <= subject.start
                    and not doc.text[m.end : subject.start].strip()
                ),
                None,
            )
        return agent, subject
    if "owner-object" in pattern.flags:
        subject = _subject(doc, left, verb_start, clause)
        destination = _after_word(doc, tokens, j, doc.lex.words.get("destination", frozenset()), clause[1])
        if subject is None or _in_relative_subject(doc.text[clause[0] : verb_start], doc.lex):
            owner = next((m for m in right if m.start - verb_end < 40 and m is not destination), None)
            return owner, destination
        return subject, destination or _first_other(
            right, subject, doc.text, _locative(doc), _function_words(doc)
        )
    right = _reachable(
        doc, right, verb_end, _plover_type(pattern.cameo), pattern.cameo, "thing" in pattern.flags, verb_start
    )
    # "menyerahkan tersangka kepada kejaksaan": a generic group the pattern itself names is its object, not a party
    right = [m for m in right if not (m.start < verb_end and m.entity.kind == "agent-actor")]
    quote_end = _quote_end(doc, verb_start)
    if quote_end is not None:
        right = [
            m for m in right if m.end <= quote_end
        ]  # "... ,” ujar Prabowo": the attribution is no object
        speaker = _quote_speaker(doc, tokens, i)
        if speaker is not None:  # "kami menjalin kerja sama ...": the speaker's side acts
            return speaker, _first_other(right, speaker, doc.text, _locative(doc), _function_words(doc))
    coordinated = previous_actor is not None and _after_coordinator(tokens, i, doc.lex)
    if not coordinated and _after_relative(tokens, i, doc.lex):
        actor = _relative_head(doc, left, tokens[i - 1].start)
        return actor, _object_pronoun(doc, tokens, i, j, actor, right) or _first_other(
            right, actor, doc.text, _locative(doc), _function_words(doc), clause_verbs=doc.lang != "en"
        ) if actor else None
    if not coordinated and _after_coordinator(tokens, i, doc.lex):
        # "Pemkot X menargetkan ... dan menerapkan sanksi": the clause's subject, not the object just before
        actor = _clause_subject(doc, left)
    elif _after_infinitive(tokens, i, doc.lex) and previous_actor is not None:
        actor = previous_actor  # "visited China to meet Xi": the one who visited meets, not China
    elif _participle_after_comma(doc, tokens, i) and previous_actor is not None:
        actor = previous_actor  # "X criticized the judge, accusing her of ...": X accuses, not X's employer
    else:
        actor = previous_actor if coordinated else _subject(doc, left, verb_start, clause)
    titled = _plover_type(pattern.cameo) not in COOPERATIVE or _plover_type(pattern.cameo) in _MUTUAL
    partner = None if coordinated else _compound_partner(doc, left, actor, titled)
    if partner is not None:
        actor, partner = partner, actor  # "pemerintah dan DPR menyetujui": the first conjunct acts
        doc.co_actor = partner
        doc.co_middle = [
            m for m in left if actor.end <= m.start and m.end <= partner.start and not _country_title(doc, m, partner)
        ]
    if actor is None:
        actor = _quote_speaker(doc, tokens, i) or previous_actor
    unnamed = _unnamed_object(doc, tokens, j, pattern)
    if unnamed is not None:
        return actor, unnamed.owner
    recipient = _object_pronoun(doc, tokens, i, j, actor, right) or _first_other(
        right, actor, doc.text, _locative(doc), _function_words(doc), verb_start, doc.lang != "en"
    )
    if recipient is None and partner is None and actor is not None and not coordinated:
        partner = _list_partner(doc, left, actor)
    if recipient is None and partner is not None and "mutual" in pattern.flags:
        recipient = partner  # "India and Pakistan traded fire": each fired on the other
    # "Egypt and Qatar mediated ...": two mediators mediate between others, not between themselves
    mediation = pattern.cameo.startswith(_MEDIATE)
    if (
        recipient is None
        and partner is not None
        and plover_of(pattern.cameo)
        and plover_of(pattern.cameo)[0] in COOPERATIVE
        and not mediation
    ):
        recipient = partner  # reciprocal: "the United States and Jordan agreed" → USA with JOR
    partner_words = doc.lex.words.get("partner_preposition", frozenset())
    if (
        recipient is not None
        and partner is not None
        and partner_words
        and _plover_type(pattern.cameo) in _MUTUAL
        and not mediation
        and not partner_words & set(_WORD.findall(doc.text[verb_start : recipient.start].lower()))
    ):
        # "Washington and the Taliban held talks pursuing ... leaving Afghanistan": talks between the two named,
        # unless a third party is named after "with" ("Egypt and Qatar held talks with Israel")
        recipient = partner
    return actor, recipient


_SPOKEN_FOR = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?")


def _spoken_for(doc: Doc, actor: Mention) -> Mention:
    """English: "A Hamas spokesman condemned the raid", "a spokeswoman for the State Department denied ...": a
    ``speaks_for`` agent with a party named right before it, or right after "for"/"of", speaks for that party, which
    acts (the bare word is a media role, no political party)."""
    words = doc.lex.words.get("speaks_for")
    if not words or not (actor.entity.kind or "").startswith("agent"):
        return actor
    if actor.entity.name.rsplit(" ", 1)[-1] not in words:
        return actor
    k = bisect_left(doc.starts, actor.start)
    before = doc.mentions[k - 1] if k > 0 else None
    if before is not None and before.end <= actor.start and not doc.text[before.end : actor.start].strip():
        return before
    gap = _SPOKEN_FOR.match(doc.text, actor.end)
    if gap is not None:
        after = next((m for m in doc.mentions_in(gap.end(), gap.end() + 80) if m.start == gap.end()), None)
        if after is not None:
            return after
    return actor


def _titled_person(doc: Doc, entity: Entity) -> bool:
    """English: a generic party named by one person's title ("the prime minister", "Iran's foreign minister", "the
    army chief": an agent whose last word is a ``person_title``) is a person for "he"/"she"."""
    return (entity.kind or "").startswith("agent") and entity.name.rsplit(" ", 1)[-1] in doc.lex.words.get(
        "person_title", ()
    )


def _singular_pronoun_subject(doc: Doc, tokens: list[Tok], i: int) -> Tok | None:
    """The ``singular_pronoun`` ("he", "she") standing as the subject right before the verb, if any."""
    singular = doc.lex.words.get("singular_pronoun", frozenset())
    return next((t for t in reversed(tokens[_pronoun_reach(tokens, i, doc.lex) : i]) if t.lower in singular), None)


def _title_antecedent(doc: Doc, tokens: list[Tok], i: int) -> Mention | None:
    """"The prime minister arrived in Tokyo on Monday. He criticised China ...": a party named by one person's title
    within 400 characters before a "he"/"she" subject, with no person named between, is the one meant (a person
    named nearer is left to ``_pronoun_antecedent``)."""
    pronoun = _singular_pronoun_subject(doc, tokens, i)
    if pronoun is None or not doc.lex.words.get("person_title"):
        return None
    k = bisect_left(doc.starts, pronoun.start) - 1
    while k >= 0 and doc.mentions[k].start >= pronoun.start - 400:
        entity = doc.mentions[k].entity
        if entity.type == "PER" and not (entity.kind or "").startswith("agent"):
            return None
        if _titled_person(doc, entity):
            return doc.mentions[k]
        k -= 1
    return None


def _public_at_large(doc: Doc, actor: Mention | None, recipient: Mention) -> bool:
    """English: a country's people named by its demonym ("Americans", "the American public", "the British people":
    ``public_group`` words after it) is the public at large, not the state (labelling guide), unless a party of
    another country addresses it."""
    groups = doc.lex.words.get("public_group")
    entity = recipient.entity
    if not groups or entity.type != "LOC" or not entity.country:
        return False
    if actor is not None and actor.entity.country and actor.entity.country != entity.country:
        return False
    surface = doc.text[recipient.start : recipient.end]
    if surface == entity.name or not surface[:1].isupper():
        return False
    following = doc.text[recipient.end : recipient.end + 30].split()
    return bool(following and following[0].lower().strip(".,;:") in groups) or (
        surface.endswith("s") and surface.lower() not in groups and " " not in surface
    )


def _domestic_visit(actor: Mention, recipient: Mention | None) -> bool:
    """A visit (CAMEO 042/043) that meets no one: to a place of the visitor's own country, or by a visitor of no
    known country, or by a place (a tourist's trip, "the Big Island ... visit Hawaii Volcanoes National Park"); a
    visit to another country, or hosting a named party, stays a meeting."""
    if recipient is None or recipient.entity.type != "LOC":
        return False
    if actor.entity.type == "LOC" and recipient.entity.kind != "country":
        return True
    return not (
        actor.entity.country and recipient.entity.country and actor.entity.country != recipient.entity.country
    )


def _agent_not_of_target(doc: Doc, actor: Mention, recipient: Mention) -> Mention:
    """English: a generic agent with no country word beside it ("the minister", "the government") takes the page's
    main country; when that is the country it criticises, asks or meets by name ("The minister criticised Japan" in
    a story about Japan), it is another country's agent: the page's most named other country, else none."""
    entity = actor.entity
    if (
        not (entity.kind or "").startswith("agent")
        or entity.country is None
        or entity.country != recipient.entity.country
        or recipient.entity.kind != "country"
        or _neighbour_country(doc.mentions, doc.text, actor.start, actor.end) is not None
    ):
        return actor
    counts: dict[str, int] = {}
    for other in doc.entities.values():
        if other.type == "LOC" and other.country and other.country != entity.country:
            counts[other.country] = counts.get(other.country, 0) + len(other.mentions)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    country = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    other = replace(entity, id=f"agent:{entity.name}:{country or ''}", country=country)
    return Mention(actor.start, actor.end, other)


def _pattern_object(doc: Doc, tokens: list[Tok], j: int, actor: Mention | None) -> Mention | None:
    """English: a pattern that ends on its own preposition ("hit out at", "took aim at"): the name right after it
    (determiners between, or a place class and "of": "at the port city of Odesa") is the one acted on, not a place
    where it happened."""
    determiners = doc.lex.words.get("determiner", frozenset())
    k = j
    while k < len(tokens) and tokens[k].lower in determiners:
        k += 1
    sides = doc.lex.words.get("place_side", frozenset())
    while k < len(tokens) - 1 and tokens[k].lower in sides:
        k += 1  # "fired rockets at northern Israel", "at the southern town of X": the part of the place
    places = doc.lex.words.get("place_noun", frozenset())
    n = k
    while n < len(tokens) and n - k < 4 and tokens[n].lower in places:
        n += 1
    if k < n < len(tokens) - 1 and tokens[n].lower == "of":
        k = n + 1  # "at the port city of Odesa": the place named after the place class
    if k >= len(tokens):
        return None
    mention = next(
        (m for m in doc.mentions_in(tokens[j].start, tokens[k].end + 80) if m.start <= tokens[k].start), None
    )
    if mention is None or (actor is not None and _same_side(actor.entity, mention.entity)):
        return None
    return mention


def _public_role(entity: Entity) -> bool:
    """A country named as such, or a party of a public (not private) role."""
    return entity.kind == "country" or (entity.role is not None and entity.role not in _PRIVATE_ROLES)


def _nameless_parties(actor: Mention, recipient: Mention | None) -> bool:
    """Neither party is a person, a group noun ("the interim council"), nor of a known country or role."""

    def nameless(entity: Entity) -> bool:
        return entity.type != "PER" and not entity.country and not entity.role and not entity.kind

    return nameless(actor.entity) and (recipient is None or nameless(recipient.entity))


def _received(
    doc: Doc,
    tokens: list[Tok],
    i: int,
    j: int,
    clause: tuple[int, int],
    left: list[Mention],
    previous_actor: Mention | None,
) -> tuple[Mention | None, Mention | None]:
    """English, flag ``received``: an act named by the noun its target receives ("the United States faced stiff
    Palestinian criticism", "drew condemnation from China", "won the backing of the EU"): whoever is named after
    "from"/"of" (the ``source`` words), else a party of some country named inside the pattern, acts; the subject is
    the one acted on."""
    verb_start, verb_end = tokens[i].start, tokens[j - 1].end
    source = doc.lex.words.get("source", frozenset())
    actor = None
    if j < len(tokens) and tokens[j].lower in source:
        actor = _after_word(doc, tokens, j, source, clause[1])
        if actor is not None and actor.start - tokens[j].end > 30:
            actor = None
    if actor is None:
        actor = next(
            (m for m in doc.mentions_in(tokens[i].end, verb_end) if m.entity.country or m.entity.role), None
        )
    subject = _subject(doc, left, verb_start, clause) or previous_actor
    possessives = doc.lex.words.get("possessive", frozenset())
    owner = next(
        (
            m
            for m in left
            if not _WORD.findall(doc.text[clause[0] : m.start])
            and any(doc.text.startswith(p, m.end) for p in possessives if not p.isalpha())
        ),
        None,
    )
    if owner is not None:
        subject = owner  # "Moscow's decision to expel the diplomats drew condemnation": Moscow is condemned
    if actor is not None and subject is not None and _same_side(actor.entity, subject.entity):
        subject = None
    return actor, subject


def _object_pronoun(
    doc: Doc, tokens: list[Tok], i: int, j: int, actor: Mention | None, right: list[Mention]
) -> Mention | None:
    """English: "accused him of ...", "which accuses him of publishing ...": an ``object_pronoun`` right after the
    verb (or inside the pattern's gap), before any name, is the last person named before it within 400 characters,
    not the actor ("her" before a noun is a possessive: "criticised her husband")."""
    pronouns = doc.lex.words.get("object_pronoun")
    if not pronouns or actor is None:
        return None
    k = next((k for k in range(i + 1, min(j + 1, len(tokens))) if tokens[k].lower in pronouns), None)
    if k is None or any(m.start < tokens[k].start and m.start >= tokens[i].end for m in right):
        return None
    if (
        k + 1 < len(tokens)
        and tokens[k + 1].lower.isalpha()
        and tokens[k + 1].lower not in _function_words(doc)
    ):
        return None  # "her husband", "him personally": not the bare object

    def person(mention: Mention | None) -> bool:
        entity = mention.entity if mention else None
        return bool(
            entity
            and entity.type == "PER"
            and not (entity.kind or "").startswith("agent")
            and entity.id != actor.entity.id
        )

    sentence_start = next((s for s, e in sentence_spans(doc.text) if s <= tokens[i].start < e), 0)
    n = bisect_left(doc.starts, tokens[i].start) - 1
    while n >= 0 and doc.mentions[n].start >= tokens[k].start - 400:
        if doc.mentions[n].start < sentence_start and person(doc.prior_actor):
            return doc.prior_actor  # the previous sentence's subject before any other person it named
        if person(doc.mentions[n]):
            return doc.mentions[n]
        n -= 1
    return None


def _agent_phrase(doc: Doc, tokens: list[Tok], j: int) -> Mention | None:
    """``dibunuh oleh kekasihnya``, ``dianiaya oleh pria itu``: the noun phrase right after the agent word that
    follows the verb (at most three words, up to a function word or punctuation) is the doer, though no entity;
    the labelling guide codes an unnamed attacker with the country of the place (the dateline's, else the page's)."""
    words = doc.lex.words
    if j >= len(tokens) or tokens[j].lower not in words.get("agent", frozenset()):
        return None
    stops = _np_stops(doc.lex)
    not_actor = (
        words.get("pronoun", frozenset())
        | words.get("not_actor", frozenset())
        | words.get("first_person", frozenset())
    )
    phrase: list[Tok] = []
    for tok in tokens[j + 1 : j + 4]:
        if (
            not _WORD.fullmatch(tok.lower)
            or tok.lower in stops
            or any(t.start <= tok.start < t.end for t in doc.times)
        ):
            break
        phrase.append(tok)
    if not phrase or phrase[0].lower in not_actor or phrase[0].lower[:1].isdigit():
        return None
    if phrase[0].lower in words.get("quantity", frozenset()):
        return None
    name = " ".join(t.lower for t in phrase)
    country = doc.home
    entity = Entity(
        id=f"agent:np:{name}:{country or ''}", name=name, type="PER", country=country, kind="agent-actor"
    )
    return Mention(phrase[0].start, phrase[-1].end, entity)


def _noun_parties(
    doc: Doc, tokens: list[Tok], j: int, clause: tuple[int, int], after: list[Mention], end: int
) -> tuple[Mention | None, Mention | None]:
    """An event noun (flag ``event_noun``: "penangkapan", "penyerangan"): "N X terhadap Y" — X acts on Y; "N X oleh Z",
    "N X dilakukan Z" — Z acts on X; "N X" alone — X is acted on and the actor is left to the caller (the authorities
    for an arrest). The noun's own words ("penyerangan KKB") never reach past the clause."""
    words = doc.lex.words
    owner = _right_after(doc, after, end, words.get("agent_head", frozenset()))
    if owner is not None and owner.entity.kind == "agent-actor":
        owner = (
            None  # "penangkapan tersangka ...", "penyerangan pekerja oleh X": an unnamed group is no party
        )
    target = _after_word(doc, tokens, j, words.get("noun_target", frozenset()), clause[1])
    agent = (
        None  # right after "oleh" or "dilakukan (oleh)", past collective heads ("dilakukan tim Densus 88")
    )
    joiners = words.get("agent", frozenset()) | words.get("noun_agent", frozenset())
    for k in range(j, len(tokens)):
        if tokens[k].lower in joiners:
            agent = _right_after(
                doc,
                [m for m in after if m.start >= tokens[k].end],
                tokens[k].end,
                words.get("agent_head", frozenset()) | joiners,
            )
            break
    doer = owner or agent  # "serangan udara yang dilancarkan Israel ke Gaza": the one named after the joiner
    if target is None and doer is not None:
        # "serangan Rusia ke Ukraina": a ``noun_target_next`` word counts only right after the one acting, not
        # further on ("korban serangan KKB di Kampung X , ke Kabupaten Mimika": where the bodies were taken); a
        # ``noun_target_area`` word may stand between ("agresi Israel ke wilayah Gaza")
        nxt = next((m for m in after if m.start >= doer.end), None)
        gap = doc.text[doer.end : nxt.start].lower().split() if nxt is not None else []
        if gap and gap[0] in words.get("noun_target_next", frozenset()) and (
            len(gap) == 1 or (len(gap) == 2 and gap[1] in words.get("noun_target_area", frozenset()))
        ):
            target = nxt
    if target is not None and target is not owner:
        return owner or agent, target
    if agent is not None and agent is not owner:
        return agent, owner
    return None, owner


def _owner_parties(doc: Doc, after: list[Mention], end: int) -> tuple[Mention | None, Mention | None]:
    """A noun naming an act with its owner right after it (flag ``owner``: "kecaman Indonesia terhadap Israel",
    "kunjungan Prabowo ke Moskow", "desakan DPR agar pemerintah ..."): the owner acts; the one acted on is the name
    right after one ``owner_target`` word ("terhadap", "kepada", "ke", "agar") that follows the owner."""
    from warta.nlp.actors import actor_data

    words = doc.lex.words
    owner = _right_after(doc, after, end, words.get("agent_head", frozenset()))
    first = next((m for m in after if m.start >= end), None)
    titles = actor_data(doc.lang).role_words
    if owner is None and first is not None:
        # "permintaan Ketua DPR": a capitalised title before the body it heads
        gap = doc.text[end : first.start].split()
        if 0 < len(gap) <= 3 and all(w[:1].isupper() and w.lower() in titles for w in gap):
            owner = first
    if owner is None or owner.entity.kind == "agent-actor":
        return None, None  # "dukungan masyarakat", "kunjungan wisatawan": an unnamed group's act is no party's
    for m in after:
        # "seruan Sekretaris Jenderal PBB Antonio Guterres": the person the body's title goes with is the owner
        if m.start >= owner.end and m.entity.type == "PER":
            gap = doc.text[owner.end : m.start].split()
            if len(gap) <= 3 and all(w[:1].isupper() and w.lower() in titles for w in gap):
                owner = m
            break
    rest = [m for m in after if m.start >= owner.end and m.entity is not owner.entity]
    nxt = rest[0] if rest else None
    gap = doc.text[owner.end : nxt.start].lower().split() if nxt is not None else []
    if len(gap) == 1 and gap[0] in words.get("owner_target", frozenset()):
        return owner, nxt
    if (owner.entity.kind or "").startswith("agent"):
        return None, None  # "imbauan gubernur", "dukungan militer terhadapnya": a generic body acting on no one named
    return owner, None


_NAMELY_GAP = re.compile(r"\s*(?:,\s*)?(?:dan|serta|,)(?:\s+[A-Z][\w.'’-]*){0,4}\s*", re.IGNORECASE)


def _namely(doc: Doc, tokens: list[Tok], i: int, j: int, actor: Mention) -> list[Mention]:
    """Indonesian and Malay: a group named after the verb, then the names it stands for after a comma and a ``namely``
    word ("mendesak sekutu-sekutunya , yakni Jepang dan Korea Selatan", "menangkap dua tersangka , yaitu X dan Y"):
    those names are the ones acted on, one event each. Not for witnesses ("memeriksa tiga saksi , yakni X"), and
    not across another name or a verb before the comma."""
    words = doc.lex.words
    namely = words.get("namely", frozenset())
    quantities = words.get("quantity", frozenset())
    if any(t.lower in words.get("witness", frozenset()) or t.lower in quantities for t in tokens[i + 1 : j]):
        return []
    k = j
    while k < len(tokens) and k < j + 6 and tokens[k].lower != ",":
        word = tokens[k].lower
        if (
            word in words.get("witness", frozenset())
            or word in quantities
            or word[:1].isdigit()
            or _prefixed_verb(doc, word)
            or word in _function_words(doc)
        ):
            return []  # "dua tersangka , yakni ...": a counted group is unnamed people (labelling guide), as before
        k += 1
    if k >= len(tokens) or k == i + 1 or k + 1 >= len(tokens) or tokens[k + 1].lower not in namely:
        return []  # the group is named after the verb or inside the pattern ("menangkap * tersangka")
    if any(
        not (m.entity.kind or "").startswith("agent") for m in doc.mentions_in(tokens[i].end, tokens[k].start)
    ):
        return []
    start = tokens[k + 1].end
    following = [m for m in doc.mentions_in(start, len(doc.text)) if not (m.entity.kind or "").startswith("agent")]
    if not following or not _TITLE_GAP.fullmatch(doc.text[start : following[0].start]):
        return []
    out = [following[0]]
    for m in following[1:]:
        if m.start < out[-1].end:
            continue
        if not _NAMELY_GAP.fullmatch(doc.text[out[-1].end : m.start]) or m.entity.id in {o.entity.id for o in out}:
            break
        out.append(m)
    return [m for m in out if m.entity.id != actor.entity.id][:6]


def _titled_agent(doc: Doc, mentions: list[Mention], end: int) -> Mention | None:
    """The agent of an Indonesian or Malay passive with no "oleh", named with a title right after the verb
    ("dikritik Ketua DPR Puan Maharani", "dikecam Presiden Rusia Vladimir Putin", "ditolak Presiden Joko Widodo"):
    the person the title goes with, else the body it names."""
    from warta.nlp.actors import actor_data

    first = next((m for m in mentions if m.start >= end), None)
    if first is None:
        return None
    titles = actor_data(doc.lang).role_words
    gap = doc.text[end : first.start].split()
    following = [m for m in mentions if m.start >= first.end]
    if (
        first.entity.type == "ORG"
        and 2 < len(gap) <= 9
        and gap[0][:1].isupper()
        and gap[0].lower() in titles
        and gap[-1] == "("
        and all(w[:1].isupper() or w in ("dan", ",") for w in gap[1:-1])
        and following
        and following[0].entity.type == "PER"
        and doc.text[first.end : following[0].start].strip() == ")"
    ):
        return following[0]  # "Menteri Energi dan Sumber Daya Mineral (ESDM) Jero Wacik": the minister
    if not gap or len(gap) > 3 or not all(w[:1].isupper() and w.lower() in titles for w in gap):
        return None
    if (
        first.entity.type in ("LOC", "ORG")
        and following
        and following[0].entity.type == "PER"
        and _TITLE_GAP.fullmatch(doc.text[first.end : following[0].start])
    ):
        return following[0]  # "Ketua DPR Puan Maharani": the chair, not the house
    return first


def _not_followed(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The mentions less those naming whose followers a group is ("Unjuk rasa massa Prabowo - Hatta ...", "menangkap
    simpatisan Partai X"): the name after a ``supporter`` word, and a running mate joined to it by a dash, is not the
    one acted on."""
    supporters = doc.lex.words.get("supporter", frozenset())
    out: list[Mention] = []
    last_followed: Mention | None = None
    for m in mentions:
        before = doc.text[max(0, m.start - 30) : m.start]
        words = before.lower().split()
        if (words and words[-1] in supporters) or (
            last_followed is not None and doc.text[last_followed.end : m.start].strip() in ("-", "–", "/")
        ):
            last_followed = m
            continue
        out.append(m)
    return out


def _owner_noun_in_passing(doc: Doc, tokens: list[Tok], i: int) -> bool:
    """An act named by its noun after a preposition, a time word or a verb ("dalam kunjungan X ke Y", "setelah
    kecaman X", "menolak desakan X"): the setting of what is told, or an act told elsewhere, not the news itself."""
    before = tokens[i - 1].lower
    words = doc.lex.words
    return (
        before in words.get("preposition", frozenset())
        or before in words.get("owner_context", frozenset())
        or before in _locative(doc)
        or _prefixed_verb(doc, before)
        or (before.startswith(("di", "ber", "ter")) and len(before) > 5 and before not in _function_words(doc))
    )


def _between(doc: Doc, mentions: list[Mention], end: int) -> tuple[Mention | None, Mention | None]:
    """``clashes between X and Y``, ``bentrokan antara X dan Y``: X is the actor, Y the recipient."""
    coordinators = doc.lex.words.get("coordinator", frozenset())
    if not mentions or len(_WORD.findall(doc.text[end : mentions[0].start])) > 3:
        return None, None
    groups: list[list[Mention]] = []  # "Israeli troops": a place word and the noun it modifies are one party
    for mention in mentions:
        if groups and not doc.text[groups[-1][-1].end : mention.start].strip():
            groups[-1].append(mention)
        else:
            groups.append([mention])
    if len(groups) < 2:
        return None, None
    first, second = groups[0][-1], groups[1][-1]
    gap = doc.text[groups[0][-1].end : groups[1][0].start]
    link = _WORD.findall(gap.lower())
    if gap.strip() == "," and doc.lang != "en":
        return first, second  # "kerja sama antara X , Y , dan Z": a list of the sides
    # "perang antara X dengan Y": Indonesian and Malay also join the two sides with "dengan" (between_link)
    links = coordinators | doc.lex.words.get("between_link", frozenset())
    if not link or link[0] not in links or len(link) > 4:
        return None, None
    return first, second


def _apposition(gap: str, gap_words: list[str]) -> bool:
    """The name follows a short object noun phrase and one comma: it names that object."""
    return gap.rstrip().endswith(",") and gap.count(",") == 1 and 0 < len(gap_words) <= 4


def _plover_type(cameo: str) -> str | None:
    plover = plover_of(cameo)
    return plover[0] if plover else None


def _reachable(
    doc: Doc,
    mentions: list[Mention],
    verb_end: int,
    plover: str | None,
    cameo: str = "",
    thing: bool = False,
    verb_start: int | None = None,
) -> list[Mention]:
    """The mentions after the verb that can be its object or complement: right after it (up to four words of
    determiners, titles or numbers between: "met Prime Minister X"), or after a complement preposition
    ("with", "against", "kepada", "terhadap"), possibly through "of" ("the leader of Hamas"). A mention after
    any other preposition is an adjunct ("in Jakarta", "di depan gedung DPR", "from the union"). The search
    stops at a comma, a reporting verb (", ujar Kapolres X", "said the army") or a content clause ("agreed on
    Monday that Russia ..."): what follows is no object of this verb. An accusation, demand or threat may name
    its target inside its content ("threatened to ban imports from Vietnam", "demanded that Russia leave"), so
    a content clause or any preposition but a locative one may come between there."""
    accuse, embedding = plover == "ACCUSE", plover in _SPEECH_ACTS
    # what is agreed on or eased ("menyepakati pengurangan", "mencabut aturan PPKM") is no party
    # (flag ``thing``: "menerapkan pembatasan jam operasional atau PJO": the measure imposed, likewise)
    agreement = plover in ("AGREE", "CONCEDE") or cameo.startswith("057") or thing
    words = doc.lex.words
    complement = words.get("complement", frozenset())
    places = _locative(doc) | words.get("destination", frozenset())  # "in", "ke": where, not whom
    if plover == "AID":  # "mengirim bantuan kemanusiaan ke Gaza": where aid is sent is who receives it
        complement = complement | words.get("destination", frozenset())
        places = _locative(doc) - complement
    fired = frozenset()
    if plover == "ASSAULT" and doc.lang != "en" and verb_start is not None:
        # "menembakkan roket ke Israel", "melancarkan serangan udara ke Gaza": where a weapon is fired is its target
        fired = words.get("destination", frozenset())
    prepositions = words.get("preposition", frozenset()) | places | complement
    stops = words.get("reporting", frozenset()) | (
        frozenset() if accuse or embedding else words.get("complementizer", frozenset())
    )
    # "menangkap tiga pemuda yang diduga terlibat pengeroyokan terhadap X": a relative clause describes the object; a
    # name inside it is no object of this verb ("that" is also a complementizer: left to the rule above)
    relative = words.get("relative", frozenset()) - words.get("complementizer", frozenset())
    out = []
    for mention in mentions:
        if mention.start < verb_end:
            out.append(mention)  # inside the pattern: "meminta Rusia (untuk) keluar"
            continue
        if any(t.start < mention.end and mention.start < t.end for t in doc.times):
            continue  # "on Thursday": a time adjunct
        gap = doc.text[verb_end : mention.start]
        gap_words = _WORD.findall(gap.lower())
        following = re.match(r"\s+(\w+)", doc.text[mention.end : mention.end + 20])
        if (
            following
            and following.group(1).lower() in stops
            and following.group(1).lower() not in words.get("relative", frozenset())
        ):
            break  # "..., Kishida said": the speaker of an attribution ("the government that ousted": a relative)
        if _apposition(gap, gap_words):
            gap = gap.rstrip().rstrip(",")  # "criticised the former president, Donald Trump"
        if (
            any(c in gap for c in ",;:")
            or any(w in stops or w in relative for w in gap_words)
            or len(gap_words) > 10
            or (
                doc.lang == "en"
                and len(gap_words) > 1
                and gap_words[0] in words.get("coordinator", frozenset())
                and gap_words[1].endswith("ed")
            )
            or doc.lang in ("id", "ms")
            and any(
                w in words.get("coordinator", frozenset()) and nxt.startswith("me") and len(nxt) > 5
                for w, nxt in zip(gap_words, gap_words[1:], strict=False)
            )
        ):
            # "welcomed the decision and urged Washington": a pattern with its own object ends at "and" + a past
            # verb, whose object follows; in Indonesian and Malay any "dan" + active me- verb ends the object
            # ("mengecam keras serangan tersebut dan mendesak Dewan Keamanan PBB")
            break
        if doc.lang in ("id", "ms") and _new_clause_subject(doc, mentions, verb_end, mention):
            break
        heads = [k for k, w in enumerate(gap_words) if w in prepositions]
        if not heads:
            # "bersepakat memperpanjang PSBB", "signed the RCEP agreement": what is agreed on is no party; a partner
            # of an agreement comes after "with"/"dengan" (or in a compound subject, see _compound_partner)
            reachable = len(gap_words) <= 4 and not (agreement and gap_words)
        else:
            k = heads[-1]
            head = gap_words[k]
            reachable = (head in complement or embedding and head not in places) and len(gap_words) - k <= 5
            if not reachable and head in fired and len(gap_words) - k <= 3:
                weapons = words.get("weapon", frozenset())
                before = _WORD.findall(doc.text[verb_start:verb_end].lower()) + gap_words[:k]
                # the weapon named between the verb and "ke", with no other preposition or verb before "ke"
                reachable = any(w in weapons for w in before) and not any(
                    w in prepositions or (w.startswith("me") and len(w) > 5) for w in gap_words[:k]
                )
        if reachable:
            out.append(mention)
    return out


def _new_clause_subject(doc: Doc, mentions: list[Mention], verb_end: int, mention: Mention) -> bool:
    """Indonesian and Malay: a name after "dan"/"serta" that is followed by its own active verb opens a new clause
    ("melarang impor unggas dan Financial Times melaporkan ...", "melarang aksi itu dan Gubernur X meminta ..."): it is
    no object of the verb before. A list of names ("mendesak Rusia dan Ukraina menghentikan ...") is left alone: the
    word before "dan" ends a name."""
    words = doc.lex.words
    end = mention.end
    for m in doc.mentions_in(mention.end, mention.end + 120):
        # "dan Kapolres Bogor AKBP Andi Santoso mengatakan": the person a title or body runs into
        if m.start >= end and _TITLE_GAP.fullmatch(doc.text[end : m.start]):
            end = m.end
        elif m.start >= end:
            break
    after = _WORD.findall(doc.text[end : end + 40].lower())[:2]
    if not after:
        return False
    verb = after[0] if not (after[0] in words.get("auxiliary", frozenset()) and len(after) > 1) else after[1]
    if not _prefixed_verb(doc, verb):
        return False
    coordinators = words.get("coordinator", frozenset())
    last = None
    for match in _WORD.finditer(doc.text[verb_end : mention.start]):
        if match.group(0).lower() in coordinators:
            last = verb_end + match.start()
    if last is None:
        return False
    before = len(doc.text[:last].rstrip())
    return not any(m.end == before for m in mentions) and not any(
        m.end == before for m in doc.mentions_in(verb_end, last)
    )


def _after_passive_auxiliary(tokens: list[Tok], i: int, lex: Lexicon) -> bool:
    """``were charged``, ``are built``: an active pattern read after a form of "be" is passive."""
    auxiliaries = lex.words.get("passive_aux", frozenset())
    word = tokens[i].lower
    if word.endswith("ing") or i == 0:
        return False
    before = tokens[i - 1].lower
    if before.endswith("ly") and i > 1:  # "was critically injured"
        before = tokens[i - 2].lower
    if before in lex.words.get("coordinator", ()) and i > 2 and tokens[i - 2].lower.endswith("ed"):
        before = tokens[i - 3].lower  # "was convicted and sentenced": both participles are passive
    return before in auxiliaries


def _compound_partner(
    doc: Doc, left: list[Mention], actor: Mention | None, titled: bool = True
) -> Mention | None:
    """``X dan Y``/``X and Y`` right before the verb: X (the first conjunct) for the actor ``Y``. ``titled`` (English,
    acts other than cooperation, and talks or joint work): Y may carry a country word as its title ("Emmanuel Macron
    and German Chancellor Olaf Scholz urged", "President Joe Biden and Chinese President Xi Jinping held talks"); other
    cooperative acts keep reading such a pair as before (measured: one GSR triple lost otherwise)."""
    if actor is None:
        return None
    k = next((n for n, m in enumerate(left) if m is actor), -1)
    if titled and k > 1 and _country_title(doc, left[k - 1], actor):
        k -= 1  # "Emmanuel Macron and German Chancellor Olaf Scholz": the country word is the second name's title
    if k <= 0:
        return None
    first = left[k - 1]
    between = doc.text[first.end : left[k].start].strip().lstrip(", ").split()
    if 1 < len(between) <= 4 and all(w[:1].isupper() for w in between[1:]):
        between = between[:1]  # "Presiden X dan Perdana Menteri Y", "X and Chancellor Y": a title before the second name
    between = [w.lower() for w in between]
    if (
        doc.lang != "en"
        and len(between) == 2
        and actor.entity.kind in ("agent", "agent-actor")
        and _REDUPLICATED.sub(r"\1", between[1]) in doc.lex.words.get("actor_noun", frozenset())
    ):
        between = between[:1]  # "Sudan dan kelompok-kelompok pemberontak menyetujui ...": the group word of the agent
    determiners = doc.lex.words.get("determiner", frozenset())
    between = [w for w in between if w not in determiners]  # "Japan and the United States"
    if len(between) != 1 or between[0] not in doc.lex.words.get("coordinator", frozenset()):
        return None
    if doc.lang == "en":
        before = [w for w in doc.text[max(0, first.start - 40) : first.start].split()[-3:] if w.lower() not in determiners]
        word = before[-1] if before else ""
        if word.islower() and word.endswith("ed") and word in doc.lex.by_first_word:
            # "Russia attacked Ukraine and Poland condemned the strike": the first name is the object of the verb
            # before it, and the second opens a clause of its own
            return None
    if doc.lang != "en" and doc.text[first.end : actor.start].lstrip().startswith(",") and not (
        k > 1 and doc.text[left[k - 2].end : left[k - 1].start].strip() == ","
    ):
        return None  # "... dalam bahasa Turki , dan Tiongkok menyebut": two clauses (a list of two has no comma)
    prepositions = doc.lex.words.get("preposition", frozenset()) | _locative(doc)
    while (
        k > 1
        and doc.text[left[k - 2].end : left[k - 1].start].strip() == ","
        and not _after_preposition(doc.text, left[k - 2].start, prepositions)
        and not _in_place_phrase(doc.text, left[k - 2].start, _locative(doc))
    ):
        k -= 1  # "Jepang, Korea Selatan dan Amerika Serikat": the list's first item (not "di kantor Kemhan, X dan Y")
    return left[k - 1]


def _person_or_country(entity: Entity) -> bool:
    """A named person or a country (not a firm, a body or a generic group)."""
    return entity.kind == "country" or (entity.type == "PER" and not (entity.kind or "").startswith("agent"))


def _country_title(doc: Doc, country: Mention, person: Mention) -> bool:
    """English: a country word that runs into a person's name over capitalised title words only ("German Chancellor
    Olaf Scholz") is that person's title, no party of its own."""
    gap = doc.text[country.end : person.start]
    return (
        doc.lang == "en"
        and country.entity.kind == "country"
        and person.entity.type == "PER"
        and not (person.entity.kind or "").startswith("agent")
        and bool(gap.strip())
        and _TITLE_GAP.fullmatch(gap) is not None
    )


def _list_partner(doc: Doc, left: list[Mention], actor: Mention) -> Mention | None:
    """``Jatim, Malang, Batu, dan Pasuruan bersepakat``: the actor heads a list of names before the verb; the
    next item is its partner in a reciprocal event."""
    k = next((n for n, m in enumerate(left) if m is actor), -1)
    if k < 0 or k + 1 >= len(left):
        return None
    second = left[k + 1]
    between = doc.text[actor.end : second.start].strip().lower()
    coordinators = doc.lex.words.get("coordinator", frozenset())
    if between == "," or between in coordinators or between.lstrip(", ") in coordinators:
        return second
    return None


@dataclass(slots=True)
class Unnamed:
    owner: Mention | None  # "three Taliban prisoners" → Taliban
    counted: bool = True  # a counted group (an object), not a content clause ("recognizes that ...")


def _counted_gift(doc: Doc, tokens: list[Tok], j: int, pattern: Pattern) -> bool:
    """Aid counted after the verb with a ``given_to`` word ("kepada", "to") after it in the same clause: the counted
    things are the aid ("dua unit helikopter", "two tankers"), the party after that word receives them."""
    plover = plover_of(pattern.cameo)
    if not plover or plover[0] != "AID":
        return False
    given_to = doc.lex.words.get("given_to", frozenset())
    for tok in tokens[j + 1 : j + 8]:
        if tok.lower in given_to:
            return True
        if tok.lower in (",", ".", ";", ":"):
            return False
    return False


def _unnamed_object(doc: Doc, tokens: list[Tok], j: int, pattern: Pattern) -> Unnamed | None:
    """The verb's object is a counted group or a content clause ("menangkap 26 orang", "warned that ..."): no
    recipient is looked for further on, except a name right after the number ("freed three Taliban prisoners").
    After "accused/alleged that" the clause's subject is the one accused, so that case is left to the usual rule."""
    if j >= len(tokens):
        return None
    word = tokens[j].lower
    if word in doc.lex.words.get("complementizer", frozenset()):
        plover = plover_of(pattern.cameo)
        if plover and plover[0] == "ACCUSE":
            return None
        # "demanded that ...", "warned that ...": the clause is what is asked or threatened, which is enough for a
        # pattern that needs an object; "recognizes that ..." (realises) is no recognition of anyone
        return Unnamed(None, counted=bool(plover) and plover[0] in _SPEECH_ACTS)
    quantities = doc.lex.words.get("quantity", frozenset())
    if (
        doc.lang != "en"
        and word in doc.lex.words.get("complement", frozenset())
        and j + 1 < len(tokens)
        and (tokens[j + 1].lower in quantities or tokens[j + 1].lower[:1].isdigit())
    ):
        j += 1  # "menyatakan keberatan dengan tiga saksi": a counted group after the verb's own preposition
        word = tokens[j].lower
    if word not in quantities and not word[:1].isdigit():
        return None
    if _counted_gift(doc, tokens, j, pattern):
        return None  # "memberikan hibah dua unit helikopter kepada Polri": what is given, the receiver follows
    if j + 1 < len(tokens) and tokens[j + 1].lower in doc.lex.words.get("measure", frozenset()):
        return (
            None  # "menjatuhkan vonis 4 tahun penjara kepada X": a length or an amount, not a counted group
        )
    if doc.lang != "en" and j + 1 < len(tokens) and tokens[j + 1].lower in doc.lex.words.get("weapon", frozenset()):
        return None  # "menembakkan sejumlah roket ke Israel": the arms fired, counted; the target is named after them
    if j + 1 < len(tokens):
        following = doc.mentions_in(tokens[j + 1].start, tokens[j + 1].end + 40)
        named = [
            m
            for m in following
            if m.start == tokens[j + 1].start
            and m.entity.kind != "agent-actor"  # "sejumlah menteri", not "dua warga"
        ]
        if named:
            return Unnamed(named[0])
        called = doc.lex.words.get("named", frozenset())
        for k in range(j + 1, min(j + 8, len(tokens) - 1)):
            if tokens[k].lower in (",", ".", ";"):
                break
            if tokens[k].lower in called:  # "seorang karyawan PT X bernama Y": the one named
                person = [m for m in doc.mentions_in(tokens[k + 1].start, tokens[k + 1].end + 60)]
                if person and person[0].start == tokens[k + 1].start and person[0].entity.type == "PER":
                    return Unnamed(person[0])
                break
    return Unnamed(None)


def _right_after(
    doc: Doc, mentions: list[Mention], end: int, heads: frozenset[str] = frozenset()
) -> Mention | None:
    """The mention right after ``end``, or after one or two ``heads`` words ("jajaran", "penyidik")."""
    first = next((m for m in mentions if m.start >= end), None)
    if first is None:
        return None
    gap = doc.text[end : first.start].lower().split()
    return first if not gap or (len(gap) <= 2 and all(w in heads for w in gap)) else None


def _counted_group(doc: Doc, tokens: list[Tok], i: int) -> bool:
    """A quantity word ("puluhan", "dua") or a number not in brackets (an age: "X ( 22 )") right before the verb,
    in its clause: an unnamed group."""
    quantities = doc.lex.words.get("quantity", frozenset())
    window = tokens[max(0, i - 5) : i]
    for k in range(len(window) - 1, -1, -1):
        word = window[k].lower
        if word in (",", ";", ":"):
            return False
        if word in quantities:
            return True
        if (
            word.replace(".", "").isdigit()  # "26", "1.200"; not "48-year-old"
            and k + 1 < len(window)
            and window[k + 1].lower.isalpha()  # "26 orang", not "Covid - 19 dinilai" or "X ( 22 ) ditahan"
            and not (k > 0 and window[k - 1].lower in ("-", "/"))
        ):
            return True
    return False


def _clause_subject(doc: Doc, left: list[Mention], start: int | None = None) -> Mention | None:
    """The first mention not after a preposition, or the person it is the title of ("Bupati Garut Dedi Supriadi":
    see ``_title_holder``); with the clause's ``start``, not inside an opening adverbial phrase closed by a comma
    (words ``opening_adverbial``: "Menyusul perdebatan antara Bupati X dan Y , Kementerian Dalam Negeri ...")."""
    prepositions = doc.lex.words.get("preposition", frozenset())
    if start is not None and left:
        start = max(start, doc.header_end)  # after "JAKARTA , KOMPAS —"
        opening = doc.text[start : left[-1].start]
        first = opening.split(None, 1)[0].lower() if opening.strip() else ""
        if first in doc.lex.words.get("opening_adverbial", frozenset()) and "," in opening:
            comma = start + opening.index(",")
            left = [m for m in left if m.start > comma]
    candidates = [m for m in left if not _after_preposition(doc.text, m.start, prepositions)]
    return _title_holder(doc, candidates) if candidates else None


def _after_relative(tokens: list[Tok], i: int, lex: Lexicon) -> bool:
    return i > 0 and tokens[i - 1].lower in lex.words.get("relative", frozenset())


def _relative_clause_verb(doc: Doc, tokens: list[Tok], i: int) -> bool:
    """English: "fighting extradition to the United States, which accuses him of ...": a verb right after "which" or
    "who" opens a relative clause about the name before it, not the content of the act before ("that" may open
    either)."""
    words = doc.lex.words
    relative = words.get("relative", frozenset()) - words.get("complementizer", frozenset())
    return doc.lang == "en" and i > 0 and tokens[i - 1].lower in relative


def _relative_opening(doc: Doc, start: int, position: int) -> int | None:
    """Indonesian and Malay: where the relative clause (a ``relative`` word, "yang", then a verb) that holds
    ``position`` opens, when one does between ``start`` and ``position`` with no punctuation after it."""
    text = doc.text[start:position]
    words = doc.lex.words
    relative = words.get("relative", frozenset())
    found = None
    for m in _WORD.finditer(text):
        if m.group().lower() in relative:
            found = m
    if found is None or any(ch in text[found.end() :] for ch in ',;:()"“”'):
        return None
    verbs = [w.lower() for w in _WORD.findall(text[found.end() :])]
    if not verbs or not (
        _passive_verb(verbs[0], words) or (verbs[0][:2] in ("me", "be", "te") and len(verbs[0]) >= 6)
    ):
        return None  # "yang baru", "yang lain": an adjective, not a clause
    return start + found.start()


def _relative_head(doc: Doc, left: list[Mention], relative_start: int) -> Mention | None:
    """``the man who kidnapped ...``, ``kelompok yang menyerang ...``: the doer is the noun right before the
    relative pronoun; when that is no entity ("the man"), there is no actor rather than an earlier name."""
    before = [m for m in left if m.end <= relative_start]
    # a short form in brackets may stand between, or be the name ("kelompok separatis bersenjata ( KSB ) yang ...")
    if before and _BRACKETED.sub("", doc.text[before[-1].end : relative_start]).strip(" )") in ("", ","):
        head = before[-1]
        if head.entity.type == "LOC" and _after_preposition(doc.text, head.start, _locative(doc)):
            return None  # "serangan ... di Jalur Gaza yang menewaskan ...": the place of what the clause is about
        return head
    return None


_BRACKETED = re.compile(r"^\s*\([^()]{1,40}\)")


_MEDIATE = "045"  # CAMEO "mediate"


def _participle_after_comma(doc: Doc, tokens: list[Tok], i: int) -> bool:
    """An -ing verb (English) or an active me- verb (Indonesian, Malay) right after the comma that closes a clause
    ("..., accusing her of ...", "menghantam kota Rafah pada Sabtu, menewaskan 30 orang") shares that clause's
    subject, not the object named last."""
    word = tokens[i].lower
    if doc.lang == "en":
        if not word.endswith("ing"):
            return False
    elif doc.lang not in ("id", "ms") or not (word.startswith("me") and len(word) > 5):
        return False
    k = i - 1
    while k >= 0 and tokens[k].lower.endswith("ly"):
        k -= 1  # ", publicly accusing ..."
    return k >= 0 and tokens[k].lower == "," or k < 0 and doc.text[: tokens[i].start].rstrip().endswith(",")


def _after_infinitive(tokens: list[Tok], i: int, lex: Lexicon) -> bool:
    """``... to meet``, ``... untuk bertemu``: a purpose infinitive shares the subject of the verb before it."""
    return i > 0 and tokens[i - 1].lower in lex.words.get("infinitive", frozenset())


def _after_coordinator(tokens: list[Tok], i: int, lex: Lexicon) -> bool:
    """``X accused A and warned B``: a verb right after "and"/"dan" shares the subject of the verb before it."""
    coordinators = lex.words.get("coordinator", frozenset())
    return i > 0 and tokens[i - 1].lower in coordinators


def _function_words(doc: Doc) -> frozenset[str]:
    """Words that never sit inside a title + name phrase ("to", "and", "di", "yang")."""
    kinds = (
        "preposition",
        "verb_marker",
        "coordinator",
        "relative",
        "complement",
        "complementizer",
        "locative",
        "conjunction",
    )
    return frozenset().union(*(doc.lex.words.get(k, frozenset()) for k in kinds))


def _locative(doc: Doc) -> frozenset[str]:
    return doc.lex.words.get("locative", frozenset())


def _subject(doc: Doc, left: list[Mention], verb_start: int, clause: tuple[int, int]) -> Mention | None:
    """The actor before the verb (see module doc for the rules). A name after "of" heads no prepositional phrase
    of its own: "Supporters of Evo Morales staged ...", "Hundreds of protesters rallied ..." act; a place does not
    ("the streets of Tehran")."""
    prepositions = doc.lex.words.get("preposition", frozenset()) - doc.lex.words.get("genitive", frozenset())
    relative = doc.lex.words.get("relative", frozenset())
    reporting = doc.lex.words.get("reporting", frozenset())
    locative = _locative(doc)
    genitive = doc.lex.words.get("genitive", frozenset())
    candidates = [
        m
        for m in left
        if not _after_preposition(doc.text, m.start, prepositions)
        and not (doc.lang == "en" and _conjunct_after_preposition(doc, left, m, prepositions))
        and not (m.entity.type == "LOC" and _after_preposition(doc.text, m.start, genitive))
        and not (m.entity.type == "LOC" and _in_place_phrase(doc.text, m.start, locative))
        and not (
            _after_preposition(doc.text, m.start, reporting)  # ", lanjut Bagus ,": the speaker
            and not _reported_after(doc, m.start)  # not "The Pentagon said Iran attacked": what was said
        )
    ]
    barrier = _last_reporting_verb(doc, clause[0], verb_start)
    if barrier is not None:
        # "X mengatakan , para pebalap akan menemui ...": the speaker is not the subject of what is reported
        candidates = [m for m in candidates if m.start >= barrier]
    if not candidates:
        return None
    nearest = candidates[-1]
    if (
        doc.lang != "en"
        and nearest.entity.type == "LOC"
        and len(candidates) > 1
        and candidates[-2].entity.kind == "agent"  # a state body, not "nelayan Vietnam": the place says whose
        and not doc.text[candidates[-2].end : nearest.start].strip()
    ):
        nearest = candidates[-2]  # "Gubernur Jawa Barat meminta", "Polisi Malaysia menangkap": the place's office
    if (
        doc.lang != "en"
        and nearest.entity.type == "LOC"
        and nearest.entity.kind != "country"
        and len(candidates) > 1
        and candidates[-2].entity.type == "ORG"
        and not (candidates[-2].entity.kind or "").startswith("agent")
        and _BRACKETED.sub("", doc.text[candidates[-2].end : nearest.start]).strip(" )") in ("", "se-", "se")
    ):
        # "Partai Amanat Nasional (PAN) Sulawesi Selatan menyatakan", "PAN se-Sulawesi Selatan siap": the body's
        # branch in that region acts, not the region
        nearest = candidates[-2]
    if doc.lang != "en":
        opened = _relative_opening(doc, clause[0], nearest.start)
        if opened is not None:
            # "Polisi yang menyelidiki kasus Budi menangkap Andi": Budi sits in the relative clause about the police;
            # the head before "yang" is the subject of the main verb, or no one ("Kasus yang menjerat Budi ...")
            return _relative_head(doc, candidates, opened)
    between = doc.text[nearest.end : verb_start]
    if "," not in between:
        return nearest
    before = doc.text[clause[0] : nearest.start].rstrip()
    after_comma = between.split(",", 1)[1].strip().lower().split()
    if before.endswith(",") and nearest.entity.type == "LOC" and len(candidates) > 1:
        previous = candidates[-2]
        if not doc.text[previous.end : nearest.start].strip(" ,"):
            return (
                previous  # "Pemerintah Kota Kediri , Jawa Timur , mewajibkan": the place says where
            )
    if (
        doc.lang != "en"
        and before.endswith(",")
        and (nearest.entity.kind or "").startswith("agent")
        and len(candidates) > 1
        and candidates[-2].entity.type in ("PER", "ORG")
        and not (candidates[-2].entity.kind or "").startswith("agent")
        and doc.text[candidates[-2].end : nearest.start].strip() == ","
    ):
        return candidates[-2]  # "Adnan Buyung Nasution , pengacara senior , menyatakan": the job describes the name
    if before.endswith(",") or (after_comma and after_comma[0] in relative):
        return nearest  # apposition (", Elliott Abrams, telah ...") or relative clause (", yang berjanji")
    if doc.lang != "en" and not after_comma and "," not in doc.text[candidates[0].start : nearest.start]:
        return nearest  # "Menteri Luar Negeri Retno Marsudi , menyatakan": a title and its name, then a comma
    return _title_holder(doc, candidates)


def _title_holder(doc: Doc, candidates: list[Mention]) -> Mention:
    """The first candidate, or the person it is the title of: "Presiden Palestina Mahmud Abbas , di Kairo , mendesak
    ...", "Russian Foreign Minister Sergei Lavrov, in Moscow, accused ...": a generic title word or a country that
    runs into a person's name with only capitalised words between is that person's title, not a party of its own."""
    first = candidates[0]
    if first.entity.type == "PER":
        return first
    for m in candidates[1:]:
        if not _TITLE_GAP.fullmatch(doc.text[first.end : m.start]):
            break
        if m.entity.type == "PER":
            return m
        if m.entity.type != "LOC" and not (m.entity.kind or "").startswith("agent"):
            break
        first = m
    return candidates[0]


def _last_reporting_verb(doc: Doc, start: int, end: int) -> int | None:
    """End of the last reporting verb followed by a comma or "that"/"bahwa" between ``start`` and ``end``."""
    reporting = doc.lex.words.get("reporting", frozenset())
    found = None
    for match in re.finditer(r"[^\W\d_]+", doc.text[start:end]):
        if match.group(0).lower() in reporting:
            after = doc.text[start + match.end() : start + match.end() + 8].lstrip().lower()
            complement = doc.lex.words.get("complementizer", frozenset())
            if after.startswith(",") or any(after.startswith(w + " ") for w in complement):
                found = start + match.end()
            elif match.group(0).lower() in doc.lex.words.get("bare_reporting", ()) and _reported_subject(
                doc, start + match.end()
            ):
                # "The Pentagon said Iran attacked ...": what it said, with no "that"
                found = start + match.end()
    return found


_WEEKDAYS_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august"
    " september october november december".split()
)


def _reported_after(doc: Doc, start: int) -> bool:
    """English: the name at ``start`` follows a bare reporting verb ("said") that itself follows its subject, not a
    comma or a quote (", said Lavrov"): the name opens what was said ("said the gunmen attacked": over an article)."""
    before = doc.text[max(0, start - 60) : start].rstrip()
    word = re.search(r"([^\W\d_]+)$", before)
    if word is not None and word.group(1).lower() in _ARTICLES:
        before = before[: word.start()].rstrip()
        word = re.search(r"([^\W\d_]+)$", before)
    if word is None or word.group(1).lower() not in doc.lex.words.get("bare_reporting", ()):
        return False
    prior = before[: word.start()].rstrip()
    return bool(prior) and prior[-1].isalnum()


def _reported_subject(doc: Doc, end: int) -> bool:
    """English: the word after a bare reporting verb opens a reported clause's subject: a capitalised name (not a
    day or month: "said Monday") or an article ("said the attack ...")."""
    word = re.match(r"\s+([^\W\d_]+)", doc.text[end : end + 40])
    if word is None:
        return False
    w = word.group(1)
    if w.lower() in _ARTICLES:
        return True
    return (
        w[:1].isupper()
        and w.lower() not in _WEEKDAYS_MONTHS
        and w.lower() not in doc.lex.words.get("pronoun", ())
    )


def _in_place_phrase(text: str, start: int, locative: frozenset[str]) -> bool:
    """``di wilayah Purwokerto``, ``in the city of Ramadi``, ``di Desa Wadas , Distrik Sugapa , Kabupaten X``: a place
    within six words after a locative preposition says where, not who."""
    before = re.split(r"[.!?;:\n]", text[max(0, start - 120) : start])[-1]  # within the sentence only
    segments = before.split(",")  # "di Kampung A , Distrik B , Kabupaten C": a list of places
    for n, segment in enumerate(reversed(segments[-4:])):
        cased = segment.split()
        words = [w.lower() for w in cased]
        if n and words and words[-1] in _WEEKDAYS_MONTHS:
            # "Hamas fired rockets at Israel on Saturday, and Israel responded": a time ends a clause, not a place
            return False
        if any(w in locative for w in words[-6:]):
            return True
        if len(words) > 4:
            return False  # a longer stretch is no item of a place list
        if len(words) > 1 and any(w[:1].islower() for w in cased[1:]):
            # "Speaking in Kyiv on Tuesday, Zelensky accused Russia": a clause, no item of a place list
            return False
        if len(cased) == 1 and cased[0][:1].islower() and _verb_like(cased[0]):
            # "Lavrov , di Moskow , menuduh Amerika Serikat", "Lavrov, in Moscow, accused Russia": the verb after the
            # adjunct opens the clause; what follows it is no item of a place list
            return False
    return False


def _verb_like(word: str) -> bool:
    """An Indonesian or Malay active verb (me-, ber-) or an English past form, never a place class ("kecamatan",
    "distrik", "city")."""
    return len(word) >= 6 and (word[:2] in ("me", "be") or word.endswith("ed"))


def _conjunct_after_preposition(
    doc: Doc, left: list[Mention], mention: Mention, prepositions: frozenset[str]
) -> bool:
    """``near Seventh Street and Central Avenue``: the second name of a pair joined by "and" (or "or") whose first
    name follows a preposition is that preposition's object too, no subject of the verb after it."""
    before = [m for m in left if m.end <= mention.start]
    if not before:
        return False
    first = before[-1]
    between = doc.text[first.end : mention.start].strip().lower()
    # (not after "from": "Troops from Chad and Niger attacked" are the troops of both, and each acts)
    return between in ("and", "or", ", and") and _after_preposition(doc.text, first.start, prepositions - {"from"})


def _after_preposition(text: str, start: int, prepositions: frozenset[str]) -> bool:
    """The word before (skipping a number: "untuk 5.000 orang", "of 12 people", or an article: "in the Cabinet
    Room") is a preposition."""
    words = text[max(0, start - 30) : start].lower().split()
    if len(words) > 1 and (words[-1][:1].isdigit() or words[-1] in _ARTICLES):
        words = words[:-1]
    return bool(words) and words[-1] in prepositions


def _in_relative_subject(text: str, lex: Lexicon) -> bool:
    """``pesawat yang membawa ...``: the verb sits in a relative clause of a subject that is not an entity."""
    words = text.lower().split()
    return bool(words) and words[-1] in lex.words.get("relative", frozenset())


_TITLE_GAP = re.compile(r"(?:\s+[A-Z][\w.'’-]*){0,4}\s*")


def _after_word(doc: Doc, tokens: list[Tok], j: int, words: frozenset[str], end: int) -> Mention | None:
    """The first mention after one of ``words`` ("by", "oleh") later in the clause. "by changing its name": a
    gerund after the word says how, and a name after it is no agent. A conditional word ("apabila", "if") before
    the word opens a condition clause: "akan dinonaktifkan apabila ditetapkan oleh KPK sebagai tersangka" names who
    would name him a suspect, not who would dismiss him."""
    conditional = doc.lex.words.get("conditional", frozenset())
    for k in range(j, len(tokens)):
        if tokens[k].lower in conditional:
            return None
        if tokens[k].lower in words:
            following = doc.mentions_in(tokens[k].end, end)
            if not following or following[0].start - tokens[k].end >= 60:
                continue
            gap = _WORD.findall(doc.text[tokens[k].end : following[0].start].lower())
            if (
                doc.lang == "en"
                and gap
                and gap[0].endswith("ing")
                and len(gap[0]) > 5
                and gap[0] not in doc.lex.words.get("adjective_ing", frozenset())  # "by the ruling party"
            ):
                continue
            if any(w in _locative(doc) or w in doc.lex.words.get("destination", ()) for w in gap):
                continue  # "dibunuh oleh kekasihnya di Bekasi": a place after "di" is where, not who
            if tokens[k].lower in doc.lex.words.get("agent", ()) and any(
                w in doc.lex.words.get("relative", ()) for w in gap
            ):
                # "ditentang oleh kelompok yang berseberangan dengan Ketua Umum X": an unnamed group described by a
                # relative clause; the name inside that clause is no agent
                continue
            first = following[0]
            if (
                first.entity.type == "LOC"
                and len(following) > 1
                and following[1].entity.type == "PER"
                and _TITLE_GAP.fullmatch(doc.text[first.end : following[1].start])
            ):
                # "oleh Presiden Prancis Emmanuel Macron", "by Australian Foreign Minister Penny Wong": the country
                # is the title's
                return following[1]
            if first.entity.type == "ORG" and doc.lang != "en":
                # "didukung oleh Menteri ESDM Jero Wacik", "dikritik oleh Ketua DPR Puan Maharani": the body is in
                # the title of the person named after it
                titled = _titled_agent(doc, following, tokens[k].end)
                if titled is not None:
                    return titled
            if (
                first.entity.type == "LOC"
                and len(following) > 1
                and (following[1].entity.kind or "").startswith("agent")
                and not doc.text[first.end : following[1].start].strip()
            ):
                return following[1]  # "by Russian police", "by a Moscow court": the place word says whose
            return first
    return None


def _first_other(
    mentions: list[Mention],
    actor: Mention | None,
    text: str = "",
    locative: frozenset[str] = frozenset(),
    function_words: frozenset[str] = frozenset(),
    floor: int = 0,
    clause_verbs: bool = False,
) -> Mention | None:
    """The first mention of ``mentions`` that can be the one acted on. ``floor``: where the verb starts; a locative
    word before it says where the subject is ("Officials in Kyiv accused Russia"), not where a name after it is.
    ``clause_verbs`` (Indonesian and Malay): a body followed by its own verb is no title of the name after that
    ("meminta polisi segera memeriksa Andi": the police are asked, Andi is in what is asked)."""
    for k, mention in enumerate(mentions):
        if actor is not None and _same_side(actor.entity, mention.entity):
            continue
        if mention.entity.kind == "agent-actor":
            return None  # "menangkap ratusan pelajar": a generic civilian group, too vague to code as a recipient
        if mention.entity.kind == "agent" and not mention.entity.country:
            continue  # "menarik pasukan dari ...": whose troops is not said
        window = max(floor, mention.start - 120)
        if mention.entity.type == "LOC" and _in_place_phrase(
            text[window : mention.start], mention.start - window, locative
        ):
            continue  # "di Kampung Waru , Kabupaten Nduga", "in Ankara": where it happened, not to whom
        head = _head_of(mention, mentions[k + 1 :], text, function_words, clause_verbs)
        return head or mention
    return None


def _head_of(
    mention: Mention,
    following: list[Mention],
    text: str,
    function_words: frozenset[str] = frozenset(),
    clause_verbs: bool = False,
) -> Mention | None:
    """``German Chancellor Olaf Scholz``: a country word that modifies the person named right after it; not
    across a function word ("visited China to meet Xi Jinping"). A name read as an organisation that runs into a
    title ("Iraqi Prime" + "Minister Haidar Abadi", "Hamas leader Ismail Haniyeh") heads to the person in the
    same way."""
    if mention.entity.type not in ("LOC", "ORG") or not following:
        return None
    nxt = following[0]
    gap = text[mention.end : nxt.start]
    if mention.entity.type == "ORG" and (nxt.entity.type != "PER" or len(gap.split()) > 2):
        return None
    if clause_verbs and any(_verb_like(w) or (w.startswith("di") and len(w) >= 6) for w in _WORD.findall(gap.lower())):
        return None  # "meminta KPK segera memeriksa Budi": a verb between, Budi is no holder of a KPK title
    if (
        nxt.entity.type in ("PER", "ORG")
        and not any(w in function_words for w in _WORD.findall(gap.lower()))
        and not (nxt.entity.kind or "").startswith("agent")
        and len(gap) <= 40
        and not any(c in gap for c in ",.;()")
    ):
        return nxt
    return None


def _same_side(a: Entity, b: Entity) -> bool:
    return a.id == b.id or (
        a.type == "LOC" and b.type == "LOC" and a.country is not None and a.country == b.country
    )


def _foreign(a: Entity, b: Entity) -> bool:
    return a.country is not None and b.country is not None and a.country != b.country


def _paragraph_recipient(
    doc: Doc, actor: Mention, verb_end: int, sentence: tuple[int, int], domestic: bool = False
) -> Mention | None:
    """For a cooperative event with no recipient in its clause: the first other country named later in the
    sentence or the next sentence ("... dibangun oleh eksportir Rusia. Pusat ini ... melatih pilot Venezuela").
    Only for a named actor outside quotes: a generic one ("warga membangun desa") is too vague to link that far."""
    if (actor.entity.kind or "").startswith("agent") or _inside_quote(doc, verb_end):
        return None  # a quote's words are the speaker's; the next sentence is the reporter's
    end = doc.text.find(".", sentence[1] + 1)
    end = len(doc.text) if end < 0 else end
    paragraph_end = doc.text.find("\n\n", verb_end)
    if paragraph_end >= 0:
        end = min(end, paragraph_end)
    for mention in doc.mentions_in(verb_end, end):
        if mention.entity.country and _foreign(actor.entity, mention.entity):
            return mention
    if doc.lang == "en" or not domestic:
        return None
    # Indonesian and Malay: "Densus 88 menyerahkan bukti ... . Bukti itu diterima Komnas HAM": a state body named
    # later in the sentence or the next one (not a place, not the actor's side) is the partner
    for mention in doc.mentions_in(verb_end, end):
        entity = mention.entity
        if (
            entity.type in ("ORG", "PER")
            and entity.role in _STATE_ROLES
            and not (entity.kind or "").startswith("agent")
            and not _same_side(actor.entity, entity)
            and entity.id != actor.entity.id
            and not _after_preposition(doc.text, mention.start, _locative(doc))  # "di Istana Merdeka": where
            # "didukung oleh Menteri ESDM Jero Wacik": the body in the actor's own title is no partner
            and not (
                mention.end <= actor.start and _TITLE_GAP.fullmatch(doc.text[mention.end : actor.start].lstrip(" )"))
            )
        ):
            return mention
    return None


def _quote_speaker(doc: Doc, tokens: list[Tok], i: int) -> Mention | None:
    """Inside a direct quote, a first-person subject ("kami", "we") is the speaker's side; in Indonesian and Malay also
    inside speech attributed with no quotation marks."""
    first_person = doc.lex.words.get("first_person", frozenset())
    if not any(t.lower in first_person for t in tokens[max(0, i - 3) : i]):
        return None
    # then speech with no quotation marks ("Saya mendukung keputusan itu , kata X .": marks lost in a flattened or
    # tokenised text) or reported ("X mengatakan kami akan ..."): the first person is still the speaker's side
    for start, end, speaker in (*doc.quotes, *(doc.speeches if doc.lang != "en" else ())):
        if start <= tokens[i].start < end and speaker in doc.entities:
            entity = doc.entities[speaker]
            return (
                Mention(entity.mentions[0].start, entity.mentions[0].end, entity) if entity.mentions else None
            )
    return None


def _quote_end(doc: Doc, position: int) -> int | None:
    return next((end for start, end, _ in doc.quotes if start <= position < end), None)


def _inside_quote(doc: Doc, position: int) -> bool:
    return any(start <= position < end for start, end, _ in doc.quotes)


def _refine(doc: Doc, cameo: str, sentence: tuple[int, int]) -> tuple[str, str]:
    """A generic code (``060``) becomes the context-specific one (``062`` military) when the sentence says so."""
    plover = plover_of(cameo)
    context = plover[2] if plover else ""
    if context and not cameo.endswith("0"):  # 030, 060, 100 ...: the generic code of a family
        return cameo, context
    sentence_text = f" {doc.text[sentence[0] : sentence[1]].lower()} "
    for ctx, words in doc.lex.context:
        if any(
            f" {w} " in sentence_text
            or f" {w}-" in sentence_text
            or f" {w}," in sentence_text
            or f" {w}." in sentence_text
            for w in words
        ):
            specific = _code_with_context(cameo, ctx)
            return specific or cameo, ctx
    return cameo, context


def _code_with_context(cameo: str, context: str) -> str | None:
    root, plover = cameo[:2], plover_of(cameo)
    if plover and plover[2] == context:
        return cameo  # "clashed with ... troops": 190 is already the military code
    options = [
        code
        for code, (kind, _, ctx) in cameo_table().items()
        if code.startswith(root)
        and ctx == context
        and len(code) <= len(cameo) + 1
        and (plover is None or kind == plover[0])  # never another type: 190 ASSAULT is no 191 blockade
    ]
    return min(options, key=lambda code: (len(code), code)) if options else None


def _date(doc: Doc, clause: tuple[int, int], sentence: tuple[int, int], verb_start: int) -> str | None:
    """The time expression nearest the verb in its clause, else its sentence; a time after publication is what
    was agreed or planned for ("sepakat memperluas latihan pada tahun depan"), never when the event happened."""
    relatives = _relative_spans(doc, sentence) if doc.lang != "en" else []
    for start, end in (clause, sentence):
        inside = [
            t
            for t in doc.times
            if start <= t.start < end
            and not _after_publication(t, doc.published)
            # "menangkap Budi , yang tahun lalu menipu warga , ...": the time of a relative clause is its own
            and not any(a <= t.start < b and not a <= verb_start < b for a, b in relatives)
        ]
        if inside:
            return min(inside, key=lambda t: abs(t.start - verb_start)).value
    return None


def _relative_spans(doc: Doc, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """The relative clauses of a sentence: from a ``relative`` word ("yang") to the next comma or the sentence end."""
    relative = doc.lex.words.get("relative", frozenset())
    tokens = doc.clause_tokens(*sentence)
    spans = []
    for k, tok in enumerate(tokens):
        if tok.lower in relative:
            end = next((t.start for t in tokens[k + 1 :] if t.lower in (",", ";")), sentence[1])
            spans.append((tok.start, end))
    return spans


def _after_publication(time: Timex, published: str | None) -> bool:
    """Whether the earliest day ``time`` can denote lies after the publication date."""
    if not published or len(published) < 10:
        return False
    value = time.value
    if time.precision == "week":
        try:
            first = date.fromisocalendar(int(value[:4]), int(value[6:8]), 1).isoformat()
        except ValueError:
            return False
    else:
        first = (value + "-01-01")[:10] if time.precision in ("year", "month") else value[:10]
    return first > published[:10]


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
    synthetic = entity.id.startswith("agent:")
    return Party(
        name=entity.name, entity=None if synthetic else entity.id, country=entity.country, role=entity.role
    )


def _drop_restated(events: list[Event]) -> list[Event]:
    """Indonesian and Malay leads restate their event ("Polisi menangkap X ... . Penangkapan dilakukan ...", "hakim
    menjatuhkan vonis bagi X ... . Majelis hakim ... memutuskan menjatuhkan pidana ..."): a later event of the same
    CAMEO code, by the same actor or one of the same country, with no recipient, adds nothing to an earlier one that
    named its recipient, and is left out (the labelling guide codes a restated event once); so is a later protest by an
    unnamed crowd or group after any protest."""
    out: list[Event] = []
    for event in events:
        if (
            event.type == "PROTEST"
            and event.recipient is None
            and event.actor.entity is None
            and any(e.type == "PROTEST" for e in out)
        ):
            continue  # "Mahasiswa menggelar unjuk rasa ... . Unjuk rasa itu berlangsung damai": the same protest
        if (
            event.recipient is not None
            and event.actor.entity is None
            and any(
                e.type == event.type
                and e.cameo == event.cameo
                and e.actor.entity is not None
                and e.recipient is not None
                and (e.recipient.entity or e.recipient.name) == (event.recipient.entity or event.recipient.name)
                and e.actor.country == event.actor.country
                for e in out
            )
        ):
            continue  # "KPK menahan X ... . X ditahan di Rutan KPK": the generic authority of the passive is the body named
        if event.recipient is None and any(
            e.recipient is not None
            and e.type == event.type
            and e.cameo == event.cameo  # a seizure after an arrest is another act
            and (
                e.actor.name == event.actor.name
                or (e.actor.country and e.actor.country == event.actor.country)
            )
            for e in out
        ):
            continue
        out.append(event)
    return out


def _dedupe(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for event in events:
        key = (
            event.type,
            event.actor.entity
            or (event.actor.name, event.actor.country),  # "the Russian and Syrian ministries"
            event.recipient.entity if event.recipient else None,
            event.evidence.start,
        )
        if key not in seen:
            seen.add(key)
            out.append(event)
    # "summoned China's ambassador to protest the incident": the same act by the same actor told again in its clause
    # with no one named is the act already coded with its recipient
    told = {(e.type, e.actor.entity or (e.actor.name, e.actor.country), e.evidence.start) for e in out if e.recipient}
    return [
        e
        for e in out
        if e.recipient or (e.type, e.actor.entity or (e.actor.name, e.actor.country), e.evidence.start) not in told
    ]
