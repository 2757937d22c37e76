"""Checks on the raw text: size, line length and characters that may not appear."""

from __future__ import annotations

import re

from screenplay.errors import ScriptIssue
from screenplay.limits import ScriptLimits

# C0 and C1 control characters except tab and line feed (carriage returns are gone by
# now), and lone surrogates, which cannot be encoded as UTF-8.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_BOM = "\ufeff"


def normalize_newlines(text: str) -> str:
    """Turn "\\r\\n" and lone "\\r" into "\\n" and drop a leading byte order mark."""
    return text.replace("\r\n", "\n").replace("\r", "\n").removeprefix(_BOM)


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def check_size(text: str, limits: ScriptLimits) -> ScriptIssue | None:
    """An issue at the first character past the byte limit, or None when the text fits."""
    limit = limits.max_script_bytes
    # Every character is at least one byte and at most four: skip encoding when clear.
    if len(text) * 4 <= limit:
        return None
    total = _utf8_size(text)
    if total <= limit:
        return None
    used = 0
    start = 0
    line = 1
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        line_size = _utf8_size(text[start:stop]) + 1  # the line feed counts too
        if used + line_size > limit:
            column = 1
            for char in text[start:stop]:
                used += _utf8_size(char)
                if used > limit:
                    break
                column += 1
            message = f"the script is {total} bytes long; expected at most {limit} bytes (UTF-8)"
            return ScriptIssue(line, column, message)
        used += line_size
        start = stop + 1
        line += 1


def check_lines(lines: list[str], limits: ScriptLimits) -> list[ScriptIssue]:
    """Issues for overlong lines and forbidden characters, at most `max_issues` of them."""
    issues: list[ScriptIssue] = []
    cap = limits.max_issues
    for number, text in enumerate(lines, start=1):
        if len(text) > limits.max_line_chars:
            issues.append(
                ScriptIssue(
                    number,
                    limits.max_line_chars + 1,
                    f"line is {len(text)} characters long; "
                    f"expected at most {limits.max_line_chars}",
                )
            )
        for match in _FORBIDDEN.finditer(text):
            if len(issues) > cap:  # enough to show; the rest would be cut off anyway
                return issues
            issues.append(ScriptIssue(number, match.start() + 1, _describe(match.group())))
    return issues


def _describe(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return f"invalid character {code} (a lone surrogate); expected valid Unicode text"
    return f"control character {code} is not allowed; expected printable text, tabs and line breaks"
