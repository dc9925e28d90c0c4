"""Flat crawled text → Article. Pages as mC4/OSCAR/CC-100 store them: the page's visible text, one block per
line (lines separated by single newlines or by blank lines), with the site's leftovers still inside.

Each line gets one label:

    title · header (site/dateline/date line) · date · byline · image (a file name) · caption · credit
    content (article body) · boilerplate

The trained line classifier (``extract.lines``) scores how likely each line is body text using the whole
page as context; news-structure rules (``extract.news``) and per-language phrase lists
(``resources/boilerplate``) then recognise the parts a news page has and the leftovers a classifier
cannot know (a "Baca Juga" marker, a comment form, an image file name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from warta.extract import news
from warta.extract.dates import find_date
from warta.model import Article, Image, Page
from warta.nlp.lang import detect_language
from warta.resources import languages, read_lines

CONTENT_THRESHOLD = 0.5
MAX_LINES = 50_000  # a page with more lines keeps its first ones; the rest is counted as boilerplate
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_LETTER = re.compile(r"[^\W\d_]")
_TEMPLATE = re.compile(r"%[sd]\b|\{\{|\}\}|\$\{")


@dataclass(slots=True)
class FlatParse:
    lines: list[str]
    labels: list[str]
    text_of: dict[int, str] = field(
        default_factory=dict
    )  # content lines whose text was trimmed (header, credit)
    title: str | None = None
    site: str | None = None
    dateline: str | None = None
    published: str | None = None
    credit: str | None = None
    authors: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    header_index: int | None = None  # first line holding a site/dateline header

    def paragraphs(self) -> list[str]:
        return [
            self.text_of.get(i, line)
            for i, (line, label) in enumerate(zip(self.lines, self.labels, strict=True))
            if label == "content" and self.text_of.get(i, line).strip()
        ]

    def boilerplate(self) -> list[str]:
        return [
            line
            for line, label in zip(self.lines, self.labels, strict=True)
            if label not in ("content", "title")
        ]


def split_lines(text: str) -> list[str]:
    """Lines of a flat page, stripped, empty ones dropped: single-newline and blank-line layouts alike."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return [line.strip() for line in text.split("\n") if line.strip()]


def extract_flat_page(page: Page) -> Article:
    """The ``extract.flat.v1`` step."""
    from warta.sources.decode import decode_bytes

    if isinstance(page.content, bytes):
        text, encoding = decode_bytes(page.content, page.headers.get("charset"))
    else:
        text, encoding = page.content, None
    article = extract_flat(text)
    article.url = page.url
    article.encoding = encoding
    return article


def extract_flat(text: str, lang: str | None = None) -> Article:
    from warta.errors import PageError

    lines = split_lines(text)
    if not lines:
        raise PageError("empty", "no text")
    if not any(_LETTER.search(line) for line in lines[:2000]):
        raise PageError("no_text", "no letters in the page")
    lang = lang or detect_language("\n".join(lines[:400]))
    parsed = parse_lines(lines, lang)
    paragraphs = parsed.paragraphs()
    body_lang = detect_language("\n".join(paragraphs)) or lang
    return Article(
        paragraphs=paragraphs,
        title=parsed.title,
        site=parsed.site,
        dateline=parsed.dateline,
        published=parsed.published,
        language=body_lang,
        credit=parsed.credit,
        authors=parsed.authors,
        images=parsed.images,
        boilerplate=parsed.boilerplate(),
        extractor="extract.flat.v1",
    )


def label_lines(lines: list[str], lang: str | None = None) -> list[str]:
    """One label per line (see module doc); the flat-text benchmark scores ``content``."""
    return parse_lines(lines, lang).labels


def parse_lines(lines: list[str], lang: str | None = None) -> FlatParse:
    lines = list(lines)
    extra = lines[MAX_LINES:]
    lines = lines[:MAX_LINES]
    parse = FlatParse(lines=lines, labels=_classify(lines, lang))
    _mark_phrases(parse)
    _bridge_inserts(parse)
    _rescue_prose(parse)
    _cut_comment_form(parse)
    _mark_images(parse)
    languages_ = (lang,) if lang else ()
    _find_header(parse, languages_)
    _find_date_and_byline(parse, languages_)
    _find_closing_byline(parse)
    _find_credit(parse)
    _find_title(parse)
    _continue_prose(parse)
    parse.lines.extend(extra)
    parse.labels.extend("boilerplate" for _ in extra)
    return parse


def _classify(lines: list[str], lang: str | None) -> list[str]:
    from warta.extract.lines import content_scores

    scores = content_scores(lines, lang)
    return ["content" if s >= CONTENT_THRESHOLD else "boilerplate" for s in scores]


