"""Bytes in any common encoding become text (or a clear failure), and the record says how."""

import pytest
from conftest import FIXTURES

from warta.errors import PageError
from warta.model import Page
from warta.pipeline import Pipeline
from warta.sources.decode import decode_bytes


def test_utf16_with_bom():
    text, how = decode_bytes((FIXTURES / "flat" / "utf16_bom.txt").read_bytes())
    assert how == "utf-16-le (bom)" or how == "utf-16-be (bom)"
    assert "Harga emas batangan" in text


def test_cp1252_is_detected():
    text, how = decode_bytes((FIXTURES / "flat" / "cp1252.txt").read_bytes())
    assert "Café owners" in text and "naïve" in text
    assert "detected" in how


def test_mojibake_is_repaired():
    text, _ = decode_bytes((FIXTURES / "flat" / "mojibake.txt").read_bytes())
    assert "“kebijakan baru" in text
    assert "â€" not in text.split("baru")[0]


def test_declared_charset_wins_over_detection():
    raw = "Gérard a dit".encode("latin-1")
    assert decode_bytes(raw, "iso-8859-1") == ("Gérard a dit", "iso8859-1 (declared)")


def test_binary_is_refused():
    with pytest.raises(PageError) as err:
        decode_bytes((FIXTURES / "flat" / "binary_junk.bin").read_bytes())
    assert err.value.reason == "binary"


def test_utf16_without_bom():
    raw = ("Presiden mengatakan pemerintah akan menaikkan anggaran pendidikan tahun depan. " * 3).encode("utf-16-le")
    text, how = decode_bytes(raw)
    assert text.startswith("Presiden mengatakan") and how == "utf-16-le (detected)"


def test_records_say_which_encoding_was_used():
    pipeline = Pipeline(only="extract")
    raw = (FIXTURES / "flat" / "utf16_bom.txt").read_bytes()
    record = pipeline.process(Page(kind="text", content=raw, path="x.txt"))
    assert record.to_json()["source"]["encoding"].endswith("(bom)")
    assert record.article.title == "Harga Emas Turun"
