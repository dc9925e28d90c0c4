"""Indonesian and Malay events from general constructions of news text (issue 6; sentences written for these tests,
no news text copied)."""

from test_events import coded
from test_events_id_rules import events


def test_war_between_two_sides_joined_by_dengan():
    assert events(["Perang antara Rusia dengan Ukraina telah berlangsung dua tahun."]) == [
        ("ASSAULT", "Rusia", "Ukraina")
    ]
    found = events(["Pertempuran antara tentara Israel dengan Hamas kembali pecah di Gaza."])
    assert [(t, r) for t, _, r in found] == [("ASSAULT", "Hamas")]
    # "dengan" after one side only, with no second side named, gives no clash
    assert not events(["Konflik antara warga dengan cara damai diselesaikan di balai desa."], "ASSAULT")


def test_two_named_subjects_meeting_meet_each_other():
    found = events(["Presiden Joko Widodo dan Perdana Menteri Anwar Ibrahim bertemu di Bogor."], "CONSULT")
    assert sorted((a, r) for _, a, r in found) == [("Anwar Ibrahim", "Joko Widodo"), ("Joko Widodo", "Anwar Ibrahim")]
    found = events(["Menteri luar negeri Mesir dan Qatar telah bertemu di Kairo pada Minggu."], "CONSULT")
    assert len(found) == 2 and {found[0][1], found[0][2]} == {found[1][1], found[1][2]}


def test_two_named_subjects_acting_jointly_give_one_event_each():
    found = events(["Indonesia dan Malaysia mengecam serangan Israel ke Jalur Gaza."], "ACCUSE")
    assert sorted(a for _, a, _ in found) == ["Indonesia", "Malaysia"]
    assert {r for _, _, r in found} == {"Israel"}


def test_an_entourage_or_a_second_clause_is_no_joint_subject():
    found = events(["Menteri Pertahanan Prancis Florence Parly beserta rombongan bertemu Presiden Joko Widodo."], "CONSULT")
    assert [r for _, _, r in found] == ["Joko Widodo"]
    # ", dan" between two names ends a clause: the language's country is no partner of the next subject
    found = events(["Warga di sana berbicara dalam bahasa Turki , dan Tiongkok menyebut kelompok itu teroris ."])
    assert not [e for e in found if "Turki" in (e[1], e[2])]


def test_subject_across_a_comma_apposition():
    # a job between commas describes the name before it: the name acts
    found = events(["Todung Mulya Lubis , pengacara senior , menyatakan keberatan dengan putusan Mahkamah Agung."])
    assert [(t, a) for t, a, _ in found] == [("REJECT", "Todung Mulya Lubis")]
    # a title and its name, then a comma before the verb: the person acts, not the title's generic noun
    found = events(["Menteri Luar Negeri Retno Marsudi , menyatakan keberatan terhadap kebijakan Australia."])
    assert [(t, a, r) for t, a, r in found] == [("REJECT", "Retno Marsudi", "Australia")]
    # a place between commas still says where the body is
    found = events(["Pemerintah Kota Kediri , Jawa Timur , mewajibkan warga memakai masker."])
    assert [a for _, a, _ in found] == ["Pemerintah Kota Kediri"]


def test_a_hope_or_wish_that_a_named_party_acts_is_a_request():
    found = events(["Presiden Joko Widodo berharap Malaysia segera menyelesaikan kasus itu."])
    assert found == [("REQUEST", "Joko Widodo", "Malaysia")]
    found = events(["Amerika Serikat ingin Tiongkok membuka pasarnya bagi produk pertanian."])
    assert [(t, r) for t, _, r in found] == [("REQUEST", "Tiongkok")]
    # a hope about a thing, a wish about one's own country, or a partner named after "dengan": no request
    assert not events(["Presiden Joko Widodo berharap hujan segera reda."], "REQUEST")
    assert not events(["Presiden Joko Widodo ingin Indonesia menjadi negara maju."], "REQUEST")
    assert not events(["Presiden Joko Widodo berharap kerja sama dengan Malaysia terus meningkat."], "REQUEST")


