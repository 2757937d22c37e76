"""Bring a job row up to date from its workflow: Temporal is the source of truth."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from temporalio.client import Client, WorkflowExecutionStatus, WorkflowFailureError
from temporalio.exceptions import ApplicationError
from temporalio.service import RPCError

from api.models import Job, JobStatus
from workflows.film import FilmWorkflow
from workflows.film_types import FilmProgress, FilmResult, Stage

log = logging.getLogger(__name__)
QUERY_TIMEOUT = timedelta(seconds=5)

_CLOSED = {
    WorkflowExecutionStatus.COMPLETED: JobStatus.COMPLETED,
    WorkflowExecutionStatus.FAILED: JobStatus.FAILED,
    WorkflowExecutionStatus.TERMINATED: JobStatus.FAILED,
    WorkflowExecutionStatus.TIMED_OUT: JobStatus.FAILED,
    WorkflowExecutionStatus.CANCELED: JobStatus.CANCELLED,
}


async def refresh_job(client: Client, job: Job) -> bool:
    """Update `job` in place; True if anything changed. Closed jobs are final, but a
    completed film open for revisions follows its run until the run closes."""
    if job.status.closed and not job.revisable:
        return False
    handle = client.get_workflow_handle(job.workflow_id)
    try:
        description = await handle.describe(rpc_timeout=QUERY_TIMEOUT)
    except RPCError as error:
        log.warning("cannot describe %s: %s", job.workflow_id, error)
        return False
    status = description.status
    if status in _CLOSED:
        await _record_outcome(client, job, _CLOSED[status])
    else:
        try:
            progress = await handle.query(FilmWorkflow.progress, rpc_timeout=QUERY_TIMEOUT)
        except RPCError as error:  # no worker has picked it up yet
            log.info("progress of %s not available yet: %s", job.workflow_id, error)
            return False
        if progress.revision > 0:  # a film is published: completed, perhaps being revised
            return await _record_revision(client, job, progress)
        if progress.stage in (Stage.FAILED, Stage.CANCELLED):
            return False  # the run is closing: its outcome is recorded once it has closed
        running = JobStatus.QUEUED if progress.stage is Stage.QUEUED else JobStatus.RUNNING
        seen = (
            running,
            progress.stage.value,
            progress.percent,
            progress.shots_done,
            progress.paused,
        )
        if seen == (job.status, job.stage, job.percent, job.shots_done, job.paused):
            return False  # nothing new: no write
        job.status, job.stage, job.percent, job.shots_done, job.paused = seen
        job.shots_total = progress.shots_total
    job.updated_at = datetime.now(UTC)
    return True


async def _record_revision(client: Client, job: Job, progress: FilmProgress) -> bool:
    """A published film (status completed) whose run is open for revisions: the stage and
    percent say what a revision is doing; a new revision brings the new film's details."""
    seen = (progress.revision, progress.revisable, progress.stage.value, progress.percent)
    if job.status is JobStatus.COMPLETED and seen == (
        job.revision,
        job.revisable,
        job.stage,
        job.percent,
    ):
        return False
    if progress.revision != job.revision or job.video_key is None:
        handle = client.get_workflow_handle(job.workflow_id)
        try:
            film = await handle.query(FilmWorkflow.film, rpc_timeout=QUERY_TIMEOUT)
        except RPCError as error:
            log.info("film of %s not available: %s", job.workflow_id, error)
            return False
        if film is None:
            return False
        _record_film(job, film)
    job.status, job.paused = JobStatus.COMPLETED, False
    job.revision, job.revisable, job.stage, job.percent = seen
    job.updated_at = datetime.now(UTC)
    return True


def _record_film(job: Job, result: FilmResult) -> None:
    job.stage, job.percent = Stage.COMPLETED.value, 100
    job.shots_done = job.shots_total = result.shots
    job.duration_s = result.duration_s
    job.video_key, job.subtitles_key = result.video_key, result.subtitles_key
    job.poster_key, job.size_bytes, job.sha256 = result.poster_key, result.size_bytes, result.sha256


async def _record_outcome(client: Client, job: Job, status: JobStatus) -> None:
    handle = client.get_workflow_handle(job.workflow_id, result_type=FilmResult)
    job.status, job.paused, job.revisable = status, False, False
    if status is JobStatus.COMPLETED:
        result = await handle.result()
        _record_film(job, result)
        job.revision = max(job.revision, 1)
        return
    job.stage = status.value
    try:
        await handle.result()
    except WorkflowFailureError as failure:
        _record_failure(job, failure)


def _record_failure(job: Job, failure: WorkflowFailureError) -> None:
    cause = failure.cause
    if isinstance(cause, ApplicationError):
        job.error_type = cause.type
        job.error = cause.message
        details = cause.details[0] if cause.details else None
        if isinstance(details, dict):
            job.error_stage = details.get("stage")
            job.error_step = details.get("step")
            job.error_shot = details.get("shot_id")
    else:
        job.error_type = type(cause).__name__
        job.error = str(cause) or str(failure)
