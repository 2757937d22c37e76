"""One error shape for every route: RFC 9457 problem+json, never a 5xx from input."""

from __future__ import annotations

import asyncio
import socket
import uuid
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from temporalio.client import Client

from api.main import create_app
from api.problems import MEDIA_TYPE, PROBLEMS
from api.strict_json import strict_loads
from core.error_types import ErrorType
from tests.conftest import api_client, make_settings

VALID = "SCENE 1: INT. ROOM - DAY\nSHOT 1: Wide - 2s\nA quiet room.\n"
JSON = {"content-type": "application/json"}


def _is_problem(response: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == MEDIA_TYPE
    body: dict[str, object] = response.json()
    assert body["status"] == status and body["code"] == code
    assert body["type"] == PROBLEMS[ErrorType(code)].type_uri
    assert isinstance(body["title"], str) and isinstance(body["detail"], str)
    return body


def test_every_error_type_has_one_status() -> None:
    assert set(PROBLEMS) == set(ErrorType)
    assert len({kind.slug for kind in PROBLEMS.values()}) == len(PROBLEMS)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"script": NaN}',
        b'{"script": Infinity}',
        b'{"script": -Infinity}',
        b'{"script": 1e999}',
        b'{"script": "x", "title": -1e400}',
        b'{"script": "hi \\ud800"}',
        b'{"script": "x", "options": {"cast": {"\\udfff": "v"}}}',
        b'{"script": ' + b"9" * 5000 + b"}",
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
async def test_non_finite_numbers_and_lone_surrogates_are_422(
    api: httpx.AsyncClient, raw: bytes
) -> None:
    for path in ("/api/v1/jobs", "/api/v1/scripts/preview"):
        body = _is_problem(await api.post(path, content=raw, headers=JSON), 422, "InvalidRequest")
        assert body["errors"] and body["errors"][0]["field"] == "body"  # type: ignore[index]
    with pytest.raises(Exception, match="not valid JSON"):
        strict_loads(raw)


async def test_revision_bodies_are_strict_too(api: httpx.AsyncClient) -> None:
    for raw in (b'{"seed": NaN}', b'{"notes": "\\ud83d"}'):
        response = await api.post("/api/v1/jobs/nosuch/shots/01-01/regenerate", content=raw,
                                  headers=JSON)  # fmt: skip
        _is_problem(response, 422, "InvalidRequest")


@pytest.mark.parametrize(
    "query",
    [
        "offset=9223372036854775808",
        "offset=99999999999999999999999999",
        "offset=-1",
        "limit=9223372036854775808",
        "limit=101",
        "offset=1e3",
        "offset=NaN",
    ],
)
async def test_paging_bounds_are_422(api: httpx.AsyncClient, query: str) -> None:
    body = _is_problem(await api.get(f"/api/v1/jobs?{query}"), 422, "InvalidRequest")
    assert body["errors"][0]["field"].startswith("query.")  # type: ignore[index]
    assert "9223372036854775808" not in str(body)  # the input is never echoed


async def test_validation_never_echoes_the_input(api: httpx.AsyncClient) -> None:
    secret = "sk-" + uuid.uuid4().hex
    response = await api.post("/api/v1/jobs", json={"script": VALID, "options": secret})
    body = _is_problem(response, 422, "InvalidRequest")
    assert secret not in response.text
    assert body["errors"] == [
        {"field": "body.options", "message": body["errors"][0]["message"]}  # type: ignore[index]
    ]


async def test_starlette_and_http_errors_are_problems(api: httpx.AsyncClient) -> None:
    _is_problem(await api.get("/no/such/route"), 404, "NotFound")
    _is_problem(await api.delete("/api/v1/jobs"), 405, "MethodNotAllowed")
    _is_problem(await api.get("/api/v1/jobs/nosuch"), 404, "JobNotFound")
    text = await api.post(
        "/api/v1/jobs", content=VALID.encode(), headers={"content-type": "text/plain"}
    )
    _is_problem(text, 415, "UnsupportedMediaType")
    bare = await api.post("/api/v1/scripts/preview", content=b'{"script": "x"}', headers={})
    _is_problem(bare, 415, "UnsupportedMediaType")
    _is_problem(
        await api.post("/api/v1/jobs", content=b'{"script": "caf\xe9"}', headers=JSON),
        400,
        "MalformedBody",
    )
    huge = await api.post("/api/v1/jobs", content=b"x" * 300_000, headers=JSON)
    _is_problem(huge, 413, "BodyTooLarge")
    async with api_client(api._transport.app, None) as anonymous:  # type: ignore[attr-defined]
        _is_problem(await anonymous.get("/api/v1/jobs"), 401, "Unauthenticated")


