"""HTML page → Article (the ``extract.html.v1`` step).

One lexbor parse (selectolax) and one walk over the tree turn the page into text *blocks* (the text of a
block-level element, split at nested blocks and ``<br>``), each knowing its element chain. The article body
is the element whose subtree holds the most body-like text (long, few links) net of boilerplate-like text
(short or link-heavy blocks, blocks under nav/aside/footer or "share/related/comments" classes); its blocks,
trimmed of leading and trailing debris, are the paragraphs. When that finds too little text, trafilatura
(slower, more fallbacks) is asked instead.

Metadata is read in a fixed order (meta tags → JSON-LD → markup → URL/text → htmldate), then the same
news-specific parsing as flat text: the dateline header of the first paragraph, the reporter credit of the
last, and known inserts ("Baca juga", ad markers, comment forms) moved to ``Article.boilerplate``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from warta.errors import PageError
from warta.extract import news
from warta.extract.dates import find_date
from warta.extract.flat import boilerplate_kind
from warta.model import Article, Image, Page
from warta.nlp.lang import detect_language

NAME = "extract.html.v1"
MAX_HTML_CHARS = 20 * 1024 * 1024
MAX_DEPTH = 256  # deeper elements are not walked: no real article nests this deep
MAX_BLOCKS = 20_000
MAX_ELEMENTS = 40_000  # real pages have a few thousand; the rest of a page beyond this is not walked
MIN_BODY_CHARS = 250  # below this our body finder defers to trafilatura
FALLBACK_MAX_TAGS = 40_000
SHORT_COST = 0.1  # per character of a short block without links, when choosing the body container
LINK_COST = 1.0  # per character of a block made of links
POSITIVE_SHARE = 0.7  # share of its container's evidence a marked article-body element must carry
_LANG_SAMPLE = 800  # enough text to tell languages apart; the detector's cost grows with it

_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "map",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "head",
        "title",
        "meta",
        "link",
        "label",
        "dialog",
        "picture",
        "source",
        "img",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "figure",
        "figcaption",
        "header",
        "footer",
        "nav",
        "aside",
        "form",
        "fieldset",
        "address",
        "center",
        "details",
        "summary",
        "hr",
        "body",
        "html",
    }
)
# page furniture by tag and by class/id words (general CMS conventions, not per-site rules). "Strong" marks
# hold however much text they hold; "weak" ones are overruled when the element holds much of the page's
# body-like text (WordPress puts "tag-x category-advertising" on the post itself).
_STRONG_TAGS = frozenset({"nav", "figcaption", "aside"})
_WEAK_TAGS = frozenset({"footer", "header", "form"})
_STRONG_HINT = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-?list|disqus|cookies?|consent|breadcrumbs?)(?:$|[\s_-])", re.IGNORECASE
)
_NEGATIVE_HINT = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|related|recommend\w*|newsletter|subscri\w*|sidebar|"
    r"widget|promo\w*|advert\w*|ads?|adv|banner|popup|modal|nav|navbar|"
    r"navigation|menu|footer|masthead|tags|tag-?list|tag-?cloud|author-?bio|signup|trending|popular|most-?read|"
    r"outbrain|taboola|sponsor\w*|print-?only|sr-only|visually-?hidden|skip|pagination|pager|"
    r"read-?more|more-?stories|also-?read|baca-?juga|toolbar|rating|caption|credit|byline|meta|dateline|"
    r"post-?meta|entry-?meta|article-?meta|timestamp|login|signin|top-?stories)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_WEAK_SHARE = 0.4
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_POSITIVE_HINT = re.compile(
    r"article-?body|articlebody|article-?content|article-?text|story-?body|story-?content|post-?body|"
    r"post-?content|entry-?content|entry-?body|main-?content|content-?body|body-?text|text-?body|"
    r"detail-?text|detail__body|read__content|itemprop-articlebody|rich-?text|prose",
    re.IGNORECASE,
)
_STRONG_HINT_LC, _POSITIVE_HINT_LC, _NEGATIVE_HINT_LC = (
    re.compile(p.pattern) for p in (_STRONG_HINT, _POSITIVE_HINT, _NEGATIVE_HINT)
)
_WS = re.compile(r"\s+")
_TERMINAL = re.compile(r"[.!?…:;\"'”’»)\]]$")
_MOJIBAKE = re.compile(r"[ÃÂâ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ ¡¢£¤¥¦§¨©ª«¬\xad®¯°±²³´µ¶·¸¹º»¼½¾¿]")


# --- entry points ---------------------------------------------------------------------------------------


def extract_html_page(page: Page) -> Article:
    """The ``extract.html.v1`` step: decode the bytes (HTTP charset, BOM, <meta charset>, detection), extract."""
    if isinstance(page.content, bytes):
        html, encoding = decode_html(page.content, _header_charset(page.headers))
    else:
        html, encoding = page.content, None
    article = extract_html(html, page.url)
    article.encoding = encoding
    return article


def decode_html(raw: bytes, http_charset: str | None = None) -> tuple[str, str]:
    from warta.sources.decode import decode_bytes, sniff_meta_charset

    if len(raw) > MAX_HTML_CHARS:
        raise PageError("too_large", f"HTML larger than {MAX_HTML_CHARS} bytes")
    if http_charset:
        return decode_bytes(raw, http_charset, evidence="http", fix=False)
    return decode_bytes(raw, sniff_meta_charset(raw), evidence="meta", fix=False)


def _header_charset(headers: dict[str, str]) -> str | None:
    lowered = {k.lower(): v for k, v in headers.items()}
    if lowered.get("charset"):
        return lowered["charset"]
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", lowered.get("content-type", ""), re.IGNORECASE)
    return match.group(1) if match else None


def extract_html(html: str, url: str | None = None) -> Article:
    """Extract the article of one HTML page given as text."""
    if len(html) > MAX_HTML_CHARS:
        raise PageError("too_large", f"HTML longer than {MAX_HTML_CHARS} characters")
    html = html.replace("\x00", "")
    if not html.strip():
        raise PageError("empty", "empty page")
    _refuse_deep_nesting(html)
    from selectolax.lexbor import LexborHTMLParser

    try:
        tree = LexborHTMLParser(html)
    except Exception as err:  # noqa: BLE001 - the parser's own errors become a page failure
        raise PageError("unparsable", f"{type(err).__name__}: {err}"[:300]) from err
    meta = read_metadata(tree)
    body = tree.body or tree.root
    if body is None:
        raise PageError("empty", "no document body")
    walk = walk_blocks(body)
    paragraphs, left_out, images = body_paragraphs(walk, meta)
    extractor = NAME
    # trafilatura's tree work is unbounded on hostile pages: ask it only about ordinary ones
    if (
        sum(len(p) for p in paragraphs) < MIN_BODY_CHARS
        and not walk.truncated
        and html.count("<") < FALLBACK_MAX_TAGS
    ):
        fallback = _trafilatura_paragraphs(html, url)
        if sum(len(p) for p in fallback) > sum(len(p) for p in paragraphs):
            paragraphs, extractor = fallback, f"{NAME}+trafilatura"
    article = build_article(paragraphs, images, meta, url, html, extractor)
    article.boilerplate[:0] = left_out
    return article


# elements that stay open until closed: nesting them deeply makes HTML5 tree building quadratic (lexbor
# needs ~45 s for 100k nested <div>); formatting and auto-closing elements (<b>, <a>, <p>, <li>) do not
_NESTING_TAG = re.compile(
    r"<(/?)(?:div|span|section|article|aside|main|nav|header|footer|table|ul|ol|dl|blockquote|"
    r"font|center|form|fieldset|details|figure|em|strong|small|big|sub|sup|label|q|abbr)[\s>/]",
    re.IGNORECASE,
)
MAX_PARSE_DEPTH = 4000
_SCAN_FROM_TAGS = 8000  # pages with fewer tags cannot nest that deeply: skip the scan


def _refuse_deep_nesting(html: str) -> None:
    if html.count("<") < _SCAN_FROM_TAGS:
        return
    depth = deepest = 0
    for match in _NESTING_TAG.finditer(html):
        depth = max(0, depth - 1) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
    if deepest > MAX_PARSE_DEPTH:
        raise PageError("too_deep", f"elements nested more than {MAX_PARSE_DEPTH} deep")


# --- metadata from the head -----------------------------------------------------------------------------


@dataclass(slots=True)
class Meta:
    tags: dict[str, str] = field(default_factory=dict)  # lowercased name/property/itemprop → first content
    jsonld: list[dict] = field(default_factory=list)  # objects of type *Article* / WebPage, flattened
    title: str | None = None
    canonical: str | None = None
    lang: str | None = None
    h1: list[str] = field(default_factory=list)
    times: list[tuple[str, bool]] = field(default_factory=list)  # (<time datetime>, marked as publish date)
    tree: object = None  # the parsed page, for the costlier look-ups done only when the cheap ones fail


def read_metadata(tree) -> Meta:
    meta = Meta()
    root = tree.root
    if root is not None and root.tag == "html":
        meta.lang = (root.attributes.get("lang") or root.attributes.get("xml:lang") or "").strip() or None
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
        content = attrs.get("content")
        if key and content and content.strip():
            meta.tags.setdefault(key.strip().lower(), _clean(content))
    title = tree.css_first("title")
    meta.title = _clean(title.text()) if title is not None else None
    for node in tree.css("link[rel]"):
        if "canonical" in (node.attributes.get("rel") or "").lower().split() and node.attributes.get("href"):
            meta.canonical = node.attributes["href"].strip()
            break
    for node in tree.css('script[type="application/ld+json"]'):
        meta.jsonld.extend(_jsonld_objects(node.text(deep=True)))
    meta.h1 = [t for t in (_clean(n.text(deep=True)) for n in tree.css("h1")[:5]) if t]
    for node in tree.css("time")[:20]:
        value = node.attributes.get("datetime") or node.text(deep=True)
        marks = " ".join(
            filter(
                None,
                [
                    node.attributes.get("itemprop"),
                    node.attributes.get("class"),
                    node.attributes.get("pubdate") and "pubdate",
                ],
            )
        )
        if value:
            meta.times.append((value.strip(), bool(re.search(r"publish|pubdate|created", marks or "", re.I))))
    meta.tree = tree
    return meta


def _marked_texts(meta: Meta, selectors: tuple[str, ...], per_selector: int, limit: int) -> list[str]:
    """Short texts of the elements matching ``selectors``, in selector order."""
    out: list[str] = []
    for selector in selectors if meta.tree is not None else ():
        for node in meta.tree.css(selector)[:per_selector]:
            text = _clean(node.text(deep=True))
            if 2 <= len(text) <= 120:
                out.append(text)
        if len(out) >= limit:
            break
    return out


_DATE_SELECTORS = (
    '[class*="publish"], [class*="posted"], [class*="date"], [class*="byline"], '
    '[class*="meta"] time, [itemprop*="date"]',
)
# where pages mark their author, most specific first (schema.org, microformats, WordPress, common classes)
_AUTHOR_SELECTORS = (
    '[itemprop="author"] [itemprop="name"]',
    '[itemprop="author"]',
    'a[rel~="author"]',
    ".vcard .fn",
    'a[href*="/author/"]',
    'a[href*="/authors/"]',
    '[class*="author-name"]',
    '[class*="author__name"]',
    '[class*="byline"] a',
    '[class*="byline"]',
    '[class*="author"] a',
    '[class*="author"]',
)


_ARTICLE_TYPES = re.compile(r"article|posting|report|webpage|story|blog", re.IGNORECASE)


def _jsonld_objects(text: str | None) -> list[dict]:
    if not text or len(text) > 2_000_000:
        return []
    try:
        data = json.loads(text.strip().rstrip(";"))
    except (ValueError, RecursionError):
        return []
    out: list[dict] = []
    stack, seen = [data], 0
    while stack and seen < 500:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            if isinstance(item.get("@graph"), list):
                stack.extend(reversed(item["@graph"]))
            kind = item.get("@type")
            kind = (
                " ".join(k for k in kind if isinstance(k, str)) if isinstance(kind, list) else str(kind or "")
            )
            if _ARTICLE_TYPES.search(kind):
                out.append(item)
    # article types first: a page's WebPage object is a weaker source than its NewsArticle
    return sorted(out, key=lambda o: "webpage" in str(o.get("@type")).lower())


# --- walking the tree into blocks -----------------------------------------------------------------------


@dataclass(slots=True)
class Block:
    element: int  # index of the innermost block element holding the text
    text: str
    link_chars: int

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 1.0


@dataclass(slots=True)
class Walk:
    parent: list[int] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    negative: list = field(default_factory=list)  # furniture mark: 0/1/2 while walking, then a bool
    positive: list[bool] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    figures: list[tuple[int, str, str | None]] = field(default_factory=list)  # (element, src, caption)
    truncated: bool = False  # the walk stopped at the depth or block cap: a hostile or broken page


def walk_blocks(body) -> Walk:
    """One iterative pass (no recursion, depth-capped) from ``body`` collecting text blocks and figures."""
    walk = Walk()
    parts: list[str] = []
    state = {"links": 0}
    open_blocks: list[int] = []
    stack: list[tuple] = [(body, -1, 0, False)]
    push, pop = stack.append, stack.pop
    while stack:
        node, parent, depth, in_link = pop()
        if node is None:  # leaving a block element: its remaining text is one block
            if parts:
                _flush(walk, parts, state, open_blocks)
            open_blocks.pop()
            continue
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            if text and open_blocks:
                parts.append(text)
                if in_link:
                    state["links"] += len(text.strip())
            continue
        if not tag or tag in _SKIP_TAGS or tag[0] in "-!":  # None: a processing instruction
            if tag == "img" and parent >= 0:
                _note_image(walk, node, parent)
            continue
        if depth > MAX_DEPTH or len(walk.blocks) > MAX_BLOCKS or len(walk.tag) > MAX_ELEMENTS:
            walk.truncated = True
            continue
        attrs = node.attributes
        if attrs and _hidden(attrs):
            continue
        if tag == "br":
            if parts:
                _flush(walk, parts, state, open_blocks)
            continue
        index = parent
        if tag in _BLOCK_TAGS:
            index = _add_element(walk, attrs, tag, parent)
            if parts:
                _flush(walk, parts, state, open_blocks)
            open_blocks.append(index)
            push((None, index, depth, in_link))
            if tag == "figure":
                _note_figure(walk, node, index)
        link = in_link or tag == "a"
        child = node.last_child  # pushed last to first, so that they pop in document order
        while child is not None:
            push((child, index, depth + 1, link))
            child = child.prev
    return walk


def _add_element(walk: Walk, attrs: dict, tag: str, parent: int) -> int:
    if attrs:
        role = attrs.get("role")
        marks = _marks(
            tag,
            " ".join(filter(None, (attrs.get("class"), attrs.get("id"), role))),
            role,
            (attrs.get("itemprop") or "").lower(),
        )
    else:
        marks = _marks(tag, "", None, "")
    negative, positive = marks
    if negative is None:  # an article inside an article is a teaser card
        negative = 1 if _inside(walk, parent, "article") else 0
    walk.parent.append(parent)
    walk.tag.append(tag)
    walk.negative.append(negative)
    walk.positive.append(positive)
    return len(walk.tag) - 1


@lru_cache(maxsize=16384)
def _marks(tag: str, hint: str, role: str | None, itemprop: str) -> tuple[int | None, bool]:
    """(furniture mark, body mark) of an element from its tag and attributes (cached: pages repeat them); the
    mark is None for an <article> that no class decides, which depends on where it stands."""
    positive = (
        tag in ("article", "main") or itemprop == "articlebody" or (bool(hint) and _hint_kind(hint) == -1)
    )
    return _negative(tag, hint, role), positive


def _negative(tag: str, hint: str, role: str | None) -> int | None:
    """0: not furniture, 1: weak sign of furniture, 2: strong sign; None: an <article>, decided by its place."""
    hinted = _hint_kind(hint) if hint else 0
    if tag in _STRONG_TAGS or role in ("navigation", "complementary") or hinted == 2:
        return 2
    if tag in ("body", "html", "main") or hinted == -1:
        return 0
    if tag == "article":
        return None
    if tag in _WEAK_TAGS or role in ("contentinfo", "banner"):
        return 1
    return hinted


@lru_cache(maxsize=16384)
def _hint_kind(hint: str) -> int:
    """2: strong furniture hint, 1: weak, -1: article-body hint, 0: nothing (cached: classes repeat a lot).
    An ASCII hint is lower-cased and matched case-sensitively (the patterns are lower case): the same matches as
    IGNORECASE, several times faster."""
    if hint.isascii():
        hint = hint.lower()
        strong, positive, negative = _STRONG_HINT_LC, _POSITIVE_HINT_LC, _NEGATIVE_HINT_LC
    else:
        strong, positive, negative = _STRONG_HINT, _POSITIVE_HINT, _NEGATIVE_HINT
    if strong.search(hint):
        return 2
    if positive.search(hint):
        return -1
    return 1 if negative.search(hint) else 0


def _resolve_weak(walk: Walk) -> None:
    """A weak furniture mark on an element holding much of the page's body-like text is a false alarm."""
    good = [0] * len(walk.tag)
    total = 0
    for block in walk.blocks:
        if _good(block):
            total += len(block.text)
            element = block.element
            while element >= 0:
                good[element] += len(block.text)
                element = walk.parent[element]
    for i, mark in enumerate(walk.negative):
        walk.negative[i] = mark == 2 or (mark == 1 and good[i] < _WEAK_SHARE * total)


