"""Indonesian event words of the twelfth session, found among the triggers of the fresh idner-news-2k tune items that
no pattern covered (a running mate, keeping in touch, agreeing with a party, suspicion and doubt, short spoken requests,
judgements with a verb of seeing or believing); sentences written for these tests, no news text copied."""

from test_events_id_rules import events


def test_a_running_mate_after_a_dash_is_supported_too_and_agents_listed_after_oleh_are_not_supported():
    found = events(["Partai Gerindra mendukung pasangan Prabowo Subianto - Hatta Rajasa dalam pemilihan presiden ."])
    assert found == [
        ("SUPPORT", "Partai Gerakan Indonesia Raya", "Prabowo Subianto"),
        ("SUPPORT", "Partai Gerakan Indonesia Raya", "Hatta Rajasa"),
    ]
    # the parties listed after "oleh" all support; none of them is the one supported
    assert events(["Pasangan itu didukung oleh Partai Golkar , Partai Demokrat , dan Partai Amanat Nasional ."]) == []


def test_keeping_in_touch_visiting_and_meals_with_a_public_figure_are_consultations():
    found = events(["Ketua Umum Partai Hanura Wiranto terus berkomunikasi dengan Ketua Umum Partai Golkar Aburizal Bakrie ."])
    assert found == [("CONSULT", "Wiranto", "Aburizal Bakrie")]
    found = events(["Ketua DPR Setya Novanto menjenguk Menteri Sosial Khofifah Indar Parawansa di rumah sakit ."])
    assert found == [("CONSULT", "Setya Novanto", "Khofifah Indar Parawansa")]
    found = events(["Ketua Umum Partai Golkar Aburizal Bakrie berbuka puasa dengan Ketua Umum Partai NasDem Surya Paloh ."])
    assert found == [("CONSULT", "Aburizal Bakrie", "Surya Paloh")]
    # a private person keeping in touch with family: no event
    assert events(["Andi terus berkomunikasi dengan keluarganya di kampung ."]) == []


def test_agreeing_with_a_party_is_support_and_suspicion_or_doubt_an_accusation():
    found = events(["Ketua Umum PKB Muhaimin Iskandar setuju dengan usulan Presiden Joko Widodo ."])
    assert found == [("SUPPORT", "Muhaimin Iskandar", "Joko Widodo")]
    found = events(["Kementerian Pertahanan Jepang mencurigai kapal perang China memasuki perairannya ."])
    assert [(t, r) for t, _, r in found] == [("ACCUSE", "Tiongkok")]
    found = events(["Sekretaris Jenderal PPP merasa kecewa dengan keputusan Musyawarah Nasional Partai Golkar ."])
    assert [(t, r) for t, _, r in found] == [("ACCUSE", "Partai Golongan Karya")]


def test_short_spoken_requests_and_reminders_with_untuk():
    found = events(["Presiden Joko Widodo minta Menteri Perhubungan Ignasius Jonan memperbaiki layanan kereta ."])
    assert found == [("REQUEST", "Joko Widodo", "Ignasius Jonan")]
    found = events(["Gubernur Jawa Barat Ahmad Heryawan menghimbau warga agar tidak panik ."])
    assert found == [("REQUEST", "Ahmad Heryawan", None)]
    found = events(["Wakil Presiden Jusuf Kalla mengingatkan seluruh kepala daerah untuk tidak menyalahgunakan anggaran ."])
    assert found == [("REQUEST", "Jusuf Kalla", None)]


def test_a_judgement_seen_or_believed_is_a_criticism_of_the_party_named():
    found = events(["Pengamat politik Arif Susanto melihat kinerja Menteri Pertanian Amran Sulaiman masih berantakan ."])
    assert found == [("ACCUSE", "Arif Susanto", "Amran Sulaiman")]
    # no party before the judgement word: the one the judged act is put down to, after "yang dilakukan"
    found = events(["Kuasa hukum itu meyakini ada perbuatan melawan hukum yang dilakukan Komisi Pemilihan Umum ."])
    assert [(t, r) for t, _, r in found] == [("ACCUSE", "Komisi Pemilihan Umum")]
    # "salah satu" holds "salah" but judges nothing; seeing with no negative judgement is no criticism
    assert events(["Ketua Fraksi PKS menilai salah satu keputusan DPR kemarin sangat penting ."]) == []
    assert events(["Pengamat politik Arif Susanto melihat kinerja Menteri Pertanian Amran Sulaiman sangat baik ."]) == []


def test_protests_spelled_as_one_word_and_places_taken_by_force():
    found = events(["Ratusan mahasiswa menggelar aksi unjukrasa di depan gedung DPRD Jawa Timur ."])
    assert [(t, a) for t, a, _ in found] == [("PROTEST", "mahasiswa")]
    found = events(["Pasukan pemberontak merebut bandara utama di Tripoli pada Sabtu ."])
    assert [t for t, _, _ in found] == ["ASSAULT"]
    # a seat won in an election is no attack
    assert events(["Partai Golkar merebut kursi terbanyak di DPRD Jawa Barat ."]) == []
