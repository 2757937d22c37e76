"""FilmWorkflow's own logic on the real dev server, with stand-in model and media work."""

from __future__ import annotations

import uuid

import pytest
from temporalio.api.enums.v1 import EventType
from temporalio.client import Client, WorkflowFailureError
from temporalio.exceptions import ApplicationError

from tests.workflow.standins import StandIns, standin_workers
from workflows.film import FilmWorkflow
from workflows.film_types import FilmInput, FilmOptions, Stage

SIX_SHOTS = "\n".join(f"SHOT {n}: Medium - 2s\nAction {n}.\nANA: Line {n}." for n in range(1, 7))
SCRIPT = f"SCENE 1: INT. LAB - NIGHT\n{SIX_SHOTS}\n"


async def test_shot_failing_every_attempt_fails_the_film_naming_it(client: Client) -> None:
    standins = StandIns(failing_shot="01-03")
    async with standin_workers(client, standins) as queues:
        job_id = uuid.uuid4().hex
        handle = await client.start_workflow(
            FilmWorkflow.run,
            FilmInput(job_id, SCRIPT, queues=queues),
            id=f"film-{job_id}",
            task_queue=queues.orchestration,
        )
        with pytest.raises(WorkflowFailureError) as failure:
            await handle.result()
        cause = failure.value.cause
        assert isinstance(cause, ApplicationError)
        assert cause.type == "ShotFailed" and cause.non_retryable
        assert "render_shot" in cause.message and "01-03" in cause.message
        assert "encoder exploded" in cause.message
        details = cause.details[0]
        assert details["stage"] == "rendering" and details["shot_id"] == "01-03"
        assert details["error_type"] == "EncoderCrash"
        assert standins.calls["render_shot:01-03"] == 3  # the retry policy's three attempts

        state = await handle.query(FilmWorkflow.state)
        shot = next(s for s in state.scenes[0].shots if s.shot_id == "01-03")
        assert shot.status == "failed" and shot.attempts["render_shot"] == 3
        assert shot.error is not None and shot.error.message == "encoder exploded"
        assert shot.error.provider == "stand-in-encoder" and shot.error.retryable
        assert state.stage is Stage.FAILED
        assert standins.calls["compose_film"] == 0  # nothing composed from a broken cut


async def test_shots_run_in_parallel_within_the_bound(client: Client) -> None:
    standins = StandIns(render_delay_s=0.4)
    async with standin_workers(client, standins) as queues:
        job_id = uuid.uuid4().hex
        result = await client.execute_workflow(
            FilmWorkflow.run,
            FilmInput(job_id, SCRIPT, options=FilmOptions(max_parallel_shots=3), queues=queues),
            id=f"film-{job_id}",
            task_queue=queues.orchestration,
        )
    assert result.shots == 6 and result.duration_s == 12.0
    assert standins.max_running == 3  # parallel, and never more than the bound
    assert standins.calls["compose_score"] == 1 and standins.calls["publish_film"] == 1
    assert standins.calls["synthesize_dialogue"] == 6 and standins.calls["mix_soundtrack"] == 1


async def test_invalid_script_fails_without_retrying(client: Client) -> None:
    standins = StandIns()
    async with standin_workers(client, standins) as queues:
        job_id = uuid.uuid4().hex
        handle = await client.start_workflow(
            FilmWorkflow.run,
            FilmInput(
                job_id,
                "SCENE 1: INT. X - DAY\nSHOT 1: Sideways - 2s\nA.\n",
                # strict: the unknown word is an error, not a warning, in the workflow too
                options=FilmOptions(strict=True),
                queues=queues,
            ),
            id=f"film-{job_id}",
            task_queue=queues.orchestration,
        )
        with pytest.raises(WorkflowFailureError) as failure:
            await handle.result()
    cause = failure.value.cause
    assert isinstance(cause, ApplicationError) and cause.type == "InvalidScript"
    assert cause.details[0]["step"] == "plan_film"
    history = await handle.fetch_history()
    starts = [
        e for e in history.events if e.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED
    ]
    assert len(starts) == 1 and starts[0].activity_task_started_event_attributes.attempt == 1
    assert not standins.calls  # no model or media work for a script that does not parse


async def test_placeholder_card_stands_in_and_the_film_completes(client: Client) -> None:
    standins = StandIns(failing_shot="01-04")
    async with standin_workers(client, standins) as queues:
        job_id = uuid.uuid4().hex
        options = FilmOptions(on_shot_failure="placeholder")
        handle = await client.start_workflow(
            FilmWorkflow.run,
            FilmInput(job_id, SCRIPT, options=options, queues=queues),
            id=f"film-{job_id}",
            task_queue=queues.orchestration,
        )
        result = await handle.result()
        state = await handle.query(FilmWorkflow.state)
        progress = await handle.query(FilmWorkflow.progress)
    assert result.shots == 6 and result.duration_s == 12.0
    shots = {shot.shot_id: shot for shot in state.scenes[0].shots}
    card = shots["01-04"]
    assert card.status == "placeholder" and card.assets["clip"].endswith("/placeholder.mp4")
    assert card.error is not None and card.error.error_type == "EncoderCrash"
    assert [s.status for i, s in shots.items() if i != "01-04"] == ["done"] * 5
    assert (
        standins.calls["render_shot:01-04"] == 3 and standins.calls["render_placeholder:01-04"] == 1
    )
    assert standins.placeholder_lines[1:3] == ["could not be rendered", "render_shot: EncoderCrash"]
    assert progress.shots_done == 6 and progress.percent == 100
