"""`make up` runs one machine's whole deployment: with remote providers in the chains, a
worker serves their own task queues too, or their shots would wait for a worker forever."""

from __future__ import annotations

from cli.stack import WORKER_METRICS_PORTS, services
from core.settings import Settings


def test_embedded_defaults_run_three_workers_and_no_provider_worker() -> None:
    settings = Settings(visual_provider="animatic", voice_provider="espeak-ng")
    names = [service.name for service in services(settings)]
    assert names == ["temporal", "worker-orchestration", "worker-models", "worker-media", "api"]


def test_remote_providers_get_a_worker_on_their_own_queues() -> None:
    settings = Settings(
        visual_provider="comfyui,openai-images,animatic", voice_provider="openai-speech,espeak-ng"
    )
    [worker] = [service for service in services(settings) if service.name == "worker-providers"]
    served = worker.argv[worker.argv.index("--queues") + 1].split(",")
    assert sorted(served) == sorted(settings.provider_queues().values())
    assert sorted(served) == [
        "film-models-comfyui", "film-models-openai-images", "film-models-openai-speech"
    ]  # fmt: skip
    assert worker.environment()["FILMSTUDIO_WORKER_METRICS_ADDRESS"] == "127.0.0.1:{}".format(
        WORKER_METRICS_PORTS["worker-providers"]
    )
