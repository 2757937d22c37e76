"""Notes on sizes that frame more characters than a scene has: a two shot of one person.

The shot keeps its size (the picture frames whoever is there); the note tells the
writer, in the preview's warnings, that the picture cannot show what the words ask.
"""

from __future__ import annotations

from collections.abc import Iterable

from screenplay.context import ParseContext
from screenplay.model import ShotType
from screenplay.vocabulary import name_of

FRAMED: dict[ShotType, int] = {
    ShotType.TWO_SHOT: 2,
    ShotType.THREE_SHOT: 3,
    ShotType.GROUP_SHOT: 3,
}


def note_framing(
    shots: Iterable[tuple[ShotType | None, int, int]], present: list[str], context: ParseContext
) -> None:
    """`shots` are (size, line, column of the size term) of the shots a scene wrote."""
    for size, line, column in shots:
        needed = FRAMED.get(size) if size is not None else None
        if size is None or needed is None or len(present) >= needed:
            continue
        count = len(present)
        who = f" ({', '.join(present)})" if present else ""
        verb = "is" if count == 1 else "are"
        more = " or more" if size is ShotType.GROUP_SHOT else ""
        context.warn(
            line,
            f"a {name_of(size)} frames {needed}{more} characters but {count} {verb} in "
            f"the scene{who}; the picture shows {'only ' if count else ''}"
            f"{'them' if count > 1 else 'that one' if count else 'the setting'}",
            column,
        )
