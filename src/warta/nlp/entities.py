"""Entities annotator (``nlp.entities.v1``): NER mentions of the cleaned article merged into canonical actors.

Steps over ``record.article.text`` only (boilerplate never yields entities):

1. NER mentions (``warta.nlp.ner``), titles stripped from person names ("Presiden Trump" -> "Trump", role GOV),
   plus country names, capitals and short forms the model missed, from the actor data (``warta.nlp.actors``).
2. Keys: country names, demonyms and short forms -> the country; a capital that acts ("Moskow mengkonfirmasi",
   "Washington said", "antara Moskow dan ...") -> its country, a capital as a plain place -> itself; a surname
   -> the one full name in the record that ends with it.
3. Country and role of people and organisations from the text around them (title and apposition phrases,
   "-nya"/"his" possessives, "X dan organisasi Rusia lainnya", country words inside organisation names), then from
   known people/organisations, then the dateline country for domestic roles (opposition, rebels, police, ...).

Reading the context windows lives in ``warta.nlp.actor_context``; all word lists are data (``warta.nlp.actors``).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter

from warta.model import Entity, Record, Span
from warta.nlp.actor_context import (
    COUNTRY_KINDS,
    POSSESSIVE_CLITICS,
    Cand,
    Doc,
    acts,
    longest_role,
    place_inside,
    read_after,
    read_before,
    role_or_country,
)
from warta.nlp.actors import (
    ActorData,
    Place,
    actor_data,
    capital_short_forms,
    city_states,
    common_words,
    country_name,
    known_orgs,
    known_people,
    leader_names,
    leader_surnames,
    name_words,
    nicknames,
    regional_full_name,
    short_forms,
    states,
    unit_heads,
)
from warta.nlp.timex import weekday_numbers

NAME = "nlp.entities.v1"
GAZETTEER_CONFIDENCE = 0.8
POSSESSIVE_REACH = 80  # tokens back to look for the person a possessive refers to
DOMESTIC_ROLES = frozenset({"OPP", "REB", "COP", "JUD", "LEG", "PTY", "CVL"})
# State bodies named without a country are the dateline country's ("Kementerian Perdagangan" in a Jakarta story):
# foreign ones carry their country in the name or next to it ("Kementerian Luar Negeri Rusia").
STATE_ORG_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# roles of non-state bodies: a person whose title names such a body as employer takes its role over the title's
EMPLOYER_ROLES = frozenset({"IGO", "NGO", "BUS", "MED", "EDU", "REL", "HLH", "LAB", "AGR"})
CURRENCY_SIGNS = frozenset({"$", "€", "£", "¥"})


@dataclass(slots=True)
class Evidence:
    """What the text says around the mentions of one entity."""

    countries: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    owners: list[tuple[str, str]] = field(default_factory=list)  # keys of the persons a possessive points to
    employers: list[tuple[str, str]] = field(default_factory=list)  # keys of organisations named in a title
    title_employers: list[tuple[str, str]] = field(default_factory=list)  # ... right before the title words
    # countries of the town opening a mention's sentence ("In Moscow, the Defense Ministry said")
    scenes: Counter = field(default_factory=Counter)


# --------------------------------------------------------------------------------------------- annotator


def annotator():
    from warta.pipeline import Annotator

    return Annotator(NAME, annotate, requires=("article.text",), assigns=("entities",))


def annotate(record: Record) -> None:
    article = record.article
    lang = article.language
    if not lang:
        from warta.nlp.lang import detect_language

        lang = detect_language(article.text)
    record.entities = find_entities(article.text, lang, dateline=article.dateline)


def find_entities(text: str, lang: str | None, dateline: str | None = None, mentions=None) -> list[Entity]:
    """Entities of ``text``; ``mentions`` (``ner.Mention``-like) replaces the NER model's, e.g. in tests."""
    if mentions is None:
        from warta.nlp.ner import find_mentions

        mentions = find_mentions(text, lang or "xx")
    data = actor_data(lang)
    doc = Doc.of(text)
    lowercase = _lowercase_words(lang)
    cands = ner_cands(doc, data, mentions, lowercase)
    cands = extend_to_full_forms(doc, data, cands)
    cands = join_particle_names(doc, data, cands)
    cands = join_org_links(doc, data, cands)
    extend_to_feature_heads(doc, data, cands)
    extend_to_org_heads(doc, data, cands)
    retype_coordinated_people(doc, data, cands)
    cut_trailing_ranks(doc, data, cands)
    cands = add_gazetteer_places(doc, data, cands, lowercase)
    cands = add_lowercase_countries(doc, data, cands)
    cands = add_leader_surnames(doc, data, cands)
    cands = add_institutions(doc, data, cands)
    cands = add_unknown_names(doc, data, cands, lowercase)
    cands = add_defined_acronyms(doc, data, cands)
    cands = add_headed_bodies(doc, data, cands)
    cands = join_branch_areas(doc, data, cands)
    cands = drop_state_suffix(doc, data, cands)
    resolve_homonym_places(doc, data, cands)
    assign_keys(doc, data, cands)
    join_office_places(doc, data, cands)
    return build_entities(doc, data, cands, lang, dateline)


BRACKETS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = frozenset(BRACKETS.values())


def _lowercase_words(lang: str | None) -> frozenset[str]:
    """Words the NER training text used in lower case: a capitalised one is likely sentence-initial, not a name."""
    from warta.nlp.ner import get_model

    model = get_model(lang or "")
    return model.features.lexicon.lowercase if model else frozenset()


# --------------------------------------------------------------------------------------------- mentions


def ner_cands(doc: Doc, data: ActorData, mentions, lowercase: frozenset[str]) -> list[Cand]:
    out = []
    for m in mentions:
        span = doc.token_range(m.start, m.end)
        if span is None:
            continue
        whole = Cand(span[0], span[1], m.type, m.confidence, m.kind)
        pieces = [
            p
            for part in _split_office_town(doc, data, whole)
            for verb_part in _split_at_verbs(doc, data, part)
            for p in _split_at_brackets(doc, data, verb_part)
        ]
        for piece in pieces:
            if _only_company_suffix(doc, data, piece):
                continue  # "PT X [(Persero) Tbk]": the legal form of the company named before
            for cand in _split_known_pair(doc, data, piece):
                if _keep_cand(doc, data, cand, lowercase):
                    out.append(cand)
    return out


def _only_company_suffix(doc: Doc, data: ActorData, cand: Cand) -> bool:
    suffixes = data.words("company_suffix")
    return all(w in suffixes or w in BRACKETS or w in CLOSERS for w in doc.lower[cand.first : cand.last])


def _split_office_town(doc: Doc, data: ActorData, cand: Cand) -> list[Cand]:
    """A town and the officer named after it, tagged as one place after the office's title ("Wali [Kota Bogor Bima
    Arya]"), are the town and the person."""
    if cand.type == "PER" or not cand.first:
        return [cand]
    start = cand.first + 1 if _title_ends_in(doc, data, cand.first) else cand.first
    if start == cand.first and not _is_title_word(data, doc.lower[cand.first - 1]):
        return [cand]
    if data.place(" ".join(doc.lower[start : cand.last])) is not None:
        return [cand]  # "Bupati [Lampung Utara]": one place
    town = _town_at(doc, data, Cand(start, cand.last, "LOC", cand.confidence), after_title=True)
    ordinary = _lowercase_words(data.lang)  # "Utara", "Karang": words of a longer place name, not a person's
    name = range(start + town, cand.last)
    if not town or not all(_person_word(doc, data, k, ordinary) for k in name):
        return [cand]
    return [
        Cand(start, start + town, "LOC", cand.confidence),
        Cand(start + town, cand.last, "PER", cand.confidence),
    ]


def _person_word(doc: Doc, data: ActorData, k: int, ordinary: frozenset[str]) -> bool:
    lower = doc.lower[k]
    return doc.words[k][:1].isupper() and not role_or_country(data, lower) and lower not in ordinary


def _split_at_verbs(doc: Doc, data: ActorData, cand: Cand) -> list[Cand]:
    """A tagged span across a speech verb is two names ("[China Passenger Car Association said Tesla]"), and in
    English across any word a dictionary writes only in lower case ("[European Commission fined Apple]")."""
    verbs = data.words("speaker_before")
    inner = data.words("name_inner") | data.words("name_particle")
    ordinary = common_words(data.lang) if data.words("name_inner") else frozenset()
    cut = next(
        (
            k
            for k in range(cand.first + 1, cand.last - 1)
            if doc.words[k] in verbs or doc.words[k].islower() and doc.words[k] in ordinary and doc.words[k] not in inner
        ),
        None,
    )
    if cut is None:
        return [cand]
    return [
        Cand(cand.first, cut, cand.type, cand.confidence),
        Cand(cut + 1, cand.last, cand.type, cand.confidence),
    ]


def _split_known_pair(doc: Doc, data: ActorData, cand: Cand) -> list[Cand]:
    """Two names the lists know, joined by "and" in one tagged span, are two ("[Huawei and Apple]")."""
    joiners = data.words("and")
    if _listed_name(data, " ".join(doc.lower[cand.first : cand.last])):
        return [cand]  # "Trinidad and Tobago", "Bosnia and Herzegovina"
    for k in range(cand.first + 1, cand.last - 1):
        if doc.lower[k] in joiners:
            left, right = " ".join(doc.lower[cand.first : k]), " ".join(doc.lower[k + 1 : cand.last])
            capitals = _capitals_word(doc, cand.first, k) and _capitals_word(doc, k + 1, cand.last)
            if capitals or _listed_name(data, left) and _listed_name(data, right):
                # also two words in capitals ("berinisial [RS dan AH]", "[PDIP dan PKB]"): initials or short forms
                return [
                    Cand(cand.first, k, cand.type, cand.confidence),
                    Cand(k + 1, cand.last, cand.type, cand.confidence),
                ]
    return [cand]


def _capitals_word(doc: Doc, first: int, last: int) -> bool:
    """One word in capitals (letters only, at most six): initials or a short form."""
    word = doc.words[first]
    return last - first == 1 and word.isalpha() and word.isupper() and len(word) <= 6


def _listed_name(data: ActorData, phrase: str) -> bool:
    return (
        data.place(phrase) is not None
        or phrase in known_orgs()
        or phrase in known_people()
        or phrase in _full_forms(data.lang)
    )


@cache
def _full_forms(lang: str) -> frozenset[str]:
    """Full names (lower) of the bodies the short-forms list knows ("kejaksaan agung", "pusat pelaporan dan ...")."""
    return frozenset(full.lower() for full in short_forms(lang).values())


def extend_to_full_forms(doc: Doc, data: ActorData, cands: list[Cand]) -> list[Cand]:
    """A body's listed full name that the tagger cut at a comma is one mention ("[Badan Meteorologi],
    Klimatologi, dan Geofisika")."""
    fulls = _full_forms(data.lang)
    if not fulls:
        return cands
    longest = max(len(f.split(" ")) for f in fulls) + 4  # room for the commas, which are tokens
    extended = []
    for cand in cands:
        if cand.type != "ORG" or doc.words[cand.last : cand.last + 1] != [","]:
            continue
        for end in range(min(len(doc.words), cand.first + longest), cand.last + 1, -1):
            if " ".join(doc.lower[cand.first : end]).replace(" ,", ",") in fulls:
                cand.last = end
                extended.append(cand)
                break
    inside = {
        id(c) for c in cands for o in extended if o is not c and o.first <= c.first and c.last <= o.last
    }
    return [c for c in cands if id(c) not in inside]


def join_org_links(doc: Doc, data: ActorData, cands: list[Cand]) -> list[Cand]:
    """A body's name the tagger cut at "for"/"of" ("[Thai Lawyers] for [Human Rights]", "[Physicians] for [Human
    Rights]"): one body when the part after the link is a capitalised name tagged as a body or MISC."""
    links = data.words("org_link")
    if not links:
        return cands

    def continues(last: Cand, cand: Cand) -> bool:
        return (
            last.type == "ORG"
            and cand.type in ("ORG", "MISC")
            and cand.kind != "equipment"
            and cand.first == last.last + 1
            and doc.lower[last.last] in links
            and doc.sentence[cand.first] == doc.sentence[last.first]
            and all(w[:1].isupper() or w in links or w in data.words("and") for w in doc.words[cand.first : cand.last])
        )

    return _absorb_following(cands, continues)