# --- phrase lists ---------------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class _Phrases:
    line: dict[str, str]
    prefix: dict[str, str]  # a line starting with the phrase's words; the longest listed phrase decides
    prefix_words: int  # words of the longest prefix phrase
    contains: tuple[tuple[str, str], ...]


@cache
def _phrases() -> _Phrases:
    line: dict[str, str] = {}
    prefix: dict[str, str] = {}
    contains: list[tuple[str, str]] = []
    for lang in languages("boilerplate"):
        for row in read_lines(f"boilerplate/{lang}.tsv"):
            kind, match, phrase = row.split("\t")
            key = _norm(phrase)
            if match == "line":
                line.setdefault(key, kind)
            elif match == "prefix":
                if key:
                    prefix.setdefault(key, kind)
            else:
                contains.append((key, kind))
    longest = max((len(p.split(" ")) for p in prefix), default=0)
    return _Phrases(line, prefix, longest, tuple(contains))


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w%&'/]+", " ", text.lower()).split())


def boilerplate_kind(line: str) -> str | None:
    """The kind of a known boilerplate line (readalso, ad, share, comments, cookie, ...), else None."""
    words = len(line.split())
    if words > 40:
        return None
    key = _norm(line)
    if not key:
        return "symbols"
    phrases = _phrases()
    if key in phrases.line:
        return phrases.line[key]
    if words <= 25:
        if phrases.prefix:  # the line's leading words, longest first, looked up (keys are single-spaced)
            parts = key.split(" ")
            for n in range(min(len(parts), phrases.prefix_words), 0, -1):
                kind = phrases.prefix.get(" ".join(parts[:n]))
                if kind is not None:
                    return kind
        for phrase, kind in phrases.contains:
            if phrase in key:
                return kind
    if _TEMPLATE.search(line):
        return "template"
    return None


def _mark_phrases(parse: FlatParse) -> None:
    labels, lines = parse.labels, parse.lines
    for i, line in enumerate(lines):
        kind = boilerplate_kind(line)
        if kind is None:
            continue
        labels[i] = "boilerplate"
        # "Baca Juga :" alone on its line announces a linked headline on the next one
        if (
            kind == "readalso"
            and i + 1 < len(lines)
            and _is_marker_only(line)
            and _linked_headline(lines[i + 1])
        ):
            labels[i + 1] = "boilerplate"


_INSERT_KINDS = frozenset({"readalso", "ad"})


def _bridge_inserts(parse: FlatParse) -> None:
    """A "Baca Juga"/"Iklan" insert sits *inside* the body: the prose line right after it continues the
    article even when the classifier, seeing the insert, doubted it."""
    labels, lines = parse.labels, parse.lines
    for i in range(2, len(lines)):
        if labels[i] != "boilerplate" or not _prose_like(lines[i]) or len(lines[i].split()) < 12:
            continue
        if boilerplate_kind(lines[i]) is not None or boilerplate_kind(lines[i - 1]) not in _INSERT_KINDS:
            continue
        if labels[i - 2] == "content" or (
            i >= 3 and boilerplate_kind(lines[i - 2]) in _INSERT_KINDS and labels[i - 3] == "content"
        ):
            labels[i] = "content"


def _continue_prose(parse: FlatParse) -> None:
    """A prose line right after a body line continues the body: the classifier doubts short one-sentence
    paragraphs of wire copy ("Erik ditahan selama 20 hari pertama di Rutan KPK.", "There was no immediate comment
    from the Kremlin."), above all near the end of a short text, where no long paragraph follows them."""
    labels, lines = parse.labels, parse.lines
    for i in range(1, len(lines)):
        if (
            labels[i] == "boilerplate"
            and labels[i - 1] == "content"
            and _prose_like(lines[i])
            and boilerplate_kind(lines[i]) is None
            and not news.caption_marker(lines[i])
        ):
            labels[i] = "content"


def _rescue_prose(parse: FlatParse) -> None:
    """When the classifier keeps nothing (a one-paragraph page, an unusual layout), keep the prose lines
    rather than lose the article."""
    if "content" in parse.labels:
        return
    for i, line in enumerate(parse.lines):
        if parse.labels[i] == "boilerplate" and boilerplate_kind(line) is None and _prose_like(line):
            parse.labels[i] = "content"


def _linked_headline(line: str) -> bool:
    text, _credit = news.split_credit(line)
    return len(text.split()) <= 16 and _headline_like(text) and not _prose_like(text)


def _is_marker_only(line: str) -> bool:
    return len(line.split()) <= 4


