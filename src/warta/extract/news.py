"""News-specific parsing shared by the flat-text and HTML extractors: the header line (site, dateline,
date), the reporter credit at the end of the body, bylines, image file names and captions.

Header forms handled by one grammar rather than per-site rules — a line starts with segments separated
by commas/parentheses, then a dash, then (optionally) the body:

    Fokustoday.com – Caracas, 30 Maret 2019.      site – place, date (whole line)
    JAKARTA, KOMPAS.com - Presiden ...            place, site - body
    Jakarta, CNN Indonesia -- Presiden ...        place, outlet -- body
    WASHINGTON (Reuters) - The ...                place (agency) - body
    MANILA, June 17 (Reuters) - The ...           place, day month (agency) - body
    Kuala Lumpur, 3 Mac 2021 — Perdana ...        place, date — body
    KUALA LUMPUR: Perdana Menteri ...             known place: body
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warta.extract.dates import BASE_LANGUAGES, find_date, is_day_month, strip_weekday, weekday_names
from warta.resources import read_lines

DASH = r"(?:\s+(?:-{1,3}|–|—|―)\s*|\s*(?:--|–|—|―)\s+)"
_DASH_RE = re.compile(DASH)
_DOMAIN = re.compile(r"^(?:www\.)?[A-Za-z0-9][\w-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_CAPWORD = r"[^\W\d_][\w'’.]*"
_PLACE = re.compile(rf"^(?:{_CAPWORD})(?:[ -]{_CAPWORD}){{0,3}}$")
_MAX_PREFIX = 90


@dataclass(slots=True)
class Header:
    site: str | None
    dateline: str | None
    published: str | None
    rest: str  # the text after the header on the same line ("" when the line is only a header)


@cache
def outlets() -> frozenset[str]:
    return frozenset(name.lower() for name in read_lines("media/outlets.txt"))


def parse_header(line: str, languages: tuple[str, ...] = ()) -> Header | None:
    """Parse a dateline/site header at the start of ``line``; None when the line does not start with one."""
    for match in _DASH_RE.finditer(line[: _MAX_PREFIX + 5]):
        prefix, rest = line[: match.start()], line[match.end() :]
        header = _segments_header(prefix, languages)
        if header is None:
            continue
        tail = _header_tail(rest, languages)
        if tail is not None:  # "site – place, date." : the part after the dash is header too
            merged = _merge(header, tail[0])
            if merged:
                merged.rest = tail[1]
                return merged
        if _plausible(header, prefix):
            header.rest = rest.strip()
            return header
    return _colon_dateline(line)


_LEAD_PLACE = re.compile(r"^([^\W\d_][\w'’.]*(?: [^\W\d_][\w'’.]*){0,2})(\s+-{1,2}\s+)(?=\S)")


def lead_dateline(para: str, languages: tuple[str, ...], known_place: bool = False) -> Header | None:
    """``Jakarta - Gempa bumi ...``: a capitalised place and a spaced hyphen (not a dash, which English prose uses
    for asides) opening the *first* body paragraph is a dateline even when not shouted. An HTML page's structure
    says which paragraph is the first; in flat text ``known_place`` also asks the gazetteer to know the place
    as a town or country, and the word after the hyphen not to be one ("Jakarta - Bandung ditempuh ...")."""
    match = _LEAD_PLACE.match(para)
    if not match or not all(w[:1].isupper() for w in match.group(1).split()):
        return None
    if known_place:
        rest = para[match.end() :].split()
        if not _town_or_country(match.group(1)) or rest and _town_or_country(rest[0].strip(",.")):
            return None
    return parse_header(match.group(1).upper() + para[match.end(1) :], languages)


def _town_or_country(name: str) -> bool:
    from warta.nlp.actors import actor_data

    place = actor_data(None).place(name)
    return place is not None and place.kind in ("country", "capital", "city")


_COLON_PLACE = re.compile(r"^([A-Z][A-Z'’.\- ]{2,40}):\s+(?=\S)")


def _colon_dateline(line: str) -> Header | None:
    """``KUALA LUMPUR: Perdana Menteri ...`` (Malaysian and Singaporean papers): a shouted place and a colon, only
    for a place the gazetteer knows ("BACA JUGA:" and "UPDATE:" are no places)."""
    match = _COLON_PLACE.match(line)
    if not match:
        return None
    from warta.nlp.actors import actor_data

    place = actor_data(None).place(match.group(1).strip())
    if place is None or place.kind not in ("country", "capital", "city"):
        return None
    return Header(None, _normalise_place(match.group(1).strip()), None, line[match.end() :].strip())


def _header_tail(rest: str, languages: tuple[str, ...]) -> tuple[Header, str] | None:
    """``Caracas, 30 Maret 2019.`` (optionally followed by a sentence) after a leading ``site –``."""
    found = find_date(rest[:80], languages)
    if not found:
        return None
    head = rest[: found.end]
    after = rest[found.end :]
    if after[:1] not in ("", ".", " ", ","):
        return None
    header = _segments_header(head, languages)
    if header is None or header.published is None:
        return None
    return header, after.lstrip(" .,").strip()


def _merge(a: Header, b: Header) -> Header | None:
    if a.site and b.site or a.dateline and b.dateline:
        return None
    return Header(a.site or b.site, a.dateline or b.dateline, a.published or b.published, "")


def _plausible(header: Header, prefix: str) -> bool:
    """A lone place before a dash is a header only when shouted (``JAKARTA -``): else it may be a sentence."""
    if header.site or header.published:
        return True
    segments = [seg.strip(" .").lower() for seg in re.split(r"[,()]", prefix)]
    if header.dateline and any(seg in weekday_names() for seg in segments[1:]):
        return True  # "Jakarta, Senin (5/5) -": a place and the weekday of the report
    place = prefix.split(",")[0].strip()  # "BOGOR, Jawa Barat -": a shouted place and its province
    return bool(header.dateline) and place.isupper() and len(place) > 2


def _segments_header(prefix: str, languages: tuple[str, ...]) -> Header | None:
    prefix = prefix.strip()
    if not prefix or len(prefix) > _MAX_PREFIX:
        return None
    site = place = published = None
    for seg, in_parens in _segments(prefix):
        found = find_date(seg, languages)
        if found and len(seg) - (found.end - found.start) <= 12:
            if published:
                return None
            published = found.iso
            continue
        abbreviated = len(seg.strip()) <= 6 and seg.strip().endswith(".")  # "Ill.", "Calif.", "N.Y."
        seg = seg.strip(" .:")
        if not seg or (not in_parens and is_day_month(seg, languages)):  # "MANILA, June 17 (Reuters) -"
            continue
        if seg.lower() in weekday_names(languages or BASE_LANGUAGES):
            continue  # "Jakarta, Kamis (6/11/2025) —": the weekday of the date, no outlet
        if in_parens and re.fullmatch(r"[0-3]?\d/[01]?\d", seg):
            continue  # "Jakarta, Senin (5/5) -": a day and month with no year, no outlet
        words = seg.split()
        if len(words) > 1 and words[-1].lower() in outlets() and _known_region(" ".join(words[:-1])):
            seg = words[-1]  # "Woodside, California CNN —": the dateline's state, then the outlet
        kind = _site_or_place(seg, in_parens)
        if kind == "place" and place is not None and (abbreviated or _known_region(seg)):
            continue  # "KYIV, Ukraine (AP) —", "SPRINGFIELD, Ill. (AP) —": the dateline's country or state
        if kind == "site" and site is None:
            site = seg
        elif kind == "place" and place is None:
            place = seg
        elif kind == "place" and site is None:  # "Jakarta, CNN Indonesia --": the second name is the outlet
            site = seg
        else:
            return None
    if not (site or place or published):
        return None
    return Header(site, _normalise_place(place) if place else None, published, "")


def _segments(prefix: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for part in re.split(r"(\([^()]{1,40}\))", prefix):
        if part.startswith("(") and part.endswith(")"):
            out.append((part[1:-1].strip(), True))
            continue
        stripped = strip_weekday(part.strip(" ,"))
        out.extend((seg.strip(), False) for seg in _split_commas(stripped) if seg.strip())
    return out


def _split_commas(text: str) -> list[str]:
    """Split at commas, but keep a date such as ``March 30, 2019`` in one piece."""
    found = find_date(text)
    if found:
        before, date_text, after = text[: found.start], text[found.start : found.end], text[found.end :]
        return [*before.split(","), date_text, *after.split(",")]
    return text.split(",")


def _site_or_place(seg: str, in_parens: bool) -> str | None:
    if _DOMAIN.match(seg) or seg.lower() in outlets():
        return "site"
    if not _PLACE.match(seg) or not all(w[:1].isupper() for w in re.split(r"[ -]", seg) if w):
        return None
    return "site" if in_parens else "place"


def _known_region(seg: str) -> bool:
    """A country, province or region the gazetteer knows ("Ukraine", "Jawa Barat"): the dateline's, not an
    outlet's name."""
    from warta.nlp.actors import actor_data

    place = actor_data(None).place(seg)
    return place is not None and place.kind in ("country", "region", "city")


