"""The script breakdown as the API serves it: one call for the preview and for new jobs,
run off the event loop (parsing, moderation and pricing are CPU work), and the 422
problems that say which line, column or option is at fault."""

from __future__ import annotations

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from api.problems import ProblemException, ProblemLocation
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


def options_of(body: JobCreate) -> BreakdownOptions:
    return BreakdownOptions(
        script_format=body.options.format,
        cast=dict(body.options.cast),
        strict=body.options.strict,
    )


def breakdown_for(request: Request, body: JobCreate) -> Breakdown:
    """The breakdown, or a 422 problem. Blocking: call from a thread (`priced_breakdown`)."""
    voice: VoiceProvider = request.app.state.voice
    moderator: ModerationProvider = request.app.state.moderator
    try:
        return break_down(body.script, body.title, options_of(body), voice, moderator)
    except ContentRefusedError as error:
        raise _script_problem(
            error, ErrorType.CONTENT_REFUSED, "the content policy refused"
        ) from error
    except ScriptError as error:
        raise _script_problem(
            error, ErrorType.INVALID_SCRIPT, "the script does not parse"
        ) from error
    except InvalidOptionError as error:
        raise ProblemException(
            ErrorType.INVALID_OPTION,
            str(error),
            errors=[ProblemLocation(field=error.field_name, message=str(error))],
        ) from error


def estimate_for(request: Request, breakdown: Breakdown) -> Estimate:
    settings: Settings = request.app.state.settings
    prices: Prices = request.app.state.prices
    return estimate(breakdown.plan, prices, settings.render_profile())


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
