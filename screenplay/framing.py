"""Terms read from a shot heading or camera cue -> one framing: size, angle, move, modifiers.

Terms come in any order ("slow push in, low angle two shot"). Each part is taken once:
a second size, angle, move or speed is a warning and the first one stays. A direction
goes with the move; a move written without one takes its default (pan right, tilt up,
...; screenplay.vocabulary.MOVE_DIRECTIONS), and a direction the move cannot take is a
warning that keeps the default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from screenplay.model import CameraAngle, Move, MoveDirection, MoveSpeed, ShotType
from screenplay.vocabulary import MOVE_DIRECTIONS, Term

_E = TypeVar("_E", bound=StrEnum)


@dataclass(frozen=True)
class Framing:
    """What a heading or cue wrote; None where it said nothing about that part."""

    size: ShotType | None = None
    angle: CameraAngle | None = None
    move: Move | None = None
    direction: MoveDirection | None = None
    speed: MoveSpeed | None = None
    size_offset: int = -1  # where the size term starts in the text read, -1 when none


@dataclass(frozen=True)
class TermNote:
    """A warning about the terms, at an offset into the text they were read from."""

    offset: int
    message: str


@dataclass(frozen=True)
class ReadTerm:
    term: Term
    offset: int  # where it starts in the text read
    written: str  # as written, for messages


@dataclass
class _Parts:
    framing: dict[str, tuple[object, ReadTerm]] = field(default_factory=dict)
    notes: list[TermNote] = field(default_factory=list)

    def take(self, part: str, value: object, read: ReadTerm) -> None:
        if value is None:
            return
        if part in self.framing:
            _, first = self.framing[part]
            shown = "move direction" if part == "direction" else part
            self.notes.append(
                TermNote(
                    read.offset,
                    f'a second {shown} "{read.written}" after "{first.written}"; the shot '
                    f'keeps "{first.written}" (one {shown} per shot)',
                )
            )
            return
        self.framing[part] = (value, read)

    def value(self, part: str) -> object:
        return self.framing[part][0] if part in self.framing else None


def resolve(terms: list[ReadTerm]) -> tuple[Framing, list[TermNote]]:
    """The framing `terms` describe, and the notes on what could not be taken as written."""
    parts = _Parts()
    for read in terms:
        term = read.term
        parts.take("size", term.size, read)
        parts.take("angle", term.angle, read)
        parts.take("move", term.move, read)
        parts.take("direction", term.direction, read)
        parts.take("speed", term.speed, read)
    move = parts.value("move")
    direction = _direction(parts, _typed(move, Move))
    return (
        Framing(
            size=_typed(parts.value("size"), ShotType),
            angle=_typed(parts.value("angle"), CameraAngle),
            move=_typed(move, Move),
            direction=direction,
            speed=_typed(parts.value("speed"), MoveSpeed),
            size_offset=parts.framing["size"][1].offset if "size" in parts.framing else -1,
        ),
        parts.notes,
    )


def _typed(value: object, kind: type[_E]) -> _E | None:
    return value if isinstance(value, kind) else None


def _direction(parts: _Parts, move: Move | None) -> MoveDirection | None:
    written = parts.framing.get("direction")
    if move is None:
        if written is not None:
            _, read = written
            parts.notes.append(
                TermNote(
                    read.offset,
                    f'direction "{read.written}" without a camera move; expected a move '
                    'before or after it, such as "pan left" or "dolly in"; ignored',
                )
            )
        return None
    accepted = MOVE_DIRECTIONS.get(move, (MoveDirection.NONE,))
    default = accepted[0]
    if written is None:
        return default
    value, read = written
    assert isinstance(value, MoveDirection)
    if value in accepted:
        return value
    move_read = parts.framing["move"][1]
    named = [choice.value for choice in accepted if choice is not MoveDirection.NONE]
    expected = " or ".join(named) if named else "no direction"
    using = f"using {default.value}" if default.value else "ignored"
    parts.notes.append(
        TermNote(
            read.offset,
            f'direction "{read.written}" does not go with "{move_read.written}"; '
            f"expected {expected}; {using}",
        )
    )
    return default
