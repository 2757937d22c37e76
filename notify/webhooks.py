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


@dataclass(frozen=True)
class WebhookTarget:
    """A checked target: the normalized URL and the addresses the delivery connects to,
    the ones that were checked (the name is never resolved a second time)."""

    url: str
    host: str  # the name, for the Host header and TLS SNI
    port: int
    addresses: tuple[str, ...]  # IP literals, in the resolver's order


def check_target(url: str, allow_private: bool) -> str:
    """The URL to call, normalized, or WebhookTargetError saying why not.

    Messages name the host, never the whole URL: paths and queries often hold tokens.
    Unless allow_private, every address the host resolves to must be public.
    """
    url, host, port = _parsed(url)
    if not allow_private:
        _checked_addresses(host, port)
    return url


def resolve_target(url: str, allow_private: bool) -> WebhookTarget:
    """The target as the delivery dials it: resolved once, every address checked (unless
    allow_private) and kept, so DNS rebinding between check and connect cannot send the
    request elsewhere."""
    url, host, port = _parsed(url)
    addresses = _checked_addresses(host, port) if not allow_private else _resolve(host, port)
    return WebhookTarget(url, host, port, tuple(dict.fromkeys(str(a) for a in addresses)))


def _parsed(url: str) -> tuple[str, str, int]:
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
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    normalized = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    return normalized, host, port or (443 if scheme == "https" else 80)


Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _resolve(host: str, port: int) -> list[Address]:
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise WebhookTargetError(
            f"webhook host {host!r} does not resolve: {error.strerror}",
            transient=error.errno == socket.EAI_AGAIN,
        ) from None
    except UnicodeError:
        raise WebhookTargetError(f"webhook host {host!r} is not a valid host name") from None
    addresses = [ipaddress.ip_address(str(sockaddr[0]).split("%")[0]) for *_, sockaddr in found]
    if not addresses:
        raise WebhookTargetError(f"webhook host {host!r} does not resolve")
    return addresses


def _checked_addresses(host: str, port: int) -> list[Address]:
    addresses = _resolve(host, port)
    for address in addresses:
        if is_internal(address):
            raise WebhookTargetError(
                f"webhook host {host!r} resolves to {address}, which is not a public address; "
                f"private/loopback targets are refused unless {ALLOW_PRIVATE_ENV} is set"
            )
    return addresses


# IPv6 ranges that carry an IPv4 address in their low 32 bits (RFC 6052 NAT64 well-known
# prefix, RFC 6145 IPv4-translated), and the local-use NAT64 prefix (RFC 8215), which is
# never global whatever it embeds.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_TRANSLATED = ipaddress.IPv6Network("::ffff:0:0:0/96")
_LOCAL_NAT64 = ipaddress.IPv6Network("64:ff9b:1::/48")


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries, which is where the network stack or a
    relay delivers it: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), 6to4 (2002::/16),
    Teredo (2001::/32: server and client) and NAT64 (64:ff9b::/96)."""
    found: list[ipaddress.IPv4Address] = []
    low32 = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    if int(address) >> 32 == 0 and int(address) > 1:  # IPv4-compatible (deprecated)
        found.append(low32)
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)
    if address in _NAT64 or address in _TRANSLATED:
        found.append(low32)
    return found


def is_internal(address: Address) -> bool:
    """Not a global unicast address, itself or any IPv4 address embedded in it."""
    if isinstance(address, ipaddress.IPv6Address):
        if address in _LOCAL_NAT64:
            return True
        if address in _NAT64:  # ipaddress calls all of ::/8 reserved; NAT64 is as its IPv4
            return _not_global(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        if any(_not_global(inner) for inner in embedded_ipv4(address)):
            return True
    return _not_global(address)


def _not_global(address: Address) -> bool:
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
