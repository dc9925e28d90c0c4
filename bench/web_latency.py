"""Search latency through the web API on a large synthetic store.

Fills a store with N synthetic records (default 100,000; bulk SQL insert, varied Indonesian/English text with
a Zipf-like word distribution, entities and events for the facets), then times ``GET /api/search`` for a mix
of queries (rare and common words, phrases, OR, facet filters, date sort, filter-only listing) in-process
(FastAPI TestClient) and prints p50/p95/max per kind and overall, wall-clock and CPU time (CPU time is what
a request costs on an idle machine; wall-clock includes waiting for a busy one). Facets and the HTML search page are timed
too, for information (the target is p95 < 100 ms for /api/search).

    python3 bench/web_latency.py                    # 100,000 records (fill ≈ 1-2 min, kept for re-runs)
    python3 bench/web_latency.py --records 5000     # quick check
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ID_WORDS = """pemerintah presiden menteri rakyat warga kota provinsi jakarta surabaya bandung banjir hujan jalan
tol harga beras minyak pasar ekonomi bank rupiah inflasi pajak sekolah guru siswa rumah sakit dokter pasien
polisi militer tentara perbatasan laut pulau kapal nelayan pelabuhan bandara pesawat kereta listrik air bersih
pemilu partai dewan kampanye suara hakim pengadilan korupsi jaksa tersangka bantuan korban bencana gempa tsunami
gunung api letusan hutan kebakaran asap petani sawah panen pupuk pabrik buruh upah investasi ekspor impor
tambang batu bara nikel sawit kopi teh gula garam ikan daging sapi ayam telur""".split()
EN_WORDS = """government president minister people city province flood rain road price rice oil market economy
bank inflation tax school teacher student hospital doctor patient police military army border sea island ship
fishermen port airport plane train electricity water election party council campaign vote judge court
corruption prosecutor suspect aid victims disaster earthquake volcano eruption forest fire smoke farmers harvest
factory workers wages investment exports imports mining coal nickel palm coffee sugar talks sanctions trade
summit treaty ceasefire protest strike""".split()
FILLER = {"id": "yang dan di ke dari untuk dengan pada ini itu akan telah juga oleh dalam tidak".split(),
          "en": "the of and to in a for on with was is that by at from has have said will".split()}
SITES = ["kompas.com", "detik.com", "tempo.co", "cnnindonesia.com", "antaranews.com", "reuters.com", "bernama.com",
         "thejakartapost.com", "straitstimes.com", "tribunnews.com"]
ACTORS = [("Joko Widodo", "PER", "IDN"), ("Prabowo Subianto", "PER", "IDN"), ("Anwar Ibrahim", "PER", "MYS"),
          ("TNI", "ORG", "IDN"), ("Bank Indonesia", "ORG", "IDN"), ("ASEAN", "ORG", None),
          ("Vladimir Putin", "PER", "RUS"), ("Xi Jinping", "PER", "CHN"), ("KPK", "ORG", "IDN"),
          ("Jakarta", "LOC", "IDN"), ("Kuala Lumpur", "LOC", "MYS"), ("Beijing", "LOC", "CHN")]
EVENT_TYPES = ["CONSULT", "AGREE", "SUPPORT", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "ASSAULT"]
def queries() -> dict[str, list[str]]:
    return {
        "rare word": [PSEUDO[i] for i in (2000, 3000, 5000, 8000, 12000)] + ["ceasefire", "letusan", "nelayan"],
        "common word": ["pemerintah", "government", "harga", "warga", "market"],
        "two words": ["banjir jakarta", "harga beras", "border talks", "korupsi hakim", "coal exports"],
        "phrase / OR": ['"harga beras"', "banjir OR gempa", '"palm oil" OR coffee', "sanctions OR tariffs"],
        "filtered": ["pemerintah|language=id", "banjir|site=kompas.com", "trade|event_type=AGREE",
                     "harga|date_from=2023-01-01&date_to=2023-06-30", "militer|country=MYS"],
        "date sort": ["pemerintah|sort=date", "election|sort=date", "banjir|sort=date"],
        "no query": ["|site=tempo.co", "|entity=Anwar Ibrahim", "|language=en&sort=date"],
    }


def pseudo_vocabulary(size: int = 40_000, seed: int = 3) -> list[str]:
    """Indonesian-looking made-up words, so the index has a long tail of rare terms like a real corpus."""
    rng = random.Random(seed)
    syllables = [c + v for c in "bcdgjklmnprstw" for v in "aiueo"] + ["ng", "an", "in", "ar", "ul"]
    words: dict[str, None] = {}
    while len(words) < size:
        words["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))] = None
    return list(words)


PSEUDO = pseudo_vocabulary()
_WEIGHTS: dict[int, list[float]] = {}


def zipf_words(words: list[str], rng: random.Random, k: int) -> list[str]:
    weights = _WEIGHTS.get(len(words)) or _WEIGHTS.setdefault(len(words), list(_cumulative(len(words))))
    return rng.choices(words, cum_weights=weights, k=k)


def _cumulative(n: int):
    total = 0.0
    for rank in range(n):
        total += 1 / (rank + 1) ** 0.9
        yield total


def sentence(language: str, rng: random.Random, k: int = 30) -> str:
    vocab = ID_WORDS if language == "id" else EN_WORDS
    out = []
    for roll in (rng.random() for _ in range(k)):
        if roll < 0.4:
            out.append(zipf_words(vocab, rng, 1)[0])
        elif roll < 0.65:
            out.append(rng.choice(FILLER[language]))
        else:
            out.append(zipf_words(PSEUDO, rng, 1)[0])
    return " ".join(out).capitalize() + "."


def synthetic_record(n: int, rng: random.Random) -> tuple[tuple, list[tuple], list[tuple]]:
    language = "id" if rng.random() < 0.65 else "en"
    paragraphs = [sentence(language, rng) for _ in range(rng.randint(3, 7))]
    actors = rng.sample(ACTORS, rng.randint(1, 4))
    paragraphs[0] = " ".join(a[0] for a in actors) + " " + paragraphs[0]
    text = "\n\n".join(paragraphs)
    title = sentence(language, rng, rng.randint(5, 10))[:-1]
    rid = f"syn{n:08d}"
    site = rng.choice(SITES)
    published = f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    entities, offset = [], 0
    for i, (name, etype, country) in enumerate(actors):
        entities.append({"id": f"e{i}", "name": name, "type": etype, "country": country,
                         "mentions": [{"start": offset, "end": offset + len(name), "text": name}]})
        offset += len(name) + 1
    events = []
    if len(actors) >= 2 and rng.random() < 0.5:
        a, b = actors[0], actors[1]
        events.append({"type": rng.choice(EVENT_TYPES), "actor": {"name": a[0], "country": a[2]},
                       "recipient": {"name": b[0], "country": b[2]}, "date": published,
                       "evidence": {"start": 0, "end": len(a[0])}})
    data = {"schema": "warta/1", "id": rid, "url": f"https://{site}/read/{n}", "source": {"kind": "synthetic"},
            "site": site, "title": title, "authors": [], "credit": None, "dateline": None, "published": published,
            "language": language, "images": [], "paragraphs": paragraphs, "text": text, "boilerplate": [],
            "entities": [{k: v for k, v in e.items() if v is not None} for e in entities], "quotes": [],
            "events": events, "steps": ["bench.synthetic"]}
    row = (rid, data["url"], title, site, language, published, None, None, "synthetic", None, None, text,
           json.dumps(data, ensure_ascii=False), "2024-01-01T00:00:00+00:00")
    entity_rows = [(rid, e["id"], e["name"], e["type"], e["country"], None, 1) for e in entities]
    event_rows = [(rid, 0, e["type"], None, None, e["date"], None, e["actor"]["name"], None, e["actor"]["country"],
                   None, e["recipient"]["name"], None, e["recipient"]["country"], None, 0, 5, "", None)
                  for e in events]
    return row, entity_rows, event_rows


def fill(db: str, records: int, seed: int = 7) -> None:
    from warta.store.sqlite import SQLiteStore

    SQLiteStore(db).close()  # schema and migrations
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    rng = random.Random(seed)
    started, batch = time.perf_counter(), 5000
    for first in range(0, records, batch):
        rows, entities, events = [], [], []
        for n in range(first, min(first + batch, records)):
            row, ents, evs = synthetic_record(n, rng)
            rows.append(row)
            entities += ents
            events += evs
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO records (id, url, title, site, language, published, credit, dateline, "
                         "source_kind, source_path, source_offset, text, json, ingested_at) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        conn.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?)", entities)
        conn.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", events)
        conn.execute("COMMIT")
        print(f"\r  filled {first + len(rows):,}/{records:,}", end="", file=sys.stderr, flush=True)
    conn.execute("INSERT INTO records_fts(records_fts) VALUES ('optimize')")
    conn.execute("ANALYZE")
    conn.close()
    print(f"\r  filled {records:,} records in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def record_count(db: str) -> int:
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT count(*) FROM records").fetchone()[0]
    except sqlite3.Error:
        return -1


TIMEOUTS: list[str] = []


CPU: dict[str, list[float]] = {}


def timed(client, url: str, params: dict, kind: str = "") -> float:
    """Wall-clock ms of one request; its CPU ms (all threads of this process) go to CPU[kind]: on a busy
    machine, CPU time is what the request would take alone."""
    cpu, start = time.process_time(), time.perf_counter()
    response = client.get(url, params=params)
    elapsed = (time.perf_counter() - start) * 1000
    CPU.setdefault(kind or url, []).append((time.process_time() - cpu) * 1000)
    if response.status_code == 503:  # the store's time limit stopped the query: counted, timed as is
        TIMEOUTS.append(f"{url} {params}")
    else:
        assert response.status_code == 200, (url, params, response.status_code, response.text[:200])
    return elapsed


def params_of(spec: str) -> dict:
    q, _, rest = spec.partition("|")
    params = {"q": q}
    for pair in filter(None, rest.split("&")):
        key, _, value = pair.partition("=")
        params[key] = value
    return params


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def line(label: str, values: list[float], cpu: list[float] | None = None) -> str:
    out = (f"{label:<22} n={len(values):>4}  p50 {statistics.median(values):7.1f} ms  p95 {pct(values, 95):7.1f} ms"
           f"  max {max(values):7.1f} ms")
    if cpu:
        out += f"   | CPU p50 {statistics.median(cpu):6.1f} ms  p95 {pct(cpu, 95):6.1f} ms"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--db", default=None, help="store file (default: /tmp/warta-bench-web-N.db, reused)")
    parser.add_argument("--rounds", type=int, default=6, help="times each query is repeated")
    args = parser.parse_args()
    db = args.db or f"/tmp/warta-bench-web-{args.records}.db"
    if record_count(db) != args.records:
        Path(db).unlink(missing_ok=True)
        print(f"filling {db} with {args.records:,} synthetic records", file=sys.stderr)
        fill(db, args.records)

    from fastapi.testclient import TestClient

    from warta.web import create_app

    client = TestClient(create_app(db))
    for spec in ["pemerintah", "banjir jakarta"]:  # warm the page cache
        timed(client, "/api/search", params_of(spec))
    kinds = queries()
    by_kind: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for kind, specs in kinds.items():
            for spec in specs:
                by_kind.setdefault(kind, []).append(timed(client, "/api/search", params_of(spec), kind))
    print(f"store: {args.records:,} synthetic records ({Path(db).stat().st_size / 1e6:.0f} MB), "
          f"TestClient in-process, 20 hits per page, total count included", flush=True)
    everything = [v for values in by_kind.values() for v in values]
    print(line("/api/search (all)", everything, [v for kind in by_kind for v in CPU[kind]]))
    for kind, values in by_kind.items():
        print(line("  " + kind, values, CPU[kind]), flush=True)
    sample = kinds["rare word"] + kinds["two words"]
    wall = [timed(client, "/api/facets", params_of(s), "facets") for s in sample]
    print(line("/api/facets (rare, 2w)", wall, CPU["facets"]))
    wall = [timed(client, "/api/facets", params_of(s), "facets-common") for s in kinds["common word"]]
    print(line("/api/facets (common)", wall, CPU["facets-common"]))
    print(line("/ HTML page + facets", [timed(client, "/", params_of(s), "page") for s in sample], CPU["page"]))
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    if TIMEOUTS:
        print(f"{len(TIMEOUTS)} requests hit the 2 s query limit (503): " + "; ".join(TIMEOUTS[:5]))


if __name__ == "__main__":
    main()