def _absorb_following(cands: list[Cand], continues) -> list[Cand]:
    """Each candidate for which ``continues(previous, candidate)`` holds becomes the end of the previous one."""
    out: list[Cand] = []
    for cand in cands:
        if out and continues(out[-1], cand):
            out[-1].last = cand.last
            continue
        out.append(cand)
    return out


def extend_to_feature_heads(doc: Doc, data: ActorData, cands: list[Cand]) -> None:
    """ "[Laut] China Selatan", "[Selat] Malaka": a capitalised sea or strait word the tagger left before a place
    is the first word of the feature's name (a sea named after a country is in none)."""
    for cand, i in _heads_left_out(doc, cands, "LOC", data.words("feature_head")):
        if i > 0 and doc.sentence[i - 1] == doc.sentence[i] and doc.words[i - 1][:1].isupper():
            continue  # "Angkatan Laut Kerajaan Australia", "Timur Laut": the word belongs to the name before
        cand.first, cand.place = i, None  # no longer the listed place it was found as


def extend_to_org_heads(doc: Doc, data: ActorData, cands: list[Cand]) -> None:
    """ "[Kepolisian] Resor Metro Bekasi": a capitalised head noun of a body right before a tagged body is the
    first word of its name (Indonesian and Malay put the head first)."""
    heads = data.words("org_head")
    for cand, i in _heads_left_out(doc, cands, "ORG", heads):
        if doc.lower[cand.first] not in heads:
            cand.first = i


def _heads_left_out(doc: Doc, cands: list[Cand], kind: str, heads: frozenset[str]) -> Iterator[tuple[Cand, int]]:
    """Mentions of ``kind`` right after a capitalised word of ``heads`` in their sentence that no mention covers,
    with that word's index."""
    covered = {k for c in cands for k in range(c.first, c.last)}
    for cand in cands:
        i = cand.first - 1
        if cand.type != kind or i < 0 or i in covered or doc.sentence[i] != doc.sentence[cand.first]:
            continue
        if doc.lower[i] in heads and doc.words[i][:1].isupper():
            yield cand, i


def join_particle_names(doc: Doc, data: ActorData, cands: list[Cand]) -> list[Cand]:
    """A surname after lower-case name particles ("von der", "bin", "de") takes the particles and the given names
    before them, which the tagger often leaves out or glues to a title ("[European Commission President Ursula] von
    der [Leyen]" -> "European Commission" + "Ursula von der Leyen"; "Mohammed bin [Salman]")."""
    particles = data.words("name_particle")
    if not particles:
        return cands
    ending_at = {c.last: c for c in cands}
    covered = {k for c in cands for k in range(c.first, c.last)}
    dropped: set[int] = set()
    for cand in cands:
        if cand.type != "PER" or id(cand) in dropped:
            continue
        j = cand.first
        while j > 0 and cand.first - j < 3 and doc.words[j - 1] in particles:
            j -= 1  # the particles as written, in lower case ("Von" opening a sentence is left to the tagger)
        if j == cand.first:
            continue
        given = j - 1
        if given < 0 or doc.sentence[given] != doc.sentence[cand.first] or not _given_name(doc, data, given):
            cand.first = j  # "said von der Leyen": the particles belong to the surname
            continue
        before = ending_at.get(given + 1)
        if before is None or id(before) in dropped:
            start = given  # given names the tagger skipped ("Mohammed bin [Salman]"), up to a title or a name
            while (
                start > 0
                and doc.sentence[start - 1] == doc.sentence[given]
                and _given_name(doc, data, start - 1)
                and start - 1 not in covered
            ):
                start -= 1
            cand.first = start
        elif before.type == "PER" or not any(
            role_or_country(data, w) for w in doc.lower[before.first : given]
        ):
            cand.first = before.first  # "[Charles] de [Gaulle]"
            dropped.add(id(before))
        else:
            start = given
            while start > before.first and _given_name(doc, data, start - 1):
                start -= 1
            title = start
            while title > before.first and _is_title_word(data, doc.lower[title - 1]):
                title -= 1
            if title == start:
                continue  # no title between the body and the name: leave the tagger's reading
            cand.first = start
            before.last = title
            if before.last <= before.first:
                dropped.add(id(before))
    return [c for c in cands if id(c) not in dropped]


def _given_name(doc: Doc, data: ActorData, i: int) -> bool:
    return doc.words[i][:1].isupper() and not role_or_country(data, doc.lower[i])


def _is_title_word(data: ActorData, lower: str) -> bool:
    role = data.roles.get(lower)
    return role is not None and role.kind in ("title", "mod")


def retype_coordinated_people(doc: Doc, data: ActorData, cands: list[Cand]) -> None:
    """A "place" no list knows, joined by "and" to a person, is a person too ("Johnson and Corbyn")."""
    joiners = data.words("and")
    for a, b in itertools.pairwise(cands):
        if (
            b.first != a.last + 1
            or doc.lower[a.last] not in joiners
            or doc.sentence[a.first] != doc.sentence[b.first]
        ):
            continue
        for person, other in ((a, b), (b, a)):
            if person.type == "PER" and other.type == "LOC" and not _known_place(doc, data, other):
                other.type = "PER"


def _known_place(doc: Doc, data: ActorData, cand: Cand) -> bool:
    return cand.place is not None or any(
        " ".join(doc.lower[i : cand.last]) in data.places for i in range(cand.first, cand.last)
    )


def _keep_cand(doc: Doc, data: ActorData, cand: Cand, lowercase: frozenset[str]) -> bool:
    """Whether a tagged span is a name, after fixing its edges and type in place."""
    if _currency_prefix(doc, cand.last):
        return False  # "US$1,1 miliar", "S$5": a currency, not the country
    if cand.last - cand.first == 1 and _amount_with_code(data, doc.words[cand.first]):
        return False  # "RM50 million", "Rp10 triliun": money
    if _after_initials_cue(doc, data, cand.first):
        cand.type = "PER"  # "tersangka berinisial AS dan RH": a person's initials, not the United States
        return True
    _cut_possessor(doc, data, cand)
    if (
        cand.last - cand.first >= 2
        and doc.lower[cand.last - 1] in data.words("state_suffix")
        and _listed_name(data, " ".join(doc.lower[cand.first : cand.last - 1]))
    ):
        cand.last -= 1  # "[Kemlu] RI", "[DPR] RI": a listed body and "of the Republic", one body
        state = data.place(doc.lower[cand.last])
        cand.title_country = cand.title_country or (state.country if state else None)
    if not _cut_title_tail(doc, data, cand):
        return False  # "Menteri [Luar Negeri] RI": the rest of a title begun before the mention
    if cand.last - cand.first > 1 and doc.lower[cand.first] in data.words("event_noun"):
        if data.place(" ".join(doc.lower[cand.first + 1 : cand.last])) is not None:
            cand.first += 1  # "[Invasi] Rusia", "[Invasion of] ...": the event's noun is no part of the name
    if _trim_weekday(doc, data, cand):
        cand.type = "MISC"  # "Black Friday", "Super Tuesday": a named day
        return True
    surface = doc.text[doc.spans[cand.first][0] : doc.spans[cand.last - 1][1]]
    if cand.kind != "equipment" and (
        not any(ch.isupper() for ch in surface) or _not_a_name(doc, data, cand, lowercase)
    ):
        return False  # "kementerian pertahanan", sentence-initial "This", the month in "3 Mac 2021"
    while cand.last - cand.first > 1 and doc.lower[cand.first] in data.words("determiner"):
        cand.first += 1  # "The European Union" -> "European Union"
    if cand.first and cand.last - cand.first > 1 and _title_ends_in(doc, data, cand.first):
        if data.place(" ".join(doc.lower[cand.first + 1 : cand.last])) is not None:
            cand.first += 1  # "Wali [Kota Surabaya]": "kota" is the title's last word, not the place's first
    _trim_capitals_headline(doc, data, cand, lowercase)
    while (
        data.lang in ("id", "ms")
        and cand.last - cand.first > 1
        and doc.words[cand.last - 1].isalpha()
        and doc.words[cand.last - 1].islower()
        and doc.words[cand.last - 2] != "-"  # "Choi Si - won" written with spaced hyphens
    ):
        # "[Jalur Gaza] tengah": an Indonesian or Malay name does not end in a lower-case word (the head comes
        # first: "pemerintah Suriah"); English ones may ("the Syrian government", "Zabul province")
        cand.last -= 1
    if " ".join(doc.lower[cand.first : cand.last]) in data.words("not_name"):
        return False  # "API", "SEO", "PDF": technical terms written in capitals, no names
    if _law_name(doc, data, cand):
        cand.type = "MISC"  # "RUU [Perampasan Aset]", "[UU Cipta Kerja]": the name of a law or bill
        return True
    if " ".join(doc.lower[cand.first : cand.last]) in data.words("not_actor"):
        cand.type = "MISC"  # a measure, law or indicator the tagger took for a body ("PSBB", "APBN")
        return True
    if cand.type == "LOC" and not _known_place(doc, data, cand) and not _cut_before_title(doc, data, cand):
        return False  # "[U.S. District] Judge X" -> "U.S."
    if cand.type == "LOC" and cand.last - cand.first > 1 and _only_role_words(doc, data, cand):
        return False  # "[Saudi Crown Prince] Mohammed bin Salman": a title, context of the name after it
    if cand.type == "LOC" and not _known_place(doc, data, cand) and not _place_head(doc, data, cand):
        split_title_phrase(doc, data, cand)  # "[White House Press Secretary Stephanie Grisham]" tagged LOC
    if cand.type in ("MISC", "ORG"):
        if not _cut_before_title(doc, data, cand):
            return False  # "Defense" of "Defense Minister X": a piece of a title
        if _only_role_words(doc, data, cand):
            return False  # "U.S. Secretary of State": a title, read as context of the name after it
        split_title_phrase(doc, data, cand)
        _cut_leading_job(doc, data, cand)
    if _edge_word(doc, cand, data.words("street_head")):
        cand.type = "LOC"  # "Central Avenue", "Jalan Sudirman" tagged ORG or PER: a street is a place
    # "Icelandic Meteorological Office", "Partai Buruh", "Health and Human Services" tagged PER or MISC
    if cand.type in ("PER", "MISC") and _org_head(doc, data, cand):
        cand.type = "ORG"
    elif cand.type in ("PER", "MISC", "LOC") and _place_head(doc, data, cand):
        cand.type = "LOC"  # "Zabul province", "Kabupaten Garut" tagged PER or MISC
    if cand.type == "PER":
        split_title_phrase(doc, data, cand, person=True)  # "[WeWork CEO Adam Neumann]": employer, title: context
        _cut_leading_area(doc, data, cand)
        _cut_facility_name(doc, data, cand)
        strip_title(doc, data, cand)
        if all(w in data.roles for w in doc.lower[cand.first : cand.last]):
            return False  # "[Kabid] Humas": nothing but title words
        if cand.last - cand.first == 1 and len(doc.words[cand.first]) == 1:
            return False  # a lone letter ("[Gen] Z", "Plan B") names no one
    elif cand.type == "LOC":
        trim_to_place(doc, data, cand)
        retype_org(doc, data, cand)
    retype_place(doc, data, cand)
    return True


def _title_ends_before(doc: Doc, data: ActorData, i: int) -> bool:
    """A title phrase ends right before token i ("Presiden [X]", "Menteri Luar Negeri [X]")."""
    for k in range(max(0, i - 4), i):
        length, role = longest_role(doc, data, k, i)
        if role is not None and role.kind == "title" and k + length == i:
            return True
    return False


def _cut_title_tail(doc: Doc, data: ActorData, cand: Cand) -> bool:
    """Cut the words of a title phrase that starts before the mention ("Menteri [Luar Negeri RI] Sugiono" ->
    "RI"); False when nothing is left. A place's own noun stays ("Kepala [Desa Kendal]" is the village)."""
    if doc.lower[cand.first] in data.words("place_head"):
        return True
    for k in range(max(0, cand.first - 3), cand.first):
        length, role = longest_role(doc, data, k, cand.last)
        if role is not None and role.kind == "title" and k + length > cand.first:
            cand.first = k + length
            rest = " ".join(doc.lower[cand.first : cand.last])
            if cand.last > cand.first and data.place(rest) is None and not _listed_name(data, rest):
                cand.type = "PER"  # "Menteri [Luar Negeri Indonesia Sari Wulandari]": the titled person
            break
    return cand.last > cand.first


