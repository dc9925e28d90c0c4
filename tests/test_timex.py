"""Time expressions resolved against the publication date."""

import pytest

from warta.nlp.timex import find_times

SATURDAY = "2019-03-30"


def values(text, lang, published=SATURDAY):
    return [(t.text, t.value) for t in find_times(text, published, lang)]


@pytest.mark.parametrize("text, lang, expected", [
    ("Gedung itu diresmikan pada hari Jumat.", "id", [("Jumat", "2019-03-29")]),
    ("Pesawat itu mendarat pada hari Sabtu.", "id", [("Sabtu", "2019-03-23")]),  # bare weekday: the one before
    ("Sabtu ini warga berkumpul.", "id", [("Sabtu ini", "2019-03-30")]),
    ("Rapat digelar Senin depan.", "id", [("Senin depan", "2019-04-01")]),
    ("Kemarin polisi menangkap dua orang.", "id", [("Kemarin", "2019-03-29")]),
    ("Harga naik sejak minggu lalu.", "id", [("minggu lalu", "2019-W12")]),
    ("Perjanjian itu disegel pada tahun 2001.", "id", [("pada tahun 2001", "2001")]),
    ("Presiden berbicara Jumat (29/3) di Istana.", "id", [("Jumat (29/3)", "2019-03-29")]),
    # a weekday written with its date takes the date, even where the bare-weekday rule would go back a week
    ("KPK menahan tersangka pada Sabtu, 30 Maret 2019.", "id", [("Sabtu, 30 Maret 2019", "2019-03-30")]),
    ("Polisi menangkap pelaku Sabtu (30/3/2019) malam.", "id", [("Sabtu (30/3/2019)", "2019-03-30")]),
    ("The minister resigned on Saturday, March 30.", "en", [("Saturday, March 30", "2019-03-30")]),
    ("Pada Jumat, warga berkumpul. 12 Mei 2018 adalah hari lain.", "id",
     [("Jumat", "2019-03-29"), ("12 Mei 2018", "2018-05-12")]),
    ("Tahun lepas kerajaan membina 10 hospital.", "ms", [("Tahun lepas", "2018")]),
    ("Perdana Menteri berkata semalam.", "ms", [("semalam", "2019-03-29")]),
    ("The talks ended last Tuesday.", "en", [("Tuesday", "2019-03-26")]),
    ("Officials said on Friday they would meet next Monday.", "en",
     [("Friday", "2019-03-29"), ("Monday", "2019-04-01")]),
    ("Prices rose last month and yesterday.", "en", [("last month", "2019-02"), ("yesterday", "2019-03-29")]),
    ("The treaty was signed on March 3, 2019.", "en", [("March 3, 2019", "2019-03-03")]),
])
def test_resolution(text, lang, expected):
    assert values(text, lang) == expected


def test_relative_expressions_need_a_publication_date():
    assert values("Kemarin polisi menangkap dua orang pada 12 Mei 2018.", "id", published=None) == [
        ("12 Mei 2018", "2018-05-12")]


def test_spans_index_the_text():
    text = "Menurut polisi, kejadian itu terjadi Rabu lalu sekitar pukul 10.00."
    for t in find_times(text, SATURDAY, "id"):
        assert text[t.start:t.end] == t.text
