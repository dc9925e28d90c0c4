"""Contract test: schemathesis walks every operation in /openapi.json with generated parameters (valid and
invalid) and checks that nothing answers 5xx and that every response conforms to the spec (status codes,
content types, response schemas)."""

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="pip install schemathesis")
pytest.importorskip("fastapi")
from hypothesis import HealthCheck, settings  # noqa: E402
from webdata import fill_store  # noqa: E402

from warta.web import create_app  # noqa: E402


@pytest.fixture(scope="session")
def web_app(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("contract") / "web.db")
    fill_store(db)
    return create_app(db, token="contract-token")


schema = schemathesis.pytest.from_fixture("web_schema")


@pytest.fixture(scope="session")
def web_schema(web_app):
    return schemathesis.openapi.from_asgi("/openapi.json", web_app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms(case):
    case.call_and_validate()
