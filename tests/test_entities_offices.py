"""Entities: an office's town and its officer tagged as one span (texts written for these tests)."""

from test_entities import by_name, mentions

from warta.nlp.entities import find_entities


def test_a_town_and_the_officer_after_the_office_title_are_split():
    text = "Wali Kota Bogor Bima Arya meninjau banjir. Bupati Garut Rudy Gunawan hadir."
    given = mentions(text, ("Kota Bogor Bima Arya", "LOC"), ("Garut Rudy Gunawan", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Bogor"].type == "LOC" and (found["Bima Arya"].type, found["Bima Arya"].role) == (
        "PER",
        "GOV",
    )
    assert found["Rudy Gunawan"].country == "IDN" and found["Garut"].type == "LOC"


def test_a_place_after_no_title_stays_whole():
    text = "Warga Kota Bogor Baru berkumpul."
    given = mentions(text, ("Kota Bogor Baru", "LOC"))
    assert [e.type for e in find_entities(text, "id", mentions=given)] == ["LOC"]


def test_the_indonesian_press_names_its_own_ministers_with_no_country():
    text = "JAKARTA, KOMPAS.com - Menteri Perdagangan Arief Wicaksono bertemu pejabat Jepang dan Amerika Serikat."
    given = mentions(text, ("Arief Wicaksono", "PER"), ("Jepang", "LOC"), ("Amerika Serikat", "LOC"))
    found = by_name(find_entities(text, "id", dateline="Jakarta", mentions=given))
    assert (found["Arief Wicaksono"].country, found["Arief Wicaksono"].role) == ("IDN", "GOV")
    found = by_name(find_entities(text, "id", dateline="Tokyo", mentions=given))
    assert found["Arief Wicaksono"].country is None  # a report from abroad: the text must say it


def test_the_rest_of_a_title_is_no_name_and_a_commissioner_of_the_eu_is_igo():
    text = "Menteri Luar Negeri RI Sugiono menyerukan damai. Komisioner Perdagangan Uni Eropa Maros Sefcovic menilai."
    given = mentions(
        text, ("Luar Negeri RI", "ORG"), ("Sugiono", "PER"), ("Uni Eropa", "ORG"), ("Maros Sefcovic", "PER")
    )
    found = by_name(find_entities(text, "id", mentions=given))
    assert "Luar Negeri RI" not in found and found["Sugiono"].country == "IDN"
    assert found["Maros Sefcovic"].role == "IGO"


def test_a_body_located_by_di_is_still_the_employer_and_gives_its_country():
    text = "Direktur Rumah Sakit Al-Shifa di Gaza, Mohammed Abu Salmiya, ditahan pasukan Israel."
    given = mentions(
        text, ("Rumah Sakit Al-Shifa", "ORG"), ("Gaza", "LOC"), ("Mohammed Abu Salmiya", "PER"), ("Israel", "LOC")
    )
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Rumah Sakit Al-Shifa"].country == "PSE"  # where it stands
    doctor = found["Mohammed Abu Salmiya"]
    assert (doctor.country, doctor.role) == ("PSE", "HLH")  # the hospital's director, not a businessman


def test_a_town_closing_an_office_name_gives_the_officer_its_country():
    text = "Juru bicara Pertahanan Sipil Gaza, Mahmud Bassal, mengatakan banyak korban tertimbun."
    given = mentions(text, ("Gaza", "LOC"), ("Mahmud Bassal", "PER"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Mahmud Bassal"].country == "PSE"


def test_a_police_unit_named_by_its_chiefs_title_is_the_unit_named_in_full():
    text = (
        "Kepolisian Resor Metro Bekasi menangkap 12 tersangka judi online. Kapolres Metro Bekasi Kombes "
        "Mustofa mengatakan penangkapan dilakukan pekan lalu. Kapolda Metro Jaya Irjen Karyoto memuji langkah itu."
    )
    found = by_name(find_entities(text, "id"))  # the real tagger: it leaves "Kepolisian" out when it opens the text
    unit = found["Kepolisian Resor Metro Bekasi"]  # the head word the tagger left out joins; the chief's unit merges
    assert len(unit.mentions) == 2 and (unit.country, unit.role) == ("IDN", "COP")
    assert "Kepolisian Daerah Metro Jaya" in found and "Metro Jaya" not in found


def test_a_mosques_one_word_name_is_no_part_of_its_imams_name():
    text = "Imam Besar Masjid Istiqlal Nasaruddin Umar memimpin doa bersama di Jakarta."
    given = mentions(text, ("Istiqlal Nasaruddin Umar", "PER"), ("Jakarta", "LOC"))
    found = by_name(find_entities(text, "id", mentions=given))
    assert found["Nasaruddin Umar"].role == "REL" and "Istiqlal Nasaruddin Umar" not in found


def test_a_job_noun_opening_the_sentence_is_the_job_of_the_person_after_the_body():
    text = (
        "Ekonom Lembaga Kajian Ekonomi Nusantara (LKEN), Rina Hapsari, menilai proyeksi itu terlalu optimistis. "
        "Pengamat politik Universitas Andalas, Asrinaldi, sependapat."
    )
    given = mentions(
        text,
        ("Ekonom Lembaga Kajian Ekonomi Nusantara", "ORG"),
        ("LKEN", "ORG"),
        ("Rina Hapsari", "PER"),
        ("Universitas Andalas", "ORG"),
        ("Asrinaldi", "PER"),
    )
    found = by_name(find_entities(text, "id", mentions=given))
    assert "Lembaga Kajian Ekonomi Nusantara" in found and found["Rina Hapsari"].role == "EDU"
    assert found["Asrinaldi"].role == "EDU"  # "pengamat": a job word, not a name


def test_a_job_noun_that_names_a_body_stays_when_no_person_follows():
    text = "Pelajar Islam Indonesia (PII) menggelar aksi di depan gedung DPR."
    given = mentions(text, ("Pelajar Islam Indonesia", "ORG"), ("PII", "ORG"), ("DPR", "ORG"))
    assert "Pelajar Islam Indonesia" in by_name(find_entities(text, "id", mentions=given))


def test_a_short_form_with_a_country_is_the_body_named_in_full():
    text = (
        "Kementerian Luar Negeri Vietnam memprotes latihan itu. Juru bicara Kemlu Vietnam Pham Thu Hang "
        "menyebutnya ilegal. Kemhan Vietnam belum berkomentar."
    )
    given = mentions(
        text,
        ("Kementerian Luar Negeri Vietnam", "ORG"),
        ("Kemlu Vietnam", "ORG"),
        ("Pham Thu Hang", "PER"),
        ("Kemhan Vietnam", "ORG"),
    )
    found = by_name(find_entities(text, "id", mentions=given))
    ministry = found["Kementerian Luar Negeri Vietnam"]
    assert [m.text for m in ministry.mentions] == ["Kementerian Luar Negeri Vietnam", "Kemlu Vietnam"]
    assert "Kemhan Vietnam" in found  # no full form in the text: the short form is the name
