"""Indonesian events found by reading fresh unlabelled text (idner-news-2k dev and test, never used for event rules
before this session); sentences written for these tests in the style of the news, no news text copied."""

from test_events_id_rules import events


def test_an_attack_named_by_its_noun_reaches_the_place_after_ke_and_an_area_word():
    # "agresi X ke (wilayah) Y", "operasi militer X ke Y", "serangan udara X ke Y": X attacked Y
    assert events(["Agresi Rusia ke wilayah Ukraina sudah memasuki bulan ketiga ."]) == [("ASSAULT", "Rusia", "Ukraina")]
    assert events(["Operasi militer Israel ke Lebanon yang dimulai sejak Senin telah menewaskan 40 orang ."]) == [
        ("ASSAULT", "Israel", "Lebanon")
    ]
    assert ("ASSAULT", "Israel", "Suriah") in events(["Serangan udara Israel ke Suriah menghancurkan gudang senjata ."])
    # a plural attack noun is an attack
    assert events(["Serangan-serangan Rusia terhadap Ukraina terus berlanjut ."]) == [("ASSAULT", "Rusia", "Ukraina")]


def test_the_one_who_launched_an_attack_named_by_its_noun_acts():
    # "serangan (udara) yang dilancarkan X ke Y": X attacked Y
    found = events(["Serangan udara yang dilancarkan Rusia ke wilayah Ukraina timur menewaskan lima warga sipil ."])
    assert found == [("ASSAULT", "Rusia", "Ukraina")]


def test_an_attack_or_operation_with_no_party_attacked_stays_no_event():
    # no one attacked named (flag recipient), or "ke" names where someone went, not an attack
    assert events(["Pemerintah menyiapkan operasi militer untuk membebaskan sandera ."]) == []
    assert events(["Jumlah wisatawan asing ke wilayah Bali meningkat tajam ."]) == []
    assert events(["Serangan jantung membuat pejabat itu dilarikan ke rumah sakit ."]) == []


def test_a_dismissal_with_no_one_named_has_no_authority_actor():
    # a dismissal from a post is the employer's (a party, a ministry), not the security apparatus's: no one named, no
    # event; a named dismisser acts, and an arrest with no one named stays the authorities'
    assert events(["Bendahara partai itu , Andi Santoso , dicopot dari jabatannya di partai pekan lalu ."]) == []
    assert events(["Bupati Andi Santoso diberhentikan sebagai kepala daerah pada Februari lalu ."]) == []
    assert events(["Bupati Andi Santoso diberhentikan oleh Menteri Dalam Negeri Tito Karnavian ."]) == [
        ("COERCE", "Tito Karnavian", "Andi Santoso")
    ]
    assert events(["Andi Santoso ditahan di Rutan Polda Metro Jaya selama 20 hari ."]) == [
        ("COERCE", "aparat", "Andi Santoso")
    ]


def test_a_name_inside_a_relative_clause_after_oleh_is_no_agent():
    # "oleh kelompok yang ... X": X only describes the unnamed group that acted; a named agent still acts, also when a
    # relative clause follows it
    assert events(["Rencana itu ditentang oleh kelompok yang berseberangan dengan Ketua Umum Partai Golkar Aburizal Bakrie ."]) == []
    assert events(["Usulan itu ditolak oleh sejumlah kader yang setia kepada Megawati Soekarnoputri ."]) == []
    assert events(["Usulan itu ditolak oleh Ketua Umum Partai Golkar Aburizal Bakrie yang baru terpilih ."]) == [
        ("REJECT", "Aburizal Bakrie", None)
    ]
    # an arrest by the police described by a relative clause stays the authorities'
    assert events(["Tiga pemuda ditangkap oleh aparat yang dipimpin Kapolres Bogor AKBP Andi Santoso ."]) == [
        ("COERCE", "aparat", None)
    ]


def test_a_name_after_dan_with_its_own_verb_opens_a_new_clause():
    # "V objek dan X me-...": X is the subject of the next clause, not one acted on by V
    found = events(["Polisi melarang aksi itu dan Gubernur Anies Baswedan meminta warga tetap tenang ."])
    assert ("COERCE", "polisi", "Anies Baswedan") not in found
    assert ("REQUEST", "Anies Baswedan", None) in found
    assert events(["Pemerintah melarang ekspor nikel dan Uni Eropa menggugat Indonesia ke WTO ."]) == [
        ("ACCUSE", "Uni Eropa", "Indonesia")
    ]
    # a list of names before the verb of what is asked stays the ones asked
    found = events(["Amerika Serikat mendesak Rusia dan Ukraina menghentikan perang ."])
    assert ("REQUEST", "Amerika Serikat", "Rusia") in found


def test_a_subject_that_is_acted_on_is_not_also_the_actor():
    # "X menuai kritik": X is criticised; with no critic named there is no event (X does not criticise itself)
    assert events(["Sebelumnya , Partai Hanura menuai kritik karena materi kampanyenya ."]) == []
    # a critic named after "dari" acts
    assert ("ACCUSE", "nelayan", "Susi Pudjiastuti") in events(["Kebijakan Menteri Susi Pudjiastuti menuai kritik dari nelayan ."])


def test_an_agent_inside_a_condition_clause_is_not_the_agent_of_the_verb_before():
    # "akan dinonaktifkan apabila ditetapkan oleh KPK sebagai tersangka": KPK would name him a suspect; it would not
    # dismiss him
    found = events(["Andi Santoso akan dinonaktifkan dari posisi ketua apabila ditetapkan oleh KPK sebagai tersangka ."])
    assert ("THREATEN", "Komisi Pemberantasan Korupsi", "Andi Santoso") not in found
    # an agent before any condition still acts
    assert events(["Andi Santoso dinonaktifkan oleh Dewan Pembina Partai Demokrat ."]) == [
        ("COERCE", "Dewan Pembina Partai Demokrat", "Andi Santoso")
    ]
