"""Failure types a client can act on. Workflows list the non-retryable ones by type."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import timedelta
from typing import TypeVar

from temporalio.exceptions import ApplicationError, CancelledError

from core.error_types import ErrorType
from providers.errors import ProviderCancelled, ProviderError, ProviderFailed

INVALID_SCRIPT = ErrorType.INVALID_SCRIPT
INVALID_INPUT = ErrorType.INVALID_INPUT
CONTENT_REFUSED = ErrorType.CONTENT_REFUSED
MEDIA_CHECK_FAILED = ErrorType.MEDIA_CHECK_FAILED
SHOT_FAILED = ErrorType.SHOT_FAILED
FILM_FAILED = ErrorType.FILM_FAILED
INSUFFICIENT_CREDITS = ErrorType.INSUFFICIENT_CREDITS

NON_RETRYABLE = [INVALID_SCRIPT, INVALID_INPUT, CONTENT_REFUSED, INSUFFICIENT_CREDITS]

P = TypeVar("P")


def provider_named(providers: Mapping[str, P], name: str, kind: str) -> P:
    """The worker's provider of that name; one it does not have fails for good (the
    workflow asked this worker for a provider its settings do not list)."""
    provider = providers.get(name)
    if provider is None:
        raise ApplicationError(
            f"this worker has no {kind} provider {name!r}", type=INVALID_INPUT, non_retryable=True
        )
    return provider


@contextmanager
def failures_of(provider: str) -> Iterator[None]:
    """Turn a provider's error into a typed ApplicationError that names the provider.

    A ValueError is the input's fault, so retrying cannot help: non-retryable. Anything
    else (a crashed tool, a busy service) is retried by the activity's retry policy; a
    ProviderError's type (RateLimited, ProviderUnavailable, QuotaExceeded) tells the
    workflow to move on to the next provider of the chain once the retries run out.
    A ProviderFailed (a refusal, an unusable output, a ComfyUI node error) is typed by its
    ErrorType and non-retryable; a 429's Retry-After becomes the next retry's delay.
    Cancellation passes through untouched.
    """
    try:
        yield
    except (ApplicationError, CancelledError):
        raise
    except ProviderCancelled as error:
        raise CancelledError(str(error)) from error
    except ProviderFailed as error:
        raise ApplicationError(
            str(error), {"provider": provider}, type=error.error_type, non_retryable=True
        ) from error
    except ProviderError as error:
        delay = error.retry_after_s
        raise ApplicationError(
            str(error) or type(error).__name__,
            {"provider": provider},
            type=type(error).__name__,
            next_retry_delay=timedelta(seconds=delay) if delay else None,
        ) from error
    except Exception as error:
        raise ApplicationError(
            str(error) or type(error).__name__,
            {"provider": provider},
            type=type(error).__name__,
            non_retryable=isinstance(error, ValueError),
        ) from error
