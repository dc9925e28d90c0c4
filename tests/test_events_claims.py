"""An attack claimed is the claimant's attack (sentences written for these tests; no news text copied)."""

from test_events import coded


def triples(paragraphs, lang="id"):
    return [
        (e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in coded(paragraphs, lang).events
    ]


def test_a_claim_of_responsibility_for_an_attack_is_the_claimants_attack():
    assert triples(["Taliban mengklaim bertanggung jawab atas serangan itu."]) == [("ASSAULT", "Taliban", None)]
    found = triples(["Kelompok ISIS mengaku bertanggung jawab atas serangan bom di Kabul pada Jumat."])
    assert [(t, a) for t, a, _ in found] == [("ASSAULT", "ISIS")]
    assert [t for t, _, _ in triples(["Taliban mengaku bertanggungjawab ke atas serangan itu."], "ms")] == ["ASSAULT"]


def test_no_claim_or_a_claim_for_no_attack_is_no_event():
    assert not triples(["Belum ada kelompok yang mengaku bertanggung jawab atas ledakan tersebut."])
    assert not triples(["Menteri itu menyatakan bertanggung jawab atas kegagalan program."])
