"""A film whose shot fails every attempt: the job says which stage, step and shot, and why."""

from __future__ import annotations

import asyncio
from pathlib import Path

from temporalio.client import Client

from api.main import create_app
from tests.conftest import api_client, make_settings
from tests.workflow.standins import StandIns, standin_workers

SCRIPT = "SCENE 1: INT. LAB - NIGHT\n" + "\n".join(
    f"SHOT {n}: Medium - 2s\nAction {n}.\nANA: Line {n}." for n in range(1, 4)
)


async def test_failed_shot_is_reported_by_the_job(client: Client, tmp_path: Path) -> None:
    standins = StandIns(failing_shot="01-02")
    async with standin_workers(client, standins, f"sqlite:///{tmp_path}/jobs.db") as queues:
        settings = make_settings(
            client, tmp_path, orchestration_queue=queues.orchestration,
            models_queue=queues.models, media_queue=queues.media,
        )  # fmt: skip
        app = create_app(settings, temporal=client)
        async with (
            app.router.lifespan_context(app),
            api_client(app, app.state.ledger.create_tenant("failing", 1000).key) as api,
        ):
            job_id = (await api.post("/api/v1/jobs", json={"script": SCRIPT})).json()["job_id"]
            for _ in range(200):
                job = (await api.get(f"/api/v1/jobs/{job_id}")).json()
                if job["status"] == "failed":
                    break
                await asyncio.sleep(0.1)
            download = await api.get(f"/api/v1/jobs/{job_id}/download")
            state = (await api.get(f"/api/v1/jobs/{job_id}/state")).json()

    assert job["status"] == "failed", job
    assert job["error"] == {
        "stage": "rendering",
        "step": "render_shot",
        "shot_id": "01-02",
        "type": "ShotFailed",
        "message": "rendering failed at render_shot for shot 01-02: encoder exploded",
    }
    assert download.status_code == 409
    failed = [s for s in state["scenes"][0]["shots"] if s["status"] == "failed"]
    assert [s["shot_id"] for s in failed] == ["01-02"]
    assert failed[0]["error"]["error_type"] == "EncoderCrash"
    assert failed[0]["attempts"]["render_shot"] == 3
