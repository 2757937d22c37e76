"""The job list is current for jobs nobody read: the workflow writes its row itself."""

from __future__ import annotations

import httpx
from temporalio.client import Client, WorkflowExecutionStatus

from workflows.film_types import FilmResult

SCRIPT = """SCENE 1: INT. KITCHEN - MORNING
SHOT 1: Wide shot - 2s
Sunlight on the table.
ANA: Good morning!
"""


async def test_the_list_shows_completed_for_a_film_nobody_read(
    api: httpx.AsyncClient, client: Client, workers: None
) -> None:
    created = (await api.post("/api/v1/jobs", json={"script": SCRIPT})).json()
    handle = client.get_workflow_handle(created["workflow_id"], result_type=FilmResult)
    film = await handle.result()  # waited on in Temporal: no API read refreshes the row
    assert (await handle.describe()).status is WorkflowExecutionStatus.COMPLETED
    page = (await api.get("/api/v1/jobs", params={"limit": 100})).json()
    listed = next(item for item in page["items"] if item["job_id"] == created["job_id"])
    assert listed["status"] == "completed"
    assert listed["progress"] == {
        "percent": 100, "stage": "completed", "shots_done": 1, "shots_total": 1, "paused": False,
    }  # fmt: skip
    assert (listed["revision"], listed["revisable"]) == (1, False)
    assert listed["duration_s"] == film.duration_s
    assert film.video_key == f"jobs/{created['job_id']}/r1/film.mp4"  # storage/keys.py
