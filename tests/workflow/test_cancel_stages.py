"""Cancel is exact at every stage, on the real dev server with the real activities.

An interceptor holds the stage's activity at its start, the cancel is sent (over REST or
with `temporal workflow cancel`, which must behave the same) and the server is seen to ask
the activity to stop before it is let go; so the cancel provably lands while it runs. Then:
the run is Canceled and the job `cancelled` in the list, nothing but compensation was
scheduled after the cancel, the activity stopped, no ffmpeg or espeak-ng child is left, no
partial file, and nothing is held.
"""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path

import pytest
from temporalio.api.enums.v1 import PendingActivityState
from temporalio.client import Client, WorkflowExecutionStatus, WorkflowUpdateFailedError
from temporalio.exceptions import ApplicationError
from temporalio.service import RPCError

from core.error_types import ErrorType
from tests.conftest import temporal_binary, wait_for
from tests.workflow.real_stack import (
    COMPENSATION,
    Stack,
    children,
    history,
    open_stack,
    partial_files,
    scheduled_after_cancel,
    start_workers,
)
from workflows.film import FilmWorkflow
from workflows.film_types import RegenerateShotInput

SCRIPT = """SCENE 1: INT. KITCHEN - MORNING
SHOT 1: Wide shot, pan right - 2s
Sunlight on the table.
ANA: Good morning!
"""
CANCEL_REQUESTED = PendingActivityState.PENDING_ACTIVITY_STATE_CANCEL_REQUESTED
QUICK = {"plan_film", "compose_score"}  # done in milliseconds for a two-second film


