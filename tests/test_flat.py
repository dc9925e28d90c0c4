"""Golden tests of the flat-text extractor on pages written in the style of real crawled news pages."""

import pytest
from conftest import EXAMPLES, FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.errors import PageError
from warta.extract.flat import extract_flat, label_lines, split_lines


def read(path):
    return path.read_text(encoding="utf-8")


def test_wordpress_blog_page_parts():
    article = extract_flat(read(FIXTURES / "flat" / "id_wordpress_blog.txt"))
    assert article.title == "Indonesia Dorong Kerja Sama Maritim Dengan Filipina di Laut Sulawesi"
    assert (article.site, article.dateline, article.published) == (
        "Nusantaranews.net",
        "Manado",
        "2022-08-14",
    )
    assert article.language == "id"
    assert article.credit == "NN/rds"
    assert len(article.images) == 1
    assert article.images[0].src == "Patroli Maritim.jpg"
    assert article.images[0].caption.startswith("Kapal patroli TNI Angkatan Laut")
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("Pemerintah Indonesia dan Filipina sepakat")
    assert article.paragraphs[-1].endswith("rencana patroli udara bersama.")
    for leftover in (
        "Baca Juga",
        "Iklan",
        "Tinggalkan Balasan",
        "WordPress.com",
        "Logout",
        "Connecting to",
        "(NN/rds)",
        "Patroli Maritim.jpg",
        "Nusantaranews.net –",
        "Kapal patroli TNI",
    ):
        assert leftover not in article.text
    assert "Tinggalkan Balasan" in article.boilerplate


def test_single_newline_and_blank_line_layouts_agree():
    blank = extract_flat(read(FIXTURES / "flat" / "id_wordpress_blog.txt"))
    single = extract_flat(read(FIXTURES / "flat" / "id_wordpress_blog_single_newlines.txt"))
    assert blank.paragraphs == single.paragraphs
    assert (blank.title, blank.published, blank.credit) == (single.title, single.published, single.credit)


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "id_banjir_jakarta.txt",
            dict(
                site="Kompas.com",
                dateline="Jakarta",
                published="2024-02-12T09:15:00+07:00",
                credit="fyk/ash",
                language="id",
                paragraphs=6,
                title="Banjir Rendam Ratusan Rumah di Jakarta Timur, Warga Mengungsi ke Masjid",
            ),
        ),
        (
            "id_cnn_ekonomi.txt",
            dict(
                site="CNN Indonesia",
                dateline="Jakarta",
                published="2024-03-04T14:30:00+07:00",
                credit="rea/agt",
                language="id",
                paragraphs=5,
                title="Pemerintah Targetkan Ekspor Kopi Naik 15 Persen Tahun Ini",
            ),
        ),
        (
            "ms_bernama_banjir.txt",
            dict(
                site=None,
                dateline="Kuala Lumpur",
                published="2021-03-03",
                credit="BERNAMA",
                language="ms",
                paragraphs=5,
                title="Kerajaan Peruntukkan RM50 Juta Bantu Mangsa Banjir di Pantai Timur",
            ),
        ),
        (
            "en_reuters_talks.txt",
            dict(
                site="Reuters",
                dateline="Warsaw",
                published="2024-03-14T17:42:00+00:00",
                credit="Reporting by Anna Kowalska; Editing by Mark Potter",
                language="en",
                paragraphs=5,
                title="Ukraine and Poland agree on grain transit deal after weeks of talks",
            ),
        ),
    ],
)
def test_bundled_examples(name, expected):
    article = extract_flat(read(EXAMPLES / name))
    for key in ("site", "dateline", "published", "credit", "language", "title"):
        assert getattr(article, key) == expected[key], key
    assert len(article.paragraphs) == expected["paragraphs"]
    for junk in (
        "Baca juga",
        "Baca Juga",
        "Bagikan",
        "Iklan",
        "ADVERTISEMENT",
        "Copyright",
        "cookie",
        "Kongsi",
        "KOMPAS.com -",
        "CNN Indonesia --",
        "(Reuters) -",
        "Skip to main content",
        "Our Standards",
    ):
        assert junk not in article.text


def test_dateline_prefix_is_cut_from_the_lead():
    article = extract_flat(read(EXAMPLES / "id_banjir_jakarta.txt"))
    assert article.paragraphs[0].startswith("Banjir setinggi satu meter")


def test_byline_becomes_authors():
    article = extract_flat(read(EXAMPLES / "en_reuters_talks.txt"))
    assert article.authors == ["Anna Kowalska"]
    assert "By Anna Kowalska" not in article.text


def test_caption_with_marker_attaches_to_image():
    article = extract_flat(read(EXAMPLES / "id_cnn_ekonomi.txt"))
    assert article.images[0].src == "Ilustrasi kopi.jpg"
    assert article.images[0].caption.startswith("Foto: Ilustrasi biji kopi")


def test_empty_and_letterless_pages_fail_with_reason():
    with pytest.raises(PageError) as err:
        extract_flat("  \n\n ")
    assert err.value.reason == "empty"
    with pytest.raises(PageError) as err:
        extract_flat("12345\n---\n|||")
    assert err.value.reason == "no_text"


