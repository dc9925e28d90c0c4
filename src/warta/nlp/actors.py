"""Actor knowledge: places and their countries, canonical country names, role words, known people and organisations.

All of it is data under ``warta/resources/actors`` (see ``scripts/build_actor_data.py`` for the generated files and
their sources); per-language files (``aliases.<lang>.tsv``, ``roles.<lang>.tsv``, ``grammar.<lang>.tsv``) make a new
language a matter of data. Phrases are stored lower-cased and tokenised like ``warta.nlp.tokenize``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from warta.resources import read_lines

DATA_LANGS = {"id": "id", "ms": "ms", "en": "en"}
DEFAULT_LANG = "en"


@dataclass(frozen=True, slots=True)
class Place:
    country: str | None  # ISO 3166-1 alpha-3; None for regions (South America)
    kind: str  # country | adj | capital | city | region | org
    role: str | None = None  # for organisations named in alias files (Kremlin -> GOV)


@dataclass(frozen=True, slots=True)
class Role:
    code: str | None  # CAMEO-style agent, None for words that only shape a role phrase
    kind: str  # title | person | org | mod
    country: str | None = None  # an office only one country has ("bupati", "kapolri": IDN)


@dataclass(frozen=True, slots=True)
class Known:
    country: str | None
    role: str | None


def data_lang(lang: str | None) -> str:
    return DATA_LANGS.get((lang or "").lower().split("-")[0], DEFAULT_LANG)


def _rows(relpath: str) -> list[list[str]]:
    return [line.split("\t") for line in read_lines(relpath)]


def _code(value: str) -> str | None:
    return None if value in ("", "-") else value


class ActorData:
    """Lookups for one language (falling back to language-independent tables)."""

    def __init__(self, lang: str):
        self.lang = lang
        self.places: dict[str, Place] = {}
        self.exact_case: set[str] = set()  # all-caps short forms (AS, US) that only match as written
        self.aliases: set[str] = set()  # phrases from the hand-written alias file of this language
        for phrase, iso3, kind in _rows("actors/places.tsv"):
            self.places[phrase] = Place(_code(iso3), kind)
        for row in _rows(f"actors/aliases.{lang}.tsv"):
            phrase, iso3, kind = row[:3]
            key = phrase.lower()
            self.places[key] = Place(_code(iso3), kind, _code(row[3]) if len(row) > 3 else None)
            self.aliases.add(key)
            if phrase.isupper() and len(re.sub(r"\W", "", phrase)) <= 4:
                self.exact_case.add(phrase)
        self.exact_case_lower = frozenset(p.lower() for p in self.exact_case)
        self.max_place_len = max((len(p.split(" ")) for p in self.places), default=1)
        # first word -> the lengths (in words, longest first) of the places starting with it: a phrase look-up
        # at a token only tries lengths that exist
        self.place_lengths = _lengths_by_first_word(self.places)
        self.roles: dict[str, Role] = {}
        for row in _rows(f"actors/roles.{lang}.tsv"):
            self.roles.setdefault(
                row[0], Role(_code(row[1]), row[2], _code(row[3]) if len(row) > 3 else None)
            )
        if lang == "en":
            for phrase, code in _rows("actors/roles.en.phoenix.tsv"):
                self.roles.setdefault(phrase, Role(code, "person"))
        self.max_role_len = max((len(p.split(" ")) for p in self.roles), default=1)
        self.role_words = {w for phrase in self.roles for w in phrase.split(" ")}
        self.role_lengths = _lengths_by_first_word(self.roles)
        self.grammar = _grammar(lang)
        self._plural_rules = [
            (suffix, replacement)
            for suffix, _, replacement in (rule.partition(">") for rule in self.grammar.get("plural", []))
            if suffix
        ]
        self._singulars: dict[str, list[str]] = {}
        self._one_word_roles: dict[str, Role | None] = {}
        self._word_sets = {key: frozenset(words) for key, words in self.grammar.items()}
        verb_prefix = (self.grammar.get("verb_prefix") or [""])[0]
        self.verb_prefix = re.compile(verb_prefix) if verb_prefix else None

    def place(self, phrase: str) -> Place | None:
        return self.places.get(phrase.lower())

    def singulars(self, word: str) -> list[str]:
        """Singular forms by the language's plural suffix rules ("companies" -> "company"); do not modify."""
        out = self._singulars.get(word)
        if out is None:
            out = [
                word[: -len(suffix)] + replacement
                for suffix, replacement in self._plural_rules
                if word.endswith(suffix) and len(word) > len(suffix) + 2
            ]
            if len(self._singulars) < 100_000:  # bounded on long runs
                self._singulars[word] = out
        return out

    def one_word_role(self, word: str) -> Role | None:
        """The role of one lower-cased word as ``actor_context.longest_role`` reads it: the word, else without the
        possessive suffix ("presidennya"), else its first singular form."""
        if word in self._one_word_roles:
            return self._one_word_roles[word]
        role = self.roles.get(word)
        suffix = self.grammar.get("possessive_suffix", [])
        if role is None and suffix and word.endswith(suffix[0]):
            word_ = word[: -len(suffix[0])]
            role = self.roles.get(word_)
        else:
            word_ = word
        if role is None:
            role = next((self.roles.get(w) for w in self.singulars(word_)), None)
        if len(self._one_word_roles) < 100_000:
            self._one_word_roles[word] = role
        return role

    def words(self, key: str) -> frozenset[str]:
        return self._word_sets.get(key, frozenset())

    def is_verb(self, word: str) -> bool:
        lower = word.lower()
        if lower in self.words("not_verb"):
            return False
        if lower in self.words("verb"):
            return True
        return bool(self.verb_prefix and word.islower() and self.verb_prefix.match(lower))


