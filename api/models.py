"""The job index. Temporal holds the truth about a run; this row lists it, pages it and
keeps its outcome once the run has closed."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def closed(self) -> bool:
        return self in (JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED)


def _now() -> datetime:
    return datetime.now(UTC)


class JobBase(SQLModel):
    title: str = Field(default="Untitled", max_length=200)


class Job(JobBase, table=True):
    id: str = Field(primary_key=True, max_length=64)
    workflow_id: str = Field(index=True, max_length=100)
    tenant_id: str = Field(default="", index=True, max_length=32)
    status: JobStatus = Field(default=JobStatus.QUEUED)
    stage: str = Field(default="queued", max_length=32)
    percent: int = 0
    shots_done: int = 0
    shots_total: int = 0
    paused: bool = False
    duration_s: float = 0.0
    error: str | None = Field(default=None)
    error_stage: str | None = Field(default=None, max_length=32)
    error_step: str | None = Field(default=None, max_length=64)
    error_shot: str | None = Field(default=None, max_length=32)
    error_type: str | None = Field(default=None, max_length=64)
    video_key: str | None = Field(default=None)
    subtitles_key: str | None = Field(default=None)
    poster_key: str | None = Field(default=None)
    size_bytes: int | None = None
    sha256: str | None = Field(default=None, max_length=64)
    estimated_credits: int = 0  # millicredits, as priced at submission
    revision: int = 0  # films published so far: 1 at completion, +1 per regenerate or retry
    revisable: bool = False  # the run is open for regenerate and retry
    created_at: datetime = Field(default_factory=_now, index=True)
    updated_at: datetime = Field(default_factory=_now)
    recorded_seq: int = 0  # the workflow's last record of this row (activities/job_index.py)


class RateCounter(SQLModel, table=True):
    """One window's count of one limit (api/rate_store.py): shared by every API process."""

    key: str = Field(primary_key=True, max_length=200)
    count: int = 0
    expires_at: float = Field(index=True)  # seconds since the epoch
