"""Record FilmWorkflow histories for the replay tests: a completed film and a failed shot.

    .venv/bin/python -m tests.workflow.record_history

Runs on its own dev server with the real workers (and stand-ins for the failure), then
writes tests/histories/<name>.json. Version the names when the workflow changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
import uuid
from contextlib import AsyncExitStack
from pathlib import Path

from temporalio.client import Client, WorkflowFailureError
from temporalio.testing import WorkflowEnvironment

from tests.conftest import make_settings, temporal_binary
from tests.workflow.standins import StandIns, standin_workers
from worker.assembly import build_workers
from workflows.film import FilmWorkflow
from workflows.film_types import FilmInput

OUT = Path(__file__).resolve().parents[1] / "histories"
VERSION = "v2"  # v1: before the cast-in-plan patch; v2: with it
SCRIPT = """SCENE 1: INT. KITCHEN - MORNING
SHOT 1: Wide shot, pan right - 2s
Sunlight.
ANA: Good morning!
BEN: Is it?
SCENE 2: EXT. GARDEN - NIGHT
SHOT 1: Close-up - 2s
Stars.
"""


async def _record(client: Client, name: str, film: FilmInput, queue: str) -> None:
    handle = await client.start_workflow(
        FilmWorkflow.run, film, id=f"film-{film.job_id}", task_queue=queue
    )
    with contextlib.suppress(WorkflowFailureError):  # the failed-shot history fails on purpose
        await handle.result()
    history = await handle.fetch_history()
    (OUT / f"{name}.json").write_text(history.to_json())
    print(f"wrote {OUT / name}.json ({len(history.events)} events)")


async def main() -> None:
    env = await WorkflowEnvironment.start_local(dev_server_existing_path=str(temporal_binary()))
    try:
        with tempfile.TemporaryDirectory() as scratch:
            settings = make_settings(env.client, Path(scratch), width=320, height=180)
            async with AsyncExitStack() as stack:
                for worker in build_workers(env.client, settings, settings.task_queues().names()):
                    await stack.enter_async_context(worker)
                film = FilmInput(
                    uuid.uuid4().hex, SCRIPT, title="Replay",
                    profile=settings.render_profile(), queues=settings.task_queues(),
                )  # fmt: skip
                await _record(
                    env.client, f"film-completed-{VERSION}", film, settings.orchestration_queue
                )
            async with standin_workers(env.client, StandIns(failing_shot="01-01")) as queues:
                film = FilmInput(uuid.uuid4().hex, SCRIPT, queues=queues)
                await _record(env.client, f"film-failed-shot-{VERSION}", film, queues.orchestration)
    finally:
        await env.shutdown()


if __name__ == "__main__":
    asyncio.run(main())