def _inside(walk: Walk, element: int, tag: str) -> bool:
    while element >= 0:
        if walk.tag[element] == tag:
            return True
        element = walk.parent[element]
    return False


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden(attrs: dict) -> bool:
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return bool(style) and bool(_HIDDEN_STYLE.search(style))


def _flush(walk: Walk, parts: list[str], state: dict, open_blocks: list[int]) -> None:
    if not parts:
        return
    text = " ".join("".join(parts).split())  # = _WS.sub(" ", ...).strip(): same whitespace set, faster
    if text and open_blocks:
        walk.blocks.append(Block(open_blocks[-1], text, min(state["links"], len(text))))
    parts.clear()
    state["links"] = 0


def _image_src(node) -> str | None:
    attrs = node.attributes
    for key in ("data-src", "data-original", "data-lazy-src", "src"):
        value = (attrs.get(key) or "").strip()
        if value and not value.startswith("data:"):
            return value
    first = (attrs.get("srcset") or attrs.get("data-srcset") or "").split(",")[0].split()
    return first[0] if first else None


def _note_figure(walk: Walk, node, index: int) -> None:
    img = node.css_first("img")
    src = _image_src(img) if img is not None else None
    if not src:
        return
    caption_node = node.css_first("figcaption")
    caption = _clean(caption_node.text(deep=True)) if caption_node is not None else None
    walk.figures.append((index, src, caption or None))


