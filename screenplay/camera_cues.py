"""Camera directions written in CAPS at the start of an action paragraph.

Only upper-case words count, as screenwriters write them, so "Wide awake, she..." stays
plain action. A shot-type cue may be followed by a move cue ("WIDE SHOT - PAN LEFT").

Shot-type cues (each brings the default move of its type unless a move cue follows):
  CLOSE ON, CLOSE-UP (ON), CLOSE UP (ON), CLOSEUP, CLOSE SHOT, TIGHT ON, CU -> close_up
  EXTREME CLOSE ON, EXTREME CLOSE-UP / CLOSE UP / CLOSEUP, ECU, XCU -> extreme_close_up
  ANGLE ON, NEW ANGLE, REVERSE ANGLE, MEDIUM SHOT, MEDIUM ON, BACK TO SCENE -> medium
  WIDE, WIDE SHOT, WIDE ON, LONG SHOT, FULL SHOT -> wide
  ESTABLISHING (SHOT), AERIAL (SHOT) -> establishing
  OVER THE SHOULDER, OVER-THE-SHOULDER, OTS -> over_the_shoulder
  POV, POV SHOT, P.O.V., MAYA'S POV -> pov
  INSERT, INSERT ON, INSERT SHOT -> insert
Move cues (the shot type stays what the paragraph's place in the scene gives):
  PAN [LEFT|RIGHT] (default right), TILT [UP|DOWN] (default up), DOLLY [IN|OUT|FORWARD|
  BACK] (default in), ZOOM [IN|OUT] (default in), PUSH IN -> dolly_in, PULL BACK / PULL
  OUT -> dolly_out, TRACKING / TRACK (WITH, SHOT) -> dolly_in (TRACK OUT/BACK ->
  dolly_out), STATIC / LOCKED OFF -> static. Verb forms PANS, PANNING, ... count too.
A direction the verb cannot take ("PAN UP") keeps the verb's default, with a warning.
Unknown camera words, a CAPS phrase ending in SHOT or ANGLE ("LOW ANGLE") or starting
with CRANE, STEADICAM, HANDHELD, DUTCH, RACK, WHIP, SNAP, JIB, DRONE or ORBIT, are
reported in a warning and leave the shot as the grammar plans it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from screenplay.model import CameraMove, ShotType

_TYPE_CUES: dict[str, ShotType] = {
    "EXTREME CLOSE ON": ShotType.EXTREME_CLOSE_UP,
    "EXTREME CLOSE-UP ON": ShotType.EXTREME_CLOSE_UP,
    "EXTREME CLOSE-UP": ShotType.EXTREME_CLOSE_UP,
    "EXTREME CLOSE UP": ShotType.EXTREME_CLOSE_UP,
    "EXTREME CLOSEUP": ShotType.EXTREME_CLOSE_UP,
    "ECU": ShotType.EXTREME_CLOSE_UP,
    "XCU": ShotType.EXTREME_CLOSE_UP,
    "CLOSE ON": ShotType.CLOSE_UP,
    "CLOSE-UP ON": ShotType.CLOSE_UP,
    "CLOSE UP ON": ShotType.CLOSE_UP,
    "CLOSE-UP": ShotType.CLOSE_UP,
    "CLOSE UP": ShotType.CLOSE_UP,
    "CLOSEUP": ShotType.CLOSE_UP,
    "CLOSE SHOT": ShotType.CLOSE_UP,
    "TIGHT ON": ShotType.CLOSE_UP,
    "CU": ShotType.CLOSE_UP,
    "ANGLE ON": ShotType.MEDIUM,
    "NEW ANGLE": ShotType.MEDIUM,
    "REVERSE ANGLE": ShotType.MEDIUM,
    "MEDIUM SHOT": ShotType.MEDIUM,
    "MEDIUM ON": ShotType.MEDIUM,
    "BACK TO SCENE": ShotType.MEDIUM,
    "WIDE SHOT": ShotType.WIDE,
    "WIDE ON": ShotType.WIDE,
    "WIDE": ShotType.WIDE,
    "LONG SHOT": ShotType.WIDE,
    "FULL SHOT": ShotType.WIDE,
    "ESTABLISHING SHOT": ShotType.ESTABLISHING,
    "ESTABLISHING": ShotType.ESTABLISHING,
    "AERIAL SHOT": ShotType.ESTABLISHING,
    "AERIAL": ShotType.ESTABLISHING,
    "OVER THE SHOULDER": ShotType.OVER_THE_SHOULDER,
    "OVER-THE-SHOULDER": ShotType.OVER_THE_SHOULDER,
    "OTS": ShotType.OVER_THE_SHOULDER,
    "POV SHOT": ShotType.POV,
    "POV": ShotType.POV,
    "P.O.V.": ShotType.POV,
    "INSERT SHOT": ShotType.INSERT,
    "INSERT ON": ShotType.INSERT,
    "INSERT": ShotType.INSERT,
}

# Verb -> (accepted directions, default move).
_MOVE_VERBS: dict[str, tuple[dict[str, CameraMove], CameraMove]] = {
    "PAN": ({"LEFT": CameraMove.PAN_LEFT, "RIGHT": CameraMove.PAN_RIGHT}, CameraMove.PAN_RIGHT),
    "TILT": ({"UP": CameraMove.TILT_UP, "DOWN": CameraMove.TILT_DOWN}, CameraMove.TILT_UP),
    "DOLLY": (
        {
            "IN": CameraMove.DOLLY_IN,
            "FORWARD": CameraMove.DOLLY_IN,
            "OUT": CameraMove.DOLLY_OUT,
            "BACK": CameraMove.DOLLY_OUT,
        },
        CameraMove.DOLLY_IN,
    ),
    "ZOOM": ({"IN": CameraMove.ZOOM_IN, "OUT": CameraMove.ZOOM_OUT}, CameraMove.ZOOM_IN),
    "TRACK": (
        {"IN": CameraMove.DOLLY_IN, "OUT": CameraMove.DOLLY_OUT, "BACK": CameraMove.DOLLY_OUT},
        CameraMove.DOLLY_IN,
    ),
}
_VERB_FORMS: dict[str, str] = {
    form: verb
    for verb, forms in {
        "PAN": ("PAN", "PANS", "PANNING"),
        "TILT": ("TILT", "TILTS", "TILTING"),
        "DOLLY": ("DOLLY", "DOLLIES", "DOLLYING"),
        "ZOOM": ("ZOOM", "ZOOMS", "ZOOMING"),
        "TRACK": ("TRACK", "TRACKS", "TRACKING"),
    }.items()
    for form in forms
}
_FIXED_MOVES: dict[str, CameraMove] = {
    "PUSH IN": CameraMove.DOLLY_IN,
    "PUSHES IN": CameraMove.DOLLY_IN,
    "PULL BACK": CameraMove.DOLLY_OUT,
    "PULL OUT": CameraMove.DOLLY_OUT,
    "PULLS BACK": CameraMove.DOLLY_OUT,
    "STATIC": CameraMove.STATIC,
    "LOCKED OFF": CameraMove.STATIC,
}
_DIRECTION_WORDS = frozenset(
    {"LEFT", "RIGHT", "UP", "DOWN", "IN", "OUT", "FORWARD", "BACK", "BACKWARD", "SIDEWAYS"}
)
_UNKNOWN_STARTS: tuple[str, ...] = (
    "CRANE",
    "STEADICAM",
    "HANDHELD",
    "DUTCH",
    "RACK",
    "WHIP",
    "SNAP",
    "JIB",
)
_UNKNOWN_STARTS += ("DRONE", "ORBIT")
KNOWN_CUES_SHOWN = "CLOSE ON, ANGLE ON, WIDE, POV, INSERT, PAN, TILT, DOLLY, ZOOM, TRACKING"

_END = r"(?![\w'\u2019-])"


def _alternation(phrases: list[str]) -> str:
    ordered = sorted(phrases, key=lambda phrase: (-len(phrase), phrase))
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)


_TYPE_CUE = re.compile(
    rf"(?:(?P<owner>[A-Z][A-Z0-9.\-]*(?:\s+[A-Z][A-Z0-9.\-]*)?)['\u2019]S\s+)?"
    rf"(?P<cue>{_alternation(list(_TYPE_CUES))}){_END}"
)
_MOVE_CUE = re.compile(
    rf"(?P<fixed>{_alternation(list(_FIXED_MOVES))}){_END}"
    rf"|(?P<verb>{_alternation(list(_VERB_FORMS))}){_END}"
    rf"(?:\s+(?P<direction>[A-Z]+){_END})?"
)
_SEPARATORS = re.compile(r"[\s,;:/\u2013\u2014-]*")
_UNKNOWN = re.compile(
    rf"(?P<phrase>(?:[A-Z][A-Z'\u2019.\-]*\s+){{0,2}}(?:SHOT|ANGLE){_END}"
    rf"|(?:{'|'.join(_UNKNOWN_STARTS)}){_END}(?:\s+[A-Z]+{_END})?)"
)


@dataclass(frozen=True)
class CameraCue:
    shot_type: ShotType | None = None  # None: not written
    camera_move: CameraMove | None = None
    warning: str = ""  # about words that look like camera directions but were not read


def read_camera_cue(text: str) -> CameraCue:
    """The camera direction at the start of `text`, if any."""
    text = text.lstrip()
    shot_type: ShotType | None = None
    position = 0
    type_match = _TYPE_CUE.match(text)
    if type_match is not None and (type_match.group("owner") is None or _is_pov(type_match)):
        shot_type = _TYPE_CUES[" ".join(type_match.group("cue").split())]
        position = type_match.end()
        if separators := _SEPARATORS.match(text, position):
            position = separators.end()
    move_match = _MOVE_CUE.match(text, position)
    if move_match is None:
        if shot_type is None and (unknown := _UNKNOWN.match(text)):
            phrase = " ".join(unknown.group("phrase").split())
            return CameraCue(
                warning=f'unknown camera direction "{phrase}" (the shot keeps its planned type '
                f"and move); expected one of: {KNOWN_CUES_SHOWN}"
            )
        return CameraCue(shot_type)
    if fixed := move_match.group("fixed"):
        return CameraCue(shot_type, _FIXED_MOVES[" ".join(fixed.split())])
    verb = _VERB_FORMS[move_match.group("verb")]
    directions, default = _MOVE_VERBS[verb]
    direction = move_match.group("direction")
    if direction is None or direction not in _DIRECTION_WORDS:
        return CameraCue(shot_type, default)
    if direction in directions:
        return CameraCue(shot_type, directions[direction])
    accepted = " or ".join(directions)
    return CameraCue(
        shot_type,
        default,
        f'camera direction "{move_match.group("verb")} {direction}" is unknown; '
        f"expected {accepted} after {verb}; using {default.value.replace('_', ' ')}",
    )


def _is_pov(match: re.Match[str]) -> bool:
    """ "MAYA'S POV" names whose point of view; other cues take no owner."""
    return _TYPE_CUES[" ".join(match.group("cue").split())] is ShotType.POV
