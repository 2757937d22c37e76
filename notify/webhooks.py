"""Signed webhooks: where they may go, how they are signed, what they carry. No Temporal here.

A receiver checks a delivery by recomputing HMAC-SHA256 over "<timestamp>." + body with the
shared secret and comparing it to the signature header (`verify`); it should also refuse a
timestamp too far from its own clock, so an old delivery cannot be replayed. The delivery
header is the same on every retry of one event, so a receiver can drop duplicates.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import socket
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

SIGNATURE_HEADER = "X-FilmStudio-Signature"
TIMESTAMP_HEADER = "X-FilmStudio-Timestamp"
EVENT_HEADER = "X-FilmStudio-Event"
DELIVERY_HEADER = "X-FilmStudio-Delivery"  # stable across retries: an idempotency key

ALLOW_PRIVATE_ENV = "FILMSTUDIO_WEBHOOK_ALLOW_PRIVATE"
MAX_URL_LENGTH = 2000

EventName = Literal["film.completed", "film.failed", "film.cancelled"]


class WebhookTargetError(ValueError):
    """A webhook URL the system will not call. `transient` when a retry could help (DNS)."""

    def __init__(self, message: str, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


def check_target(url: str, allow_private: bool) -> str:
    """The URL to call, normalized, or WebhookTargetError saying why not.

    Messages name the host, never the whole URL: paths and queries often hold tokens.
    Unless allow_private, every address the host resolves to must be public. The check
    cannot stop a name that resolves differently a moment later (DNS rebinding).
    """
    if len(url) > MAX_URL_LENGTH:
        raise WebhookTargetError(
            f"webhook URL is {len(url)} characters; the limit is {MAX_URL_LENGTH}"
        )
    if any(char.isspace() or not char.isprintable() for char in url):
        raise WebhookTargetError("webhook URL contains whitespace or control characters")
    try:
        parts = urlsplit(url)
    except ValueError as error:
        raise WebhookTargetError(f"webhook URL does not parse: {error}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise WebhookTargetError(
            f"webhook URL scheme must be http or https, not {scheme or 'none'!r}"
        )
    if "@" in parts.netloc:
        raise WebhookTargetError("webhook URL must not carry a user name or password")
    host = parts.hostname
    if not host:
        raise WebhookTargetError("webhook URL has no host")
    try:
        port = parts.port
    except ValueError:
        raise WebhookTargetError(f"webhook URL for host {host!r} has an invalid port") from None
    if not allow_private:
        _refuse_private(host, port or (443 if scheme == "https" else 80))
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def _refuse_private(host: str, port: int) -> None:
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise WebhookTargetError(
            f"webhook host {host!r} does not resolve: {error.strerror}",
            transient=error.errno == socket.EAI_AGAIN,
        ) from None
    except UnicodeError:
        raise WebhookTargetError(f"webhook host {host!r} is not a valid host name") from None
    if not found:
        raise WebhookTargetError(f"webhook host {host!r} does not resolve")
    for *_, sockaddr in found:
        address = _unmapped(ipaddress.ip_address(sockaddr[0]))
        if _is_internal(address):
            raise WebhookTargetError(
                f"webhook host {host!r} resolves to {address}, which is not a public address; "
                f"private/loopback targets are refused unless {ALLOW_PRIVATE_ENV} is set"
            )


def _unmapped(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """::ffff:127.0.0.1 is 127.0.0.1 to the network stack, so judge it as that."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _is_internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    # not is_global also catches shared address space (100.64.0.0/10, carrier NAT).
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def sign(body: bytes, secret: str, timestamp: int) -> str:
    """HMAC-SHA256 with the secret over "<timestamp>." then the body, as "sha256=<hex>"."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={digest.hexdigest()}"


def verify(body: bytes, secret: str, timestamp: int, signature: str) -> bool:
    """Whether the signature is this body's at this timestamp, compared in constant time."""
    return hmac.compare_digest(sign(body, secret, timestamp).encode(), signature.encode())


@dataclass(frozen=True)
class WebhookEvent:
    event: EventName
    job_id: str
    status: str
    # Any, not object: Temporal's data converter cannot decode a value typed object.
    data: dict[str, Any] = field(default_factory=dict)

    def body(self) -> bytes:
        """Compact JSON with sorted keys: the same event always gives the same bytes."""
        payload: dict[str, object] = {
            "event": self.event,
            "job_id": self.job_id,
            "status": self.status,
            "data": self.data,
        }
        return json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