def _note_image(walk: Walk, node, parent: int) -> None:
    """A lone <img> with a sizeable caption-like alt text, outside a figure."""
    if walk.figures and walk.figures[-1][0] == parent:
        return
    src = _image_src(node)
    width = node.attributes.get("width") or ""
    if (
        src
        and not (width.isdigit() and int(width) < 150)
        and len((node.attributes.get("alt") or "").split()) >= 3
    ):
        walk.figures.append((parent, src, None))


# --- choosing the body ------------------------------------------------------------------------------------


def _good(block: Block) -> bool:
    """Body-like: a sentence or more with few links; long prose may carry many inline links."""
    words = block.text.count(" ") + 1
    density = block.link_density
    if words >= 25:
        return density < 0.7
    return density < 0.35 and (words >= 12 or (words >= 6 and bool(_TERMINAL.search(block.text))))


def _block_value(block: Block) -> float:
    """Body evidence of one block: + its non-link text when body-like, − when it looks like furniture
    (link lists cost more than short plain text such as table cells or labels)."""
    size = len(block.text)
    if _good(block):
        return size * (1 - block.link_density)
    return -(SHORT_COST + (LINK_COST - SHORT_COST) * block.link_density) * size


def choose_container(walk: Walk) -> int:
    """The element whose subtree holds the most body-like text net of boilerplate-like text."""
    n = len(walk.tag)
    score = [0.0] * n
    parent, negative = walk.parent, walk.negative
    for block in walk.blocks:
        value = _block_value(block)
        furniture_cost = -LINK_COST * len(block.text)
        under_negative = False
        element = block.element
        while element >= 0:
            score[element] += furniture_cost if under_negative and value > 0 else value
            under_negative = under_negative or negative[element]
            element = parent[element]
    best, best_score = 0, float("-inf")
    furniture = [False] * n  # the element or one of its ancestors is page furniture (parents come first)
    for i in range(n):
        furniture[i] = negative[i] or (parent[i] >= 0 and furniture[parent[i]])
        if furniture[i]:  # page furniture is never the article, however wordy (a footer's contact text)
            continue
        s = score[i] * (1.5 if walk.positive[i] and score[i] > 0 else 1.0)
        if s > best_score:
            best, best_score = i, s
    return _marked_body_within(walk, best, score, furniture)


