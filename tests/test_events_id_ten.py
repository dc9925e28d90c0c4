"""Indonesian and Malay event rules of the tenth session (sentences written for these tests; no news text copied)."""

from test_events import coded
from test_events_id_rules import events


def test_an_act_named_by_its_noun_is_the_owners_on_the_one_named_after_it():
    assert events(["Kecaman Indonesia terhadap Israel disampaikan di Sidang Majelis Umum PBB."]) == [
        ("ACCUSE", "Indonesia", "Israel")
    ]
    assert events(["Dukungan Jepang kepada Ukraina terus mengalir sejak awal tahun."]) == [
        ("SUPPORT", "Jepang", "Ukraina")
    ]
    found = events(["Desakan DPR agar pemerintah menunda kenaikan harga BBM tidak digubris."], "REQUEST")
    assert [(a, r) for _, a, r in found] == [("Dewan Perwakilan Rakyat", "pemerintah")]
    # a visit goes to the place's country; a title before the body or the person is part of the owner
    record = coded(["Kunjungan Presiden Joko Widodo ke Beijing menghasilkan lima kesepakatan dagang."])
    assert [(e.type, e.actor.name, e.recipient.country) for e in record.events] == [
        ("CONSULT", "Joko Widodo", "CHN")
    ]
    found = events(["Seruan Sekretaris Jenderal PBB Antonio Guterres kepada Israel tidak digubris."])
    assert found == [("REQUEST", "Antonio Guterres", "Israel")]
    found = events(["Adapun permintaan Ketua DPR itu muncul setelah rapat pimpinan."])
    assert found == [("REQUEST", "Dewan Perwakilan Rakyat", None)]


def test_an_act_noun_with_no_named_owner_or_told_in_passing_is_no_event():
    # no one named after the noun
    assert not events(["Kecaman itu disampaikan dalam sidang tertutup."])
    assert not events(["Dukungan masyarakat sangat dibutuhkan untuk program ini."])
    assert not events(["Rendahnya tingkat kunjungan turis Tiongkok ke Indonesia disebabkan kurangnya informasi."])
    # a generic body with no one it acts on
    assert not events(["Imbauan gubernur dipasang di setiap pintu masuk pasar."])
    # the setting of another act, or an act the verb before it refers to
    found = events(["Dalam kunjungan Prabowo Subianto ke Moskow, ia bertemu Vladimir Putin."])
    assert [t for t, _, _ in found] == ["CONSULT"] and found[0][2] == "Vladimir Putin"
    found = events(["Pemerintah menolak desakan DPR agar harga BBM diturunkan."])
    assert [t for t, _, _ in found] == ["REJECT"]
    # a plan named by its noun is no act
    assert not events(["Rencana kunjungan Presiden Joko Widodo ke Beijing masih dibahas."])


def test_malay_acts_named_by_their_noun():
    record = coded(["Kecaman Malaysia terhadap Israel disuarakan di Perhimpunan Agung PBB."], "ms")
    assert [(e.type, e.actor.country, e.recipient.country) for e in record.events] == [("ACCUSE", "MYS", "ISR")]
    record = coded(["Lawatan Perdana Menteri Anwar Ibrahim ke Beijing berakhir semalam."], "ms")
    assert [(e.type, e.actor.name, e.recipient.country) for e in record.events] == [
        ("CONSULT", "Anwar Ibrahim", "CHN")
    ]


def test_an_attack_stated_as_a_plan_or_wish_is_a_threat_not_an_attack():
    for text in ("Rusia ingin menyerang Ukraina.", "Rusia berencana menyerang Ukraina.", "Rusia akan menyerang Ukraina."):
        record = coded([text])
        assert [(e.type, e.cameo, e.actor.name, e.recipient.name) for e in record.events] == [
            ("THREATEN", "138", "Rusia", "Ukraina")
        ], text
    # the attack itself stays an attack
    assert events(["Rusia menyerang Ukraina."]) == [("ASSAULT", "Rusia", "Ukraina")]
    record = coded(["Israel bercadang menyerang Rafah."], "ms")
    assert [(e.type, e.cameo) for e in record.events] == [("THREATEN", "138")]