def _cut_before_title(doc: Doc, data: ActorData, cand: Cand) -> bool:
    """A name that runs into a title phrase before a name ends before the title ("[NATO Secretary]-General Mark
    Rutte", "[Russian Defense] Minister X" -> "NATO", "Russian"); False when nothing is left."""
    for k in range(cand.first, cand.last):
        length, role = longest_role(doc, data, k, len(doc.words))
        end = k + length
        named = end < len(doc.words) and doc.words[end][:1].isupper() and doc.sentence[end] == doc.sentence[k]
        if role is not None and role.kind == "title" and end > cand.last and named:
            cand.last = k
            return cand.last > cand.first
    return True


def _law_name(doc: Doc, data: ActorData, cand: Cand) -> bool:
    i = cand.first
    if i > 1 and doc.words[i - 1] == ")":
        i -= 1  # "Rancangan Undang-Undang (RUU) [Perampasan Aset]": the short form in brackets
    tail = cand.last - cand.first > 1 and doc.lower[cand.last - 1] in data.words(
        "law_tail"
    )  # "First Amendment"
    return tail or _law_head(doc, data, cand.first) or i > 0 and _law_head(doc, data, i - 1)


def _law_head(doc: Doc, data: ActorData, i: int) -> bool:
    """ "RUU", "Peraturan" written as part of a law's title; "keputusan Jokowi" is the president's decision."""
    return doc.words[i][:1].isupper() and doc.lower[i] in data.words("law_head")


def _title_ends_in(doc: Doc, data: ActorData, i: int) -> bool:
    """Token i is the city word that ends a title ("Wali Kota"), not the first word of a place ("Desa Kendal" of
    "Kepala Desa Kendal" is a village, not the regency Kendal)."""
    if doc.lower[i] not in data.words("city_word"):
        return False
    role = data.roles.get(f"{doc.lower[i - 1]} {doc.lower[i]}")
    return role is not None and role.kind == "title"


def _after_initials_cue(doc: Doc, data: ActorData, i: int) -> bool:
    """Token i is one of the initials listed after "berinisial" ("berinisial AS, RH dan MT", "AS (45) dan RH
    (38)": ages in brackets between them)."""
    cues, joiners = data.words("initials_cue"), data.words("and") | {",", "(", ")"}
    if not cues or not doc.words[i].isupper():
        return False
    k = i - 1
    while k >= 0 and i - k <= 12 and doc.sentence[k] == doc.sentence[i]:
        if doc.lower[k] in cues:
            return True
        word = doc.words[k]
        if not (
            word.isupper() or doc.lower[k] in joiners or word.isdigit() and k > 0 and doc.words[k - 1] == "("
        ):
            return False
        k -= 1
    return False


def _split_at_brackets(doc: Doc, data: ActorData, cand: Cand) -> list[Cand]:
    """A name never spans an unbalanced bracket ("SYDNEY (Reuters" from a dateline): the words between the
    brackets are names of their own, a known place among them a place ("SYDNEY", "Reuters")."""
    words = doc.words[cand.first : cand.last]
    if not any(w in BRACKETS or w in CLOSERS for w in words) or _balanced(words):
        return [cand]
    pieces, start = [], cand.first
    for i in range(cand.first, cand.last + 1):
        if i == cand.last or doc.words[i] in BRACKETS or doc.words[i] in CLOSERS:
            if i > start:
                place = data.place(" ".join(doc.lower[start:i]))
                kind = "LOC" if place is not None and place.kind != "org" else cand.type
                pieces.append(Cand(start, i, kind, cand.confidence, cand.kind))
            start = i + 1
    return pieces


def _balanced(words: list[str]) -> bool:
    stack = []
    for w in words:
        if w in BRACKETS:
            stack.append(BRACKETS[w])
        elif w in CLOSERS and (not stack or stack.pop() != w):
            return False
    return not stack


def _org_head(doc: Doc, data: ActorData, cand: Cand) -> bool:
    """A name of two or more words that opens (Indonesian/Malay) or ends (English) with an organisation noun."""
    if cand.last - cand.first < 2 or cand.kind == "equipment":
        return False
    _length, first = longest_role(doc, data, cand.first, cand.last)
    last = data.roles.get(doc.lower[cand.last - 1])
    if any(role is not None and role.kind == "org" for role in (first, last)):
        return True
    links = data.words("org_link")  # "United States [Department of] Agriculture", "Bank for International ..."
    return any(
        doc.lower[k + 1] in links and (role := data.roles.get(doc.lower[k])) is not None and role.kind == "org"
        for k in range(cand.first + 1, cand.last - 2)
    )


def _place_head(doc: Doc, data: ActorData, cand: Cand) -> bool:
    """A name of two or more words that opens or ends with a place noun of the language ("provinsi", "county"),
    or a known place right before one ("the Donetsk region")."""
    heads = data.words("place_head")
    if _edge_word(doc, cand, heads):
        return True
    if cand.last >= len(doc.words) or doc.lower[cand.last] not in heads:
        return False
    place = data.place(" ".join(doc.lower[cand.first : cand.last]))
    return place is not None and place.kind != "org"  # not "Komnas HAM Provinsi Maluku"


def _edge_word(doc: Doc, cand: Cand, words: frozenset[str]) -> bool:
    """A name of two or more words that opens (head-first languages) or ends with one of ``words``."""
    return cand.last - cand.first >= 2 and (
        doc.lower[cand.first] in words or doc.lower[cand.last - 1] in words
    )


_AMOUNT = re.compile(r"([A-Za-z]{2,3})\$?\d[\d.,]*")


def _amount_with_code(data: ActorData, word: str) -> bool:
    match = _AMOUNT.fullmatch(word)
    return bool(match) and match.group(1).lower() in data.words("currency_code")


def _currency_prefix(doc: Doc, end: int) -> bool:
    """The name is glued to a currency sign ("US$", "A$", "HK$")."""
    return (
        end < len(doc.words)
        and doc.words[end] in CURRENCY_SIGNS
        and doc.spans[end][0] == doc.spans[end - 1][1]
    )


def _only_role_words(doc: Doc, data: ActorData, cand: Cand) -> bool:
    words = doc.lower[cand.first : cand.last]
    if not any((r := data.roles.get(w)) and r.kind in ("title", "person") for w in words):
        return False
    if (last := data.roles.get(words[-1])) is not None and last.kind == "org" and "of" not in words:
        return False  # "House Intelligence Committee": headed by a body noun, an organisation, not a title
    return all(
        role_or_country(data, w) or w in data.words("determiner") or len(w) <= 3 and w.islower()
        for w in words
    )


def _cut_possessor(doc: Doc, data: ActorData, cand: Cand) -> None:
    """ "[Russia's Gazprom]", "[Korea's Defense Ministry]": a known place and its possessive are not part of the
    name (the place is found on its own; the possessive gives the name its country)."""
    for k in range(cand.first + 1, min(cand.first + 4, cand.last - 1)):
        if doc.lower[k] in POSSESSIVE_CLITICS:
            place = data.place(" ".join(doc.lower[cand.first : k]))
            # a town only before a name of several words: "Dawson's Creek" is a title
            if place is not None and (place.kind in COUNTRY_KINDS or cand.last - k > 2):
                cand.first = k + 1
            return


def _trim_weekday(doc: Doc, data: ActorData, cand: Cand) -> bool:
    """Cut a weekday the tagger glued to the end of a name ("House Intelligence Committee Tuesday" -> ...
    Committee); True when the span is a named day instead ("Black Friday", grammar key named_day)."""
    weekdays = weekday_numbers("en")  # CLDR weekday names of en, id and ms
    if cand.last - cand.first < 2 or doc.lower[cand.last - 1] not in weekdays:
        return False
    if cand.last - cand.first == 2 and doc.lower[cand.first] in data.words("named_day"):
        return True
    cand.last -= 1
    return False


def _not_a_name(doc: Doc, data: ActorData, cand: Cand, lowercase: frozenset[str]) -> bool:
    if cand.last - cand.first != 1:
        return False
    i = cand.first
    initial = doc.sentence_initial(i)
    if initial and doc.lower[i] in lowercase and doc.lower[i] not in data.places:
        return cand.type != "PER" or doc.lower[i] not in name_words(data.lang)  # "Bush said": also a surname
    if initial and doc.lower[i] in doc.written_lower_only() and doc.lower[i] not in data.places:
        return True  # "Stok beras ...", where the article writes "stok" elsewhere
    if initial and _dictionary_word(data, doc.lower[i]):
        return True  # "Moreover, ...", a heading "Salads": a word the language writes only in lower case
    if doc.lower[i] in weekday_numbers("en"):  # CLDR weekday names of en, id and ms: "Friday", "Jumat"
        return True
    before, after = doc.words[i - 1] if i else "", doc.words[i + 1] if i + 1 < len(doc.words) else ""
    return before.isdigit() and after.isdigit()  # a month name inside a date


def _dictionary_word(data: ActorData, lower: str) -> bool:
    """In the dictionary's lower-case-only words and no known place or body ("Meta" may be the firm)."""
    return lower in common_words(data.lang) and lower not in data.places and lower not in known_orgs()


def split_title_phrase(doc: Doc, data: ActorData, cand: Cand, person: bool = False) -> None:
    """A title phrase and a name tagged as one MISC/ORG ("Polish Agriculture Minister Tomasz Nowak", "[Menteri]
    Luar Negeri Indonesia Sari Wulandari"): the person is the capitalised words after the last role or country word."""
    t = max(
        (k for k in range(cand.first, cand.last - 1) if role_or_country(data, doc.lower[k])), default=None
    )
    if t is None or person and _form_of_address(data, doc.lower[t]):
        return  # inside a person's name an address word is an initial: "Yasonna H Laoly"
    if (role := data.roles.get(doc.lower[t])) and role.kind == "org":
        return  # "Rektor [Universitas Gadjah Mada]": the words after an organisation noun name the body
    if t == cand.last - 2 and not _form_of_address(data, doc.lower[t]):
        return  # one word after a title: "General Motors" is a company; only "Mr. Rudolph" is a person
    rest = range(t + 1, cand.last)
    particles = data.words("name_particle")
    if not all(
        (doc.words[k][:1].isupper() or k not in (t + 1, cand.last - 1) and doc.words[k] in particles)
        and not role_or_country(data, doc.lower[k])
        for k in rest
    ):
        return  # every word after the title is a name word ("Mark van Rutte" may hold particles)
    titles = [
        r
        for k in range(max(cand.first - 1, 0), t + 1)
        if (r := data.roles.get(doc.lower[k])) and r.kind == "title"
    ]
    if not titles:
        return
    countries = [
        p.country
        for k in range(cand.first, t + 1)
        if (p := data.place(doc.lower[k])) and p.kind in COUNTRY_KINDS
    ]
    cand.first, cand.type = t + 1, "PER"
    cand.title_role = next((r.code for r in reversed(titles) if r.code), None)
    cand.title_country = countries[-1] if countries else None


def _cut_leading_job(doc: Doc, data: ActorData, cand: Cand) -> None:
    """Indonesian/Malay "[Ekonom Center of Reform on Economics] (CORE), Mohammad Faisal": a job noun opening a
    sentence (or written in lower case) before a body's name, with a name right after the body, is that person's
    job, not the body's first word. Inside a sentence, or with no name after ("Pelajar Islam Indonesia (PII)
    menggelar aksi"), it stays."""
    i = cand.first
    role = data.roles.get(doc.lower[i])
    if data.lang not in ("id", "ms") or role is None or role.kind != "person" or cand.last - i < 2:
        return  # English puts the job after the body ("Goldman Sachs economist X"); "Chief Product Officer" stays
    if not (doc.words[i][:1].islower() or doc.sentence_initial(i)):
        return
    after = data.roles.get(doc.lower[i + 1])
    if doc.words[i + 1][:1].isupper() and (after is None or after.kind == "org") and _name_follows(doc, cand.last):
        cand.first = i + 1


def _name_follows(doc: Doc, j: int) -> bool:
    """Whether the first word after token ``j`` outside brackets and commas, in the same sentence, is capitalised."""
    depth = 0
    for k in range(j, min(len(doc.words), j + 12)):
        if doc.sentence[k] != doc.sentence[j - 1]:
            return False
        word = doc.words[k]
        if word in BRACKETS:
            depth += 1
        elif word in CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0 and word != ",":
            return word[:1].isupper()
    return False


