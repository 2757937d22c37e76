"""Terms read from a shot heading or camera cue -> one framing: size, angle, move, modifiers.

Terms come in any order ("slow push in, low angle two shot"). Each part is taken once:
a second size, angle, move, direction or speed is a warning and the first one stays. A
direction goes with the move; a move written without one takes its default (pan right,
tilt up, ...; screenplay.vocabulary.MOVE_DIRECTIONS), and a direction the move cannot
take is a warning that keeps the default.
"""

from __future__ import annotations

from dataclasses import dataclass

from screenplay.model import CameraAngle, Move, MoveDirection, MoveSpeed, ShotType
from screenplay.vocabulary import MOVE_DIRECTIONS, Term

PARTS = ("size", "angle", "move", "direction", "speed")


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


def resolve(terms: list[ReadTerm]) -> tuple[Framing, list[TermNote]]:
    """The framing `terms` describe, and the notes on what could not be taken as written."""
    first: dict[str, ReadTerm] = {}
    notes: list[TermNote] = []
    for read in terms:
        for part in PARTS:
            if getattr(read.term, part) is None:
                continue
            if part not in first:
                first[part] = read
            else:
                shown = "move direction" if part == "direction" else part
                kept = first[part].written
                notes.append(
                    TermNote(
                        read.offset,
                        f'a second {shown} "{read.written}" after "{kept}"; the shot keeps '
                        f'"{kept}" (one {shown} per shot)',
                    )
                )
    size, angle, move, speed = (
        first.get("size"), first.get("angle"), first.get("move"), first.get("speed")
    )  # fmt: skip
    framing = Framing(
        size=size.term.size if size else None,
        angle=angle.term.angle if angle else None,
        move=move.term.move if move else None,
        direction=_direction(move, first.get("direction"), notes),
        speed=speed.term.speed if speed else None,
        size_offset=size.offset if size else -1,
    )
    return framing, notes


def _direction(
    move: ReadTerm | None, written: ReadTerm | None, notes: list[TermNote]
) -> MoveDirection | None:
    if move is None or move.term.move is None:
        if written is not None:
            notes.append(
                TermNote(
                    written.offset,
                    f'direction "{written.written}" without a camera move; expected a move '
                    'before or after it, such as "pan left" or "dolly in"; ignored',
                )
            )
        return None
    accepted = MOVE_DIRECTIONS.get(move.term.move, (MoveDirection.NONE,))
    default = accepted[0]
    if written is None or written.term.direction is None:
        return default
    if written.term.direction in accepted:
        return written.term.direction
    named = [choice.value for choice in accepted if choice is not MoveDirection.NONE]
    expected = " or ".join(named) if named else "no direction"
    using = f"using {default.value}" if default.value else "ignored"
    notes.append(
        TermNote(
            written.offset,
            f'direction "{written.written}" does not go with "{move.written}"; '
            f"expected {expected}; {using}",
        )
    )
    return default
