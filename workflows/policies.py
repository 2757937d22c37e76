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

# Remote providers (ComfyUI, OpenAI-compatible): a job may wait for a GPU; the activity
# heartbeats while it waits, so a dead worker is noticed soon and its retry resumes
# waiting on the same provider job, and a cancel reaches the provider.
REMOTE_VISUAL_TIMEOUT = timedelta(minutes=30)
REMOTE_HEARTBEAT = timedelta(seconds=10)

PLAN_TIMEOUT = timedelta(seconds=30)
VISUAL_TIMEOUT = timedelta(minutes=2)
VOICE_TIMEOUT = timedelta(minutes=2)  # all of a shot's lines
VOICE_HEARTBEAT = timedelta(seconds=30)
CAST_TIMEOUT = timedelta(seconds=30)
SCORE_TIMEOUT = timedelta(minutes=5)
# Every activity heartbeats while it works (activities/heartbeat.py): a cancel reaches it
# in a heartbeat's answer, and a worker that died is noticed after this, not the timeout.
WORK_HEARTBEAT = timedelta(seconds=15)

# ffmpeg activities heartbeat about twice a second; a worker that dies is noticed after
# the heartbeat timeout and its activity retried elsewhere, not after the whole timeout.
RENDER_SHOT_TIMEOUT = timedelta(minutes=10)
COMPOSE_TIMEOUT = timedelta(minutes=30)
PUBLISH_TIMEOUT = timedelta(minutes=5)
MEDIA_HEARTBEAT = timedelta(seconds=15)

# The ledger lives in the database: quick, and retried until the database answers again
# (each move is idempotent, so a retry never moves money twice).
LEDGER_TIMEOUT = timedelta(seconds=10)
LEDGER_RETRY = RetryPolicy(
    initial_interval=timedelta(seconds=1),
    backoff_coefficient=2.0,
    maximum_interval=timedelta(seconds=30),
    maximum_attempts=0,  # until it succeeds, or fails for good (InsufficientCredits)
    non_retryable_error_types=[*NON_RETRYABLE, "UnknownTenant"],
)

# The job index (activities/job_index.py): best effort, the API's reads heal a missed one.
INDEX_TIMEOUT = timedelta(seconds=10)
INDEX_RETRY = RetryPolicy(
    initial_interval=timedelta(seconds=1),
    backoff_coefficient=2.0,
    maximum_interval=timedelta(seconds=10),
    maximum_attempts=5,
)

# Webhooks: a receiver may be down for a while; Temporal keeps trying for about an hour.
WEBHOOK_TIMEOUT = timedelta(seconds=30)
WEBHOOK_RETRY = RetryPolicy(
    initial_interval=timedelta(seconds=2),
    backoff_coefficient=2.0,
    maximum_interval=timedelta(minutes=10),
    maximum_attempts=12,
    non_retryable_error_types=["InvalidWebhookTarget", "WebhookRejected"],
)
