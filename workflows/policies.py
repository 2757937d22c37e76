"""Timeouts and retry policies: named once, used by symbol."""

from __future__ import annotations

from datetime import timedelta

from temporalio.common import RetryPolicy

from activities.errors import NON_RETRYABLE

MAX_ATTEMPTS = 3

RETRY = RetryPolicy(
    initial_interval=timedelta(seconds=1),
    backoff_coefficient=2.0,
    maximum_interval=timedelta(seconds=20),
    maximum_attempts=MAX_ATTEMPTS,
    non_retryable_error_types=NON_RETRYABLE,
)

PLAN_TIMEOUT = timedelta(seconds=30)
VISUAL_TIMEOUT = timedelta(minutes=2)
VOICE_TIMEOUT = timedelta(minutes=2)  # all of a shot's lines
VOICE_HEARTBEAT = timedelta(seconds=30)
CAST_TIMEOUT = timedelta(seconds=30)
SCORE_TIMEOUT = timedelta(minutes=5)

# ffmpeg activities heartbeat about twice a second; a worker that dies is noticed after
# the heartbeat timeout and its activity retried elsewhere, not after the whole timeout.
RENDER_SHOT_TIMEOUT = timedelta(minutes=10)
COMPOSE_TIMEOUT = timedelta(minutes=30)
PUBLISH_TIMEOUT = timedelta(minutes=5)
MEDIA_HEARTBEAT = timedelta(seconds=15)
