"""What a scene says, before it becomes shots: action, dialogue blocks, insert cards.

Fountain and SCENE/SHOT scenes without SHOT lines both read into these, so one film
grammar (screenplay.film_grammar) plans the shots of either. Text is already clean:
notes, boneyard and emphasis markers are gone and whitespace runs are single spaces.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Piece:
    """The text one script line contributes, with that line's number."""

    line: int
    text: str


@dataclass(frozen=True)
class ActionBlock:
    """A paragraph of action, or a centered card (">THE END<") when `centered`."""

    pieces: tuple[Piece, ...]
    centered: bool = False

    @property
    def line(self) -> int:
        return self.pieces[0].line

    @property
    def text(self) -> str:
        return " ".join(piece.text for piece in self.pieces)


@dataclass(frozen=True)
class Speech:
    """Words spoken without a parenthetical in between; they become one DialogueLine."""

    pieces: tuple[Piece, ...]
    parenthetical: str = ""  # the one just before, without parentheses


@dataclass(frozen=True)
class DialogueBlock:
    """A character cue and what follows it up to the next blank line."""

    line: int  # the cue's line
    character: str
    extension: str
    speeches: tuple[Speech, ...]


@dataclass(frozen=True)
class DualBlock:
    """Two dialogue blocks spoken at once (Fountain "^" on the second cue)."""

    first: DialogueBlock
    second: DialogueBlock

    @property
    def line(self) -> int:
        return self.first.line


Element = ActionBlock | DialogueBlock | DualBlock


@dataclass
class SceneDraft:
    """A scene's heading and its elements in script order."""

    line: int
    heading: str  # clean: no leading "." of a forced heading, no "#12#"
    scene_number: str = ""
    elements: list[Element] = field(default_factory=list)
    column: int = 1  # where the heading's text starts on its line


def speakers_of(element: Element) -> list[str]:
    if isinstance(element, DialogueBlock):
        return [element.character]
    if isinstance(element, DualBlock):
        return [element.first.character, element.second.character]
    return []
