"""`python -m cli.stack up|down|status`: the local stack as background processes.

The Temporal dev server (persisted in .data/temporal.db, Web UI), one worker process per
task queue, and the API. Logs in .data/logs, pids in .data/run. `up` returns once every
part answers.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import httpx

from cli.admin import DEV_KEY_FILE, ensure_dev_tenant
from core.settings import Settings, get_settings
from storage.database import make_engine
from storage.migrate import upgrade

DATA = Path(".data")
RUN, LOGS = DATA / "run", DATA / "logs"


# Where each worker of `make up` serves its /metrics (the SDK's series and the project's).
WORKER_METRICS_PORTS = {
    "worker-orchestration": 9464,
    "worker-models": 9465,
    "worker-media": 9466,
    "worker-providers": 9467,
}


@dataclass(frozen=True)
class Service:
    name: str
    argv: list[str]

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        port = WORKER_METRICS_PORTS.get(self.name)
        if port and "FILMSTUDIO_WORKER_METRICS_ADDRESS" not in env:
            env["FILMSTUDIO_WORKER_METRICS_ADDRESS"] = f"127.0.0.1:{port}"
        return env


def services(settings: Settings) -> list[Service]:
    host, _, port = settings.temporal_address.rpartition(":")
    ui_port = urlparse(settings.temporal_ui_url).port or int(port) + 1000
    temporal = str(Path(sys.executable).parent / "temporal")
    worker = [sys.executable, "-m", "worker", "--queues"]
    queues = settings.task_queues()
    # the remote providers the chains name (FILMSTUDIO_VISUAL_PROVIDER=comfyui,animatic):
    # one worker on this machine serves their own queues too, so one box runs a whole film
    remote = ",".join(settings.provider_queues().values())
    providers = [Service("worker-providers", [*worker, remote])] if remote else []
    return [
        Service(
            "temporal",
            [
                temporal, "server", "start-dev",
                "--ip", host, "--port", port, "--ui-port", str(ui_port),
                "--db-filename", str(DATA / "temporal.db"), "--log-level", "warn",
            ],
        ),
        Service("worker-orchestration", [*worker, queues.orchestration]),
        Service("worker-models", [*worker, queues.models]),
        Service("worker-media", [*worker, queues.media]),
        *providers,
        Service(
            "api",
            [
                sys.executable, "-m", "uvicorn", "api.main:app", "--factory",
                "--host", settings.api_host, "--port", str(settings.api_port),
            ],
        ),
    ]  # fmt: skip


def _pid(name: str) -> int | None:
    try:
        pid = int((RUN / f"{name}.pid").read_text())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
        return None
    return pid


def _wait(what: str, ready: Callable[[], bool], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.25)
    raise SystemExit(f"{what} did not come up within {seconds:.0f} s; see {LOGS}/")


def _port_open(address: str) -> bool:
    host, _, port = address.rpartition(":")
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, int(port))) == 0


def _api_healthy(settings: Settings) -> bool:
    try:
        url = f"http://{settings.api_host}:{settings.api_port}/health"
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def migrate(settings: Settings) -> None:
    """`filmstudio db upgrade`, once, before any process starts (they refuse an old schema)."""
    engine = make_engine(settings.database_url)
    try:
        print(f"  Database:     at revision {upgrade(engine)}")
    finally:
        engine.dispose()


def up(settings: Settings) -> None:
    RUN.mkdir(parents=True, exist_ok=True)
    LOGS.mkdir(parents=True, exist_ok=True)
    settings.artifact_root.mkdir(parents=True, exist_ok=True)
    migrate(settings)
    for service in services(settings):
        if _pid(service.name) is None:
            with (LOGS / f"{service.name}.log").open("ab") as log:
                proc = subprocess.Popen(
                    service.argv, stdout=log, stderr=subprocess.STDOUT, env=service.environment(),
                    stdin=subprocess.DEVNULL, start_new_session=True,
                )  # fmt: skip
            (RUN / f"{service.name}.pid").write_text(str(proc.pid))
        if service.name == "temporal":
            _wait("the Temporal server", lambda: _port_open(settings.temporal_address))
    _wait("the API", lambda: _api_healthy(settings))
    key = ensure_dev_tenant(settings)
    print(f"Film Studio is up.\n  API:          {settings.public_base_url}  (docs: /docs)")
    print(f"  API key:      {key}  (tenant 'dev', in {DEV_KEY_FILE})")
    print(
        f"  Temporal UI:  {settings.temporal_ui_url}\n  Temporal:     {settings.temporal_address}"
    )
    scrape = [f"{settings.public_base_url}/metrics"] if settings.api_metrics else []
    if settings.api_metrics_address:
        scrape = [f"http://{settings.api_metrics_address}/metrics"]
    running = {service.name for service in services(settings)}
    scrape += [
        f"http://127.0.0.1:{port}/metrics"
        for name, port in WORKER_METRICS_PORTS.items()
        if name in running
    ]
    print(f"  Metrics:      {'  '.join(scrape)}")
    print(f"  Logs:         {LOGS}/   Stop with: make down")


def down(settings: Settings) -> None:
    names = [service.name for service in reversed(services(settings))]
    # a process started under other settings (a provider worker, say) is stopped too
    names[:0] = sorted(path.stem for path in RUN.glob("*.pid") if path.stem not in names)
    for name in names:
        pid = _pid(name)
        if pid is not None:
            os.killpg(pid, signal.SIGTERM)
            deadline = time.monotonic() + 35  # workers drain for up to 30 s
            while time.monotonic() < deadline and _pid(name) is not None:
                time.sleep(0.2)
            if _pid(name) is not None:
                os.killpg(pid, signal.SIGKILL)
            print(f"stopped {name}")
        (RUN / f"{name}.pid").unlink(missing_ok=True)


def status(settings: Settings) -> None:
    for service in services(settings):
        pid = _pid(service.name)
        print(f"{service.name:22} {'running, pid ' + str(pid) if pid else 'stopped'}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m cli.stack", description=__doc__)
    parser.add_argument("command", choices=["up", "down", "status"])
    command = parser.parse_args().command
    {"up": up, "down": down, "status": status}[command](get_settings())


if __name__ == "__main__":
    main()
