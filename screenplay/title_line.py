"""A first line "TITLE: ..." names the film in every format and is not content."""

from __future__ import annotations

import re

_TITLE_LINE = re.compile(r"\s*title\s*:(?P<title>.*)", re.IGNORECASE | re.DOTALL)


def take_title_line(lines: list[tuple[int, str]]) -> tuple[str, list[tuple[int, str]]]:
    """The title from a first non-blank "TITLE: ..." line, and the lines without it."""
    for index, (_, text) in enumerate(lines):
        if not text.strip():
            continue
        match = _TITLE_LINE.fullmatch(text)
        if match is None:
            break
        return match.group("title").strip(), lines[:index] + lines[index + 1 :]
    return "", lines
