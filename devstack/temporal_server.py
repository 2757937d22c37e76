"""The real Temporal server persisted in PostgreSQL, for the production-layout rehearsal:
`temporal-server` and `temporal-sql-tool` built by scripts/install-temporal-server.sh, the
schema set up by the tool, every service (frontend, history, matching, worker) in one
process on free loopback ports."""

from __future__ import annotations

import glob
import json
import os
import random
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from devstack.postgres import SERVER_USER, PostgresServer


class TemporalServerError(RuntimeError):
    """Binaries missing, the schema tool failed, or the server did not come up."""


def find_binaries() -> Path:
    cache = os.environ.get("FILMSTUDIO_CACHE", str(Path.home() / ".cache/filmstudio"))
    for folder in sorted(glob.glob(f"{cache}/temporal-server-*"), reverse=True):
        if all(Path(folder, name).is_file() for name in ("temporal-server", "temporal-sql-tool")):
            return Path(folder)
    raise TemporalServerError(
        "no temporal-server build: run scripts/install-temporal-server.sh (Go module proxy)"
    )


def _ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _membership_ports(count: int) -> list[int]:
    """Free ports below 32768: Temporal keeps membership ports in a SQL smallint."""
    found: list[int] = []
    for port in random.sample(range(20_000, 32_000), 400):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        found.append(port)
        if len(found) == count:
            return found
    raise TemporalServerError("no free ports below 32768 for Temporal's membership")


class TemporalSqlServer:
    def __init__(self, postgres: PostgresServer, base_dir: Path | None = None) -> None:
        self.bin = find_binaries()
        self.postgres = postgres
        self.dir = Path(base_dir or tempfile.mkdtemp(prefix="filmstudio-temporal-"))
        self.suffix = os.urandom(3).hex()
        self.databases = (f"temporal_{self.suffix}", f"temporal_visibility_{self.suffix}")
        names = ("frontend", "history", "matching", "worker")
        ports = _ports(2 + len(names))
        self.frontend_http, self.metrics_port = ports[0], ports[1]
        self._rpc = dict(zip(names, ports[2:], strict=True))
        self._membership = dict(zip(names, _membership_ports(len(names)), strict=True))
        self.frontend = self._rpc["frontend"]
        self.address = f"127.0.0.1:{self.frontend}"
        self._process: subprocess.Popen[bytes] | None = None

    def _sql_tool(self, database: str, *args: str) -> None:
        argv = [
            str(self.bin / "temporal-sql-tool"), "--plugin", "postgres12",
            "--ep", "127.0.0.1", "-p", str(self.postgres.port), "-u", SERVER_USER,
            "--db", database, *args,
        ]  # fmt: skip
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise TemporalServerError(f"temporal-sql-tool {' '.join(args)}: {done.stderr[-1500:]}")

    def setup_schema(self) -> None:
        """Temporal's two databases and their schema, by Temporal's own tool."""
        for database, schema in zip(self.databases, ("temporal", "visibility"), strict=True):
            self._sql_tool(database, "create-database")
            self._sql_tool(database, "setup-schema", "-v", "0.0")
            self._sql_tool(database, "update-schema", "--schema-name", f"postgresql/v12/{schema}")

    def _config(self) -> dict[str, object]:
        def store(database: str) -> dict[str, object]:
            return {"sql": {
                "pluginName": "postgres12", "databaseName": database,
                "connectAddr": f"127.0.0.1:{self.postgres.port}", "connectProtocol": "tcp",
                "user": SERVER_USER, "password": "", "maxConns": 20, "maxIdleConns": 20,
                "maxConnLifetime": "1h",
            }}  # fmt: skip

        services: dict[str, object] = {
            name: {"rpc": {"grpcPort": port, "membershipPort": self._membership[name],
                           "bindOnLocalHost": True}}
            for name, port in self._rpc.items()
        }  # fmt: skip
        services["frontend"]["rpc"]["httpPort"] = self.frontend_http  # type: ignore[index]
        return {
            "log": {"stdout": True, "level": "warn"},
            "persistence": {
                "defaultStore": "default",
                "visibilityStore": "visibility",
                "numHistoryShards": 4,
                "datastores": {
                    "default": store(self.databases[0]),
                    "visibility": store(self.databases[1]),
                },
            },
            "global": {
                "membership": {"maxJoinDuration": "30s", "broadcastAddress": "127.0.0.1"},
                "metrics": {
                    "prometheus": {
                        "framework": "tally",
                        "timerType": "histogram",
                        "listenAddress": f"127.0.0.1:{self.metrics_port}",
                    }
                },
            },
            "services": services,
            "clusterMetadata": {
                "enableGlobalNamespace": False,
                "failoverVersionIncrement": 10,
                "masterClusterName": "active",
                "currentClusterName": "active",
                "clusterInformation": {
                    "active": {
                        "enabled": True,
                        "initialFailoverVersion": 1,
                        "rpcName": "frontend",
                        "rpcAddress": self.address,
                    }
                },
            },
            "dcRedirectionPolicy": {"policy": "noop"},
            "dynamicConfigClient": {
                "filepath": str(self.dir / "dynamicconfig.yaml"),
                "pollInterval": "10s",
            },
        }

    def start(self, temporal_cli: Path, timeout_s: float = 90.0) -> TemporalSqlServer:
        self.dir.mkdir(parents=True, exist_ok=True)
        self.setup_schema()
        (self.dir / "dynamicconfig.yaml").write_text("{}\n")
        config = self.dir / "config.yaml"
        config.write_text(json.dumps(self._config(), indent=1))  # JSON is YAML
        log = (self.dir / "server.log").open("ab")
        self._process = subprocess.Popen(
            [str(self.bin / "temporal-server"), "--config-file", str(config), "--allow-no-auth",
             "start"],
            cwd=self.dir, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise TemporalServerError(f"temporal-server exited; see {log.name}")
            created = subprocess.run(
                [str(temporal_cli), "operator", "namespace", "create", "--namespace", "default",
                 "--address", self.address],
                capture_output=True, text=True, timeout=30, check=False,
            )  # fmt: skip
            if created.returncode == 0 or "already" in (created.stderr + created.stdout).lower():
                return self
            time.sleep(1)
        self.stop()
        raise TemporalServerError(f"temporal-server did not come up within {timeout_s:.0f} s")

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGTERM)
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self._process.pid, signal.SIGKILL)
                self._process.wait()
        self._process = None
