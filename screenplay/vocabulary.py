"""The shot vocabulary: every term a shot heading or camera cue may use, in one table.

Each `Term` names what it sets (size, angle, move, direction, speed) and every spelling
it is written with. Spellings match case-insensitively with any run of spaces or hyphens
between words and with or without apostrophes and periods ("bird's-eye" = "birds eye",
"P.O.V." = "pov"). SCENE/SHOT headings (screenplay.shot_spec) and Fountain camera cues
(screenplay.camera_cues) both read this table, and the README's table is made from it
(screenplay.vocabulary_doc), so the three cannot disagree.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from screenplay.model import CameraAngle, Move, MoveDirection, MoveSpeed, ShotType

S, A, M, D, V = ShotType, CameraAngle, Move, MoveDirection, MoveSpeed


@dataclass(frozen=True)
class Term:
    name: str  # the canonical spelling, as messages and the README show it
    spellings: tuple[str, ...] = ()  # further spellings and abbreviations
    size: ShotType | None = None
    angle: CameraAngle | None = None
    move: Move | None = None
    direction: MoveDirection | None = None
    speed: MoveSpeed | None = None

    @property
    def kind(self) -> str:
        if self.size is not None:
            return "size"
        if self.angle is not None:
            return "angle"
        if self.move is not None:
            return "move"
        return "direction" if self.direction is not None else "speed"


def _t(
    name: str,
    *spellings: str,
    size: ShotType | None = None,
    angle: CameraAngle | None = None,
    move: Move | None = None,
    direction: MoveDirection | None = None,
    speed: MoveSpeed | None = None,
) -> Term:
    return Term(name, spellings, size, angle, move, direction, speed)


SIZES: tuple[Term, ...] = (
    _t("extreme wide", "ews", "xws", "extreme long", "els", "xls",
       size=S.EXTREME_WIDE),
    _t("wide", "ws", "long", "ls", "full", "fs", size=S.WIDE),
    _t("medium wide", "mws", "medium long", "mls", "medium full", "mfs", "cowboy",
       "three quarter", size=S.MEDIUM_WIDE),
    _t("medium", "ms", "mid", "waist", "angle on", "new angle", "reverse angle",
       "back to scene", size=S.MEDIUM),
    _t("medium close-up", "mcu", "medium closeup", "mid close-up", size=S.MEDIUM_CLOSE_UP),
    _t("close-up", "closeup", "cu", "close", "tight", size=S.CLOSE_UP),
    _t("extreme close-up", "extreme closeup", "extreme close", "ecu", "xcu", "bcu",
       "big close-up", size=S.EXTREME_CLOSE_UP),
    _t("insert", size=S.INSERT),
    _t("cutaway", "cut away", size=S.CUTAWAY),
    _t("establishing", "est", size=S.ESTABLISHING),
    _t("master", size=S.MASTER),
    _t("two shot", "2 shot", size=S.TWO_SHOT),
    _t("three shot", "3 shot", size=S.THREE_SHOT),
    _t("group shot", size=S.GROUP_SHOT),
    _t("over the shoulder", "over shoulder", "ots", "oss", size=S.OVER_THE_SHOULDER),
    _t("dirty single", size=S.DIRTY_SINGLE),
    _t("clean single", "single", size=S.CLEAN_SINGLE),
    _t("pov", "point of view", size=S.POV),
    _t("reaction shot", "reaction", size=S.REACTION),
)  # fmt: skip

ANGLES: tuple[Term, ...] = (
    _t("eye level", "neutral", angle=A.EYE_LEVEL),
    _t("high angle", "high", angle=A.HIGH),
    _t("low angle", "low", angle=A.LOW),
    _t("overhead", "top shot", "top down", "bird's eye", "bird's eye view", angle=A.OVERHEAD),
    _t("worm's eye", "worm's eye view", angle=A.WORMS_EYE),
    _t("aerial", "drone", angle=A.AERIAL),
    _t("dutch angle", "dutch", "dutch tilt", "canted", "oblique",
       angle=A.DUTCH),
)  # fmt: skip

MOVES: tuple[Term, ...] = (
    _t("static", "locked off", "lock off", "locked", "fixed", "stationary", move=M.STATIC),
    _t("pan", "pans", "panning", move=M.PAN),
    _t("whip pan", "whip pans", "whip", "swish pan", "flash pan", move=M.WHIP_PAN),
    _t("tilt", "tilts", "tilting", move=M.TILT),
    _t("zoom", "zooms", "zooming", move=M.ZOOM),
    _t("crash zoom", "crash zooms", "snap zoom", move=M.CRASH_ZOOM),
    _t("dolly", "dollies", "dollying", move=M.DOLLY),
    _t("push in", "pushes in", "pushing in", "push", move=M.PUSH_IN, direction=D.IN),
    _t("pull out", "pulls out", "pulling out", "pull back", "pulls back", "pulling back",
       "pullback", move=M.PULL_OUT, direction=D.OUT),
    _t("truck", "trucks", "trucking", move=M.TRUCK),
    _t("pedestal", "pedestals", "ped", move=M.PEDESTAL),
    _t("crane", "cranes", "craning", "boom", "booms", "booming", "jib", move=M.CRANE),
    _t("tracking", "track", "tracks", "track with", "tracking with", "follow", "follows",
       "following", move=M.TRACKING),
    _t("arc", "arcs", "arcing", "orbit", "orbits", "orbiting", move=M.ARC),
    _t("handheld", "hand held", "shaky cam", move=M.HANDHELD),
    _t("steadicam", "steadycam", "gimbal", move=M.STEADICAM),
    _t("rack focus", "racks focus", "rack", "focus pull", "pull focus", "pulls focus",
       move=M.RACK_FOCUS),
)  # fmt: skip

DIRECTIONS: tuple[Term, ...] = (
    _t("left", "leftward", "leftwards", direction=D.LEFT),
    _t("right", "rightward", "rightwards", direction=D.RIGHT),
    _t("up", "upward", "upwards", direction=D.UP),
    _t("down", "downward", "downwards", direction=D.DOWN),
    _t("in", "forward", "forwards", direction=D.IN),
    _t("out", "back", "backward", "backwards", direction=D.OUT),
)

SPEEDS: tuple[Term, ...] = (
    _t("slow", "slowly", "gentle", "gently", "gradual", "gradually", speed=V.SLOW),
    _t("fast", "quick", "quickly", "rapid", "rapidly", "swift", "swiftly", speed=V.FAST),
)

TERMS: tuple[Term, ...] = SIZES + ANGLES + MOVES + DIRECTIONS + SPEEDS

# The directions each move may take, the first being its default when none is written;
# a move not listed takes no direction.
MOVE_DIRECTIONS: dict[Move, tuple[MoveDirection, ...]] = {
    M.PAN: (D.RIGHT, D.LEFT),
    M.WHIP_PAN: (D.RIGHT, D.LEFT),
    M.TILT: (D.UP, D.DOWN),
    M.ZOOM: (D.IN, D.OUT),
    M.CRASH_ZOOM: (D.IN, D.OUT),
    M.DOLLY: (D.IN, D.OUT),
    M.PUSH_IN: (D.IN,),
    M.PULL_OUT: (D.OUT,),
    M.TRUCK: (D.RIGHT, D.LEFT),
    M.PEDESTAL: (D.UP, D.DOWN),
    M.CRANE: (D.UP, D.DOWN),
    M.TRACKING: (D.NONE, D.IN, D.OUT, D.LEFT, D.RIGHT),
    M.ARC: (D.RIGHT, D.LEFT),
}

# Words that may sit among the terms without meaning anything: "camera pans to the left".
FILLERS: tuple[str, ...] = (
    "camera", "cam", "shot", "shots", "angle", "view", "the", "a", "an", "to", "on", "of",
    "and", "then", "with", "at", "from", "into", "across", "over", "toward", "towards",
)  # fmt: skip

_APOSTROPHES = "'\u2019"


# The non-ASCII letters Python's case-insensitive matching takes for ASCII ones.
_ASCII_LOOKALIKES = {ord("\u0130"): "i", ord("\u0131"): "i", ord("\u017f"): "s", ord("\u212a"): "k"}
_DROPPED = {ord(c): None for c in _APOSTROPHES + "."}


def normalize_phrase(text: str) -> str:
    """Lower case, without apostrophes and periods, spaces and hyphens as one space."""
    lowered = text.translate(_ASCII_LOOKALIKES).lower().translate(_DROPPED)
    return " ".join(part for part in re.split(r"[\s\-\u2010\u2011]+", lowered) if part)


def _spellings(term: Term) -> tuple[str, ...]:
    return (term.name, *term.spellings)


BY_SPELLING: dict[str, Term] = {
    normalize_phrase(spelling): term for term in TERMS for spelling in _spellings(term)
}
FILLER_WORDS = frozenset(FILLERS)


def _phrase_pattern(phrase: str) -> str:
    """A regex for one normalized phrase: any spaces or hyphens between its words, and
    apostrophes or periods wherever a writer may put them ("bird's", "p.o.v.")."""
    mark = rf"[{_APOSTROPHES}.]?"
    words = [mark.join(re.escape(char) for char in word) for word in phrase.split()]
    return r"[\s\-\u2010\u2011]+".join(words) + r"\.?"


def _alternation(phrases: list[str]) -> str:
    # Longest first, so "extreme close up" wins over "close up" and "dutch tilt" over "tilt".
    ordered = sorted(phrases, key=lambda phrase: (-len(phrase), phrase))
    return "|".join(_phrase_pattern(phrase) for phrase in ordered)


_END = r"(?![\w\u2019'])"
TERM_PATTERN = re.compile(rf"(?:{_alternation(list(BY_SPELLING))}){_END}", re.IGNORECASE)
FILLER_PATTERN = re.compile(rf"(?:{_alternation(list(FILLERS))}){_END}", re.IGNORECASE)


def lookup(matched: str) -> Term:
    """The term a TERM_PATTERN match spells."""
    return BY_SPELLING[normalize_phrase(matched)]


def nearest_term(written: str) -> str:
    """The canonical name of the term closest to `written`, or "" when none is close."""
    phrase = normalize_phrase(written)
    if not phrase or len(phrase) > 40:
        return ""
    close = difflib.get_close_matches(phrase, list(BY_SPELLING), n=1, cutoff=0.6)
    return BY_SPELLING[close[0]].name if close else ""


def name_of(value: ShotType | CameraAngle | Move) -> str:
    """The canonical name of a size, angle or move: "two shot" for ShotType.TWO_SHOT."""
    for term in TERMS:
        if value in (term.size, term.angle, term.move):
            return term.name
    raise KeyError(value)
