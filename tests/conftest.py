import json
from functools import cache
from importlib import resources
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(str(resources.files("warta") / "examples"))


@cache
def record_schema() -> dict:
    return json.loads((resources.files("warta") / "schema" / "record.schema.json").read_text(encoding="utf-8"))


def assert_valid_record(record: dict) -> None:
    import jsonschema

    jsonschema.validate(record, record_schema())
    text = record["text"]
    assert text == "\n\n".join(record["paragraphs"])
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(text)
    for quote in record["quotes"]:
        assert 0 <= quote["start"] < quote["end"] <= len(text)
    for event in record["events"]:
        assert 0 <= event["evidence"]["start"] < event["evidence"]["end"] <= len(text)


@pytest.fixture
def db_path(tmp_path) -> str:
    return str(tmp_path / "test.db")
