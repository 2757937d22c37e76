"""Failure types a client can act on. Workflows list the non-retryable ones by type."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from temporalio.exceptions import ApplicationError, CancelledError

INVALID_SCRIPT = "InvalidScript"  # the script does not parse: fix it, do not retry
INVALID_INPUT = "InvalidInput"  # a payload or option the system cannot use
CONTENT_REFUSED = "ContentRefused"  # the content policy refused lines of the script
MEDIA_CHECK_FAILED = "MediaCheckFailed"  # a rendered file is not what was asked for
SHOT_FAILED = "ShotFailed"  # a shot failed every attempt: fails the film
FILM_FAILED = "FilmFailed"  # a film-level stage (score, compose, publish) failed
INSUFFICIENT_CREDITS = "InsufficientCredits"  # the tenant cannot pay for the film

NON_RETRYABLE = [INVALID_SCRIPT, INVALID_INPUT, CONTENT_REFUSED, INSUFFICIENT_CREDITS]


@contextmanager
def failures_of(provider: str) -> Iterator[None]:
    """Turn a provider's error into a typed ApplicationError that names the provider.

    A ValueError is the input's fault, so retrying cannot help: non-retryable. Anything
    else (a crashed tool, a busy service) is retried by the activity's retry policy; a
    ProviderError's type (RateLimited, ProviderUnavailable, QuotaExceeded) tells the
    workflow to move on to the next provider of the chain once the retries run out.
    Cancellation passes through untouched.
    """
    try:
        yield
    except (ApplicationError, CancelledError):
        raise
    except Exception as error:
        raise ApplicationError(
            str(error) or type(error).__name__,
            {"provider": provider},
            type=type(error).__name__,
            non_retryable=isinstance(error, ValueError),
        ) from error
