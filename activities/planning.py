"""plan_film: the script becomes a plan. Bad or refused scripts fail at once, naming the line."""

from __future__ import annotations

from dataclasses import asdict

from temporalio import activity
from temporalio.exceptions import ApplicationError

from activities.contracts import PlanFilmInput, PlanFilmResult
from activities.errors import CONTENT_REFUSED, INVALID_INPUT, INVALID_SCRIPT, provider_named
from activities.heartbeat import heartbeating
from core.breakdown import ContentRefusedError, InvalidOptionError, break_down
from providers.base import ModerationProvider, VoiceProvider
from screenplay.errors import ScriptError


class PlanningActivities:
    def __init__(
        self,
        voice: VoiceProvider,
        moderator: ModerationProvider,
        voice_fallbacks: list[VoiceProvider] | None = None,
    ) -> None:
        self._voice = voice
        self._voices = {provider.name: provider for provider in (voice, *(voice_fallbacks or []))}
        self._moderator = moderator

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def plan_film(self, request: PlanFilmInput) -> PlanFilmResult:
        voice = provider_named(self._voices, request.voice_provider or self._voice.name, "voice")
        try:
            with heartbeating():  # a long script parses for a while: a cancel still stops it
                breakdown = break_down(
                    request.script, request.title, request.options, voice, self._moderator
                )
        except ContentRefusedError as error:
            raise _refusal(
                error, CONTENT_REFUSED, "the content policy refused the script"
            ) from error
        except ScriptError as error:
            raise _refusal(error, INVALID_SCRIPT, "the script does not parse") from error
        except InvalidOptionError as error:
            raise ApplicationError(str(error), type=INVALID_INPUT, non_retryable=True) from error
        plan = breakdown.plan
        activity.logger.info("planned %d scenes, %d shots", len(plan.scenes), len(plan.shots))
        return PlanFilmResult(plan=plan, cast=breakdown.cast)


def _refusal(error: ScriptError, error_type: str, what: str) -> ApplicationError:
    return ApplicationError(
        f"{what}: {error}",
        *[asdict(issue) for issue in error.issues],
        type=error_type,
        non_retryable=True,
    )
