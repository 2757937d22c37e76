"""Pause, resume and cancel a running film from the real temporal CLI and over REST."""

from __future__ import annotations

import base64
import json
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.settings import Settings
from tests.conftest import make_settings, temporal_binary
from tests.e2e.processes import Processes, free_port

pytestmark = pytest.mark.e2e
SCRIPT = "SCENE 1: EXT. HARBOUR - DAWN\n" + "\n".join(
    f"SHOT {n}: Wide, pan right - 6s\nBoats drift past, number {n}.\nCAPTAIN: Line {n}."
    for n in range(1, 9)
)
STARTS = {"generate_visual", "render_shot"}


@pytest.fixture
def stack(client, tmp_path: Path) -> Iterator[tuple[Processes, Settings, httpx.Client]]:  # type: ignore[no-untyped-def]
    port = free_port()
    settings = make_settings(
        client, tmp_path, media_concurrency=1, width=960, height=540, max_parallel_shots=2,
        public_base_url=f"http://127.0.0.1:{port}",
    )  # fmt: skip
    processes = Processes(settings, tmp_path)
    queues = settings.task_queues()
    try:
        processes.worker("orchestration", queues.orchestration)
        processes.worker("models", queues.models)
        processes.worker("media", queues.media)
        api = processes.client(processes.api(port), processes.tenant())
        yield processes, settings, api
    finally:
        processes.stop_all()


def cli(settings: Settings, *args: str) -> str:
    done = subprocess.run(
        [str(temporal_binary()), *args, "--address", settings.temporal_address],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def history(settings: Settings, workflow_id: str) -> list[dict[str, object]]:
    out = cli(settings, "workflow", "show", "--workflow-id", workflow_id, "--output", "json")
    events: list[dict[str, object]] = json.loads(out)["events"]
    return events


def wait(what: str, check: Callable[[], bool], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def _ffmpeg_children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "comm").read_text().strip() == "ffmpeg":
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                if ppid == parent:
                    found.append(int(entry.name))
        except OSError:
            continue
    return found


def _rendered_fraction(pending: dict[str, Any]) -> float:
    """How far a render is, from its last heartbeat (0.0 before the first)."""
    details = pending.get("heartbeatDetails") or {}
    payloads = details.get("payloads", []) if isinstance(details, dict) else details
    for payload in payloads:
        value = payload
        if isinstance(payload, dict) and "data" in payload:
            value = json.loads(base64.b64decode(payload["data"]))
        if isinstance(value, int | float):
            return float(value)
    return 0.0


def test_pause_resume_cancel(stack: tuple[Processes, Settings, httpx.Client]) -> None:
    processes, settings, api = stack
    job = api.post("/api/v1/jobs", json={"script": SCRIPT}).json()
    job_id, workflow_id = job["job_id"], job["workflow_id"]

    def progress() -> dict[str, object]:
        body: dict[str, object] = api.get(f"/api/v1/jobs/{job_id}").json()["progress"]
        return body

    wait("a first shot", lambda: int(str(progress()["shots_done"])) >= 1)

    # Pause from the CLI; the run says so; no shot starts until resumed.
    cli(settings, "workflow", "signal", "--workflow-id", workflow_id, "--name", "pause",
        "--input", '{"reason": "lunch"}')  # fmt: skip
    out = cli(settings, "workflow", "query", "--workflow-id", workflow_id, "--name", "progress",
              "--output", "json")  # fmt: skip
    assert json.loads(out)["queryResult"][0]["paused"] is True
    assert progress()["paused"] is True
    time.sleep(5)
    done_while_paused = progress()["shots_done"]
    resumed = api.post(f"/api/v1/jobs/{job_id}/resume")
    assert resumed.status_code == 202
    wait("progress after resume", lambda: progress()["shots_done"] != done_while_paused)

    events = history(settings, workflow_id)
    signals = [
        i
        for i, e in enumerate(events)
        if e["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED"
    ]
    assert len(signals) == 2
    between = events[signals[0] : signals[1]]
    started = [
        e for e in between
        if e["eventType"] == "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED"
        and e["activityTaskScheduledEventAttributes"]["activityType"]["name"] in STARTS  # type: ignore[index]
    ]  # fmt: skip
    assert started == [], "a shot started while paused"

    # Cancel from the CLI while a clip renders: ffmpeg is killed, nothing partial is left.
    def rendering() -> bool:
        out = cli(
            settings, "workflow", "describe", "--workflow-id", workflow_id, "--output", "json"
        )
        pending = json.loads(out).get("pendingActivities", [])
        return any(
            p["activityType"]["name"] == "render_shot"
            and p.get("state") == "PENDING_ACTIVITY_STATE_STARTED"
            and _rendered_fraction(p) < 0.3  # early in the clip: the cancel lands mid-render
            for p in pending
        )

    wait("a render in flight", rendering)
    cli(settings, "workflow", "cancel", "--workflow-id", workflow_id)
    wait("cancelled", lambda: api.get(f"/api/v1/jobs/{job_id}").json()["status"] == "cancelled")
    media = processes.children["media"].pid
    wait("ffmpeg gone", lambda: _ffmpeg_children(media) == [], seconds=30)
    leftovers = [p for p in settings.artifact_root.rglob("*") if ".partial" in p.name]
    assert leftovers == []
    kinds = [e["eventType"] for e in history(settings, workflow_id)]
    assert "EVENT_TYPE_ACTIVITY_TASK_CANCELED" in kinds  # the render acknowledged the cancel
    assert kinds[-1] == "EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED"
    assert api.post(f"/api/v1/jobs/{job_id}/pause").status_code == 409
    assert api.post("/api/v1/jobs/nosuch/cancel").status_code == 404
