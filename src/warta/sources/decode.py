"""Bytes → text, saying which encoding was used and why.

Order: BOM, declared charset (HTTP header / meta, passed in by the caller), strict UTF-8, then detection
(charset-normalizer). Mojibake (UTF-8 read as cp1252/latin-1) is repaired with ftfy.
"""

from __future__ import annotations

import codecs
import re

from warta.errors import PageError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_SAMPLE = 65536


def decode_bytes(raw: bytes, declared: str | None = None, evidence: str = "declared",
                 fix: bool = True) -> tuple[str, str]:
    """Return (text, how) where ``how`` names the encoding and the evidence, e.g. ``utf-8 (bom)``.

    ``evidence`` names where ``declared`` came from (``http``, ``meta``); ``fix=False`` skips the mojibake
    repair (the HTML extractor repairs only the text it keeps, which is much cheaper than the whole page)."""
    _fix = _fix_text if fix else _drop_nul
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _fix(raw[len(bom):].decode(name, errors="replace")), f"{name} (bom)"
    if evidence in ("http", "meta"):  # HTML: read labels the way browsers do
        declared = _WHATWG_ALIASES.get((declared or "").strip().lower(), declared)
    if declared:
        try:
            return _fix(raw.decode(declared)), f"{codecs.lookup(declared).name} ({evidence})"
        except (LookupError, UnicodeDecodeError):
            pass
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return _fix(raw.decode(utf16, errors="replace")), f"{utf16} (detected)"
    if _looks_binary(raw):
        raise PageError("binary", "content has NUL or control bytes; not text")
    try:
        return _fix(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if _plain_western(raw):
        return _fix(raw.decode("cp1252")), "cp1252 (detected)"
    name = _detect(raw)
    return _fix(raw.decode(name, errors="replace")), f"{name} (detected)"


_WESTERN = set("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ“”‘’–—…«»°·€£©®ºª¿¡§")


def _plain_western(raw: bytes) -> bool:
    """Non-UTF-8 bytes whose every high byte is a common Western letter or punctuation in cp1252.

    Detectors guess poorly on short texts with a few accented letters; cp1252 (a superset of latin-1's
    printable range) is then by far the most likely."""
    high = {b for b in raw[:_SAMPLE] if b >= 0x80}
    try:
        return all(bytes([b]).decode("cp1252") in _WESTERN for b in high)
    except UnicodeDecodeError:
        return False


# browsers read these labels as windows-1252 (WHATWG Encoding Standard); so do pages that declare them
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                   "ascii": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{2,40})""", re.IGNORECASE)


def sniff_meta_charset(raw: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` / ``<meta http-equiv content="...; charset=">``
    within its first 4 KB (where the HTML standard says to look), or None."""
    match = _META_CHARSET.search(raw[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _drop_nul(text: str) -> str:
    return text.replace("\x00", "")


def _fix_text(text: str) -> str:
    """Repair mojibake and drop NULs; ftfy is skipped on very large texts where it would be slow."""
    text = text.replace("\x00", "")
    if len(text) > 2_000_000:
        return text
    import ftfy

    # only repair what is broken: curly quotes, widths and spacing are the page's own and stay as written
    return ftfy.fix_text(text, normalization="NFC", unescape_html=False, uncurl_quotes=False,
                         fix_character_width=False, fix_latin_ligatures=False, fix_line_breaks=True)


def _utf16_without_bom(raw: bytes) -> str | None:
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:_SAMPLE]
    if not sample:
        return False
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return b"\x00" in sample[:1024] and sample.count(0) > 2 or control / len(sample) > 0.05


def _detect(raw: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:_SAMPLE]).best()
    if best is None:
        return "cp1252"
    return codecs.lookup(best.encoding).name
