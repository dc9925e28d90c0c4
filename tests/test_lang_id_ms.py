"""Indonesian or Malay, decided from marker words on short news texts (written for these tests)."""

import pytest

from warta.nlp.lang import id_or_ms

INDONESIAN = [
    # words both languages use ("Luar Negeri", "telah", "rakyat") must not make a short Indonesian text Malay
    "Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Jepang di Tokyo. Kedua menteri telah sepakat "
    "memperkuat kerja sama maritim bagi kepentingan rakyat kedua negara.",
    "Dewan Perwakilan Rakyat telah mengesahkan undang-undang itu. Ketua DPR menyebut aturan tersebut penting "
    "bagi rakyat.",
    "Polda Metro Jaya menangkap dua tersangka pencurian kendaraan bermotor di Jakarta Timur, Selasa malam.",
]
MALAY = [
    "Perdana Menteri berkata kerajaan akan mengumumkan pakej bantuan baharu kepada rakyat minggu depan.",
    "Polis menahan tiga lelaki tempatan kerana disyaki terlibat dalam kes samun di Johor Bahru semalam.",
    "Syarikat itu mencatat keuntungan bersih RM2.1 bilion, meningkat 12 peratus berbanding tahun sebelumnya.",
    "Kedua-dua pemimpin bersetuju untuk mempercepatkan rundingan sempadan, kata jurucakap Wisma Putra.",
]


@pytest.mark.parametrize("text", INDONESIAN)
def test_short_indonesian_news_is_indonesian(text):
    assert id_or_ms(text) == "id"


@pytest.mark.parametrize("text", MALAY)
def test_short_malay_news_is_malay(text):
    assert id_or_ms(text) == "ms"
