"""The job index, kept by the workflow: a record of the job's row at every stage change.

Records are fire-and-forget tasks (the film does not wait for the database), numbered so
the row keeps the newest whatever order they land in, and flushed before the run closes.
"""

from __future__ import annotations

import asyncio
from typing import Any

from temporalio import workflow
from temporalio.exceptions import ActivityError

with workflow.unsafe.imports_passed_through():
    from activities.contracts import JobRecord
    from activities.job_index import JobIndexActivities
    from workflows import policies
    from workflows.cancel import uncancellable
    from workflows.failures import failure_message, failure_type
    from workflows.film_types import FilmResult, Stage
    from workflows.step_runner import AWAIT_CANCEL
    from workflows.tracker import FilmTracker


def job_status(film: FilmTracker) -> str:
    """The job's status as the API shows it: a published film is completed, even while a
    revision is being made."""
    if film.revision > 0:
        return "completed"
    if film.stage in (Stage.QUEUED, Stage.COMPLETED, Stage.FAILED, Stage.CANCELLED):
        return film.stage.value
    return "running"


def job_record(film: FilmTracker, sequence: int, published: FilmResult | None) -> JobRecord:
    progress = film.progress()
    error = film.error if film.stage is Stage.FAILED else None
    return JobRecord(
        job_id=film.job_id,
        sequence=sequence,
        status=job_status(film),
        stage=progress.stage.value,
        percent=progress.percent,
        shots_done=progress.shots_done,
        shots_total=progress.shots_total,
        paused=progress.paused,
        revision=progress.revision,
        revisable=progress.revisable,
        video_key=published.video_key if published else None,
        subtitles_key=published.subtitles_key if published else None,
        poster_key=published.poster_key if published else None,
        duration_s=published.duration_s if published else None,
        size_bytes=published.size_bytes if published else None,
        sha256=published.sha256 if published else None,
        error_stage=error.stage if error else None,
        error_step=error.step if error else None,
        error_shot=error.shot_id if error else None,
        error_type=failure_type(error) if error else None,  # as the run's own error says
        error=failure_message(error) if error else None,
    )


class JobIndex:
    def __init__(self, film: FilmTracker, queue: str) -> None:
        self._film = film
        self._queue = queue
        self._sequence = 0
        self._writes: list[asyncio.Future[Any]] = []
        self.enabled = False  # runs from before "job-index-recorded-by-workflow" do not

    def record(self, published: FilmResult | None) -> None:
        """Write the job's row as the film stands now, without waiting for it."""
        if not self.enabled:
            return
        self._sequence += 1
        record = job_record(self._film, self._sequence, published)
        self._writes = [write for write in self._writes if not write.done()]
        self._writes.append(asyncio.ensure_future(self._write(record)))

    async def _write(self, record: JobRecord) -> None:
        try:
            await workflow.execute_activity_method(
                JobIndexActivities.record_job,
                record,
                task_queue=self._queue,
                start_to_close_timeout=policies.INDEX_TIMEOUT,
                retry_policy=policies.INDEX_RETRY,
                cancellation_type=AWAIT_CANCEL,
                summary=f"index: {record.status} · {record.stage} · {record.percent}%",
            )
        except ActivityError as error:  # the API's reads of the job heal a missed record
            workflow.logger.warning("could not record the job's row: %s", error)

    async def flush(self) -> None:
        """Wait for every record still being written; a cancel does not stop this."""
        pending = [write for write in self._writes if not write.done()]
        if pending:
            await uncancellable(asyncio.gather(*pending))
