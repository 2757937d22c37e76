"""Record FilmWorkflow histories for the replay tests: a completed film with a revision, a
failed shot, a film cancelled while it renders and a revised film cancelled in its window.

    .venv/bin/python -m tests.workflow.record_history

Runs on its own dev server with the real workers (and stand-ins for the failure), then
writes tests/histories/<name>.json. Version the names when the workflow changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import tempfile
import uuid
from collections.abc import Callable
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from temporalio.client import Client, WorkflowFailureError, WorkflowHandle
from temporalio.testing import WorkflowEnvironment

from accounts.ledger import Ledger
from storage.database import create_tables, make_engine
from tests.conftest import make_settings, temporal_binary
from tests.workflow.standins import StandIns, standin_workers
from worker.assembly import build_workers
from workflows.film import FilmWorkflow
from workflows.film_types import (
    FilmInput,
    FilmOptions,
    FilmProgress,
    RegenerateShotInput,
    Stage,
)

OUT = Path(__file__).resolve().parents[1] / "histories"
# v1: before cast-in-plan; v2: with it; v3: ledger, revisions, webhooks; v4: exact cancel,
# the job index kept by the workflow, revision-numbered keys; v5: settled before
# completed, the cast on the chain's first voice provider. Never re-record older ones.
VERSION = "v5"
SCRIPT = """SCENE 1: INT. KITCHEN - MORNING
SHOT 1: Wide shot, pan right - 2s
Sunlight.
ANA: Good morning!
BEN: Is it?
SCENE 2: EXT. GARDEN - NIGHT
SHOT 1: Close-up - 2s
Stars.
"""


async def _until(handle: WorkflowHandle[Any, Any], check: Callable[[FilmProgress], bool]) -> None:
    while not check(await handle.query(FilmWorkflow.progress)):
        await asyncio.sleep(0.1)


async def _record(
    client: Client, name: str, film: FilmInput, queue: str, end: str = "finish"
) -> None:
    """end: "finish" (close the window), "cancel" (in the window), "cancel-rendering"."""
    handle = await client.start_workflow(
        FilmWorkflow.run, film, id=f"film-{film.job_id}", task_queue=queue
    )
    if end == "cancel-rendering":
        await _until(handle, lambda progress: progress.stage is Stage.RENDERING)
        await handle.cancel()
    elif film.options.revision_window_s:  # regenerate a shot, then close the window
        await _until(handle, lambda progress: progress.revisable)
        await handle.execute_update(
            FilmWorkflow.regenerate_shot, RegenerateShotInput("01-01", "warmer", seed=3)
        )
        if end == "cancel":
            await _until(handle, lambda progress: progress.revision == 2)
            await handle.cancel()
        else:
            await handle.signal(FilmWorkflow.finish)
    with contextlib.suppress(WorkflowFailureError):  # failed and cancelled ones on purpose
        await handle.result()
    history = await handle.fetch_history()
    (OUT / f"{name}.json").write_text(history.to_json())
    print(f"wrote {OUT / name}.json ({len(history.events)} events)")


def _tenant(database_url: str) -> str:
    engine = make_engine(database_url)
    create_tables(engine)
    return Ledger(engine).create_tenant(f"replay-{uuid.uuid4().hex[:6]}", 1000).tenant.id


async def main() -> None:
    env = await WorkflowEnvironment.start_local(dev_server_existing_path=str(temporal_binary()))
    try:
        with tempfile.TemporaryDirectory() as scratch:
            settings = make_settings(env.client, Path(scratch), width=320, height=180)
            async with AsyncExitStack() as stack:
                for worker in build_workers(env.client, settings, settings.task_queues().names()):
                    await stack.enter_async_context(worker)
                tenant = _tenant(settings.database_url)
                film = FilmInput(
                    uuid.uuid4().hex, SCRIPT, title="Replay",
                    options=FilmOptions(revision_window_s=600),
                    profile=settings.render_profile(), queues=settings.task_queues(),
                    tenant_id=tenant, credits_estimate=20_000,
                )  # fmt: skip
                queue = settings.orchestration_queue
                await _record(env.client, f"film-completed-{VERSION}", film, queue)
                again = dataclasses.replace(film, job_id=uuid.uuid4().hex)
                await _record(
                    env.client, f"film-revised-cancelled-{VERSION}", again, queue, "cancel"
                )
                closed = dataclasses.replace(
                    film, job_id=uuid.uuid4().hex, options=FilmOptions(revision_window_s=0)
                )
                await _record(
                    env.client, f"film-cancelled-{VERSION}", closed, queue, "cancel-rendering"
                )
            standins = StandIns(failing_shot="01-01")
            async with standin_workers(env.client, standins, settings.database_url) as queues:
                film = FilmInput(
                    uuid.uuid4().hex, SCRIPT, queues=queues,
                    tenant_id=tenant, credits_estimate=20_000,
                )  # fmt: skip
                await _record(env.client, f"film-failed-shot-{VERSION}", film, queues.orchestration)
    finally:
        await env.shutdown()


if __name__ == "__main__":
    asyncio.run(main())