def test_split_lines_handles_every_newline_style():
    assert split_lines("a\r\nb\rc\n\n\nd\u2028e") == ["a", "b", "c", "d", "e"]


def test_label_lines_gives_one_label_per_line():
    lines = split_lines(read(FIXTURES / "flat" / "id_wordpress_blog.txt"))
    labels = label_lines(lines, "id")
    assert len(labels) == len(lines)
    assert labels[0] == "title" and labels[1] == "header"
    assert labels[lines.index("Baca Juga :")] == "boilerplate"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=0, max_size=200), min_size=0, max_size=40))
def test_random_text_never_crashes_the_cleaner(lines):
    text = "\n".join(lines)
    try:
        article = extract_flat(text)
    except PageError as err:
        assert err.reason in ("empty", "no_text")
        return
    assert all(p.strip() for p in article.paragraphs)
    assert all(p in text or p.strip() in text for p in article.paragraphs if "(" not in p[-12:])


def test_huge_single_line_is_bounded():
    line = ("kata " * 200_000).strip()  # 1 MB, no newline
    article = extract_flat(line + ".")
    assert len(article.paragraphs) <= 1


def _prefix_kind_by_scan(key: str) -> str | None:
    """The listed prefix phrases tried longest first, as a plain scan (what the word-prefix look-up replaces)."""
    from warta.extract.flat import _phrases

    for phrase, kind in sorted(_phrases().prefix.items(), key=lambda p: -len(p[0])):
        if key.startswith(phrase) and (len(key) == len(phrase) or key[len(phrase)] == " "):
            return kind
    return None


def test_boilerplate_prefixes_longest_listed_phrase_at_a_word_boundary():
    from warta.extract.flat import _norm, _phrases, boilerplate_kind

    phrases = _phrases()
    lines = []
    for phrase in phrases.prefix:
        words = phrase.split(" ")
        lines += [
            phrase,
            phrase + " harga beras naik",
            phrase.upper() + ":",
            phrase + "x tail",
            words[0] + " zz",
        ]
    checked = 0
    for line in lines:
        key = _norm(line)
        if not key or key in phrases.line or len(line.split()) > 25:
            continue
        expected = _prefix_kind_by_scan(key)
        if expected is not None:  # a prefix decides before the "contains" phrases and templates are tried
            assert boilerplate_kind(line) == expected, line
            checked += 1
    assert checked >= 2 * len(phrases.prefix)


def test_headline_above_menu_share_buttons_and_a_writer_editor_byline():
    article = extract_flat(read(FIXTURES / "flat" / "id_news_menu_share.txt"))
    assert article.title == "Turki Kecam Serangan Israel ke Konvoi Bantuan di Gaza"
    assert article.authors == ["Rina Kusuma"]
    assert (article.dateline, article.published[:10]) == ("Ankara", "2024-06-19")
    assert article.paragraphs[0].startswith("Pemerintah Turki mengecam")
    assert len(article.paragraphs) == 5
    assert not any(p.startswith(("Baca juga", "ADVERTISEMENT", "Tag:")) for p in article.paragraphs)


def test_an_updated_line_with_clock_and_time_zone_is_the_date_not_the_headline():
    article = extract_flat(read(FIXTURES / "flat" / "en_wire_menu_updated.txt"))
    assert article.title == "Philippines accuses China of ramming supply boat near disputed shoal"
    assert (article.published, article.authors) == ("2024-08-31", ["Jim Gomez"])
    assert (article.site, article.dateline) == ("AP", "Manila")
    assert article.paragraphs[-1].startswith("The confrontation was the latest")


def test_a_known_town_and_a_hyphen_opening_the_first_paragraph_is_the_dateline():
    article = extract_flat(read(FIXTURES / "flat" / "id_lead_place_hyphen.txt"))
    assert article.title == "Menlu Sugiono Bertemu Wang Yi, Bahas Laut China Selatan"
    assert (article.site, article.dateline, article.authors) == ("detikNews", "Jakarta", ["Andi Pratama"])
    assert article.published.startswith("2024-11-21")
    assert article.paragraphs[0].startswith("Menteri Luar Negeri Sugiono bertemu")
    assert article.credit == "azh/dnu" and len(article.paragraphs) == 4


def test_a_route_between_two_towns_opening_the_lead_is_no_dateline():
    text = (
        "Tol Baru Dibuka\n\nJakarta - Bandung kini ditempuh dua jam lewat jalan tol baru yang dibuka pada Senin "
        "pagi.\n\nPengguna jalan menyambut baik pembukaan tol tersebut.\n"
    )
    article = extract_flat(text)
    assert article.dateline is None and article.paragraphs[0].startswith("Jakarta - Bandung")


