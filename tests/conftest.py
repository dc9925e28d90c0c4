import json
import os
import uuid
from contextlib import contextmanager
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


@contextmanager
def postgres_schema():
    """A URL into a fresh schema of the PostgreSQL at ``WARTA_TEST_PG`` (``.ci/run`` starts one), dropped
    afterwards; skips the test with the reason when there is no server."""
    from urllib.parse import quote

    url = os.environ.get("WARTA_TEST_PG")
    if not url:
        pytest.skip("no PostgreSQL to test against: set WARTA_TEST_PG=postgresql://... (.ci/run does)")
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'warta[postgres]')")
    try:
        admin = psycopg.connect(url, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as err:
        pytest.skip(f"PostgreSQL at WARTA_TEST_PG is not reachable: {err}")
    schema = "t_" + uuid.uuid4().hex[:12]
    admin.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()
