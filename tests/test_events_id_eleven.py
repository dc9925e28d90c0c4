"""Indonesian and Malay event mechanisms of the eleventh session, found by reading fresh unlabelled text (subjects
separated from their verb by an adjunct or an attribution, agents named with a title); sentences written for these
tests, no news text copied."""

from test_events import coded
from test_events_id_rules import events


def test_a_title_before_a_name_is_the_persons_across_a_comma_adjunct():
    # the subject, a place or time adjunct between commas, then the verb: the titled person acts, not the title word
    # or the country in the title, and the party after the verb is the one acted on, not an item of a place list
    found = events(["Presiden Palestina Mahmud Abbas , di Kairo , mendesak Israel menghentikan serangan ke Gaza ."])
    assert ("REQUEST", "Mahmud Abbas", "Israel") in found
    found = events(
        ["Menteri Luar Negeri Rusia Sergei Lavrov , dalam konferensi pers di Moskow , menuduh Amerika Serikat memasok senjata ."]
    )
    assert found == [("ACCUSE", "Sergei Lavrov", "Amerika Serikat")]
    record = coded(["Sergei Lavrov, in Moscow, accused Washington of arming Ukraine."], "en")
    assert [(e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in record.events] == [
        ("ACCUSE", "Sergei Lavrov", "Washington")
    ]
    # a place list after the verb's own "di" stays a place
    found = events(["Polisi menangkap Budi di Desa Sukamaju , kecamatan Cibeber , Kabupaten Cianjur ."])
    assert found == [("COERCE", "polisi", "Budi")]


def test_a_pronoun_after_an_attribution_between_commas_is_the_speaker():
    # ", kata dia ,", ", menurut dia ,": the pronoun is who says so; the group named before it acts
    found = events(["Kader-kader Partai Hanura , kata dia , mendukung keputusan Ketua Umum Partai Hanura Oesman Sapta ."])
    assert found == [("SUPPORT", "Partai Hati Nurani Rakyat", "Oesman Sapta")]
    found = events(["Para buruh , menurut dia , menolak rencana pemerintah menaikkan iuran BPJS ."])
    assert [(t, a) for t, a, _ in found] == [("REJECT", "buruh")]
    found = events(["Menurut dia , Partai Nasdem siap mendukung pemerintahan Prabowo Subianto ."])
    assert [(t, a[:10]) for t, a, _ in found] == [("SUPPORT", "Partai Nas")]
    # "Ia mengatakan ia menolak ...": a pronoun subject still takes the last person named
    found = events(["Wali Kota Bekasi Rahmat Effendi ditanya wartawan . Ia mengatakan ia menolak usulan DPRD ."])
    assert ("REJECT", "Rahmat Effendi") in [(t, a) for t, a, _ in found]


def test_the_agent_after_oleh_named_with_a_title_and_a_body_is_the_person():
    found = events(["Rancangan undang-undang itu dikritik oleh Ketua DPR Puan Maharani ."])
    assert [(t, a) for t, a, _ in found] == [("ACCUSE", "Puan Maharani")]
    found = events(["Budi Santoso ditangkap oleh Kepala Polres Bogor AKBP Andi Wijaya di rumahnya ."])
    assert found == [("COERCE", "Andi Wijaya", "Budi Santoso")]
    # the body of the agent's own title is no partner named later in the sentence
    record = coded(["Rencana itu didukung oleh Menteri ESDM Arifin Tasrif ."])
    assert not [e for e in record.events if e.recipient is not None and e.recipient.name == "ESDM"]
    # a body alone after "oleh" stays the agent
    found = events(["Andi ditahan oleh Kejaksaan Negeri Bandung ."])
    assert found == [("COERCE", "Kejaksaan Negeri Bandung", "Andi")]


def test_menyeru_is_a_call_as_menyerukan():
    # Malay's usual verb, and Indonesian's shorter form: the one called on is the recipient
    found = events(["Mesir menyeru Israel agar menghentikan serangan udara ke Gaza ."])
    assert found == [("REQUEST", "Mesir", "Israel")]
    record = coded(["Perdana Menteri Anwar Ibrahim menyeru Israel supaya menghentikan serangan ke atas Gaza ."], "ms")
    assert [(e.type, e.actor.name, e.recipient.name) for e in record.events] == [("REQUEST", "Anwar Ibrahim", "Israel")]
    # what is called on is not done: no event for the content; and "menyeruak" (burst out) is another verb
    found = events(["Ketua Umum PAN menyeru kader partainya agar mendukung Prabowo Subianto ."])
    assert [t for t, _, _ in found] == ["REQUEST"]
    assert not events(["Rekaman percakapan itu menyeruak ke publik pekan lalu ."])


def test_an_execution_of_people_is_a_killing_and_of_a_court_order_none():
    found = events(["Pemerintah Arab Saudi mengeksekusi mati Siti Aminah , tenaga kerja asal Madura ."])
    assert found == [("ASSAULT", "Pemerintah Arab Saudi", "Siti Aminah")]
    # counted people: unnamed, no recipient (labelling guide)
    assert events(["Iran mengeksekusi tiga orang yang dituduh memata-matai untuk Israel ."]) == [
        ("ASSAULT", "Iran", None)
    ]
    # a court order or a plot of land enforced is no killing
    assert not events(["Pengadilan Negeri Bandung mengeksekusi lahan sengketa di Jalan Braga ."])
    assert not events(["Kejaksaan mengeksekusi putusan Mahkamah Agung pekan lalu ."])


def test_a_coordinated_office_with_its_short_form_is_the_title_of_the_person_after_it():
    from warta.nlp.entities import find_entities

    # "Mineral" closing "Energi dan Sumber Daya Mineral (ESDM)" is part of the office, not a person of its own
    text = "Kebijakan itu dikritik oleh Menteri Energi dan Sumber Daya Mineral (ESDM) Arifin Tasrif ."
    names = [(e.type, e.name) for e in find_entities(text, "id")]
    assert ("PER", "Arifin Tasrif") in names and not [n for t, n in names if n == "Mineral"]
    # the agent after "oleh" is the minister, not the ministry's short form
    assert events([text]) == [("ACCUSE", "Arifin Tasrif", None)]
    # a name the model found keeps its place, before the bracket too
    text = "Menteri Perdagangan dan Perindustrian Gita Wirjawan (Mendag) menolak usulan itu ."
    assert ("PER", "Gita Wirjawan") in [(e.type, e.name) for e in find_entities(text, "id")]


def test_indonesian_offices_written_short_are_titles_and_wapres_acts_unnamed():
    from warta.nlp.entities import find_entities

    # "Wapres" (the vice-president) and the ministers' short forms are titles: the name after them is the person,
    # of Indonesia's government
    people = {e.name: (e.country, e.role) for e in find_entities("Rapat itu dipimpin Wapres Boediono di Istana .", "id")}
    assert people.get("Boediono") == ("IDN", "GOV")
    found = events(["Usulan itu ditolak Mendagri Tito Karnavian dalam rapat kerja ."])
    assert found == [("REJECT", "Tito Karnavian", None)]
    found = events(["Djan Faridz mengaku ditelepon Mensesneg Sudi Silalahi semalam ."])
    assert found == [("CONSULT", "Sudi Silalahi", "Djan Faridz")]
    # with no name, "Wapres" acts as "wakil presiden" does
    found = events(["Wapres mengajak masyarakat menjaga persatuan menjelang pemilu ."])
    assert found == [("REQUEST", "wapres", None)]


def test_a_generic_group_asked_in_the_gap_is_the_one_asked_not_a_name_in_what_is_asked():
    # "mengajak masyarakat untuk bersama pemerintah ...": the public is asked; the government is in the content
    found = events(["Presiden mengajak masyarakat untuk bersama pemerintah melawan hoaks ."])
    assert found == [("REQUEST", "presiden", None)]
    # a party named right after the verb is still the one asked
    found = events(["Presiden Joko Widodo mengajak Malaysia untuk bekerja sama memberantas perompakan ."])
    assert found == [("REQUEST", "Joko Widodo", "Malaysia")]


def test_a_capitalised_office_that_names_no_one_is_the_office():
    # Indonesian capitalises an office also when no name follows: the office is asked, and the office of a place
    # acts or is acted on, of that place's country
    found = events(["Anggota DPR Benny Kabur Harman meminta Kapolri mencopot pejabat yang terlibat ."])
    assert found == [("REQUEST", "Benny Kabur Harman", "kapolri")]
    found = events(["Gubernur Jawa Barat meminta Bupati Bogor menutup tempat wisata ."])
    assert found == [("REQUEST", "gubernur", "bupati")]
    record = coded(["Polisi Malaysia menangkap dua nelayan asal Aceh ."])
    assert [(e.type, e.actor.name, e.actor.country) for e in record.events] == [("COERCE", "polisi", "MYS")]
    # a title with a place and a name is the person's; a title in a body's name is no office
    found = events(["Presiden Joko Widodo bertemu Presiden Rusia Vladimir Putin di Moskow ."])
    assert found == [("CONSULT", "Joko Widodo", "Vladimir Putin")]
    assert not events(["Surat itu dikirim ke Kantor Presiden , Senin ."])
    # English keeps a capitalised group noun mid-sentence as part of a name
    record = coded(["The mayor met the Police Department on Monday."], "en")
    assert not [e for e in record.events if e.recipient is not None and e.recipient.name == "police"]


def test_talks_held_with_a_party_by_any_light_verb_are_talks():
    # "melakukan pembicaraan dengan" was a pattern; "mengadakan" and "menggelar" (and Malay "mengadakan rundingan")
    # say the same
    found = events(["Duta Besar Amerika Serikat Zalmay Khalilzad mengadakan pembicaraan dengan Presiden Irak Jalal Talabani ."])
    assert found == [("CONSULT", "Zalmay Khalilzad", "Jalal Talabani")]
    found = events(["Pemerintah menggelar perundingan dengan Gerakan Aceh Merdeka di Helsinki ."])
    assert [(t, r) for t, _, r in found] == [("CONSULT", "Gerakan Aceh Merdeka")]
    record = coded(["Perdana Menteri Anwar Ibrahim mengadakan rundingan dengan Presiden Indonesia Prabowo Subianto ."], "ms")
    assert [(e.type, e.actor.name, e.recipient.name) for e in record.events] == [
        ("CONSULT", "Anwar Ibrahim", "Prabowo Subianto")
    ]
    # talks held about a topic with no one named are no meeting with a party
    assert not events(["Pejabat itu mengadakan pembicaraan terbatas mengenai krisis pengungsi ."])


def test_a_body_before_a_region_is_its_branch_there():
    # "X (SHORT) Region", "X se-Region": the body's regional branch acts, not the region
    found = events(["Partai Amanat Nasional (PAN) Jawa Timur menyatakan mendukung calon ketua umum PAN , Zulkifli Hasan ."])
    assert found == [("SUPPORT", "Partai Amanat Nasional", "Zulkifli Hasan")]
    found = events(["Partai Golkar se-Sumatera Utara menolak usulan Partai Gerindra ."])
    assert found == [("REJECT", "Partai Golongan Karya", "Partai Gerakan Indonesia Raya")]
    # a place set off by commas only says where the body is ("Pemerintah Kota Kediri , Jawa Timur ,")
    found = events(["Pemerintah Kota Kediri , Jawa Timur , mewajibkan warga memakai masker ."])
    assert [(t, a) for t, a, _ in found] == [("COERCE", "Pemerintah Kota Kediri")]


def test_an_agreement_among_private_people_is_no_event():
    # a civilian group agreeing among themselves, or a firm's plan with no state party: no political act
    assert not events(["Beberapa orang warga sepakat membentuk grup musik bernama Senja bersama Andi dan Budi ."])
    assert not events(["PT Sinar Abadi Tbk sepakat membentuk usaha patungan dengan PT Karya Mulia ."])
    # a state party on the other side, or a named person of no known office, still agrees
    found = events(["PT Sinar Abadi Tbk berjanji memberikan bantuan kepada Pemerintah Kabupaten Bogor ."])
    assert [(t, r) for t, _, r in found] == [("AGREE", "Pemerintah Kabupaten Bogor")]
    found = events(["Beshir menyetujui gencatan senjata yang diusulkan Uni Afrika ."], "AGREE")
    assert [a for _, a, _ in found] == ["Beshir"]