def _normalise_place(place: str) -> str:
    """``JAKARTA`` → ``Jakarta``; names already in mixed case are kept as written."""
    return place.title() if place.isupper() else place


# --- credit, byline -------------------------------------------------------------------------------------

_CREDIT_END = re.compile(
    r"[\s.!?\"”’)]\(\s*(?P<credit>[A-Za-z][A-Za-z0-9.]{0,11}(?:\s*/\s*[A-Za-z][A-Za-z0-9.]{0,11}){1,3}|[a-z]{2,6})\s*\)\s*$"
)
_CREDIT_LINE = re.compile(
    r"^(?:\(\s*(?P<credit>[A-Za-z][A-Za-z0-9.]{0,11}(?:\s*/\s*[A-Za-z][A-Za-z0-9.]{0,11}){0,3})\s*\)\.?"
    r"|(?:-{1,3}|–|—)\s*(?P<agency>[A-Z][A-Za-z]{1,15}(?:/[A-Za-z]{1,15})?))$"
)


@cache
def _credit_phrase_re() -> re.Pattern:
    phrases = sorted(read_lines("media/credit_phrases.txt"), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(p) for p in phrases) + r")\s+[^\W\d_]", re.IGNORECASE)


def split_credit(paragraph: str) -> tuple[str, str | None]:
    """``... kebebasan”. (FT/akm)`` → (``... kebebasan”.``, ``FT/akm``)."""
    match = _CREDIT_END.search(paragraph)
    if not match:
        return paragraph, None
    return paragraph[: match.start() + 1].rstrip(), re.sub(r"\s+", "", match.group("credit"))


