"""The part of a SHOT line after the colon: shot type, camera move and duration."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from screenplay.errors import ScriptIssue
from screenplay.limits import ScriptLimits
from screenplay.model import CameraMove, ShotType
from screenplay.timing import DURATION_PATTERN, duration_of, format_seconds
from screenplay.vocabulary import (
    CAMERA_MOVE_NAMES,
    CAMERA_MOVE_PATTERN,
    CAMERA_MOVES,
    FILLER_PATTERN,
    SHOT_TYPE_NAMES,
    SHOT_TYPE_PATTERN,
    SHOT_TYPES,
    lookup_camera_move,
    lookup_shot_type,
    normalize_phrase,
)

# Punctuation between the parts: "Wide shot, pan left - 5s", "CU / zoom in (4s)".
_SEPARATORS = frozenset(",;|/.:()[]-\u2013\u2014")
_WORD = re.compile(r"[^\s,;|/.:()\[\]]+")
_SHOWN_CHARS = 40


@dataclass(frozen=True)
class ShotSpec:
    shot_type: ShotType | None = None  # None: not written
    camera_move: CameraMove | None = None
    duration_s: float | None = None  # None: estimate from the words


@dataclass
class _Scan:
    line: int
    first_column: int  # column of the spec's first character
    limits: ScriptLimits
    shot_type: ShotType | None = None
    camera_move: CameraMove | None = None
    duration_s: float | None = None
    duration_seen: bool = False
    unknown_start: int = -1
    unknown_end: int = -1

    def __post_init__(self) -> None:
        self.issues: list[ScriptIssue] = []

    def issue(self, position: int, message: str) -> None:
        self.issues.append(ScriptIssue(self.line, self.first_column + position, message))


def parse_shot_spec(
    spec: str, line: int, first_column: int, limits: ScriptLimits
) -> tuple[ShotSpec, list[ScriptIssue]]:
    """Read "Wide shot, pan left - 5s"; `first_column` is where `spec` starts in its line."""
    scan = _Scan(line, first_column, limits)
    position = 0
    # Stop early on a hopeless line: its first issues say enough.
    while position < len(spec) and len(scan.issues) <= limits.max_issues:
        char = spec[position]
        if char.isspace():
            position += 1
        elif char in _SEPARATORS:
            _flush_unknown(scan, spec)
            position += 1
        else:
            position = _read_part(scan, spec, position)
    _flush_unknown(scan, spec)
    result = ShotSpec(scan.shot_type, scan.camera_move, scan.duration_s)
    return result, scan.issues


def _read_part(scan: _Scan, spec: str, position: int) -> int:
    """Read one known part or unknown word at `position`; return where reading stopped."""
    if match := DURATION_PATTERN.match(spec, position):
        _flush_unknown(scan, spec)
        _take_duration(scan, match, position)
    elif match := SHOT_TYPE_PATTERN.match(spec, position):
        _flush_unknown(scan, spec)
        _take_shot_type(scan, lookup_shot_type(match.group()), match.group(), position)
    elif match := CAMERA_MOVE_PATTERN.match(spec, position):
        _flush_unknown(scan, spec)
        _take_camera_move(scan, lookup_camera_move(match.group()), match.group(), position)
    elif match := FILLER_PATTERN.match(spec, position):
        _flush_unknown(scan, spec)
    else:
        match = _WORD.match(spec, position)
        assert match is not None  # `position` is at a character that starts a word
        if scan.unknown_start < 0:
            scan.unknown_start = position
        scan.unknown_end = match.end()
    return match.end()


def _take_duration(scan: _Scan, match: re.Match[str], position: int) -> None:
    written = _shown(match.group().strip())
    if scan.duration_seen:
        scan.issue(position, f'a second duration "{written}"; expected one duration per shot')
        return
    scan.duration_seen = True
    seconds = duration_of(match)
    low, high = scan.limits.min_shot_s, scan.limits.max_shot_s
    if not low <= seconds <= high:
        scan.issue(
            position,
            f"duration {written} is out of range; "
            f"expected {format_seconds(low)} to {format_seconds(high)} seconds",
        )
        return
    scan.duration_s = seconds


def _take_shot_type(scan: _Scan, shot_type: ShotType, written: str, position: int) -> None:
    if scan.shot_type is not None:
        first = SHOT_TYPE_NAMES[scan.shot_type]
        scan.issue(
            position,
            f'a second shot type "{_shown(written)}" after "{first}"; '
            "expected one shot type per shot",
        )
        return
    scan.shot_type = shot_type


def _take_camera_move(scan: _Scan, move: CameraMove, written: str, position: int) -> None:
    if scan.camera_move is not None:
        first = CAMERA_MOVE_NAMES[scan.camera_move]
        scan.issue(
            position,
            f'a second camera move "{_shown(written)}" after "{first}"; '
            "expected one camera move per shot",
        )
        return
    scan.camera_move = move


def _flush_unknown(scan: _Scan, spec: str) -> None:
    """Report the run of unknown words just read, as whatever part is still missing."""
    if scan.unknown_start < 0:
        return
    written = spec[scan.unknown_start : scan.unknown_end]
    position = scan.unknown_start
    scan.unknown_start = scan.unknown_end = -1
    shown = _shown(written)
    if scan.shot_type is None:
        hint = _did_you_mean(written, list(SHOT_TYPES))
        accepted = ", ".join(SHOT_TYPE_NAMES.values())
        scan.issue(position, f'unknown shot type "{shown}"{hint}; expected one of: {accepted}')
    elif scan.camera_move is None:
        hint = _did_you_mean(written, list(CAMERA_MOVES))
        accepted = ", ".join(CAMERA_MOVE_NAMES.values())
        scan.issue(position, f'unknown camera move "{shown}"{hint}; expected one of: {accepted}')
    elif not scan.duration_seen:
        scan.issue(position, f'unexpected "{shown}"; expected a duration such as "5s"')
    else:
        scan.issue(
            position,
            f'unexpected "{shown}"; expected only a shot type, a camera move and a duration',
        )


def _did_you_mean(written: str, candidates: list[str]) -> str:
    if len(written) > _SHOWN_CHARS:
        return ""
    close = difflib.get_close_matches(normalize_phrase(written), candidates, n=1, cutoff=0.75)
    return f' (did you mean "{close[0]}"?)' if close else ""


def _shown(text: str) -> str:
    """Text quoted in a message, cut short so one bad line cannot flood the report."""
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "\u2026"
