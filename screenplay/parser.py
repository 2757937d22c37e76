"""parse_script: film script text in, FilmPlan out, or a ScriptError naming every problem.

Three formats, chosen by `script_format` or detected (screenplay.detect):
- Fountain (fountain.io): screenplay.fountain; shots planned by screenplay.film_grammar.
- SCENE/SHOT: "SCENE 1: INT. CAFE - DAY", "SHOT 1: Wide shot, pan left - 5s", then action
  and "NAME: dialogue" lines. Text before the first SHOT of a scene is an implicit wide,
  static shot; a scene with no SHOT line at all is planned by the film grammar; a SHOT
  (or text) before the first SCENE opens an implicit scene without a heading. Scene and
  shot numbers come from the order, not from what is written.
- Free text: one scene without a heading, one shot per paragraph.

A first line "TITLE: ..." (or a Fountain title page) names the film unless `title` is
given, and is not content. Pure and deterministic: no I/O, no clock, no randomness.
"""

from __future__ import annotations

from screenplay.context import ParseContext
from screenplay.detect import SCRIPT_FORMATS, detect_format
from screenplay.errors import ScriptError, ScriptIssue, ScriptWarning
from screenplay.fountain import parse_fountain
from screenplay.free_text import parse_free_text
from screenplay.limits import DEFAULT_LIMITS, ScriptLimits
from screenplay.model import FilmPlan, Scene
from screenplay.pace import Pace, SpeechRate
from screenplay.scene_shot import parse_scene_shot
from screenplay.text_checks import check_lines, check_size, normalize_newlines
from screenplay.title_line import take_title_line

__all__ = [
    "DEFAULT_LIMITS",
    "ScriptError",
    "ScriptIssue",
    "ScriptLimits",
    "ScriptWarning",
    "SpeechRate",
    "parse_script",
]

UNTITLED = "Untitled"
AUTO = "auto"


def parse_script(
    text: str,
    title: str | None = None,
    limits: ScriptLimits = DEFAULT_LIMITS,
    script_format: str = AUTO,
    speech_rate: SpeechRate | None = None,
    strict: bool = False,
) -> FilmPlan:
    """The film plan for `text`; raises ScriptError listing every problem found.

    `script_format` is "auto", "fountain", "scene_shot" or "free_text" (anything else is
    a ValueError). `speech_rate` maps a character name to words per second (default 2.5).
    `strict` makes words outside the shot vocabulary issues instead of warnings.
    """
    if script_format != AUTO and script_format not in SCRIPT_FORMATS:
        accepted = ", ".join((AUTO, *SCRIPT_FORMATS))
        raise ValueError(f"unknown script_format {script_format!r}; expected one of: {accepted}")
    normalized = normalize_newlines(text)
    if size_issue := check_size(normalized, limits):
        raise ScriptError([size_issue])  # too big to read further
    lines = list(enumerate(normalized.split("\n"), start=1))
    context = ParseContext(
        limits, Pace(speech_rate), strict=strict, lines=[line for _, line in lines]
    )
    context.issues.extend(check_lines([line for _, line in lines], limits))
    chosen = detect_format(normalized, lines) if script_format == AUTO else script_format
    if chosen == "fountain":
        written_title, scenes = parse_fountain(normalized, context)
    else:
        written_title, content = take_title_line(lines)
        if chosen == "scene_shot":
            scenes = parse_scene_shot(content, context)
        else:
            scenes = parse_free_text(content, context)
        if not scenes:
            context.issue(1, 1, "the script has no shots; expected some text or a SHOT line")
    _check_counts(scenes, context)
    if context.issues:
        raise ScriptError(_report(context.issues, limits))
    chosen_title = title.strip() if title is not None else ""
    return FilmPlan(
        title=chosen_title or written_title or UNTITLED,
        script_format=chosen,
        scenes=scenes,
        warnings=_capped(context.warnings, limits),
        assumptions=_capped(context.continuity.assumptions, limits, "assumptions"),
    )


def _check_counts(scenes: list[Scene], context: ParseContext) -> None:
    limits = context.limits
    if len(scenes) > limits.max_scenes:
        scene = scenes[limits.max_scenes]
        context.issue(scene.line, 1, f"too many scenes; expected at most {limits.max_scenes}")
    shots = [shot for scene in scenes for shot in scene.shots]
    if len(shots) > limits.max_shots:
        shot = shots[limits.max_shots]
        context.issue(shot.line, 1, f"too many shots; expected at most {limits.max_shots}")


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


def _capped(
    warnings: list[ScriptWarning], limits: ScriptLimits, what: str = "warnings"
) -> list[ScriptWarning]:
    """Warnings (or notes) in script order (stable), at most `max_issues` and a closing note."""
    ordered = sorted(warnings, key=lambda warning: (warning.line, warning.column))
    if len(ordered) <= limits.max_issues:
        return ordered
    left_out = len(ordered) - limits.max_issues
    last_line = ordered[limits.max_issues].line
    note = ScriptWarning(last_line, f"{left_out} more {what} not shown")
    return [*ordered[: limits.max_issues], note]
