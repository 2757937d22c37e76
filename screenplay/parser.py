"""parse_script: film script text in, FilmPlan out, or a ScriptError naming every problem.

Two formats, told apart by whether any line is a SCENE or SHOT line:
- SCENE/SHOT: "SCENE 1: INT. CAFE - DAY", "SHOT 1: Wide shot, pan left - 5s", then action
  and "NAME: dialogue" lines. Text before the first SHOT of a scene is an implicit wide,
  static shot; a SHOT (or text) before the first SCENE opens an implicit scene without a
  heading. Scene and shot numbers come from the order, not from what is written.
- Free text: one scene without a heading, one shot per paragraph.

A first line "TITLE: ..." names the film (unless `title` is given) and is not content.
Pure and deterministic: no I/O, no clock, no randomness.
"""

from __future__ import annotations

import re

from screenplay.errors import ScriptError, ScriptIssue
from screenplay.free_text import parse_free_text
from screenplay.limits import DEFAULT_LIMITS, ScriptLimits
from screenplay.model import FilmPlan
from screenplay.scene_shot import parse_scene_shot, uses_scene_shot
from screenplay.text_checks import check_lines, check_size, normalize_newlines

__all__ = ["DEFAULT_LIMITS", "ScriptError", "ScriptIssue", "ScriptLimits", "parse_script"]

UNTITLED = "Untitled"
_TITLE_LINE = re.compile(r"\s*title\s*:(?P<title>.*)", re.IGNORECASE | re.DOTALL)


def parse_script(
    text: str, title: str | None = None, limits: ScriptLimits = DEFAULT_LIMITS
) -> FilmPlan:
    """The film plan for `text`; raises ScriptError listing every problem found."""
    normalized = normalize_newlines(text)
    if size_issue := check_size(normalized, limits):
        raise ScriptError([size_issue])  # too big to read further
    lines = list(enumerate(normalized.split("\n"), start=1))
    issues = check_lines([line for _, line in lines], limits)
    written_title, content = _take_title_line(lines)
    if uses_scene_shot(content):
        script_format = "scene_shot"
        scenes = parse_scene_shot(content, limits, issues)
    else:
        script_format = "free_text"
        scenes = parse_free_text(content, limits, issues)
    if not scenes:
        issues.append(
            ScriptIssue(1, 1, "the script has no shots; expected some text or a SHOT line")
        )
    if issues:
        raise ScriptError(_report(issues, limits))
    chosen = title.strip() if title is not None else ""
    return FilmPlan(
        title=chosen or written_title or UNTITLED,
        script_format=script_format,
        scenes=scenes,
    )


def _take_title_line(
    lines: list[tuple[int, str]],
) -> tuple[str, list[tuple[int, str]]]:
    """The title from a first non-blank "TITLE: ..." line, and the lines without it."""
    for index, (_, text) in enumerate(lines):
        if not text.strip():
            continue
        match = _TITLE_LINE.fullmatch(text)
        if match is None:
            break
        return match.group("title").strip(), lines[:index] + lines[index + 1 :]
    return "", lines


def _report(issues: list[ScriptIssue], limits: ScriptLimits) -> list[ScriptIssue]:
    """Issues in script order without repeats, cut off after `max_issues`."""
    ordered = sorted(set(issues))
    if len(ordered) <= limits.max_issues:
        return ordered
    first_left_out = ordered[limits.max_issues]
    note = ScriptIssue(
        first_left_out.line,
        first_left_out.column,
        f"more issues not shown; fix the {limits.max_issues} above first",
    )
    return [*ordered[: limits.max_issues], note]
