"""Time expressions in article text, resolved against the publication date.

``pada hari Jumat`` in a Saturday article is the day before; ``Sabtu lalu``/``last Saturday`` the Saturday
before publication; ``kemarin``/``yesterday`` the day before; ``pekan lalu`` the week before; ``pada tahun
2001`` the year 2001; ``30 Maret 2019``, ``Jumat (29/3)`` and ``Selasa, 7 Mei 2024`` that day (a weekday
written with its date takes the date); ``17 Agustus``/``March 30`` without a year, that day in the year of
publication, or the year before when it would lie more than a week ahead. A bare weekday in past narration
is the most recent such day *before* publication unless a marker says otherwise (``ini``/``this`` → this
week, ``depan``/``next`` → the next one).

Values are ISO 8601 at the precision the text gives: ``2019-03-29`` (day), ``2019-W12`` (week),
``2019-03`` (month), ``2001`` (year). Phrases are data (``resources/timex/<lang>.tsv``); weekday and
month names come from CLDR through Babel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from warta.extract.dates import find_date, first_letters, month_table
from warta.resources import languages, read_lines

_DAY_MONTH = re.compile(r"\((?P<day>[0-3]?\d)/(?P<month>[01]?\d)(?:/(?P<year>(?:19|20)?\d\d))?\)")


@dataclass(slots=True, frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: str  # ISO 8601 at the given precision
    precision: str  # day | week | month | year


@dataclass(slots=True, frozen=True)
class _Phrases:
    relative: dict[str, tuple[str, int]]  # phrase → (unit, offset)
    markers: dict[str, str]  # word → past | future | this
    pattern: re.Pattern


@cache
def _phrases(lang: str) -> _Phrases:
    langs = [lang] if lang in languages("timex") else ["en"]
    relative: dict[str, tuple[str, int]] = {}
    markers: dict[str, str] = {}
    for code in langs:
        for row in read_lines(f"timex/{code}.tsv"):
            phrase, unit, value = row.split("\t")
            if unit == "marker":
                markers.setdefault(phrase.lower(), value)
            else:
                relative.setdefault(phrase.lower(), (unit, int(value)))
    names = sorted(relative, key=len, reverse=True)
    pattern = re.compile(
        r"\b" + first_letters(names) + "(" + "|".join(re.escape(n) for n in names) + r")\b", re.I
    )
    return _Phrases(relative, markers, pattern)


@cache
def weekday_numbers(lang: str) -> dict[str, int]:
    """Weekday name → Python weekday number (Monday 0), wide and abbreviated forms, from CLDR."""
    from babel.core import UnknownLocaleError
    from babel.dates import get_day_names

    table: dict[str, int] = {}
    for code in dict.fromkeys([lang, "id", "ms", "en"]):
        try:
            for number, name in get_day_names("wide", locale=code).items():
                table.setdefault(name.lower(), number)
        except (UnknownLocaleError, ValueError):
            continue
    return table


@cache
def _weekday_pattern(lang: str) -> re.Pattern:
    names = sorted(weekday_numbers(lang), key=len, reverse=True)
    return re.compile(
        r"\b" + first_letters(names) + "(" + "|".join(re.escape(n) for n in names) + r")\b", re.I
    )


def find_times(text: str, published: str | None, lang: str | None = None) -> list[Timex]:
    """Every time expression in ``text`` with a resolved value (needs ``published`` for relative ones)."""
    lang = lang or "en"
    pub = _parse_iso(published)
    absolute = _absolute_dates(text, lang, pub)
    found: list[Timex] = list(absolute)
    if pub:
        found += _relative_phrases(text, lang, pub)
        found += _dated_weekdays(_weekday_mentions(text, lang, pub), absolute, text)
    found += _years(text)
    return _without_overlaps(found)


_WEEKDAY_TO_DATE = re.compile(r"[\s,]*(?:\(\s*)?")


def _dated_weekdays(weekdays: list[Timex], absolute: list[Timex], text: str) -> list[Timex]:
    """A weekday written with its date (``Selasa, 7 Mei 2024``, ``Jumat (29/3)``, ``Tuesday, May 7``) is one
    expression with the date's value: the text says which day, so the weekday rule does not apply."""
    by_start = {t.start: t for t in absolute}
    out = []
    for weekday in weekdays:
        gap = _WEEKDAY_TO_DATE.match(text, weekday.end).end()
        dated = by_start.get(gap) or by_start.get(gap - 1)  # "(29/3)" starts at its parenthesis
        if dated is None or gap - weekday.end > 3:
            out.append(weekday)
        else:
            end = dated.end + (text[gap - 1 : gap] == "(" and text[dated.end : dated.end + 1] == ")")
            out.append(Timex(weekday.start, end, text[weekday.start : end], dated.value, dated.precision))
    return out