def _marked_body_within(walk: Walk, best: int, score: list[float], furniture: list[bool]) -> int:
    """Inside the container, an element marked as the article body (class "entry-content", <article>) that
    carries most of its evidence is the tighter choice (a news ticker beside the story stays outside)."""
    if score[best] <= 0:
        return best
    chosen, chosen_score = best, POSITIVE_SHARE * score[best]
    for i in range(best + 1, len(walk.tag)):
        if walk.positive[i] and not furniture[i] and score[i] >= chosen_score and _under(walk, i, best)[0]:
            chosen, chosen_score = i, score[i]
    return chosen


def _under(walk: Walk, element: int, container: int) -> tuple[bool, bool]:
    """(inside the container, under a negative element below the container)."""
    negative = False
    while element >= 0:
        if element == container:
            return True, negative
        negative = negative or walk.negative[element]
        element = walk.parent[element]
    return False, negative


def body_paragraphs(walk: Walk, meta: Meta) -> tuple[list[str], list[str], list[Image]]:
    """(paragraphs, blocks of the container left out, images near the body)."""
    if not walk.blocks:
        return [], [], []
    _resolve_weak(walk)
    container = choose_container(walk)
    inside: list[Block] = []
    kept: list[Block] = []
    for block in walk.blocks:
        within, negative = _under(walk, block.element, container)
        if within:
            inside.append(block)
            if not negative and (block.link_density < 0.5 or _good(block)):
                kept.append(block)
    kept = _trim_edges(kept, walk)
    titles = {_norm(t) for t in [meta.title, *meta.h1] if t}
    headline = {id(b) for b in inside if walk.tag[b.element] in _HEADINGS and _norm(b.text) in titles}
    kept = [b for b in kept if id(b) not in headline]
    kept_ids = {id(b) for b in kept} | headline
    left_out = [b.text for b in inside if id(b) not in kept_ids]
    # the lead photo usually sits just outside the text container, inside the article element
    scope = (
        walk.parent[container] if walk.parent[container] >= 0 and walk.tag[container] != "body" else container
    )
    images = [
        Image(src, caption)
        for element, src, caption in walk.figures
        if _under(walk, element, container)[0] or _under(walk, element, scope) == (True, False)
    ]
    return [b.text for b in kept], left_out, images