def test_a_country_before_a_conjunction_is_no_title_of_the_name_after_it():
    # "Ukraina karena NATO" is not "Presiden Prancis Emmanuel Macron": the one attacked is Ukraina
    assert events(["Rusia menyerang Ukraina karena NATO terus berekspansi ke timur."]) == [
        ("ASSAULT", "Rusia", "Ukraina")
    ]
    assert events(["Israel menyerang Gaza setelah Hamas menembakkan roket."])[0] == ("ASSAULT", "Israel", "Gaza")
    # a country word right before a name still heads to the name
    assert events(["Presiden Joko Widodo bertemu Presiden Prancis Emmanuel Macron."]) == [
        ("CONSULT", "Joko Widodo", "Emmanuel Macron")
    ]


def test_a_mediator_between_two_named_sides_acts_on_each():
    record = coded(["Mesir memediasi perundingan gencatan senjata antara Israel dan Hamas di Kairo."])
    assert [(e.type, e.cameo, e.actor.name, e.recipient.name) for e in record.events] == [
        ("CONSULT", "045", "Mesir", "Israel"),
        ("CONSULT", "045", "Mesir", "Hamas"),
    ]
    found = events(["Qatar menjadi mediator antara Israel dengan Hamas."])
    assert found == [("CONSULT", "Qatar", "Israel"), ("CONSULT", "Qatar", "Hamas")]
    # no sides named, or one only: no mediation coded
    assert not events(["Mesir memediasi perundingan itu."])
    assert not events(["Seniman itu mengaku sebagai penengah antara dua sahabatnya."])
    record = coded(["Malaysia menjadi orang tengah antara Thailand dan Kemboja."], "ms")
    assert [(e.actor.country, e.recipient.country) for e in record.events] == [("MYS", "THA"), ("MYS", "KHM")]


def test_the_name_whose_followers_a_group_is_is_not_acted_on():
    record = coded(["Unjuk rasa massa Anies Baswedan - Muhaimin Iskandar di depan Gedung Bawaslu berlangsung tertib ."])
    assert [(e.type, e.recipient) for e in record.events] == [("PROTEST", None)]
    # an arrest of a party's supporters is an arrest of unnamed people, not of the party
    assert events(["Polisi menangkap simpatisan Partai Demokrat di Medan."]) == [("COERCE", "polisi", None)]
    # a named person described as a supporter is still the one arrested
    assert events(["Polisi menangkap Budi Santoso , pendukung Anies , di Medan."]) == [
        ("COERCE", "polisi", "Budi Santoso")
    ]


def test_the_names_after_yakni_are_the_ones_the_group_stands_for():
    found = events(
        ["Amerika Serikat mendesak sekutu-sekutunya , yakni Jepang dan Korea Selatan , menambah anggaran pertahanan ."]
    )
    assert found == [("REQUEST", "Amerika Serikat", "Jepang"), ("REQUEST", "Amerika Serikat", "Korea Selatan")]
    # a wish of another country's party: the named allies, not the lower-case group, are the ones asked
    found = events(["Tokyo ingin negara-negara tetangganya , yaitu Korea Selatan dan Filipina memperkuat patroli ."])
    assert [r for _, _, r in found] == ["Korea Selatan", "Filipina"]
    found = events(["Presiden mengkritik para menteri , yaitu Menteri Keuangan Sri Mulyani dan Menteri BUMN Erick Thohir ."])
    assert [r for _, _, r in found] == ["Sri Mulyani", "Erick Thohir"]
    # witnesses are no accusation, and a counted group stays unnamed people (labelling guide)
    assert not events(["KPK memeriksa tiga saksi , yakni Budi Santoso dan Andi Wijaya ."])
    assert events(["Polisi menangkap dua tersangka , yakni Budi Santoso dan Andi Wijaya ."]) == [
        ("COERCE", "polisi", None)
    ]


