"""Regenerate one shot over REST, with the real workers, ffmpeg and ledger: only that shot
is rendered again, the other shots' packets stay bit-identical, and it costs that shot."""

from __future__ import annotations

import json
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from temporalio.client import Client, WorkflowHistory

from api.main import create_app
from core.settings import Settings
from tests.conftest import api_client, wait_for

SCRIPT = """SCENE 1: INT. KITCHEN - MORNING
SHOT 1 (WIDE, STATIC, 2s): Sunlight on the table.
SHOT 2 (CLOSE, PUSH_IN, 2s): MAYA: Tea?
SCENE 2: EXT. GARDEN - NIGHT
SHOT 1 (MEDIUM, PAN_LEFT, 2s): Stars over the hedge.
"""


@pytest.fixture
async def revising_app(client: Client, settings: Settings, workers: None) -> AsyncIterator[FastAPI]:
    """The suite's workers and database, with films that stay open for revisions."""
    app = create_app(settings.model_copy(update={"revision_window_s": 600}), temporal=client)
    async with app.router.lifespan_context(app):
        yield app


def packets(film: Path) -> list[str]:
    """The video stream's packets, hashed one by one, without decoding (stream copy)."""
    out = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(film), "-map", "0:v:0", "-c", "copy",
         "-f", "framemd5", "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return [line.rsplit(",", 1)[1].strip() for line in out.splitlines() if line[:1].isdigit()]


async def _film(http: httpx.AsyncClient, job: str, path: Path) -> Path:
    download = (await http.get(f"/api/v1/jobs/{job}/download")).json()
    path.write_bytes((await http.get(download["url"])).content)
    return path


async def test_regenerate_renders_one_shot_and_keeps_the_others_bit_identical(
    revising_app: FastAPI, settings: Settings, tmp_path: Path
) -> None:
    key = revising_app.state.ledger.create_tenant("director", 1000).key
    async with api_client(revising_app, key) as http:
        job = (await http.post("/api/v1/jobs", json={"script": SCRIPT})).json()["job_id"]

        async def revision_done(number: int) -> bool:
            body = (await http.get(f"/api/v1/jobs/{job}")).json()
            # the window opens (revisable) just after the film is recorded completed
            done = body["revision"] == number and body["progress"]["stage"] == "completed"
            return bool(done and body["revisable"])

        await wait_for(lambda: revision_done(1), timeout=120)
        first = (await http.get(f"/api/v1/jobs/{job}")).json()
        assert (first["status"], first["revisable"]) == ("completed", True)
        before = packets(await _film(http, job, tmp_path / "before.mp4"))

        unknown = await http.post(f"/api/v1/jobs/{job}/shots/09-09/regenerate")
        assert unknown.status_code == 404 and "no shot '09-09'" in unknown.json()["detail"]
        assert unknown.json()["code"] == "UnknownShot"  # the validator's typed rejection
        accepted = await http.post(
            f"/api/v1/jobs/{job}/shots/01-02/regenerate", json={"notes": "warmer", "seed": 7}
        )
        assert accepted.status_code == 202, accepted.text
        assert accepted.json() == {
            "job_id": job, "revision": 2, "shot_ids": ["01-02"], "takes": {"01-02": 2}
        }  # fmt: skip
        await wait_for(lambda: revision_done(2), timeout=120)
        second = (await http.get(f"/api/v1/jobs/{job}")).json()
        after = packets(await _film(http, job, tmp_path / "after.mp4"))
        state = (await http.get(f"/api/v1/jobs/{job}/state")).json()
        credits = (await http.get("/api/v1/credits")).json()

    shots = [shot for scene in state["scenes"] for shot in scene["shots"]]
    frames = [round(shot["duration_s"] * settings.fps) for shot in shots]
    assert len(before) == len(after) == sum(frames)
    cut = [sum(frames[:n]) for n in range(len(frames) + 1)]
    spans = {shot["shot_id"]: slice(cut[n], cut[n + 1]) for n, shot in enumerate(shots)}
    others = [shot_id for shot_id in spans if shot_id != "01-02"]
    assert len(others) >= 2
    for shot_id in others:  # untouched: the very same packets
        assert before[spans[shot_id]] == after[spans[shot_id]], shot_id
    assert before[spans["01-02"]] != after[spans["01-02"]]
    takes = {shot["shot_id"]: (shot["take"], len(shot["takes"])) for shot in shots}
    assert takes == {shot_id: (2, 2) if shot_id == "01-02" else (1, 1) for shot_id in spans}
    assert "/take-2/clip.mp4" in shots[1]["assets"]["clip"]

    # The revision cost exactly the one shot's picture and render.
    shot_cost = round((0.5 + 0.2) * shots[1]["duration_s"], 3)
    assert round(second["cost"]["spent"] - first["cost"]["spent"], 3) == shot_cost
    assert second["cost"]["held"] == 0
    assert credits["granted"] == credits["available"] + credits["held"] + credits["spent"]


def _steps_in_order(history: WorkflowHistory) -> list[tuple[str, dict[str, Any]]]:
    """(activity, its input) for every activity the run scheduled, in history order."""
    steps = []
    for event in history.events:
        if event.HasField("activity_task_scheduled_event_attributes"):
            scheduled = event.activity_task_scheduled_event_attributes
            [payload] = scheduled.input.payloads
            steps.append((scheduled.activity_type.name, json.loads(payload.data)))
    return steps


async def test_a_film_seen_completed_is_settled_and_open_at_once(
    revising_app: FastAPI, client: Client
) -> None:
    """The job never reads completed while credits are still held or before its revision
    window is open: the workflow's own records of the row, in history order, say so; and
    a regenerate sent the moment a client sees `completed` is taken (no 409)."""
    key = revising_app.state.ledger.create_tenant("eager", 1000).key
    async with api_client(revising_app, key) as http:
        job = (await http.post("/api/v1/jobs", json={"script": SCRIPT})).json()["job_id"]

        async def completed() -> dict[str, Any] | None:
            body: dict[str, Any] = (await http.get(f"/api/v1/jobs/{job}")).json()
            return body if body["status"] == "completed" else None

        first = await wait_for(completed, timeout=120, interval=0.01)
        eager = await http.post(f"/api/v1/jobs/{job}/shots/01-01/regenerate")
        assert eager.status_code == 202, eager.text
        handle = client.get_workflow_handle(f"film-{job}")
        history = await handle.fetch_history()
        assert (await http.post(f"/api/v1/jobs/{job}/cancel")).status_code == 202
    assert (first["revision"], first["revisable"], first["cost"]["held"]) == (1, True, 0)
    steps = _steps_in_order(history)
    released = next(n for n, (name, _) in enumerate(steps) if name == "release_credits")
    records = [(n, record) for n, (name, record) in enumerate(steps) if name == "record_job"]
    done = [(n, record) for n, record in records if record["status"] == "completed"]
    assert done, "the workflow recorded the film completed"
    assert all(n > released for n, _ in done)  # never completed while credits are held
    assert all(record["revisable"] for _, record in done[:1])  # open the moment it is completed
    before = [record["status"] for n, record in records if n < released]
    assert "completed" not in before and before[-1] == "running"
