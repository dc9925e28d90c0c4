"""Reading the text around names: tokens and sentences, role phrases, and the context windows that give a person or
organisation its role, country, employer or possessive owner ("perwakilan khusus AS untuk Venezuela, Elliott Abrams",
"Penasihat Keamanan Nasionalnya John Bolton", "X dan organisasi Rusia lainnya"), and whether a capital acts for its
government ("Moskow mengkonfirmasi"). Word lists come from ``warta.nlp.actors`` (per-language data files).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from warta.nlp.actors import ActorData, Place
from warta.nlp.tokenize import token_words

WINDOW = 8  # tokens of context read before or after a name
COUNTRY_KINDS = frozenset({"country", "adj"})
_SENTENCE_END = frozenset({".", "!", "?", ";"})
_BRACKETS = frozenset("[]()")
POSSESSIVE_CLITICS = frozenset({"'s", "’s"})


@dataclass(slots=True)
class Doc:
    """The article text as tokens with a sentence number per token."""

    text: str
    spans: list[tuple[int, int]]
    words: list[str]
    lower: list[str]
    sentence: list[int]
    starts: list[int] = field(default_factory=list)
    sentence_starts: dict[int, int] | None = None  # sentence number -> first token, filled when first needed
    lower_only: frozenset[str] | None = None  # filled by written_lower_only()

    def __post_init__(self) -> None:
        if not self.starts:
            self.starts = [s for s, _ in self.spans]

    @classmethod
    def of(cls, text: str) -> Doc:
        spans, words, lower = token_words(text)
        # a blank line between two tokens starts a new sentence (tokens never hold a line break, so every "\n\n"
        # lies in a gap; the token after it is the first one starting past it)
        starts = [s for s, _ in spans]
        breaks = set()
        at = text.find("\n\n")
        while at >= 0:
            breaks.add(bisect.bisect_left(starts, at + 2))
            at = text.find("\n\n", at + 1)
        sentence, number = [], 0
        for k, word in enumerate(words):
            if k in breaks and k:
                number += 1
            sentence.append(number)
            if word in _SENTENCE_END:
                number += 1
        return cls(text, spans, words, lower, sentence, starts)

    def sentence_initial(self, i: int) -> bool:
        """Token ``i`` opens its sentence or follows a non-word token (a quote mark, a bullet)."""
        return i == 0 or self.sentence[i - 1] != self.sentence[i] or not self.words[i - 1][:1].isalnum()

    def written_lower_only(self) -> frozenset[str]:
        """Words this text writes in lower case and never capitalised inside a sentence: "Stok" opening a sentence
        of an article that elsewhere writes "stok" is that word, not a name; "Adil" written capitalised mid-sentence
        too may be a name."""
        if self.lower_only is None:
            lower, capitalised = set(), set()
            for i, word in enumerate(self.words):
                if word[:1].islower():
                    lower.add(self.lower[i])
                elif word[:1].isupper() and not self.sentence_initial(i):
                    capitalised.add(self.lower[i])
            self.lower_only = frozenset(lower - capitalised)
        return self.lower_only

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        starts = self.starts
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end)
        if first >= len(self.spans) or self.spans[first][0] != start or self.spans[last - 1][1] != end:
            return None
        return first, last


@dataclass(slots=True)
class Cand:
    """One mention over tokens ``first:last`` while entities are being built."""

    first: int
    last: int
    type: str
    confidence: float
    kind: str | None = None  # "equipment"
    place: Place | None = None
    guess: bool = False  # a capitalised word the NER model skipped; kept only if the context types it
    title_role: str | None = None
    title_country: str | None = None
    key: tuple[str, str] | None = None


@dataclass(slots=True)
class Window:
    """What one context phrase says about the name next to it."""

    role: str | None = None
    role_kind: str | None = None
    country: str | None = None
    possessive: bool = False
    employer: tuple[str, str] | None = None  # "Kepala BPBD DKI Jakarta, X": the organisation X works for
    titled: bool = False  # the employer opens X's title ("World Bank President X"), not "(CNN) President X"


def role_or_country(data: ActorData, lower: str) -> bool:
    place = data.places.get(lower)
    return lower in data.role_words or bool(place and place.kind in COUNTRY_KINDS)


def place_inside(
    doc: Doc, data: ActorData, cand: Cand, kinds, ordinary: frozenset[str] = frozenset()
) -> str | None:
    """Country of the first place of ``kinds`` named inside the mention ("DKI Jakarta", "Tentara Venezuela"); a
    one-word place that is also an ``ordinary`` word does not count ("Majlis ... Negara": a town in Bali)."""
    for i in range(cand.first, cand.last):
        for length in data.place_lengths.get(doc.lower[i], ()):
            if length > cand.last - i or length == 1 and doc.lower[i] in ordinary:
                continue
            place = data.places.get(" ".join(doc.lower[i : i + length]))
            if place and place.country and place.kind in kinds:
                return place.country
    return None


def longest_role(doc: Doc, data: ActorData, i: int, limit: int):
    """(length, Role) of the longest role phrase starting at token i and ending before ``limit``; (0, None).
    Only the phrase lengths that start with the token's word are tried; the last word may carry the possessive
    suffix or be a plural."""
    room = limit - i
    if room < 1:
        return 0, None
    first = doc.lower[i]
    suffix = data.grammar.get("possessive_suffix", [])
    for length in data.role_lengths.get(first, ()):
        if length > room:
            continue
        if length == 1:
            break
        words = doc.lower[i : i + length]
        role = data.roles.get(" ".join(words))
        if role is None and suffix and words[-1].endswith(suffix[0]):
            words = [*words[:-1], words[-1][: -len(suffix[0])]]
            role = data.roles.get(" ".join(words))
        if role is None:
            role = next((data.roles.get(" ".join([*words[:-1], w])) for w in data.singulars(words[-1])), None)
        if role is not None:
            return length, role
    role = data.one_word_role(first)
    return (1, role) if role is not None else (0, None)


def acts(doc: Doc, data: ActorData, cand: Cand) -> bool:
    """A capital used for its government: subject of a verb, possessor, or a party "between X and Y"."""
    before = doc.lower[cand.first - 1] if cand.first else ""
    if before in data.words("relation") or before in data.words("speaker_before"):
        return True  # "antara Moskow dan ...", "kata Washington"
    if before in data.words("and") and any(
        doc.lower[k] in data.words("relation") for k in range(max(0, cand.first - 5), cand.first - 1)
    ):
        return True
    if before in data.words("prep"):
        return False
    j = cand.last
    while j < len(doc.words) and doc.lower[j] in data.words("adverb"):
        j += 1
    if j < len(doc.words) and doc.sentence[j] == doc.sentence[cand.first]:
        return doc.lower[j] in POSSESSIVE_CLITICS or data.is_verb(doc.words[j])
    return False


def read_before(doc: Doc, data: ActorData, first: int, by_token: dict[int, Cand]) -> Window:
    """Role, owning country and possessive in the noun phrase before a name ("perwakilan khusus AS untuk
    Venezuela, Elliott Abrams"; "his national security adviser John Bolton")."""
    tokens: list[int] = []
    countries: list[tuple[int, str]] = []
    targets: set[int] = set()
    pending: list[int] = []  # countries seen since the last role word (leftwards)
    after_prep: list[
        int
    ] = []  # ... and a preposition: its targets if a role word opens the phrase further left
    employer, titled, next_to_name, employer_first = None, False, False, 0
    owner = None  # the country whose possessive stands right before the name
    skipped = 0  # brackets and the employer's tokens do not use up the window
    i = first - 1
    while i >= 0 and first - i - skipped <= WINDOW and doc.sentence[i] == doc.sentence[first]:
        word, lower = doc.words[i], doc.lower[i]
        cand = by_token.get(i)
        if i == first - 1 and i > 0 and lower in POSSESSIVE_CLITICS:
            owner = country_at(data, doc.lower[i - 1], by_token.get(i - 1))  # "South Korea's X"
        if word == "," and i == first - 1 or word in _BRACKETS or cand is not None and cand.key == employer:
            if employer is not None and i == employer_first - 1:
                employer_first = i  # "Indonesia Corruption Watch (ICW) X": the body's name and its short form
            i, skipped = i - 1, skipped + 1
            continue
        if cand is not None and cand.key and cand.key[0] == "name" and not cand.guess:
            if cand.type != "ORG" or employer:
                break
            # "Direktur Utama <PT Pertamina> X", "juru bicara <Kemlu>, X": the organisation X works for
            # "World Bank President X" (the body opens the title), or "Direktur Utama PT Pertamina X" (the body
            # ends it, right before the name): the body names X's office, not a scene like "(CNN)President X"
            titled = bool(tokens) and tokens[-1] == cand.last and in_role_phrase(data, doc.lower[cand.last])
            next_to_name = not tokens and all(
                doc.words[k] in _BRACKETS or k in by_token for k in range(cand.last, first)
            ) or _located_between(doc, data, cand.last, first, by_token)
            employer, skipped, i = cand.key, skipped + i - cand.first + 1, cand.first - 1
            employer_first = cand.first
            continue
        town = _governed_town(doc, data, cand)
        if town:  # "Wali Kota Bogor X": the town's country; its words stay in the title ("wali kota")
            countries.append((cand.first, town))
            tokens.extend(range(cand.first, cand.last))
            i = cand.first - 1
            continue
        country = country_at(data, lower, cand)
        if country:
            start = cand.first if cand else i
            countries.append((start, country))
            pending.append(start)
            i = start - 1
            continue
        if word == "," and not _comma_in_office(doc, data, i, by_token):
            break  # "In Brussels, X", "Y, envoy to Kyiv, and X": the phrase before the comma is not X's
        if lower in data.words("prep"):
            after_prep.extend(pending)  # "utusan AS untuk Venezuela": Venezuela is the target, not the owner;
            pending = []  # "(spoke) with his Israeli counterpart X": no role word before "with", Israel is X's
        elif in_role_phrase(data, lower) or lower in data.words("determiner") or word[:1].isupper():
            if in_role_phrase(data, lower):
                targets.update(after_prep)
                pending, after_prep = [], []
                office = data.roles.get(lower)
                if office is not None and office.country:  # "Kapolri X", "Bupati Garut X": a national office
                    countries.append((i, office.country))
            tokens.append(i)
        elif lower in data.words("possessive") or lower in POSSESSIVE_CLITICS:
            tokens.append(i)
        elif lower in data.words("and") and _joins_office_words(doc, data, i):
            pass  # "Menteri Pekerjaan Umum dan Perumahan Rakyat (PUPR) X": one office name, read on past "dan"
        else:
            break
        i -= 1
    window = _window(doc, data, sorted(tokens), [(k, c) for k, c in countries if k not in targets], first)
    window.country = window.country or owner  # "South Korea's Unification Ministry": no role word needed
    window.employer = employer if window.role_kind is not None else None
    titled = titled or next_to_name and employer_first - 1 in tokens
    window.titled = titled and window.employer is not None
    if window.role_kind == "title" and first and doc.words[first - 1] == "(":
        window.role_kind = (
            "org"  # "Menteri Pekerjaan Umum (PUPR)": the short name of the office, not a person
        )
    return window


def _located_between(doc: Doc, data: ActorData, start: int, first: int, by_token: dict[int, Cand]) -> bool:
    """ "Direktur [Rumah Sakit Al-Shifa] di Gaza, X": only a locative, a place and a comma between the body and
    the name; the body is still the one X works for."""
    if start >= first or doc.lower[start] not in data.words("locative") or doc.words[first - 1] != ",":
        return False
    place = by_token.get(start + 1)
    return place is not None and place.type == "LOC" and place.first == start + 1 and place.last == first - 1


def _joins_office_words(doc: Doc, data: ActorData, i: int) -> bool:
    """An "and" between two capitalised words that are not names, inside an office title that a role word opens
    within the next few words to the left ("Menteri Pekerjaan Umum dan Perumahan Rakyat", "Secretary of Health
    and Human Services")."""
    if (
        i < 1
        or i + 1 >= len(doc.words)
        or not doc.words[i + 1][:1].isupper()
        or not doc.words[i - 1][:1].isupper()
    ):
        return False
    k = i - 1
    while k >= 0 and i - k <= 4 and doc.sentence[k] == doc.sentence[i]:
        if doc.lower[k] in data.roles:
            return True
        if not (doc.words[k][:1].isupper() or doc.lower[k] in data.words("prep")):
            return False
        k -= 1
    return False


def _governed_town(doc: Doc, data: ActorData, cand: Cand | None) -> str | None:
    """Country of a town named inside an office title ("Wali Kota [Bogor]", "Gubernur [Jawa Barat]", "[New York]
    Mayor"; "Mayor of Chicago" is left to the preposition rules)."""
    if cand is None or cand.type != "LOC":
        return None
    previous = doc.lower[cand.first - 1] if cand.first > 0 else ""
    # "ambassador to [Manila]": a preposition makes the town the office's target ("to" is in Phoenix titles)
    before = previous in data.role_words and previous not in data.words("prep") or _ends_office_name(doc, data, cand)
    after = (
        cand.last < len(doc.words) and doc.lower[cand.last] in data.role_words and doc.words[cand.last] != ","
    )
    if not (before or after):
        return None
    place = cand.place or data.place(" ".join(doc.lower[cand.first : cand.last]))
    return place.country if place is not None and place.kind in ("city", "capital") else None


def _ends_office_name(doc: Doc, data: ActorData, cand: Cand) -> bool:
    """ "Juru bicara [Pertahanan Sipil Gaza]": the town closes an office's capitalised name that a role word opens
    (Indonesian and Malay put the town last)."""
    if data.lang not in ("id", "ms"):
        return False
    k = cand.first - 1
    while k >= 0 and cand.first - k <= 3 and doc.words[k][:1].isupper() and doc.sentence[k] == doc.sentence[cand.first]:
        k -= 1
    return k < cand.first - 1 and k >= 0 and doc.lower[k] in data.role_words and doc.words[k][:1].islower()


def country_at(data: ActorData, lower: str, cand: Cand | None) -> str | None:
    place = cand.place if cand is not None else data.places.get(lower)
    if (
        place
        and place.country
        and (place.kind in COUNTRY_KINDS or cand is not None and cand.key and cand.key[0] == "country")
    ):
        return place.country
    return None


def _comma_in_office(doc: Doc, data: ActorData, i: int, by_token: dict[int, Cand]) -> bool:
    """The comma at i lists the words of one office ("Ministry of Trade, Industry and Energy"): role words on both
    sides, capitalised as an office's name is, none of them in a place's or a person's name ("killed three
    people, regional governor X said": the comma ends a clause)."""
    for k in (i - 1, i + 1):
        cand = by_token.get(k)
        if k < 0 or k >= len(doc.words) or cand is not None and cand.type != "ORG":
            return False
        if not in_role_phrase(data, doc.lower[k]) or not doc.words[k][:1].isupper():
            return False
    return True


def in_role_phrase(data: ActorData, lower: str) -> bool:
    suffix = data.grammar.get("possessive_suffix", [])
    if lower in data.role_words:
        return True
    return bool(suffix) and lower.endswith(suffix[0]) and lower[: -len(suffix[0])] in data.role_words


def _window(
    doc: Doc, data: ActorData, tokens: list[int], countries: list[tuple[int, str]], anchor: int
) -> Window:
    out = Window()
    k = 0
    while k < len(tokens):
        run_end = k
        while run_end + 1 < len(tokens) and tokens[run_end + 1] == tokens[run_end] + 1:
            run_end += 1
        i = tokens[k]
        length, role = longest_role(doc, data, i, tokens[run_end] + 1)
        if role is not None and role.kind != "mod":  # the first office in "Kapolri Jenderal X" is the role
            if out.role_kind in (None, "of"):
                out.role_kind = role.kind
            if role.code and out.role is None and role.kind != "of":
                out.role = role.code
        k = k + max(length, 1) if length else k + 1
    suffix = data.grammar.get("possessive_suffix", [])
    for i in tokens:
        lower = doc.lower[i]
        if lower in data.words("possessive") or (
            suffix and lower.endswith(suffix[0]) and len(lower) > 5 and in_role_phrase(data, lower)
        ):
            out.possessive = True
    if countries and out.role_kind is not None:
        out.country = min(countries, key=lambda kc: abs(anchor - kc[0]))[1]
    return out


def read_after(doc: Doc, data: ActorData, last: int, by_token: dict[int, Cand]) -> tuple[Window, str | None]:
    """Apposition or copula after a name ("Juan Guaido, pemimpin oposisi Venezuela,"; "X adalah perusahaan
    Rusia") and coordination with a class ("X dan organisasi Rusia lainnya", "X and other Russian firms").
    Returns the window and a type hint (ORG/PER) from the class noun."""
    if last >= len(doc.words):
        return Window(), None
    lower = doc.lower[last]
    if doc.words[last] == "," or lower in data.words("copula"):
        return _read_phrase(doc, data, last + 1, by_token), None
    if lower in data.words("and"):
        start = last + 1
        if start < len(doc.words) and doc.lower[start] in data.words("other_before"):
            start += 1
        elif not data.words("other_after"):
            return Window(), None
        window = _read_class(doc, data, start, by_token)
        return window, {"org": "ORG", "person": "PER"}.get(window.role_kind or "")
    return Window(), None


def _read_phrase(doc: Doc, data: ActorData, start: int, by_token: dict[int, Cand]) -> Window:
    """Apposition or copula phrase: role and (non-target) country words up to the next punctuation."""
    tokens: list[int] = []
    countries: list[tuple[int, str]] = []
    after_prep = False
    i = start
    while i < len(doc.words) and i - start < WINDOW and doc.sentence[i] == doc.sentence[start - 1]:
        word, lower = doc.words[i], doc.lower[i]
        cand = by_token.get(i)
        if cand is not None and cand.key and cand.key[0] == "name" and not cand.guess:
            return Window()  # another name: a list of names, not an apposition
        country = country_at(data, lower, cand)
        if country:
            if not after_prep:
                countries.append((i, country))
            i = cand.last if cand else i + 1
            continue
        if lower in data.words("prep"):
            after_prep = True
        elif in_role_phrase(data, lower) or lower in data.words("determiner") or word[:1].isupper():
            tokens.append(i)
        elif lower not in POSSESSIVE_CLITICS:  # "X, Russia's state arms exporter,"
            break
        i += 1
    if tokens and not (
        in_role_phrase(data, doc.lower[tokens[0]]) or doc.lower[tokens[0]] in data.words("determiner")
    ):
        return Window()
    return _window(doc, data, tokens, countries, start)


def _read_class(doc: Doc, data: ActorData, start: int, by_token: dict[int, Cand]) -> Window:
    """The class phrase of "X dan <perusahaan energi Rusia> lainnya" / "X and other <Russian energy companies>":
    its head noun (first in Indonesian/Malay, last in English) and its country."""
    closers = data.words("other_after")
    countries: list[tuple[int, str]] = []
    heads: list = []
    i, closed = start, False
    while i < len(doc.words) and i - start < 5 and doc.sentence[i] == doc.sentence[start - 1]:
        cand = by_token.get(i)
        if doc.lower[i] in closers:
            closed = True
            break
        if (
            cand is not None
            and cand.key
            and cand.key[0] == "name"
            and not cand.guess
            or not doc.words[i][:1].isalpha()
        ):
            break
        country = country_at(data, doc.lower[i], cand)
        if country:
            countries.append((i, country))
            i = cand.last if cand else i + 1
            continue
        length, role = longest_role(doc, data, i, len(doc.words))
        if role is not None and role.kind in ("org", "person"):
            heads.append(role)
        i += max(length, 1)
    if closers and not closed or not heads:
        return Window()
    head = heads[0] if closers else heads[-1]
    return Window(role=head.code, role_kind=head.kind, country=countries[0][1] if countries else None)
