"""Job rows written by a route that also awaits Temporal: each write is its own short
session, so no database connection is held while the route waits on the server."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlmodel import Session

from api.models import Job, JobStatus


def record_not_started(engine: Engine, job_id: str, error: str, error_type: str) -> None:
    """The row of a job whose workflow could not be started: failed at submit."""
    with Session(engine) as session:
        job = session.get(Job, job_id)
        if job is None:
            return
        job.status, job.stage = JobStatus.FAILED, "submit"
        job.error, job.error_type = error, error_type
        job.updated_at = datetime.now(UTC)
        session.add(job)
        session.commit()
