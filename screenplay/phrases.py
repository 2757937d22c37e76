"""Finding a table's phrases among a text's words: whole words, upper case, plurals too.

Shared by the settings, props and atmosphere tables. A phrase is one or more words
("PARKING LOT"); at each place the longest phrase wins, so "CAR PARK" is not "CAR".
A word ending in "S" or "'S" also matches the table's word without it ("DOCKS", "CUPS").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeVar

T = TypeVar("T")

_WORD = re.compile(r"[^\W_][\w'\u2019\-]*")


def words_of(text: str) -> list[str]:
    """The words of `text`, upper case, with a curly apostrophe made straight."""
    return [word.replace("\u2019", "'").upper().rstrip("'") for word in _WORD.findall(text)]


def phrases_in(words: list[str], table: Mapping[str, T]) -> list[T]:
    """The values of the table's phrases among `words`, left to right, without repeats."""
    longest = _longest(table)
    found: dict[T, None] = {}
    start = 0
    while start < len(words):
        match = _match_at(words, start, longest, table)
        if match is None:
            start += 1
            continue
        length, value = match
        found.setdefault(value, None)
        start += length
    return list(found)


def longest_phrase(words: list[str], table: Mapping[str, T]) -> T | None:
    """The value of the longest phrase of `table` among `words`; of equals, the last.

    Headings name the place, then the part of it: "HOSPITAL - CORRIDOR", "SHIP - BRIDGE".
    """
    match = longest_match(words, table)
    return None if match is None else match[2]


def longest_match(words: list[str], table: Mapping[str, T]) -> tuple[int, str, T] | None:
    """(how many words, the words as found, value) of the longest phrase; of equals, the last."""
    longest = _longest(table)
    best: tuple[int, str, T] | None = None
    for start in range(len(words)):
        match = _match_at(words, start, longest, table)
        if match is not None and (best is None or match[0] >= best[0]):
            best = (match[0], " ".join(words[start : start + match[0]]), match[1])
    return best


def _longest(table: Mapping[str, T]) -> int:
    return max((len(phrase.split()) for phrase in table), default=0)


def _match_at(
    words: list[str], start: int, longest: int, table: Mapping[str, T]
) -> tuple[int, T] | None:
    for length in range(min(longest, len(words) - start), 0, -1):
        phrase = " ".join(words[start : start + length])
        value = _lookup(phrase, table)
        if value is not None:
            return length, value
    return None


def _lookup(phrase: str, table: Mapping[str, T]) -> T | None:
    if phrase in table:
        return table[phrase]
    for ending in ("'S", "ES", "S"):  # "LIGHTHOUSE'S", "BUSES", "DOCKS"
        if phrase.endswith(ending) and phrase[: -len(ending)] in table:
            return table[phrase[: -len(ending)]]
    return None
