"""Planned shots -> `Shot`s, timed from their words, split when they run too long.

A shot lasts as long as its action takes to read (READING_WORDS_PER_S) plus its lines take
to speak (each speaker's pace from the speech rate, and a breath after every line), at
least 2 s (or the limits' minimum, if higher), rounded to the half second.

A shot longer than the limits' maximum (60 s by default) is split: at sentence ends, into
as few shots as keep each within the maximum, all with the shot's type and move; a
speech split this way continues as a new DialogueLine in the next shot. One sentence
that alone needs more than the maximum is an issue: the writer has to break it up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from screenplay.context import ParseContext
from screenplay.elements import Piece
from screenplay.model import (
    CameraAngle,
    DialogueLine,
    Move,
    MoveDirection,
    MoveSpeed,
    Shot,
    ShotType,
    legacy_move,
)
from screenplay.shot_facts import SceneFacts
from screenplay.timing import (
    MIN_ESTIMATE_S,
    PAUSE_PER_LINE_S,
    READING_WORDS_PER_S,
    count_words,
    format_seconds,
    round_to_step,
    speech_seconds,
)

_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])\s+|(?<=[\u3002\uff01\uff1f])")


@dataclass(frozen=True)
class SpokenDraft:
    character: str
    extension: str
    parenthetical: str
    dual: bool
    pieces: tuple[Piece, ...]


@dataclass
class PlannedShot:
    line: int
    shot_type: ShotType
    move: Move
    direction: MoveDirection
    action: list[Piece] = field(default_factory=list)
    dialogue: list[SpokenDraft] = field(default_factory=list)
    angle: CameraAngle = CameraAngle.EYE_LEVEL
    speed: MoveSpeed = MoveSpeed.NORMAL
    size_column: int = 0  # where a camera cue names the size, 0 when none does
    # Presence (issue 10): whom the film grammar frames (speaker first, then the listener
    # of an over-the-shoulder), and whether the shot shows the scene heading.
    framed: list[str] = field(default_factory=list)
    shows_heading: bool = False


@dataclass(frozen=True)
class _Take:
    line: int
    duration_s: float
    action: str
    dialogue: list[DialogueLine]


@dataclass(frozen=True)
class _Unit:
    line: int
    text: str
    seconds: float  # reading or speaking time, without the breath after a line
    owner: int  # index of the speech it belongs to; -1 for action
    opens_speech: bool = False  # the first sentence of its speech
    glue: str = " "  # what followed it in the script: a space, or nothing after "。"


def build_shots(
    scene_number: int, planned: list[PlannedShot], context: ParseContext, facts: SceneFacts
) -> list[Shot]:
    """The scene's shots, timed and split, each with what it shows (screenplay.shot_facts)."""
    shots: list[Shot] = []
    for plan in planned:
        for take in _takes(plan, context):
            number = len(shots) + 1
            shot = Shot(
                shot_id=f"{scene_number:02d}-{number:02d}",
                number=number,
                shot_type=plan.shot_type,
                camera_move=legacy_move(plan.move, plan.direction),
                duration_s=take.duration_s,
                action=take.action,
                dialogue=take.dialogue,
                line=take.line,
                angle=plan.angle,
                move=plan.move,
                direction=plan.direction,
                speed=plan.speed,
            )
            shots.append(facts.annotate(shot, plan.framed, plan.shows_heading))
    return shots


def shot_length(seconds: float, context: ParseContext) -> float:
    """Screen time for `seconds` of words: bounded below and rounded to the half second."""
    return max(context.limits.min_shot_s, round_to_step(max(MIN_ESTIMATE_S, seconds)))


def _takes(plan: PlannedShot, context: ParseContext) -> list[_Take]:
    rates = [context.pace.words_per_s(spoken.character) for spoken in plan.dialogue]
    action = " ".join(piece.text for piece in plan.action)
    lines = [
        _line(spoken, " ".join(piece.text for piece in spoken.pieces), spoken.pieces[0].line)
        for spoken in plan.dialogue
    ]
    seconds = count_words(action) / READING_WORDS_PER_S
    seconds += sum(speech_seconds(line.text, rate) for line, rate in zip(lines, rates, strict=True))
    duration = shot_length(seconds, context)
    if duration <= context.limits.max_shot_s:
        return [_Take(plan.line, duration, action, lines)]
    return _split(plan, rates, context)