@pytest.fixture(scope="module")
async def stack(client: Client, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    async with open_stack(client, tmp_path_factory.mktemp("cancel")) as opened:
        yield opened


async def cancel(stack: Stack, job_id: str, via: str) -> None:
    if via == "rest":
        answer = await stack.http.post(f"/api/v1/jobs/{job_id}/cancel")
        assert answer.status_code == 202, answer.text
        return
    done = await asyncio.to_thread(
        subprocess.run,
        [str(temporal_binary()), "workflow", "cancel", "--workflow-id", f"film-{job_id}",
         "--address", stack.settings.temporal_address],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


async def asked_to_stop(stack: Stack, job_id: str, activity: str) -> bool:
    described = await stack.client.get_workflow_handle(f"film-{job_id}").describe()
    return any(
        pending.activity_type.name == activity and pending.state == CANCEL_REQUESTED
        for pending in described.raw_description.pending_activities
    )


async def assert_cancelled_cleanly(stack: Stack, job_id: str) -> None:
    assert await stack.closed(job_id) is WorkflowExecutionStatus.CANCELED
    listed = await stack.listed(job_id)
    assert (listed["status"], listed["progress"]["stage"]) == ("cancelled", "cancelled")
    events = await asyncio.to_thread(history, stack.settings, f"film-{job_id}")
    assert scheduled_after_cancel(events) == []
    assert children() == []
    assert partial_files(stack.job_dir(job_id)) == []
    granted, available, held, spent = stack.balance()
    assert held == 0 and granted == available + held + spent
    assert listed["cost"]["held"] == 0


STAGES = [  # (stage the film is in, the activity running, how the cancel is sent)
    ("planning", "plan_film", "rest"),
    ("rendering", "generate_visual", "cli"),
    ("rendering", "synthesize_dialogue", "rest"),
    ("rendering", "compose_score", "cli"),
    ("rendering", "render_shot", "rest"),
    ("rendering", "mix_soundtrack", "cli"),
    ("composing", "compose_film", "rest"),
    ("publishing", "publish_film", "cli"),
]


@pytest.mark.parametrize(("stage", "activity", "via"), STAGES, ids=[s[1] for s in STAGES])
async def test_cancel_while_an_activity_runs(
    stack: Stack, stage: str, activity: str, via: str
) -> None:
    held = stack.control.hold(activity)
    job_id = await stack.submit(SCRIPT)
    await asyncio.wait_for(held.arrived.wait(), timeout=60)
    assert held.job_id == job_id
    handle = stack.client.get_workflow_handle(f"film-{job_id}")
    assert (await handle.query(FilmWorkflow.progress)).stage.value == stage
    await cancel(stack, job_id, via)
    await wait_for(lambda: asked_to_stop(stack, job_id, activity), timeout=30, interval=0.05)
    held.release.set()
    await assert_cancelled_cleanly(stack, job_id)
    # the activity itself stopped (it learnt of the cancel from its heartbeat); this small
    # a script parses, and its score is synthesized, in a few milliseconds, so those two may
    # finish before the heartbeat's answer comes back: the workflow drops their result
    stopped = stack.control.outcomes[(job_id, activity)]
    assert stopped == "CancelledError" or (activity in QUICK and stopped == "completed")
    assert not (stack.job_dir(job_id) / "r1" / "film.mp4").exists() or activity == "publish_film"


async def test_cancel_while_queued(client: Client, tmp_path: Path) -> None:
    """No worker has picked the film up yet: it ends cancelled once one does, and no work
    runs at all."""
    async with open_stack(client, tmp_path, workers=False) as stack:
        job_id = await stack.submit(SCRIPT)
        await cancel(stack, job_id, "rest")
        await cancel(stack, job_id, "rest")  # a second cancel is also accepted
        assert await stack.status(job_id) is WorkflowExecutionStatus.RUNNING
        async with AsyncExitStack() as workers:
            await start_workers(workers, client, stack.settings, stack.control)
            await assert_cancelled_cleanly(stack, job_id)
        ran = {name for job, name in stack.control.outcomes if job == job_id}
        assert ran <= COMPENSATION  # no work at all: only the release and the job's row


async def test_cancel_while_paused(stack: Stack) -> None:
    held = stack.control.hold("generate_visual")
    job_id = await stack.submit(SCRIPT)
    await asyncio.wait_for(held.arrived.wait(), timeout=60)
    pause = await stack.http.post(f"/api/v1/jobs/{job_id}/pause", json={"reason": "lunch"})
    assert pause.status_code == 202
    held.release.set()  # the picture finishes; its clip does not start while paused
    handle = stack.client.get_workflow_handle(f"film-{job_id}")

    async def waiting() -> bool:
        progress = await handle.query(FilmWorkflow.progress)
        return progress.paused and stack.control.outcomes.get((job_id, "generate_visual")) == (
            "completed"
        )

    await wait_for(waiting, timeout=30)
    await cancel(stack, job_id, "cli")
    await assert_cancelled_cleanly(stack, job_id)
    assert (job_id, "render_shot") not in stack.control.outcomes


async def _published(stack: Stack, job_id: str) -> dict[str, object]:
    async def done() -> dict[str, object] | None:
        body: dict[str, object] = (await stack.http.get(f"/api/v1/jobs/{job_id}")).json()
        return body if body["revisable"] else None

    job: dict[str, object] = await wait_for(done, timeout=60)
    return job


async def test_cancel_in_the_revision_window_closes_it_and_the_film_stands(stack: Stack) -> None:
    job_id = await stack.submit(SCRIPT)
    await _published(stack, job_id)
    download = (await stack.http.get(f"/api/v1/jobs/{job_id}/download")).json()
    film = (await stack.http.get(download["url"])).content
    handle = stack.client.get_workflow_handle(f"film-{job_id}")
    with pytest.raises(WorkflowUpdateFailedError) as refused:  # typed, not a bare ValueError
        await handle.execute_update(FilmWorkflow.regenerate_shot, RegenerateShotInput("09-09"))
    assert isinstance(refused.value.cause, ApplicationError)
    assert refused.value.cause.type == ErrorType.UNKNOWN_SHOT
    await cancel(stack, job_id, "rest")
    assert await stack.closed(job_id) is WorkflowExecutionStatus.COMPLETED
    await cancel(stack, job_id, "rest")  # closed now: still 202, nothing to stop
    with pytest.raises(RPCError):  # no run to take a revision any more
        await handle.execute_update(FilmWorkflow.retry_failed_shots)
    listed = await stack.listed(job_id)
    assert (listed["status"], listed["revisable"], listed["revision"]) == ("completed", False, 1)
    after = (await stack.http.get(f"/api/v1/jobs/{job_id}/download")).json()
    assert after["sha256"] == download["sha256"]
    assert (await stack.http.get(download["url"])).content == film  # the old link still works
    granted, available, held, spent = stack.balance()
    assert held == 0 and granted == available + held + spent


async def test_cancel_during_a_revision_keeps_the_published_film(stack: Stack) -> None:
    job_id = await stack.submit(SCRIPT)
    await _published(stack, job_id)
    before = (await stack.http.get(f"/api/v1/jobs/{job_id}/download")).json()
    held = stack.control.hold("render_shot", lambda request: request.take == 2)
    handle = stack.client.get_workflow_handle(f"film-{job_id}")
    await handle.execute_update(FilmWorkflow.regenerate_shot, RegenerateShotInput("01-01"))
    await asyncio.wait_for(held.arrived.wait(), timeout=60)
    await cancel(stack, job_id, "cli")
    await wait_for(lambda: asked_to_stop(stack, job_id, "render_shot"), timeout=30)
    held.release.set()
    assert await stack.closed(job_id) is WorkflowExecutionStatus.COMPLETED
    assert stack.control.outcomes[(job_id, "render_shot")] == "CancelledError"
    listed = await stack.listed(job_id)
    assert (listed["status"], listed["revision"], listed["revisable"]) == ("completed", 1, False)
    after = (await stack.http.get(f"/api/v1/jobs/{job_id}/download")).json()
    assert (after["sha256"], after["size_bytes"]) == (before["sha256"], before["size_bytes"])
    assert children() == [] and partial_files(stack.job_dir(job_id)) == []
    granted, available, held_now, spent = stack.balance()
    assert held_now == 0 and granted == available + held_now + spent
