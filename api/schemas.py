"""Request and response bodies of the REST API."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from api.models import JobStatus


class JobCreate(BaseModel):
    script: str = Field(min_length=1, description="SCENE/SHOT script or free text")
    title: str | None = Field(default=None, max_length=200)


class JobCreated(BaseModel):
    job_id: str
    workflow_id: str
    status: JobStatus


class Progress(BaseModel):
    percent: int
    stage: str
    shots_done: int
    shots_total: int


class JobError(BaseModel):
    stage: str | None
    step: str | None
    shot_id: str | None
    type: str | None
    message: str


class JobPublic(BaseModel):
    job_id: str
    workflow_id: str
    title: str
    status: JobStatus
    progress: Progress
    duration_s: float
    created_at: datetime
    error: JobError | None = None


class JobPage(BaseModel):
    items: list[JobPublic]
    total: int
    limit: int
    offset: int


class Download(BaseModel):
    url: str
    subtitles_url: str | None
    poster_url: str | None
    duration_s: float
    size_bytes: int | None
    sha256: str | None


class ScriptIssueOut(BaseModel):
    line: int
    column: int
    message: str
