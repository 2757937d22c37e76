"""A script's breakdown: moderated, parsed, cast, and timed by the voices that will speak.

The preview, the job API and the workflow's plan_film all call this one function, so what
a preview shows is what a job renders.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from providers.base import ModerationProvider, VoiceProvider
from screenplay.errors import ScriptError, ScriptIssue
from screenplay.model import FilmPlan
from screenplay.parser import parse_script

DEFAULT_WORDS_PER_SECOND = 2.5


@dataclass(frozen=True)
class BreakdownOptions:
    script_format: str = "auto"  # auto | fountain | scene_shot | free_text
    cast: dict[str, str] = field(default_factory=dict)  # character -> voice, overrides casting
    strict: bool = False  # words outside the shot vocabulary are errors, not warnings


@dataclass(frozen=True)
class Breakdown:
    plan: FilmPlan
    cast: dict[str, str]  # every speaking character's voice


class ContentRefusedError(ScriptError):
    """The content policy refused lines of the script: not retryable, fix the script."""


class InvalidOptionError(ValueError):
    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field_name = field_name


def break_down(
    script: str,
    title: str | None,
    options: BreakdownOptions,
    voice: VoiceProvider,
    moderator: ModerationProvider,
) -> Breakdown:
    findings = moderator.review(script)
    if findings:
        raise ContentRefusedError([ScriptIssue(f.line, f.column, f.message) for f in findings])
    first = parse_script(
        script, title=title, script_format=options.script_format, strict=options.strict
    )
    cast = voice.cast(first.characters)
    for name, wanted in options.cast.items():
        try:
            cast[name.upper()] = voice.check_voice(wanted)
        except ValueError as error:
            raise InvalidOptionError(f"options.cast.{name}", str(error)) from error
    rates = {name: voice.speech_rate(chosen) for name, chosen in cast.items()}
    plan = parse_script(
        script,
        title=title,
        script_format=options.script_format,
        speech_rate=lambda name: rates.get(name, DEFAULT_WORDS_PER_SECOND),
        strict=options.strict,
    )
    return Breakdown(plan, {name: cast[name] for name in plan.characters if name in cast})
