"""The HTML extractor on pages written in the style of real news pages (fixtures/html), hostile input, and one
golden record through the pipeline."""

import gzip
import time

import pytest
from conftest import FIXTURES, assert_valid_record
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.errors import PageError
from warta.extract.html import MAX_HTML_CHARS, extract_html, extract_html_page
from warta.model import Failure, Page, Record
from warta.pipeline import Pipeline
from warta.sources import iter_pages

HTML = FIXTURES / "html"


def page(name: str, **kwargs) -> Page:
    return Page(kind="html", content=(HTML / name).read_bytes(), path=str(HTML / name), **kwargs)


def test_indonesian_news_page():
    article = extract_html_page(page("id_kompas_style.html"))
    assert article.title == "Pemprov DKI Siapkan 500 Pompa Air Hadapi Musim Hujan"
    assert (article.site, article.dateline) == ("KOMPAS.com", "Jakarta")
    assert article.published == "2023-11-20T10:15:00+07:00"
    assert article.authors == ["Rina Ayu Larasati"]
    assert article.credit == "FT/akm"
    assert (article.language, article.encoding) == ("id", "utf-8 (meta)")
    assert article.url.startswith("https://megapolitan.example-kompas.test/read/2023/11/20/")
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0].startswith("Pemerintah Provinsi DKI Jakarta menyiapkan 500 pompa air")
    assert article.paragraphs[-1].endswith("menemukan genangan di lingkungannya.")
    for leftover in ("KOMPAS.com -", "Baca juga", "Banjir Rendam Kemang", "Iklan", "(FT/akm)", "Terpopuler",
                     "Bagikan", "Copyright", "Beranda", "Petugas Dinas"):
        assert leftover not in article.text
    assert "Baca juga: Anies Tinjau Normalisasi Kali Ciliwung di Kampung Melayu" in article.boilerplate
    [image] = article.images
    assert image.src == "https://asset.example-kompas.test/crops/pompa-air.jpg"
    assert image.caption.startswith("Petugas Dinas Sumber Daya Air memeriksa pompa air")


def test_english_wire_story():
    article = extract_html_page(page("en_wire_story.html", url="https://www.example-wire.test/world/talks"))
    assert article.title == "Talks on regional trade pact resume in Geneva"
    assert (article.site, article.dateline) == ("Reuters", "Geneva")
    assert article.published == "2021-03-04T14:02:00+00:00"
    assert article.authors == ["Jane Holloway"]
    assert article.language == "en"
    assert article.url == "https://www.example-wire.test/world/talks"
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("Negotiators from twelve countries")
    for leftover in ("GENEVA (Reuters)", "Read also", "Explainer", "Advertisement", "By Jane Holloway",
                     "Reporting by", "More from Reuters", "Oil prices", "Markets"):
        assert leftover not in article.text


