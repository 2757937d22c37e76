"""The film plan: what a parsed script says to render. Plain frozen dataclasses.

These travel through Temporal payloads (JSON), so fields are simple types, lists and
enums. Line numbers point at the script text the element came from (1-based).
Recorded workflow histories must keep decoding: new fields go at the END of a dataclass
and always have a default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from screenplay.errors import ScriptWarning


class ShotType(StrEnum):
    ESTABLISHING = "establishing"
    WIDE = "wide"
    MEDIUM = "medium"
    CLOSE_UP = "close_up"
    EXTREME_CLOSE_UP = "extreme_close_up"
    OVER_THE_SHOULDER = "over_the_shoulder"
    POV = "pov"
    INSERT = "insert"


class CameraMove(StrEnum):
    STATIC = "static"
    PAN_LEFT = "pan_left"
    PAN_RIGHT = "pan_right"
    TILT_UP = "tilt_up"
    TILT_DOWN = "tilt_down"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    DOLLY_IN = "dolly_in"
    DOLLY_OUT = "dolly_out"


@dataclass(frozen=True)
class DialogueLine:
    character: str  # as written, upper case: "MAYA"
    text: str  # as written (Fountain: emphasis markers and notes removed); never interpreted
    line: int
    extension: str = ""  # "V.O.", "O.S.", "CONT'D": upper case, without parentheses
    parenthetical: str = ""  # "beat" for "(beat)" before the line, without parentheses
    dual: bool = False  # spoken at the same time as another line (Fountain "^")


@dataclass(frozen=True)
class Shot:
    shot_id: str  # stable, path-safe: "01-02" is scene 1, shot 2
    number: int  # 1-based within its scene
    shot_type: ShotType
    camera_move: CameraMove
    duration_s: float
    action: str
    dialogue: list[DialogueLine] = field(default_factory=list)
    line: int = 0
    extended_from_s: float | None = None  # the written duration, when speech needed more


@dataclass(frozen=True)
class Scene:
    number: int  # 1-based order in the film
    heading: str  # "INT. COFFEE SHOP - MORNING"
    int_ext: str  # "INT", "EXT", "INT/EXT" or "" when the heading says neither
    location: str  # "COFFEE SHOP"
    time_of_day: str  # "MORNING", "" when not given
    shots: list[Shot] = field(default_factory=list)
    line: int = 0
    scene_number: str = ""  # the written label of a Fountain "#12A#", not the order
    present: list[str] = field(default_factory=list)  # speakers and CAPS names in action

    @property
    def characters(self) -> list[str]:
        """Speaking characters in order of first line."""
        seen: dict[str, None] = {}
        for shot in self.shots:
            for spoken in shot.dialogue:
                seen.setdefault(spoken.character, None)
        return list(seen)


@dataclass(frozen=True)
class FilmPlan:
    title: str
    script_format: str  # "fountain", "scene_shot" or "free_text"
    scenes: list[Scene] = field(default_factory=list)
    warnings: list[ScriptWarning] = field(default_factory=list)

    @property
    def shots(self) -> list[Shot]:
        return [shot for scene in self.scenes for shot in scene.shots]

    @property
    def duration_s(self) -> float:
        return round(sum(shot.duration_s for shot in self.shots), 3)

    @property
    def characters(self) -> list[str]:
        seen: dict[str, None] = {}
        for scene in self.scenes:
            for name in scene.characters:
                seen.setdefault(name, None)
        return list(seen)