def credit_line(line: str) -> str | None:
    """A line that is only a credit: ``(fyk/ash)``, ``— BERNAMA``, ``Reporting by X; Editing by Y``."""
    line = line.strip()
    if len(line) <= 160 and _credit_phrase_re().match(line):
        return line
    match = _CREDIT_LINE.match(line)
    if not match:
        return None
    return re.sub(r"\s+", "", match.group("credit") or match.group("agency"))


@cache
def _byline_re() -> re.Pattern:
    words = [w for w in read_lines("media/byline.txt")]
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?:{alternatives})\s*:?\s+(?P<names>[^\W\d_][^|•]{{1,80}})$", re.IGNORECASE)


@cache
def _editor_words() -> tuple[str, ...]:
    return tuple(w.lower() for w in read_lines("media/byline_editor.txt"))


def is_editor_credit(segment: str) -> bool:
    return segment.lower().startswith(_editor_words())


def byline(line: str) -> list[str] | None:
    """``By Jane Doe and John Roe`` / ``Penulis: Budi Santoso`` → names; None when not a byline."""
    line = line.strip()
    if len(line) > 100:
        return None
    segments = re.split(r"\s*[|•]\s*", line)
    if len(segments) > 1:  # "Penulis: Rina Kusuma | Editor: Dedi Mulyadi": every part a credit, writers first
        found = [(seg, byline(seg)) for seg in segments]
        if not all(names for _seg, names in found):
            return None
        writers = [n for seg, names in found if not is_editor_credit(seg) for n in names or ()]
        return writers or [n for _seg, names in found for n in names or ()]
    signed = outlet_byline(line)
    if signed:
        return signed[0]
    match = _byline_re().match(line)
    if not match:
        return None
    names = re.split(r"\s*(?:,|&|\band\b|\bdan\b)\s*", match.group("names").strip(" ."))
    # "Laporan Wartawan Tribunnews.com, Andi Pratama", "By Kevin Liptak, CNN": the outlet is no writer
    names = [
        _unshout(n)
        for n in names
        if n and len(n.split()) <= 5 and n[:1].isupper() and not _DOMAIN.match(n) and n.lower() not in outlets()
    ]
    # "By Sean Peek, Senior Analyst": a job listed after the name is no second writer
    names = [n for k, n in enumerate(names) if not (k and byline_role(n))]
    return [n for n in map(_without_job, names) if _person_like(n)] or None


