"""What one Fountain line is, judged by itself: a heading, a transition, a character cue.

Shared by format detection and the Fountain reader, so both agree on every rule:
- Scene heading: INT, EXT, EST, INT./EXT, INT/EXT, EXT./INT or I/E (any case) followed
  by "." or a space; or a forced heading, "." and then a letter or digit ("..." is not).
  An optional scene number "#12A#" ends the line.
- Transition: no lower-case letters and ending in "TO:" ("CUT TO:"), plus the standard
  FADE IN:, FADE OUT., FADE TO BLACK. and CUT TO BLACK. (read as transitions rather
  than as action, so no shot shows them).
- Character cue: a name with no lower-case letters and at least one upper-case letter
  (or "@" and any name), then extensions such as "(V.O.)" and an optional "^" for dual
  dialogue. Names in scripts without letter case (Chinese, Japanese, ...) need the "@".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from screenplay.dialogue import name_shaped

_HEADING = re.compile(r"(?:int\./ext|int/ext|ext\./int|ext/int|i/e|int|ext|est)[.\s]", re.I)
_FORCED_HEADING = re.compile(r"\.(?=[^\W_])")
_SCENE_NUMBER = re.compile(r"\s*#(?P<number>[\w.\-]+)#\s*$")
_STANDARD_TRANSITIONS = frozenset(
    {"FADE IN:", "FADE IN.", "FADE OUT.", "FADE OUT", "FADE TO BLACK.", "CUT TO BLACK."}
)
_NAME_PUNCTUATION = frozenset(" .'-\u2019#&/")
_UPPER = frozenset({"Lu", "Lt"})
_CASELESS = frozenset({"Lo", "Lm", "Mn", "Mc", "Nd"})


@dataclass(frozen=True)
class Cue:
    name: str  # upper case, single spaces
    extension: str  # "V.O." or "V.O. CONT'D"; "" when none
    dual: bool  # ends in "^": spoken at the same time as the dialogue before


def heading_of(stripped: str) -> str | None:
    """The heading a stripped line states (without a forcing "."), or None."""
    if _HEADING.match(stripped):
        return stripped
    if _FORCED_HEADING.match(stripped):
        return stripped[1:].strip()
    return None


def split_scene_number(heading: str) -> tuple[str, str]:
    """("INT. HOUSE - DAY", "12A") from "INT. HOUSE - DAY #12A#"."""
    if match := _SCENE_NUMBER.search(heading):
        return heading[: match.start()].rstrip(), match.group("number")
    return heading, ""


def has_no_lower_case(text: str) -> bool:
    return not any(char.islower() for char in text)


def is_transition(stripped: str) -> bool:
    """A transition line, when a blank line stands on each side of it."""
    if not has_no_lower_case(stripped):
        return False
    return stripped.endswith("TO:") or stripped in _STANDARD_TRANSITIONS


def read_cue(stripped: str) -> Cue | None:
    """The character cue a stripped line states, or None when it is not a cue."""
    text = stripped
    dual = text.endswith("^")
    if dual:
        text = text[:-1].rstrip()
    forced = text.startswith("@")
    if forced:
        text = text[1:].lstrip()
    extensions: list[str] = []
    text = text.rstrip()
    # From the right, one "(...)" at a time: linear even for a line full of them.
    while text.endswith(")"):
        start = text.rfind("(")
        inner = text[start + 1 : -1]
        if start < 0 or ")" in inner:
            break
        extensions.append(" ".join(inner.split()).upper())
        text = text[:start].rstrip()
    name = " ".join(text.split())
    if not name or (not forced and not _looks_like_name(name)):
        return None
    extension = " ".join(part for part in reversed(extensions) if part)
    return Cue(name.upper(), extension, dual)


def _looks_like_name(name: str) -> bool:
    """1-40 characters, a letter or digit first, upper-case letters and no lower-case."""
    return name_shaped(name, _NAME_PUNCTUATION, _UPPER, _CASELESS)