def _trim_edges(blocks: list[Block], walk: Walk) -> list[Block]:
    """Drop short non-body blocks before the first and after the last body-like block (labels, dates,
    bylines, share buttons); a heading directly above body text and a credit line after it stay."""
    good = [i for i, b in enumerate(blocks) if _good(b)]
    if not good:
        return blocks
    first, last = good[0], good[-1]
    while first > 0 and walk.tag[blocks[first - 1].element] in _HEADINGS and first - 1 > 0:
        first -= 1
    if last + 1 < len(blocks) and news.credit_line(blocks[last + 1].text):
        last += 1
    return blocks[first : last + 1]


def _trafilatura_paragraphs(html: str, url: str | None) -> list[str]:
    import trafilatura

    try:
        text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or ""
    except Exception:  # noqa: BLE001 - the fallback failing leaves our own (short) result
        return []
    return [line.strip() for line in text.split("\n") if line.strip()]


# --- the article ----------------------------------------------------------------------------------------


def build_article(
    paragraphs: list[str], images: list[Image], meta: Meta, url: str | None, html: str, extractor: str
) -> Article:
    if _MOJIBAKE.search(" ".join(paragraphs[:50])):
        paragraphs = _fix_text(paragraphs)
    page_url = url or _absolute(meta.canonical, None) or _absolute(meta.tags.get("og:url"), None)
    article = Article(url=page_url, extractor=extractor)
    article.title = find_title(meta)
    langs = _languages(meta)
    paragraphs, boilerplate = split_boilerplate(paragraphs)
    article.boilerplate = boilerplate
    _news_parts(article, paragraphs, langs)
    article.site = find_site(meta, page_url) if not article.site else (find_site(meta, None) or article.site)
    article.authors = article.authors or find_authors(meta, html)
    article.published = _more_precise(find_published(meta, page_url, html), article.published)
    article.images = _images(meta, images, page_url)
    article.language = find_language(meta, article.text)
    return article


