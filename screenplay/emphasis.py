"""Fountain emphasis: *italic*, **bold**, ***bold italic*** and _underline_ leave the text.

Markers pair up within one line (emphasis never spans lines), hug the words they mark
("* no *" is not emphasis) and are kept when escaped: "\\*" reads as a plain "*".
"""

from __future__ import annotations

import re

_MAX_ROUNDS = 4  # nesting deeper than "***x***" inside "_..._" is not worth more passes

# Each body stops at the next marker of its own kind, so an opening marker without a
# partner costs one scan to that marker, not to the end of the line.
_PATTERNS = (
    re.compile(r"(?<!\\)\*\*\*(?=[^\s*])([^*]+?)(?<=[^\s\\*])\*\*\*"),
    re.compile(r"(?<!\\)\*\*(?=[^\s*])((?:[^*]|\*(?!\*))+?)(?<=[^\s\\*])\*\*"),
    re.compile(r"(?<![\\*])\*(?=[^\s*])([^*]+?)(?<=[^\s\\*])\*(?!\*)"),
    # Underline must not start or end inside a word: snake_case_names stay as written.
    re.compile(r"(?<![\\\w])_(?=[^\s_])([^_]+?)(?<=[^\s\\_])_(?!\w)"),
)
_ESCAPE = re.compile(r"\\([*_])")


def strip_emphasis(text: str) -> str:
    """`text` without emphasis markers and with escaped markers unescaped."""
    if "*" not in text and "_" not in text:
        return text
    for _ in range(_MAX_ROUNDS):
        before = text
        for pattern in _PATTERNS:
            text = pattern.sub(r"\1", text)
        if text == before:
            break
    return _ESCAPE.sub(r"\1", text)
