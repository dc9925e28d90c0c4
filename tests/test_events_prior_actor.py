"""Which earlier party a sentence hands on to the next one (sentences written for these tests; no news text
copied)."""

from test_events import coded


def triples(paragraphs, lang="id"):
    return [
        (e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in coded(paragraphs, lang).events
    ]


def test_an_opening_phrase_closed_by_a_comma_holds_no_subject_for_the_next_sentence():
    # the request in the passive comes from the ministry, not from the regent named in the opening phrase
    found = triples(
        [
            "JAKARTA, KOMPAS — Menyusul perdebatan antara Bupati Lumajang Thoriqul Haq dan Bupati Boltim Sehan "
            "Salim Landjar, Kementerian Dalam Negeri mengingatkan soal etika kepemimpinan. Kepala daerah juga "
            "diminta tidak memperkeruh suasana."
        ]
    )
    assert ("REQUEST", "Kementerian Dalam Negeri", None) in found
    assert all(actor != "Thoriqul Haq" for _, actor, _ in found)
    # a regent named with his region before a rule imposed in the passive
    found = triples(["Bupati Garut Dedi Supriadi menerbitkan surat edaran. Warga diwajibkan memakai masker."])
    assert [(t, a) for t, a, _ in found] == [("COERCE", "Dedi Supriadi")]


def test_a_detention_restated_in_the_passive_is_the_named_bodys_event_once():
    found = triples(
        ["KPK menahan Bupati Contoh Budi Santoso, Jumat. Budi ditahan selama 20 hari pertama di Rutan KPK."]
    )
    assert found == [("COERCE", "Komisi Pemberantasan Korupsi", "Budi Santoso")]
    # with no named body before it, the passive keeps its generic authority
    assert triples(["Budi Santoso ditahan selama 20 hari pertama di rumah tahanan."]) == [
        ("COERCE", "aparat", "Budi Santoso")
    ]
