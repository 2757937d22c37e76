"""Who is in a scene: its speakers, and the characters its action names in CAPS.

Screenplays write a character's name in capitals where the character first appears
("MAYA (30s) pours coffee."). A run of CAPS words in action counts as a character when
it (or one of its words, less a possessive "'S") is a speaker anywhere in the script,
or when an age follows it: "MAYA (30s)", "DR. ELENA VOSS, 50s", "BEN (late 20s)". Other
CAPS words (sounds, props, "BANG") do not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from screenplay.dialogue import MAX_NAME_CHARS

_WORD = re.compile(r"[^\W_][\w'\u2019.\-]*")
_AGE_AFTER = re.compile(
    r"\s*(?:\(\s*|,\s*)(?:\d|early\b|mid\b|mid-|late\b|teen|twenties|thirties|forties|fifties|sixties)",
    re.IGNORECASE,
)
_POSSESSIVE = ("'S", "\u2019S")


def present(items: Iterable[tuple[str, str]], speakers: frozenset[str]) -> list[str]:
    """Names in order of first appearance; `items` are ("speaker", name) or ("action", text)."""
    seen: dict[str, None] = {}
    for kind, text in items:
        if kind == "speaker":
            seen.setdefault(text, None)
        else:
            for name in caps_names(text, speakers):
                seen.setdefault(name, None)
    return list(seen)


def caps_names(text: str, speakers: frozenset[str]) -> list[str]:
    """The characters an action text names in CAPS, in order."""
    found: list[str] = []
    for run, end in _caps_runs(text):
        name = _bare(" ".join(word for word, _ in run))
        if name in speakers:
            found.append(name)
            continue
        words = [bare for word, _ in run if (bare := _bare(word)) in speakers]
        if words:
            found.extend(words)
        elif len(name) <= MAX_NAME_CHARS and _AGE_AFTER.match(text, end):
            found.append(name)
    return found


def _caps_runs(text: str) -> list[tuple[list[tuple[str, int]], int]]:
    """Runs of CAPS words separated by single spaces, each with where the run ends."""
    runs: list[tuple[list[tuple[str, int]], int]] = []
    current: list[tuple[str, int]] = []
    last_end = -1
    for match in _WORD.finditer(text):
        word = match.group()
        if not _is_caps(word):
            if current:
                runs.append((current, last_end))
                current = []
            continue
        if current and text[last_end : match.start()] != " ":
            runs.append((current, last_end))
            current = []
        current.append((word, match.start()))
        last_end = match.end()
    if current:
        runs.append((current, last_end))
    return runs


def _is_caps(word: str) -> bool:
    """Upper-case letters and no lower-case: two letters or more, or an initial ("J.")."""
    return word.isupper() and (word.endswith(".") or sum(map(str.isalpha, word)) >= 2)


def _bare(name: str) -> str:
    name = name.rstrip(".,")
    for possessive in _POSSESSIVE:
        if name.endswith(possessive):
            return name[: -len(possessive)]
    return name
