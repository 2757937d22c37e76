"""Finding a table's phrases among a text's words: whole words, upper case, plurals too.

Shared by the settings, props and atmosphere tables. A phrase is one or more words
("PARKING LOT"); at each place the longest phrase wins, so "CAR PARK" is not "CAR".
A word ending in "S", "ES" or "'S" also matches the table's word without it ("DOCKS",
"BUSES", "LIGHTHOUSE'S"). A `PhraseTable` is built once per table, so a look-up costs a
set probe per word that starts no phrase.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Generic, TypeVar

T = TypeVar("T")

_WORD = re.compile(r"[^\W_][\w'\u2019\-]*")
_ENDINGS = ("'S", "ES", "S")


def words_of(text: str) -> list[str]:
    """The words of `text`, upper case, with a curly apostrophe made straight."""
    words = _WORD.findall(text.replace("\u2019", "'").upper())
    return [word.rstrip("'") if word.endswith("'") else word for word in words]


class PhraseTable(Generic[T]):
    """Phrases (upper case, words separated by single spaces) and what each means."""

    def __init__(self, entries: Mapping[str, T]) -> None:
        self.entries = dict(entries)
        self.longest = max((len(phrase.split()) for phrase in self.entries), default=0)
        firsts = {phrase.split()[0] for phrase in self.entries}
        # Every word a phrase may start with, plurals included: one set probe per word.
        self.starts = frozenset(firsts | {first + end for first in firsts for end in _ENDINGS})

    def all_in(self, words: list[str]) -> list[T]:
        """The values of the phrases among `words`, left to right, without repeats."""
        found: dict[T, None] = {}
        start = 0
        while start < len(words):
            match = self.match_at(words, start)
            if match is None:
                start += 1
                continue
            found.setdefault(match[1], None)
            start += match[0]
        return list(found)

    def longest_in(self, words: list[str]) -> tuple[int, str, T] | None:
        """(how many words, the words as found, value) of the longest phrase among `words`;
        of equals, the last: headings name the place, then the part of it ("HOSPITAL -
        CORRIDOR", "SHIP - BRIDGE")."""
        best: tuple[int, str, T] | None = None
        for start in range(len(words)):
            match = self.match_at(words, start)
            if match is not None and (best is None or match[0] >= best[0]):
                best = (match[0], " ".join(words[start : start + match[0]]), match[1])
        return best

    def match_at(self, words: list[str], start: int) -> tuple[int, T] | None:
        """(how many words, value) of the longest phrase starting at `words[start]`."""
        if words[start] not in self.starts:
            return None
        for length in range(min(self.longest, len(words) - start), 0, -1):
            value = self.lookup(" ".join(words[start : start + length]))
            if value is not None:
                return length, value
        return None

    def lookup(self, phrase: str) -> T | None:
        if phrase in self.entries:
            return self.entries[phrase]
        for ending in _ENDINGS:
            if phrase.endswith(ending) and phrase[: -len(ending)] in self.entries:
                return self.entries[phrase[: -len(ending)]]
        return None
