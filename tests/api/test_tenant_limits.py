"""Per-tenant limits: requests per minute shared by every API process through the
database, and films in flight; both 429 problems with Retry-After."""

from __future__ import annotations

import uuid
from contextlib import AsyncExitStack
from pathlib import Path

import httpx
from fastapi import FastAPI
from sqlmodel import Session
from temporalio.client import Client

from api.main import create_app
from api.models import Job, JobStatus
from tests.conftest import api_client, make_settings

VALID = "SCENE 1: INT. ROOM - DAY\nSHOT 1: Wide - 2s\nA quiet room.\n"


async def _apps(
    stack: AsyncExitStack, client: Client, root: Path, **limits: object
) -> list[FastAPI]:
    settings = make_settings(client, root, **limits)  # one database for both processes
    apps = [create_app(settings, temporal=client) for _ in range(2)]
    for app in apps:
        await stack.enter_async_context(app.router.lifespan_context(app))
    return apps


async def test_two_api_processes_share_one_request_limit(client: Client, tmp_path: Path) -> None:
    async with AsyncExitStack() as stack:
        first, second = await _apps(stack, client, tmp_path, requests_per_minute=5)
        key = first.state.ledger.create_tenant("chatty", 100).key
        other = first.state.ledger.create_tenant("quiet", 100).key
        a = await stack.enter_async_context(api_client(first, key))
        b = await stack.enter_async_context(api_client(second, key))
        answers = [await http.get("/api/v1/credits") for http in (a, b, a, b, a)]
        assert [r.status_code for r in answers] == [200] * 5
        for http in (a, b):  # the sixth request, on either process, is over the limit
            refused = await http.get("/api/v1/credits")
            assert refused.status_code == 429
            assert refused.headers["content-type"] == "application/problem+json"
            assert refused.json()["code"] == "RateLimited"
            assert 1 <= int(refused.headers["retry-after"]) <= 60
        quiet = await stack.enter_async_context(api_client(second, other))
        assert (await quiet.get("/api/v1/credits")).status_code == 200  # per tenant
        assert (await a.get("/health")).status_code == 200  # /health is never limited


async def test_films_in_flight_are_limited_and_a_revision_window_is_not_in_flight(
    client: Client, tmp_path: Path
) -> None:
    async with AsyncExitStack() as stack:
        app, _ = await _apps(stack, client, tmp_path, films_in_flight=2)
        tenant = app.state.ledger.create_tenant("busy", 1000)
        http = await stack.enter_async_context(api_client(app, tenant.key))
        ids = [uuid.uuid4().hex for _ in range(2)]
        rows = [
            Job(id=job_id, workflow_id=f"film-{job_id}",
                tenant_id=tenant.tenant.id, status=JobStatus.RUNNING)
            for job_id in ids
        ]  # fmt: skip
        with Session(app.state.engine) as session:
            session.add_all(rows)
            session.commit()
        refused = await http.post("/api/v1/jobs", json={"script": VALID})
        assert refused.status_code == 429, refused.text
        assert refused.json()["code"] == "TooManyFilmsInFlight"
        assert int(refused.headers["retry-after"]) > 0
        assert (await http.get("/api/v1/jobs")).json()["total"] == 2  # the refused one is gone
        with Session(app.state.engine) as session:  # published, open for revisions
            job = session.get(Job, ids[0])
            assert job is not None
            job.status, job.revisable, job.revision = JobStatus.COMPLETED, True, 1
            session.add(job)
            session.commit()
        created = await http.post("/api/v1/jobs", json={"script": VALID})
        assert created.status_code == 202, created.text
        job_id = created.json()["job_id"]
        assert (await http.post(f"/api/v1/jobs/{job_id}/cancel")).status_code == 202
        assert (await http.post(f"/api/v1/jobs/{job_id}/cancel")).status_code == 202  # again


async def test_the_default_limits_fit_a_burst_of_20_films_and_a_typing_preview(
    app: FastAPI, api: httpx.AsyncClient
) -> None:
    settings = app.state.settings
    assert settings.films_in_flight >= 20
    assert settings.requests_per_minute >= 5 * 60  # a preview per keystroke pause, and polls
    for _ in range(40):  # a user typing: one preview per pause
        assert (
            await api.post("/api/v1/scripts/preview", json={"script": VALID})
        ).status_code == 200
