"""A worker SIGKILLed while ComfyUI works on its prompt: the activity's retry, on another
worker, finds the prompt by its id and waits for it; ComfyUI sees exactly one submit."""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack
from pathlib import Path

from temporalio.client import Client

from tests.conftest import wait_for
from tests.e2e.processes import Processes
from tests.providers.comfy_fake import FakeComfyUI
from tests.providers.films import film_input, remote_settings, serve, start
from workflows.film import FilmWorkflow

SCRIPT = """SCENE 1: EXT. HARBOUR - NIGHT
SHOT 1: Wide shot - 1.5s
Lights on the water.
"""


async def test_a_killed_worker_resumes_the_same_prompt(client: Client, tmp_path: Path) -> None:
    with FakeComfyUI() as comfy:
        comfy.job_seconds = 8
        settings = remote_settings(client, tmp_path, comfy.url, visual_provider="comfyui")
        comfy_queue = settings.provider_queues()["comfyui"]
        processes = Processes(settings, tmp_path)
        try:
            async with AsyncExitStack() as stack:
                await serve(stack, client, settings, list(settings.task_queues().names()))
                processes.worker("comfy-1", comfy_queue)
                handle = await start(client, settings, film_input(settings, script=SCRIPT))

                async def submitted() -> bool:
                    return bool(comfy.submits)

                await wait_for(submitted, timeout=90)
                processes.kill("comfy-1")  # SIGKILL, mid-job
                await asyncio.sleep(0.5)
                await serve(stack, client, settings, [comfy_queue])  # the replacement
                result = await asyncio.wait_for(handle.result(), timeout=120)
                state = await handle.query(FilmWorkflow.state)
        finally:
            processes.stop_all()
    [shot] = [shot for scene in state.scenes for shot in scene.shots]
    assert result.shots == 1 and shot.providers["generate_visual"] == "comfyui"
    assert shot.attempts["generate_visual"] == 2  # the retry after the heartbeat timeout
    assert len(comfy.submits) == 1  # ... waited on the same prompt instead of submitting
