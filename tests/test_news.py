"""The news-structure parsers: header lines, dates, credits, bylines, image file names."""

import pytest

from warta.extract.dates import find_date
from warta.extract.news import (
    byline,
    caption_marker,
    credit_line,
    image_file,
    is_byline,
    parse_header,
    split_credit,
)


@pytest.mark.parametrize("line, site, dateline, published, rest", [
    ("Fokustoday.com – Caracas, 30 Maret 2019.", "Fokustoday.com", "Caracas", "2019-03-30", ""),
    ("JAKARTA, KOMPAS.com - Presiden meresmikan jalan tol", "KOMPAS.com", "Jakarta", None,
     "Presiden meresmikan jalan tol"),
    ("Jakarta, CNN Indonesia -- Harga minyak turun", "CNN Indonesia", "Jakarta", None, "Harga minyak turun"),
    ("WASHINGTON (Reuters) - The Senate voted", "Reuters", "Washington", None, "The Senate voted"),
    ("Kuala Lumpur, 3 Mac 2021 — Perdana Menteri berkata", None, "Kuala Lumpur", "2021-03-03",
     "Perdana Menteri berkata"),
    ("SURABAYA - Polisi menangkap dua tersangka", None, "Surabaya", None, "Polisi menangkap dua tersangka"),
    ("Detik.com - Sabtu, 30 Maret 2019 10:15 WIB", "Detik.com", None, "2019-03-30T10:15:00+07:00", ""),
    ("NEW YORK, March 30, 2019 (AP) — Stocks fell", "AP", "New York", "2019-03-30", "Stocks fell"),
    ("MANILA, June 17 (Reuters) - The Philippines on Monday", "Reuters", "Manila", None, "The Philippines on Monday"),
    ("MEDAN, 5 Mei (ANTARA) - Polisi menangkap", "ANTARA", "Medan", None, "Polisi menangkap"),
    ("KUALA LUMPUR: Perdana Menteri berkata", None, "Kuala Lumpur", None, "Perdana Menteri berkata"),
    ("SINGAPORE: The ministry said", None, "Singapore", None, "The ministry said"),
    ("KYIV, Ukraine (AP) — Russia launched drones", "AP", "Kyiv", None, "Russia launched drones"),
    ("SPRINGFIELD, Ill. (AP) — The Senate voted", "AP", "Springfield", None, "The Senate voted"),
    ("BOGOR, Jawa Barat - Warga mengungsi", None, "Bogor", None, "Warga mengungsi"),
    # the weekday of the report is no outlet, and makes a mixed-case place a dateline
    ("Makassar, Kamis (6/11/2025) — Polisi menangkap", None, "Makassar", "2025-11-06", "Polisi menangkap"),
    ("Makassar, Senin (5/5) - Polisi menangkap", None, "Makassar", None, "Polisi menangkap"),
    ("Makassar, Senin - Polisi menangkap", None, "Makassar", None, "Polisi menangkap"),
])
def test_header_forms(line, site, dateline, published, rest):
    header = parse_header(line)
    assert header is not None
    assert (header.site, header.dateline, header.published, header.rest) == (site, dateline, published, rest)


@pytest.mark.parametrize("line", [
    "Obama - who was president then - said no",
    "The man – a former soldier – said he saw it",
    "Harga naik 5 persen - tertinggi sejak 2019",
    "Jakarta - kota terbesar di Indonesia",  # a lone place in mixed case is not shouted: no header
    "June 17 - a day to remember",
    "BACA JUGA: Banjir rendam Jakarta",  # a shouted label and a colon: only a known place is a dateline
    "UPDATE: The minister resigned",
])
def test_sentences_with_dashes_are_not_headers(line):
    assert parse_header(line) is None


@pytest.mark.parametrize("text, iso", [
    ("30 Maret 2019", "2019-03-30"),
    ("3 Mac 2021", "2021-03-03"),
    ("March 30, 2019", "2019-03-30"),
    ("Sabtu, 30/03/2019 10:15 WIB", "2019-03-30T10:15:00+07:00"),
    ("2019-03-30", "2019-03-30"),
    ("12 Ogos 2020", "2020-08-12"),
    ("17 Agustus 1945", "1945-08-17"),
    ("1 Nopember 2018", "2018-11-01"),
])
def test_dates(text, iso):
    assert find_date(text).iso == iso


@pytest.mark.parametrize("text", ["May 2019", "pada tahun 2001", "31 Februari 2019", "Mi-17 dan Mi-26"])
def test_not_dates(text):
    assert find_date(text) is None


def test_credits():
    assert split_credit("kebebasan”. (FT/akm)") == ("kebebasan”.", "FT/akm")
    assert split_credit("kata dia. (ant)") == ("kata dia.", "ant")
    assert split_credit("Amerika Serikat (AS)") == ("Amerika Serikat (AS)", None)
    assert split_credit("pasukan PBB (UN/PKO) di sana") == ("pasukan PBB (UN/PKO) di sana", None)
    assert credit_line("(fyk/ash)") == "fyk/ash"
    assert credit_line("— BERNAMA") == "BERNAMA"
    assert credit_line("Reporting by Anna Kowalska; Editing by Mark Potter") == \
        "Reporting by Anna Kowalska; Editing by Mark Potter"
    assert credit_line("Presiden berkata") is None
    assert credit_line("Reporting by the state news agency suggested the talks had failed badly for the two "
                       "governments involved in the long negotiations over the disputed water rights in the "
                       "border region between them, which have lasted for years") is None


def test_bylines():
    assert byline("Penulis: Budi Santoso") == ["Budi Santoso"]
    assert byline("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    assert byline("Oleh Siti Aminah dan Rudi Hartono") == ["Siti Aminah", "Rudi Hartono"]
    assert byline("Penulis: Rina Kusuma | Editor: Dedi Mulyadi") == ["Rina Kusuma"]  # writers, not editors
    assert byline("Editor: Dedi Mulyadi") == ["Dedi Mulyadi"]
    assert byline("Home | News | Sport") is None
    assert byline("By the time the rescue team arrived, the river had already burst its banks and flooded the town")\
        is None


def test_image_file_names_and_captions():
    assert image_file("Rapat Kabinet.png")
    assert image_file("IMG_20190330_101500.jpg")
    assert not image_file("Lihat foto di png dan jpg")
    assert not image_file("https://example.com/a.jpg is the picture we used in the story about the election")
    assert caption_marker("Foto: ANTARA/Budi")
    assert caption_marker("(Photo: Reuters)")
    assert not caption_marker("Fotografer itu berkata")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Sean Peek, Senior Analyst", ["Sean Peek"]),  # a job after the name is no second writer
        ("By Ben Applebaum-Bauch ⋅ Review Editor", ["Ben Applebaum-Bauch"]),
        ("By ZEKE MILLER and DIDI TANG", ["Zeke Miller", "Didi Tang"]),  # AP's capitals
        ("By Kevin Liptak, CNN", ["Kevin Liptak"]),  # the outlet is no writer
        ("Laporan Wartawan Tribunnews.com, Andi Pratama", ["Andi Pratama"]),
        ("By Company Size", None),  # a filter menu of ordinary words
        ("Written by Our Editors", None),
    ],
)
def test_byline_names_are_people(line, names):
    assert byline(line) == names
    assert is_byline(line)  # a byline either way: never a headline
