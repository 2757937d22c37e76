"""The script breakdown as the API serves it: one call for the preview and for new jobs,
run off the event loop (parsing, moderation and pricing are CPU work), and the 422
problems that say which line, column or option is at fault."""

from __future__ import annotations

from dataclasses import dataclass, replace

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


def cast_voices(body: JobCreate, allow_private: bool = False) -> dict[str, str]:
    """options.cast as voices: a string is a voice; an object may name one and a reference
    picture (checked, not fetched). The provider it names is `casting_chain`'s business."""
    voices: dict[str, str] = {}
    for name, member in body.options.cast.items():
        if isinstance(member, str):
            voices[name] = member
            continue
        if member.reference:
            try:
                check_reference(member.reference, allow_private)
            except InvalidReference as error:
                raise InvalidOptionError(f"options.cast.{name}.reference", str(error)) from None
        if member.voice:
            voices[name] = member.voice
    return voices


def _refusal(body: JobCreate, voice: VoiceProvider) -> InvalidOptionError | None:
    """Why this provider cannot take the user's cast (the first field it refuses), or None."""
    for name, member in body.options.cast.items():
        wanted = member if isinstance(member, str) else member.voice
        provider = None if isinstance(member, str) else member.provider
        where = f"options.cast.{name}" + ("" if isinstance(member, str) else ".voice")
        if provider and provider != voice.name:
            return InvalidOptionError(f"options.cast.{name}.provider", f"asks for {provider!r}")
        if wanted:
            try:
                voice.check_voice(wanted)
            except ValueError as error:
                return InvalidOptionError(where, str(error))
    return None


def casting_chain(body: JobCreate, voices: list[VoiceProvider]) -> list[VoiceProvider]:
    """The voice chain from the first provider that accepts the user's whole cast: every
    provider a member names is it, and it knows every voice asked for. The film's cast is
    chosen there and moves down the rest of the chain only if that provider fails for
    good. None accepts: InvalidOptionError (a 422) naming the member at fault and saying
    what each provider refused."""
    refusals = []
    for index, voice in enumerate(voices):
        refusal = _refusal(body, voice)
        if refusal is None:
            return voices[index:]
        refusals.append(refusal)
    # name what the nearest provider refused: a voice it does not know, before "not that one"
    first = next((r for r in refusals if not r.field_name.endswith(".provider")), refusals[0])
    if len(voices) == 1:
        detail = str(first).split(": ", 1)[1]
        if first.field_name.endswith(".provider"):
            detail = f"this service speaks with {voices[0].name!r} only"
    else:
        why = "; ".join(
            f"{voice.name} refuses {refusal}"
            for voice, refusal in zip(voices, refusals, strict=True)
        )
        detail = f"no voice provider of this service takes the whole cast ({why})"
    raise InvalidOptionError(first.field_name, detail)


def cast_references(body: JobCreate) -> dict[str, str]:
    """Character (as the plan names it) -> the reference the user gave: upload id or URL."""
    return {
        name.upper(): member.reference
        for name, member in body.options.cast.items()
        if not isinstance(member, str) and member.reference
    }


def options_of(body: JobCreate, allow_private: bool = False) -> BreakdownOptions:
    return BreakdownOptions(
        script_format=body.options.format,
        cast=cast_voices(body, allow_private),
        strict=body.options.strict,
    )


@dataclass(frozen=True)
class PricedBreakdown:
    breakdown: Breakdown
    estimate: Estimate
    voices: list[str]  # the voice chain, from the provider that took the cast


def breakdown_for(request: Request, body: JobCreate) -> tuple[Breakdown, list[VoiceProvider]]:
    """The breakdown, cast on the first voice provider that takes the cast, and the chain
    from there; or a 422 problem. Blocking: call from a thread (`priced_breakdown`)."""
    moderator: ModerationProvider = request.app.state.moderator
    try:
        settings: Settings = request.app.state.settings
        options = options_of(body, settings.webhook_allow_private)
        voices = casting_chain(body, request.app.state.voices)
        return break_down(body.script, body.title, options, voices[0], moderator), voices
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


def estimate_for(request: Request, breakdown: Breakdown, voices: list[VoiceProvider]) -> Estimate:
    """Held for the dearest provider a shot may fail over to, voices as pictures."""
    settings: Settings = request.app.state.settings
    prices: Prices = replace(
        request.app.state.prices,
        voice_per_character=max(voice.price_per_character for voice in voices),
    )
    return estimate(breakdown.plan, prices, settings.render_profile())


def invalid_option(field: str, detail: str) -> ProblemException:
    """A 422 naming the option at fault."""
    return ProblemException(
        ErrorType.INVALID_OPTION, detail, errors=[ProblemLocation(field=field, message=detail)]
    )


async def priced_breakdown(request: Request, body: JobCreate) -> PricedBreakdown:
    """The breakdown and its price, computed on a worker thread so /health and every other
    request keep being answered while a large script is parsed."""

    def work() -> PricedBreakdown:
        breakdown, voices = breakdown_for(request, body)
        priced = estimate_for(request, breakdown, voices)
        return PricedBreakdown(breakdown, priced, [voice.name for voice in voices])

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
