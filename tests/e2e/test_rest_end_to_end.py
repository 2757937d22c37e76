"""A script through REST to a film, on real processes: workers, API, Temporal, ffmpeg."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import opentimelineio as otio  # type: ignore[import-untyped]
import pytest
from temporalio.client import Client

from core.settings import Settings
from tests.conftest import make_settings, temporal_binary
from tests.e2e.film_checks import assert_watchable
from tests.e2e.processes import Processes, free_port

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "coffee_shop.txt"
pytestmark = pytest.mark.e2e


@pytest.fixture
def stack(client: Client, tmp_path: Path) -> Iterator[tuple[Processes, Settings]]:
    settings = make_settings(client, tmp_path, width=1280, height=720)
    port = free_port()
    settings = settings.model_copy(update={"public_base_url": f"http://127.0.0.1:{port}"})
    processes = Processes(settings, tmp_path)
    queues = settings.task_queues()
    try:
        processes.worker("orchestration", queues.orchestration)
        processes.worker("models", queues.models)
        processes.worker("media", queues.media)
        processes.api(port)
        yield processes, settings
    finally:
        processes.stop_all()


def temporal_query(settings: Settings, workflow_id: str, name: str) -> dict[str, object]:
    done = subprocess.run(
        [str(temporal_binary()), "workflow", "query", "--address", settings.temporal_address,
         "--workflow-id", workflow_id, "--name", name, "--output", "json"],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)["queryResult"][0]
    return result


def test_script_to_film_through_rest(
    stack: tuple[Processes, Settings], ui_url: str, tmp_path: Path
) -> None:
    processes, settings = stack
    api = processes.client(settings.public_base_url, processes.tenant())
    created = api.post("/api/v1/jobs", json={"script": EXAMPLE.read_text(), "title": "Coffee"})
    assert created.status_code == 202
    job_id, workflow_id = created.json()["job_id"], created.json()["workflow_id"]

    seen_percents, cli_progress = [], None
    deadline = time.monotonic() + 300
    while True:
        job = api.get(f"/api/v1/jobs/{job_id}").json()
        seen_percents.append(job["progress"]["percent"])
        if job["status"] == "running" and cli_progress is None:
            cli_progress = temporal_query(settings, workflow_id, "progress")
        if job["status"] in ("completed", "failed", "cancelled"):
            break
        assert time.monotonic() < deadline, job
        time.sleep(0.3)
    assert job["status"] == "completed", job
    assert job["progress"] == {"percent": 100, "stage": "completed", "shots_done": 6,
                               "shots_total": 6, "paused": False}  # fmt: skip
    assert seen_percents == sorted(seen_percents), "progress went backwards"
    assert cli_progress is not None and cli_progress["shots_total"] == 6
    assert 0 <= int(str(cli_progress["percent"])) <= 100

    state = api.get(f"/api/v1/jobs/{job_id}/state").json()
    shots = [shot for scene in state["scenes"] for shot in scene["shots"]]
    assert [s["status"] for s in shots] == ["done"] * 6
    assert all(s["assets"]["clip"].startswith(settings.public_base_url) for s in shots)

    download = api.get(f"/api/v1/jobs/{job_id}/download").json()
    partial = api.get(download["url"], headers={"Range": "bytes=0-99"})
    assert partial.status_code == 206 and len(partial.content) == 100
    assert partial.headers["content-range"].startswith("bytes 0-99/")
    video = tmp_path / "film.mp4"
    video.write_bytes(api.get(download["url"]).content)
    assert_watchable(video, [s["duration_s"] for s in shots], (1280, 720))
    srt = api.get(download["subtitles_url"]).text
    assert "MAYA: Two coffees, please." in srt and "LEO: You remembered." in srt
    vtt = api.get(download["vtt_url"])
    assert vtt.headers["content-type"].startswith("text/vtt")
    assert vtt.text.startswith("WEBVTT") and "Two coffees, please." in vtt.text

    # The cut, for editors: one clip per shot on the picture and dialogue tracks, each
    # pointing at a clip the API serves.
    timeline = otio.adapters.read_from_string(api.get(download["timeline_url"]).text, "otio_json")
    picture = next(t for t in timeline.tracks if t.name == "Picture")
    clips = list(picture.find_clips())
    assert len(clips) == 6
    assert [round(c.duration().to_seconds(), 3) for c in clips] == [s["duration_s"] for s in shots]
    first_clip = api.get(clips[0].media_reference.target_url)
    assert first_clip.status_code == 200 and first_clip.content[4:8] == b"ftyp"

    # The Web UI serves the run and its activities (through its own API).
    ui = httpx.get(f"{ui_url}/api/v1/namespaces/default/workflows/{workflow_id}", timeout=10)
    assert ui.status_code == 200 and ui.json()["workflowExecutionInfo"]["status"] == (
        "WORKFLOW_EXECUTION_STATUS_COMPLETED"
    )
    history = httpx.get(
        f"{ui_url}/api/v1/namespaces/default/workflows/{workflow_id}/history", timeout=10
    ).text
    assert "render_shot" in history and "generate_visual" in history
