"""A media worker killed with SIGKILL mid-film: the film completes, and no shot that had
already been rendered is rendered again. Proved from the workflow history."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from pathlib import Path

import pytest
from temporalio.api.enums.v1 import EventType, PendingActivityState
from temporalio.client import Client

from tests.conftest import make_settings
from tests.e2e.film_checks import assert_watchable
from tests.e2e.processes import Processes
from workflows.film import FilmWorkflow
from workflows.film_types import FilmInput, FilmOptions

pytestmark = pytest.mark.e2e
SHOTS = 8
SCRIPT = "SCENE 1: EXT. HARBOUR - DAWN\n" + "\n".join(
    f"SHOT {n}: Wide, pan right - 4s\nBoats drift past, number {n}.\nCAPTAIN: Line {n}."
    for n in range(1, SHOTS + 1)
)


async def test_killed_media_worker_loses_nothing(client: Client, tmp_path: Path) -> None:
    settings = make_settings(client, tmp_path, media_concurrency=1, width=960, height=540)
    queues = settings.task_queues()
    processes = Processes(settings, tmp_path)
    try:
        processes.worker("orchestration", queues.orchestration)
        processes.worker("models", queues.models)
        processes.worker("media-1", queues.media)
        job_id = uuid.uuid4().hex
        handle = await client.start_workflow(
            FilmWorkflow.run,
            FilmInput(
                job_id, SCRIPT, options=FilmOptions(max_parallel_shots=2),
                profile=settings.render_profile(), queues=queues,
            ),
            id=f"film-{job_id}",
            task_queue=queues.orchestration,
        )  # fmt: skip

        async def mid_render() -> bool:
            """Two shots finished and a render_shot running on the media worker right now."""
            if (await handle.query(FilmWorkflow.progress)).shots_done < 2:
                return False
            pending = (await handle.describe()).raw_description.pending_activities
            return any(
                activity.activity_type.name == "render_shot"
                and activity.state == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED
                for activity in pending
            )

        deadline = time.monotonic() + 120
        while not await mid_render():
            assert time.monotonic() < deadline, "never caught a render in flight"
            await asyncio.sleep(0.05)
        processes.kill("media-1")
        killed_at = time.time()
        done_before = {
            shot.shot_id
            for scene in (await handle.query(FilmWorkflow.state)).scenes
            for shot in scene.shots
            if shot.status == "done"
        }
        clips = settings.artifact_root / "jobs" / job_id / "shots"
        mtimes = {
            shot: (clips / shot / "take-1" / "clip.mp4").stat().st_mtime_ns for shot in done_before
        }
        assert 2 <= len(done_before) < SHOTS

        await asyncio.sleep(1.0)
        processes.worker("media-2", queues.media)
        result = await asyncio.wait_for(handle.result(), timeout=240)
    finally:
        processes.stop_all()

    assert result.shots == SHOTS
    assert_watchable(settings.artifact_root / result.video_key, [4.0] * SHOTS, (960, 540))

    # From the history: one render_shot scheduled per shot, and every shot that had finished
    # before the kill finished on its first attempt, before the kill, and never ran again.
    history = await handle.fetch_history()
    scheduled: dict[int, str] = {}
    attempts: dict[str, int] = {}
    completed_at: dict[str, float] = {}
    for event in history.events:
        if event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
            attributes = event.activity_task_scheduled_event_attributes
            if attributes.activity_type.name == "render_shot":
                shot_id = _shot_id_of(attributes.input.payloads[0].data)
                assert shot_id not in scheduled.values(), f"{shot_id} scheduled twice"
                scheduled[event.event_id] = shot_id
        elif event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED:
            attributes = event.activity_task_started_event_attributes
            if attributes.scheduled_event_id in scheduled:
                attempts[scheduled[attributes.scheduled_event_id]] = attributes.attempt
        elif event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
            attributes = event.activity_task_completed_event_attributes
            if attributes.scheduled_event_id in scheduled:
                shot_id = scheduled[attributes.scheduled_event_id]
                completed_at[shot_id] = event.event_time.ToDatetime().timestamp()
    assert len(scheduled) == SHOTS and len(completed_at) == SHOTS
    for shot_id in done_before:
        assert attempts[shot_id] == 1 and completed_at[shot_id] < killed_at
        assert (clips / shot_id / "take-1" / "clip.mp4").stat().st_mtime_ns == mtimes[shot_id]
    retried = {shot for shot, attempt in attempts.items() if attempt > 1}
    assert retried, "the shot in flight at the kill should have been retried"
    assert not retried & done_before


def _shot_id_of(payload: bytes) -> str:
    return str(json.loads(payload)["shot_id"])