def _cut_leading_area(doc: Doc, data: ActorData, cand: Cand) -> None:
    """ "Ketua Bawaslu [Sumut Rahmat Kartolo]": an area's name glued to a person right after a listed body's name is
    the office's area (context), not the person's first name; the person keeps at least two words."""
    i = cand.first
    if cand.last - i < 3 or i == 0 or doc.sentence[i - 1] != doc.sentence[i]:
        return
    place = data.place(doc.lower[i])
    if place is None or place.kind in ("org", "adj", "country"):
        return
    before = doc.lower[i - 1]
    body = data.place(before)
    if not doc.words[i - 1][:1].isupper():
        return  # "orangtua bernama [Lawrence Odell Holley]": a lower-case word, no body's name
    if (body is not None and body.kind == "org") or before in short_forms(data.lang):
        cand.first = i + 1


def _cut_facility_name(doc: Doc, data: ActorData, cand: Cand) -> None:
    """ "Imam Besar Masjid [Istiqlal Nasaruddin Umar]": right after a place of worship's noun, the first word of a
    three-word person is the place's name; the person keeps two words."""
    i = cand.first
    if cand.last - i >= 3 and i and doc.sentence[i - 1] == doc.sentence[i] and doc.lower[i - 1] in data.words("facility_head"):
        cand.first = i + 1


def _form_of_address(data: ActorData, lower: str) -> bool:
    """ "Mr.", "Mrs.", "Bapak": a title with no office (no role code)."""
    role = data.roles.get(lower)
    return role is not None and role.kind == "title" and role.code is None


def retype_org(doc: Doc, data: ActorData, cand: Cand) -> None:
    """An unknown "place" headed by an organisation noun ("Kerajaan Persekutuan") is an organisation, unless
    a preposition makes it a place ("di Istana Bogor")."""
    if cand.first and doc.lower[cand.first - 1] in data.words("prep"):
        return
    if data.place(" ".join(doc.lower[cand.first : cand.last])) or place_inside(
        doc, data, cand, COUNTRY_KINDS
    ):
        return
    length, role = longest_role(doc, data, cand.first, cand.last)
    if role is not None and role.kind == "org" and role.code and length < cand.last - cand.first:
        cand.type = "ORG"


def strip_title(doc: Doc, data: ActorData, cand: Cand) -> None:
    """Move leading title/role words ("Presiden", "Menteri Luar Negeri Rusia") out of a person's name; a leading
    country also goes when a title stands right before the mention ("Presiden [Venezuela Nicolas Maduro]")."""
    stripped = _title_ends_before(doc, data, cand.first)
    town_cut = False
    ranked = False  # a title was cut inside the mention
    while cand.last - cand.first > 1:
        length, role = longest_role(doc, data, cand.first, cand.last - 1)
        if length and role.kind in ("title", "mod", "person"):
            if ranked and role.code == "REL":
                break  # "Irjen [Imam] Sugianto": a religious title word after a rank is a given name
            ranked = True
            cand.title_role = role.code or cand.title_role
            cand.title_country = cand.title_country or role.country  # "Bupati X": an Indonesian office
            cand.first += length
            stripped = True
            continue
        place = data.place(doc.lower[cand.first])
        if place is not None and " ".join(doc.lower[cand.first : cand.last]) in known_people():
            break  # "Defense Minister [Israel Katz]": a first name that is also a country's
        demonym = place is not None and place.kind == "adj" and cand.last - cand.first >= 3
        if (stripped or demonym) and place and place.kind in COUNTRY_KINDS and place.country:
            # "Presiden [Venezuela Nicolas Maduro]", "[American Kevin King]": the country is context, not name
            cand.title_country = place.country
            cand.first += 1
            continue
        # the town of an office stands between its title and the officer in Indonesian and Malay ("Gubernur
        # [Sumbar] Mahyeldi"); in English a first name that is also a town stays ("Sen. [Bryan] Hughes")
        head_first = data.lang in ("id", "ms")
        town = _town_at(doc, data, cand, stripped and head_first) if not town_cut else 0
        if town:  # "Gubernur [Sumbar Mahyeldi]", "Wali Kota [Bogor Bima Arya]": the office's town, once
            cand.title_country = (
                cand.title_country or data.place(" ".join(doc.lower[cand.first : cand.first + town])).country
            )
            cand.first += town
            town_cut = True
            continue
        break


def _town_at(doc: Doc, data: ActorData, cand: Cand, after_title: bool) -> int:
    """Length of a known town or province with a country (after a title) or of a known national body (anywhere:
    "[Kejagung Harli Siregar]") starting the mention and leaving a name after it."""
    for length in data.place_lengths.get(doc.lower[cand.first], ()):
        if length < cand.last - cand.first:
            phrase = " ".join(doc.lower[cand.first : cand.first + length])
            place = data.place(phrase)
            kinds = ("city", "capital", "org") if after_title else ("org",)
            surface = " ".join(doc.words[cand.first : cand.first + length])
            if place is not None and place.country and place.kind in kinds:
                # "[Pan] Gongsheng" is a name: the party "PAN" is listed in capitals
                return length if _written_as_listed(data, phrase, surface) else 0
    return 0


def _trim_capitals_headline(doc: Doc, data: ActorData, cand: Cand, lowercase: frozenset[str]) -> None:
    """An all-capitals subheading tagged whole ("FRANCE WINS AGAIN", "US FALLS") is its place and common words:
    cut the common words after the place (only when a known place is left: "NEW YORK", "UNITED NATIONS" stay)."""
    words = doc.words[cand.first : cand.last]
    if len(words) < 2 or not all(w.isupper() and len(w) > 1 for w in words if w.isalpha()):
        return
    last = cand.last
    while last - cand.first > 1 and _common_word(doc.lower[last - 1], lowercase):
        last -= 1
    if last < cand.last and data.place(" ".join(doc.lower[cand.first : last])) is not None:
        cand.last, cand.type = last, "LOC"


def _common_word(word: str, lowercase: frozenset[str]) -> bool:
    """A word the language writes in lower case, or a regular inflection of one ("wins", "cruised")."""
    if word in lowercase:
        return True
    stems = [word[: -len(end)] for end in ("s", "es", "ed", "d", "ing") if word.endswith(end)]
    return any(len(stem) > 2 and stem in lowercase for stem in stems)


def trim_to_place(doc: Doc, data: ActorData, cand: Cand) -> None:
    """Cut role words the model glued to a place ("Luar Negeri Amerika Serikat" -> "Amerika Serikat",
    "Lurah Cawang" -> "Cawang")."""
    if data.place(" ".join(doc.lower[cand.first : cand.last])):
        return
    length, role = longest_role(doc, data, cand.first, cand.last - 1)
    if role is not None and role.kind in ("title", "person"):
        cand.first += length
        return
    last = data.roles.get(doc.lower[cand.last - 1])
    person_word = last is not None and last.kind in ("title", "person")
    if (person_word or doc.lower[cand.last - 1] in data.words("party_member")) and data.place(
        " ".join(doc.lower[cand.first : cand.last - 1])
    ):
        cand.last -= 1  # "[Massachusetts] Democrat", "[California] Governor": a person's word after a place
        return
    for first in range(cand.first + 1, cand.last):
        if doc.lower[first - 1] not in data.role_words:
            return
        place = data.place(" ".join(doc.lower[first : cand.last]))
        if place and place.kind in COUNTRY_KINDS | {"capital"}:
            cand.first = first
            return


def retype_place(doc: Doc, data: ActorData, cand: Cand) -> None:
    phrase = " ".join(doc.lower[cand.first : cand.last])
    place = data.place(phrase)
    if place is None or cand.kind == "equipment":
        return
    if not _written_as_listed(data, phrase, " ".join(doc.words[cand.first : cand.last])):
        return  # "Pan" (a surname) is not the party "PAN"
    if place.kind == "org":
        cand.place, cand.type = place, "ORG"
    elif (
        cand.type == "LOC"
        or place.kind in COUNTRY_KINDS | {"capital"}
        or _after_locative(doc, data, cand)
        or cand.first > 0
        and doc.lower[cand.first - 1] in data.words("place_head")  # "kota Kharkiv"
        or (" " in phrase and phrase not in known_people())
    ):
        # a town after "in"/"di" ("officials in Aberdeen") or a town of several words ("Khan Younis") tagged PER
        cand.place, cand.type = place, "LOC"


def _after_locative(doc: Doc, data: ActorData, cand: Cand) -> bool:
    """ "in Aberdeen", "di Bekasi", "in the Gaza Strip": a locative preposition, perhaps with a determiner, before."""
    i = cand.first - 1
    if i >= 1 and doc.lower[i] in data.words("determiner"):
        i -= 1
    return i >= 0 and doc.sentence[i] == doc.sentence[cand.first] and doc.lower[i] in data.words("locative")


def add_gazetteer_places(
    doc: Doc, data: ActorData, cands: list[Cand], lowercase: frozenset[str]
) -> list[Cand]:
    """Country names, capitals, regions and short forms the NER model missed (or cut short: "Amerika" Serikat)."""
    covered = {k: c for c in cands for k in range(c.first, c.last)}
    added: list[Cand] = []
    i = 0  # the first token not inside a place found
    starts = data.place_lengths
    for k in [k for k, lower in enumerate(doc.lower) if lower in starts]:
        if k < i:
            continue
        match = _place_at(doc, data, k, lowercase)
        if match is None:
            continue
        i = k
        length, place = match
        if _currency_prefix(doc, i + length) or _after_initials_cue(doc, data, i):
            i += length
            continue
        inside = {id(covered[k]): covered[k] for k in range(i, i + length) if k in covered}
        # a listed body may also join the tagger's pieces of it ("[Customs] and [Border Protection]")
        fits = all(
            c.first >= i
            and c.last <= i + length
            and (c.type == "LOC" or place.kind == "org" and c.type != "PER")
            for c in inside.values()
        )
        if fits and (not inside or length > max(c.last - c.first for c in inside.values())):
            kind_type = "ORG" if place.kind == "org" else "LOC"
            added.append(Cand(i, i + length, kind_type, GAZETTEER_CONFIDENCE, place=place))
            cands = [c for c in cands if id(c) not in inside]
        i += length
    return sorted(cands + added, key=lambda c: c.first)


def _place_at(doc: Doc, data: ActorData, i: int, lowercase: frozenset[str]) -> tuple[int, Place] | None:
    word = doc.words[i]
    if not word[:1].isupper():
        return None
    for length in data.place_lengths.get(doc.lower[i], ()):
        if length > len(doc.words) - i:
            continue
        phrase = " ".join(doc.lower[i : i + length])
        place = data.places.get(phrase)
        if place is None:
            continue
        after_office = i > 0 and doc.lower[i - 1] in data.words("territorial_office")
        if (
            place.kind not in ("country", "capital", "region")
            and phrase not in data.aliases
            and not after_office
            and not _whole_name_after_locative(doc, data, i, i + length, lowercase)
        ):
            continue  # a town only after its office's title ("Gubernur Bali") or "di"/"in", else the tagger's
        surface = doc.text[doc.spans[i][0] : doc.spans[i + length - 1][1]]
        initial = doc.sentence_initial(i)
        if _allowed_surface(
            data, phrase, surface, lowercase if initial and place.kind != "country" else frozenset()
        ):
            return length, place
    return None


def _whole_name_after_locative(doc: Doc, data: ActorData, first: int, last: int, lowercase: frozenset[str]) -> bool:
    """ "di Qalqilya, Tepi Barat", "in Holmdel": a listed town right after a locative, neither the first word of
    a longer name ("di Bursa Efek Indonesia" is the stock exchange, not the Turkish city) nor a word the language
    also writes in lower case ("di Bursa", "di Puncak": the tagger decides those)."""
    if first == 0 or doc.sentence[first - 1] != doc.sentence[first]:
        return False
    if last - first == 1 and doc.lower[first] in lowercase:
        return False
    if doc.lower[first - 1] not in data.words("locative"):
        return False
    return last >= len(doc.words) or not doc.words[last][:1].isupper()


def _allowed_surface(data: ActorData, phrase: str, surface: str, lowercase: frozenset[str]) -> bool:
    """Short forms only as written; a sentence-initial word the language also uses in lower case ("Lima orang")
    is not taken for a place (``lowercase`` is empty inside a sentence)."""
    if not _written_as_listed(data, phrase, surface):
        return False  # AS, US: only as written, never "as"/"us"
    if len(phrase) <= 3 and " " not in phrase:
        return surface.isupper()
    return " " in phrase or phrase not in lowercase


