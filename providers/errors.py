"""Errors a provider raises when it, not the input, is the trouble. The workflow moves a
shot to the next provider of the kind's chain when one of these outlasts its retries.

`retryable` tells the activity wrapper (activities/errors.py `failures_of`) whether a retry
can help; `retry_after_s` (from a 429's Retry-After) becomes the next retry's delay."""

from __future__ import annotations

from core.error_types import ErrorType


class ProviderError(RuntimeError):
    """The provider could not do the work right now."""

    retryable = True
    maybe_billed = False  # no answer came (a timeout): the service may have done the work

    def __init__(self, message: str, retry_after_s: float | None = None) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class RateLimited(ProviderError):
    pass


class ProviderUnavailable(ProviderError):
    pass


class QuotaExceeded(ProviderError):
    pass


class ProviderFailed(ProviderError):
    """The provider refused this request for good: the same request fails again."""

    retryable = False
    error_type: ErrorType = ErrorType.PROVIDER_REJECTED


class ProviderRejected(ProviderFailed):
    error_type = ErrorType.PROVIDER_REJECTED


class ProviderAuthFailed(ProviderFailed):
    error_type = ErrorType.PROVIDER_AUTH_FAILED


class ProviderRefused(ProviderFailed):
    error_type = ErrorType.PROVIDER_REFUSED


class OutputUnusable(ProviderFailed):
    error_type = ErrorType.PROVIDER_OUTPUT_UNUSABLE


class NodeError(ProviderFailed):
    error_type = ErrorType.PROVIDER_NODE_ERROR


class ProviderCancelled(Exception):
    """The work was cancelled (Temporal asked); the provider has been told to stop."""


FAILOVER_ERRORS = frozenset({"RateLimited", "ProviderUnavailable", "QuotaExceeded"})
