"""Activity payloads: one dataclass in, one out. They carry ids and artifact keys, never media."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.breakdown import BreakdownOptions
from media.profile import RenderProfile
from media.subtitles import SubtitleCue
from providers.base import SceneContext, ScoreCue
from screenplay.model import CameraMove, FilmPlan, Move, MoveDirection, MoveSpeed, Shot


@dataclass(frozen=True)
class PlanFilmInput:
    job_id: str
    script: str
    title: str | None = None
    options: BreakdownOptions = field(default_factory=BreakdownOptions)
    voice_provider: str = ""  # the provider the cast is chosen on; "" for the worker's first


@dataclass(frozen=True)
class PlanFilmResult:
    plan: FilmPlan
    cast: dict[str, str] = field(default_factory=dict)  # empty in runs before casting moved here


@dataclass(frozen=True)
class GenerateVisualInput:
    job_id: str
    film_title: str
    scene: SceneContext
    shot: Shot
    profile: RenderProfile
    take: int = 1  # 2, 3, ... when a shot is regenerated: a new take beside the old ones
    notes: str = ""  # direction for this take
    seed: int | None = None  # another seed, another picture
    provider: str = ""  # which provider of the chain draws it; "" for the first
    style: str = ""  # the film's options.style, for generative providers' prompts
    negative_prompt: str = ""
    references: dict[str, str] = field(default_factory=dict)  # character -> artifact key


@dataclass(frozen=True)
class LayerKey:
    """One depth plane of a shot's art in the store (providers.base.ArtLayer)."""

    key: str
    depth: float
    role: str


@dataclass(frozen=True)
class EffectKey:
    """An animated texture in the store (providers.base.ArtEffect), with its pixel size."""

    key: str
    kind: str
    width: int
    height: int
    dx_per_s: float = 0.0
    dy_per_s: float = 0.0
    flicker: float = 0.0
    opacity: float = 1.0


@dataclass(frozen=True)
class GenerateVisualResult:
    background_key: str
    overlay_key: str | None
    provider: str
    attempt: int = 1
    credits: float = 0.0  # what the provider charges for this picture
    # Layered art (issue 8): empty from providers that draw one picture.
    layers: list[LayerKey] = field(default_factory=list)
    effects: list[EffectKey] = field(default_factory=list)
    prompt: str = ""  # the text prompt the shot was drawn from
    calls_cut_off: int = 0  # paid calls of earlier attempts a crash cut off (charged too)
    clip_key: str | None = None  # the provider's moving clip, already a shot clip
    frames: int = 0


@dataclass(frozen=True)
class CharacterReferencesInput:
    """Make each character's reference picture once per film, on one visual provider."""

    job_id: str
    film_title: str
    characters: list[str]
    provider: str
    profile: RenderProfile
    style: str = ""


@dataclass(frozen=True)
class CharacterReferencesResult:
    references: dict[str, str]  # character -> artifact key; {} : the provider takes none
    provider: str
    credits: float = 0.0


@dataclass(frozen=True)
class CastVoicesInput:
    job_id: str
    characters: list[str]
    provider: str = ""  # the voice provider to cast on; "" for the worker's first


@dataclass(frozen=True)
class CastVoicesResult:
    voices: dict[str, str]  # character -> voice, as the provider describes it
    provider: str


@dataclass(frozen=True)
class LineRequest:
    character: str
    text: str
    voice: str | None = None  # from the cast; None lets the provider choose by name
    extension: str = ""  # "V.O.", "O.S.": mixed as such


@dataclass(frozen=True)
class SynthesizeDialogueInput:
    job_id: str
    shot_id: str
    duration_s: float
    profile: RenderProfile
    lines: list[LineRequest] = field(default_factory=list)
    take: int = 1  # the take of the shot these lines are spoken for
    provider: str = ""  # which voice provider of the chain speaks; "" for the first


@dataclass(frozen=True)
class SpokenLine:
    audio_key: str
    start_s: float  # from the start of the shot
    duration_s: float
    voice: str


@dataclass(frozen=True)
class SynthesizeDialogueResult:
    """The shot's lines, and its dialogue stem: every line at its time, sample-exact."""

    stem_key: str
    provider: str
    lines: list[SpokenLine] = field(default_factory=list)
    attempt: int = 1
    credits: float = 0.0


