"""How the workflow turns an activity's final failure into the film's clear error."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from typing import Any

from temporalio import workflow
from temporalio.exceptions import ActivityError, ApplicationError, TimeoutError

with workflow.unsafe.imports_passed_through():
    from activities.errors import FILM_FAILED, NON_RETRYABLE, SHOT_FAILED
    from workflows.film_types import FailureInfo


class StepFailed(Exception):
    """An activity failed for good; carries where, for the film's error."""

    def __init__(self, info: FailureInfo) -> None:
        super().__init__(info.message)
        self.info = info


def describe_failure(
    stage: str, step: str, shot_id: str | None, error: ActivityError
) -> FailureInfo:
    """What failed, from the activity's own error when it has one: type, message,
    provider, and whether retrying could help."""
    cause = error.cause
    if isinstance(cause, ApplicationError):
        details = cause.details[0] if cause.details else None
        provider = str(details.get("provider", "")) if isinstance(details, dict) else ""
        billed = float(details.get("billed", 0.0)) if isinstance(details, dict) else 0.0
        return FailureInfo(
            stage, step, shot_id, cause.type or "ApplicationError", cause.message, provider,
            retryable=not cause.non_retryable and (cause.type or "") not in NON_RETRYABLE,
            billed=billed,
        )  # fmt: skip
    if isinstance(cause, TimeoutError):
        kind = cause.type.name.lower() if cause.type else "activity"
        return FailureInfo(stage, step, shot_id, "Timeout", f"{kind} timeout")
    if cause is not None:
        return FailureInfo(stage, step, shot_id, type(cause).__name__, str(cause))
    return FailureInfo(stage, step, shot_id, "ActivityError", str(error))


def failure_message(info: FailureInfo) -> str:
    """The film's error, as the job shows it: where it failed, and why."""
    where = f" for shot {info.shot_id}" if info.shot_id else ""
    return f"{info.stage} failed at {info.step}{where}: {info.message}"


def failure_type(info: FailureInfo) -> str:
    if info.error_type in NON_RETRYABLE:  # the input's fault: say so, not "a stage failed"
        return info.error_type
    return SHOT_FAILED if info.shot_id else FILM_FAILED


async def all_or_cancel(steps: Sequence[Awaitable[Any]]) -> list[Any]:
    """Run steps together; if one fails, cancel the rest before the failure goes up."""
    tasks: list[asyncio.Future[Any]] = [asyncio.ensure_future(step) for step in steps]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
