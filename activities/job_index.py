"""record_job: the workflow writes its job's row in the index at every stage change, so
lists show the truth for jobs nobody polled. Hosted on the film-orchestration queue, by
workers that reach the API's database.

A record carries the workflow's own sequence number; the row takes it only if it is newer
than what the row holds, so records that arrive late or twice change nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, update
from sqlmodel import Session, col
from temporalio import activity

from activities.contracts import JobRecord
from api.models import Job, JobStatus

_FILM = ("video_key", "subtitles_key", "poster_key", "duration_s", "size_bytes", "sha256")
_ERROR = ("error_stage", "error_step", "error_shot", "error_type", "error")


def job_values(record: JobRecord) -> dict[str, object]:
    """The columns a record sets: its film and error only when it has them."""
    values: dict[str, object] = {
        "status": JobStatus(record.status),
        "stage": record.stage,
        "percent": record.percent,
        "shots_done": record.shots_done,
        "shots_total": record.shots_total,
        "paused": record.paused,
        "revision": record.revision,
        "revisable": record.revisable,
        "recorded_seq": record.sequence,
        "updated_at": datetime.now(UTC),
    }
    if record.video_key is not None:
        values.update({name: getattr(record, name) for name in _FILM})
    if record.error is not None:
        values.update({name: getattr(record, name) for name in _ERROR})
    return values


class JobIndexActivities:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @activity.defn
    def record_job(self, record: JobRecord) -> bool:
        """True if the row took the record (False: no such job, or a newer record won)."""
        with Session(self._engine) as session:
            done = session.exec(
                update(Job)
                .where(col(Job.id) == record.job_id)
                .where(col(Job.recorded_seq) < record.sequence)
                .values(**job_values(record))
            )
            session.commit()
            return bool(done.rowcount)