def _written_as_listed(data: ActorData, phrase: str, surface: str) -> bool:
    """A short form listed in capitals matches only in capitals."""
    return phrase not in data.exact_case_lower or surface in data.exact_case


def add_lowercase_countries(doc: Doc, data: ActorData, cands: list[Cand]) -> list[Cand]:
    """A country written in lower case ("venezuela") counts when the record also names it properly."""
    named = {c.place.country for c in cands if c.place and c.place.kind == "country"}
    if not named:
        return sorted(cands, key=lambda c: c.first)
    covered = {k for c in cands for k in range(c.first, c.last)}
    added = []
    for i, word in enumerate(doc.words):
        place = data.places.get(word) if word.islower() and len(word) >= 5 else None
        if place and place.kind == "country" and place.country in named and i not in covered:
            added.append(Cand(i, i + 1, "LOC", GAZETTEER_CONFIDENCE / 2, place=place))
    return sorted(cands + added, key=lambda c: c.first)


def add_leader_surnames(doc: Doc, data: ActorData, cands: list[Cand]) -> list[Cand]:
    """A leader's unambiguous surname standing alone ("Trump asked China ...") that the tagger missed, often as
    the first word of a sentence or one the language also uses in lower case ("trump", "may" is never one)."""
    surnames = leader_surnames()
    cands = [c for c in cands if not _leader_as_body(doc, data, c, surnames)]
    covered = {k for c in cands for k in range(c.first, c.last)}
    added = []
    for i, lower in enumerate(doc.lower):
        if lower not in surnames or i in covered or not doc.words[i][:1].isupper():
            continue
        before = _capitalised_in_sentence(doc, i - 1, i) and doc.lower[i - 1] not in data.role_words
        if before or _capitalised_in_sentence(doc, i + 1, i):
            continue  # part of a longer name ("Ivanka Trump", "Trump Tower"); a title before is no part ("President")
        added.append(Cand(i, i + 1, "PER", GAZETTEER_CONFIDENCE))
    return sorted(cands + added, key=lambda c: c.first) if added else cands


def _leader_as_body(doc: Doc, data: ActorData, cand: Cand, surnames) -> bool:
    """A leader's surname the tagger took for a body because of the government noun next to it ("the [Trump]
    administration", "pemerintahan [Prabowo]"): the person, found again by surname."""
    if cand.type == "PER" or cand.last - cand.first != 1 or doc.lower[cand.first] not in surnames:
        return False
    i = cand.first
    after = i + 1 < len(doc.words) and doc.lower[i + 1] in data.words("leader_government_after")
    before = i > 0 and doc.lower[i - 1] in data.words("leader_government_before")
    return after or before


def _capitalised_in_sentence(doc: Doc, j: int, i: int) -> bool:
    if j < 0 or j >= len(doc.words) or doc.sentence[j] != doc.sentence[i]:
        return False
    return doc.words[j][:1].isupper() and (j > i or not _sentence_start(doc, j))


def _sentence_start(doc: Doc, j: int) -> bool:
    return j == 0 or doc.sentence[j - 1] != doc.sentence[j]


def add_institutions(doc: Doc, data: ActorData, cands: list[Cand]) -> list[Cand]:
    """A capitalised institution noun before a country the model did not join ("Tentara Venezuela",
    "Pemerintah Filipina") is one organisation, with the role of the noun and the country."""
    starts = {c.first: c for c in cands}
    out = list(cands)
    if not any(c.place and c.place.kind in COUNTRY_KINDS for c in cands):
        return sorted(out, key=lambda c: c.first)  # no country for an institution noun to stand before
    covered = {k for c in cands for k in range(c.first, c.last)}
    for i in [i for i, word in enumerate(doc.words) if word[:1].isupper() and i not in covered]:
        length, role = longest_role(doc, data, i, len(doc.words))
        country = starts.get(i + length) if role is not None and role.kind == "org" and role.code else None
        if country is None or not country.place or country.place.kind not in COUNTRY_KINDS:
            continue
        if any(k in covered for k in range(i, i + length)) or not doc.words[i + length][:1].isupper():
            continue
        out.remove(country)
        out.append(Cand(i, country.last, "ORG", country.confidence * 0.8, place=None))
    return sorted(out, key=lambda c: c.first)


def add_unknown_names(doc: Doc, data: ActorData, cands: list[Cand], lowercase: frozenset[str]) -> list[Cand]:
    """Capitalised words the model skipped ("Rosoboronexport dan organisasi Rusia lainnya"), when at least one
    occurrence is inside a sentence; they become entities only if the context or known data types them."""
    words, places, role_words = doc.words, data.places, data.role_words
    weekdays = weekday_numbers("en")  # CLDR weekday names of en, id and ms: "On Monday, the court ..."
    # a run of ordinary words only is no name: "Consider", "Budget" opening a list item
    ordinary = common_words(data.lang)
    name_word = [  # a capitalised word that no list knows, outside every candidate
        w[:1].isupper()
        and w.isalpha()
        and not w.isupper()
        and lw not in lowercase
        and lw not in role_words
        and lw not in places
        and lw not in weekdays
        for w, lw in zip(words, doc.lower, strict=True)
    ]
    for c in cands:
        name_word[c.first : c.last] = [False] * (c.last - c.first)
    runs: dict[str, list[tuple[int, int]]] = defaultdict(list)
    inside: set[str] = set()
    i, n = 0, len(words)
    while i < n:
        if not name_word[i]:
            i += 1
            continue
        j = i + 1
        while j < n and name_word[j]:
            j += 1
        phrase = " ".join(doc.lower[i:j])
        runs[phrase].append((i, j))
        if i > 0 and doc.sentence[i - 1] == doc.sentence[i] and doc.words[i - 1][:1].isalnum():
            inside.add(phrase)
        i = j
    orgs = known_orgs()  # a listed body is one, also first in a sentence ("Boeing Chief Executive X said")
    added = [
        Cand(a, b, "ORG", 0.3) if phrase in orgs else Cand(a, b, "MISC", 0.3, guess=True)
        for phrase, spans in runs.items()
        if (phrase in inside or phrase in orgs) and not all(w in ordinary for w in phrase.split(" "))
        for a, b in spans
        if phrase in orgs or not _in_bracketed_title(doc, data, a, b)
    ]
    return sorted(cands + added, key=lambda c: c.first)


def _in_bracketed_title(doc: Doc, data: ActorData, first: int, last: int) -> bool:
    """``Menteri Energi dan Sumber Daya Mineral (ESDM) Jero Wacik``: a capitalised word closing a coordinated
    office after a title, right before the office's short form in brackets, is part of the office, not a name (it
    became a person of its own)."""
    if last + 2 >= len(doc.words) or doc.words[last] != "(" or doc.words[last + 2] != ")":
        return False
    if not _is_acronym(doc.words[last + 1]) and not doc.words[last + 1][:1].isupper():
        return False
    k, joined = first - 1, False  # a coordinated office ("Energi dan ..."), not a body after a title ("Direktur
    # Utama Rosoboronexport (ROE)")
    while k >= max(0, first - 8) and (doc.words[k][:1].isupper() or doc.lower[k] in ("dan", "&", ",")):
        joined = joined or doc.lower[k] in ("dan", "&")
        if joined and doc.lower[k] in data.role_words and doc.words[k][:1].isupper():
            return True
        k -= 1
    return False


def add_defined_acronyms(doc: Doc, data: ActorData, cands: list[Cand]) -> list[Cand]:
    """An organisation's short form defined in brackets ("Badan Penanggulangan Bencana Daerah (BPBD)", "Badan
    Pangan Nasional (Bapanas)") is a mention wherever else the text writes it as such ("Kepala Pelaksana BPBD DKI
    Jakarta"), even where the model missed it; ``link_acronyms`` then joins it to the full name."""
    defined = {
        doc.words[c.last + 1]
        for c in cands
        if c.type == "ORG"
        and c.last + 2 < len(doc.words)
        and doc.words[c.last] == "("
        and doc.words[c.last + 2] == ")"
        and (_is_acronym(doc.words[c.last + 1]) or _short_name_of(doc, data, c, doc.words[c.last + 1]))
    }
    if not defined:
        return cands
    # a guess at a capitalised word no list knows ("Bapanas") gives way to the defined short form
    cands = [c for c in cands if not (c.guess and c.last - c.first == 1 and doc.words[c.first] in defined)]
    covered = {k for c in cands for k in range(c.first, c.last)}
    added = [
        Cand(k, k + 1, "ORG", GAZETTEER_CONFIDENCE)
        for k, word in enumerate(doc.words)
        if word in defined and k not in covered
    ]
    return sorted(cands + added, key=lambda c: c.first)


def cut_trailing_ranks(doc: Doc, data: ActorData, cands: list[Cand]) -> None:
    """A rank or title the tagger glued to the end of a body right before a person is the person's ("[Polda Jatim
    Kombes] Dirmanto" -> Polda Jatim + "Kombes" Dirmanto)."""
    for body, person in itertools.pairwise(cands):
        if body.type != "ORG" or person.type != "PER" or person.first != body.last:
            continue
        for k in range(body.first + 1, body.last):
            length, role = longest_role(doc, data, k, body.last)
            if role is not None and role.kind == "title" and k + length == body.last:
                body.last = k
                break


def add_headed_bodies(doc: Doc, data: ActorData, cands: list[Cand]) -> list[Cand]:
    """A run of capitalised words opened by a body noun that the tagger missed ("Gugus Tugas Percepatan Penanganan
    COVID-19 Kota Depok", "Badan Pusat Statistik") is an organisation (Indonesian and Malay, where body names are
    head-first); places and guessed names inside it are absorbed, a rank or a person ends it."""
    if data.lang not in ("id", "ms"):
        return cands
    covered = {k for c in cands for k in range(c.first, c.last)}
    starts = {c.first: c for c in cands if c.type != "PER"}
    added: list[Cand] = []
    i, n = 0, len(doc.words)
    while i < n:
        opens = doc.words[i][:1].isupper() and i not in covered
        if opens and i and _law_head(doc, data, i - 1):
            opens = False  # "Peraturan [Pemerintah Nomor] 12": a regulation's name, no government
        length, role = longest_role(doc, data, i, n) if opens else (0, None)
        if role is None or role.kind != "org":
            i += 1
            continue
        j = i + length
        while j < n and doc.sentence[j] == doc.sentence[i] and doc.words[j][:1].isupper():
            if j in starts:
                j = starts[j].last  # "Kepolisian Resor [Metro Bekasi Kota]"
            elif j in covered or _title_at(doc, data, j):
                break  # a person, or a rank before one ("... Kota Komisaris Besar X")
            else:
                j += 1
        if j > i + length:
            known = data.place(" ".join(doc.lower[i:j]))  # "Majlis Keselamatan PBB": a listed body
            inside = [
                c.place for c in cands if i <= c.first and c.last <= j and c.place and c.place.kind == "org"
            ]
            stateless = next((p for p in inside if not p.country), None)  # a part of the UN is the UN's
            added.append(Cand(i, j, "ORG", 0.5, place=known if known and known.kind == "org" else stateless))
        i = j
    kept = [c for c in cands if not any(a.first <= c.first and c.last <= a.last for a in added)]
    return sorted(kept + added, key=lambda c: c.first)


def _title_at(doc: Doc, data: ActorData, i: int) -> bool:
    role = longest_role(doc, data, i, len(doc.words))[1]
    return role is not None and role.kind == "title"


def join_branch_areas(doc: Doc, data: ActorData, cands: list[Cand]) -> list[Cand]:
    """An organisation followed at once by an area word and its name ("Komnas HAM Provinsi Maluku", "KPU Kota
    Bogor", "BPBD Kabupaten Garut") is that body's branch there: one organisation, not the body and a place."""
    area_words = data.words("branch_area")
    if not area_words:
        return cands

    def continues(body: Cand, cand: Cand) -> bool:
        return (
            cand.type == "LOC"
            and cand.first == body.last
            and cand.last - cand.first > 1
            and doc.lower[cand.first] in area_words
            and doc.sentence[cand.first] == doc.sentence[body.first]
            and (body.type == "ORG" or body.place is not None and body.place.kind == "org")
        )

    return _absorb_following(cands, continues)


