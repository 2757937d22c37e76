"""The words a SHOT line may use for shot types and camera moves, with their synonyms."""

from __future__ import annotations

import re

from screenplay.model import CameraMove, ShotType

# Canonical spellings, in the order messages list them.
SHOT_TYPE_NAMES: dict[ShotType, str] = {
    ShotType.WIDE: "wide",
    ShotType.ESTABLISHING: "establishing",
    ShotType.MEDIUM: "medium",
    ShotType.CLOSE_UP: "close-up",
    ShotType.EXTREME_CLOSE_UP: "extreme close-up",
    ShotType.OVER_THE_SHOULDER: "over the shoulder",
    ShotType.POV: "pov",
    ShotType.INSERT: "insert",
}

CAMERA_MOVE_NAMES: dict[CameraMove, str] = {
    CameraMove.STATIC: "static",
    CameraMove.PAN_LEFT: "pan left",
    CameraMove.PAN_RIGHT: "pan right",
    CameraMove.TILT_UP: "tilt up",
    CameraMove.TILT_DOWN: "tilt down",
    CameraMove.ZOOM_IN: "zoom in",
    CameraMove.ZOOM_OUT: "zoom out",
    CameraMove.DOLLY_IN: "dolly in",
    CameraMove.DOLLY_OUT: "dolly out",
}

_SHOT_TYPE_SYNONYMS: dict[str, ShotType] = {
    "wide": ShotType.WIDE,
    "wide shot": ShotType.WIDE,
    "long shot": ShotType.WIDE,
    "full shot": ShotType.WIDE,
    "ws": ShotType.WIDE,
    "ls": ShotType.WIDE,
    "establishing": ShotType.ESTABLISHING,
    "establishing shot": ShotType.ESTABLISHING,
    "medium": ShotType.MEDIUM,
    "medium shot": ShotType.MEDIUM,
    "mid shot": ShotType.MEDIUM,
    "mid": ShotType.MEDIUM,
    "ms": ShotType.MEDIUM,
    "close-up": ShotType.CLOSE_UP,
    "closeup": ShotType.CLOSE_UP,
    "cu": ShotType.CLOSE_UP,
    "medium close-up": ShotType.CLOSE_UP,
    "mcu": ShotType.CLOSE_UP,
    "extreme close-up": ShotType.EXTREME_CLOSE_UP,
    "extreme closeup": ShotType.EXTREME_CLOSE_UP,
    "ecu": ShotType.EXTREME_CLOSE_UP,
    "xcu": ShotType.EXTREME_CLOSE_UP,
    "over the shoulder": ShotType.OVER_THE_SHOULDER,
    "over shoulder": ShotType.OVER_THE_SHOULDER,
    "ots": ShotType.OVER_THE_SHOULDER,
    "pov": ShotType.POV,
    "point of view": ShotType.POV,
    "insert": ShotType.INSERT,
}

# Verb forms times directions: "pan left", "pans left", "panning left", ...
_MOVE_VERBS: dict[tuple[str, ...], dict[str, CameraMove]] = {
    ("pan", "pans", "panning"): {"left": CameraMove.PAN_LEFT, "right": CameraMove.PAN_RIGHT},
    ("tilt", "tilts", "tilting"): {"up": CameraMove.TILT_UP, "down": CameraMove.TILT_DOWN},
    ("zoom", "zooms", "zooming"): {"in": CameraMove.ZOOM_IN, "out": CameraMove.ZOOM_OUT},
    ("dolly", "dollies", "dollying"): {
        "in": CameraMove.DOLLY_IN,
        "forward": CameraMove.DOLLY_IN,
        "out": CameraMove.DOLLY_OUT,
        "back": CameraMove.DOLLY_OUT,
    },
    ("push", "pushes", "pushing"): {"in": CameraMove.DOLLY_IN},
    ("pull", "pulls", "pulling"): {"out": CameraMove.DOLLY_OUT, "back": CameraMove.DOLLY_OUT},
    ("track", "tracks", "tracking"): {"in": CameraMove.DOLLY_IN, "out": CameraMove.DOLLY_OUT},
}

_STILL_WORDS = ("static", "locked off", "locked", "lock off", "fixed", "stationary")

# Words that may sit beside a camera move without changing it: "camera slowly pans left".
_FILLER_WORDS = ("camera", "slow", "slowly", "quick", "quickly", "fast", "gentle", "gently")


def normalize_phrase(text: str) -> str:
    """Lower case, with runs of spaces and hyphens as one space: "Close-Up" -> "close up"."""
    return " ".join(part for part in re.split(r"[\s\-]+", text.lower()) if part)


def _camera_move_synonyms() -> dict[str, CameraMove]:
    synonyms = {word: CameraMove.STATIC for word in _STILL_WORDS}
    for verbs, directions in _MOVE_VERBS.items():
        for verb in verbs:
            for direction, move in directions.items():
                synonyms[f"{verb} {direction}"] = move
    return synonyms


SHOT_TYPES: dict[str, ShotType] = {normalize_phrase(k): v for k, v in _SHOT_TYPE_SYNONYMS.items()}
CAMERA_MOVES: dict[str, CameraMove] = {
    normalize_phrase(k): v for k, v in _camera_move_synonyms().items()
}


def _alternation(phrases: list[str]) -> str:
    # Longest first, so "extreme close up" wins over "close up".
    ordered = sorted(phrases, key=lambda phrase: (-len(phrase), phrase))
    return "|".join(r"[\s\-]+".join(re.escape(w) for w in p.split()) for p in ordered)


SHOT_TYPE_PATTERN = re.compile(
    rf"(?:{_alternation(list(SHOT_TYPES))})(?:[\s\-]+shot)?(?!\w)", re.IGNORECASE
)
CAMERA_MOVE_PATTERN = re.compile(rf"(?:{_alternation(list(CAMERA_MOVES))})(?!\w)", re.IGNORECASE)
FILLER_PATTERN = re.compile(rf"(?:{_alternation(list(_FILLER_WORDS))})(?!\w)", re.IGNORECASE)


def lookup_shot_type(matched: str) -> ShotType:
    """The shot type a SHOT_TYPE_PATTERN match names; a trailing "shot" is optional."""
    phrase = normalize_phrase(matched)
    if phrase in SHOT_TYPES:
        return SHOT_TYPES[phrase]
    return SHOT_TYPES[phrase.removesuffix(" shot")]


def lookup_camera_move(matched: str) -> CameraMove:
    return CAMERA_MOVES[normalize_phrase(matched)]
