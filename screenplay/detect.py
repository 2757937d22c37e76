"""Which format a script is written in, when the caller does not say.

In this order:
1. scene_shot: any "SCENE 1: ..." or "SHOT 2: ..." line.
2. fountain: any Fountain signal: a title page with a Title key at the top; a scene
   heading (INT., EXT., EST., INT./EXT., I/E, any case, then "." or a space) or a forced
   ".HEADING" after a blank line; a character cue (upper-case name, "(V.O.)"-style
   extensions allowed, or "@name") after a blank line with a line right below it; an
   upper-case transition ending in "TO:".
3. free_text: anything else.
Fountain signals are looked for in the text as written and, when it has any, with
boneyard /* */ and notes [[ ]] removed: a heading right after a commented-out block
counts, and so does a heading (after a blank line) inside one.
"""

from __future__ import annotations

from screenplay.context import ParseContext
from screenplay.dialogue import split_dialogue
from screenplay.fountain_lines import has_no_lower_case, heading_of, read_cue
from screenplay.fountain_source import remove_boneyard_and_notes
from screenplay.fountain_title import read_title_page
from screenplay.limits import DEFAULT_LIMITS
from screenplay.scene_shot import uses_scene_shot

SCRIPT_FORMATS = ("fountain", "scene_shot", "free_text")


def detect_format(text: str, lines: list[tuple[int, str]]) -> str:
    """The format of `text` (newlines normalized), split into numbered `lines`."""
    if uses_scene_shot(lines):
        return "scene_shot"
    if has_fountain_signals(lines):
        return "fountain"
    if ("/*" in text or "[[" in text) and has_fountain_signals(_without_comments(text)):
        return "fountain"
    return "free_text"


def _without_comments(text: str) -> list[tuple[int, str]]:
    scratch = ParseContext(DEFAULT_LIMITS)  # problems are reported by the real parse
    return remove_boneyard_and_notes(text, scratch).lines


def has_fountain_signals(lines: list[tuple[int, str]]) -> bool:
    page = read_title_page(lines)
    if page is not None and "title" in page.fields:
        return True
    previous_blank = True
    for index, (_, text) in enumerate(lines):
        stripped = text.strip()
        if not stripped:
            previous_blank = True
            continue
        if previous_blank and _opens_fountain_element(lines, index, stripped):
            return True
        if stripped.endswith("TO:") and has_no_lower_case(stripped):
            return True
        previous_blank = False
    return False


def _opens_fountain_element(lines: list[tuple[int, str]], index: int, stripped: str) -> bool:
    """A heading, or a character cue with its dialogue right below."""
    if heading_of(stripped) is not None:
        return True
    next_blank = index + 1 >= len(lines) or not lines[index + 1][1].strip()
    return not next_blank and split_dialogue(stripped) is None and read_cue(stripped) is not None