def test_first_person_speech_with_no_quotation_marks_is_the_speakers():
    # quotation marks lost (a flattened or tokenised page): the speaker named after "kata" acts
    found = events(["Saya akan tetap mendukung keputusan Presiden Joko Widodo itu , kata Budi Santoso ."])
    assert found == [("SUPPORT", "Budi Santoso", "Joko Widodo")]
    found = events(["Kami mengecam keras serangan itu terhadap Gaza , kata Menteri Luar Negeri Retno Marsudi ."], "ACCUSE")
    assert [a for _, a, _ in found] == ["Retno Marsudi"]
    # no speaker named: no one to credit
    assert not events(["Saya akan tetap mendukung keputusan itu ."])


def test_a_time_inside_a_relative_clause_does_not_date_the_main_event():
    record = coded(["Polisi menangkap Budi Santoso , yang tahun lalu menipu ratusan warga , di Bekasi ."])
    assert [(e.type, e.date) for e in record.events] == [("COERCE", None)]
    # the main clause's own time still counts (the article is published on Saturday 2024-05-18)
    record = coded(["Israel menyerang Gaza , yang pekan lalu menembakkan roket , pada Jumat ."])
    assert [(e.type, e.date) for e in record.events] == [("ASSAULT", "2024-05-17")]
    # an event inside the relative clause takes the relative clause's time
    record = coded(["Budi Santoso , yang tahun lalu ditangkap polisi , kemarin dibebaskan ."])
    assert ("COERCE", "2023") in [(e.type, e.date) for e in record.events]


def test_what_is_alleged_is_not_told_as_done():
    assert events(["Ukraina menuduh Rusia menyerang rumah sakit di Kharkiv ."]) == [("ACCUSE", "Ukraina", "Rusia")]
    assert events(["Rusia dituduh Ukraina menyerang rumah sakit ."]) == [("ACCUSE", "Ukraina", "Rusia")]
    found = events(["Amerika Serikat menuding Iran memasok senjata kepada kelompok Houthi ."])
    assert [t for t, _, _ in found] == ["ACCUSE"]
    # an act told in the next sentence stays an act
    found = events(["Ukraina menuduh Rusia menyerang rumah sakit . Rusia kemudian menyerang Kharkiv ."])
    assert ("ASSAULT", "Rusia", "Kharkiv") in found


def test_passives_of_signing_and_denial():
    found = events(["Kesepakatan itu ditandatangani oleh Indonesia dan Malaysia di Jakarta ."])
    assert found == [("SUPPORT", "Indonesia", "Malaysia")]  # CAMEO 057, as the active "menandatangani perjanjian"
    found = events(["Nota kesepahaman ditandatangani Menteri Perdagangan Zulkifli Hasan dan Menteri Perdagangan Australia Don Farrell ."])
    assert found == [("SUPPORT", "Zulkifli Hasan", "Don Farrell")]
    assert events(["Kabar itu dibantah oleh Kapolda Metro Jaya Irjen Karyoto ."])[0][0] == "REJECT"
    # one signer only: no one signed with
    assert not events(["Surat itu ditandatangani oleh Kepala Dinas Pendidikan Budi Santoso ."])


def test_an_act_noun_that_names_no_ones_act_hides_nothing_after_it():
    # "permintaan", "tuduhan" with no owner give no event, and the verb after them is still read
    assert events(["Permintaan itu ditolak oleh DPR ."]) == [("REJECT", "Dewan Perwakilan Rakyat", None)]
    assert [t for t, _, _ in events(["Tuduhan itu dibantah oleh DPR ."])] == ["REJECT"]


