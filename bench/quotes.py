"""Quote benchmark: warta's real pipeline (every registered annotator: entities when present, then quotes) on
PFSA-ID dev (Indonesian, evaluation only) and on warta's own English labels (bench/data/quotes_en.jsonl).

    python bench/quotes.py [--shared ../shared] [--en-split test] [--limit N] [--show-misses N]

Numbers printed per set:
- statement recall: a gold quote counts as found when one predicted quote covers at least half of its words;
  exact: the predicted span equals the gold span once quote marks, spaces and edge punctuation are stripped;
- precision (overlap / exact): predicted quotes that overlap / equal a gold quote. PFSA-ID labels only public
  figures' direct quotes, so precision there counts unlabelled quotes and all indirect speech as errors;
- by kind: recall through direct/partial predictions vs indirect ones, and predictions per kind;
- speaker accuracy over found gold quotes with a gold speaker: the predicted speaker's name (canonical, or as the
  text writes it in one of its mentions) shares a name word with the gold speaker. PFSA-ID speakers are often "Presiden", "dia" or a surname (PERSONCOREF); they are
  resolved to a full name through the gold PERSON spans: one sharing a name word, else (a title) the last
  person introduced with that title ("Presiden Joko Widodo"), else the last person before.

PFSA-ID is CC BY-NC-SA: it is read from ../shared only to measure, never copied or used to tune anything.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from warta.model import Article, Record
from warta.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
EN_LABELS = ROOT / "bench" / "data" / "quotes_en.jsonl"
_WORD = re.compile(r"\w+")
_EDGE = " \t\n\"'“”„‟«»‘’.,;:!?"
# Words that never identify a person on their own (titles, pronouns) when comparing speaker names.
_NOT_NAME = frozenset(
    """presiden wakil menteri gubernur bupati wali kota ketua kepala direktur dia ia beliau nya
