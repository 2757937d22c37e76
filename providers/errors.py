"""Errors a provider raises when it, not the input, is the trouble. The workflow moves a
shot to the next provider of the kind's chain when one of these outlasts its retries."""

from __future__ import annotations


class ProviderError(RuntimeError):
    """The provider could not do the work right now."""


class RateLimited(ProviderError):
    pass


class ProviderUnavailable(ProviderError):
    pass


class QuotaExceeded(ProviderError):
    pass


FAILOVER_ERRORS = frozenset({"RateLimited", "ProviderUnavailable", "QuotaExceeded"})
