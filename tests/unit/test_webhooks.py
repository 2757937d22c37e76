"""Webhook targets, signatures and bodies: pure functions, no network beyond localhost."""

from __future__ import annotations

import ipaddress
import json
import socket

import pytest

from notify.webhooks import (
    WebhookEvent,
    WebhookTargetError,
    check_target,
    embedded_ipv4,
    is_internal,
    resolve_target,
    sign,
    verify,
)

PUBLIC = "http://93.184.216.34/hook"


def test_a_public_literal_ip_is_accepted() -> None:
    assert check_target(PUBLIC, allow_private=False) == PUBLIC


def test_the_url_is_normalized() -> None:
    assert check_target("HTTPS://93.184.216.34:8443#frag", allow_private=False) == (
        "https://93.184.216.34:8443/"
    )


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("ftp://93.184.216.34/hook", "scheme"),
        ("file:///etc/passwd", "scheme"),
        ("http:///hook", "no host"),
        ("https://:443/hook", "no host"),
        ("http://user:pass@93.184.216.34/hook", "user name or password"),
        ("http://93.184.216.34:99999/hook", "invalid port"),
        ("http://93.184.216.34/" + "a" * 2000, "limit is 2000"),
        ("http://93.184.216.34/a b", "whitespace"),
        ("http://[zz]/hook", "does not parse"),
    ],
)
def test_malformed_targets_are_refused(url: str, says: str) -> None:
    with pytest.raises(WebhookTargetError, match=says):
        check_target(url, allow_private=True)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hook",
        "http://localhost:8080/hook",
        "http://10.1.2.3/hook",
        "http://192.168.0.10/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://0.0.0.0/hook",
        "http://2130706433/hook",  # 127.0.0.1 written as one number
        "http://224.0.0.1/hook",
        "http://100.64.0.1/hook",
    ],
)
def test_internal_targets_are_refused(url: str) -> None:
    with pytest.raises(WebhookTargetError) as raised:
        check_target(url, allow_private=False)
    message = str(raised.value)
    assert "FILMSTUDIO_WEBHOOK_ALLOW_PRIVATE" in message and "/hook" not in message
    assert not raised.value.transient


def test_private_targets_are_allowed_when_asked() -> None:
    url = "http://127.0.0.1:8080/hook"
    assert check_target(url, allow_private=True) == url


def test_a_host_that_does_not_resolve_is_refused() -> None:
    with pytest.raises(WebhookTargetError, match="does not resolve"):
        check_target("https://no-such-host.invalid/hook", allow_private=False)


def test_userinfo_is_not_echoed() -> None:
    with pytest.raises(WebhookTargetError) as raised:
        check_target("https://alice:hunter2@93.184.216.34/", allow_private=False)
    assert "hunter2" not in str(raised.value)


BODY = b'{"event":"film.completed"}'


def test_a_signature_verifies() -> None:
    signature = sign(BODY, "s3cret", 1_700_000_000)
    assert signature.startswith("sha256=") and len(signature) == len("sha256=") + 64
    assert verify(BODY, "s3cret", 1_700_000_000, signature)


@pytest.mark.parametrize(
    ("body", "secret", "timestamp"),
    [
        (BODY + b" ", "s3cret", 1_700_000_000),
        (BODY, "other", 1_700_000_000),
        (BODY, "s3cret", 1_700_000_001),
    ],
)
def test_a_signature_fails_on_any_change(body: bytes, secret: str, timestamp: int) -> None:
    assert not verify(body, secret, timestamp, sign(BODY, "s3cret", 1_700_000_000))


def test_a_garbage_signature_fails_without_raising() -> None:
    assert not verify(BODY, "s3cret", 1, "sha256=é")


def test_the_body_is_compact_sorted_json() -> None:
    event = WebhookEvent("film.failed", "job1", "failed", {"z": 1, "a": ["x"]})
    body = event.body()
    assert body == (
        b'{"data":{"a":["x"],"z":1},"event":"film.failed","job_id":"job1","status":"failed"}'
    )
    same = WebhookEvent("film.failed", "job1", "failed", {"a": ["x"], "z": 1})
    assert same.body() == body
    assert json.loads(body)["data"] == {"z": 1, "a": ["x"]}
    assert json.loads(WebhookEvent("film.cancelled", "j", "cancelled").body())["data"] == {}


# Every way an IPv6 address can carry an IPv4 one, each around an internal IPv4 address.
EMBEDDED_INTERNAL = [
    "2002:7f00:1::",  # 6to4 around 127.0.0.1
    "2002:a9fe:a9fe::",  # 6to4 around 169.254.169.254 (cloud metadata)
    "2002:c0a8:1::1",  # 6to4 around 192.168.0.1
    "64:ff9b::7f00:1",  # NAT64 well-known prefix around 127.0.0.1
    "64:ff9b::a00:1",  # NAT64 around 10.0.0.1
    "64:ff9b:1::808:808",  # local-use NAT64: never global, whatever it carries
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1 (obfuscated)
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::ffff:a9fe:a9fe",  # IPv4-mapped 169.254.169.254
    "::127.0.0.1",  # IPv4-compatible
    "::a00:1",  # IPv4-compatible 10.0.0.1
    "::ffff:0:7f00:1",  # IPv4-translated (SIIT) 127.0.0.1
]


@pytest.mark.parametrize("address", EMBEDDED_INTERNAL)
def test_ipv4_embedded_in_ipv6_is_judged_by_the_ipv4(address: str) -> None:
    with pytest.raises(WebhookTargetError, match="not a public address"):
        check_target(f"http://[{address}]/hook", allow_private=False)


@pytest.mark.parametrize(
    ("address", "inner"),
    [
        ("2002:7f00:1::", "127.0.0.1"),
        ("64:ff9b::7f00:1", "127.0.0.1"),
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", "127.0.0.1"),
        ("::ffff:127.0.0.1", "127.0.0.1"),
        ("::127.0.0.1", "127.0.0.1"),
    ],
)
def test_each_embedding_is_unpacked(address: str, inner: str) -> None:
    found = embedded_ipv4(ipaddress.IPv6Address(address))
    assert ipaddress.IPv4Address(inner) in found


@pytest.mark.parametrize(
    "address",
    ["2002:808:808::1", "64:ff9b::808:808", "2606:4700:4700::1111"],  # public inside, or plain
)
def test_public_ipv6_targets_are_accepted(address: str) -> None:
    assert not is_internal(ipaddress.IPv6Address(address))
    assert check_target(f"http://[{address}]/hook", allow_private=False).startswith("http://[")


def test_any_internal_address_of_a_name_refuses_it(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [("93.184.216.34", 80), ("2002:7f00:1::", 80, 0, 0)]

    def resolver(host: str, port: int, **_: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", sockaddr) for sockaddr in answers]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with pytest.raises(WebhookTargetError, match="2002:7f00:1::"):
        resolve_target("https://hooks.example.com/x", allow_private=False)


def test_the_checked_addresses_are_the_ones_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Resolved once: a name that answers differently later cannot move the delivery."""
    calls: list[str] = []
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])

    def resolver(host: str, port: int, **_: object) -> list[tuple[object, ...]]:
        calls.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in next(answers)]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    target = resolve_target("https://hooks.example.com:8443/x?t=1", allow_private=False)
    assert (target.host, target.port, target.addresses) == (
        "hooks.example.com", 8443, ("93.184.216.34",)
    )  # fmt: skip
    assert target.url == "https://hooks.example.com:8443/x?t=1" and calls == ["hooks.example.com"]
