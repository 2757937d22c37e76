"""The Fountain title page: "Key: value" lines at the very top, up to the first blank line.

A value may sit after its key or on the indented lines below it (several lines join with
a space). The block counts as a title page only when every line is a key line or an
indented value line and at least one key is a known one (Title, Credit, Author, ...), so
a script that merely starts with "NOTE: ..." is not mistaken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from screenplay.emphasis import strip_emphasis

KNOWN_KEYS = frozenset(
    {
        "title",
        "credit",
        "author",
        "authors",
        "source",
        "draft date",
        "date",
        "contact",
        "copyright",
        "notes",
        "revision",
    }
)
_KEY_LINE = re.compile(r"(?P<key>[A-Za-z][A-Za-z ]*?)[ \t]*:(?P<value>.*)")


@dataclass(frozen=True)
class TitlePage:
    fields: dict[str, str]  # lower-case key -> value, emphasis removed
    next_index: int  # index of the first line after the title page

    @property
    def title(self) -> str:
        return self.fields.get("title", "")


def read_title_page(lines: list[tuple[int, str]]) -> TitlePage | None:
    """The title page at the top of `lines`, or None when the script has none."""
    index = 0
    while index < len(lines) and not lines[index][1].strip():
        index += 1
    values: dict[str, list[str]] = {}
    key = ""
    while index < len(lines):
        text = lines[index][1]
        if not text.strip():
            break
        if text[0] in " \t":
            if not key:
                return None
            values[key].append(text.strip())
        else:
            match = _KEY_LINE.fullmatch(text)
            if match is None:
                return None
            key = " ".join(match.group("key").lower().split())
            values.setdefault(key, [])
            if value := match.group("value").strip():
                values[key].append(value)
        index += 1
    if not KNOWN_KEYS.intersection(values):
        return None
    fields = {
        name: " ".join(strip_emphasis(part) for part in parts).strip()
        for name, parts in values.items()
    }
    return TitlePage(fields, index)
