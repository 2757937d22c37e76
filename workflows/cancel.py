"""How a film's cancel is exact: which steps may still run once it is requested.

A cancel requested before the film is published ends the run `cancelled`: no work starts
after it, work in flight is asked to stop and awaited (its ffmpeg is gone and its partial
files removed before the run closes), and work that finished anyway is dropped. Only the
compensation runs: the release of what was held, the job index, the webhook. A cancel after
publication closes the revision window; the published film stands.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from enum import Enum
from typing import TypeVar

from temporalio import workflow

T = TypeVar("T")


class OnCancel(Enum):
    STOP = "stop"  # work: never starts once the film is cancelled; a late result is dropped
    FINISH = "finish"  # a ledger move: never starts once cancelled; one in flight finishes
    RUN = "run"  # compensation (release, the job index): runs whatever happened


def cancel_requested() -> bool:
    """True once a cancel of this run has reached the workflow (REST or the temporal CLI)."""
    return workflow.cancellation_reason() is not None


async def uncancellable(work: Awaitable[T]) -> T:
    """Await work that must finish whatever happens (compensation): a cancel that lands
    while it runs does not stop it."""
    task = asyncio.ensure_future(work)
    while True:
        try:
            return await asyncio.shield(task)
        except asyncio.CancelledError:
            if task.done():
                return task.result()