def test_charset_from_meta_only_cp1252():
    raw = (HTML / "cp1252_meta_only.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    article = extract_html_page(page("cp1252_meta_only.html"))
    assert article.encoding == "cp1252 (meta)"
    assert article.title == "Café owners welcome “new rules”"
    assert "naïve hope" in article.text and "city’s “new rules”" in article.text
    assert article.dateline == "Paris"


def test_http_charset_wins_over_meta():
    raw = (HTML / "cp1252_meta_only.html").read_bytes().replace(b"windows-1252", b"utf-8")
    article = extract_html_page(Page(kind="html", content=raw, headers={"Content-Type": "text/html; charset=cp1252"}))
    assert article.encoding == "cp1252 (http)"
    assert "naïve hope" in article.text


def test_script_style_and_furniture_are_not_text():
    article = extract_html_page(page("script_style_junk.html"))
    assert article.title == "Volunteers plant ten thousand mangroves along the northern coast"
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("Volunteers from fishing villages")
    for junk in ("junkScriptText", "fake paragraph", "json blob", "junk style", "injected", "Hidden text",
                 "iframe fallback", "enable JavaScript", "cookies", "Great article", "Leave a Reply", "Contact"):
        assert junk not in article.text
    assert article.language == "en"


def test_str_input_and_page_url():
    html = (HTML / "en_wire_story.html").read_text(encoding="utf-8")
    article = extract_html(html, "https://www.example-wire.test/a/b")
    assert article.encoding is None
    assert article.paragraphs == extract_html_page(page("en_wire_story.html")).paragraphs


def test_wire_story_with_two_reporters_and_a_yearless_dateline():
    """Metadata names the first reporter only; the byline on the page names both. The dateline's date has
    no year, the agency is in parentheses; the body starts after the dash."""
    body = ("The Philippines on Monday accused the coast guard of ramming and boarding navy boats on a resupply "
            "mission to troops stationed at a disputed shoal, injuring several sailors. ") * 3
    html = ('<html lang="en"><head><title>Philippines accuses coast guard of ramming boat | Wire</title>'
            '<meta name="article:author" content="Karen Lema">'
            '<meta name="article:published_time" content="2024-06-17T09:32:11Z"></head><body>'
            '<article><h1>Philippines accuses coast guard of ramming boat</h1>'
            '<div class="info"><span>By <a href="/authors/karen-lema">Karen Lema</a> and '
            '<a href="/authors/mikhail-flores">Mikhail Flores</a></span><time>June 17, 2024</time></div>'
            f"<p>MANILA, June 17 (Reuters) - {body}</p><p>{body}</p></article>"
            '<aside><a href="/authors/liz-lee">Liz Lee</a>, <a href="/authors/someone">Some One</a></aside>'
            "</body></html>")
    article = extract_html(html, "https://wire.example/world/philippines")
    assert article.authors == ["Karen Lema", "Mikhail Flores"]
    assert (article.dateline, article.site) == ("Manila", "Reuters")
    assert article.paragraphs[0].startswith("The Philippines on Monday")


def test_a_date_only_publish_tag_gets_the_time_and_zone_the_page_shows():
    body = ("Presiden meresmikan bendungan baru yang mampu menampung air hingga lima puluh juta meter kubik "
            "dan akan mengairi ribuan hektare sawah di kabupaten itu. ") * 3
    html = ('<html lang="id"><head><title>Bendungan baru diresmikan</title>'
            '<meta name="publishdate" content="2024/02/20 10:15:32"></head><body><article>'
            '<h1>Bendungan baru diresmikan</h1><div class="detail__date">Selasa, 20 Feb 2024 10:15 WIB</div>'
            f"<p>{body}</p><p>{body}</p></article></body></html>")
    assert extract_html(html).published == "2024-02-20T10:15:00+07:00"
    other_day = html.replace("Selasa, 20 Feb 2024", "Rabu, 21 Feb 2024")
    assert extract_html(other_day).published == "2024-02-20"  # the tag's day stands; a time of another day is not added


# --- hostile input --------------------------------------------------------------------------------------

def finishes(html: str | bytes, seconds: float = 10.0) -> None:
    """Either an article or a PageError, within ``seconds``."""
    started = time.monotonic()
    try:
        if isinstance(html, bytes):
            extract_html_page(Page(kind="html", content=html))
        else:
            extract_html(html)
    except PageError:
        pass
    assert time.monotonic() - started < seconds


@pytest.mark.parametrize("tag", ["div", "b", "table", "p", "a", "li"])
def test_deep_nesting(tag):
    depth = 100_000
    finishes(f"<html><body>{f'<{tag}>' * depth}deep text here{f'</{tag}>' * depth}</body></html>")
    finishes(f"<html><body>{f'<{tag} class=x>' * depth}unclosed")


def test_nul_bytes_and_empty():
    finishes(b"<html><body><p>Some\x00 text\x00 with NULs in it and more words</p></body></html>")
    finishes(b"\x00" * 5000)
    with pytest.raises(PageError):
        extract_html("   ")


def test_huge_page_is_refused():
    with pytest.raises(PageError) as err:
        extract_html("<p>" + "x" * (MAX_HTML_CHARS + 1))
    assert err.value.reason == "too_large"


def test_many_blocks_stay_fast():
    paragraph = "<p>This sentence is the body of a long article and it keeps going for a while.</p>"
    finishes("<html><body><article>" + paragraph * 30_000 + "</article></body></html>", seconds=30)


_html_pieces = st.sampled_from([
    "<p>", "</p>", "<div class='comments'>", "</div>", "<a href='/x'>", "</a>", "<br>", "<script>", "</script>",
    "<table><tr><td>", "<article>", "<h1>", "</h1>", "<meta charset='utf-8'>", "<!--", "-->", "<![CDATA[",
    "<figure><img src='a.jpg'><figcaption>", "JAKARTA, KOMPAS.com - ", "Baca juga: ", " (ant/ant)", "\x00",
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-',
    "Sebuah kalimat yang cukup panjang untuk dianggap isi berita. ", "&amp;", "&#0;", "<", ">", "\ufffd",
    "<?xml version='1.0'?>", "<?pi x?>", "<svg><foreignObject>", "<frameset>", "<template>", "<time datetime='x'>",
])


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_html_pieces, st.text(max_size=40)), max_size=60))
def test_random_html_never_crashes(pieces):
    try:
        article = extract_html("".join(pieces))
    except PageError:
        return
    assert isinstance(article.paragraphs, list)


