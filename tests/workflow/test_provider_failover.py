"""A provider that stays unavailable hands each shot to the next provider of the chain,
and `state` says so; with the real workers, providers and dev server."""

from __future__ import annotations

import uuid
from contextlib import AsyncExitStack
from pathlib import Path

from temporalio.client import Client

from providers.registry import chain
from tests.conftest import make_settings
from worker.assembly import build_workers
from workflows.film import FilmWorkflow
from workflows.film_types import FilmInput, ShotStatus

SCRIPT = """SCENE 1: EXT. PIER - DUSK
SHOT 1: Wide shot - 1.5s
Gulls.
SHOT 2: Close-up - 1.5s
A rope creaks.
"""


async def test_an_unavailable_provider_fails_over_to_the_next(
    client: Client, tmp_path: Path
) -> None:
    settings = make_settings(
        client, tmp_path, width=320, height=180, visual_provider="outage,animatic"
    )
    settings.artifact_root.mkdir(parents=True)
    async with AsyncExitStack() as stack:
        for worker in build_workers(client, settings, settings.task_queues().names()):
            await stack.enter_async_context(worker)
        job_id = uuid.uuid4().hex
        handle = await client.start_workflow(
            FilmWorkflow.run,
            FilmInput(
                job_id, SCRIPT, profile=settings.render_profile(), queues=settings.task_queues(),
                visual_providers=chain(settings.visual_provider),
            ),
            id=f"film-{job_id}",
            task_queue=settings.orchestration_queue,
        )  # fmt: skip
        result = await handle.result()
        state = await handle.query(FilmWorkflow.state)
    shots = [shot for scene in state.scenes for shot in scene.shots]
    assert result.shots == len(shots) == 2
    for shot in shots:
        assert shot.status is ShotStatus.DONE
        assert shot.providers["generate_visual"] == "animatic"
        assert shot.failovers == ["generate_visual: outage -> animatic (ProviderUnavailable)"]
        assert shot.attempts["generate_visual"] == 1  # on the provider that drew it
