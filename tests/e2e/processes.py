"""Run workers and the API as real processes, configured like a deployment: by environment."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
from pydantic import SecretStr

from accounts.ledger import Ledger
from core.settings import Settings
from storage.database import make_engine

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def environment(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FILMSTUDIO_")}
    for name, value in settings.model_dump().items():
        if value is None:
            continue  # unset, as a user would leave it
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        text = ",".join(map(str, value)) if isinstance(value, list) else str(value)
        env[f"FILMSTUDIO_{name.upper()}"] = text
    return env


class Processes:
    """Child processes of one test; all are killed when the test ends."""

    def __init__(self, settings: Settings, logs: Path) -> None:
        self.settings = settings
        self.logs = logs
        self.children: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, argv: list[str]) -> subprocess.Popen[bytes]:
        log = (self.logs / f"{name}.log").open("ab")
        child = subprocess.Popen(
            argv, cwd=ROOT, env=environment(self.settings), stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        self.children[name] = child
        return child

    def worker(self, name: str, *queues: str) -> subprocess.Popen[bytes]:
        return self.start(name, [sys.executable, "-m", "worker", "--queues", ",".join(queues)])

    def api(self, port: int) -> str:
        self.start("api", [sys.executable, "-m", "uvicorn", "api.main:app", "--factory",
                           "--host", "127.0.0.1", "--port", str(port)])  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    return base
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"API did not become healthy; see {self.logs}/api.log")

    def tenant(self, credits: int = 100_000) -> str:
        """A new tenant in the stack's database; returns its API key."""
        engine = make_engine(self.settings.database_url)
        try:
            return Ledger(engine).create_tenant(f"t-{uuid.uuid4().hex[:10]}", credits).key
        finally:
            engine.dispose()

    def client(self, base: str, key: str) -> httpx.Client:
        return httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=30)

    def kill(self, name: str) -> None:
        child = self.children.pop(name)
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()

    def stop_all(self) -> None:
        for name in list(self.children):
            child = self.children.pop(name)
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
                try:
                    child.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(child.pid, signal.SIGKILL)
                    child.wait()
