"""Webhook delivery through Temporal's ActivityEnvironment, to a real HTTP server on localhost."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from temporalio.converter import DataConverter
from temporalio.exceptions import ApplicationError
from temporalio.testing import ActivityEnvironment

from activities.webhooks import DeliverWebhookInput, DeliverWebhookResult, WebhookActivities
from notify.webhooks import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    WebhookEvent,
    verify,
)

SECRET = "whsec-test-0123456789"
EVENT = WebhookEvent("film.completed", "job1", "completed", {"film_url": "http://x/film.mp4"})


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    url: str
    status: int = 200
    requests: list[Received] = field(default_factory=list)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            state.requests.append(Received("POST", self.path, dict(self.headers.items()), body))
            self.send_response(state.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/film"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _deliver(url: str, allow_private: bool = True) -> DeliverWebhookResult:
    activities = WebhookActivities(allow_private=allow_private, timeout_s=5.0)
    request = DeliverWebhookInput(url, SECRET, EVENT, "wf-job1:film.completed")
    result: DeliverWebhookResult = ActivityEnvironment().run(activities.deliver_webhook, request)
    return result


def _failure(url: str, allow_private: bool = True) -> ApplicationError:
    with pytest.raises(ApplicationError) as raised:
        _deliver(url, allow_private)
    assert SECRET not in str(raised.value)
    return raised.value


def test_a_delivery_is_signed_and_verifies(receiver: Receiver) -> None:
    result = _deliver(receiver.url)
    assert result == DeliverWebhookResult(status_code=200, attempt=1)
    [got] = receiver.requests
    headers = {name.lower(): value for name, value in got.headers.items()}
    assert got.method == "POST" and got.path == "/hooks/film"
    assert got.body == EVENT.body()
    assert headers["content-type"] == "application/json"
    assert headers[EVENT_HEADER.lower()] == "film.completed"
    assert headers[DELIVERY_HEADER.lower()] == "wf-job1:film.completed"
    timestamp = int(headers[TIMESTAMP_HEADER.lower()])
    assert verify(got.body, SECRET, timestamp, headers[SIGNATURE_HEADER.lower()])
    assert not verify(got.body, "wrong", timestamp, headers[SIGNATURE_HEADER.lower()])


def test_any_2xx_is_a_delivery(receiver: Receiver) -> None:
    receiver.status = 204
    assert _deliver(receiver.url).status_code == 204


@pytest.mark.parametrize("status", [500, 503, 408, 429])
def test_a_busy_receiver_is_retried(receiver: Receiver, status: int) -> None:
    receiver.status = status
    error = _failure(receiver.url)
    assert error.type == "WebhookUnavailable" and not error.non_retryable
    assert str(status) in error.message and len(receiver.requests) == 1


@pytest.mark.parametrize("status", [404, 400, 401, 410, 301])
def test_a_refusing_receiver_is_not_retried(receiver: Receiver, status: int) -> None:
    receiver.status = status
    error = _failure(receiver.url)
    assert error.type == "WebhookRejected" and error.non_retryable
    assert str(status) in error.message and len(receiver.requests) == 1


def test_a_private_target_is_refused_before_any_request(receiver: Receiver) -> None:
    error = _failure(receiver.url, allow_private=False)
    assert error.type == "InvalidWebhookTarget" and error.non_retryable
    assert "/hooks/film" not in error.message
    assert receiver.requests == []


def test_a_host_name_httpx_cannot_encode_is_not_retried() -> None:
    error = _failure("http://xn--zz/hook")
    assert error.type == "InvalidWebhookTarget" and error.non_retryable


def test_a_closed_port_is_retried() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    error = _failure(f"http://127.0.0.1:{port}/hook")
    assert error.type == "WebhookUnavailable" and not error.non_retryable


async def test_the_request_survives_temporals_data_converter() -> None:
    request = DeliverWebhookInput("https://93.184.216.34/h", SECRET, EVENT, "wf:film.completed")
    converter = DataConverter.default
    [decoded] = await converter.decode(await converter.encode([request]), [DeliverWebhookInput])
    assert decoded == request and decoded.event.body() == EVENT.body()


def test_the_delivery_dials_the_checked_address_once_resolved(
    receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name is resolved once, by the check; the POST goes to that address and names
    the host in its Host header (and in TLS SNI for https)."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def counting(host: str, *args: object, **kwargs: object) -> object:
        asked.append(host)
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", counting)
    port = receiver.url.split(":")[2].split("/")[0]
    named = receiver.url.replace("127.0.0.1", "localhost")
    assert _deliver(named).status_code == 200
    [got] = receiver.requests
    headers = {name.lower(): value for name, value in got.headers.items()}
    assert headers["host"] == f"localhost:{port}" and got.path == "/hooks/film"
    assert asked.count("localhost") == 1  # no second resolution at connect time