async def test_a_script_error_locates_every_issue(api: httpx.AsyncClient) -> None:
    # Zero and negative durations are errors (an unknown word is only a warning).
    script = "SCENE 1: INT. ROOM - DAY\nSHOT 1: Wide - 0s\nA.\nSHOT 2: Wide - -2s\nB.\n"
    body = _is_problem(
        await api.post("/api/v1/jobs", json={"script": script}), 422, "InvalidScript"
    )
    assert [(e["line"], e["column"]) for e in body["errors"]] == [(2, 16), (4, 16)]  # type: ignore[index]


def test_openapi_documents_every_error_as_a_problem(app: FastAPI) -> None:
    schema = app.openapi()
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            errors = {int(c): a for c, a in operation["responses"].items() if int(c) >= 400}
            assert errors, (method, path)
            for answer in errors.values():
                assert list(answer["content"]) == [MEDIA_TYPE], (method, path)
            if path != "/health":
                assert {401, 429} <= set(errors), (method, path)
    create = schema["paths"]["/api/v1/jobs"]["post"]["responses"]
    assert set(create) >= {"400", "401", "402", "413", "415", "422", "429", "503"}
    assert create["402"]["content"][MEDIA_TYPE]["schema"]["$ref"].endswith("/CreditsProblem")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def test_temporal_down_is_503_until_it_connects(client: Client, tmp_path: Path) -> None:
    """The API starts with Temporal unreachable, answers 503 problems (never 409), and
    works once Temporal answers: here a TCP relay to the dev server opens later."""
    port = _free_port()
    settings = make_settings(client, tmp_path, temporal_address=f"127.0.0.1:{port}")
    app = create_app(settings)
    upstream_host, upstream_port = client.service_client.config.target_host.split(":")

    async def relay(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(upstream_host, int(upstream_port))

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            while data := await source.read(65536):
                sink.write(data)
                await sink.drain()
            sink.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    async with app.router.lifespan_context(app):
        key = app.state.ledger.create_tenant("offline", 1000).key
        async with api_client(app, key) as http:
            health = await http.get("/health")
            body = _is_problem(health, 503, "TemporalUnavailable")
            assert body["database"] == "ok" and body["temporal"].startswith("error")  # type: ignore[union-attr]
            created = await http.post("/api/v1/jobs", json={"script": VALID})
            _is_problem(created, 503, "TemporalUnavailable")
            assert created.headers["retry-after"]
            assert (await http.get("/api/v1/jobs")).json()["total"] == 0  # nothing left behind
            _is_problem(await http.get("/api/v1/jobs/nosuch"), 404, "JobNotFound")
            server = await asyncio.start_server(relay, "127.0.0.1", port)
            try:
                for _ in range(100):
                    if (await http.get("/health")).status_code == 200:
                        break
                    await asyncio.sleep(0.1)
                assert (await http.get("/health")).json()["temporal"] == "ok"
            finally:
                server.close()


async def test_a_trickled_body_is_closed_with_408(app: FastAPI, api_key: str) -> None:
    """On a real uvicorn socket: a body declared and never finished is answered 408."""
    port = _free_port()
    timeout_app = create_app(app.state.settings.model_copy(update={"request_body_timeout_s": 0.5}))
    timeout_app.state.__dict__.update(app.state.__dict__)  # share the started app's state
    server = uvicorn.Server(
        uvicorn.Config(timeout_app, host="127.0.0.1", port=port, lifespan="off", log_level="error")
    )
    serving = asyncio.create_task(server.serve())
    try:
        while not server.started:
            await asyncio.sleep(0.02)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(
            b"POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Authorization: Bearer " + api_key.encode() + b"\r\n"
            b"Content-Length: 1000\r\n\r\n" + b'{"script": "'
        )
        await writer.drain()
        started = asyncio.get_running_loop().time()
        answer = await asyncio.wait_for(reader.read(65536), timeout=10)
        waited = asyncio.get_running_loop().time() - started
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 408"), answer
        assert b"content-type: application/problem+json" in head.lower()
        assert b'"code":"RequestTimeout"' in body
        assert 0.4 < waited < 5
        assert await asyncio.wait_for(reader.read(), timeout=5) == b""  # closed
        writer.close()
    finally:
        server.should_exit = True
        await serving


async def test_a_bug_is_a_500_problem_without_its_text(settings: object) -> None:
    app = create_app(settings)  # type: ignore[arg-type]

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals /etc/shadow")

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        response = await http.get("/boom")
    _is_problem(response, 500, "InternalError")
    assert "secret" not in response.text and "shadow" not in response.text
