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
