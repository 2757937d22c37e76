"""Fountain text the film never sees: boneyard /* ... */ and notes [[ ... ]].

Both may span lines. Removed characters become spaces and their line feeds stay, so
every remaining character keeps its line and column. A line that had text only inside
removed spans is dropped: it is neither content nor a blank line, so the lines around a
removed block read as if the block had never been written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from screenplay.context import ParseContext

_OPENERS = re.compile(r"/\*|\[\[")
_BLANK_REMOVED = re.compile(r"[^\n]")
_LINE_FEED = re.compile(r"\n")


@dataclass(frozen=True)
class CleanSource:
    lines: list[tuple[int, str]]  # kept lines with their numbers in the script
    first_removed_line: int  # 0 when nothing was removed


class _Finder:
    """text.find that remembers its last answer: searches only move forward, so a
    script full of unclosed "[[" stays linear instead of rescanning to the end each time."""

    def __init__(self, text: str, needle: str) -> None:
        self._text = text
        self._needle = needle
        self._found = -2  # no search yet

    def find(self, start: int) -> int:
        if self._found == -1 or self._found >= start:
            return self._found
        self._found = self._text.find(self._needle, start)
        return self._found


def remove_boneyard_and_notes(text: str, context: ParseContext) -> CleanSource:
    """The lines of `text` outside boneyard and notes; an unclosed "/*" is an issue."""
    spans: list[tuple[int, int]] = []
    boneyard_end = _Finder(text, "*/")
    note_end = _Finder(text, "]]")
    empty_line = _Finder(text, "\n\n")
    where = _Lines(text)
    position = 0
    while match := _OPENERS.search(text, position):
        start = match.start()
        if match.group() == "/*":
            end = boneyard_end.find(start + 2)
            if end < 0:
                line, column = where.at(start)
                context.issue(
                    line,
                    column,
                    'boneyard "/*" is never closed; expected "*/" after the text to leave out',
                )
                end = len(text)
            else:
                end += 2
        else:
            end = _note_end(text, start, note_end.find(start + 2), empty_line.find(start + 2))
            if end < 0:
                line, _ = where.at(start)
                context.warn(
                    line, 'note "[[" is not closed by "]]" before an empty line; kept as text'
                )
                position = start + 2
                continue
        spans.append((start, end))
        position = end
    if not spans:
        return CleanSource(list(enumerate(text.split("\n"), start=1)), 0)
    return CleanSource(_kept_lines(text, spans), where.at(spans[0][0])[0])


def _note_end(text: str, start: int, close: int, empty_line: int) -> int:
    """Where the note opened at `start` ends, or -1 when it is not a note.

    A note may not contain an empty line (Fountain asks for two spaces there instead).
    """
    if close >= 0 and (empty_line < 0 or close < empty_line):
        return close + 2
    return -1


def _kept_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
    parts: list[str] = []
    touched: set[int] = set()
    position = 0
    line = 1
    for start, end in spans:
        line += text.count("\n", position, start)
        last = line + text.count("\n", start, end)
        touched.update(range(line, last + 1))
        parts.append(text[position:start])
        parts.append(_BLANK_REMOVED.sub(" ", text[start:end]))
        position = end
        line = last
    parts.append(text[position:])
    cleaned = "".join(parts).split("\n")
    return [
        (number, body)
        for number, body in enumerate(cleaned, start=1)
        if number not in touched or body.strip()
    ]


class _Lines:
    """Line and column of a position, by bisecting the line feeds (found once)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._feeds: list[int] | None = None

    def at(self, position: int) -> tuple[int, int]:
        if self._feeds is None:
            self._feeds = [feed.start() for feed in _LINE_FEED.finditer(self._text)]
        line_index = bisect.bisect_left(self._feeds, position)
        line_start = self._feeds[line_index - 1] + 1 if line_index else 0
        return line_index + 1, position - line_start + 1