@dataclass(frozen=True)
class RenderShotInput:
    job_id: str
    shot_id: str
    camera_move: CameraMove
    duration_s: float
    background_key: str
    overlay_key: str | None
    profile: RenderProfile
    take: int = 1
    # Issue 8: the layered art and the full move (camera_move stays the legacy value).
    layers: list[LayerKey] = field(default_factory=list)
    effects: list[EffectKey] = field(default_factory=list)
    move: Move = Move.STATIC
    direction: MoveDirection = MoveDirection.NONE
    speed: MoveSpeed = MoveSpeed.NORMAL


@dataclass(frozen=True)
class RenderShotResult:
    clip_key: str
    frames: int
    duration_s: float
    attempt: int = 1
    reused: bool = False  # an earlier attempt had already finished the clip
    credits: float = 0.0


@dataclass(frozen=True)
class RenderPlaceholderInput:
    job_id: str
    shot_id: str
    duration_s: float
    lines: list[str]  # what the card says: the shot, and why it is missing
    profile: RenderProfile
    take: int = 1


@dataclass(frozen=True)
class ComposeScoreInput:
    job_id: str
    cues: list[ScoreCue]
    profile: RenderProfile
    provider: str = ""  # which music provider of the chain composes; "" for the first


@dataclass(frozen=True)
class ComposeScoreResult:
    score_key: str
    duration_s: float
    provider: str
    credits: float = 0.0


@dataclass(frozen=True)
class MixSoundtrackInput:
    job_id: str
    stem_keys: list[str]  # one per shot, in film order
    score_key: str
    profile: RenderProfile
    revision: int = 0  # the film revision it is mixed for (storage/keys.py); 0: flat keys


@dataclass(frozen=True)
class MixSoundtrackResult:
    soundtrack_key: str
    duration_s: float


@dataclass(frozen=True)
class CutShot:
    """A shot as the editor's timeline shows it."""

    shot_id: str
    name: str
    clip_key: str
    dialogue_key: str
    duration_s: float
    scene_heading: str
    # How the shot is framed (issue 8), for the timeline's clip metadata.
    size: str = ""
    angle: str = ""
    move: str = ""
    direction: str = ""
    speed: str = ""


@dataclass(frozen=True)
class ComposeFilmInput:
    job_id: str
    title: str
    clip_keys: list[str]
    soundtrack_key: str
    duration_s: float
    subtitles: list[SubtitleCue] = field(default_factory=list)
    cut: list[CutShot] = field(default_factory=list)  # for the OpenTimelineIO timeline
    fps: int = 24
    revision: int = 0  # the film revision it writes (storage/keys.py); 0: flat keys


@dataclass(frozen=True)
class ComposeFilmResult:
    video_key: str
    subtitles_key: str | None
    duration_s: float  # as planned; publish_film measures and checks it
    vtt_key: str | None = None
    timeline_key: str | None = None


@dataclass(frozen=True)
class PublishFilmInput:
    job_id: str
    video_key: str
    subtitles_key: str | None
    expected_duration_s: float
    revision: int = 0  # the film revision it publishes (storage/keys.py); 0: flat keys


@dataclass(frozen=True)
class PublishFilmResult:
    video_key: str
    subtitles_key: str | None
    poster_key: str
    video_url: str
    subtitles_url: str | None
    duration_s: float
    size_bytes: int
    sha256: str


@dataclass(frozen=True)
class CreditsInput:
    """A move in the tenant's ledger for one job. The idempotency key is the workflow's
    and the activity's ids, so a retried activity never moves money twice."""

    tenant_id: str
    job_id: str
    amount: int = 0  # millicredits; a release gives back whatever the job still holds
    memo: str = ""


@dataclass(frozen=True)
class CreditsResult:
    amount: int  # millicredits moved
    key: str


@dataclass(frozen=True)
class NotifyInput:
    """A webhook to send; the activity signs it with the tenant's secret (never in history)."""

    tenant_id: str
    url: str
    event: str  # film.completed | film.failed | film.cancelled
    job_id: str
    status: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class JobRecord:
    """What the job index shows, written by the workflow at every stage change. A record
    older than the one the row holds (by `sequence`) is ignored."""

    job_id: str
    sequence: int
    status: str  # queued | running | completed | failed | cancelled
    stage: str
    percent: int
    shots_done: int
    shots_total: int
    paused: bool = False
    revision: int = 0
    revisable: bool = False
    video_key: str | None = None  # the published film, once there is one
    subtitles_key: str | None = None
    poster_key: str | None = None
    duration_s: float | None = None
    size_bytes: int | None = None
    sha256: str | None = None
    error_stage: str | None = None
    error_step: str | None = None
    error_shot: str | None = None
    error_type: str | None = None
    error: str | None = None
