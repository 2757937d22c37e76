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
    """The shot's size: how much of the world and of whom it frames ("size" in the API)."""

    ESTABLISHING = "establishing"
    WIDE = "wide"
    MEDIUM = "medium"
    CLOSE_UP = "close_up"
    EXTREME_CLOSE_UP = "extreme_close_up"
    OVER_THE_SHOULDER = "over_the_shoulder"
    POV = "pov"
    INSERT = "insert"
    # Added with the full shot vocabulary; the values above stay for recorded histories.
    EXTREME_WIDE = "extreme_wide"
    MEDIUM_WIDE = "medium_wide"  # medium long, medium full, cowboy
    MEDIUM_CLOSE_UP = "medium_close_up"
    CUTAWAY = "cutaway"
    MASTER = "master"
    TWO_SHOT = "two_shot"
    THREE_SHOT = "three_shot"
    GROUP_SHOT = "group_shot"
    DIRTY_SINGLE = "dirty_single"
    CLEAN_SINGLE = "clean_single"
    REACTION = "reaction"


class CameraAngle(StrEnum):
    """Where the camera looks from, relative to the figures."""

    EYE_LEVEL = "eye_level"
    HIGH = "high"
    LOW = "low"
    OVERHEAD = "overhead"  # top shot, bird's-eye
    WORMS_EYE = "worms_eye"
    AERIAL = "aerial"  # drone
    DUTCH = "dutch"  # canted


class Move(StrEnum):
    """The kind of camera move, without its direction or speed."""

    STATIC = "static"  # locked off
    PAN = "pan"
    WHIP_PAN = "whip_pan"
    TILT = "tilt"
    ZOOM = "zoom"
    CRASH_ZOOM = "crash_zoom"
    DOLLY = "dolly"
    PUSH_IN = "push_in"
    PULL_OUT = "pull_out"
    TRUCK = "truck"
    PEDESTAL = "pedestal"
    CRANE = "crane"  # boom
    TRACKING = "tracking"  # follow
    ARC = "arc"  # orbit
    HANDHELD = "handheld"
    STEADICAM = "steadicam"
    RACK_FOCUS = "rack_focus"


class MoveDirection(StrEnum):
    NONE = ""
    LEFT = "left"
    RIGHT = "right"
    UP = "up"
    DOWN = "down"
    IN = "in"
    OUT = "out"


class MoveSpeed(StrEnum):
    NORMAL = ""
    SLOW = "slow"
    FAST = "fast"


class CameraMove(StrEnum):
    """The combined move of the first releases (kept so recorded histories decode).

    New code reads Shot.move, Shot.direction and Shot.speed; `camera_move` is still set to
    the matching value where one exists, else STATIC."""

    STATIC = "static"
    PAN_LEFT = "pan_left"
    PAN_RIGHT = "pan_right"
    TILT_UP = "tilt_up"
    TILT_DOWN = "tilt_down"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    DOLLY_IN = "dolly_in"
    DOLLY_OUT = "dolly_out"


LEGACY_MOVES: dict[CameraMove, tuple[Move, MoveDirection]] = {
    CameraMove.STATIC: (Move.STATIC, MoveDirection.NONE),
    CameraMove.PAN_LEFT: (Move.PAN, MoveDirection.LEFT),
    CameraMove.PAN_RIGHT: (Move.PAN, MoveDirection.RIGHT),
    CameraMove.TILT_UP: (Move.TILT, MoveDirection.UP),
    CameraMove.TILT_DOWN: (Move.TILT, MoveDirection.DOWN),
    CameraMove.ZOOM_IN: (Move.ZOOM, MoveDirection.IN),
    CameraMove.ZOOM_OUT: (Move.ZOOM, MoveDirection.OUT),
    CameraMove.DOLLY_IN: (Move.DOLLY, MoveDirection.IN),
    CameraMove.DOLLY_OUT: (Move.DOLLY, MoveDirection.OUT),
}


def legacy_move(move: Move, direction: MoveDirection) -> CameraMove:
    """The first releases' combined value for a move, or STATIC where none matches."""
    for combined, parts in LEGACY_MOVES.items():
        if parts == (move, direction):
            return combined
    return CameraMove.STATIC


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
    # The shot vocabulary (issue 8): size is `shot_type`; these say how the camera sees.
    angle: CameraAngle = CameraAngle.EYE_LEVEL
    move: Move = Move.STATIC
    direction: MoveDirection = MoveDirection.NONE
    speed: MoveSpeed = MoveSpeed.NORMAL
    # Who and what the shot shows (issue 10): `present` is on screen, `heard` off screen.
    # None: a plan from a release before presence (draw as it did); [] nobody on screen.
    present: list[str] | None = None
    heard: list[str] = field(default_factory=list)
    props: list[str] = field(default_factory=list)  # things the action names: "radio", "cup"
    atmosphere: list[str] = field(default_factory=list)  # weather and light: "rain", "neon"

    def __post_init__(self) -> None:
        # A plan from the first releases names only the combined move: read it as kind
        # and direction, so old payloads render as they did.
        if self.move is Move.STATIC and self.camera_move is not CameraMove.STATIC:
            kind, direction = LEGACY_MOVES[self.camera_move]
            object.__setattr__(self, "move", kind)
            object.__setattr__(self, "direction", direction)


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
    present: list[str] = field(default_factory=list)  # on screen somewhere in the scene
    # Issue 10: off-screen voices (O.S., devices, V.O. not on screen), the drawn setting
    # ("lighthouse", "car", ...; "" for the generic room or landscape) and weather/light.
    heard: list[str] = field(default_factory=list)
    setting: str = ""
    atmosphere: list[str] = field(default_factory=list)

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
    # What the parser assumed where the script was silent (continuity): notes, not warnings.
    assumptions: list[ScriptWarning] = field(default_factory=list)

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
