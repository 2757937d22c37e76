"""Fountain body lines -> scenes of elements (screenplay.elements), in one pass.

Line by line, after the title page, with boneyard and notes already gone:
- "!" forces action; "===" is a page break; "#" a section; "=" a synopsis: the last
  three shape the page, not the film, and are skipped.
- ">TEXT<" is centered text: an insert card. ">TEXT" is a forced transition.
- "~" lines are lyrics. Under a character cue they are sung dialogue (a warning says
  they are rendered as speech); on their own nobody sings them and they are shown as
  action (a warning says so).
- After a blank line: a scene heading; a transition when a blank line follows too; a
  character cue when a line follows directly. The cue's block runs to the next blank
  line (a line of exactly two spaces continues it): "(...)" lines are parentheticals and
  split the speech, everything else is dialogue. A "^" cue pairs with the dialogue block
  just before it (dual dialogue).
- Anything else is action; consecutive action lines form one paragraph.
Elements before the first heading open a scene without a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from screenplay.context import ParseContext
from screenplay.elements import (
    ActionBlock,
    DialogueBlock,
    DualBlock,
    Element,
    Piece,
    SceneDraft,
    Speech,
)
from screenplay.emphasis import strip_emphasis
from screenplay.fountain_lines import Cue, heading_of, is_transition, read_cue, split_scene_number

_PAGE_BREAK = re.compile(r"={3,}")
_DIALOGUE_SPACER = "  "  # a line of exactly two spaces keeps a dialogue block going


def clean(text: str) -> str:
    """Text as the film shows it: no emphasis markers, single spaces, no padding."""
    return " ".join(strip_emphasis(text).split())


def read_fountain_body(
    lines: list[tuple[int, str]], start: int, context: ParseContext
) -> list[SceneDraft]:
    """Scenes from `lines[start:]`; warnings for what is changed or left out."""
    reader = _Reader(lines, context)
    index = start
    previous_blank = True
    while index < len(lines):
        stripped = lines[index][1].strip()
        if not stripped:
            reader.end_action()
            previous_blank = True
            index += 1
            continue
        index = reader.read(index, stripped, previous_blank)
        previous_blank = False
    reader.end_action()
    return reader.scenes


@dataclass
class _Reader:
    lines: list[tuple[int, str]]
    context: ParseContext
    scenes: list[SceneDraft] = field(default_factory=list)
    action: list[Piece] = field(default_factory=list)

    def read(self, index: int, stripped: str, previous_blank: bool) -> int:
        """Read the element starting at non-blank line `index`; return the next index."""
        number = self.lines[index][0]
        first = stripped[0]
        if first == "!":
            self._add_action(number, stripped[1:])
        elif _PAGE_BREAK.fullmatch(stripped) or first in "#=":
            self.end_action()
        elif first == ">":
            self._read_arrow(number, stripped)
        elif first == "~":
            return self._read_lyrics(index)
        elif previous_blank:
            return self._read_after_blank(index, stripped)
        else:
            self._add_action(number, stripped)
        return index + 1

    def end_action(self) -> None:
        if self.action:
            pieces, self.action = tuple(self.action), []
            self._add(ActionBlock(pieces))

    def _read_after_blank(self, index: int, stripped: str) -> int:
        number = self.lines[index][0]
        next_blank = index + 1 >= len(self.lines) or not self.lines[index + 1][1].strip()
        heading = heading_of(stripped)
        if heading is not None:
            self.end_action()
            text, scene_number = split_scene_number(heading)
            written = self.lines[index][1]
            column = len(written) - len(written.lstrip()) + len(stripped) - len(heading) + 1
            self.scenes.append(SceneDraft(number, clean(text), scene_number, column=column))
        elif next_blank and is_transition(stripped):
            self.end_action()
            self._transition(number, stripped)
        elif not next_blank and (cue := read_cue(stripped)) is not None:
            return self._read_dialogue(index, cue)
        else:
            self._add_action(number, stripped)
        return index + 1

    def _read_arrow(self, number: int, stripped: str) -> None:
        self.end_action()
        if len(stripped) > 1 and stripped.endswith("<"):
            if text := clean(stripped[1:-1]):
                self._add(ActionBlock((Piece(number, text),), centered=True))
        else:
            self._transition(number, stripped[1:].strip())

    def _transition(self, number: int, written: str) -> None:
        shown = clean(written).upper()
        if shown and "CUT" not in shown and not shown.startswith("FADE IN"):
            self.context.warn(
                number, f'transition "{shown}" is not rendered; the film cuts between shots'
            )

    def _read_lyrics(self, index: int) -> int:
        self.end_action()
        pieces: list[Piece] = []
        while index < len(self.lines):
            number, text = self.lines[index]
            stripped = text.strip()
            if not stripped.startswith("~"):
                break
            if words := clean(stripped[1:]):
                pieces.append(Piece(number, words))
            index += 1
        if pieces:
            self.context.warn(
                pieces[0].line, "lyrics without a character cue are shown as action (no singer)"
            )
            self._add(ActionBlock(tuple(pieces)))
        return index

    def _read_dialogue(self, index: int, cue: Cue) -> int:
        cue_line = self.lines[index][0]
        self.end_action()
        speeches: list[Speech] = []
        pieces: list[Piece] = []
        parenthetical = ""
        lyrics_line = 0
        end = index + 1
        while end < len(self.lines):
            number, text = self.lines[end]
            stripped = text.strip()
            if not stripped and text != _DIALOGUE_SPACER:
                break
            end += 1
            if not stripped:
                continue
            if stripped.startswith("(") and stripped.endswith(")"):
                if pieces:
                    speeches.append(Speech(tuple(pieces), parenthetical))
                    pieces, parenthetical = [], ""
                parenthetical = "; ".join(p for p in (parenthetical, clean(stripped[1:-1])) if p)
                continue
            if stripped.startswith("~"):
                lyrics_line = lyrics_line or number
                stripped = stripped[1:]
            if words := clean(stripped):
                pieces.append(Piece(number, words))
        if pieces:
            speeches.append(Speech(tuple(pieces), parenthetical))
        elif parenthetical and speeches:
            self.context.warn(
                cue_line,
                f"parenthetical ({parenthetical}) ends the dialogue of {cue.name} "
                "with no words after it; left out",
            )
        if not speeches:
            self.context.warn(
                cue_line, f"character cue {cue.name} has no dialogue after it; read as action"
            )
            for number, text in self.lines[index:end]:
                self._add_action(number, text)
            self.end_action()
            return end
        if lyrics_line:
            self.context.warn(lyrics_line, f"lyrics sung by {cue.name} are rendered as dialogue")
        block = DialogueBlock(cue_line, cue.name, cue.extension, tuple(speeches))
        if cue.dual:
            self._add_dual(block)
        else:
            self._add(block)
        return end

    def _add_dual(self, block: DialogueBlock) -> None:
        elements = self._scene(block.line).elements
        if elements and isinstance(elements[-1], DialogueBlock):
            elements[-1] = DualBlock(elements[-1], block)
            return
        self.context.warn(
            block.line,
            f'dual dialogue "^" after {block.character} has no dialogue block just before it '
            "to pair with; read as ordinary dialogue",
        )
        elements.append(block)

    def _add_action(self, number: int, text: str) -> None:
        if words := clean(text):
            self.action.append(Piece(number, words))

    def _add(self, element: Element) -> None:
        self._scene(element.line).elements.append(element)

    def _scene(self, line: int) -> SceneDraft:
        if not self.scenes:
            self.scenes.append(SceneDraft(line, ""))
        return self.scenes[-1]
