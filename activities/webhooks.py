"""Webhook delivery: one signed POST per attempt. Hosted wherever the workflow sends it.

The target is checked on every attempt (a name can start resolving somewhere private), the
body is signed with a fresh timestamp, and redirects are not followed. A refused target or
a 4xx answer fails for good; a busy or unreachable receiver (5xx, 408, 429, connection
errors, timeouts) fails retryably and the activity's retry policy tries again. The delivery
id is the same on every attempt, so receivers can drop duplicates. Error messages name the
host, never the URL (paths carry tokens) and never the secret.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpx
from temporalio import activity
from temporalio.exceptions import ApplicationError

from notify.webhooks import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    WebhookEvent,
    WebhookTarget,
    WebhookTargetError,
    resolve_target,
    sign,
)

INVALID_WEBHOOK_TARGET = "InvalidWebhookTarget"  # the URL is refused: fix it, do not retry
WEBHOOK_REJECTED = "WebhookRejected"  # the receiver answered 3xx/4xx: retrying cannot help
WEBHOOK_UNAVAILABLE = "WebhookUnavailable"  # busy or unreachable: retried by policy

RETRYABLE_STATUS = frozenset({408, 429})


@dataclass(frozen=True)
class DeliverWebhookInput:
    url: str
    secret: str
    event: WebhookEvent
    delivery_id: str  # stable across retries, e.g. "<workflow_id>:<event>"


@dataclass(frozen=True)
class DeliverWebhookResult:
    status_code: int
    attempt: int


class WebhookActivities:
    def __init__(self, allow_private: bool, timeout_s: float = 10.0) -> None:
        self._allow_private = allow_private
        self._timeout = httpx.Timeout(timeout_s)

    @activity.defn
    def deliver_webhook(self, request: DeliverWebhookInput) -> DeliverWebhookResult:
        try:
            target = resolve_target(request.url, self._allow_private)
        except WebhookTargetError as error:
            raise ApplicationError(
                str(error),
                type=WEBHOOK_UNAVAILABLE if error.transient else INVALID_WEBHOOK_TARGET,
                non_retryable=not error.transient,
            ) from None
        host = target.host
        body = request.event.body()
        timestamp = int(time.time())
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: sign(body, request.secret, timestamp),
            TIMESTAMP_HEADER: str(timestamp),
            EVENT_HEADER: request.event.event,
            DELIVERY_HEADER: request.delivery_id,
        }
        try:
            status = _post(target, body, headers, self._timeout)
        except (httpx.InvalidURL, UnicodeError) as error:  # a host name httpx cannot encode
            raise ApplicationError(
                f"webhook host {host!r} cannot be called: {error}",
                type=INVALID_WEBHOOK_TARGET,
                non_retryable=True,
            ) from error
        except httpx.HTTPError as error:
            raise ApplicationError(
                f"webhook host {host!r} unreachable: {type(error).__name__}: {error}",
                type=WEBHOOK_UNAVAILABLE,
            ) from error
        if 200 <= status < 300:
            return DeliverWebhookResult(status, activity.info().attempt)
        if status >= 500 or status in RETRYABLE_STATUS:
            raise ApplicationError(
                f"webhook host {host!r} answered {status}; will retry",
                {"status_code": status},
                type=WEBHOOK_UNAVAILABLE,
            )
        raise ApplicationError(
            f"webhook host {host!r} answered {status}; not retrying",
            {"status_code": status},
            type=WEBHOOK_REJECTED,
            non_retryable=True,
        )


def _post(
    target: WebhookTarget, body: bytes, headers: dict[str, str], timeout: httpx.Timeout
) -> int:
    """The answer's status code. The request dials the address that was checked (no second
    resolution, no proxy from the environment) and names the host in the Host header and in
    TLS SNI, so certificates are still verified against the name. The answer's body is
    never read, so its size does not matter."""
    parts = urlsplit(target.url)
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as http:
        for n, address in enumerate(target.addresses):  # as a resolver would: next on refusal
            literal = f"[{address}]" if ":" in address else address
            dialled = urlunsplit(parts._replace(netloc=f"{literal}:{target.port}"))
            try:
                with http.stream(
                    "POST",
                    dialled,
                    content=body,
                    headers={**headers, "Host": parts.netloc},
                    extensions={"sni_hostname": target.host},
                ) as response:
                    return response.status_code
            except httpx.ConnectError:
                if n == len(target.addresses) - 1:
                    raise
    raise httpx.ConnectError("no address to connect to")
