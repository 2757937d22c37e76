"""Scene headings: "INT. COFFEE SHOP - MORNING" -> ("INT", "COFFEE SHOP", "MORNING")."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PREFIX = re.compile(
    r"(?P<prefix>int\.?\s*/\s*ext|ext\.?\s*/\s*int|i\s*/\s*e|interior|exterior|int|ext|est)"
    r"(?:\.|(?=\s)|$)\s*",
    re.IGNORECASE,
)
# The time of day follows the last dash: " - " with spaces, or an en or em dash.
_TIME_SEPARATOR = re.compile(r"(?:^|\s)--?(?:\s|$)|\s*[\u2013\u2014]+\s*")


@dataclass(frozen=True)
class Heading:
    int_ext: str  # "INT", "EXT", "INT/EXT" or ""
    location: str
    time_of_day: str


def parse_heading(heading: str) -> Heading:
    """Split a heading; without an INT./EXT. prefix the whole rest is the location.

    EST. (establishing) is an exterior, so it reads as "EXT".
    """
    rest = heading.strip()
    int_ext = ""
    if match := _PREFIX.match(rest):
        prefix = match.group("prefix").lower()
        if "/" in prefix:
            int_ext = "INT/EXT"
        elif prefix.startswith("i"):
            int_ext = "INT"
        else:
            int_ext = "EXT"
        rest = rest[match.end() :]
    location, time_of_day = rest, ""
    separators = list(_TIME_SEPARATOR.finditer(rest))
    if separators:
        last = separators[-1]
        location, time_of_day = rest[: last.start()].strip(), rest[last.end() :].strip()
    return Heading(int_ext, location, time_of_day)
