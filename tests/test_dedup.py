"""Duplicates: exact copies and near-duplicates (syndicated copies, light rewrites) share a cluster; unrelated
articles on the same topic do not; search can collapse a cluster to one hit."""

import json
import random

from typer.testing import CliRunner

from warta import dedup
from warta.cli import app
from warta.model import Article, Record
from warta.store.sqlite import SQLiteStore

VOCAB = ("pemerintah provinsi menyatakan banjir besar melanda kawasan utara sejak pagi warga diminta mengungsi "
         "ke tempat aman petugas gabungan mengerahkan perahu karet untuk mengevakuasi korban yang terjebak di "
         "rumah mereka curah hujan tinggi diperkirakan berlangsung hingga akhir pekan menurut badan meteorologi "
         "sekolah diliburkan sementara jalan utama ditutup bagi kendaraan kecil").split()


def article(seed: int, sentences: int = 8) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(VOCAB) for _ in range(16)).capitalize() + "." for _ in range(sentences)]


def rewrite(paragraphs: list[str], every: int, seed: int = 1) -> list[str]:
    """Change one word in ``every`` (a light edit)."""
    rng = random.Random(seed)
    out = []
    for paragraph in paragraphs:
        words = paragraph.split()
        out.append(" ".join(rng.choice(["juga", "sangat", "telah"]) if i % every == 0 else w
                            for i, w in enumerate(words)))
    return out


def record(rid: str, paragraphs: list[str], title: str = "Banjir") -> Record:
    return Record(id=rid, article=Article(paragraphs=paragraphs, title=title, site=f"site-{rid}"),
                  source={"kind": "text", "path": f"{rid}.txt"})


def test_exact_duplicates_ignore_case_punctuation_and_accents():
    a = dedup.fingerprint("Banjir besar melanda Jakarta, kata pejabat.")
    b = dedup.fingerprint("banjir BESAR melanda jakarta — kata pejabat!")
    c = dedup.fingerprint("Banjir besar melanda Jakartà kata pejabat")
    assert a.text_hash == b.text_hash == c.text_hash


def test_similarity_orders_copies_rewrites_and_other_articles():
    base = dedup.fingerprint(" ".join(article(1)))
    syndicated = dedup.fingerprint(" ".join(article(1) + ["Baca juga berita lainnya di situs kami."]))
    light = dedup.fingerprint(" ".join(rewrite(article(1), every=10)))
    other = dedup.fingerprint(" ".join(article(2)))
    assert dedup.similarity(base.signature, syndicated.signature) > 0.8
    assert dedup.similarity(base.signature, light.signature) >= dedup.THRESHOLD
    assert dedup.similarity(base.signature, other.signature) < 0.2


def test_store_clusters_near_duplicates_and_search_collapses(tmp_path):
    db = str(tmp_path / "d.db")
    original = article(1)
    items = [
        record("a1", original),
        record("a2", [p.upper() for p in original]),  # exact (normalised) copy
        record("a3", original[:-1] + ["Artikel ini telah tayang di media mitra kami."]),  # syndicated
        record("a4", rewrite(original, every=10)),  # light rewrite
        record("b1", article(2)),  # same topic and words, different article
        record("c1", article(3)),
    ]
    with SQLiteStore(db) as store:
        store.write(items)
        clusters = {r.id: r.cluster for r in (store.get(i.id) for i in items)}
        assert clusters["a1"] == clusters["a2"] == clusters["a3"] == clusters["a4"] == "a1"
        assert clusters["b1"] == "b1" and clusters["c1"] == "c1"
        (group,) = store.clusters()
        assert group["cluster"] == "a1" and group["size"] == 4 and group["members"][0]["id"] == "a1"
        assert json.loads(store.conn.execute("SELECT json FROM records WHERE id='a3'").fetchone()[0])["cluster"] == "a1"

        plain = store.search("banjir", limit=20)
        collapsed = store.search("banjir", limit=20, collapse=True)
        assert len(plain) == 6
        assert len(collapsed) == 3
        assert sorted(h.copies for h in collapsed) == [1, 1, 4]

        store.write([record("a1", original)])  # re-ingest: the record keeps its cluster
        assert store.get("a1").cluster == "a1"


def test_dupes_command_indexes_old_records_and_lists_clusters(tmp_path):
    db = str(tmp_path / "d.db")
    with SQLiteStore(db) as store:
        store.write([record("x1", article(5)), record("x2", article(5) + ["Sumber: kantor berita."])])
        store.conn.execute("DELETE FROM dedup")  # as if stored before duplicate detection existed
    result = CliRunner().invoke(app, ["dupes", "--db", db, "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    (cluster,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert cluster["size"] == 2 and {m["id"] for m in cluster["members"]} == {"x1", "x2"}
    result = CliRunner().invoke(app, ["search", "banjir", "--db", db, "--collapse", "--json"],
                                catch_exceptions=False)
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(hits) == 1 and hits[0]["copies"] == 2
