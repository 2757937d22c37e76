"""The script breakdown as the API serves it: one call for the preview and for new jobs,
run off the event loop (parsing, moderation and pricing are CPU work), and the 422
problems that say which line, column or option is at fault."""

from __future__ import annotations

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from api.problems import ProblemException, ProblemLocation
from api.references import InvalidReference, check_reference
from api.schemas import JobCreate
from core.breakdown import (
    Breakdown,
    BreakdownOptions,
    ContentRefusedError,
    InvalidOptionError,
    break_down,
)
from core.error_types import ErrorType
from core.estimate import Estimate, Prices, estimate
from core.settings import Settings
from notify.webhooks import WebhookTargetError, check_target
from providers.base import ModerationProvider, VoiceProvider
from screenplay.errors import ScriptError


def cast_voices(
    body: JobCreate, voice_provider: str, allow_private: bool = False
) -> dict[str, str]:
    """options.cast as voices: a string is a voice; an object may name one, the voice
    provider it is for (the film's own), and a reference picture (checked, not fetched)."""
    voices: dict[str, str] = {}
    for name, member in body.options.cast.items():
        if isinstance(member, str):
            voices[name] = member
            continue
        where = f"options.cast.{name}"
        if member.reference:
            try:
                check_reference(member.reference, allow_private)
            except InvalidReference as error:
                raise InvalidOptionError(f"{where}.reference", str(error)) from None
        if member.provider and member.provider != voice_provider:
            raise InvalidOptionError(
                f"{where}.provider", f"this service speaks with {voice_provider!r} only"
            )
        if member.voice:
            voices[name] = member.voice
    return voices


def cast_references(body: JobCreate) -> dict[str, str]:
    """Character (as the plan names it) -> the reference the user gave: upload id or URL."""
    return {
        name.upper(): member.reference
        for name, member in body.options.cast.items()
        if not isinstance(member, str) and member.reference
    }


def options_of(
    body: JobCreate, voice_provider: str = "", allow_private: bool = False
) -> BreakdownOptions:
    return BreakdownOptions(
        script_format=body.options.format,
        cast=cast_voices(body, voice_provider, allow_private),
        strict=body.options.strict,
    )


def breakdown_for(request: Request, body: JobCreate) -> Breakdown:
    """The breakdown, or a 422 problem. Blocking: call from a thread (`priced_breakdown`)."""
    voice: VoiceProvider = request.app.state.voice
    moderator: ModerationProvider = request.app.state.moderator
    try:
        settings: Settings = request.app.state.settings
        options = options_of(body, voice.name, settings.webhook_allow_private)
        return break_down(body.script, body.title, options, voice, moderator)
    except ContentRefusedError as error:
        raise _script_problem(
            error, ErrorType.CONTENT_REFUSED, "the content policy refused"
        ) from error
    except ScriptError as error:
        raise _script_problem(
            error, ErrorType.INVALID_SCRIPT, "the script does not parse"
        ) from error
    except InvalidOptionError as error:
        raise invalid_option(error.field_name, str(error)) from error


def estimate_for(request: Request, breakdown: Breakdown) -> Estimate:
    settings: Settings = request.app.state.settings
    prices: Prices = request.app.state.prices
    return estimate(breakdown.plan, prices, settings.render_profile())


def invalid_option(field: str, detail: str) -> ProblemException:
    """A 422 naming the option at fault."""
    return ProblemException(
        ErrorType.INVALID_OPTION, detail, errors=[ProblemLocation(field=field, message=detail)]
    )


async def priced_breakdown(request: Request, body: JobCreate) -> tuple[Breakdown, Estimate]:
    """The breakdown and its price, computed on a worker thread so /health and every other
    request keep being answered while a large script is parsed."""

    def work() -> tuple[Breakdown, Estimate]:
        breakdown = breakdown_for(request, body)
        return breakdown, estimate_for(request, breakdown)

    return await run_in_threadpool(work)


async def webhook_target(body: JobCreate, settings: Settings) -> str:
    """The checked webhook URL, or ""; a bad one is a 422 naming the field. The name is
    resolved on a worker thread (DNS blocks)."""
    url = body.options.webhook_url
    if not url:
        return ""
    try:
        return await run_in_threadpool(check_target, url, settings.webhook_allow_private)
    except WebhookTargetError as error:
        raise ProblemException(
            ErrorType.INVALID_OPTION,
            str(error),
            errors=[ProblemLocation(field="options.webhook_url", message=str(error))],
        ) from error


def _script_problem(error: ScriptError, code: ErrorType, what: str) -> ProblemException:
    issues = [
        ProblemLocation(line=issue.line, column=issue.column, message=issue.message)
        for issue in error.issues
    ]
    first = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
    shown = str(error.issues[0]) if error.issues else str(error)
    return ProblemException(code, f"{what}: {shown}{first}", errors=issues)