def _lengths_by_first_word(phrases) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        words = phrase.split(" ")
        lengths.setdefault(words[0], set()).add(len(words))
    return {first: tuple(sorted(n, reverse=True)) for first, n in lengths.items()}


def _grammar(lang: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in _rows(f"actors/grammar.{lang}.tsv"):
        key, value = row[0], row[1] if len(row) > 1 else ""
        if key == "verb_prefix":
            out[key] = [] if value == "-" else [value]
        else:
            out[key] = [w for w in value.split() if w != "-"]
    return out


def actor_data(lang: str | None) -> ActorData:
    """The tables of ``lang``'s data language: loaded once per data language, not once per language code (every
    language without its own files shares the English tables)."""
    return _actor_data(data_lang(lang))


@cache
def _actor_data(code: str) -> ActorData:
    return ActorData(code)


actor_data.cache_clear = _actor_data.cache_clear  # type: ignore[attr-defined]


@cache
def country_names() -> dict[str, dict[str, str]]:
    """ISO3 -> {lang: name} for the canonical names of country entities."""
    out: dict[str, dict[str, str]] = {}
    for iso3, _iso2, en, id_, ms in _rows("actors/countries.tsv"):
        out[iso3] = {"en": en, "id": id_ or en, "ms": ms or en}
    return out


def country_name(iso3: str, lang: str | None) -> str:
    names = country_names().get(iso3)
    if not names:
        return iso3
    return names.get(data_lang(lang), names["en"])


@cache
def known_people() -> dict[str, Known]:
    """Full name (lower) -> country and role, from the leaders list first, then Phoenix people."""
    out: dict[str, Known] = {}
    for path in ("actors/leaders.tsv", "actors/people.tsv"):
        for name, iso3, role in _rows(path):
            out.setdefault(name, Known(_code(iso3), _code(role)))
    return out


@cache
def known_orgs() -> dict[str, Known]:
    return {name: Known(_code(iso3), _code(role)) for name, iso3, role in _rows("actors/orgs.tsv")}


@cache
def common_words(lang: str) -> frozenset[str]:
    """Words a dictionary of ``lang`` writes only in lower case (``common_words.<lang>.txt``; English only)."""
    return frozenset(read_lines(f"actors/common_words.{lang}.txt"))


@cache
def name_words(lang: str) -> frozenset[str]:
    """Words a dictionary of ``lang`` writes both in lower case and as a name ("bush", "baker"; English only)."""
    return frozenset(read_lines(f"actors/name_words.{lang}.txt"))


@cache
def leader_names() -> frozenset[str]:
    """Lower-case names in the hand-written leaders list (some leaders go by one name: "sugiono")."""
    return frozenset(row[0] for row in _rows("actors/leaders.tsv"))


@cache
def leader_surnames() -> dict[str, tuple[str, Known]]:
    """Surname (lower) -> (full name, country and role) of a leader in office since 2014 whom the surname alone
    names: no other leader and no known person of another country ends with it ("putin", "erdogan"; not
    "johnson", which many known people share)."""
    countries: dict[str, set[str | None]] = {}
    for name, iso3, _role in _rows("actors/people.tsv"):
        countries.setdefault(name.rsplit(" ", 1)[-1], set()).add(_code(iso3))
    leaders: dict[str, list[tuple[str, Known]]] = {}
    for name, iso3, role in _rows("actors/leaders.tsv"):
        if " " in name:
            leaders.setdefault(name.rsplit(" ", 1)[-1], []).append((name, Known(_code(iso3), _code(role))))
    common = {w for lang in ("en", "id", "ms") for w in read_lines(f"stopwords/{lang}.txt")}  # "May"
    out = {}
    for surname, found in leaders.items():
        names = {name for name, _known in found}
        unique = len(names) == 1 and countries.get(surname, set()) <= {found[0][1].country}
        if unique and len(surname) > 2 and surname not in common:
            out[surname] = (_title(found[0][0]), found[0][1])
    people = known_people()
    for nickname, full in nicknames().items():  # "jokowi", "xi": listed by hand, so no uniqueness test
        if full in people:
            out[nickname] = (_title(full), people[full])
    return out


@cache
def short_forms(lang: str) -> dict[str, str]:
    """Short name (lower) of a body -> its full name as written: "kejagung" -> "Kejaksaan Agung"
    (``short_forms.<lang>.tsv``)."""
    return {row[0].lower(): row[1] for row in _rows(f"actors/short_forms.{lang}.tsv")}


@cache
def states() -> dict[str, str]:
    """First-level divisions whose names are also towns or countries elsewhere: lower-case name -> ISO3."""
    return {row[0].lower(): _code(row[1]) for row in _rows("actors/states.tsv")}


@cache
def city_states() -> frozenset[str]:
    """Divisions named like a bigger city ("New York", "Washington"): no sign the text is about divisions."""
    return frozenset(row[0].lower() for row in _rows("actors/states.tsv") if row[2:] == ["city"])


@cache
def capital_short_forms(lang: str) -> frozenset[str]:
    """The short forms written in capitals ("pan", "ma"): they stand for the body only when the text writes them
    in capitals too ("Pan Gongsheng", "Jack Ma" are people)."""
    return frozenset(row[0].lower() for row in _rows(f"actors/short_forms.{lang}.tsv") if row[0].isupper())


@cache
def regional_forms(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Short body words and area names (lower) -> their full words as written: ({"polda": "Kepolisian Daerah"},
    {"jatim": "Jawa Timur"}) (``regional_forms.<lang>.tsv``; empty for a language without one)."""
    bodies: dict[str, str] = {}
    areas: dict[str, str] = {}
    for kind, short, full in _rows(f"actors/regional_forms.{lang}.tsv"):
        if kind in ("body", "area"):
            (bodies if kind == "body" else areas)[short.lower()] = full
    return bodies, areas


@cache
def unit_heads(lang: str) -> dict[str, str]:
    """Titles of a regional body's chief (lower) -> the body's short form: {"kapolres": "Polres"}."""
    return {short.lower(): full for kind, short, full in _rows(f"actors/regional_forms.{lang}.tsv") if kind == "head"}


def regional_full_name(lang: str, words: Sequence[str]) -> str | None:
    """The full name of a regional body named with short forms ("Polda Jatim" -> "Kepolisian Daerah Jawa Timur"),
    or None when no word is a short form; the other words stay as written."""
    bodies, areas = regional_forms(lang)
    if len(words) < 2 or not bodies:
        return None
    lower = " ".join(words).lower()
    if words[0].lower() not in bodies and not any(lower.startswith(full.lower() + " ") for full in bodies.values()):
        return None  # only a body's area is read in full: "PT Pupuk Kaltim" is a company's name as registered
    out, changed = [], False
    for k, word in enumerate(words):
        full = bodies.get(word.lower()) if k == 0 else areas.get(word.lower())
        if full is None:
            out.append(word)
            continue
        changed = True
        if k + 1 < len(words) and full.lower().endswith(" " + words[k + 1].lower()):
            full = full.rsplit(" ", 1)[0]  # "DKI Jakarta": the area's last word is written already
        out.append(full)
    return " ".join(out) if changed else None


@cache
def nicknames() -> dict[str, str]:
    """One-word nickname (lower) -> the leader's full name (lower): "jokowi" -> "joko widodo"."""
    return {row[0]: row[1] for row in _rows("actors/nicknames.tsv")}


_LOWER_PARTICLES = frozenset({"bin", "binti", "al", "el", "van", "von", "de", "da", "der", "la", "le", "du"})


def _title(name: str) -> str:
    """ "donald trump" -> "Donald Trump"; name particles stay lower case ("mohammed bin salman")."""
    return " ".join(
        "-".join(p if p in _LOWER_PARTICLES else p[:1].upper() + p[1:] for p in word.split("-"))
        for word in name.split(" ")
    )