def test_an_attack_on_a_place_people_live_in_is_an_event_with_no_named_recipient():
    found = events(["Pasukan Israel menyerang kamp pengungsi di Tepi Barat pada Senin."], "ASSAULT")
    assert [(a, r) for _, a, r in found] == [("Pasukan Israel", None)]
    found = events(["Pesawat tempur Rusia menggempur rumah sakit di Kharkiv."], "ASSAULT")
    assert [r for _, _, r in found] == [None]
    # a body named after the place is the one attacked; a thing that is no such place gives no attack
    found = events(["Massa menyerang kantor Komisi Pemilihan Umum di Jakarta."], "ASSAULT")
    assert [r for _, _, r in found] == ["Komisi Pemilihan Umum"]
    assert not events(["Tim itu menyerang pertahanan lawan sejak menit pertama."], "ASSAULT")


def test_malay_hope_or_wish_that_a_named_party_acts_is_a_request():
    def ms(sentence):
        return [(e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in coded([sentence], lang="ms").events]

    assert ms("Perdana Menteri Anwar Ibrahim berharap Indonesia segera menyelesaikan isu sempadan itu.") == [
        ("REQUEST", "Anwar Ibrahim", "Indonesia")
    ]
    assert [(t, r) for t, _, r in ms("Amerika Syarikat mahu China membuka pasarannya kepada produk pertanian.")] == [
        ("REQUEST", "China")
    ]
    assert not ms("Perdana Menteri Anwar Ibrahim mahu Malaysia menjadi negara maju.")
    assert not ms("Anwar Ibrahim berharap hujan segera berhenti.")


def test_a_firm_laying_off_staff_is_no_political_event():
    assert not events(["PT Sinar Jaya memecat 200 karyawan sebagai bagian dari restrukturisasi."])
    found = events(["Presiden Joko Widodo mencopot Kapolri Budi Santoso."])
    assert found == [("COERCE", "Joko Widodo", "Budi Santoso")]
    found = events(["Partai Demokrat memecat Andi Nurpati dari keanggotaan partai."])
    assert [(t, r) for t, _, r in found] == [("COERCE", "Andi Nurpati")]


def test_a_verb_after_the_comma_closing_a_clause_shares_its_subject():
    found = events(["Serangan udara Israel menghantam kota Rafah pada Sabtu, menewaskan sedikitnya 30 orang."])
    assert found and all(actor == "Israel" for _, actor, _ in found)  # the town hit kills no one


def test_the_object_of_a_verb_ends_at_dan_and_the_next_active_verb():
    found = events(["Kementerian Luar Negeri mengecam keras serangan tersebut dan mendesak Dewan Keamanan PBB bertindak."])
    assert ("REQUEST", "Kementerian Luar Negeri", "Dewan Keamanan PBB") in found
    assert not [f for f in found if f[0] == "ACCUSE" and f[2] == "Dewan Keamanan PBB"]  # urged, not condemned


def test_two_mediators_do_not_mediate_between_themselves():
    found = events(["Mesir dan Qatar memediasi perundingan Israel dengan Hamas di Kairo."], "CONSULT")
    assert found and all(recipient not in ("Mesir", "Qatar") for _, _, recipient in found)
    record = coded(["Egypt and Qatar mediated talks between Israel and Hamas in Cairo."], lang="en")
    assert all(e.recipient is None or e.recipient.name not in ("Egypt", "Qatar") for e in record.events)


def test_where_aid_is_sent_is_who_receives_it():
    found = events(["Menurut Suharyanto, pemerintah telah mengirim bantuan logistik ke Nusa Tenggara Timur."], "AID")
    assert [(a, r) for _, a, r in found] == [("pemerintah", "Nusa Tenggara Timur")]
    assert not events(["Polisi menangkap dua pelaku pencurian ke Bekasi."], "AID")


def test_humanitarian_aid_is_aid():
    found = events(["Pemerintah Indonesia mengirim bantuan kemanusiaan ke Palestina."], "AID")
    assert [(a, r) for _, a, r in found] == [("Pemerintah Indonesia", "Palestina")]
    # a state of things contributed to is still no aid
    assert not events(["Minyak goreng impor menyumbang kelangkaan pasokan di pasar."], "AID")


def test_a_group_noun_after_a_thing_is_no_party():
    found = events(["Perdana Menteri Israel Benjamin Netanyahu menolak tekanan untuk menghentikan operasi militer."])
    assert not [f for f in found if f[2] == "militer"]  # "operasi militer": a military operation, not the military
