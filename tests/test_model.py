"""The record model and its warta/1 JSON form."""

from conftest import assert_valid_record

from warta.model import Article, Entity, Event, Image, Party, Quote, Record, Span, record_id


def full_record() -> Record:
    text_paragraphs = ["Presiden Joko Widodo bertemu Perdana Menteri Anwar Ibrahim di Jakarta.",
                       "“Kami sepakat,” kata Anwar."]
    article = Article(paragraphs=text_paragraphs, title="Pertemuan", site="Contoh.com", dateline="Jakarta",
                      published="2024-01-02", language="id", credit="ab/cd", authors=["Budi"],
                      images=[Image("a.jpg", "Foto")], boilerplate=["Iklan"], encoding="utf-8")
    text = article.text
    start = text.index("Anwar Ibrahim")
    entity = Entity("e1", "Anwar Ibrahim", "PER", [Span(start, start + 13, "Anwar Ibrahim")], country="MYS",
                    role="GOV")
    q_start = text.index("Kami")
    quote = Quote("Kami sepakat,", "direct", q_start, q_start + 13, speaker="e1", speaker_name="Anwar Ibrahim",
                  cue="kata")
    event = Event("CONSULT", Party("Joko Widodo", country="IDN", role="GOV"), Span(0, 60),
                  recipient=Party("Anwar Ibrahim", entity="e1", country="MYS"), cameo="040", date="2024-01-02")
    return Record(record_id("https://contoh.com/a", b"x"), article, {"kind": "text", "path": "a.txt"},
                  [entity], [quote], [event], ["extract.flat.v1"])


def test_record_json_is_schema_valid_and_round_trips():
    record = full_record()
    data = record.to_json()
    assert_valid_record(data)
    assert data["schema"] == "warta/1"
    assert data["source"]["encoding"] == "utf-8"
    assert Record.from_json(data).to_json() == data


def test_record_id_is_stable_and_depends_on_url_and_content():
    assert record_id("u", b"a") == record_id("u", b"a")
    assert record_id("u", b"a") != record_id("v", b"a")
    assert record_id(None, b"a") != record_id(None, b"b")
