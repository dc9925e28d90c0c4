"""nlp.quotes.v1 on synthetic Indonesian, Malay and English paragraphs written for these tests."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.model import Article, Entity, Record, Span
from warta.nlp import quotes
from warta.nlp.quotes import find_quotes, lexicon


def make_record(paragraphs, lang, people=(), orgs=(), places=()):
    """A record whose entities are found by exact name matching: (id, canonical name, surfaces)."""
    text = "\n\n".join(paragraphs)
    taken: list[tuple[int, int]] = []
    entities = []
    groups = (
        [(spec, "PER") for spec in people]
        + [(spec, "ORG") for spec in orgs]
        + [(spec, "LOC") for spec in places]
    )
    # longest surfaces first so "Trump" inside "Donald Trump" is not a second mention
    surfaces = sorted(((s, spec, kind) for spec, kind in groups for s in spec[2]), key=lambda x: -len(x[0]))
    by_id: dict[str, Entity] = {}
    for surface, (eid, name, _), kind in surfaces:
        entity = by_id.setdefault(eid, Entity(id=eid, name=name, type=kind))
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            entity.mentions.append(Span(m.start(), m.end(), surface))
    for entity in by_id.values():
        entity.mentions.sort(key=lambda s: s.start)
        entities.append(entity)
    record = Record(id="t", article=Article(paragraphs=list(paragraphs), language=lang), entities=entities)
    quotes.annotate(record)
    return record


def check_spans(record):
    text = record.article.text
    for q in record.quotes:
        assert q.text == text[q.start : q.end]
        assert q.kind in ("direct", "partial", "indirect")
        assert q.text == q.text.strip()


def find(record, fragment):
    hits = [q for q in record.quotes if fragment in q.text]
    assert hits, f"no quote with {fragment!r}: {[(q.kind, q.text) for q in record.quotes]}"
    return hits[0]


# --------------------------------------------------------------------------------------------- Indonesian

JOKOWI = ("p1", "Joko Widodo", ["Joko Widodo", "Jokowi"])
BASUKI = ("p2", "Basuki Hadimuljono", ["Basuki Hadimuljono", "Basuki"])


def id_story():
    return make_record(
        [
            "Presiden Joko Widodo meresmikan jembatan baru di Palu, Senin (3/5).",
            "“Jembatan ini akan mempercepat distribusi barang ke seluruh wilayah,” kata Presiden dalam "
            "sambutannya.",
            "Ia menambahkan, pemerintah akan membangun dua jembatan lagi tahun depan.",
            "Menteri Pekerjaan Umum Basuki Hadimuljono mengatakan bahwa proyek itu selesai tepat waktu.",
            '"Kami bekerja siang dan malam agar warga cepat menikmatinya," ujarnya.',
            "Menurut Basuki, biaya pembangunan mencapai Rp 1,2 triliun.",
            "Dengan kata lain, jembatan itu menjadi simbol kebangkitan kota. Hal itu sudah jelas bagi warga.",
            "Lebih lanjut, jalan akses juga diperlebar oleh kontraktor.",
        ],
        "id",
        people=[JOKOWI, BASUKI],
    )


def test_direct_quote_with_title_speaker():
    record = id_story()
    check_spans(record)
    q = find(record, "Jembatan ini akan mempercepat")
    assert q.kind == "direct" and q.cue == "kata"
    assert (q.speaker, q.speaker_name) == ("p1", "Joko Widodo")
    assert q.text.endswith("seluruh wilayah")  # the comma before the closing mark is not part of the quote


def test_indirect_with_pronoun_bahwa_and_menurut():
    record = id_story()
    q = find(record, "pemerintah akan membangun dua jembatan")
    assert (q.kind, q.cue, q.speaker_name) == ("indirect", "menambahkan", "Joko Widodo")
    q = find(record, "proyek itu selesai tepat waktu")
    assert (q.kind, q.cue, q.speaker_name) == ("indirect", "mengatakan", "Basuki Hadimuljono")
    assert q.text.startswith("proyek")
    q = find(record, "biaya pembangunan mencapai")
    assert (q.kind, q.cue, q.speaker) == ("indirect", "Menurut", "p2")


def test_saying_so_reports_no_content():
    record = make_record(
        [
            "Menteri Pekerjaan Umum Basuki Hadimuljono mengatakan hal itu saat meninjau jembatan di Palu, Senin.",
            "Basuki berkata demikian selepas mesyuarat bersama pegawai daerah.",
            "Ia menegaskan pemerintah akan membangun dua jembatan lagi tahun depan.",
        ],
        "id",
        people=[BASUKI],
    )
    texts = [q.text for q in record.quotes]
    assert not any(t.startswith(("hal itu", "demikian")) for t in texts)  # "said so": the content is elsewhere
    assert find(record, "pemerintah akan membangun dua jembatan").speaker == "p2"


def test_straight_quotes_and_nya_clitic():
    q = find(id_story(), "Kami bekerja siang dan malam")
    assert (q.kind, q.cue, q.speaker_name) == ("direct", "ujarnya", "Basuki Hadimuljono")


def test_ambiguous_cue_words_in_ordinary_use_are_not_cues():
    record = id_story()
    cues = [q.cue for q in record.quotes]
    assert "kata" in cues  # as a cue, after the quote
    assert not any(
        "simbol kebangkitan" in q.text or "jalan akses" in q.text or "bagi warga" in q.text
        for q in record.quotes
    )


ABRAMS = ("p3", "Elliott Abrams", ["Elliott Abrams", "Abrams"])
TRUMP = ("p4", "Donald Trump", ["Donald Trump", "Trump"])
BOLTON = ("p5", "John Bolton", ["John Bolton"])
ROSOBORON = ("o1", "Rosoboronexport", ["Rosoboronexport"])


def seedlike():
    return make_record(
        [
            "Pusat pelatihan itu diresmikan pada hari Jumat, menurut layanan pers Rosoboronexport.",
            "“Kami tetap berkomitmen untuk memperdalam kemitraan dengan mitra kami,” kata layanan pers.",
            "Presiden Trump menuntut agar Rusia “keluar” dari negara itu, sementara John Bolton mengatakan "
            "bahwa "
            "mereka “tidak akan mentolerir” campur tangan asing.",
            "“Kami punya banyak opsi dalam hal sanksi, “ kata Abrams kepada wartawan, Jumat, seraya "
            "menambahkan "
            "bahwa ” akan menjadi kesalahan bagi Rusia untuk berpikir begitu”.",
        ],
        "id",
        people=[ABRAMS, TRUMP, BOLTON],
        orgs=[ROSOBORON],
        places=[("l1", "Rusia", ["Rusia"])],
    )


def test_press_service_speaks_for_its_organisation_also_later():
    record = seedlike()
    check_spans(record)
    q = find(record, "Pusat pelatihan itu diresmikan")
    assert (q.kind, q.speaker) == ("indirect", "o1")
    q = find(record, "Kami tetap berkomitmen")
    assert (q.kind, q.cue, q.speaker, q.speaker_name) == ("direct", "kata", "o1", "Rosoboronexport")


def test_partial_quotes_inside_reported_speech():
    record = seedlike()
    q = find(record, "keluar")
    assert (q.kind, q.cue, q.speaker_name, q.text) == ("partial", "menuntut", "Donald Trump", "keluar")
    q = find(record, "tidak akan mentolerir")
    assert (q.kind, q.cue, q.speaker_name) == ("partial", "mengatakan", "John Bolton")


def test_quote_split_around_attribution_with_mismatched_marks():
    record = seedlike()
    first = find(record, "Kami punya banyak opsi")
    assert first.text == "Kami punya banyak opsi dalam hal sanksi"
    assert (first.kind, first.cue, first.speaker_name) == ("direct", "kata", "Elliott Abrams")
    second = find(record, "akan menjadi kesalahan")
    assert second.text == "akan menjadi kesalahan bagi Rusia untuk berpikir begitu"
    assert second.kind in ("direct", "partial")
    assert second.speaker_name == "Elliott Abrams" and second.cue == "seraya menambahkan"


def test_multi_paragraph_quote_is_one_quote():
    record = make_record(
        [
            "Gubernur Anies Baswedan menjelaskan rencananya kepada warga di balai kota.",
            "“Pertama, kami akan memperbaiki saluran air di semua kecamatan.",
            "“Kedua, kami akan menambah pompa di daerah rawan banjir,” ujar Anies.",
        ],
        "id",
        people=[("p6", "Anies Baswedan", ["Anies Baswedan", "Anies"])],
    )
    check_spans(record)
    direct = [q for q in record.quotes if q.kind == "direct"]
    assert len(direct) == 1
    q = direct[0]
    assert q.text.startswith("Pertama, kami") and q.text.endswith("rawan banjir")
    assert "\n\n" in q.text and q.speaker_name == "Anies Baswedan" and q.cue == "ujar"


def test_other_marks_named_spokesperson_and_continuation():
    record = make_record(
        [
            "«Kami menolak tuduhan itu,» kata juru bicara Kementerian Luar Negeri Teuku Faizasyah.",
            "„Indonesia tetap netral“, tegas Teuku. “Semua pihak harus menahan diri dan kembali berunding.”",
            "Film “Laskar Pelangi” diputar lagi di bioskop pekan ini.",
        ],
        "id",
        people=[("p7", "Teuku Faizasyah", ["Teuku Faizasyah", "Teuku"])],
        orgs=[("o2", "Kementerian Luar Negeri", ["Kementerian Luar Negeri"])],
    )
    check_spans(record)
    q = find(record, "Kami menolak tuduhan itu")
    assert (q.kind, q.cue, q.speaker_name) == ("direct", "kata", "Teuku Faizasyah")
    q = find(record, "Indonesia tetap netral")
    assert (q.kind, q.cue, q.speaker_name) == ("direct", "tegas", "Teuku Faizasyah")
    q = find(record, "Semua pihak harus menahan diri")
    assert (q.kind, q.cue, q.speaker_name) == ("direct", None, "Teuku Faizasyah")
    assert not any("Laskar Pelangi" in q.text for q in record.quotes)  # a title, not speech


def test_speaker_named_before_the_quote():
    record = make_record(
        [
            "Kepala BMKG Dwikorita Karnawati mengatakan, “Hujan lebat masih akan turun hingga akhir pekan.”",
            "Dia juga mengingatkan warga: “Jangan mendekati tebing yang rawan longsor.”",
        ],
        "id",
        people=[("p8", "Dwikorita Karnawati", ["Dwikorita Karnawati"])],
        orgs=[("o3", "BMKG", ["BMKG"])],
    )
    q = find(record, "Hujan lebat")
    assert (q.kind, q.cue, q.speaker_name) == ("direct", "mengatakan", "Dwikorita Karnawati")
    q = find(record, "Jangan mendekati")
    assert (q.kind, q.cue, q.speaker_name) == ("direct", "mengingatkan", "Dwikorita Karnawati")


# --------------------------------------------------------------------------------------------- Malay


def test_malay_beliau_and_kata():
    record = make_record(
        [
            "“Kerajaan akan membantu semua mangsa banjir,” kata Perdana Menteri Anwar Ibrahim di "
            "Kuala Lumpur.",
            "Beliau berkata, bantuan tunai akan disalurkan minggu ini.",
        ],
        "ms",
        people=[("p9", "Anwar Ibrahim", ["Anwar Ibrahim", "Anwar"])],
    )
    check_spans(record)
    q = find(record, "Kerajaan akan membantu")
    assert (q.kind, q.cue, q.speaker_name) == ("direct", "kata", "Anwar Ibrahim")
    q = find(record, "bantuan tunai")
    assert (q.kind, q.cue, q.speaker_name) == ("indirect", "berkata", "Anwar Ibrahim")


# --------------------------------------------------------------------------------------------- English

PERRY = ("e1", "Perry Warjiyo", ["Perry Warjiyo", "Warjiyo"])
MULYANI = ("e2", "Sri Mulyani Indrawati", ["Sri Mulyani Indrawati", "Sri Mulyani"])


def en_story():
    return make_record(
        [
            "The central bank kept interest rates unchanged on Thursday.",
            '"Inflation is still too high," Governor Perry Warjiyo said at a news conference.',
            "He added that the bank would watch the currency closely.",
            "According to Finance Minister Sri Mulyani Indrawati, the budget deficit will stay "
            "below 3 percent.",
            "“We are ready to act,” said Sri Mulyani, “and we will not hesitate.”",
            "The minister called the plan ‘a reckless gamble’ and said the cabinet would reject it.",
            "Warjiyo told reporters on Friday that rates could fall next year, according to a person "
            "at the meeting.",
        ],
        "en",
        people=[PERRY, MULYANI],
    )


def test_english_direct_name_before_cue_and_pronoun():
    record = en_story()
    check_spans(record)
    q = find(record, "Inflation is still too high")
    assert (q.kind, q.cue, q.speaker_name) == ("direct", "said", "Perry Warjiyo")
    q = find(record, "the bank would watch")
    assert (q.kind, q.cue, q.speaker_name) == ("indirect", "added", "Perry Warjiyo")
    assert q.text == "the bank would watch the currency closely"


def test_english_according_to_and_split_quote():
    record = en_story()
    q = find(record, "budget deficit")
    assert (q.kind, q.cue, q.speaker_name) == ("indirect", "According to", "Sri Mulyani Indrawati")
    first, second = find(record, "We are ready to act"), find(record, "we will not hesitate")
    assert first.speaker_name == second.speaker_name == "Sri Mulyani Indrawati"
    assert first.cue == "said" and first.kind == second.kind == "direct"


def test_english_partial_with_title_speaker_and_told_that():
    record = en_story()
    q = find(record, "a reckless gamble")
    assert (q.kind, q.text, q.speaker_name) == ("partial", "a reckless gamble", "Sri Mulyani Indrawati")
    q = find(record, "rates could fall next year")
    assert (q.kind, q.cue, q.speaker_name) == ("indirect", "told", "Perry Warjiyo")


def test_apostrophes_are_not_quotes():
    record = make_record(
        ["The company's chief said the players' union won't strike, O'Brien said."],
        "en",
        people=[("e3", "O'Brien", ["O'Brien"])],
    )
    check_spans(record)
    assert all(q.kind == "indirect" for q in record.quotes)


# --------------------------------------------------------------------------------------------- fallback, data


def test_ner_fallback_gives_names_without_ids():
    record = Record(
        id="t",
        article=Article(
            paragraphs=[
                "Perwakilan khusus AS untuk Venezuela, Elliott Abrams, mengancam sanksi.",
                "“Ada banyak hal yang dapat kita lakukan dalam hal ekonomi,” kata Abrams kepada wartawan.",
            ],
            language="id",
        ),
    )
    quotes.annotate(record)
    q = find(record, "Ada banyak hal")
    assert q.kind == "direct" and q.speaker is None and "Abrams" in (q.speaker_name or "")


@pytest.mark.parametrize("lang", ["id", "en", "ms"])
def test_cue_files_load(lang):
    lex = lexicon(lang)
    assert len(lex.cues) > 20
    assert any(c.role == "according" for c in lex.cues.values())
    assert any(kind == "pronoun" for kind in lex.classes.values())


def test_annotator_is_registered_after_entities():
    from warta.pipeline import ANNOTATORS

    names = [name for name, _ in ANNOTATORS]
    assert "nlp.quotes.v1" in names
    if "nlp.entities.v1" in names:
        assert names.index("nlp.entities.v1") < names.index("nlp.quotes.v1")


PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "„",
        "«",
        "»",
        "‘",
        "’",
        "'",
        ",",
        ".",
        ":",
        " ",
        "\n\n",
        "kata",
        "Kata",
        "said",
        "Budi",
        "ia",
        "ujarnya",
        "bahwa",
        "menurut",
        "Kami siap",
        "he",
        "according to",
        "Hal itu disampaikan",
        "oleh",
        "juru bicara",
        "Presiden",
        "the company said",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=50), st.sampled_from(["id", "en", "ms", None, "fr"]))
def test_never_crashes_and_spans_index_text(pieces, lang):
    text = " ".join(pieces)
    mentions = [quotes.Mention(m.start(), m.end(), "PER", "p", "Budi") for m in re.finditer("Budi", text)]
    for q in find_quotes(text, lang, mentions):
        assert 0 <= q.start < q.end <= len(text)
        assert q.kind in ("direct", "partial", "indirect")
        assert text[q.start : q.end] == text[q.start : q.end].strip()


def test_pronoun_prefers_the_person_named_at_a_cue():
    record = make_record(
        [
            "Kuala Lumpur dilanda hujan sejak Isnin, kata Menteri Kewangan Tengku Zafrul di "
            "Putrajaya semalam.",
            "Beliau berkata bantuan tunai akan disalurkan kepada semua keluarga yang terjejas.",
            "Menurut Jabatan Meteorologi Malaysia, hujan lebat dijangka berterusan sehingga hujung minggu.",
        ],
        "ms",
        people=[("p10", "Tengku Zafrul", ["Tengku Zafrul"])],
        places=[("l2", "Malaysia", ["Malaysia"]), ("l3", "Kuala Lumpur", ["Kuala Lumpur"])],
    )
    q = find(record, "bantuan tunai akan disalurkan")
    assert (q.kind, q.cue, q.speaker_name) == (
        "indirect",
        "berkata",
        "Tengku Zafrul",
    )  # bare clause after cue
    q = find(record, "hujan lebat dijangka")
    assert q.speaker is None and q.speaker_name == "Jabatan Meteorologi Malaysia"  # not the place inside it


def test_title_with_a_name_the_ner_missed_and_unnamed_sources():
    record = make_record(
        [
            '"This is a fair solution for our farmers," Polish Agriculture Minister Tomasz Nowak '
            "told reporters.",
            "The border will reopen next week, officials said.",
            "Carlineo's attorney, Sonya Zoghlin, said in an email that her client never intended "
            "to harm anyone.",
        ],
        "en",
        people=[("e4", "Sonya Zoghlin", ["Sonya Zoghlin"]), ("e5", "Carlineo", ["Carlineo"])],
    )
    check_spans(record)
    q = find(record, "fair solution")
    assert (q.cue, q.speaker, q.speaker_name) == ("told", None, "Tomasz Nowak")
    q = find(record, "border will reopen")
    assert (q.kind, q.speaker_name, q.text) == ("indirect", "officials", "The border will reopen next week")
    q = find(record, "never intended")
    assert (q.kind, q.speaker_name) == ("indirect", "Sonya Zoghlin")
    assert q.text == "her client never intended to harm anyone"


def test_tail_cue_needs_speaker_words():
    record = make_record(
        [
            "Lurah Cawang, Siti Rahmawati, mengatakan sedikitnya 340 keluarga terdampak banjir.",
        ],
        "id",
        people=[("p11", "Siti Rahmawati", ["Siti Rahmawati"])],
    )
    q = find(record, "340 keluarga")
    assert (q.kind, q.speaker_name) == ("indirect", "Siti Rahmawati")
    assert q.text.startswith("sedikitnya")


def test_ambiguous_cues_in_context():
    record = make_record(
        [
            "Harga beras naik lagi pekan ini, jelas Menteri Perdagangan Zulkifli Hasan di Jakarta.",
            "“Stok kami cukup sampai Lebaran,” lanjut dia. Kondisi di pasar tambah parah karena hujan.",
            "Lebih lanjut, pedagang diminta tidak menimbun beras, tambahnya.",
            "Situasinya sudah jelas sejak bulan lalu.",
        ],
        "id",
        people=[("p12", "Zulkifli Hasan", ["Zulkifli Hasan", "Zulkifli"])],
    )
    check_spans(record)
    q = find(record, "Harga beras naik")
    assert (q.kind, q.cue, q.speaker_name) == ("indirect", "jelas", "Zulkifli Hasan")
    q = find(record, "Stok kami cukup")
    assert (q.kind, q.cue, q.speaker_name) == ("direct", "lanjut", "Zulkifli Hasan")
    q = find(record, "pedagang diminta")
    assert (q.kind, q.cue, q.speaker_name) == ("indirect", "tambahnya", "Zulkifli Hasan")
    assert not any("parah" in q.text or "bulan lalu" in q.text for q in record.quotes)


def test_inversions_mixed_marks_and_nested_quotes():
    record = make_record(
        [
            "Mayor Karen Bass spoke on Monday after the storm.",
            '“We will rebuild every street," said she, "and we will do it fast.”',
            "“The word ‘impossible’ is not in our plans,” Bass told reporters on Monday.",
            "She told reporters on Tuesday that the city would borrow money.",
        ],
        "en",
        people=[("e6", "Karen Bass", ["Karen Bass", "Bass"])],
    )
    check_spans(record)
    first, second = find(record, "We will rebuild"), find(record, "we will do it fast")
    assert first.speaker_name == second.speaker_name == "Karen Bass" and first.cue == "said"
    q = find(record, "The word")
    assert q.text == "The word ‘impossible’ is not in our plans" and q.speaker_name == "Karen Bass"
    assert not any(q.text == "impossible" for q in record.quotes)  # inside a direct quote
    q = find(record, "the city would borrow")
    assert (q.kind, q.cue, q.speaker_name) == ("indirect", "told", "Karen Bass")
    assert q.text == "the city would borrow money"


def test_unnamed_speaker_words_become_the_name():
    record = make_record(['"We expect growth to return next year," the company said in a statement.'], "en")
    q = find(record, "We expect growth")
    assert (q.kind, q.cue, q.speaker, q.speaker_name) == ("direct", "said", None, "the company")


def test_passive_attribution_in_the_next_sentence():
    record = make_record(
        [
            "Presiden Joko Widodo dan Menteri Keuangan Sri Mulyani hadir di Istana.",
            "“Anggaran kita cukup untuk tahun depan.” Hal itu disampaikan oleh Sri Mulyani dalam rapat, "
            "Senin.",
        ],
        "id",
        people=[JOKOWI, ("p13", "Sri Mulyani", ["Sri Mulyani"])],
    )
    q = find(record, "Anggaran kita cukup")
    assert (q.kind, q.cue, q.speaker_name) == ("direct", "disampaikan", "Sri Mulyani")


def test_name_after_cue_without_an_entity():
    record = make_record(["“Belum ada keputusan soal itu,” kata Teguh kepada wartawan di Bandung."], "id")
    q = find(record, "Belum ada keputusan")
    assert (q.cue, q.speaker, q.speaker_name) == ("kata", None, "Teguh")


def test_kata_opening_a_sentence():
    record = make_record(
        [
            "Kata Jokowi, pemerintah akan menambah kuota pupuk bersubsidi. Kata kunci program ini adalah "
            "pemerataan."
        ],
        "id",
        people=[JOKOWI],
    )
    q = find(record, "pemerintah akan menambah")
    assert (q.kind, q.cue, q.speaker_name) == ("indirect", "Kata", "Joko Widodo")
    assert not any("pemerataan" in q.text for q in record.quotes)


def test_a_second_reporting_verb_keeps_the_first_verbs_speaker():
    """ ", adding that ..." and "... and urged ..." continue the sentence's speaker; a place opening the clause
    is its subject even when an apposition names another place before the verb."""
    record = make_record(
        [
            '"We condemn these dangerous actions," Defence Secretary Gilberto Teodoro said in a statement, '
            "adding that Manila would not be intimidated.",
            "The United States, a treaty ally of the Philippines, said it stood with Manila and urged Beijing to stop "
            'its "dangerous conduct".',
        ],
        "en",
        people=[("p1", "Gilberto Teodoro", ["Gilberto Teodoro"])],
        places=[
            ("c1", "Philippines", ["Philippines", "Manila"]),
            ("c2", "United States", ["The United States"]),
            ("c3", "China", ["Beijing"]),
        ],
    )
    check_spans(record)
    assert find(record, "Manila would not be intimidated").speaker_name == "Gilberto Teodoro"
    assert find(record, "dangerous conduct").speaker_name == "United States"
    record = make_record(
        [
            "Menteri Luar Negeri Retno Marsudi mengatakan Indonesia mendukung perundingan, dan meminta "
            "semua pihak menahan diri."
        ],
        "id",
        people=[("p2", "Retno Marsudi", ["Retno Marsudi"])],
        places=[("c4", "Indonesia", ["Indonesia"])],
    )
    assert {q.speaker_name for q in record.quotes} == {"Retno Marsudi"}


def _sentence_bounds_per_token(doc: quotes.Doc) -> tuple[list[int], list[int]]:
    """Sentence bounds decided token by token (what the cut-based fill replaces)."""
    import bisect

    n = len(doc.words)
    starts, ends = [0] * n, [n] * n
    before_break = {bisect.bisect_left(doc.starts, p) - 1 for p in doc.paragraph_starts[1:]}
    start = 0
    for j in range(n):
        end = None
        if doc.ends_sentence(j):
            end = j
        elif j + 1 < n and j in before_break:
            end = j + 1
        elif j + 1 - start >= quotes._MAX_SENTENCE:
            end = j + 1
        if end is not None or j == n - 1:
            for k in range(start, j + 1):
                starts[k], ends[k] = start, n if end is None else end
            start = j + 1
    return starts, ends


_SENTENCE_PIECES = [
    "a",
    "B",
    "x.",
    "Y!",
    " ",
    "\n\n",
    ".",
    "?",
    "3.5",
    "D-Minn., in",
    "\n \n",
    ",",
    ";",
    "“Q.”",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=60).map(" ".join),
    st.integers(min_value=0, max_value=420),
)
def test_sentence_bounds_match_the_per_token_rule(text: str, run: int) -> None:
    text = text + " " + " ".join(["w"] * run)  # a run without end marks reaches the 150-token cap
    doc = quotes.Doc(text, "en", [])
    assert (doc._sent_start, doc._sent_end) == _sentence_bounds_per_token(doc)