def _absolute_dates(text: str, lang: str, pub: date | None) -> list[Timex]:
    out = []
    pos = 0
    while pos < len(text):
        found = find_date(text[pos:], (lang,))
        if not found:
            break
        start, end = pos + found.start, pos + found.end
        out.append(Timex(start, end, text[start:end], found.iso[:10], "day"))
        pos = end
    matches = [(m, int(m["month"])) for m in _DAY_MONTH.finditer(text)]
    if pub:  # "30 Maret", "March 30": the year of publication (or the one before, for a date far ahead)
        table = month_table((lang,))
        matches += [
            (m, month)
            for pattern in _yearless(lang)
            for m in pattern.finditer(text)
            if m["name"][0].isupper() and (month := table.get(m["name"].lower()))
        ]
    for match, month in matches:
        day = int(match["day"])
        year = _full_year(match["year"], pub)
        if year and 1 <= month <= 12:
            try:
                value = date(year, month, day)
            except ValueError:
                continue
            if pub and not match["year"] and value > pub + timedelta(days=7):
                value = value.replace(year=year - 1)
            out.append(Timex(match.start(), match.end(), match.group(0), value.isoformat(), "day"))
    return out


@cache
def _yearless(lang: str) -> tuple[re.Pattern, ...]:
    """``30 Maret`` and ``March 30`` written without a year (a year after them makes them full dates)."""
    listed = [n for n in sorted(month_table((lang,)), key=len, reverse=True) if len(n) > 2]
    names = "|".join(re.escape(n) for n in listed)
    no_year = r"(?!\.?,?\s*(?:19|20)\d\d)(?P<year>)"
    return (
        re.compile(rf"\b(?P<day>[0-3]?\d)\s+(?P<name>{names})\b(?!\.\d){no_year}", re.I),
        re.compile(
            rf"\b{first_letters(listed)}(?P<name>{names})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b{no_year}",
            re.I,
        ),
    )


def _full_year(text: str | None, pub: date | None) -> int | None:
    if text:
        return int(text) if len(text) == 4 else 2000 + int(text)
    return pub.year if pub else None


def _relative_phrases(text: str, lang: str, pub: date) -> list[Timex]:
    phrases = _phrases(lang)
    out = []
    for match in phrases.pattern.finditer(text):
        unit, offset = phrases.relative[match.group(1).lower()]
        out.append(Timex(match.start(), match.end(), match.group(0), *_shift(pub, unit, offset)))
    return out


def _shift(pub: date, unit: str, offset: int) -> tuple[str, str]:
    if unit == "day":
        return (pub + timedelta(days=offset)).isoformat(), "day"
    if unit == "week":
        year, week, _ = (pub + timedelta(weeks=offset)).isocalendar()
        return f"{year}-W{week:02d}", "week"
    if unit == "month":
        month_index = pub.year * 12 + pub.month - 1 + offset
        return f"{month_index // 12}-{month_index % 12 + 1:02d}", "month"
    return str(pub.year + offset), "year"


def _weekday_mentions(text: str, lang: str, pub: date) -> list[Timex]:
    weekdays, markers = weekday_numbers(lang), _phrases(lang).markers
    out = []
    for match in _weekday_pattern(lang).finditer(text):
        target = weekdays[match.group(1).lower()]
        before = text[max(0, match.start() - 12) : match.start()].lower().split()
        after = text[match.end() : match.end() + 12].lower().split()
        direction = markers.get(after[0].strip(".,;)")) if after else None
        direction = direction or (markers.get(before[-1]) if before else None) or "past"
        end = match.end()
        if after and markers.get(after[0].strip(".,;)")):
            end = (
                match.end()
                + text[match.end() :].lower().index(after[0].strip(".,;)"))
                + len(after[0].strip(".,;)"))
            )
        value = _weekday_date(pub, target, direction)
        out.append(Timex(match.start(), end, text[match.start() : end], value.isoformat(), "day"))
    return out


def _weekday_date(pub: date, weekday: int, direction: str) -> date:
    if direction == "future":
        return pub + timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)
    if direction == "this":
        return pub + timedelta(days=weekday - pub.weekday())
    return pub - timedelta(days=(pub.weekday() - weekday - 1) % 7 + 1)


_YEAR = re.compile(r"\b(?=[ptisPTIS])(?:(?:pada\s+)?tahun|in|since|sejak)\s+((?:19|20)\d\d)\b", re.I)


def _years(text: str) -> list[Timex]:
    out = []
    for match in _YEAR.finditer(text):
        out.append(Timex(match.start(), match.end(), match.group(0), match.group(1), "year"))
    return out


def _without_overlaps(found: list[Timex]) -> list[Timex]:
    """Where two overlap keep the longer; on a tie the earlier finder wins (absolute dates, then phrases such
    as ``minggu lalu`` "last week", then weekdays such as ``Minggu`` "Sunday")."""
    chosen: list[Timex] = []
    for timex in sorted(found, key=lambda t: -(t.end - t.start)):
        if all(timex.end <= c.start or timex.start >= c.end for c in chosen):
            chosen.append(timex)
    return sorted(chosen, key=lambda t: t.start)


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


__all__ = ["Timex", "find_times", "month_table"]