def test_a_pattern_word_with_the_clitic_nya_still_matches():
    assert events(["Israel menarik pasukannya dari Jalur Gaza ."]) == [("RETREAT", "Israel", None)]
    assert events(["Rusia mengerahkan pasukannya ke perbatasan Ukraina ."]) == [("MOBILIZE", "Rusia", None)]
    assert events(["Indonesia menyampaikan kecamannya terhadap Israel ."]) == [("ACCUSE", "Indonesia", "Israel")]
    # never on the verb itself
    assert not events(["Israel menariknya dari Jalur Gaza ."])


def test_a_passive_agent_named_with_a_title_and_no_oleh():
    found = events(["Menteri Keuangan Sri Mulyani dikritik Ketua DPR Puan Maharani soal utang ."])
    assert found == [("ACCUSE", "Puan Maharani", "Sri Mulyani")]
    assert events(["Ukraina dikecam Presiden Rusia Vladimir Putin ."]) == [("ACCUSE", "Vladimir Putin", "Ukraina")]
    assert events(["Usulan itu ditolak Presiden Joko Widodo ."]) == [("REJECT", "Joko Widodo", None)]
    # more passive verbs
    assert events(["Joko Widodo ditelepon Presiden Amerika Serikat Joe Biden , Senin ."]) == [
        ("CONSULT", "Joe Biden", "Joko Widodo")
    ]
    assert events(["Budi Santoso diciduk polisi di Medan ."]) == [("COERCE", "polisi", "Budi Santoso")]
    assert events(["RUU itu ditentang oleh Partai Demokrat ."])[0][:2] == ("REJECT", "Partai Demokrat")
    # a place after the verb is where, not who
    found = events(["Budi Santoso ditangkap di Jakarta Selatan ."])
    assert [(t, r) for t, _, r in found] == [("COERCE", "Budi Santoso")] and found[0][1] != "Jakarta Selatan"


def test_a_meeting_named_by_its_noun_with_both_sides():
    found = events(["Pertemuan Presiden Joko Widodo dengan Perdana Menteri Jepang Fumio Kishida berlangsung di Istana Bogor ."])
    assert found == [("CONSULT", "Joko Widodo", "Fumio Kishida")]
    # told in passing, planned, or with no sides named: none of its own
    found = events(["Presiden Joko Widodo bertemu Fumio Kishida dalam pertemuan dengan Perdana Menteri Jepang itu ."])
    assert [t for t, _, _ in found] == ["CONSULT"]
    assert not events(["Rencana pertemuan Joko Widodo dengan Xi Jinping masih dibahas ."])
    # a meeting noun with no sides is no subject that inherits the last actor for the verb after it
    text = "Wali Kota Balikpapan Rahmad Masud hadir . Ia mengatakan pertemuan kemarin membantah adanya ketegangan antara Budi dan Andi ."
    assert not events([text], "REJECT")


def test_a_counted_group_after_the_verbs_preposition_is_unnamed_people():
    found = events(["Pengacara terdakwa , Budi Santoso , menyampaikan keberatan dengan dua saksi yang dihadirkan jaksa ."])
    assert found == [("REJECT", "Budi Santoso", None)]
    # a named party after the preposition is still the one acted on
    found = events(["Pengacara terdakwa , Budi Santoso , menyatakan keberatan dengan Kejaksaan Negeri Bogor ."])
    assert [(t, a) for t, a, _ in found] == [("REJECT", "Budi Santoso")] and found[0][2] is not None


def test_a_group_noun_describing_a_thing_is_no_party():
    # "media massa" (the press), "transportasi publik": not a crowd, not the public
    assert not events(["Ketua umum partai itu kerap diserang oleh media massa ."])
    text = "Pihak berwenang memperketat keamanan transportasi publik , meminta para penumpang menunjukkan identitas ."
    assert "publik" not in [a for _, a, _ in events([text])]
    # a crowd is still a crowd
    assert events(["Budi Santoso diserang massa di Bekasi ."]) == [("ASSAULT", "massa", "Budi Santoso")]


