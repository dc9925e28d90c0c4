"""Indonesian parties of events, twelfth session (sentences written for these tests in the style of news; no news
text copied): causes of lost or wrong parties counted on the fresh idner-news-2k tune sentences."""

from test_events import coded
from test_events_id_rules import events


def parties(paragraphs, kind=None):
    return [
        (e.type, e.actor.name, e.actor.country, e.recipient.name if e.recipient else None)
        for e in coded(paragraphs).events
        if kind is None or e.type == kind
    ]


def test_political_judicial_and_armed_groups_named_by_their_kind_are_parties():
    assert events(["Sejumlah politisi mengkritik pemerintah terkait kenaikan harga BBM."]) == [
        ("ACCUSE", "politisi", "pemerintah")
    ]
    assert events(["Majelis hakim menjatuhkan vonis lima tahun penjara kepada Andi Saputra."]) == [
        ("COERCE", "majelis hakim", "Andi Saputra")
    ]
    assert events(["Pihak berwenang menangkap Rahmat Hidayat di bandara."]) == [
        ("COERCE", "pihak berwenang", "Rahmat Hidayat")
    ]
    # a body of the legislature asked by its kind
    assert events(["Ketua DPR meminta pansus segera menyelesaikan laporannya."], "REQUEST") == [
        ("REQUEST", "Dewan Perwakilan Rakyat", "pansus")
    ]
    # armed groups and war planes act, of the country of the place named
    assert parties(["Militan menyerang markas tentara di utara Suriah."]) == [("ASSAULT", "militan", "SYR", None)]
    assert parties(["Pesawat tempur menyerang sejumlah target di pinggiran Tripoli, Libya."]) == [
        ("ASSAULT", "pesawat tempur", "LBY", None)
    ]
    # the kind word before a name is that name's phrase: the name acts
    assert events(["Para pejuang Hamas menembakkan roket ke Israel."]) == [("ASSAULT", "Hamas", "Israel")]


def test_a_generic_agent_takes_the_country_of_the_parties_named_when_no_place_is():
    # no place named: the police are those of the country whose bodies and people the sentence names
    found = parties(["Juru bicara Kremlin Dmitry Peskov mengatakan, polisi telah menangkap puluhan demonstran."])
    assert found == [("COERCE", "polisi", "RUS", None)]
    # a place named still decides, and with nothing named the page's home country stays
    assert parties(["Polisi menangkap puluhan demonstran di Jakarta."]) == [("COERCE", "polisi", "IDN", None)]
    assert parties(["Polisi menangkap puluhan demonstran."]) == [("COERCE", "polisi", "IDN", None)]


def test_a_body_asked_is_not_the_title_of_the_name_in_what_it_is_asked():
    # "KPK segera memeriksa Budi": a verb between the body and the name; the body is asked
    assert events(["Dahlan Iskan meminta KPK segera memeriksa Budi Santoso."], "REQUEST") == [
        ("REQUEST", "Dahlan Iskan", "Komisi Pemberantasan Korupsi")
    ]


def test_the_subject_of_a_passive_after_agar_is_what_is_asked_for_not_the_one_asked():
    assert events(["Para politisi Partai Hijau mendesak agar Budi Santoso tetap dilantik."], "REQUEST") == [
        ("REQUEST", "Partai Hijau", None)
    ]
    # an active verb after the name: the name is asked to act
    found = events(["Komisi III meminta agar Setya Novanto segera mundur."], "REQUEST")
    assert [r for _, _, r in found] == ["Setya Novanto"]


def test_counted_weapons_are_no_counted_people_and_a_group_word_joins_a_compound_subject():
    assert events(["Hamas menembakkan sejumlah roket ke Israel."]) == [("ASSAULT", "Hamas", "Israel")]
    found = parties(["Sudan dan kelompok-kelompok pemberontak menyetujui gencatan senjata di Darfur."])
    assert [(t, a, r) for t, a, _, r in found] == [("AGREE", "Sudan", "pemberontak")]
