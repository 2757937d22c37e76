"""A throwaway PostgreSQL server: Debian's `postgresql` binaries, run as the `postgres` user.

`initdb` refuses to run as root, so when we are root the server's folder is handed to the
`postgres` account and every server command runs through `runuser`.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg

SERVER_USER = "postgres"


class PostgresError(RuntimeError):
    """The server binaries are missing or the server would not start."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def find_bin_dir() -> Path:
    """The newest installed server's bin folder (Debian keeps them off the PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major_version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PostgresError("no PostgreSQL server: run `make setup` (installs Debian's postgresql)")


def _major_version(initdb: str) -> int:
    version = Path(initdb).parents[1].name
    return int(version) if version.isdigit() else 0


class PostgresServer:
    """One server on a free loopback port, its data in a temp folder, trusting local logins."""

    def __init__(self, base_dir: Path | None = None, port: int | None = None) -> None:
        self.bin_dir = find_bin_dir()
        self.port = port or _free_port()
        self._owned_dir = base_dir is None
        self.dir = Path(base_dir or tempfile.mkdtemp(prefix="filmstudio-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"

    def _run_as_server_user(self) -> list[str]:
        return ["runuser", "-u", SERVER_USER, "--"] if os.geteuid() == 0 else []

    def _command(self, name: str, *args: str) -> None:
        argv = [*self._run_as_server_user(), str(self.bin_dir / name), *args]
        done = subprocess.run(argv, capture_output=True, text=True, cwd=self.dir, check=False)
        if done.returncode != 0:
            raise PostgresError(f"{name} failed ({done.returncode}): {done.stderr[-2000:]}")

    def start(self) -> PostgresServer:
        self.dir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            account = pwd.getpwnam(SERVER_USER)
            os.chown(self.dir, account.pw_uid, account.pw_gid)
            self.dir.chmod(0o700)
        if not (self.data / "PG_VERSION").exists():
            self._command(
                "initdb", "-D", str(self.data), "-U", SERVER_USER, "-A", "trust", "-E", "UTF8",
                "--no-sync",
            )  # fmt: skip
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c fsync=off"
            " -c max_connections=200"
        )
        self._command(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60",
            "start",
        )  # fmt: skip
        return self

    def stop(self) -> None:
        with contextlib.suppress(PostgresError):
            self._command("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        if self._owned_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of one database (psycopg 3 driver)."""
        return f"postgresql+psycopg://{SERVER_USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str | None = None) -> str:
        """A new, empty database; returns its URL."""
        name = name or f"fs_{uuid.uuid4().hex[:12]}"
        dsn = f"postgresql://{SERVER_USER}@127.0.0.1:{self.port}/postgres"
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
