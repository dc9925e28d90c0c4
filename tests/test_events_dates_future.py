"""An event's date is never after publication: a future time in its clause is what was agreed or planned for."""

from test_events import coded


def test_a_future_year_in_an_agreement_is_not_the_event_date():
    record = coded(
        [
            "JAKARTA — Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Jepang Takeshi Iwaya di Jakarta pada Jumat.",
            "Sugiono berjanji kepada Jepang untuk menggelar latihan bersama pada tahun depan.",
        ],
        "id",
    )
    promises = [e for e in record.events if e.type == "AGREE"]
    assert promises and all(e.date is None or e.date <= "2024-05-18" for e in promises)
    meetings = [e for e in record.events if e.type == "CONSULT"]
    assert meetings and meetings[0].date == "2024-05-17"


def test_a_past_date_in_the_sentence_still_dates_the_event():
    record = coded(["Police arrested two suspects in Jakarta last week, officials said."], "en")
    (arrest,) = [e for e in record.events if e.type == "COERCE"]
    assert arrest.date == "2024-W19"


def test_a_duty_stated_with_mesti_is_no_act():
    record = coded(['"Malaysia dan Indonesia mesti saling membantu," kata Perdana Menteri Anwar Ibrahim.'], "ms")
    assert not [e for e in record.events if e.type == "AID"]
