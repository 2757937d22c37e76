"""Shared fixtures: one real Temporal dev server per session, real workers, the real app.

The dev server is the `temporal` CLI binary that `make setup` built from the Go module
proxy; tests never download anything and never fake the server.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from temporalio.client import Client
from temporalio.testing import WorkflowEnvironment

from api.main import create_app
from core.settings import Settings
from devstack.postgres import PostgresServer
from devstack.seaweedfs import SeaweedServer
from storage.database import make_engine
from storage.migrate import upgrade
from worker.assembly import build_workers

ROOT = Path(__file__).resolve().parents[1]


def temporal_binary() -> Path:
    candidates = [os.environ.get("FILMSTUDIO_TEMPORAL_BIN"), str(ROOT / ".venv/bin/temporal")]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return Path(candidate)
    found = shutil.which("temporal")
    if found:
        return Path(found)
    raise RuntimeError("no temporal CLI binary: run `make setup` (scripts/install-temporal.sh)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


UI_PORT = _free_port()


@pytest.fixture(scope="session")
async def temporal_env() -> AsyncIterator[WorkflowEnvironment]:
    env = await WorkflowEnvironment.start_local(
        dev_server_existing_path=str(temporal_binary()),
        ui=True,
        ui_port=UI_PORT,
        dev_server_log_level="error",
    )
    try:
        yield env
    finally:
        await env.shutdown()


@pytest.fixture(scope="session")
def ui_url(temporal_env: WorkflowEnvironment) -> str:
    return f"http://127.0.0.1:{UI_PORT}"


@pytest.fixture(scope="session")
def client(temporal_env: WorkflowEnvironment) -> Client:
    return temporal_env.client


def make_settings(client: Client, root: Path, **overrides: object) -> Settings:
    suffix = uuid.uuid4().hex[:8]
    values: dict[str, object] = {
        "temporal_address": client.service_client.config.target_host,
        "database_url": f"sqlite:///{root}/jobs.db",
        "artifact_root": root / "artifacts",
        "public_base_url": "http://testserver",
        "orchestration_queue": f"film-orchestration-{suffix}",
        "models_queue": f"film-models-{suffix}",
        "media_queue": f"film-media-{suffix}",
        # Small frames keep the suite quick; the end-to-end tests render full 1280x720.
        "width": 640,
        "height": 360,
        "max_parallel_shots": 4,
        "revision_window_s": 0,  # runs close at completion; revision tests open a window
    }
    values.update(overrides)
    settings = Settings(**values)  # type: ignore[arg-type]
    migrate(settings.database_url)
    return settings


def migrate(database_url: str) -> None:
    """`filmstudio db upgrade` on a test's fresh database, as `make up` does before any
    process starts (the API and the workers refuse a database that is not at head)."""
    engine = make_engine(database_url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the session (Debian's, run as the postgres user)."""
    with PostgresServer() as server:
        yield server


DATABASES = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def seaweed() -> Iterator[SeaweedServer]:
    """One real S3-compatible server for the session (SeaweedFS, built by the setup)."""
    with SeaweedServer() as server:
        yield server


def s3_overrides(server: SeaweedServer, root: Path) -> dict[str, object]:
    """Settings that put a test's artifacts in a new bucket of `server`, with `root` as
    this machine's scratch folder and no artifact folder at all."""
    return {
        "artifact_url": f"s3://{server.create_bucket()}/filmstudio",
        "s3_endpoint_url": server.endpoint,
        "s3_region": server.region,
        "s3_access_key_id": server.access_key,
        "s3_secret_access_key": server.secret_key,
        "scratch_root": root / "scratch",
        "artifact_root": root / "no-shared-artifacts",
        "url_signing_secret": "test-signing-secret",
    }


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on SQLite and, in a second run of the test, on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/filmstudio.db"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database()


@pytest.fixture(scope="session")
def settings(client: Client, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return make_settings(client, tmp_path_factory.mktemp("filmstudio"))


@pytest.fixture(scope="session")
async def workers(client: Client, settings: Settings) -> AsyncIterator[None]:
    """Real workers for every queue, in this process, for the whole session."""
    settings.artifact_root.mkdir(parents=True, exist_ok=True)
    async with AsyncExitStack() as stack:
        for worker in build_workers(client, settings, settings.task_queues().names()):
            await stack.enter_async_context(worker)
        yield


@pytest.fixture(scope="session")
async def app(client: Client, settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings, temporal=client)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture(scope="session")
def api_key(app: FastAPI) -> str:
    """The key of a tenant with credits enough for the whole suite."""
    return str(app.state.ledger.create_tenant(f"suite-{uuid.uuid4().hex[:8]}", 1_000_000).key)


def api_client(app: FastAPI, key: str | None) -> httpx.AsyncClient:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    transport = httpx.ASGITransport(app=app)
    return httpx.AsyncClient(transport=transport, base_url="http://testserver", headers=headers)


@pytest.fixture
async def api(app: FastAPI, api_key: str) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(app, api_key) as http:
        yield http


async def wait_for(predicate, timeout: float = 120.0, interval: float = 0.25):  # type: ignore[no-untyped-def]
    """Poll an async predicate until it returns something truthy."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = await predicate()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await asyncio.sleep(interval)