def _short_name_of(doc: Doc, data: ActorData, cand: Cand, word: str) -> bool:
    """A title-case short form in brackets after a body's name that opens with the name's first letter
    ("Bapanas", "Bulog", "Kemlu"), not a legal form ("(Persero)")."""
    lower = word.lower()
    return (
        word.isalpha()
        and word[:1].isupper()
        and 3 <= len(word) <= 10
        and lower[0] == doc.lower[cand.first][0]
        and lower not in data.words("company_suffix")
        and cand.last - cand.first >= 2
    )


def _is_acronym(word: str) -> bool:
    return word.isalpha() and word.isupper() and 2 <= len(word) <= 8


# --------------------------------------------------------------------------------------------- keys


def drop_state_suffix(doc: Doc, data: ActorData, cands: list[Cand]) -> list[Cand]:
    """ "Dewan Perwakilan Rakyat (DPR) RI": "RI" after a body, or after the body's short form in brackets, is part
    of the body's name (of the Republic of Indonesia), not a mention of the country that could act on its own."""
    suffixes = data.words("state_suffix")
    if not suffixes:
        return cands
    ending = {c.last: c for c in cands}
    out = []
    for cand in cands:
        k = cand.first
        if cand.last - k == 1 and k > 0 and doc.lower[k] in suffixes:
            if doc.words[k - 1] == ")":
                k = next((j for j in range(k - 2, max(k - 8, -1), -1) if doc.words[j] == "("), -1)
            body = ending.get(k)
            if body is not None and body.type == "ORG":
                continue
        out.append(cand)
    return out


def resolve_homonym_places(doc: Doc, data: ActorData, cands: list[Cand]) -> None:
    """A place name shared by a division of one country and a town or country elsewhere, read from the text:
    "Mansfield, Ohio," is the Ohio town (the state named after the comma); "Georgia" in a record that names other
    places of the United States is the state, not the Caucasus country."""
    divisions = states()
    places = [c for c in cands if c.type == "LOC" and c.place is not None and c.place.country]
    by_first = {c.first: c for c in places}
    named: dict[str, set[str]] = defaultdict(set)  # country -> the names of its divisions in the text
    for c in places:
        phrase = " ".join(doc.lower[c.first : c.last])
        if phrase in divisions and phrase not in city_states():
            named[divisions[phrase]].add(phrase)
    moved = {}  # first word of a place read as a division -> (the country it was read as, the division's)
    for cand in places:
        phrase = " ".join(doc.lower[cand.first : cand.last])
        home = divisions.get(phrase)
        # the words of a division next to it, or another division of that country named in the text ("Georgia
        # and Arizona"; not its name or capital, nor the same name again: "Russia has troops in Georgia; the
        # United States ...", "Georgia protested")
        if home and home != cand.place.country and (_division_words_near(doc, data, cand) or named[home] - {phrase}):
            moved[doc.lower[cand.first]] = (cand.place.country, home)
            cand.place = Place(home, "city")  # "Georgia Gov. Brian Kemp ... in Atlanta"
            continue
        state = by_first.get(cand.last + 1)
        if cand.place.kind != "city" or state is None or cand.last >= len(doc.words) or doc.words[cand.last] != ",":
            continue
        home = divisions.get(" ".join(doc.lower[state.first : state.last]))
        closed = state.last >= len(doc.words) or doc.words[state.last] in (",", ".", ")", ";")
        if home and home != cand.place.country and closed:
            cand.place = Place(home, "city")
    for cand in cands:  # "[Georgia Gov.] Brian Kemp": the title's country was read before
        for k in range(max(cand.first - 3, 0), cand.first):
            old, home = moved.get(doc.lower[k], (None, None))
            if old and cand.title_country == old:
                cand.title_country = home


def _division_words_near(doc: Doc, data: ActorData, cand: Cand) -> bool:
    """ "Georgia Gov.", "the state of Georgia", "Georgia state": words of a division, not a country, next to it."""
    words = data.words("division_word")
    after = doc.lower[cand.last] if cand.last < len(doc.words) else ""
    before = doc.lower[cand.first - 2] if cand.first >= 2 and doc.lower[cand.first - 1] == "of" else ""
    return after in words or before in words


def assign_keys(doc: Doc, data: ActorData, cands: list[Cand]) -> None:
    full_names = {_name_words(doc, c) for c in cands if c.type == "PER" and c.last - c.first > 1}
    for cand in cands:
        words = _name_words(doc, cand)
        if cand.type == "PER" and len(words) == 1 and words[0] in nicknames():
            words = tuple(nicknames()[words[0]].split(" "))  # "Jokowi" is one entity with "Joko Widodo"
        if cand.kind == "equipment":
            cand.key = ("misc", " ".join(words))
        elif cand.type != "PER" and (bare := _without_company_suffix(data, words)) != words:
            cand.type = "ORG"  # "Sierra Nevada Corp." tagged LOC; "BYD Co Ltd" is the "BYD" of the text
            cand.key = ("name", " ".join(bare))
        elif cand.place and cand.place.country and cand.place.kind in COUNTRY_KINDS:
            cand.key = ("country", cand.place.country)
        elif cand.place and cand.place.kind == "capital" and acts(doc, data, cand):
            cand.key = ("country", cand.place.country)
        elif cand.type == "LOC" and cand.place is not None:
            cand.key = ("loc", " ".join(words))
        elif cand.type == "LOC":
            # an unknown place is read like a name: context may make it an organisation ("X dan organisasi Rusia
            # lainnya") or a person's surname ("Jeff Sanborn ... Sanborn said")
            person = _full_name(words, full_names)
            cand.type = "PER" if person != " ".join(words) else "LOC"
            cand.key = ("name", person)
        else:
            cand.key = ("name", _full_name(words, full_names, cand.type == "PER"))
    link_acronyms(doc, cands)
    shorts, full_forms = short_forms(data.lang), _full_forms(data.lang)
    capitals = capital_short_forms(data.lang)
    # "Kejagung" ... "Kejaksaan Agung": one body, unless the text defined the short form itself
    for cand in cands:
        if (
            cand.key[0] == "name"
            and cand.key[1] in shorts
            and cand.key == ("name", " ".join(_name_words(doc, cand)))
            and (cand.key[1] not in capitals or doc.words[cand.first].isupper())
        ):
            cand.key = ("name", shorts[cand.key[1]].lower())
        elif cand.key[0] == "name" and (full := _short_form_of_country(data, shorts, cand.key[1])):
            cand.key = ("name", full)  # "Kemlu China" is the "Kementerian Luar Negeri China" of the text
        elif cand.key[0] == "name" and cand.key[1].endswith(" ri") and cand.key[1][:-3] in full_forms:
            cand.key = ("name", cand.key[1][:-3])  # "Kementerian Luar Negeri RI" is the Kemlu of the text
        elif cand.key[0] == "name" and cand.type == "ORG":
            full = regional_full_name(data.lang, cand.key[1].split(" ")) or _headed_unit(doc, data, cand)
            if full is not None:  # "Polda Jatim" is the "Kepolisian Daerah Jawa Timur" of the text
                cand.key = ("name", full.lower())


def _short_form_of_country(data: ActorData, shorts: dict[str, str], key: str) -> str | None:
    """Full name of a body's short form followed by a country's name ("kemlu china" -> "kementerian luar negeri
    china"), else None."""
    first, _, rest = key.partition(" ")
    place = data.place(rest) if rest and first in shorts else None
    if place is None or place.kind not in COUNTRY_KINDS:
        return None
    return f"{shorts[first].lower()} {rest}"


def _headed_unit(doc: Doc, data: ActorData, cand: Cand) -> str | None:
    """ "Kapolres [Metro Bekasi]": the body the chief's title names, in full ("Kepolisian Resor Metro Bekasi")."""
    body = unit_heads(data.lang).get(doc.lower[cand.first - 1]) if cand.first else None
    return regional_full_name(data.lang, [body, *doc.words[cand.first : cand.last]]) if body else None


def link_acronyms(doc: Doc, cands: list[Cand]) -> None:
    """ "Badan Pusat Statistik (BPS)", "Joko Widodo (Jokowi)": the short form in brackets is the same entity."""
    full: dict[str, tuple[str, str]] = {}
    for cand in cands:
        j = cand.last
        if (
            cand.key[0] == "name"
            and cand.type in ("ORG", "PER")
            and j + 2 < len(doc.words)
            and doc.words[j] == "("
        ):
            short = doc.words[j + 1]
            # "(BPS)", "(Jokowi)", and for a body a short form in camel case ("(MetMalaysia)", "(KontraS)")
            fits = short.istitle() or cand.type == "ORG" and (_is_acronym(short) or short[:1].isupper())
            if doc.words[j + 2] == ")" and fits and short.isalpha():
                full.setdefault(short.lower(), cand.key)
    for cand in cands:
        if cand.key[0] == "name" and cand.key[1] in full:
            cand.key = full[cand.key[1]]
    link_initials(doc, cands)


def link_initials(doc: Doc, cands: list[Cand]) -> None:
    """An unlisted acronym is the one body of the text whose capitalised words it abbreviates ("American Civil
    Liberties Union ... an ACLU attorney"), though the text never defined it in brackets."""
    by_initials: dict[str, set] = defaultdict(set)
    for cand in cands:
        words = [w for w in doc.words[cand.first : cand.last] if w[:1].isupper()]
        if cand.type == "ORG" and len(words) >= 2:
            by_initials["".join(w[0] for w in words)].add(cand.key)
    for cand in cands:
        word = doc.words[cand.first]
        if cand.last - cand.first == 1 and cand.place is None and _is_acronym(word):
            keys = by_initials.get(word, set())
            if len(keys) == 1:
                cand.key = next(iter(keys))


def join_office_places(doc: Doc, data: ActorData, cands: list[Cand]) -> None:
    """ "Lurah Cawang, Siti Rahmawati": after an office title, a "person" whose words end a place the text names
    ("Kelurahan Cawang") is that place, the one the office governs; both become one place entity."""
    titled = [
        c for c in cands if c.type in ("PER", "LOC") and c.key[0] == "name" and _after_office(doc, data, c)
    ]
    if not titled:
        return
    places_by_last: dict[str, list[Cand]] = defaultdict(list)
    for c in cands:
        if c.type == "LOC":
            places_by_last[doc.lower[c.last - 1]].append(c)
    for cand in titled:
        words = _name_words(doc, cand)
        place = next(
            (
                c
                for c in places_by_last.get(words[-1], ())
                if c.last - c.first > len(words) and _name_words(doc, c)[-len(words) :] == words
            ),
            None,
        )
        if place is None:
            _office_territory(doc, data, cand, cands)
            continue
        if place.key[0] == "name":  # an unknown place, read like a name until now
            place.key = ("loc", " ".join(_name_words(doc, place)))
        cand.type, cand.key = "LOC", place.key


def _office_territory(doc: Doc, data: ActorData, cand: Cand, cands: list[Cand]) -> None:
    """ "Camat Cibatu, Asep Hidayat": after the title of an office that governs a territory (grammar key
    territorial_office), a one- or two-word name followed by a comma and a person is the territory."""
    if doc.lower[cand.first - 1] not in data.words("territorial_office") or cand.last - cand.first > 2:
        return
    comma = cand.last
    if (
        comma + 1 >= len(doc.words)
        or doc.words[comma] != ","
        or doc.sentence[comma] != doc.sentence[cand.first]
    ):
        return
    person = next((c for c in cands if c.first == comma + 1), None)
    if person is not None and person.type == "PER":
        cand.type, cand.key = "LOC", ("loc", " ".join(_name_words(doc, cand)))


def _after_office(doc: Doc, data: ActorData, cand: Cand) -> bool:
    """The word before the mention is an office title ("Lurah", "Gubernur", "Mayor")."""
    title = data.roles.get(doc.lower[cand.first - 1]) if cand.first else None
    return title is not None and title.kind == "title" and title.code is not None


def _without_company_suffix(data: ActorData, words: tuple[str, ...]) -> tuple[str, ...]:
    suffixes = data.words("company_suffix")
    end = len(words)
    while end > 1 and words[end - 1] in suffixes:
        end -= 1
    return words[:end]


def _name_words(doc: Doc, cand: Cand) -> tuple[str, ...]:
    return tuple(doc.lower[cand.first : cand.last])


