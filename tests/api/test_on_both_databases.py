"""The API, the workflow's ledger steps and the job index on SQLite and on PostgreSQL: the
same films, the same exact books, whichever database the deployment chose."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from temporalio.client import Client

from api.main import create_app
from core.settings import Settings
from devstack.postgres import PostgresServer
from tests.conftest import DATABASES, api_client, make_settings, wait_for
from worker.assembly import build_workers

SCRIPT = """SCENE 1: INT. KITCHEN - DAY
SHOT 1 (WIDE, STATIC, 2s): A kettle boils.
SHOT 2 (CLOSE, PUSH_IN, 2s): MAYA: Tea?
"""


@dataclass
class Stack:
    settings: Settings
    app: FastAPI


@pytest.fixture(scope="module", params=DATABASES)
async def stack(
    request: pytest.FixtureRequest, client: Client, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    root = tmp_path_factory.mktemp(f"on-{request.param}")
    overrides: dict[str, object] = {}
    if request.param == "postgresql":
        server: PostgresServer = request.getfixturevalue("postgres")
        overrides["database_url"] = server.create_database()
    settings = make_settings(client, root, **overrides)
    assert settings.database_url.startswith(request.param)
    settings.artifact_root.mkdir(parents=True)
    app = create_app(settings, temporal=client)
    async with AsyncExitStack() as stack:
        for worker in build_workers(client, settings, settings.task_queues().names()):
            await stack.enter_async_context(worker)
        await stack.enter_async_context(app.router.lifespan_context(app))
        yield Stack(settings, app)


async def _finished(http: httpx.AsyncClient, job: str) -> dict[str, object] | None:
    """The job once it has ended and its books are settled: the workflow records
    `completed` as it publishes, and releases what it still holds right after."""
    body: dict[str, Any] = (await http.get(f"/api/v1/jobs/{job}")).json()
    ended = body["status"] in ("completed", "failed", "cancelled")
    return body if ended and body["cost"]["held"] == 0 else None


async def test_films_and_their_books_are_exact(stack: Stack) -> None:
    key = stack.app.state.ledger.create_tenant("exact", 100).key
    async with api_client(stack.app, key) as http:
        preview = (await http.post("/api/v1/scripts/preview", json={"script": SCRIPT})).json()
        jobs = [
            (await http.post("/api/v1/jobs", json={"script": SCRIPT, "title": f"T{n}"})).json()
            for n in range(2)
        ]
        done = [await wait_for(lambda j=job: _finished(http, j["job_id"])) for job in jobs]
        credits = (await http.get("/api/v1/credits")).json()
        page = (await http.get("/api/v1/jobs", params={"limit": 1})).json()
        film = await http.get(f"/api/v1/jobs/{jobs[0]['job_id']}/files/film.mp4")
    assert [job["status"] for job in done] == ["completed", "completed"]
    estimate = preview["estimate"]
    exact = round(sum(estimate[part] for part in ("picture", "voice", "music", "render")), 3)
    assert [job["cost"] for job in done] == [
        {"estimated": estimate["credits"], "held": 0.0, "spent": exact}
    ] * 2
    assert credits["granted"] == 100 and credits["held"] == 0
    assert credits["spent"] == pytest.approx(2 * exact)
    assert credits["available"] + credits["held"] + credits["spent"] == pytest.approx(100)
    assert page["total"] == 2 and [item["title"] for item in page["items"]] == ["T1"]
    assert film.status_code == 200 and film.content[4:8] == b"ftyp"


async def test_two_jobs_racing_for_the_last_credits(stack: Stack) -> None:
    async with api_client(stack.app, stack.app.state.ledger.create_tenant("probe").key) as probe:
        one = (await probe.post("/api/v1/scripts/preview", json={"script": SCRIPT})).json()
    credits = int(one["estimate"]["credits"] * 1.5) + 1  # one film fits, two do not
    tenant = stack.app.state.ledger.create_tenant("last-credits", credits)
    async with api_client(stack.app, tenant.key) as http:
        submitted = await asyncio.gather(
            *(http.post("/api/v1/jobs", json={"script": SCRIPT}) for _ in range(2))
        )
        accepted = [
            response.json()["job_id"] for response in submitted if response.status_code == 202
        ]
        done = [await wait_for(lambda j=job: _finished(http, j)) for job in accepted]
    statuses = sorted(str(job["status"]) for job in done)
    refused_at_submit = [r for r in submitted if r.status_code == 402]
    # Either the API's pre-check refuses one, or both start and the second's hold fails.
    assert len(refused_at_submit) + statuses.count("failed") == 1, (statuses, submitted)
    assert statuses.count("completed") == 1
    balance = stack.app.state.ledger.balance(tenant.tenant.id)
    assert balance.balanced and balance.held == 0
    exact = sum(one["estimate"][part] for part in ("picture", "voice", "music", "render"))
    assert balance.spent == round(exact * 1000)


async def test_another_tenants_jobs_do_not_exist(stack: Stack) -> None:
    owner = stack.app.state.ledger.create_tenant("owner", 100).key
    other = stack.app.state.ledger.create_tenant("other", 100).key
    async with api_client(stack.app, owner) as http, api_client(stack.app, other) as stranger:
        job = (await http.post("/api/v1/jobs", json={"script": SCRIPT})).json()["job_id"]
        assert (await stranger.get(f"/api/v1/jobs/{job}")).status_code == 404
        assert (await stranger.get("/api/v1/jobs")).json()["total"] == 0
        await wait_for(lambda: _finished(http, job))
        assert (await stranger.get(f"/api/v1/jobs/{job}/files/film.mp4")).status_code == 404
        assert (await http.get("/api/v1/jobs")).json()["total"] == 1
