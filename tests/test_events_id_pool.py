"""Indonesian events found on the blind-labelled sentence pool's tune half, as general rules (sentences written for
these tests; no news text copied)."""

from test_events_id_rules import events


def test_what_the_subject_receives_from_someone_is_that_ones_act():
    found = events(["Calon gubernur Budi Santoso mendapat dukungan dari Partai Golkar dalam pemilihan itu."])
    assert [(t, r) for t, _, r in found] == [("SUPPORT", "Budi Santoso")]
    assert "Golkar" in found[0][1] or "Golongan Karya" in found[0][1]
    found = events(["Pemerintah Myanmar menuai kecaman dari Malaysia atas perlakuan terhadap warga Rohingya."])
    assert found == [("ACCUSE", "Malaysia", "Pemerintah Myanmar")]
