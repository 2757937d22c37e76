"""A burst of submissions in one API process: POST /api/v1/jobs holds no database
connection while it waits on Temporal, so 30 films at once never exhaust the pool (issue 9).

The films start on the real dev server, on task queues no worker polls (this app's own
settings), and are terminated at the end; nothing here renders.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import AsyncExitStack, contextmanager
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import Engine, event
from sqlmodel import Session, select
from temporalio.client import Client
from temporalio.service import RPCError

from api.main import create_app
from api.models import Job, JobStatus
from tests.conftest import api_client, make_settings

SCRIPT = "SCENE 1: INT. ROOM - DAY\nSHOT 1: Wide - 2s\nA quiet room.\n"
FILMS = 30


@contextmanager
def checked_out(engine: Engine) -> Iterator[dict[str, int]]:
    """How many connections the pool has out when the block ends, and how many times one
    was taken while it ran."""
    seen = {"out": 0, "taken": 0}

    def out(*_: object) -> None:
        seen["out"] += 1
        seen["taken"] += 1

    def back(*_: object) -> None:
        seen["out"] -= 1

    event.listen(engine, "checkout", out)
    event.listen(engine, "checkin", back)
    try:
        yield seen
    finally:
        event.remove(engine, "checkout", out)
        event.remove(engine, "checkin", back)


async def _submit_all(app: FastAPI, key: str, films: int) -> list[tuple[int, str]]:
    async with api_client(app, key) as http:

        async def submit(n: int) -> tuple[int, str]:
            answer = await http.post("/api/v1/jobs", json={"script": SCRIPT, "title": f"Burst {n}"})
            return answer.status_code, answer.text

        return await asyncio.wait_for(
            asyncio.gather(*(submit(n) for n in range(films))), timeout=120
        )


async def _terminate(client: Client, engine: Engine) -> None:
    with Session(engine) as session:
        workflow_ids = [job.workflow_id for job in session.exec(select(Job)).all()]
    for workflow_id in workflow_ids:
        try:
            await client.get_workflow_handle(workflow_id).terminate("test over")
        except RPCError:  # never started, or already closed: nothing to stop
            continue


# Two connections for the whole process, and a short wait for one: a route that held its
# connection while awaiting Temporal would leave the next request's query waiting on it
# (blocking the event loop that the holder needs), so it would fail within seconds.
SMALL_POOL = {"database_pool_size": 2, "database_pool_overflow": 0, "database_pool_timeout_s": 10}


async def test_thirty_films_submitted_at_once_are_all_accepted(
    client: Client, tmp_path: Path
) -> None:
    settings = make_settings(client, tmp_path, films_in_flight=FILMS + 10, **SMALL_POOL)
    app = create_app(settings, temporal=client)
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(app.router.lifespan_context(app))
        engine: Engine = app.state.engine
        assert engine.pool.size() == 2  # type: ignore[attr-defined]
        tenant = app.state.ledger.create_tenant("burst", 1_000_000)
        stack.push_async_callback(_terminate, client, engine)
        with checked_out(engine) as pool:
            answers = await _submit_all(app, tenant.key, FILMS)
        statuses = [code for code, _ in answers]
        assert statuses == [202] * FILMS, [text for code, text in answers if code != 202][:3]
        assert pool["out"] == 0 and pool["taken"] >= FILMS  # every connection went back
        with Session(engine) as session:
            jobs = session.exec(select(Job)).all()
        assert len(jobs) == FILMS
        assert all(job.status is JobStatus.QUEUED and job.error is None for job in jobs)
        for job in jobs:  # each one really started, on the dev server
            description = await client.get_workflow_handle(job.workflow_id).describe()
            assert description.id == job.workflow_id


async def test_a_burst_over_the_film_limit_is_accepted_up_to_it_then_429(
    client: Client, tmp_path: Path
) -> None:
    limit = 10
    settings = make_settings(client, tmp_path, films_in_flight=limit, **SMALL_POOL)
    app = create_app(settings, temporal=client)
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(app.router.lifespan_context(app))
        tenant = app.state.ledger.create_tenant("over", 1_000_000)
        stack.push_async_callback(_terminate, client, app.state.engine)
        answers = await _submit_all(app, tenant.key, FILMS)
        statuses = sorted(code for code, _ in answers)
        assert set(statuses) <= {202, 429}, answers
        # Admission in one process is a synchronous step (insert, commit, count) between
        # awaits, so exactly the first `limit` films pass.
        assert statuses.count(202) == limit
        refused = [text for code, text in answers if code == 429]
        assert all('"TooManyFilmsInFlight"' in text for text in refused)
        with Session(app.state.engine) as session:
            rows = session.exec(select(Job)).all()
        assert len(rows) == statuses.count(202)  # a refused film leaves no row
