"""Small provider interfaces, one per kind of model work.

The embedded providers (animatic frames, espeak-ng voices, a synthesized score) are real
and offline. Generative services plug in behind the same interfaces. Providers write files
at paths the caller built; they never see artifact keys, Temporal or the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from media.profile import RenderProfile
from providers.moderation import ModerationFinding
from screenplay.model import Shot


@dataclass(frozen=True)
class SceneContext:
    number: int
    heading: str
    int_ext: str
    location: str
    time_of_day: str
    characters: list[str] = field(default_factory=list)
    # From the plan's Scene (screenplay/model.py): what the animatic draws.
    setting: str = ""  # "" is the generic room or landscape
    atmosphere: list[str] = field(default_factory=list)  # "rain", "fog", "neon", ...
    present: list[str] = field(default_factory=list)  # on screen in the scene
    heard: list[str] = field(default_factory=list)  # off screen: never drawn


@dataclass(frozen=True)
class FrameRequest:
    film_title: str
    scene: SceneContext
    shot: Shot
    profile: RenderProfile
    notes: str = ""  # direction for a regenerated take
    seed: int | None = None  # None: the provider's own stable choice
    # For remote providers (all optional; the embedded ones ignore them):
    request_id: str = ""  # the same for every retry of this take: "<workflow>/<shot>/<take>"
    prompt: str = ""  # the text prompt built from the plan (providers/prompts.py)
    negative_prompt: str = ""
    references: dict[str, Path] = field(default_factory=dict)  # character -> reference image
    # Called while a remote job runs: heartbeats, and raises ProviderCancelled when the
    # work was cancelled, so the provider can stop its job before it goes.
    progress: Callable[[], None] | None = field(default=None, compare=False, repr=False)
    # True once the work was cancelled (not when a worker merely shuts down: its retry
    # resumes the same job), so a provider that was interrupted knows to stop its job.
    cancelled: Callable[[], bool] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ArtLayer:
    """One depth plane of a shot's art: an RGBA PNG of profile.art_size.

    depth 0.0 is the far background (moves least when the camera trucks or arcs), 1.0 the
    nearest foreground. `role` names it: "far", "setting", "figures", "foreground"."""

    path: Path
    depth: float
    role: str


@dataclass(frozen=True)
class ArtEffect:
    """An animated layer over the picture: weather or light that moves frame to frame.

    path: an RGBA texture PNG that tiles seamlessly (any size); the compositor scrolls it
    by (dx, dy) output-frame widths/heights per second, wrapping around, and for
    `flicker` > 0 varies its opacity by up to that fraction, deterministically."""

    path: Path
    kind: str  # "rain", "snow", "fog", "fire", ...
    dx_per_s: float = 0.0
    dy_per_s: float = 0.0
    flicker: float = 0.0
    opacity: float = 1.0


@dataclass(frozen=True)
class FrameArt:
    """What a visual provider drew.

    background: RGB PNG of profile.art_size; the camera move pans and zooms across it.
    overlay: RGBA PNG of the output frame size, composited on top after the move
    (titles, captions); None when the provider draws no overlay.
    layers: when given, the background split by depth (far to near), so a move can differ
    by depth (parallax, rack focus); `background` stays their flattened composite.
    effects: animated layers (rain, snow, fog, fire) composited over the moved picture.
    clip: see below; `background` is then its first frame.
    """

    background: Path
    overlay: Path | None
    layers: list[ArtLayer] = field(default_factory=list)
    effects: list[ArtEffect] = field(default_factory=list)
    # A moving clip the provider made (ComfyUI image-to-video), any size, rate and length:
    # re-encoded to the clip profile and the shot's exact duration, it is the shot's
    # picture track instead of `background` moved by the camera.
    clip: Path | None = None


class VisualProvider(Protocol):
    name: str
    price_per_second: float  # credits per second of shot

    def render_frame(self, request: FrameRequest, out_dir: Path) -> FrameArt: ...


@dataclass(frozen=True)
class VoiceClip:
    path: Path  # WAV
    duration_s: float
    voice: str  # the voice used, e.g. "en-us+m3 p=42 s=165"


class VoiceProvider(Protocol):
    name: str
    price_per_character: float  # credits per character spoken

    def check_voice(self, voice: str) -> str:
        """A voice a user asked for, normalized; ValueError says what is wrong with it."""
        ...

    def speech_rate(self, voice: str) -> float:
        """Words per second the voice speaks."""
        ...

    def voice_for(self, character: str) -> str:
        """The voice this character speaks with; stable for a name across runs."""
        ...

    def cast(self, characters: list[str]) -> dict[str, str]:
        """Voices for one film's characters, no two alike, stable for the same cast."""
        ...

    def synthesize(
        self,
        character: str,
        text: str,
        out_path: Path,
        max_duration_s: float | None = None,
        *,
        voice: str | None = None,
    ) -> VoiceClip:
        """Speak `text` as `character`, in `voice` (from `cast`) when given."""
        ...


@dataclass(frozen=True)
class ScoreCue:
    """One scene's stretch of the score."""

    start_s: float
    duration_s: float
    int_ext: str
    time_of_day: str


@dataclass(frozen=True)
class ScoreTrack:
    path: Path  # WAV, stereo
    duration_s: float


class MusicProvider(Protocol):
    name: str
    price_per_second: float  # credits per second of film

    def compose(
        self, cues: list[ScoreCue], seed: str, out_path: Path, sample_rate: int
    ) -> ScoreTrack: ...


class ModerationProvider(Protocol):
    """Reads a script before any spend; each finding names a line the policy refuses."""

    name: str

    def review(self, text: str) -> list[ModerationFinding]: ...