_LEAD = (
    "Menteri Luar Negeri Sugiono bertemu dengan Menteri Luar Negeri China Wang Yi di Beijing. Dalam pertemuan "
    "itu, kedua menteri membahas kerja sama ekonomi dan situasi di Laut China Selatan.\n"
    '"Indonesia mendorong penyelesaian damai atas sengketa di kawasan," kata Sugiono kepada wartawan.\n'
    "Sugiono menambahkan, Indonesia dan China sepakat memperkuat perdagangan kedua negara.\n"
)
_HEADLINE = "Menlu Sugiono Bertemu Wang Yi, Bahas Laut China Selatan"


@pytest.mark.parametrize(
    ("head", "tail", "authors"),
    [
        # a writer's and an editor's credit line: neither is the headline, the writer is the author
        ("Reporter: Andi Pratama\nEditor: Dedi Mulyadi\nKamis, 21 November 2024 14:30 WIB\nTEMPO.CO, Jakarta - ", "", ["Andi Pratama"]),
        # the outlet named with the writer is no author
        ("Kamis, 21 November 2024 14:30 WIB\nLaporan Wartawan Tribunnews.com, Andi Pratama\nTRIBUNNEWS.COM, JAKARTA - ", "", ["Andi Pratama"]),
        # writer and editor by name alone, split by a bar
        ("Andi Pratama | Dedi Mulyadi\nKamis, 21 November 2024 | 14:30 WIB\nSuara.com - ", "", []),
        # the writer credited after the last paragraph
        ("Kamis, 21 November 2024 14:30 WIB\nJakarta (ANTARA) - ", "Pewarta: Andi Pratama\nEditor: Dedi Mulyadi\n", ["Andi Pratama"]),
    ],
)
def test_credit_lines_around_an_indonesian_article_are_no_headline(head, tail, authors):
    article = extract_flat(f"{_HEADLINE}\n{head}{_LEAD}{tail}")
    assert article.title == _HEADLINE
    assert article.authors == authors
    assert article.published.startswith("2024-11-21") and len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("Menteri Luar Negeri Sugiono")


_EN_HEADLINE = "US and China agree to resume military talks after summit"
_EN_BODY = (
    "The United States and China agreed on Wednesday to resume high-level military communications, officials "
    "said after a four-hour summit between the two leaders.\n"
    '"We are back to direct, open, clear communications," the president told reporters after the meeting.\n'
    "The two sides also agreed to work together to curb the production of fentanyl precursors.\n"
)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # AP writes the names in capitals
        ("By ZEKE MILLER and DIDI TANG\nUpdated 10:41 PM UTC, November 15, 2023\nWOODSIDE, Calif. (AP) — ",
         ("AP", "Woodside", ["Zeke Miller", "Didi Tang"])),
        # the writer's job on the line under the byline is no headline
        ("15 November 2023\nShare\nBy Anthony Zurcher\nNorth America correspondent\n", (None, None, ["Anthony Zurcher"])),
        # the outlet after the writer's name is no author; the state before the outlet is no site
        ("By Kevin Liptak, CNN\nUpdated 10:41 PM EST, Wed November 15, 2023\nWoodside, California CNN — ",
         ("CNN", "Woodside", ["Kevin Liptak"])),
        # a standfirst between the headline and the date
        ("Biden and Xi meet for the first time in a year\nWed 15 Nov 2023 22.41 GMT\n", (None, None, [])),
    ],
)
def test_english_bylines_and_datelines_of_common_layouts(head, expected):
    article = extract_flat(f"{_EN_HEADLINE}\n{head}{_EN_BODY}")
    assert article.title == _EN_HEADLINE
    assert (article.site, article.dateline, article.authors) == expected
    assert article.published.startswith("2023-11-15")
    assert article.paragraphs[-1].startswith("The two sides also agreed")


def test_short_one_sentence_paragraphs_of_wire_copy_stay_in_the_body():
    text = (
        "KPK Tahan Bupati Contoh\n\n"
        "JAKARTA, KOMPAS.com - Komisi Pemberantasan Korupsi (KPK) menahan Bupati Contoh Budi Santoso, Jumat "
        "(12/1/2024).\n\n"
        "Budi ditahan selama 20 hari pertama di Rutan KPK.\n\n"
        "Ia diduga menerima suap terkait proyek di Dinas PUPR.\n\n"
        "KPK juga menetapkan tiga tersangka lain dalam kasus tersebut.\n\n"
        "Ikuti berita terkini dari kami di Google News dan WhatsApp Channel.\n\n"
        'Artikel ini telah tayang di Kompas.com dengan judul "KPK Tahan Bupati Contoh".\n'
    )
    article = extract_flat(text)
    assert len(article.paragraphs) == 4
    assert article.paragraphs[-1] == "KPK juga menetapkan tiga tersangka lain dalam kasus tersebut."
    english = (
        "Ukraine says drones hit energy sites\n\n"
        "KYIV, Nov 28 (Reuters) - Russia launched dozens of drones at Ukraine overnight, damaging energy "
        "facilities in three regions, officials said on Friday.\n\n"
        "The air force said it had shot down 45 of the 60 drones launched.\n\n"
        "There was no immediate comment from the Kremlin.\n"
    )
    assert extract_flat(english).paragraphs[-1] == "There was no immediate comment from the Kremlin."
