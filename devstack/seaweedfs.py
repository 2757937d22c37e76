"""A throwaway S3-compatible server: SeaweedFS (`weed server -s3`), built by
scripts/install-seaweedfs.sh from the Go module proxy, on free loopback ports.

One identity with an access key and a secret (so requests are really signed and checked);
buckets are made on demand. Its data lives in a temp folder removed at the end.
"""

from __future__ import annotations

import glob
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

ROOT = Path(__file__).resolve().parents[1]


class SeaweedError(RuntimeError):
    """No `weed` binary, or the server did not come up."""


def find_weed() -> Path:
    """FILMSTUDIO_WEED_BIN, the setup's .venv/bin/weed, or the build cache."""
    cache = os.environ.get("FILMSTUDIO_CACHE", str(Path.home() / ".cache/filmstudio"))
    candidates = [
        os.environ.get("FILMSTUDIO_WEED_BIN", ""),
        str(ROOT / ".venv/bin/weed"),
        *sorted(glob.glob(f"{cache}/seaweedfs-*/weed"), reverse=True),
        shutil.which("weed") or "",
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return Path(candidate)
    raise SeaweedError("no SeaweedFS binary: run `make setup` (scripts/install-seaweedfs.sh)")


def _free_ports(count: int) -> list[int]:
    """Distinct free ports (held open together so none repeats)."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


class SeaweedServer:
    """Master, volume, filer and S3 gateway in one process; `endpoint` speaks S3."""

    def __init__(self, base_dir: Path | None = None) -> None:
        self.binary = find_weed()
        self._owned_dir = base_dir is None
        self.dir = Path(base_dir or tempfile.mkdtemp(prefix="filmstudio-s3-"))
        self.access_key = f"fs{secrets.token_hex(8)}"
        self.secret_key = secrets.token_hex(20)
        self.region = "us-east-1"
        self._pick_ports()
        self._process: subprocess.Popen[bytes] | None = None

    def _pick_ports(self) -> None:
        (
            self.master, self.master_grpc, self.volume, self.volume_grpc,
            self.filer, self.filer_grpc, self.s3, self.s3_grpc,
        ) = _free_ports(8)  # fmt: skip
        self.endpoint = f"http://127.0.0.1:{self.s3}"

    def argv(self) -> list[str]:
        return [
            str(self.binary), "server", f"-dir={self.dir / 'data'}",
            "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
            f"-master.port={self.master}", f"-master.port.grpc={self.master_grpc}",
            "-master.volumeSizeLimitMB=256", "-volume.max=0",
            f"-volume.port={self.volume}", f"-volume.port.grpc={self.volume_grpc}",
            "-filer", f"-filer.port={self.filer}", f"-filer.port.grpc={self.filer_grpc}",
            "-s3", f"-s3.port={self.s3}", f"-s3.port.grpc={self.s3_grpc}",
            "-s3.port.iceberg=0", "-s3.port.lance=0", f"-s3.config={self.dir / 's3.json'}",
        ]  # fmt: skip

    def start(self, timeout_s: float = 60.0) -> SeaweedServer:
        """Start on ports picked now; once more on fresh ports if another process took
        one of them between the pick and weed's bind."""
        try:
            return self._start(timeout_s)
        except SeaweedError:
            self._halt()
            shutil.rmtree(self.dir / "data", ignore_errors=True)
            self._pick_ports()
            return self._start(timeout_s)

    def _start(self, timeout_s: float) -> SeaweedServer:
        (self.dir / "data").mkdir(parents=True, exist_ok=True)
        identity = {
            "name": "filmstudio",
            "credentials": [{"accessKey": self.access_key, "secretKey": self.secret_key}],
            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
        }
        config = self.dir / "s3.json"
        config.write_text(json.dumps({"identities": [identity]}))
        config.chmod(0o600)
        log = (self.dir / "weed.log").open("ab")
        self._process = subprocess.Popen(
            self.argv(), cwd=self.dir, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise SeaweedError(f"weed exited {self._process.returncode}; see {log.name}")
            try:
                httpx.get(self.endpoint, timeout=1)  # any answer: the gateway is listening
                if self._bucket_ready():
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        self._halt()
        raise SeaweedError(f"SeaweedFS did not come up within {timeout_s:.0f} s")

    def _bucket_ready(self) -> bool:
        """The gateway answers only once the filer and a volume are up: make and drop a
        probe bucket to be sure writes work."""
        try:
            client = self.client()
            client.create_bucket(Bucket="ready-probe")
            client.put_object(Bucket="ready-probe", Key="probe", Body=b"ok")
            client.delete_object(Bucket="ready-probe", Key="probe")
            client.delete_bucket(Bucket="ready-probe")
        except Exception:  # botocore raises many kinds while the server starts
            return False
        return True

    def client(self) -> S3Client:
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3", endpoint_url=self.endpoint, region_name=self.region,
            aws_access_key_id=self.access_key, aws_secret_access_key=self.secret_key,
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )  # fmt: skip

    def create_bucket(self, name: str | None = None) -> str:
        name = name or f"films-{secrets.token_hex(4)}"
        self.client().create_bucket(Bucket=name)
        return name

    def _halt(self) -> None:
        if self._process is not None and self._process.poll() is None:
            # weed drains for a long while on SIGTERM; its data is thrown away anyway.
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()
        self._process = None

    def stop(self) -> None:
        self._halt()
        if self._owned_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> SeaweedServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
