"""StepRunner: how every step of a film awaits its activity. A final failure becomes a
StepFailed naming stage, step and shot; a cancelled film's steps raise CancelledError
instead (workflows/cancel.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

from temporalio import workflow
from temporalio.exceptions import ActivityError, CancelledError, RetryState
from temporalio.workflow import ActivityCancellationType

with workflow.unsafe.imports_passed_through():
    from workflows import policies
    from workflows.cancel import OnCancel, cancel_requested
    from workflows.failures import StepFailed, describe_failure
    from workflows.film_types import FilmInput, ShotStatus
    from workflows.tracker import FilmTracker

T = TypeVar("T")
# Media activities are awaited on cancellation: the run closes only once ffmpeg is killed
# and partial files are gone.
AWAIT_CANCEL = ActivityCancellationType.WAIT_CANCELLATION_COMPLETED
TRY_CANCEL = ActivityCancellationType.TRY_CANCEL


class StepRunner:
    def __init__(self, request: FilmInput, film: FilmTracker) -> None:
        self._request = request
        self._film = film
        self._queues = request.queues
        self.exact_cancel = False  # runs from before "cancel-ends-cancelled" replay without
        self.revision_keys = False  # runs from before "revision-numbered-keys": flat keys

    @property
    def _await_cancel(self) -> ActivityCancellationType:
        """Steps that once did not wait for their activity to stop now do."""
        return AWAIT_CANCEL if self.exact_cancel else TRY_CANCEL

    @property
    def revision(self) -> int:
        """The revision the film-level steps now write: the next one to be published."""
        return self._film.revision + 1 if self.revision_keys else 0

    async def step(
        self,
        step: str,
        shot_id: str | None,
        activity: Awaitable[T],
        on_cancel: OnCancel = OnCancel.STOP,
    ) -> T:
        """Await an activity; a final failure becomes a StepFailed naming stage, step, shot.

        Once the film's cancel is requested, a step that is not compensation never starts
        and a step whose activity was cancelled raises CancelledError, never StepFailed: a
        cancelled film ends cancelled, not failed (workflows/cancel.py)."""
        exact = self.exact_cancel
        if exact and on_cancel is not OnCancel.RUN and cancel_requested():
            if asyncio.iscoroutine(activity):
                activity.close()  # never scheduled
            raise asyncio.CancelledError(f"{step}: the film is cancelled")
        try:
            result = await activity
        except ActivityError as error:
            if exact and isinstance(error.cause, CancelledError):
                raise asyncio.CancelledError(f"{step} cancelled") from error
            info = describe_failure(self._film.stage.value, step, shot_id, error)
            if shot_id is not None:
                track = self._film.shot(shot_id)
                track.status, track.error = ShotStatus.FAILED, info
                track.cost += info.billed  # a failed call the provider bills is charged
                exhausted = error.retry_state == RetryState.MAXIMUM_ATTEMPTS_REACHED
                track.attempts[step] = policies.MAX_ATTEMPTS if exhausted else 1
            raise StepFailed(info) from error
        if exact and on_cancel is OnCancel.STOP and cancel_requested():
            raise asyncio.CancelledError(f"{step} finished after the film was cancelled")
        return result