the president minister he she mr mrs ms dr prof pak bu bapak ibu
kombes akbp kompol akp iptu ipda irjen brigjen jenderal komjen komisaris besar ajun pol polisi
letjen mayjen laksamana marsekal kolonel letkol mayor kapten""".split()
)  # the last two lines: police and military ranks, also titles ("Polda X Kombes" names no one)


@dataclass
class Gold:
    start: int
    end: int
    speaker: str | None  # resolved full name, or None
    speaker_raw: str | None = None
    kind: str = "direct"


@dataclass
class Scores:
    gold: int = 0
    found: int = 0
    exact: int = 0
    pred: int = 0
    pred_overlap: int = 0
    pred_exact: int = 0
    found_by: Counter = field(default_factory=Counter)
    gold_by_kind: Counter = field(default_factory=Counter)
    found_by_gold_kind: Counter = field(default_factory=Counter)
    pred_by_kind: Counter = field(default_factory=Counter)
    pred_overlap_by_kind: Counter = field(default_factory=Counter)
    speaker_total: int = 0
    speaker_ok: int = 0
    misses: list = field(default_factory=list)
    wrong_speakers: list = field(default_factory=list)


def words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def name_words(name: str | None) -> set[str]:
    return {w for w in _WORD.findall((name or "").lower()) if len(w) > 1 and w not in _NOT_NAME}


def run_pipeline(pipeline: Pipeline, text: str, lang: str) -> Record:
    record = Record(id="bench", article=Article(paragraphs=[p for p in text.split("\n\n")], language=lang))
    for annotator in pipeline.annotators():
        annotator.run(record)
        if annotator.name == "nlp.quotes.v1":
            break  # later steps (events) do not change quotes
    return record


def speaker_words(record: Record, quote) -> set[str]:
    """Name words of the predicted speaker: its canonical name and the names the text gives it (the gold is a
    surface form: "Jokowi" and "KPK" are right for the entities named Joko Widodo, Komisi Pemberantasan Korupsi)."""
    found = name_words(quote.speaker_name)
    entity = next((e for e in record.entities if quote.speaker and e.id == quote.speaker), None)
    for mention in entity.mentions if entity is not None else ():
        found |= name_words(mention.text)
    return found


def score_doc(scores: Scores, text: str, golds: list[Gold], record: Record, doc_id: str) -> None:
    preds = record.quotes
    scores.pred += len(preds)
    for q in preds:
        scores.pred_by_kind[q.kind] += 1
        overlap = any(q.start < g.end and g.start < q.end for g in golds)
        scores.pred_overlap += overlap
        scores.pred_overlap_by_kind[q.kind] += overlap
        scores.pred_exact += any(
            strip_span(text, q.start, q.end) == strip_span(text, g.start, g.end) for g in golds
        )
    for g in golds:
        scores.gold += 1
        scores.gold_by_kind[g.kind] += 1
        gw = words(text, g.start, g.end)
        best, best_cover = None, 0.0
        for q in preds:
            cover = sum(1 for s, e in gw if q.start <= s and e <= q.end) / max(len(gw), 1)
            if cover > best_cover:
                best, best_cover = q, cover
        if best is None or best_cover < 0.5:
            scores.misses.append((doc_id, text[g.start : g.end][:160]))
            continue
        scores.found += 1
        scores.found_by["indirect" if best.kind == "indirect" else "quoted"] += 1
        scores.found_by_gold_kind[g.kind] += 1
        scores.exact += strip_span(text, best.start, best.end) == strip_span(text, g.start, g.end)
        if g.speaker:
            scores.speaker_total += 1
            if name_words(g.speaker) & speaker_words(record, best):
                scores.speaker_ok += 1
            else:
                scores.wrong_speakers.append(
                    (
                        doc_id,
                        g.speaker_raw,
                        g.speaker,
                        best.speaker_name,
                        best.cue,
                        text[best.start : best.end][:80],
                    )
                )


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def report(name: str, s: Scores, show: int) -> None:
    print(f"== {name}")
    print(f"  gold quotes {s.gold}, predicted {s.pred}")
    print(
        f"  statement recall (>=1/2 words covered) {ratio(s.found, s.gold)}"
        f"   exact recall {ratio(s.exact, s.gold)}"
    )
    p_over, p_exact = s.pred_overlap / max(s.pred, 1), s.pred_exact / max(s.pred, 1)
    r_over, r_exact = s.found / max(s.gold, 1), s.exact / max(s.gold, 1)
    f_over = 2 * p_over * r_over / (p_over + r_over) if p_over + r_over else 0.0
    f_exact = 2 * p_exact * r_exact / (p_exact + r_exact) if p_exact + r_exact else 0.0
    print(
        f"  precision overlap {p_over:.3f} exact {p_exact:.3f}   F1 overlap {f_over:.3f} exact {f_exact:.3f}"
    )
    for kind in sorted(s.gold_by_kind):
        print(
            f"  gold {kind}: {s.gold_by_kind[kind]},"
            f" recall {ratio(s.found_by_gold_kind[kind], s.gold_by_kind[kind])}"
        )
    print(
        f"  found through quoted (direct/partial) predictions {s.found_by['quoted']}, through indirect "
        f"{s.found_by['indirect']}"
    )
    for kind in ("direct", "partial", "indirect"):
        print(f"  predicted {kind}: {s.pred_by_kind[kind]}, overlapping gold {s.pred_overlap_by_kind[kind]}")
    print(f"  speaker accuracy {ratio(s.speaker_ok, s.speaker_total)} ({s.speaker_ok}/{s.speaker_total})")
    for doc_id, snippet in s.misses[:show]:
        print(f"    MISS {doc_id}: {snippet!r}")
    for row in s.wrong_speakers[:show]:
        print(f"    SPEAKER {row}")


# --------------------------------------------------------------------------------------------- PFSA-ID


def pfsa_persons(txt: Path, articles: Path) -> dict[str, list[tuple[int, int]]]:
    """PERSON spans (character offsets into the jsonl ``text``) per article, from the BILOU token file."""
    lines = txt.read_text(encoding="utf-8").split("\n")
    out: dict[str, list[tuple[int, int]]] = {}
    rows = [r.split("\t") for r in articles.read_text(encoding="utf-8").splitlines()[1:]]
    for row in rows:
        art_id, first, n_tokens = row[0], int(row[3]) - 1, int(row[5])
        spans, pos, taken, k, start = [], 0, 0, first, None
        while taken < n_tokens and k < len(lines):
            line = lines[k]
            k += 1
            if not line.strip():
                continue
            token, _, label = line.partition("\t")
            if label in ("B-PERSON", "U-PERSON"):
                start = pos
            if label in ("L-PERSON", "U-PERSON") and start is not None:
                spans.append((start, pos + len(token)))
                start = None
            pos += len(token) + 1
            taken += 1
        out[art_id] = spans
    return out


def resolve_pfsa_speaker(text: str, span: list[int] | None, persons: list[tuple[int, int]]) -> str | None:
    if not span:
        return None
    raw = text[span[0] : span[1]]
    if (span[0], span[1]) in persons:
        return raw
    before = [p for p in persons if p[1] <= span[0]]
    own = name_words(raw)
    for p in reversed(before):
        if own and own & name_words(text[p[0] : p[1]]):
            return text[p[0] : p[1]]
    if own:
        return raw  # a surname never introduced in a labelled span: compare as written
    title = raw.lower().split()
    for p in reversed(before):  # "Presiden" -> the person introduced as "Presiden Joko Widodo"
        if title and text[max(0, p[0] - 40) : p[0]].lower().split()[-4:][-len(title) :] == title:
            return text[p[0] : p[1]]
    return text[before[-1][0] : before[-1][1]] if before else None


def bench_pfsa(folder: Path, pipeline: Pipeline, limit: int | None, show: int, lenient: bool) -> None:
    jsonl = folder / "pfsa-id-dev.jsonl"
    if not jsonl.exists():
        print(f"no PFSA-ID at {folder}: skipped")
        return
    persons = pfsa_persons(folder / "pfsa-id-dev.txt", folder / "articles.tsv")
    scores = Scores()
    for n, line in enumerate(jsonl.open(encoding="utf-8")):
        if limit and n >= limit:
            break
        row = json.loads(line)
        text = row["text"]
        golds = []
        for q in row["quotes"]:
            span = q["speaker"] or (q.get("speaker_guess") if lenient else None)
            golds.append(
                Gold(
                    q["statement"][0],
                    q["statement"][1],
                    resolve_pfsa_speaker(text, span, persons.get(row["id"], [])),
                    text[span[0] : span[1]] if span else None,
                )
            )
        score_doc(scores, text, golds, run_pipeline(pipeline, text, "id"), row["id"])
    report(f"PFSA-ID dev ({'lenient speaker_guess' if lenient else 'strict speaker'})", scores, show)


# --------------------------------------------------------------------------------------------- English


def en_text(body: str) -> str:
    """Text the English labels index: the gold body's non-empty lines, stripped, one paragraph each."""
    return "\n\n".join(line.strip() for line in body.splitlines() if line.strip())


