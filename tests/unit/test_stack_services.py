"""`make up` runs one machine's whole deployment: with remote providers in the chains, a
worker serves their own task queues too, or their shots would wait for a worker forever."""

from __future__ import annotations

import signal
import subprocess
import threading
from pathlib import Path

import pytest

from cli import stack
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


def test_down_stops_a_process_started_under_other_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stack, "RUN", tmp_path)
    leftover = subprocess.Popen(["sleep", "60"], start_new_session=True)
    reaper = threading.Thread(target=leftover.wait)  # no zombie for down() to wait on
    reaper.start()
    (tmp_path / "worker-providers.pid").write_text(str(leftover.pid))
    stack.down(Settings(visual_provider="animatic", voice_provider="espeak-ng"))
    reaper.join(timeout=10)
    assert leftover.returncode == -signal.SIGTERM
    assert not (tmp_path / "worker-providers.pid").exists()
