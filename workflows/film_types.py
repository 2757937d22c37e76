"""FilmWorkflow's input, result and query payloads."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from core.task_queues import TaskQueues
from media.profile import RenderProfile
from screenplay.errors import ScriptWarning
from screenplay.model import DialogueLine


class Stage(StrEnum):
    QUEUED = "queued"
    PLANNING = "planning"
    RENDERING = "rendering"
    COMPOSING = "composing"
    PUBLISHING = "publishing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class ShotStatus(StrEnum):
    PENDING = "pending"
    RENDERING = "rendering"
    DONE = "done"
    FAILED = "failed"
    PLACEHOLDER = "placeholder"  # failed every attempt; a titled card stands in for it


@dataclass(frozen=True)
class ControlInput:
    """Payload of the pause and resume signals; `reason` shows in the Web UI."""

    reason: str = ""


@dataclass(frozen=True)
class FilmOptions:
    max_parallel_shots: int = 4
    script_format: str = "auto"  # auto | fountain | scene_shot | free_text
    cast: dict[str, str] = field(default_factory=dict)  # character -> voice override
    on_shot_failure: str = "fail"  # fail | placeholder (a titled card, and the film goes on)
    webhook_url: str = ""  # POSTed on completed, failed and cancelled (checked by the API)
    revision_window_s: int = 0  # how long a completed film stays open to regenerate or retry
    strict: bool = False  # shot words outside the vocabulary are errors (as in the preview)
    style: str = ""  # film-wide look for generative providers: "35mm, noir, high contrast"
    negative_prompt: str = ""  # what generative providers must not draw
    references: dict[str, str] = field(default_factory=dict)  # character -> a user's picture


@dataclass(frozen=True)
class FilmInput:
    job_id: str
    script: str
    title: str | None = None
    options: FilmOptions = field(default_factory=FilmOptions)
    profile: RenderProfile = field(default_factory=RenderProfile)
    queues: TaskQueues = field(default_factory=TaskQueues)
    tenant_id: str = ""  # whose credits pay; "" runs without the ledger (tests, CLI starts)
    credits_estimate: int = 0  # millicredits held before any render
    visual_providers: list[str] = field(default_factory=list)  # the chain; [] = the worker's
    # Remote providers' own task queues (provider -> queue), from settings; {} runs every
    # picture on the models queue, as runs before provider queues did.
    provider_queues: dict[str, str] = field(default_factory=dict)
    voice_queue: str = ""  # the voice provider's own queue when it is remote; "" : models
    # The voice chain: the film is cast on the first; if it fails for good, every line is
    # spoken again on the next, cast there ([] or one: no failover, as before).
    voice_providers: list[str] = field(default_factory=list)
    music_providers: list[str] = field(default_factory=list)  # the score's chain, as pictures


@dataclass(frozen=True)
class RegenerateShotInput:
    """The `regenerate_shot` update: render one shot again as a new take."""

    shot_id: str
    notes: str = ""  # direction for the new take
    seed: int | None = None  # another seed, another picture


@dataclass(frozen=True)
class RevisionAccepted:
    """What `regenerate_shot` and `retry_failed_shots` answer: the work is queued."""

    revision: int  # the film's revision once this work is published
    shot_ids: list[str]
    takes: dict[str, int]  # shot id -> the take it will render


@dataclass(frozen=True)
class FailureInfo:
    """Which stage failed, for which shot (if any), and why."""

    stage: str
    step: str
    shot_id: str | None
    error_type: str
    message: str
    provider: str = ""  # the provider (or tool) that failed, when the activity said
    retryable: bool = True  # False: retrying cannot help (bad input, refused content)
    billed: float = 0.0  # credits the provider bills for the failed call (an unusable output)


@dataclass(frozen=True)
class FilmResult:
    job_id: str
    title: str
    video_key: str
    subtitles_key: str | None
    poster_key: str
    video_url: str
    subtitles_url: str | None
    duration_s: float
    size_bytes: int
    sha256: str
    shots: int


@dataclass(frozen=True)
class SceneProgress:
    number: int
    heading: str
    shots_done: int
    shots_total: int


@dataclass(frozen=True)
class FilmProgress:
    percent: int
    stage: Stage
    shots_done: int
    shots_total: int
    scenes: list[SceneProgress] = field(default_factory=list)
    paused: bool = False  # no new shot starts while paused; running ones finish
    revision: int = 0  # films published so far
    revisable: bool = False  # open to regenerate_shot and retry_failed_shots
    credits_spent: float = 0.0


@dataclass(frozen=True)
class ShotState:
    shot_id: str
    number: int
    shot_type: str
    camera_move: str
    duration_s: float
    action: str
    dialogue: list[DialogueLine]
    status: ShotStatus
    attempts: dict[str, int]
    assets: dict[str, str]
    error: FailureInfo | None = None
    extended_from_s: float | None = None  # the written duration, when dialogue needed more
    take: int = 1
    takes: list[str] = field(default_factory=list)  # every take's clip, oldest first
    providers: dict[str, str] = field(default_factory=dict)  # step -> the provider that did it
    failovers: list[str] = field(default_factory=list)  # "step: from -> to (why)"
    # The shot vocabulary's separate parts (issue 8); shot_type and camera_move stay.
    size: str = ""
    angle: str = ""
    move: str = ""
    direction: str = ""
    speed: str = ""
    # Issue 10: who is on screen and heard, and what the shot shows (screenplay.shot_facts).
    present: list[str] = field(default_factory=list)
    heard: list[str] = field(default_factory=list)
    props: list[str] = field(default_factory=list)
    atmosphere: list[str] = field(default_factory=list)
    prompt: str = ""  # the text prompt its picture was drawn from


@dataclass(frozen=True)
class SceneState:
    number: int
    heading: str
    int_ext: str  # as the film reads it: kept or read from the words when not written
    location: str
    time_of_day: str  # as the film reads it: kept from the scene before when not written
    shots: list[ShotState]
    # Issue 10: on screen and heard in the scene, where it is, its weather and light.
    present: list[str] = field(default_factory=list)
    heard: list[str] = field(default_factory=list)
    setting: str = ""
    atmosphere: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FilmState:
    job_id: str
    title: str
    stage: Stage
    duration_s: float
    scenes: list[SceneState]
    cast: dict[str, str]
    assets: dict[str, str]
    error: FailureInfo | None = None
    revision: int = 0  # films published so far
    revision_error: FailureInfo | None = None  # the last revision's failure; the film stands
    credits_held: float = 0.0
    credits_spent: float = 0.0
    # Issue 10: what the plan assumed where the script was silent (continuity): notes.
    assumptions: list[ScriptWarning] = field(default_factory=list)
    references: dict[str, str] = field(default_factory=dict)  # character -> reference key
    references_by: str = ""  # the visual provider that drew the character references
    cast_provider: str = ""  # the voice provider the cast speaks on (the next once it moved)
    voice_failovers: list[str] = field(default_factory=list)  # "from -> to (why)"
    score_provider: str = ""  # the music provider that composed the score
    score_failovers: list[str] = field(default_factory=list)  # "from -> to (why)"
