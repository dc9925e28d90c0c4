"""Indonesian and Malay events from general constructions of news text (issue 6; sentences written for these tests,
no news text copied)."""

from test_events_id_rules import events


def test_war_between_two_sides_joined_by_dengan():
    assert events(["Perang antara Rusia dengan Ukraina telah berlangsung dua tahun."]) == [
        ("ASSAULT", "Rusia", "Ukraina")
    ]
    found = events(["Pertempuran antara tentara Israel dengan Hamas kembali pecah di Gaza."])
    assert [(t, r) for t, _, r in found] == [("ASSAULT", "Hamas")]
    # "dengan" after one side only, with no second side named, gives no clash
    assert not events(["Konflik antara warga dengan cara damai diselesaikan di balai desa."], "ASSAULT")