def _full_name(words: tuple[str, ...], full_names: set[tuple[str, ...]], person: bool = False) -> str:
    """The one longer person name that ends with ``words`` ("Trump"), or starts with them for one word or another
    person's name ("Sri Mulyani" of "Sri Mulyani Indrawati"; not "Davis Cup" of a mistagged "Davis Cup Finals");
    else ``words``."""
    n = len(words)
    matches = {
        f for f in full_names if len(f) > n and (f[-n:] == words or (n == 1 or person) and f[:n] == words)
    }
    longest = {f for f in matches if not any(len(g) > len(f) and g[-len(f) :] == f for g in matches)}
    return " ".join(longest.pop() if len(longest) == 1 else words)


# --------------------------------------------------------------------------------------------- context
# --------------------------------------------------------------------------------------------- entities


def build_entities(
    doc: Doc, data: ActorData, cands: list[Cand], lang: str | None, dateline: str | None
) -> list[Entity]:
    groups: dict[tuple[str, str], list[Cand]] = defaultdict(list)
    for cand in cands:
        groups[cand.key].append(cand)
    by_token = {k: c for c in cands for k in range(c.first, c.last)}
    split_generic_bodies(doc, data, groups, by_token)
    evidence = {key: gather(doc, data, key, members, cands, by_token) for key, members in groups.items()}
    entities = {
        key: make_entity(doc, data, key, members, evidence[key], lang) for key, members in groups.items()
    }
    for key, members in list(groups.items()):
        if all(c.guess for c in members) and not _typed(entities[key], evidence[key]):
            del groups[key], entities[key], evidence[key]
    resolve_countries(doc, data, groups, entities, evidence, dateline)
    ordered = sorted(groups, key=lambda key: groups[key][0].first)
    out = []
    for n, key in enumerate(ordered, 1):
        entity = entities[key]
        entity.id = f"e{n}"
        out.append(entity)
    return out


def split_generic_bodies(doc: Doc, data: ActorData, groups: dict, by_token: dict) -> None:
    """A body named only by role words ("Defense Ministry", "Kementerian Luar Negeri") is one entity per country
    the text gives its mentions ("Russia's Defense Ministry ... Taiwan's Defense Ministry"); a mention with no
    country of its own is the last one named before it (or the first, before any)."""
    for key, members in list(groups.items()):
        if key[0] != "name" or len(members) < 2 or not all(w in data.role_words for w in key[1].split(" ")):
            continue
        owners = [read_before(doc, data, c.first, by_token).country or c.title_country for c in members]
        if len(set(filter(None, owners))) < 2:
            continue
        current = next(filter(None, owners))
        del groups[key]
        for cand, owner in zip(members, owners, strict=True):
            current = owner or current
            cand.key = (key[0], f"{key[1]} @{current}")
            groups[cand.key].append(cand)


def _typed(entity: Entity, ev: Evidence) -> bool:
    """A guessed name is kept when context or known data says what it is."""
    hinted = any(t != "MISC" and v >= 1 for t, v in ev.types.items())
    return hinted or entity.name.lower() in known_orgs() or entity.name.lower() in known_people()


def gather(doc: Doc, data: ActorData, key, members: list[Cand], cands: list[Cand], by_token) -> Evidence:
    ev = Evidence()
    if key[0] != "name":
        return ev
    for cand in members:
        ev.types[cand.type] += cand.confidence
        if cand.title_role:
            ev.roles[cand.title_role] += 2
        if cand.title_country:
            ev.countries[cand.title_country] += 2
        before = read_before(doc, data, cand.first, by_token)
        after, type_hint = read_after(doc, data, cand.last, by_token)
        for window in (before, after):
            if window.role:
                ev.roles[window.role] += 1
            if window.country:
                ev.countries[window.country] += 1
        if type_hint:
            ev.types[type_hint] += 2
        ev.types.update(_type_cues(doc, data, cand, before, after, type_hint, by_token))
        if before.employer:
            ev.employers.append(before.employer)
        if before.titled:
            ev.title_employers.append(before.employer)
        scene = _scene_country(doc, data, cand, by_token)
        if scene:
            ev.scenes[scene] += 1
        if before.possessive:
            owner = _previous_person(cands, cand)
            if owner is not None:
                ev.owners.append(owner.key)
    return ev


def _scene_country(doc: Doc, data: ActorData, cand: Cand, by_token: dict) -> str | None:
    """The country of the town a sentence opens with, for the body named right after it ("In Moscow, the Defense
    Ministry said ..."; "Di Jakarta, Kementerian ..."; not a body named later in the sentence)."""
    start = _sentence_starts(doc)[doc.sentence[cand.first]]
    place = by_token.get(start + 1)
    if doc.lower[start] not in data.words("locative") or place is None or place.first != start + 1:
        return None
    if place.last >= cand.first or doc.words[place.last] != "," or place.place is None:
        return None
    between = doc.lower[place.last + 1 : cand.first]
    if any(w not in data.words("determiner") and w not in data.role_words for w in between):
        return None
    return place.place.country if place.place.kind in ("capital", "city") else None


def _sentence_starts(doc: Doc) -> dict[int, int]:
    """Sentence number -> its first token, found once per text (a walk back per mention is quadratic on a huge
    page without sentence ends)."""
    if doc.sentence_starts is None:
        starts: dict[int, int] = {}
        for i, number in enumerate(doc.sentence):
            starts.setdefault(number, i)
        doc.sentence_starts = starts
    return doc.sentence_starts


def _type_cues(doc: Doc, data: ActorData, cand: Cand, before, after, type_hint, by_token) -> Counter:
    """Votes for the type from the name's own head noun ("Partai X", "PT X"), a title before it ("Presiden X")
    and an apposition after it ("X, pemimpin oposisi,"; "X, perusahaan Jerman,")."""
    if _org_head(doc, data, cand):
        return Counter({"ORG": 2})
    if _place_head(doc, data, cand):
        return Counter({"LOC": 2})
    cues = Counter()
    titled = before.role_kind == "title" or before.employer or cand.title_role
    if before.employer is not None and before.employer == cand.key:
        titled = False  # "Kepala Darul Quran (Daqu)": the short form's own full name, not its employer
    if titled and not _known_body(doc, data, cand) and not _officer_follows(doc, data, cand, by_token):
        cues["PER"] += 2  # "Presiden X", "Ketua Partai Golkar X": as strong as a class noun
    if not type_hint and after.role_kind in ("title", "person", "org"):
        cues["ORG" if after.role_kind == "org" else "PER"] += 2
    if not cues and _after_place_noun(doc, data, cand):
        cues["LOC"] += 2  # "the port city of [Odesa]", "kota [Odesa]": as strong as a class noun
    return cues


def _officer_follows(doc: Doc, data: ActorData, cand: Cand, by_token: dict) -> bool:
    """A person named right after the name, past rank words only ("Kapolda [Metro Jaya] Irjen Karyoto"): the
    title before is that person's, and the name between is the office's unit or area ("Sekjen [ASEAN]" too)."""
    k = cand.last
    while k < len(doc.words) and doc.sentence[k] == doc.sentence[cand.first] and _is_title_word(data, doc.lower[k]):
        k += 1
    after = by_token.get(k)
    return after is not None and after.first == k and after.type == "PER" and after is not cand


def _after_place_noun(doc: Doc, data: ActorData, cand: Cand) -> bool:
    """A lower-case settlement noun right before the name ("kota", "desa"), or one and "of" ("the city of")."""
    i = cand.first
    if i >= 2 and f"{doc.words[i - 2]}_{doc.words[i - 1]}" in data.words("place_before_pair"):
        return doc.sentence[i - 2] == doc.sentence[i]  # "kamp pengungsi [Nuseirat]"
    if i >= 1 and doc.words[i - 1] == doc.lower[i - 1] and doc.lower[i - 1] in data.words("place_before"):
        titled = i >= 2 and doc.lower[i - 2] in data.role_words  # "Sekretaris desa [X]": the village's officer
        return not titled and doc.sentence[i - 1] == doc.sentence[i]
    if i >= 2 and doc.lower[i - 1] == "of" and doc.lower[i - 2] in data.words("place_of"):
        return doc.words[i - 2] == doc.lower[i - 2] and doc.sentence[i - 2] == doc.sentence[i]
    return False


def _known_body(doc: Doc, data: ActorData, cand: Cand) -> bool:
    phrase = " ".join(doc.lower[cand.first : cand.last])
    place = data.place(phrase)
    return phrase in known_orgs() or (place is not None and place.kind == "org") or phrase in _full_forms(data.lang)


def _previous_person(cands: list[Cand], cand: Cand) -> Cand | None:
    earlier = [
        c
        for c in cands
        if c.type == "PER"
        and c.last <= cand.first
        and c.key != cand.key
        and cand.first - c.last <= POSSESSIVE_REACH
    ]
    return earlier[-1] if earlier else None


def make_entity(
    doc: Doc, data: ActorData, key, members: list[Cand], ev: Evidence, lang: str | None
) -> Entity:
    kind, value = key
    spans = [
        Span(
            doc.spans[c.first][0],
            doc.spans[c.last - 1][1],
            doc.text[doc.spans[c.first][0] : doc.spans[c.last - 1][1]],
        )
        for c in members
    ]
    confidence = round(sum(c.confidence for c in members) / len(members), 3)
    entity = Entity(id="", name="", type=members[0].type, mentions=spans, confidence=confidence)
    if kind == "country":
        entity.name, entity.type, entity.country = country_name(value, lang), "LOC", value
        entity.kind = "country"
    elif kind == "loc":
        entity.name, entity.type = _common_surface(spans), "LOC"
        entity.country = next((c.place.country for c in members if c.place and c.place.country), None)
        if any(c.place and c.place.kind == "region" for c in members):
            return entity  # a continent or world region ("Afrika, India dan ..."): in no one country
        if entity.country is None and not _natural_feature(doc, data, members[0]):
            # "Jakarta Timur", "DKI Jakarta": a district of a known city ("Scarborough Shoal" is not in England)
            entity.country = place_inside(doc, data, members[0], {"capital", "city"})
        if entity.country is None:  # "Kelurahan Cawang, Jakarta Timur": a place within the one after it
            entity.country = next(filter(None, (_country_after_comma(doc, data, c) for c in members)), None)
        if entity.country is None:
            entity.country = _home_area(doc, data, members)
    elif kind == "misc":
        entity.name, entity.type, entity.kind = spans[0].text, "MISC", "equipment"
    else:
        entity.type = _vote_type(ev, value)
        entity.name = _longest_surface(spans) if entity.type in ("PER", "ORG") else _common_surface(spans)
        full = short_forms(data.lang).get(entity.name.lower())
        if full is not None and full.lower() == value:
            entity.name = full  # only the short form in the text: "KPK" is Komisi Pemberantasan Korupsi
        regional = regional_full_name(data.lang, entity.name.split(" ")) or next(
            filter(None, (_headed_unit(doc, data, c) for c in members)), None
        )
        if regional is not None and regional.lower() == value:
            entity.name = regional  # "Polda Jatim" named in full: Kepolisian Daerah Jawa Timur
        if entity.type == "LOC":
            if not _natural_feature(doc, data, members[0]):
                entity.country = place_inside(doc, data, members[0], {"capital", "city"})
            if entity.country is None:  # "di Menteng, Jakarta Pusat": an unlisted place within the one after it
                entity.country = next(
                    filter(None, (_country_after_comma(doc, data, c) for c in members if not _listed_after_comma(doc, c))),
                    None,
                )
            if entity.country is None:
                entity.country = _home_area(doc, data, members)
            return entity  # a place: no role, and no country from person-style context
        entity.role = _top(ev.roles) if ev.roles else None
        entity.country = _top(ev.countries) if ev.countries else None
        place = next((c.place for c in members if c.place and c.place.kind == "org"), None)
        if place is not None:  # a known body ("TNI"): an organisation whatever the tagger said
            entity.type = "ORG"
            entity.country = entity.country or place.country
            # "peneliti [ICW]": the researcher's word is not the body's role
            entity.role = place.role or entity.role
        # the words of a known body's name do not outrank the list ("Bank Dunia" is no firm, "Palang Merah" no town)
        if entity.type == "ORG" and (place is None or not place.role):
            longest = max(members, key=lambda c: c.last - c.first)  # "BYD Co Ltd", not the "BYD" named first
            _org_from_name(doc, data, longest, entity)
        if entity.type == "ORG" and entity.country is None:  # "Rumah Sakit Al-Shifa di Gaza": where it stands
            entity.country = next(filter(None, (_country_after_locative(doc, data, c) for c in members)), None)
    return entity


