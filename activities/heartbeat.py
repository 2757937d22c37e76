"""Heartbeats for sync activities, so a cancel reaches them wherever they are.

Temporal tells an activity it is cancelled only in the answer to a heartbeat. An activity
that does one long call (a voice, a picture, a remux) would not heartbeat until it is done,
so `heartbeating()` beats from a side thread while the work runs, repeating the last
progress the work reported.

Cancellation is cooperative (activities are defined with `no_thread_cancel_exception`, so
the SDK never raises into the thread at an arbitrary bytecode, such as between fork and
the assignment of a Popen): every progress report and the end of the block raise
CancelledError once the cancel has arrived. The error unwinds the work at a known point:
ffmpeg's runner kills its child and waits for it, ArtifactStore.writing removes the temp
file.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from temporalio import activity
from temporalio.exceptions import CancelledError

EVERY_S = 0.5


class Beat:
    """Report progress; the side thread repeats the latest report between reports."""

    def __init__(self, *details: Any) -> None:
        self._lock = threading.Lock()
        self._details: tuple[Any, ...] = details

    def __call__(self, *details: Any) -> None:
        with self._lock:
            self._details = details
        activity.heartbeat(*details)
        self.check()

    @staticmethod
    def check() -> None:
        """Raise CancelledError if Temporal has cancelled the activity."""
        if activity.is_cancelled():
            raise CancelledError("the activity was cancelled")

    def again(self) -> None:
        with self._lock:
            details = self._details
        activity.heartbeat(*details)


@contextmanager
def heartbeating(*first: Any, every_s: float = EVERY_S) -> Iterator[Beat]:
    """Heartbeat now (with `first` as details) and every `every_s` until the block ends."""
    beat = Beat(*first)
    beat.again()
    context = contextvars.copy_context()  # the activity's context, for the side thread
    stop = threading.Event()

    def keep_beating() -> None:
        while not stop.wait(every_s):
            context.run(beat.again)

    side = threading.Thread(target=keep_beating, name="heartbeat", daemon=True)
    side.start()
    try:
        yield beat
    finally:
        stop.set()
        side.join()
    beat.check()  # cancelled while the last call ran: report that, not a result
