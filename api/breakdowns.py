"""The script breakdown as the API serves it: one call for the preview and for new jobs,
and the 422 bodies that say which line, column or option is at fault."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import Request, status
from fastapi.responses import JSONResponse

from api.schemas import JobCreate
from core.breakdown import (
    Breakdown,
    BreakdownOptions,
    ContentRefusedError,
    InvalidOptionError,
    break_down,
)
from core.estimate import Estimate, Prices, estimate
from core.settings import Settings
from notify.webhooks import WebhookTargetError, check_target
from providers.base import ModerationProvider, VoiceProvider
from screenplay.errors import ScriptError


class BreakdownRefused(Exception):
    def __init__(self, response: JSONResponse) -> None:
        self.response = response


def cast_voices(body: JobCreate, voice_provider: str) -> dict[str, str]:
    """options.cast as voices: a string is a voice; an object may name one, and the voice
    provider it is for (the film's own), but not yet a reference picture."""
    voices: dict[str, str] = {}
    for name, member in body.options.cast.items():
        if isinstance(member, str):
            voices[name] = member
            continue
        where = f"options.cast.{name}"
        if member.reference:
            raise InvalidOptionError(
                f"{where}.reference",
                "user-supplied references are not accepted yet; each character's reference "
                "is made once per film by the first visual provider that takes references",
            )
        if member.provider and member.provider != voice_provider:
            raise InvalidOptionError(
                f"{where}.provider", f"this service speaks with {voice_provider!r} only"
            )
        if member.voice:
            voices[name] = member.voice
    return voices


def options_of(body: JobCreate, voice_provider: str = "") -> BreakdownOptions:
    return BreakdownOptions(
        script_format=body.options.format, cast=cast_voices(body, voice_provider)
    )


def breakdown_for(request: Request, body: JobCreate) -> Breakdown:
    voice: VoiceProvider = request.app.state.voice
    moderator: ModerationProvider = request.app.state.moderator
    try:
        options = options_of(body, voice.name)
        return break_down(body.script, body.title, options, voice, moderator)
    except ContentRefusedError as error:
        raise BreakdownRefused(
            _issues(error, "ContentRefused", "the content policy refused")
        ) from error
    except ScriptError as error:
        raise BreakdownRefused(
            _issues(error, "InvalidScript", "the script does not parse")
        ) from error
    except InvalidOptionError as error:
        raise BreakdownRefused(
            JSONResponse(
                status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
                content={"detail": str(error), "field": error.field_name, "type": "InvalidInput"},
            )
        ) from error


def webhook_target(body: JobCreate, settings: Settings) -> str:
    """The checked webhook URL, or ""; a bad one is a 422 naming the field."""
    url = body.options.webhook_url
    if not url:
        return ""
    try:
        return check_target(url, settings.webhook_allow_private)
    except WebhookTargetError as error:
        raise BreakdownRefused(
            JSONResponse(
                status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
                content={
                    "detail": str(error),
                    "field": "options.webhook_url",
                    "type": "InvalidInput",
                },
            )
        ) from error


def estimate_for(request: Request, breakdown: Breakdown) -> Estimate:
    settings: Settings = request.app.state.settings
    prices: Prices = request.app.state.prices
    return estimate(breakdown.plan, prices, settings.render_profile())


def _issues(error: ScriptError, error_type: str, what: str) -> JSONResponse:
    issues = [asdict(issue) for issue in error.issues]
    first = issues[0] if issues else {"line": 1, "column": 1}
    return JSONResponse(
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        content={
            "detail": f"{what}: {error}",
            "type": error_type,
            "line": first["line"],
            "column": first["column"],
            "errors": issues,
        },
    )
