"""Find calendar dates written the way news pages write them, in any language CLDR (Babel) has month names for.

``30 Maret 2019``, ``3 Mac 2021``, ``March 30, 2019``, ``Sabtu, 30/03/2019 10:15 WIB``, ``2019-03-30``.
Our own matcher rather than dateparser here: headers need the *position* of the date inside a line and a
strict no-guessing policy (dateparser happily reads "May" or "2019" alone as a date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from warta.resources import read_lines

BASE_LANGUAGES = ("id", "ms", "en")


@dataclass(slots=True, frozen=True)
class FoundDate:
    iso: str  # YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+HH:MM when a time and zone were given
    start: int
    end: int


@cache
def month_table(languages: tuple[str, ...] = BASE_LANGUAGES) -> dict[str, int]:
    from babel.core import UnknownLocaleError
    from babel.dates import get_month_names

    table: dict[str, int] = {}
    for lang in languages:
        try:
            for width in ("wide", "abbreviated"):
                for ctx in ("format", "stand-alone"):
                    for number, name in get_month_names(width, ctx, locale=lang).items():
                        table.setdefault(name.lower().rstrip("."), number)
        except (UnknownLocaleError, ValueError):
            continue
    for line in read_lines("dates/extra.tsv"):
        name, number = line.split("\t")
        table.setdefault(name.lower().rstrip("."), int(number))
    return table


@cache
def weekday_names(languages: tuple[str, ...] = BASE_LANGUAGES) -> frozenset[str]:
    from babel.core import UnknownLocaleError
    from babel.dates import get_day_names

    names = set()
    for lang in languages:
        try:
            for width in ("wide", "abbreviated"):
                names.update(n.lower().rstrip(".") for n in get_day_names(width, locale=lang).values())
        except (UnknownLocaleError, ValueError):
            continue
    return frozenset(names)


@cache
def timezones() -> dict[str, str]:
    return dict(line.split("\t") for line in read_lines("dates/timezones.tsv"))


def first_letters(names) -> str:
    """``(?=[...])``: a lookahead for the first letters of ``names`` (both cases), put before an alternation of the
    names in a case-insensitive pattern. It matches exactly where some name could start, and lets the regex engine
    turn away every other position with one test instead of one per name (a search over a long text is ~2x faster)."""
    names = list(names)
    if not names or not all(names):
        return ""  # an empty name matches anywhere
    chars = sorted({c for name in names for c in (name[0], name[0].lower(), name[0].upper())})
    return "(?=[" + "".join(re.escape(c) for c in chars) + "])"


@cache
def _patterns(languages: tuple[str, ...]) -> list[tuple[re.Pattern, str]]:
    months = sorted(month_table(languages), key=len, reverse=True)
    month = "(?P<month>" + "|".join(re.escape(m) for m in months) + r")\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    tz = "|".join(sorted(timezones(), key=len, reverse=True))
    time = (
        rf"(?:\s*(?:,|\||-|–|pukul|jam|at)?\s*(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?"
        rf"(?:\s*(?P<ampm>[ap]\.?m\.?))?(?:\s*(?P<tz>{tz}|[+-]\d\d:?\d\d)\b)?)?"
    )
    flags = re.IGNORECASE
    return [
        (
            re.compile(
                rf"\b{year}-(?P<month_num>[01]\d)-(?P<day>[0-3]\d)(?!\d)(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?",
                flags,
            ),
            "iso",
        ),
        (re.compile(rf"\b{day}\s+{month},?\s+{year}\b{time}", flags), "dmy"),
        (re.compile(rf"\b{first_letters(months)}{month}\s+{day},?\s+{year}\b{time}", flags), "mdy"),
        (
            re.compile(rf"\b(?P<day>[0-3]?\d)[/.-](?P<month_num>[0-3]?\d)[/.-]{year}\b{time}", flags),
            "numeric",
        ),
    ]


def find_date(text: str, languages: tuple[str, ...] = BASE_LANGUAGES) -> FoundDate | None:
    """The first well-formed date in ``text`` (earliest position wins), or None."""
    languages = tuple(dict.fromkeys(BASE_LANGUAGES + tuple(languages)))
    best: FoundDate | None = None
    for pattern, _form in _patterns(languages):
        for match in pattern.finditer(text[:2000]):
            found = _to_date(match, languages)
            if found and (best is None or found.start < best.start):
                best = found
            if found:
                break
    return best


def _to_date(match: re.Match, languages: tuple[str, ...]) -> FoundDate | None:
    groups = match.groupdict()
    if groups.get("month"):
        month = month_table(languages).get(groups["month"].lower().rstrip("."))
    else:
        month = int(groups["month_num"])
    day_value, year = int(groups["day"]), int(groups["year"])
    if month is None:
        return None
    if not groups.get("month") and month > 12 and day_value <= 12:  # US order 03/30/2019
        month, day_value = day_value, month
    try:
        day = date(year, month, day_value)
    except ValueError:
        return None
    iso = day.isoformat()
    hour, minute, zone = groups.get("hour"), groups.get("minute"), groups.get("tz")
    if hour is not None and zone:
        h = int(hour)
        ampm = (groups.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and h < 12:
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
        if h < 24:
            offset = timezones().get(zone.upper(), zone)
            if re.fullmatch(r"[+-]\d{4}", offset):
                offset = offset[:3] + ":" + offset[3:]
            iso = f"{iso}T{h:02d}:{int(minute):02d}:00{offset}"
    return FoundDate(iso, match.start(), match.end())


@cache
def _day_month_pattern(languages: tuple[str, ...]) -> re.Pattern:
    months = "|".join(
        re.escape(m) for m in sorted(month_table(languages), key=len, reverse=True) if len(m) > 2
    )
    return re.compile(rf"(?:(?:{months})\.?\s+[0-3]?\d|[0-3]?\d\s+(?:{months})\.?)", re.IGNORECASE)


def is_day_month(text: str, languages: tuple[str, ...] = BASE_LANGUAGES) -> bool:
    """``June 17`` / ``17 Juni``: a date without its year, as wire datelines write it (``MANILA, June 17``)."""
    languages = tuple(dict.fromkeys(BASE_LANGUAGES + tuple(languages)))
    return bool(_day_month_pattern(languages).fullmatch(text.strip()))


def strip_weekday(text: str, languages: tuple[str, ...] = BASE_LANGUAGES) -> str:
    """``Sabtu, 30 Maret 2019`` → ``30 Maret 2019``."""
    head, sep, rest = text.partition(",")
    if sep and head.strip().lower().rstrip(".") in weekday_names(languages):
        return rest.strip()
    return text
