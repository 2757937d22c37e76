"""Dialogue lines: "NAME: words", where NAME is written in capitals."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_NAME_CHARS = 40
_MAX_EXTENSION_CHARS = 30
# The name ends at the first colon followed by a space (or the line's end), or at a
# full-width colon, which CJK text writes without a space.
_NAME_END = re.compile(r"\uff1a|:(?=\s|$)")
# A trailing "(V.O.)", "(O.S.)", "(CONT'D)" is a delivery note, not part of the name.
_EXTENSION = re.compile(r"\s*\([^()]*\)$")
_NAME_PUNCTUATION = frozenset(" .'-\u2019")
_CASED_OR_CASELESS_LETTERS = frozenset({"Lu", "Lt", "Lo"})
_OTHER_NAME_CATEGORIES = frozenset({"Lm", "Mn", "Mc", "Nd"})


@dataclass(frozen=True)
class Spoken:
    character: str
    text: str  # stripped of surrounding whitespace, otherwise exactly as written
    text_column: int  # 1-based column just after the colon
    extension: str = ""  # "V.O." for "MAYA (V.O.): ...", upper case, without parentheses


def split_dialogue(line: str) -> Spoken | None:
    """The speaker and words of a dialogue line, or None when the line is not dialogue."""
    end = _NAME_END.search(line)
    if end is None:
        return None
    name = line[: end.start()].strip()
    written_extension = ""
    if extension := _EXTENSION.search(name):
        if len(extension.group()) > _MAX_EXTENSION_CHARS:
            return None
        written_extension = extension.group().strip()[1:-1].strip().upper()
        name = name[: extension.start()]
    if not is_character_name(name):
        return None
    return Spoken(name, line[end.end() :].strip(), end.end() + 1, written_extension)


def is_character_name(name: str) -> bool:
    """1-40 characters, no lower-case letters, at least one upper-case or caseless letter.

    Letters without case (Chinese, Arabic, ...) count, so "李雷" is a name like "MAYA";
    digits, spaces, dots, apostrophes and hyphens may join them.
    """
    return name_shaped(name, _NAME_PUNCTUATION, _CASED_OR_CASELESS_LETTERS, _OTHER_NAME_CATEGORIES)


def name_shaped(
    name: str, punctuation: frozenset[str], needed: frozenset[str], allowed: frozenset[str]
) -> bool:
    """1-40 characters starting with a letter or digit, each one punctuation, a character
    of a `needed` Unicode category (at least one must be) or of an `allowed` one."""
    if not 1 <= len(name) <= MAX_NAME_CHARS or not name[0].isalnum():
        return False
    found = False
    for char in name:
        if char in punctuation:
            continue
        category = unicodedata.category(char)
        if category in needed:
            found = True
        elif category not in allowed:
            return False
    return found