def is_byline(line: str) -> bool:
    """A byline line, whether or not it names a person ("Written by Our Editors" is no headline either)."""
    return byline(line) is not None or bool(_byline_re().match(line.strip()))


def _without_job(name: str) -> str:
    """ "Ben Applebaum-Bauch ⋅ Review Editor" → "Ben Applebaum-Bauch": a job after the name is dropped."""
    from warta.nlp.actors import common_words

    words = name.split()
    if not words or words[-1].lower() not in _byline_roles():
        return name
    ordinary = common_words("en")
    while words and (words[-1].lower() in _byline_roles() or words[-1].lower() in ordinary or not words[-1][:1].isalnum()):
        words.pop()
    return " ".join(words)


def _person_like(name: str) -> bool:
    """Not a menu of ordinary words ("By Company Size", "By Use Case"): some word is no English word written only
    in lower case."""
    from warta.nlp.actors import common_words

    ordinary = common_words("en")
    words = re.findall(r"[^\W\d_]+", name)
    return bool(words) and not all(w.lower() in ordinary for w in words)


def byline_role(line: str) -> bool:
    """ "North America correspondent", "Senior Political Editor": a writer's job, on the line under the byline."""
    words = line.strip().rstrip(".").split()
    return 1 <= len(words) <= 5 and words[-1].lower() in _byline_roles()


@cache
def _byline_roles() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("media/byline_role.txt"))


def _unshout(name: str) -> str:
    """ "ZEKE MILLER" (AP's capitals) → "Zeke Miller"; a name written in mixed case is kept as written."""
    return name.title() if name.isupper() and len(name) > 3 else name


_OUTLET_BYLINE = re.compile(
    r"^(?P<name>[A-Z][\w'’.]*(?: [A-Z][\w'’.]*){1,4})\s+(?:-|–|—)\s+(?P<outlet>[\w.]+(?: [A-Z][\w.]*)?)$"
)


def outlet_byline(line: str) -> tuple[list[str], str] | None:
    """``Andi Pratama - detikNews``, ``Rina Kusuma – Kompas.com``: a writer's name and the outlet (a known one, or
    a name beginning with one: "detikNews", "detikFinance") on a line of their own."""
    match = _OUTLET_BYLINE.match(line.strip())
    if not match:
        return None
    outlet = match.group("outlet")
    known = outlets()
    lower = outlet.lower()
    if not (_DOMAIN.match(outlet) or lower in known or any(lower.startswith(o) and len(o) >= 5 for o in known)):
        return None
    return [match.group("name")], outlet


# --- images and captions --------------------------------------------------------------------------------

_IMAGE_FILE = re.compile(
    r"^[^\n/\\]{1,120}\.(?:jpe?g|png|gif|webp|bmp|svg|avif|tiff?)(?:\?\S*)?$", re.IGNORECASE
)


def image_file(line: str) -> bool:
    """A line that is only an image file name (a crawler's leftover of an <img>), e.g. ``Rusia Venezuela.png``."""
    line = line.strip()
    return bool(_IMAGE_FILE.match(line)) and len(line.split()) <= 12


@cache
def _caption_marker_re() -> re.Pattern:
    words = read_lines("media/caption.txt")
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^\(?\s*(?:{alternatives})\s*[:.]", re.IGNORECASE)


def caption_marker(line: str) -> bool:
    """``Foto: ...`` / ``Photo: ...`` / ``Ilustrasi: ...`` — a line that announces itself as a caption or credit."""
    return bool(_caption_marker_re().match(line.strip()))
