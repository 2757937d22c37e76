"""A multi-host rehearsal on one machine: "hosts" that share nothing but Temporal, the
database and the object store. Each host has its own working directory, HOME, scratch
folder and settings (environment only); none has an artifact folder or a `.data` of
another. Used by `make cluster` (cli/cluster.py) and tests/e2e/test_cluster.py.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(frozen=True)
class SharedServices:
    """What every host is told, and all they have in common."""

    temporal_address: str
    database_url: str
    artifact_url: str
    s3_endpoint_url: str
    s3_access_key_id: str
    s3_secret_access_key: str
    s3_region: str = "us-east-1"
    url_signing_secret: str = "rehearsal-signing-secret"
    queue_suffix: str = ""  # distinct queue names when several rehearsals share a server

    def environment(self) -> dict[str, str]:
        env = {
            "FILMSTUDIO_TEMPORAL_ADDRESS": self.temporal_address,
            "FILMSTUDIO_DATABASE_URL": self.database_url,
            "FILMSTUDIO_ARTIFACT_URL": self.artifact_url,
            "FILMSTUDIO_S3_ENDPOINT_URL": self.s3_endpoint_url,
            "FILMSTUDIO_S3_ACCESS_KEY_ID": self.s3_access_key_id,
            "FILMSTUDIO_S3_SECRET_ACCESS_KEY": self.s3_secret_access_key,
            "FILMSTUDIO_S3_REGION": self.s3_region,
            "FILMSTUDIO_URL_SIGNING_SECRET": self.url_signing_secret,
        }
        if self.queue_suffix:
            for queue in ("orchestration", "models", "media"):
                env[f"FILMSTUDIO_{queue.upper()}_QUEUE"] = f"film-{queue}-{self.queue_suffix}"
        return env


@dataclass
class Host:
    """One machine: its own folder (cwd and HOME), scratch, settings and processes."""

    name: str
    dir: Path
    settings: dict[str, str]
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def home(self) -> Path:
        return self.dir / "home"

    @property
    def scratch(self) -> Path:
        return self.dir / "scratch"

    @property
    def logs(self) -> Path:
        return self.dir / "logs"

    def environment(self) -> dict[str, str]:
        base = {k: v for k, v in os.environ.items() if not k.startswith("FILMSTUDIO_")}
        return {
            **base,
            "HOME": str(self.home),
            "PYTHONPATH": str(ROOT),  # the same release installed on every machine
            "FILMSTUDIO_SCRATCH_ROOT": str(self.scratch),
            "FILMSTUDIO_ARTIFACT_ROOT": str(self.dir / "no-artifact-folder"),
            "FILMSTUDIO_WORKER_IDENTITY": self.name,
            **self.settings,
        }

    def run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        """A command on this host (e.g. `filmstudio db upgrade`), to completion."""
        self.home.mkdir(parents=True, exist_ok=True)
        return subprocess.run(
            [sys.executable, *argv], cwd=self.dir, env=self.environment(),
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    def start(self, name: str, *argv: str) -> subprocess.Popen[bytes]:
        for folder in (self.home, self.scratch, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        log = (self.logs / f"{name}.log").open("ab")
        process = subprocess.Popen(
            [sys.executable, *argv], cwd=self.dir, env=self.environment(), stdout=log,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        self.processes[name] = process
        return process

    def worker(self, *queues: str) -> subprocess.Popen[bytes]:
        return self.start("worker", "-m", "worker", "--queues", ",".join(queues))

    def api(self, port: int) -> subprocess.Popen[bytes]:
        return self.start(
            "api", "-m", "uvicorn", "api.main:app", "--factory",
            "--host", "127.0.0.1", "--port", str(port),
        )  # fmt: skip

    def pids(self) -> Iterator[int]:
        """Every live process of this host, children (ffmpeg, espeak-ng) included."""
        for process in self.processes.values():
            if process.poll() is None:
                yield from _tree(process.pid)

    def kill(self) -> None:
        """SIGKILL: the machine loses power."""
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _tree(pid: int) -> Iterator[int]:
    yield pid
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return
    for task in tasks:
        try:
            children = Path(f"/proc/{pid}/task/{task}/children").read_text().split()
        except OSError:
            continue
        for child in children:
            yield from _tree(int(child))


def open_files(pid: int) -> set[str]:
    """The files a process has open right now (and its working directory)."""
    found: set[str] = set()
    try:
        found.add(os.readlink(f"/proc/{pid}/cwd"))
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                found.add(os.readlink(f"/proc/{pid}/fd/{fd}"))
            except OSError:
                continue
    except OSError:
        pass
    return {path for path in found if path.startswith("/")}


def wait_healthy(base_url: str, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base_url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"{base_url} did not become healthy within {timeout_s:.0f} s")


def layout(base: Path, shared: SharedServices) -> dict[str, Host]:
    """The rehearsal's machines: orchestration (and the API), models, two media hosts;
    each with its own metrics port."""
    base = base.resolve()  # every host is told absolute paths
    common = shared.environment()
    hosts = {}
    for name, extra in (
        ("orchestration", {}),
        ("models", {}),
        ("media-1", {"FILMSTUDIO_MEDIA_CONCURRENCY": "1"}),
        ("media-2", {"FILMSTUDIO_MEDIA_CONCURRENCY": "1"}),
    ):
        settings = {
            **common,
            **extra,
            "FILMSTUDIO_WORKER_METRICS_ADDRESS": f"127.0.0.1:{free_port()}",
            "FILMSTUDIO_LOG_FORMAT": "json",
        }
        hosts[name] = Host(name, base / name, settings)
    return hosts
