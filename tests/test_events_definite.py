"""A party named again by a definite description ("kelompok tersebut", "the group") acts as the party told before
(sentences written for these tests; no news text copied)."""

from test_events import coded


def triples(paragraphs, lang="id", kind=None):
    record = coded(paragraphs, lang)
    return [
        (e.type, e.actor.name, e.recipient.name if e.recipient else None)
        for e in record.events
        if kind is None or e.type == kind
    ]


def test_indonesian_head_and_demonstrative_name_the_earlier_party():
    found = triples(
        [
            "Kelompok Kriminal Bersenjata (KKB) kembali beraksi di Kabupaten Puncak, Papua. "
            "Kelompok tersebut menyerang pos TNI di Distrik Gome pada Senin pagi."
        ],
        kind="ASSAULT",
    )
    assert found == [("ASSAULT", "KKB", "Tentara Nasional Indonesia")]
    # a word of the earlier name: the ministry named in full before
    found = triples(
        [
            "Kementerian Luar Negeri Rusia memanggil duta besar Prancis di Moskow. "
            "Kementerian itu menuduh Prancis ikut campur urusan dalam negeri."
        ],
        kind="ACCUSE",
    )
    assert ("ACCUSE", "Kementerian Luar Negeri Rusia", "Prancis") in found
    # a country word: the nearest country before it
    found = triples(["Delegasi Venezuela tiba di Jakarta pekan ini. Negara itu juga mengecam Amerika Serikat."])
    assert found == [("ACCUSE", "Venezuela", "Amerika Serikat")]


def test_the_earlier_party_is_the_one_reported_not_the_reporter():
    found = triples(
        [
            "Kelompok Kriminal Bersenjata (KKB) menyerang pos TNI di Distrik Gome. "
            "Polisi menyebut kelompok ini juga membakar dua sekolah."
        ],
        kind="ASSAULT",
    )
    assert [actor for _, actor, _ in found] == ["KKB", "KKB"]


def test_english_the_and_head_name_the_earlier_party():
    found = triples(
        ["Hamas fighters crossed into southern Israel on Saturday. The group attacked several towns."], "en"
    )
    assert ("ASSAULT", "Hamas", None) in found
    found = triples(
        [
            "Netflix faced new claims from former staff on Monday. "
            "The company flatly denied the allegations in a statement."
        ],
        "en",
        "REJECT",
    )
    assert [actor for _, actor, _ in found] == ["Netflix"]


def test_a_head_no_earlier_party_fits_or_inside_a_name_is_left_alone():
    # no armed group or named "kelompok" before: the generic noun stays (or gives nothing)
    found = triples(["Warga berkumpul di balai desa. Kelompok itu menolak rencana tambang."])
    assert all(actor != "Warga" for _, actor, _ in found)
    # "the Ministry of ..." is a name, not a mention of the ministry told before
    found = triples(
        [
            "Russia's Foreign Ministry summoned the French ambassador on Monday. "
            "The Ministry of Defence of France accused Moscow of interference."
        ],
        "en",
        "ACCUSE",
    )
    assert all(actor != "Foreign Ministry" for _, actor, r in found if r in ("Moscow", "Russia"))
    # a person word resolves to a person, never to a body
    found = triples(["Polda Metro Jaya menggelar jumpa pers. Polisi menangkap pria tersebut di Bekasi."], "id")
    assert all(r != "Polda Metro Jaya" for _, _, r in found)