def test_an_event_noun_after_a_time_or_setting_word_refers_to_an_event_told_elsewhere():
    text = "Polisi menangkap Budi Santoso di Bekasi . Budi Santoso dirawat setelah penangkapan Budi Santoso oleh polisi ."
    assert [t for t, _, _ in events([text])] == ["COERCE"]
    found = events(["Ia dirawat sesudah ditangkap dalam penggerebekan pemerintah ."])
    assert ("COERCE", "aparat", "pemerintah") not in found


def test_where_a_weapon_is_fired_is_its_target():
    assert events(["Militan Hamas menembakkan roket ke Israel selatan ."]) == [("ASSAULT", "Hamas", "Israel")]
    assert events(["Israel melancarkan serangan udara ke Gaza ."]) == [("ASSAULT", "Israel", "Gaza")]
    assert events(["Rusia meluncurkan rudal ke Kyiv , Senin ."]) == [("ASSAULT", "Rusia", "Kyiv")]
    # where someone goes after the act is no target; a product launched is no attack
    assert "Jakarta" not in [r for _, _, r in events(["Pelaku menembak Budi Santoso lalu kabur ke Jakarta ."])]
    assert not events(["Samsung meluncurkan produk baru ke pasar Indonesia ."])


def test_a_pair_subject_acting_on_a_third_party_named_after_the_verb():
    text = "Presiden Joko Widodo bertemu Fumio Kishida . Kedua pemimpin juga bertemu dengan Presiden Korea Selatan Yoon Suk Yeol ."
    found = events([text])
    assert ("CONSULT", "Joko Widodo", "Yoon Suk Yeol") in found and ("CONSULT", "Fumio Kishida", "Yoon Suk Yeol") in found
    assert ("CONSULT", "Fumio Kishida", "Joko Widodo") not in found
    # with no third party, between themselves, each way
    found = events(["Presiden Joko Widodo bertemu Fumio Kishida . Kedua pemimpin sepakat memperkuat kerja sama ."], "AGREE")
    assert found == [("AGREE", "Joko Widodo", "Fumio Kishida"), ("AGREE", "Fumio Kishida", "Joko Widodo")]


def test_malay_meeting_named_by_its_noun():
    record = coded(["Pertemuan Perdana Menteri Anwar Ibrahim dengan Presiden Prabowo Subianto berlangsung di Putrajaya ."], "ms")
    assert [(e.type, e.actor.name, e.recipient.name) for e in record.events] == [
        ("CONSULT", "Anwar Ibrahim", "Prabowo Subianto")
    ]
    assert not coded(["Pertemuan itu berlangsung secara tertutup ."], "ms").events


def test_a_governments_protest_is_an_official_complaint_and_a_crowds_stays_a_protest():
    record = coded(["Kementerian Luar Negeri Vietnam memprotes latihan militer Tiongkok di dekat Kepulauan Paracel."])
    assert [(e.type, e.cameo, e.actor.country, e.recipient.country) for e in record.events] == [
        ("ACCUSE", "114", "VNM", "CHN")
    ]
    record = coded(["Pemerintah Malaysia melayangkan protes kepada Indonesia atas kabut asap."])
    assert [(e.type, e.cameo) for e in record.events] == [("ACCUSE", "114")]
    record = coded(["Ratusan mahasiswa memprotes Presiden Joko Widodo di depan Istana Merdeka."])
    assert [(e.type, e.cameo[:2]) for e in record.events] == [("PROTEST", "14")]


def test_counted_aid_goes_to_the_party_after_kepada_and_a_counted_arrest_stays_unnamed():
    found = events(["Pemerintah Australia memberikan hibah dua unit helikopter kepada Polri."])
    assert [(t, r) for t, _, r in found] == [("AID", "Kepolisian Negara Republik Indonesia")]
    found = events(["Jepang menyerahkan bantuan tiga kapal patroli kepada Filipina pada Senin."])
    assert found == [("AID", "Jepang", "Filipina")]
    found = events(["Polisi menangkap dua orang pelaku di Bekasi."])
    assert [(t, r) for t, _, r in found] == [("COERCE", None)]
