"""A worker interceptor that measures every activity and puts its job, workflow and shot
ids on the log records written while it runs."""

from __future__ import annotations

import logging
import time
from typing import Any

from temporalio import activity
from temporalio.exceptions import ApplicationError
from temporalio.worker import (
    ActivityInboundInterceptor,
    ExecuteActivityInput,
    Interceptor,
)

from observability import metrics
from observability.logs import bind_ids

log = logging.getLogger("filmstudio.activity")
_LEDGER_KINDS = {"hold_credits": "hold", "charge_credits": "charge", "release_credits": "release"}


class ActivityMetricsInterceptor(Interceptor):
    def intercept_activity(self, next: ActivityInboundInterceptor) -> ActivityInboundInterceptor:
        return _Inbound(next)


def _shot_id(args: Any) -> str:
    """The shot an activity works on, when its input names one."""
    for value in args:
        shot = getattr(value, "shot_id", None)
        shot = shot or getattr(getattr(value, "shot", None), "shot_id", None)
        if isinstance(shot, str):
            return shot
    return ""


class _Inbound(ActivityInboundInterceptor):
    async def execute_activity(self, input: ExecuteActivityInput) -> Any:
        info = activity.info()
        name = info.activity_type
        started = time.monotonic()
        with bind_ids(
            workflow_id=info.workflow_id or "",
            activity_type=name,
            activity_id=info.activity_id,
            shot_id=_shot_id(input.args),
        ):
            try:
                result = await self.next.execute_activity(input)
            except BaseException as error:  # counted, then up as it was
                metrics.ACTIVITY_FAILURES.labels(name, _error_type(error)).inc()
                raise
            finally:
                metrics.ACTIVITY_SECONDS.labels(name).observe(time.monotonic() - started)
            _record(name, result)
            log.info("%s done in %.2f s", name, time.monotonic() - started)
        return result


def _error_type(error: BaseException) -> str:
    if isinstance(error, ApplicationError) and error.type:
        return error.type
    return type(error).__name__


def _record(name: str, result: Any) -> None:
    if name == "generate_visual":
        metrics.SHOTS_RENDERED.labels(getattr(result, "provider", "")).inc()
    elif name == "render_shot":
        metrics.CLIPS.labels("reused" if getattr(result, "reused", False) else "rendered").inc()
        if not getattr(result, "reused", False):
            metrics.RENDERED_FILM_SECONDS.inc(float(getattr(result, "duration_s", 0.0)))
    elif name in _LEDGER_KINDS:
        metrics.CREDITS_MOVED.labels(_LEDGER_KINDS[name]).inc(int(getattr(result, "amount", 0)))
