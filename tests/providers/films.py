"""Films on remote providers for tests: settings that point at the local fakes, workers
for every queue (the providers' own included) and a run to completion."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from temporalio.client import Client, WorkflowHandle

from api.main import create_app
from core.settings import Settings
from providers.registry import chain
from tests.conftest import api_client, make_settings
from tests.providers.frames import WORKFLOW
from worker.assembly import build_workers
from workflows.film import FilmWorkflow
from workflows.film_types import FilmInput, FilmOptions

KEY = "sk-film-5d2b9e71c04a"
SCRIPT = """SCENE 1: EXT. PIER - DUSK
SHOT 1: Medium shot - 2s
Mara coils a wet rope.
MARA: The tide will not wait.
SHOT 2: Close-up - 2s
Jonah watches the water.
JONAH: Then neither will I.
"""


def remote_settings(
    client: Client, root: Path, comfy_url: str = "", openai_url: str = "", **overrides: Any
) -> Settings:
    values: dict[str, Any] = {
        "width": 320,
        "height": 180,
        "comfyui_url": comfy_url or "http://127.0.0.1:9",
        "comfyui_workflow": WORKFLOW,
        "openai_base_url": openai_url or "http://127.0.0.1:9/v1",
        "openai_api_key": KEY,
        "provider_poll_interval_s": 0.1,
    }
    values.update(overrides)
    settings = make_settings(client, root, **values)
    settings.artifact_root.mkdir(parents=True, exist_ok=True)
    return settings


def film_input(settings: Settings, script: str = SCRIPT, **options: Any) -> FilmInput:
    queues = settings.provider_queues()
    return FilmInput(
        uuid.uuid4().hex,
        script,
        options=FilmOptions(**options),
        profile=settings.render_profile(),
        queues=settings.task_queues(),
        visual_providers=chain(settings.visual_provider),
        provider_queues=queues,
        voice_queue=queues.get(chain(settings.voice_provider)[0], ""),
        voice_providers=chain(settings.voice_provider),
        music_providers=chain(settings.music_provider),
    )


async def start(client: Client, settings: Settings, request: FilmInput) -> WorkflowHandle[Any, Any]:
    return await client.start_workflow(
        FilmWorkflow.run, request, id=f"film-{request.job_id}",
        task_queue=settings.orchestration_queue,
    )  # fmt: skip


async def serve(
    stack: AsyncExitStack, client: Client, settings: Settings, queues: list[str]
) -> None:
    for worker in build_workers(client, settings, queues):
        await stack.enter_async_context(worker)


@asynccontextmanager
async def rest_api(
    client: Client, settings: Settings, tenant: str, credits: int = 1000
) -> AsyncIterator[httpx.AsyncClient]:
    """The API on these settings, workers for every queue, and a client for a new tenant."""
    app = create_app(settings, temporal=client)
    async with AsyncExitStack() as stack, app.router.lifespan_context(app):
        await serve(stack, client, settings, settings.worker_queues())
        key = app.state.ledger.create_tenant(tenant, credits).key
        async with api_client(app, key) as http:
            yield http


def visual_results(history_json: str) -> list[dict[str, object]]:
    """Every GenerateVisualResult in a history, decoded."""
    results = []
    for event in json.loads(history_json)["events"]:
        done = event.get("activityTaskCompletedEventAttributes")
        for payload in (done or {}).get("result", {}).get("payloads", []):
            value = json.loads(base64.b64decode(payload["data"]))
            if isinstance(value, dict) and "background_key" in value:
                results.append(value)
    return results
