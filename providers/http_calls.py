"""One HTTP call to a remote provider, and its answer turned into the typed errors.

429 -> RateLimited (with Retry-After), 5xx, timeouts and dropped connections ->
ProviderUnavailable (both retryable, and a reason to fail over); 401/403 ->
ProviderAuthFailed, other 4xx -> ProviderRejected (non-retryable, with the provider's own
message). Secrets (API keys) are scrubbed from every message before it leaves.
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

import httpx

from providers.errors import (
    ProviderAuthFailed,
    ProviderError,
    ProviderRefused,
    ProviderRejected,
    ProviderUnavailable,
    QuotaExceeded,
    RateLimited,
)

T = TypeVar("T")
MAX_MESSAGE = 300
# Codes OpenAI-compatible services give a prompt their content policy refuses.
REFUSAL_CODES = frozenset({"content_policy_violation", "moderation_blocked"})


def scrub(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def retry_after(response: httpx.Response) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.replace(".", "", 1).isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def provider_message(response: httpx.Response) -> tuple[str, str]:
    """(message, code) from an error body: OpenAI's {"error": {...}}, ComfyUI's, or text."""
    try:
        body: Any = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return response.text[:MAX_MESSAGE], ""
    error = body.get("error", body) if isinstance(body, dict) else body
    if isinstance(error, dict):
        return str(error.get("message") or error)[:MAX_MESSAGE], str(error.get("code") or "")
    return str(error)[:MAX_MESSAGE], ""


def check(response: httpx.Response, provider: str, secrets: Iterable[str] = ()) -> None:
    """Raise the typed error a failed answer means; return on 2xx."""
    status = response.status_code
    if status < 400:
        return
    message, code = provider_message(response)
    text = scrub(f"{provider}: HTTP {status}: {message}", secrets)
    error: ProviderError
    if status == 429:
        kind = QuotaExceeded if code == "insufficient_quota" else RateLimited
        error = kind(text, retry_after_s=retry_after(response))
    elif status >= 500:
        error = ProviderUnavailable(text, retry_after_s=retry_after(response))
    elif status in (401, 403):
        error = ProviderAuthFailed(text)
    elif code in REFUSAL_CODES:
        error = ProviderRefused(text)
    else:
        error = ProviderRejected(text)
    raise error


def send(
    http: httpx.Client,
    method: str,
    url: str,
    provider: str,
    secrets: Iterable[str] = (),
    **kwargs: Any,
) -> httpx.Response:
    """Make the call; a timeout or a dropped connection is the provider being unavailable."""
    try:
        response = http.request(method, url, **kwargs)
    except httpx.TimeoutException as error:
        timed_out = ProviderUnavailable(f"{provider}: timed out ({type(error).__name__})")
        timed_out.maybe_billed = True  # the service may have done (and billed) the work
        raise timed_out from None
    except httpx.TransportError as error:
        message = scrub(str(error), secrets)
        raise ProviderUnavailable(f"{provider}: cannot connect: {message}") from None
    check(response, provider, secrets)
    return response


def while_waiting(call: Callable[[], T], progress: Callable[[], None] | None, every_s: float) -> T:
    """Run a blocking call in a helper thread, calling `progress` (a heartbeat) meanwhile,
    so a synchronous API that takes a minute to answer is not taken for a dead worker."""
    if progress is None:
        return call()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="provider-call") as pool:
        future = pool.submit(call)
        while True:
            try:
                return future.result(timeout=every_s)
            except FutureTimeout:
                progress()