def split_boilerplate(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Move known inserts (read-also links, ad markers, share prompts) out of the body; cut a comment form."""
    kept: list[str] = []
    removed: list[str] = []
    skip_next = False
    words_seen = 0
    for i, para in enumerate(paragraphs):
        if skip_next:
            skip_next = False
            removed.append(para)
            continue
        kind = boilerplate_kind(para) or (
            "caption" if news.caption_marker(para) and len(para) < 200 else None
        )
        if kind is None:
            kept.append(para)
            words_seen += len(para.split())
            continue
        removed.append(para)
        if kind == "comments" and words_seen:
            after = sum(len(p.split()) for p in paragraphs[i + 1 :])
            if after < words_seen:
                removed.extend(paragraphs[i + 1 :])
                break
        # "Baca juga:" alone announces the linked headline in the next block
        skip_next = (
            kind == "readalso"
            and len(para.split()) <= 4
            and i + 1 < len(paragraphs)
            and len(paragraphs[i + 1].split()) <= 25
        )
    return kept, removed


def _news_parts(article: Article, paragraphs: list[str], langs: tuple[str, ...]) -> None:
    """Dateline header at the start, byline among the first blocks, credit at the end."""
    for i, para in enumerate(paragraphs[:3]):
        names = news.byline(para)
        if names or news.is_byline(para):  # "Written by Our Editors": a byline naming no person
            article.authors = names or article.authors
            article.boilerplate.append(para)
            paragraphs[i] = ""
            continue
        header = news.parse_header(para, langs) or news.lead_dateline(para, langs) if not any(paragraphs[:i]) else None
        if header is None:
            continue
        article.site, article.dateline, article.published = header.site, header.dateline, header.published
        if header.rest:
            paragraphs[i] = header.rest
        else:
            article.boilerplate.append(para)
            paragraphs[i] = ""
        break
    paragraphs[:] = [p for p in paragraphs if p]
    if len(paragraphs) > 1 and news.credit_line(paragraphs[-1]):
        article.credit = news.credit_line(paragraphs.pop())
    elif paragraphs:
        paragraphs[-1], credit = news.split_credit(paragraphs[-1])
        article.credit = credit
    article.paragraphs = [p for p in paragraphs if p]




def _languages(meta: Meta) -> tuple[str, ...]:
    lang = _primary(meta.lang)
    return (lang,) if lang else ()


def _primary(code: str | None) -> str | None:
    if not code:
        return None
    primary = re.split(r"[-_]", code.strip().lower())[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def find_language(meta: Meta, text: str) -> str | None:
    """``<html lang>`` checked against the text: a detector reading enough text overrides the markup."""
    declared = (
        _primary(meta.lang)
        or _primary(meta.tags.get("content-language"))
        or _primary(meta.tags.get("og:locale"))
    )
    detected = detect_language(text[:_LANG_SAMPLE]) if text else None
    if detected and (len(text) >= 200 or not declared):
        return detected
    return declared or detected


def find_title(meta: Meta) -> str | None:
    """The headline: an <h1> that the page's title metadata confirms, else the page's one plausible <h1>
    (og:title is often an SEO variant of it), else og:title / JSON-LD headline / <title> without the site
    suffix."""
    declared = [
        t
        for t in (
            meta.tags.get("og:title"),
            _jsonld_str("headline", meta),
            meta.title,
            meta.tags.get("twitter:title"),
        )
        if t
    ]
    site = _norm(meta.tags.get("og:site_name") or _publisher(meta))
    h1s = [h for h in meta.h1 if _norm(h) and _norm(h) != site and len(h) <= 300]
    for h1 in h1s:
        if any(_norm(h1) in _norm(t) for t in declared):
            return _fix_title(h1)
    if len(h1s) == 1 and len(h1s[0].split()) >= 3:
        return _fix_title(h1s[0])
    for candidate in declared:
        stripped = _strip_site_suffix(candidate, meta)
        if stripped:
            return _fix_title(stripped)
    return _fix_title(h1s[0]) if h1s else None


def _fix_title(title: str) -> str:
    return _fix_text([title])[0] if _MOJIBAKE.search(title) else title


def _strip_site_suffix(title: str, meta: Meta) -> str:
    site = meta.tags.get("og:site_name")
    parts = re.split(r"\s+(?:\||-|–|—|::|·|»|/)\s+", title)
    if len(parts) == 1:
        return title
    if site:
        parts = [p for p in parts if _norm(p) != _norm(site)] or parts
    return max(parts, key=len) if len(parts) > 1 else parts[0]


def find_site(meta: Meta, url: str | None) -> str | None:
    for value in (meta.tags.get("og:site_name"), _publisher(meta), meta.tags.get("application-name")):
        if value and len(value) < 100:
            return value
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _publisher(meta: Meta) -> str | None:
    for obj in meta.jsonld:
        pub = obj.get("publisher")
        if isinstance(pub, list) and pub:
            pub = pub[0]
        if isinstance(pub, dict) and isinstance(pub.get("name"), str):
            return _clean(pub["name"])
    return None


def _jsonld_str(key: str, meta: Meta) -> str | None:
    for obj in meta.jsonld:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return _clean(value)
    return None


# --- authors --------------------------------------------------------------------------------------------

_AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "twitter:creator",
    "citation_author",
)


def find_authors(meta: Meta, html: str = "") -> list[str]:
    names = _declared_authors(meta)
    if not names:
        return _shown_authors(meta)
    if len(names) > 1 or not _co_author_hint(names[0], html):
        return names
    # "By Karen Lema and Mikhail Flores" on the page, only the first of them in the metadata
    return _shared_byline(meta, names[0]) or names


def _co_author_hint(name: str, html: str) -> bool:
    """The name followed by "and", "dan", "&" or a comma somewhere in the page: worth looking at the byline
    (a cheap scan; most pages with one declared author have no co-author)."""
    at = html.find(name)
    while at >= 0:
        if _AFTER_AUTHOR.match(html, at + len(name)):
            return True
        at = html.find(name, at + len(name))
    return False


_AFTER_AUTHOR = re.compile(r"\s*(?:</a>\s*)?(?:,|&amp;|&|and\b|dan\b)")


def _declared_authors(meta: Meta) -> list[str]:
    for obj in meta.jsonld:
        names = _jsonld_people(obj.get("author")) or _jsonld_people(obj.get("creator"))
        if names:
            return names
    for key in _AUTHOR_META:
        names = _split_names(meta.tags.get(key))
        if names:
            return names
    return []


def _shown_authors(meta: Meta) -> list[str]:
    marks = _marked_texts(meta, _AUTHOR_SELECTORS, 3, 12)
    if meta.tags.get("twitter:label1", "").lower() in ("written by", "author", "by"):
        marks.insert(0, meta.tags.get("twitter:data1", ""))
    for text in marks:
        names = [n for n in (news.byline(text) or _split_names(text)) if _plausible_name(n)]
        if names:
            return names
    return []


def _shared_byline(meta: Meta, author: str) -> list[str]:
    """Co-authors of ``author``: the first author mark on the page, or the element around it, is a byline that
    names more people (``By <a>A</a> and <a>B</a>``)."""
    for selector in _AUTHOR_SELECTORS if meta.tree is not None else ():
        nodes = meta.tree.css(selector)
        if not nodes:
            continue
        for node in (nodes[0], nodes[0].parent):
            if node is None:
                break
            names = [n for n in news.byline(_clean(node.text(deep=True))) or [] if _plausible_name(n)]
            if len(names) > 1 and author.casefold() in {n.casefold() for n in names}:
                return names
        return []
    return []


_NOT_NAME = re.compile(
    r"\d|\b(?:updated|published|posted|min|read|share|comments?|follow|view|more|all|"
    r"posts?|articles?|profile|about|email|editor|staff writer)\b",
    re.IGNORECASE,
)


def _plausible_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 6 and not _NOT_NAME.search(name) and name[:1].isupper()


def _jsonld_people(value) -> list[str]:
    if isinstance(value, dict | str):
        value = [value]
    if not isinstance(value, list):
        return []
    names: list[str] = []
    for item in value[:10]:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, list):
            name = " ".join(str(n) for n in name)
        names.extend(_split_names(name if isinstance(name, str) else None))
    return list(dict.fromkeys(names))


def _split_names(value: str | None) -> list[str]:
    if not value or "://" in value or "@" in value[1:] or re.fullmatch(r"\w+(?:\.\w+)+", value.strip()):
        return []
    value = re.sub(
        r"^(?:(?:written|posted|reviewed)\s+by|by|oleh|penulis|reporter|author)\s*:?\s+",
        "",
        _clean(value),
        flags=re.IGNORECASE,
    )
    names = [n.strip(" .,|") for n in re.split(r"\s*(?:,|;|&|\||\band\b|\bdan\b)\s*", value)]
    return [
        n
        for n in names
        if n
        and len(n.split()) <= 5
        and len(n) <= 60
        and not n.startswith("@")
        and any(c.isalpha() for c in n)
    ]


# --- dates ----------------------------------------------------------------------------------------------

_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "publish_date",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "dc.date.issued",
    "dcterms.date",
    "dc.date",
    "date",
    "article:published",
    "og:published_time",
    "published_time",
    "content_publish_date",
    "cxenseparse:recs:publishtime",
)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?([01]\d)[/-]?([0-3]\d)(?:[/-]|\d{0,6}[^\d])")


def find_published(meta: Meta, url: str | None, html: str) -> str | None:
    """meta tags → JSON-LD → <time> → URL → htmldate."""
    candidates = [meta.tags.get(k) for k in _DATE_META]
    candidates += [_jsonld_str("datePublished", meta), _jsonld_str("dateCreated", meta)]
    candidates += [value for value, marked in meta.times if marked]
    candidates += [value for value, _ in meta.times[:1]]
    match = _URL_DATE.search(url or "")
    url_date = normalise_date("-".join(match.groups())) if match else None
    for value in candidates:
        found = normalise_date(value)
        if found:
            return _local_day(found, url_date) if len(found) > 10 else _with_shown_time(found, meta)
    if url_date:
        return url_date
    # "Published March 5, 2024" near the headline; several different dates are a list of posts: ask htmldate
    marked = {
        found.iso[:10]
        for text in _marked_texts(meta, _DATE_SELECTORS, 8, 8)
        if (found := find_date(text, _languages(meta)))
    }
    if len(marked) == 1:
        return marked.pop()
    return _htmldate(html, url)


def _more_precise(page_date: str | None, header_date: str | None) -> str | None:
    """The page's date; the body's header date when it is the same day with a time added."""
    if page_date and header_date and len(header_date) > len(page_date) and header_date.startswith(page_date):
        return header_date
    return page_date or header_date


def _with_shown_time(day: str, meta: Meta) -> str:
    """A date-only value from the metadata, with the time and zone the page shows for that day
    (``Selasa, 20 Feb 2024 10:15 WIB``) when it shows one."""
    for text in _marked_texts(meta, _DATE_SELECTORS, 4, 4):
        found = find_date(text, _languages(meta))
        if found and len(found.iso) > 10 and found.iso.startswith(day):
            return found.iso
    return day


def _local_day(found: str, url_date: str | None) -> str:
    """A UTC time stamp can fall on the next or previous day; the date in the page's URL is the local one."""
    if not url_date or len(found) <= 10 or found[:10] == url_date:
        return found
    try:
        days = abs((datetime.fromisoformat(found[:10]) - datetime.fromisoformat(url_date)).days)
    except ValueError:
        return found
    return url_date if days == 1 else found


def normalise_date(value: str | None) -> str | None:
    """ISO 8601 date, or date-time with offset when the source gives one."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        parsed = None
    if parsed is not None:
        if not 1990 <= parsed.year <= 2100:
            return None
        if parsed.tzinfo is not None:
            return parsed.isoformat(timespec="seconds")
        return parsed.date().isoformat()
    match = re.match(r"((?:19|20)\d\d)[-/.]?([01]\d)[-/.]?([0-3]\d)", value)
    if match:
        return normalise_date("-".join(match.groups()))
    found = find_date(value[:200])
    return found.iso if found else None


def _htmldate(html: str, url: str | None) -> str | None:
    if html.count("<") > FALLBACK_MAX_TAGS:  # its tree search is unbounded on hostile pages
        return None
    try:
        from htmldate import find_date as htmldate_find
    except ImportError:
        return None
    try:
        return htmldate_find(html, url=url, original_date=True, extensive_search=True)
    except Exception:  # noqa: BLE001 - a peer library failing leaves the date unknown
        return None


# --- images, helpers ------------------------------------------------------------------------------------


def _images(meta: Meta, figures: list[Image], base: str | None) -> list[Image]:
    out: dict[str, Image] = {}
    og = meta.tags.get("og:image") or meta.tags.get("twitter:image")
    for image in ([Image(og)] if og else []) + figures:
        src = _absolute(image.src, base)
        if src and (src not in out or (image.caption and not out[src].caption)):
            out[src] = Image(src, image.caption)
    return list(out.values())[:50]


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if base:
        try:
            return urljoin(base, href)
        except ValueError:
            return href
    return href  # no page address (a saved file): the path as written still names the image


def _fix_text(paragraphs: list[str]) -> list[str]:
    import ftfy

    return [ftfy.fix_text(p, uncurl_quotes=False, fix_character_width=False) for p in paragraphs]


def _clean(text: str | None) -> str:
    import html as html_lib

    return _WS.sub(" ", html_lib.unescape(text or "")).strip()


def _norm(text: str | None) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", (text or "").lower()).split())
