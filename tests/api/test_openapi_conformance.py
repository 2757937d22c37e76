"""Schemathesis against the app's own OpenAPI, in process (ASGI, no network), with a test
tenant's key: no server errors, every answer's status and body as documented."""

from __future__ import annotations

from itertools import product
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)
from temporalio.client import Client

from accounts.ledger import Ledger
from api.main import create_app
from storage.database import create_tables, make_engine
from tests.conftest import make_settings

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]


@pytest.fixture(scope="module")
def fuzzed(client: Client, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, str]:
    root: Path = tmp_path_factory.mktemp("fuzz")
    # No rate limit, so every generated request reaches its route; no workers: films queue.
    fuzz_settings = make_settings(client, root, requests_per_minute=0, films_in_flight=0)
    engine = make_engine(fuzz_settings.database_url)
    create_tables(engine)
    key = Ledger(engine).create_tenant("fuzz", 200).key
    engine.dispose()
    app = create_app(fuzz_settings)  # schemathesis runs its lifespan on its own event loop
    return schemathesis.openapi.from_asgi("/openapi.json", app), key


def test_the_api_holds_to_its_openapi(fuzzed: tuple[Any, str]) -> None:
    api_schema, key = fuzzed
    headers = {"Authorization": f"Bearer {key}"}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 13
    seen: list[tuple[str, int]] = []
    unsatisfiable: list[str] = []
    for operation, mode in product(operations, GenerationMode):  # valid and invalid input

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=25,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case: schemathesis.Case) -> None:
            response = case.call_and_validate(headers=headers, checks=CHECKS)
            seen.append((case.operation.label, response.status_code))

        try:
            conforms()
        except Unsatisfiable:  # nothing of this operation can be made invalid (e.g. /health)
            assert mode is GenerationMode.NEGATIVE, operation.label
            unsatisfiable.append(operation.label)

    assert {label for label, _ in seen} == {operation.label for operation in operations}
    statuses = sorted({status for _, status in seen})
    print(f"{len(seen)} requests over {len(operations)} operations; statuses {statuses}")
    print(f"nothing to make invalid in: {unsatisfiable}")
    assert len(unsatisfiable) <= 2
    assert any(status < 300 for status in statuses) and 422 in statuses
