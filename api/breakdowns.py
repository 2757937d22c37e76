"""The script breakdown as the API serves it: one call for the preview and for new jobs,
and the 422 bodies that say which line, column or option is at fault."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import Request, status
from fastapi.responses import JSONResponse

from api.references import InvalidReference, check_reference
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
    )


def breakdown_for(request: Request, body: JobCreate) -> Breakdown:
    voice: VoiceProvider = request.app.state.voice
    moderator: ModerationProvider = request.app.state.moderator
    try:
        settings: Settings = request.app.state.settings
        options = options_of(body, voice.name, settings.webhook_allow_private)
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


def invalid_option(field: str, detail: str) -> JSONResponse:
    return JSONResponse(
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        content={"detail": detail, "field": field, "type": "InvalidInput"},
    )