def _cut_comment_form(parse: FlatParse) -> None:
    """Everything from a comment form on is not article text — when the article has mostly been seen by then."""
    labels, lines = parse.labels, parse.lines
    seen_words = 0
    for i, line in enumerate(lines):
        if labels[i] == "content":
            seen_words += len(line.split())
            continue
        if seen_words and boilerplate_kind(line) == "comments":
            after = sum(len(lines[j].split()) for j in range(i + 1, len(lines)) if labels[j] == "content")
            if after < seen_words:
                for j in range(i, len(lines)):
                    labels[j] = "boilerplate"
            return


# --- images, header, date, byline, credit, title -------------------------------------------------------


def _mark_images(parse: FlatParse) -> None:
    labels, lines = parse.labels, parse.lines
    for i, line in enumerate(lines):
        if not news.image_file(line):
            continue
        labels[i] = "image"
        caption = None
        if i + 1 < len(lines) and _caption_like(lines[i + 1]):
            labels[i + 1] = "caption"
            caption = lines[i + 1]
        parse.images.append(Image(src=line.strip(), caption=caption))
    for i, line in enumerate(lines):
        if labels[i] != "caption" and news.caption_marker(line) and len(line.split()) <= 40:
            labels[i] = "caption"


def _caption_like(line: str) -> bool:
    if news.image_file(line) or news.parse_header(line):
        return False
    if news.caption_marker(line):
        return True
    return 2 <= len(line.split()) <= 40 and not _TERMINAL.search(line.rstrip())


def _body_start(labels: list[str]) -> int:
    return next((i for i, label in enumerate(labels) if label == "content"), len(labels))


def _find_header(parse: FlatParse, langs: tuple[str, ...]) -> None:
    """Site/dateline/date headers among the lines up to the third body paragraph.

    A page may have two: a header line (``Kompas.com - 12/02/2024, 09:15 WIB``) and the lead's own dateline
    (``JAKARTA, KOMPAS.com - Banjir ...``). The first value found for each field wins; an inline dateline
    is cut from its paragraph and ends the search."""
    labels, lines = parse.labels, parse.lines
    body_seen = 0
    for i, line in enumerate(lines):
        if body_seen >= 3:
            return
        if labels[i] in ("image", "caption"):
            continue
        header = news.parse_header(line, langs)
        if header is None and not body_seen and labels[i] == "content":
            header = news.lead_dateline(line, langs, known_place=True)  # "Jakarta - Presiden ..."
        if header is None:
            body_seen += labels[i] == "content"
            continue
        parse.site = parse.site or header.site
        parse.dateline = parse.dateline or header.dateline
        parse.published = parse.published or header.published
        if parse.header_index is None:
            parse.header_index = i
        if header.rest and len(header.rest.split()) >= 3:
            labels[i] = "content"
            parse.text_of[i] = header.rest
            return
        labels[i] = "header"
        _mark_lead(parse, i + 1)


def _mark_lead(parse: FlatParse, start: int) -> None:
    """A header line is followed by the lead paragraph (images and captions may sit between)."""
    for j in range(start, min(len(parse.lines), start + 4)):
        if parse.labels[j] in ("image", "caption"):
            continue
        if _prose_like(parse.lines[j]) and boilerplate_kind(parse.lines[j]) is None:
            parse.labels[j] = "content"
        return


def _prose_like(line: str) -> bool:
    text, _credit = news.split_credit(line.rstrip())
    return len(text.split()) >= 8 and bool(_TERMINAL.search(text))


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?|\b(?:GMT|UTC)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?")


@cache
def _date_label_pattern() -> re.Pattern:
    zones = [row.split("\t")[0] for row in read_lines("dates/timezones.tsv")]
    labels = sorted(read_lines("dates/labels.txt"), key=len, reverse=True)
    words = "|".join(re.escape(w) for w in [*labels, *zones])
    return re.compile(rf"\b(?:{words})\b:?", re.IGNORECASE)


def _without_time_words(line: str) -> str:
    """The line less its clock time, time zone and date label ("Updated 7:42 AM GMT+8, August 31, 2024" ->
    ", August 31, 2024"): what is left beside the date decides whether the line is a date line."""
    return _date_label_pattern().sub("", _CLOCK.sub("", line)).strip(" ,|-–—")