@settings(max_examples=100, deadline=2000)
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash(raw):
    try:
        extract_html_page(Page(kind="html", content=raw))
    except PageError:
        pass


# --- golden record --------------------------------------------------------------------------------------

def test_golden_record_through_pipeline():
    path = HTML / "golden_detik_style.html.gz"
    items = list(iter_pages([path]))
    assert len(items) == 1 and isinstance(items[0], Page) and items[0].kind == "html"
    [result] = list(Pipeline(only="extract").run(items))
    assert not isinstance(result, Failure), result
    assert isinstance(result, Record)
    record = result.to_json()
    assert_valid_record(record)
    assert record["steps"] == ["extract.html.v1"]
    assert record["title"] == "BMKG: Gempa M 5,1 Guncang Sukabumi, Tidak Berpotensi Tsunami"
    assert record["published"] == "2024-02-12T08:41:00+07:00"  # the tag's day with the time the page shows
    assert record["authors"] == ["Siti Nurhaliza"]
    assert record["credit"] == "akm/akm"
    assert record["language"] == "id"
    assert record["source"]["encoding"] == "utf-8 (meta)"
    assert record["url"] == "https://news.example-detik.test/berita/d-7189911/bmkg-gempa-guncang-sukabumi"
    assert len(record["paragraphs"]) == 4
    assert record["dateline"] == "Jakarta"
    assert record["paragraphs"][0].startswith("Gempa bumi bermagnitudo 5,1")
    for leftover in ("Jakarta -", "Baca juga", "ADVERTISEMENT", "SCROLL TO CONTINUE", "(akm/akm)", "Terpopuler",
                     "Tag:"):
        assert leftover not in record["text"]
    assert record["images"][0]["src"].endswith("/community/media/gempa-sukabumi.jpeg")
    assert gzip.decompress(path.read_bytes()).startswith(b"<!DOCTYPE html>")


def test_a_saved_page_keeps_its_relative_figure_and_caption():
    html = (FIXTURES / "html" / "id_figure_relative_src.html").read_text(encoding="utf-8")
    article = extract_html(html)
    assert [(i.src, i.caption) for i in article.images] == [
        ("/img/sugiono-iwaya.jpg", "Menlu Sugiono (kiri) dan Menlu Takeshi Iwaya. (Foto: Kemlu)")
    ]
    assert (article.title, article.authors, article.dateline) == (
        "Menlu Sugiono Bertemu Menlu Jepang di Tokyo", ["Siti Rahma"], "Tokyo"
    )
    assert article.language == "id" and len(article.paragraphs) == 4