def bench_en(labels: Path, shared: Path, pipeline: Pipeline, split: str, show: int) -> None:
    truth_path = shared / "bench" / "extraction" / "scrapinghub" / "ground-truth.json"
    if not labels.exists() or not truth_path.exists():
        print(f"no English labels or pages ({labels}, {truth_path}): skipped")
        return
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    scores = Scores()
    for line in labels.open(encoding="utf-8"):
        row = json.loads(line)
        if split != "all" and row["split"] != split:
            continue
        text = en_text(truth[row["doc"]]["articleBody"])
        golds = []
        for q in row["quotes"]:
            assert text[q["start"] : q["start"] + len(q["head"])] == q["head"], (row["doc"], q["head"])
            golds.append(Gold(q["start"], q["end"], q.get("speaker"), q.get("speaker"), q["kind"]))
        score_doc(scores, text, golds, run_pipeline(pipeline, text, "en"), row["doc"])
    report(f"English scrapinghub, {split} half", scores, show)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--en-labels", default=str(EN_LABELS))
    parser.add_argument("--en-split", default="test", choices=("dev", "test", "all"))
    parser.add_argument("--only", choices=("pfsa", "en"), default=None)
    parser.add_argument("--limit", type=int, default=None, help="PFSA-ID articles to read")
    parser.add_argument("--show-misses", type=int, default=0)
    args = parser.parse_args()
    shared = Path(args.shared)
    if not shared.is_dir():
        print(f"no shared folder at {shared}: skipped")
        return 0
    pipeline = Pipeline()
    print("annotators:", ", ".join(a.name for a in pipeline.annotators()))
    if args.only in (None, "pfsa"):
        folder = shared / "data" / "quotes" / "pfsa-id" / "dev"
        bench_pfsa(folder, pipeline, args.limit, args.show_misses, lenient=False)
        bench_pfsa(folder, pipeline, args.limit, 0, lenient=True)
    if args.only in (None, "en"):
        bench_en(Path(args.en_labels), shared, pipeline, args.en_split, args.show_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
