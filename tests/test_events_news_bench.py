"""The news event benchmark's blind draw (bench/events_news.py --draw) and its labels file, on synthetic texts."""

import importlib.util
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.append(str(BENCH))  # events_news imports events_common from its own folder (last: shadows nothing)
spec = importlib.util.spec_from_file_location("events_news", BENCH / "events_news.py")
news = importlib.util.module_from_spec(spec)
spec.loader.exec_module(news)

PLOVER = set(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
    "MOBILIZE COERCE ASSAULT".split()
)


def test_relevance_rule_needs_a_whole_authority_word_in_the_first_1000_characters():
    assert news.relevant("MEDAN , KOMPAS — Polisi menangkap tiga orang .", "id")
    assert news.relevant("Ribuan buruh berunjuk rasa . Mereka melakukan unjuk rasa di depan gedung .", "id")
    assert not news.relevant("Harga cabai naik di pasar tradisional .", "id")
    assert not news.relevant("x" * 1000 + " polisi", "id")  # too late
    assert news.relevant("Protesters marched on the capital.", "en")
    assert not news.relevant("A Protestant church held a bake sale.", "en")  # whole words only


def test_draw_is_seeded_skips_labelled_and_irrelevant_and_keeps_its_order_when_enlarged():
    texts = {f"pfsa-id-dev40-{i:04d}": "Pemerintah melarang mudik ." for i in range(30)}
    texts.update({f"{i:064x}": "The government said no." for i in range(20)})
    texts["pfsa-id-dev40-0999"] = "Harga cabai naik ."  # no authority word
    english = "The police said that the men in the car went to the court of the city and the town."
    texts.update({"wcxb-dev-0001": english, "wcxb-dev-0002": "La police a dit que le gouvernement ..."})
    labelled = {"pfsa-id-dev40-0003", f"{5:064x}"}
    counts = {"pfsa-id": 5, "scrapinghub": 3, "wcxb": 2}
    small = news.draw(texts, labelled, counts)
    large = news.draw(texts, labelled, {"pfsa-id": 10, "scrapinghub": 6, "wcxb": 2})
    assert small == news.draw(texts, labelled, counts)
    assert large["pfsa-id"][:5] == small["pfsa-id"] and large["scrapinghub"][:3] == small["scrapinghub"]
    assert small["wcxb"] == ["wcxb-dev-0001"]  # the French page is not English
    chosen = large["pfsa-id"] + large["scrapinghub"]
    assert not labelled & set(chosen) and "pfsa-id-dev40-0999" not in chosen
    assert all(d.startswith("pfsa-id-") for d in large["pfsa-id"]) and len(set(chosen)) == 16
    assert [news.doc_lang(d) for d in ("pfsa-id-dev40-0001", "wcxb-dev-0001", f"{1:064x}")] == [
        "id",
        "en",
        "en",
    ]


def test_window_ends_at_the_first_sentence_or_paragraph_end_after_1000_characters():
    id_text = "Kata " * 190 + "awal ." + " kata" * 15 + " akhir . Berikut ." + " lagi ." * 10
    assert news.window_end(id_text, "id") == id_text.index(" akhir .") + len(
        " akhir ."
    )  # not "awal ." at 956
    paragraphs = ["A" * 600 + ".", "B" * 600 + ".", "C" * 100 + "."]
    en_text = "\n\n".join(paragraphs)
    assert news.window_end(en_text, "en") == len(paragraphs[0]) + 2 + len(paragraphs[1])
    long_paragraph = "Short one. " * 200  # one paragraph of 2,200 characters: cut at a sentence end
    end = news.window_end(long_paragraph, "en")
    assert 1000 <= end <= 1015 and long_paragraph[:end].endswith(".")
    assert news.window_end("Brief.", "en") == len("Brief.")


def test_labels_file_is_consistent():
    docs = [json.loads(line) for line in news.LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len({d["doc"] for d in docs}) == len(docs)
    test = [d for d in docs if d["split"] == "test"]
    assert len(test) >= 40 and sum(len(d["events"]) for d in test) >= 50
    for doc in docs:
        assert doc["split"] in ("dev", "test") and doc["lang"] == news.doc_lang(doc["doc"])
        assert doc["source"] == news.doc_source(doc["doc"])
        assert doc["window"][0] == 0 and doc["window"][1] > 0
        assert not (doc["split"] == "test" and doc.get("retired_test"))
        for event in doc["events"]:
            assert event["type"] in PLOVER and set(event["also"]) <= PLOVER
            start, end = event["evidence"]
            assert 0 <= start < end and start < doc["window"][1]
            assert event["actor"] and (event["recipient"] is None) == (event["recipient_country"] is None)
    assert {d.get("labelled") for d in test} == {"2026-11-27 blind", "2026-11-29 blind"}  # the blind batches


def test_check_labels_reports_bad_windows_and_evidence():
    text = "Polisi menangkap tiga pemuda di pasar . " * 30  # 1,200 characters of made-up Indonesian
    good = {
        "doc": "pfsa-id-x-0001",
        "lang": "id",
        "window": [0, news.window_end(text, "id")],
        "labelled": "blind",
    }
    good["events"] = [{"type": "COERCE", "evidence": [0, 16]}]
    assert news.check_labels([good], {"pfsa-id-x-0001": text}) == []
    bad = dict(good, window=[0, 900], events=[{"type": "COERCE", "evidence": [6, 17]}])  # cut + padded span
    assert len(news.check_labels([bad], {"pfsa-id-x-0001": text})) == 2
    assert news.check_labels([good], {}) == ["pfsa-id-x-0001: no text"]