def _home_area(doc: Doc, data: ActorData, members: list[Cand]) -> str | None:
    """ "Kecamatan Cikajang": an area named with a word only the home country's administration uses is there."""
    home = sorted(data.words("home_country"))
    if len(home) != 1 or not any(doc.lower[c.first] in data.words("home_place_head") for c in members):
        return None
    return home[0].upper()


def _country_after_locative(doc: Doc, data: ActorData, cand: Cand) -> str | None:
    if cand.last < len(doc.words) and doc.lower[cand.last] in data.words("locative"):
        return _country_after_comma(doc, data, cand)
    return None


def _natural_feature(doc: Doc, data: ActorData, cand: Cand) -> bool:
    """A sea, shoal or strait named after a word that is also a town or country ("Scarborough Shoal", "Sea of
    Japan", "Laut China Selatan", "Selat Malaka"): the feature word ends or opens the name."""
    heads = data.words("feature_head")
    return cand.last - cand.first > 1 and (doc.lower[cand.last - 1] in heads or doc.lower[cand.first] in heads)


def _country_after_comma(doc: Doc, data: ActorData, cand: Cand) -> str | None:
    """Country of a known place written right after the mention and a comma ("Desa X, Kabupaten Garut") or a
    locative ("kamp pengungsi X di Jalur Gaza", "X in Ukraine")."""
    i = cand.last + 1
    if i >= len(doc.words) or doc.sentence[i] != doc.sentence[cand.first]:
        return None
    if doc.words[i - 1] != "," and doc.lower[i - 1] not in data.words("locative"):
        return None
    for length in data.place_lengths.get(doc.lower[i], ()):
        place = data.places.get(" ".join(doc.lower[i : i + length]))
        if place is not None and place.country and place.kind not in ("adj", "org"):
            return place.country  # a place, not a body ("di Bulan, NASA ...")
    end = i
    while end < min(i + 3, len(doc.words)) and doc.words[end][:1].isupper():
        end += 1  # the capitalised words of the next name only ("Jakarta Timur")
    return place_inside(doc, data, Cand(i, end, "LOC", 0.0), {"capital", "city"}) if end > i else None


def _listed_after_comma(doc: Doc, cand: Cand) -> bool:
    """ "Hyannis, [Nantucket], Chatham": an item of a list of places, whose next item is no container of it."""
    return cand.first > 0 and doc.words[cand.first - 1] == ","


def _vote_type(ev: Evidence, name: str) -> str:
    if name in known_people() and not ev.types.get("ORG"):
        return "PER"
    if name in known_orgs():
        ev.types["ORG"] += 1
    return _top(ev.types) if ev.types else "MISC"


def _top(counts: Counter):
    """= ``counts.most_common(1)[0][0]`` (the first of the largest counts), without its heap set-up."""
    return max(counts.items(), key=itemgetter(1))[0]


def _org_from_name(doc: Doc, data: ActorData, cand: Cand, entity: Entity) -> None:
    """Role and country words inside an organisation's own name ("Kementerian Pertahanan Rusia", "Tentara X")
    outrank what the context says about it; so does the role of a listed body named whole ("UN Security
    Council" is IGO even beside "the International Court of Justice")."""
    listed = _listed_body(data, " ".join(doc.lower[cand.first : cand.last]))
    if listed is not None and listed.role:
        entity.role, entity.country = listed.role, entity.country or listed.country
    else:
        _org_role_from_words(doc, data, cand, entity)
    entity.country = place_inside(doc, data, cand, COUNTRY_KINDS | {"capital"}) or entity.country
    # else a unit named after the known body it belongs to ("Densus 88 Antiteror Polri"), else a body named after
    # its town ("Kepolisian Resor Sleman", "Manchester United")
    entity.country = entity.country or place_inside(doc, data, cand, {"org"})
    entity.country = entity.country or place_inside(doc, data, cand, {"city"}, _lowercase_words(data.lang))


def _org_role_from_words(doc: Doc, data: ActorData, cand: Cand, entity: Entity) -> None:
    """The role of a body no list names whole: its role noun, else the known body it is a unit of."""
    for i in range(cand.first, cand.last):
        length, role = longest_role(doc, data, i, cand.last)
        whole = i == cand.first and length == cand.last - cand.first  # "Ministry of Commerce" (Phoenix)
        if role is not None and (role.kind == "org" or whole) and role.code:
            entity.role = role.code
            break
    links = data.words("org_link")
    for k in range(cand.first, cand.last - 1) if entity.role is None else ():
        role = data.roles.get(doc.lower[k])  # "United States [Department of] Agriculture", "Bureau of Prisons"
        if doc.lower[k + 1] in links and role is not None and role.kind == "org" and role.code:
            entity.role = role.code
            break
    end = cand.last  # "Komisi III DPR RI": the unit of the body named before "RI"
    if end - cand.first > 2 and doc.lower[end - 1] in data.words("state_suffix"):
        end -= 1
    parent = next(
        (
            place
            for k in range(cand.first + 1, end)
            if (place := data.place(" ".join(doc.lower[k:end]))) and place.kind == "org" and place.role
        ),
        None,
    )
    if parent is not None:  # "Komisi III DPR", "Pusat Penerangan TNI": a unit of the known body named last
        entity.role = parent.role
    elif entity.role is None:  # "United Nations Security Council": a unit of the known body named first
        # (not a firm's or outlet's: "Apple Watch", "Google Stadia" are products; nor "NASA's Galileo", a craft)
        entity.role = next(
            (
                body.role
                for k in range(cand.last - 1, cand.first, -1)
                if (body := _listed_body(data, " ".join(doc.lower[cand.first : k])))
                and body.role not in (None, "BUS", "MED")
                and doc.lower[k] not in POSSESSIVE_CLITICS
            ),
            None,
        )


def _listed_body(data: ActorData, phrase: str):
    place = data.place(phrase)
    return place if place is not None and place.kind == "org" else known_orgs().get(phrase)


def _longest_surface(spans: list[Span]) -> str:
    return max(spans, key=lambda s: (len(s.text.split()), len(s.text), -s.start)).text


def _common_surface(spans: list[Span]) -> str:
    counts = Counter(s.text for s in spans)
    return max(
        counts, key=lambda t: (t[:1].isupper(), counts[t], -next(s.start for s in spans if s.text == t))
    )


def resolve_countries(
    doc: Doc, data: ActorData, groups, entities: dict, evidence: dict, dateline: str | None
) -> None:
    """Fill missing countries and roles of people and organisations: known people/organisations, then possessive
    owners and employers, then the dateline country for domestic roles, or for every actor when the record is
    about the dateline's country (most place mentions, or no country named at all)."""
    actors = {key: e for key, e in entities.items() if key[0] == "name" and e.type in ("PER", "ORG")}
    listed_roles = {}  # the lists' role waits for the text's employer ("NATO's Secretary-General", not Phoenix's ELI)
    # bodies the lists give no country on purpose (Telegram, al-Qaeda, the UN): no home country is guessed for them
    stateless = {
        key
        for key in actors
        if any(c.place and c.place.kind == "org" and not c.place.country for c in groups[key])
    }
    for key, entity in actors.items():
        _name_leader(entity)
        if entity.country and entity.role:
            continue
        known = _known(entity, groups[key], doc)
        if known is not None and known.country is None:
            stateless.add(key)
        if known is not None:
            entity.country = entity.country or known.country
            if evidence[key].employers:
                listed_roles[key] = known.role
            else:
                entity.role = entity.role or known.role
    # "In Moscow, the Defense Ministry said": the scene before the dateline
    for key, entity in actors.items():
        scenes = evidence[key].scenes
        if entity.country is None and entity.type == "ORG" and entity.role in STATE_ORG_ROLES and scenes:
            entity.country = None if key in stateless else _top(scenes)
    home = _dateline_country(data, dateline)
    inferred = home is None
    if inferred:  # no dateline: a record whose places are mostly of one country is set there
        home = _main_country(entities) or None
        if home is not None and _place_mentions(entities, home) < 3:
            home = None
    if home is not None:
        for key, entity in actors.items():
            if entity.country is None and entity.type == "ORG" and entity.role in STATE_ORG_ROLES:
                entity.country = None if key in stateless else home
    for _ in range(2):  # owners may get their country from an earlier pass
        for key, entity in actors.items():
            if key not in stateless:
                _from_links(entity, evidence[key], actors)
    for key, role in listed_roles.items():
        actors[key].role = actors[key].role or role
    for key, entity in actors.items():
        _employer_role(entity, evidence[key], actors)
    if home is None:
        return
    at_home = not inferred and _main_country(entities) in (home, "")
    # the press of Indonesia and Malaysia name their own state's officers with no country ("Menteri Perdagangan X"),
    # a foreign one always with it ("Menteri Perdagangan AS X"): with a home dateline, an uncountried officer is home's
    home_press = not inferred and home in data.words("home_country")
    for key, entity in actors.items():
        if (
            entity.country is None
            and key not in stateless
            and (
                entity.role in DOMESTIC_ROLES
                or at_home
                and entity.role not in ("IGO", "NGO")
                or home_press
                and entity.role in STATE_ORG_ROLES
            )
        ):
            entity.country = home  # a domestic role, or any actor of a record about the dateline's country


def _place_mentions(entities: dict, country: str) -> int:
    return sum(
        len(e.mentions)
        for key, e in entities.items()
        if key[0] in ("country", "loc") and e.country == country
    )


def _from_links(entity: Entity, ev: Evidence, entities: dict) -> None:
    for owner in ev.owners:
        theirs = entities.get(owner)
        if theirs is None:
            continue
        if entity.country is None and theirs.country:
            entity.country = theirs.country
        elif theirs.country is None and entity.country and theirs.type == "PER":
            theirs.country = entity.country
    for employer in ev.employers:
        theirs = entities.get(employer)
        if theirs is not None:
            entity.country = entity.country or theirs.country
            entity.role = entity.role or theirs.role


def _employer_role(entity: Entity, ev: Evidence, entities: dict) -> None:
    """A person whose title names a non-state body takes its role over the title's ("World Bank President X",
    "Boeing President X", "WHO Director-General X" are no heads of state or generals); one whose title gives no
    role takes any body's ("Kepala Bapanas X": the head of a state agency is GOV)."""
    if entity.type != "PER":
        return
    for employer in ev.title_employers:
        theirs = entities.get(employer)
        if theirs is not None and (theirs.role in EMPLOYER_ROLES or entity.role is None and theirs.role):
            entity.role = theirs.role
            return


def _main_country(entities: dict) -> str | None:
    """The country of at least half the place mentions (its name, capital or cities); "" when none has a
    country; None when no country dominates (a report from Madrid on teams of twenty countries is not about
    Spain, though Spain is named most)."""
    counts = Counter()
    for key, entity in entities.items():
        if key[0] in ("country", "loc") and entity.country:
            counts[entity.country] += len(entity.mentions)
    if not counts:
        return ""
    country = _top(counts)
    n = counts[country]
    tie = sum(1 for m in counts.values() if m == n) > 1
    return country if 2 * n >= counts.total() and not tie else None


def _name_leader(entity: Entity) -> None:
    """ "Putin" with no full name in the text (and no other country said of him): the leader of that name."""
    if entity.type != "PER" or " " in entity.name:
        return
    leader = leader_surnames().get(entity.name.lower())
    if leader is not None and entity.country in (None, leader[1].country):
        entity.name = leader[0]
        entity.country = entity.country or leader[1].country
        entity.role = entity.role or leader[1].role


def _known(entity: Entity, members: list[Cand], doc: Doc):
    names = [entity.name.lower(), *(" ".join(doc.lower[c.first : c.last]) for c in members)]
    table = known_people() if entity.type == "PER" else known_orgs()
    # one-word people only from the hand-written leaders list ("Sugiono"): Phoenix's one-word entries are ambiguous
    one_word_ok = entity.type != "PER"
    return next(
        (table[n] for n in names if n in table and (" " in n or one_word_ok or n in leader_names())), None
    )


def _dateline_country(data: ActorData, dateline: str | None) -> str | None:
    if not dateline:
        return None
    place = data.places.get(" ".join(w.lower() for w in dateline.split()))
    return place.country if place else None