def _split(plan: PlannedShot, rates: list[float], context: ParseContext) -> list[_Take]:
    units = [
        _Unit(piece.line, text, count_words(text) / READING_WORDS_PER_S, -1, glue=glue)
        for piece in plan.action
        for text, glue in _sentences(piece.text)
    ]
    for owner, (spoken, rate) in enumerate(zip(plan.dialogue, rates, strict=True)):
        said = [(piece.line, *part) for piece in spoken.pieces for part in _sentences(piece.text)]
        units.extend(
            _Unit(line, text, count_words(text) / rate, owner, index == 0, glue)
            for index, (line, text, glue) in enumerate(said)
        )
    limit = context.limits.max_shot_s
    chunks: list[list[_Unit]] = []
    current: list[_Unit] = []
    seconds = 0.0
    for unit in units:
        alone = unit.seconds + (PAUSE_PER_LINE_S if unit.owner >= 0 else 0.0)
        starts_line = unit.owner >= 0 and (not current or current[-1].owner != unit.owner)
        cost = unit.seconds + (PAUSE_PER_LINE_S if starts_line else 0.0)
        if current and shot_length(seconds + cost, context) > limit:
            chunks.append(current)
            current, seconds, cost = [], 0.0, alone
        current.append(unit)
        seconds += cost
        if shot_length(alone, context) > limit:
            context.issue(
                unit.line,
                1,
                f"a sentence here needs about {format_seconds(shot_length(alone, context))}s "
                f"on screen; expected at most {format_seconds(limit)} seconds per shot "
                "(break it into shorter sentences)",
            )
    chunks.append(current)
    return [_take(plan, chunk, index == 0, context) for index, chunk in enumerate(chunks)]


def _take(plan: PlannedShot, chunk: list[_Unit], first: bool, context: ParseContext) -> _Take:
    action = _joined([unit for unit in chunk if unit.owner < 0])
    lines: list[DialogueLine] = []
    seconds = count_words(action) / READING_WORDS_PER_S
    group: list[_Unit] = []
    for unit in chunk:
        if unit.owner < 0:
            continue
        if group and group[-1].owner != unit.owner:
            lines.append(_group_line(plan, group))
            group = []
        group.append(unit)
        seconds += unit.seconds
    if group:
        lines.append(_group_line(plan, group))
    seconds += PAUSE_PER_LINE_S * len(lines)
    return _Take(
        plan.line if first else chunk[0].line, shot_length(seconds, context), action, lines
    )


def _group_line(plan: PlannedShot, group: list[_Unit]) -> DialogueLine:
    spoken = plan.dialogue[group[0].owner]
    text = _joined(group)
    return _line(spoken, text, group[0].line, with_parenthetical=group[0].opens_speech)


def _line(
    spoken: SpokenDraft, text: str, line: int, with_parenthetical: bool = True
) -> DialogueLine:
    """A speech, or the part of it in one shot: its parenthetical goes with its start."""
    return DialogueLine(
        character=spoken.character,
        text=text,
        line=line,
        extension=spoken.extension,
        parenthetical=spoken.parenthetical if with_parenthetical else "",
        dual=spoken.dual,
    )


def _sentences(text: str) -> list[tuple[str, str]]:
    """The sentences of one line's text, each with what separates it from the next."""
    parts: list[tuple[str, str]] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if end.start() > start:
            parts.append((text[start : end.start()], end.group() and " "))
        start = end.end()
    if start < len(text):
        parts.append((text[start:], " "))
    return parts


def _joined(units: list[_Unit]) -> str:
    """The units' text as written: split sentences join back into the original line."""
    return "".join(unit.text + unit.glue for unit in units).rstrip(" ")
