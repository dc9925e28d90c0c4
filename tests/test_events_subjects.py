"""Who acts, and who does not: a clause with its own verb is no subject noun phrase, and a place after "di" before
"yang" is where something happened, not who did it (sentences written for these tests)."""

from test_events import coded


def test_no_subject_phrase_swallows_the_verb_of_its_clause():
    record = coded(["Pemerintah Malaysia mengutuk keras serangan tentara Myanmar terhadap desa di Rakhine."], "id")
    assert not [e for e in record.events if "mengutuk" in e.actor.name]
    assert ("Pemerintah Malaysia", "MYS") in {(e.actor.name, e.actor.country) for e in record.events}


def test_a_place_before_yang_is_not_the_doer_of_the_relative_clause():
    record = coded(["Ledakan bom di Kota Quetta yang menewaskan 12 orang terjadi pada Senin."], "id")
    assert not [e for e in record.events if e.actor.name in ("Kota Quetta", "Quetta")]


def test_a_participle_after_a_comma_shares_the_subject_of_its_clause():
    record = coded(
        ["White House spokeswoman Karen Doyle criticized the ruling, accusing the judge of overreach."], "en"
    )
    assert not [e for e in record.events if e.actor.name == "White House" and e.recipient and e.recipient.name == "Karen Doyle"]
    assert {e.actor.name for e in record.events} <= {"Karen Doyle"}


def test_people_named_by_initials_after_a_count_are_the_ones_arrested():
    record = coded(["Polisi menangkap tiga pria berinisial AB, CD, dan EF di Bekasi pada Senin."], "id")
    arrested = {e.recipient.name for e in record.events if e.type == "COERCE" and e.recipient}
    assert {"AB", "CD", "EF"} <= arrested


def test_the_agent_after_oleh_or_by_is_the_titled_person_not_the_title_s_country():
    record = coded(["Usulan itu ditolak oleh Menteri Luar Negeri Australia Penny Wong pada Jumat."], "id")
    assert ("REJECT", "Penny Wong") in {(e.type, e.actor.name) for e in record.events}
    record = coded(["The proposal was rejected by Australian Foreign Minister Penny Wong on Friday."], "en")
    assert ("REJECT", "Penny Wong") in {(e.type, e.actor.name) for e in record.events}


def test_malay_support_received_from_someone_is_theirs():
    record = coded(
        ["KUALA LUMPUR: Perdana Menteri Anwar Ibrahim mendapat sokongan daripada Presiden Indonesia Prabowo Subianto."],
        "ms",
    )
    assert ("SUPPORT", "Prabowo Subianto", "Anwar Ibrahim") in {
        (e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in record.events
    }
