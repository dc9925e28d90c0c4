"""Whole articles written for these tests in the style of Indonesian and Malaysian news pages, run through
``warta process``: the header, the actors, the quotes and the coded events an analyst would expect."""

import json

from conftest import FIXTURES, assert_valid_record
from typer.testing import CliRunner

from warta.cli import app

ARTICLES = FIXTURES / "articles"


def _record(name: str) -> dict:
    result = CliRunner().invoke(app, ["process", str(ARTICLES / name)], catch_exceptions=False)
    assert result.exit_code == 0
    (record,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert_valid_record(record)
    return record


def _entities(record: dict) -> dict:
    return {e["name"]: (e["type"], e.get("country"), e.get("role")) for e in record["entities"]}


def _events(record: dict) -> set:
    return {
        (e["type"], e["actor"].get("country"), (e.get("recipient") or {}).get("country")) for e in record["events"]
    }


def test_defence_ministers_meeting():
    record = _record("id_pertahanan.txt")
    assert (record["dateline"], record["published"], record["language"]) == ("Jakarta", "2025-03-15", "id")
    assert any("Baca juga" in b for b in record["boilerplate"])
    found = _entities(record)
    assert found["Sjafrie Sjamsoeddin"] == ("PER", "IDN", "GOV")
    assert found["Richard Marles"] == ("PER", "AUS", "GOV")
    assert found["Mao Ning"] == ("PER", "CHN", "GOV")
    assert found["Tentara Nasional Indonesia"] == ("ORG", "IDN", "MIL")
    assert found["Laut China Selatan"][1] is None  # a sea named after a country is in none
    direct = [q for q in record["quotes"] if q["kind"] == "direct"]
    speakers = {e["id"]: e["name"] for e in record["entities"]}
    assert [speakers.get(q.get("speaker")) for q in direct] == ["Sjafrie Sjamsoeddin"]
    events = _events(record)
    assert {("CONSULT", "IDN", "AUS"), ("AGREE", "IDN", "AUS"), ("AGREE", "AUS", "IDN")} <= events
    assert ("ACCUSE", "CHN", "AUS") in events
    consult = next(e for e in record["events"] if e["type"] == "CONSULT")
    assert consult["date"] == "2025-03-14"  # "pada Jumat (14/3/2025)"
    assert all(not e.get("date") or e["date"] <= "2025-03-15" for e in record["events"])


def test_malaysian_leaders_meeting_and_a_police_arrest():
    record = _record("ms_sempadan.txt")
    assert (record["dateline"], record["language"]) == ("Putrajaya", "ms")
    found = _entities(record)
    assert found["Anwar Ibrahim"] == ("PER", "MYS", "GOV")
    assert found["Prabowo Subianto"] == ("PER", "IDN", "GOV")
    assert found["Polis Diraja Malaysia"] == ("ORG", "MYS", "COP")
    assert found["Laut China Selatan"][1] is None and found["Laut Sulawesi"][1] is None
    assert "China Selatan" not in found
    events = _events(record)
    assert {("CONSULT", "MYS", "IDN"), ("AGREE", "MYS", "IDN"), ("AGREE", "IDN", "MYS")} <= events
    assert ("REQUEST", "MYS", "CHN") in events and ("COERCE", "MYS", None) in events
    assert not [e for e in record["events"] if e["type"] == "AID"]  # "mesti saling membantu": a duty, no act


def test_anti_corruption_arrest_protest_and_a_weekday_header():
    record = _record("id_kpk.txt")
    assert (record["site"], record["dateline"], record["published"]) == (None, "Jakarta", "2025-11-06")
    found = _entities(record)
    assert found["Komisi Pemberantasan Korupsi"] == ("ORG", "IDN", "GOV")
    assert found["Ardito Wijaya"][:2] == ("PER", "IDN")
    assert found["RS"][0] == "PER" and found["AH"][0] == "PER"  # "berinisial RS dan AH": two people
    assert found["Tito Karnavian"] == ("PER", "IDN", "GOV")
    arrests = [e for e in record["events"] if e["type"] == "COERCE" and e["actor"]["name"] == "Komisi Pemberantasan Korupsi"]
    assert arrests and arrests[0]["recipient"]["name"] == "Ardito Wijaya"
    protest = next(e for e in record["events"] if e["type"] == "PROTEST")
    assert protest["date"] == "2025-11-05"  # "Rabu (5/11/2025)"
