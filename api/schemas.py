"""Request and response bodies of the REST API."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from api.models import JobStatus


class CastMember(BaseModel):
    """One character's casting: a voice, the voice provider that speaks it, a reference."""

    model_config = ConfigDict(extra="forbid")
    voice: str | None = Field(default=None, max_length=200)
    provider: str | None = Field(default=None, max_length=100)
    reference: str | None = Field(
        default=None,
        max_length=2000,
        description="a reference picture of the character: an upload id (POST "
        "/api/v1/uploads) or an https URL; else one is made once per film by the first "
        "visual provider that takes references",
    )


class ScriptOptions(BaseModel):
    format: Literal["auto", "fountain", "scene_shot", "free_text"] = "auto"
    on_shot_failure: Literal["fail", "placeholder"] = Field(
        default="fail",
        description="placeholder: a shot that fails every attempt becomes a titled card",
    )
    cast: dict[str, str | CastMember] = Field(
        default_factory=dict,
        description='Voice per character, overriding casting, e.g. {"MAYA": "en-us+f3 p=60 s=160"}'
        ' or {"MAYA": {"voice": "nova", "provider": "openai-speech"}}',
    )
    style: str = Field(
        default="",
        max_length=500,
        description="the film's look for generative picture providers, e.g. '35mm, noir'",
    )
    negative_prompt: str = Field(
        default="", max_length=500, description="what generative picture providers must not draw"
    )
    webhook_url: str | None = Field(
        default=None,
        max_length=2000,
        description="POSTed on completed, failed and cancelled; signed with the tenant's secret",
    )
    strict: bool = Field(
        default=False,
        description="words a shot heading or camera cue does not know are errors, not warnings",
    )


class JobCreate(BaseModel):
    script: str = Field(min_length=1, description="Fountain, SCENE/SHOT or free text")
    title: str | None = Field(default=None, max_length=200)
    options: ScriptOptions = Field(default_factory=ScriptOptions)


class PreviewRequest(JobCreate):
    pass


class EstimateOut(BaseModel):
    credits: int
    render_seconds: float
    picture: float
    voice: float
    music: float
    render: float


class ReferenceOut(BaseModel):
    """The picture a character's shots will be drawn with (issue 11)."""

    source: Literal["yours", "made", "none"] = Field(
        default="none",
        description="yours: options.cast.NAME.reference, stored with the film and sent with "
        "every shot that shows the character; made: a character sheet made once per film by "
        "`provider`, the first visual provider of the chain that takes references (if it "
        "fails for good, the next such provider makes it; with none left, shots go without); "
        "none: no provider of the chain takes references, the animatic draws from the plan",
    )
    reference: str | None = Field(default=None, description="yours: the upload id or URL given")
    provider: str | None = Field(default=None, description="made: the provider that makes it")


class CharacterOut(BaseModel):
    name: str
    voice: str
    provider: str = Field(
        default="",
        description="the voice provider the cast is chosen on: the first of the chain that "
        "takes every voice and provider options.cast asks for",
    )
    lines: int
    reference: ReferenceOut = Field(default_factory=ReferenceOut)


class WarningOut(BaseModel):
    line: int
    message: str
    column: int = 0  # 1-based; 0 when the warning is about the whole line


# Issue 10: a note of what the plan assumed where the script was silent (continuity).
class AssumptionOut(BaseModel):
    line: int
    column: int
    message: str


class Preview(BaseModel):
    format: str
    title: str | None
    scenes: list[dict[str, Any]] = Field(
        description="each scene as planned: int_ext and time_of_day as resolved, setting, "
        "present (on screen) and heard (off screen), atmosphere; its shots with present, "
        "heard, props and atmosphere"
    )
    characters: list[CharacterOut]
    duration_s: float
    shots: int
    estimate: EstimateOut
    warnings: list[WarningOut]
    # Issue 10: continuity assumptions, notes rather than warnings.
    assumptions: list[AssumptionOut] = Field(default_factory=list)


class JobCreated(BaseModel):
    job_id: str
    workflow_id: str
    status: JobStatus


class Progress(BaseModel):
    percent: int
    stage: str
    shots_done: int
    shots_total: int
    paused: bool = False


class JobError(BaseModel):
    stage: str | None
    step: str | None
    shot_id: str | None
    type: str | None
    message: str


class Cost(BaseModel):
    estimated: float
    held: float
    spent: float


class JobPublic(BaseModel):
    job_id: str
    workflow_id: str
    title: str
    status: JobStatus
    progress: Progress
    duration_s: float
    created_at: datetime
    cost: Cost
    revision: int = 0
    revisable: bool = False
    error: JobError | None = None


class JobPage(BaseModel):
    items: list[JobPublic]
    total: int
    limit: int
    offset: int


class Download(BaseModel):
    url: str
    subtitles_url: str | None
    vtt_url: str | None
    timeline_url: str | None
    poster_url: str | None
    duration_s: float
    size_bytes: int | None
    sha256: str | None
    expires_in_s: int  # the links are signed and stop working after this


class ScriptIssueOut(BaseModel):
    line: int
    column: int
    message: str


class LedgerEntryOut(BaseModel):
    kind: str
    amount: float
    job_id: str | None
    memo: str
    created_at: datetime


class Credits(BaseModel):
    granted: float
    available: float
    held: float
    spent: float
    entries: list[LedgerEntryOut]