def _find_date_and_byline(parse: FlatParse, langs: tuple[str, ...]) -> None:
    labels, lines = parse.labels, parse.lines
    first_byline = 0
    content_seen = 0  # up to the third body line: a headline and a standfirst may sit above the date
    for i, line in enumerate(lines):
        if content_seen >= 3:
            break
        if labels[i] == "content":
            content_seen += 1
            if len(line.split()) > 12:
                continue
        names = news.byline(line)
        if names or news.is_byline(line):  # a second credit line ("Editor: ...") is no headline either
            labels[i] = "byline"
            if names and (not parse.authors or news.is_editor_credit(lines[first_byline])):
                parse.authors, first_byline = names, i  # the writer's line wins over an editor's
            signed = news.outlet_byline(line)  # "Andi Pratama - detikNews": the outlet is the site
            parse.site = parse.site or (signed[1] if signed else None)
            if i + 1 < len(lines) and labels[i + 1] != "content" and news.byline_role(lines[i + 1]):
                labels[i + 1] = "byline"  # "By Anthony Zurcher / North America correspondent"
            continue
        if parse.published is None and len(line.split()) <= 12:
            found = find_date(line, langs)
            if found and (found.end - found.start) >= 0.5 * len(_without_time_words(line)):
                parse.published = found.iso
                labels[i] = "date"


def _find_closing_byline(parse: FlatParse) -> None:
    """ "Pewarta: Andi Pratama" after the last paragraph (ANTARA and others credit the writer at the end)."""
    labels, lines = parse.labels, parse.lines
    content = [i for i, label in enumerate(labels) if label == "content"]
    if parse.authors or not content:
        return
    for j in range(content[-1] + 1, min(len(lines), content[-1] + 5)):
        names = news.byline(lines[j])
        if names and not news.is_editor_credit(lines[j]):
            parse.authors = names
            labels[j] = "byline"
            return


def _find_credit(parse: FlatParse) -> None:
    """The reporter/agency credit closes a news article: ``(fyk/ash)`` or ``— BERNAMA`` on its own line, or
    at the end of the last paragraph. Prose between the body and a credit line is body; what follows the
    credit line is not (unless the page goes on with more body than came before)."""
    labels, lines = parse.labels, parse.lines
    content = [i for i, label in enumerate(labels) if label == "content"]
    if not content:
        return
    for j in range(content[0] + 1, min(len(lines), content[-1] + 4)):
        credit = news.credit_line(lines[j])
        if credit:
            parse.credit = credit
            labels[j] = "credit"
            _close_body_at(parse, j)
            break
    else:
        last = content[-1]
        text, credit = news.split_credit(parse.text_of.get(last, lines[last]))
        if credit:
            parse.credit = credit
            parse.text_of[last] = text


def _close_body_at(parse: FlatParse, credit_index: int) -> None:
    labels, lines = parse.labels, parse.lines
    before = sum(len(lines[i].split()) for i in range(credit_index) if labels[i] == "content")
    after = sum(len(lines[i].split()) for i in range(credit_index + 1, len(lines)) if labels[i] == "content")
    if after < before:
        for i in range(credit_index + 1, len(lines)):
            if labels[i] == "content":
                labels[i] = "boilerplate"
    for i in range(credit_index - 1, -1, -1):
        if labels[i] == "content":
            break
        if labels[i] == "boilerplate" and _prose_like(lines[i]) and boilerplate_kind(lines[i]) is None:
            labels[i] = "content"


def _find_title(parse: FlatParse) -> None:
    """The headline: the nearest headline-like line above the header (or above the first body paragraph).
    With nothing above, a headline-like first body line followed by more body is the headline."""
    labels, lines = parse.labels, parse.lines
    anchor = parse.header_index
    if anchor is None:
        anchor = next((i for i, label in enumerate(labels) if label == "content"), None)
    if anchor is None:
        return
    considered = 0  # lines of three words or more: share buttons ("Facebook", "Bagikan:") do not use up the reach
    for i in range(anchor - 1, max(-1, anchor - 16), -1):
        if labels[i] in ("image", "caption", "date", "byline", "credit", "header"):
            continue
        if boilerplate_kind(lines[i]) is None and _headline_like(lines[i]):
            _set_title(parse, i)
            return
        if len(lines[i].split()) >= 3:
            considered += 1
            if considered >= 6:
                break
    if (
        labels[anchor] == "content"
        and parse.header_index is None
        and _headline_like(lines[anchor])
        and "content" in labels[anchor + 1 : anchor + 4]
    ):
        _set_title(parse, anchor)


def _set_title(parse: FlatParse, i: int) -> None:
    parse.title = parse.lines[i]
    parse.labels[i] = "title"


def _headline_like(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 30 or len(line) > 250:
        return False
    if line.rstrip().endswith((".", ":", ";", ",")) and not line.rstrip().endswith("..."):
        return False
    if not _LETTER.search(line) or line.lower() == line:
        return False
    return not news.image_file(line) and not _names_only(line)


def _names_only(line: str) -> bool:
    """ "Andi Pratama | Dedi Mulyadi": writer and editor credited by name alone, no headline."""
    parts = [p.split() for p in line.split("|")]
    return len(parts) > 1 and all(1 <= len(p) <= 4 and all(w[:1].isupper() for w in p) for p in parts)
