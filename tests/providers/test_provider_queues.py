"""Each remote provider gets its own task queue, whose worker takes its concurrency and
rate limit from settings (Temporal enforces both: no home-made throttle)."""

from __future__ import annotations

from pathlib import Path

import pytest
from temporalio.client import Client

from tests.providers.films import remote_settings
from worker.assembly import build_workers


async def test_provider_queues_get_the_settings_limits(client: Client, tmp_path: Path) -> None:
    settings = remote_settings(
        client, tmp_path, visual_provider="comfyui,openai-images,animatic",
        voice_provider="openai-speech", comfyui_concurrency=1, comfyui_rate_per_s=0.0,
        openai_images_concurrency=3, openai_images_rate_per_s=0.5,
    )  # fmt: skip
    queues = settings.provider_queues()
    assert queues == {
        name: f"{settings.models_queue}-{name}"
        for name in ("comfyui", "openai-images", "openai-speech")
    }
    workers = {w.task_queue: w for w in build_workers(client, settings, settings.worker_queues())}
    comfy = workers[queues["comfyui"]].config()
    assert comfy["max_concurrent_activities"] == 1
    assert comfy["max_task_queue_activities_per_second"] is None  # 0: no rate limit
    images = workers[queues["openai-images"]].config()
    assert images["max_concurrent_activities"] == 3
    assert images["max_task_queue_activities_per_second"] == 0.5
    assert set(workers) == set(settings.worker_queues())


async def test_an_unknown_queue_is_refused(client: Client, tmp_path: Path) -> None:
    settings = remote_settings(client, tmp_path, visual_provider="animatic")
    with pytest.raises(ValueError, match="unknown task queues"):
        build_workers(client, settings, [f"{settings.models_queue}-comfyui"])
