"""Pure rendering helpers: annotated text from arbitrary spans, snippet marks, charts, network, tone."""

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.store.query import split_snippet
from warta.web import render

span = st.fixed_dictionaries({"start": st.integers(-3, 60), "end": st.integers(-3, 60)})


@settings(max_examples=300, deadline=None)
@given(paragraphs=st.lists(st.text(min_size=1, max_size=20).filter(lambda p: "\n\n" not in p), min_size=1,
                           max_size=4),
       mentions=st.lists(span, max_size=6), quotes=st.lists(span, max_size=3), events=st.lists(span, max_size=3))
def test_annotated_text_keeps_every_character(paragraphs, mentions, quotes, events):
    text = "\n\n".join(paragraphs)
    record = {"text": text,
              "entities": [{"name": "<b>X</b>", "type": "PER", "mentions": mentions}],
              "quotes": [{**q, "text": "q", "kind": "direct"} for q in quotes],
              "events": [{"type": "ASSAULT", "actor": {"name": "a"}, "evidence": e} for e in events]}
    out = render.annotated_paragraphs(record)
    assert ["".join(seg.text for seg in para) for para in out] == [p for p in text.split("\n\n") if p]
    for para in out:
        for seg in para:
            assert seg.classes.replace("-", "").replace(" ", "").isalnum() or seg.plain


def test_overlapping_spans_nest_innermost_entity():
    text = "Presiden Joko Widodo berkata"
    record = {"text": text, "quotes": [], "events": [],
              "entities": [{"name": "Presiden Joko Widodo", "type": "PER", "mentions": [{"start": 0, "end": 20}]},
                           {"name": "Joko Widodo", "type": "PER", "mentions": [{"start": 9, "end": 20}]}]}
    [para] = render.annotated_paragraphs(record)
    assert [(s.text, s.entity) for s in para] == [("Presiden ", "Presiden Joko Widodo"),
                                                  ("Joko Widodo", "Joko Widodo"), (" berkata", None)]


@given(st.text())
def test_snippet_markers_never_leak(text):
    plain, spans = split_snippet(text)
    assert "\x02" not in plain and "\x03" not in plain
    assert all(0 <= a < b <= len(plain) for a, b in spans)
    assert "".join(p for p, _ in render.snippet_parts(plain, spans)) == plain


def test_tone_and_network():
    assert render.tone("AID") == "cooperative" and render.tone("REQUEST") == "neutral"
    assert render.tone("COERCE") == "conflictual" and render.tone(None) == "neutral"
    net = render.network([("A", "B", "ASSAULT", 3), ("A", "B", "CONSULT", 1), ("B", "A", "AID", 2),
                          ("C", "C", "AGREE", 5)])
    assert {n.name for n in net.nodes} == {"A", "B"}  # self-loops are dropped
    edges = {(e.source, e.target): e for e in net.edges}
    assert edges[("A", "B")].tone == "conflictual" and edges[("A", "B")].count == 4
    assert edges[("B", "A")].tone == "cooperative"
    assert render.network([]).nodes == []


def test_periods_pick_days_or_months():
    assert render.periods([("2024-03-01", 1), ("2024-03-03", 1)]) == ("day", ["2024-03-01", "2024-03-02",
                                                                              "2024-03-03"])
    granularity, buckets = render.periods([("2023-11-20", 1), ("2024-02-01", 1), ("nonsense", 3)])
    assert granularity == "month" and buckets == ["2023-11", "2023-12", "2024-01", "2024-02"]
    chart = render.mentions_chart([("2024-03-01", 2), ("2024-03-03", 1)])
    assert not chart.empty and chart.max_value == 2 and len(chart.bars) == 2
