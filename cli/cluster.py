"""`make cluster` (`python -m cli.cluster`): the multi-host rehearsal, in the foreground.

Shared services: a Temporal dev server (or, with --temporal-sql, the real Temporal server
persisted in PostgreSQL), PostgreSQL and SeaweedFS (S3), each on free loopback ports in a
temp folder. Hosts that share nothing else, under .data/cluster/:
orchestration (its worker and the API), models, media-1 and media-2, each with its own
folder, HOME, scratch, settings and metrics port. `--render SCRIPT` renders a film
through the API; Ctrl-C stops everything.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from devstack.cluster import Host, SharedServices, free_port, layout, wait_healthy
from devstack.postgres import PostgresServer
from devstack.seaweedfs import SeaweedServer
from devstack.temporal_server import TemporalSqlServer

BASE = Path(".data/cluster")


def _temporal(base: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    port, ui_port = free_port(), free_port()
    binary = str(Path(sys.executable).parent / "temporal")
    log = (base / "temporal.log").open("ab")
    process = subprocess.Popen(
        [binary, "server", "start-dev", "--ip", "127.0.0.1", "--port", str(port),
         "--ui-port", str(ui_port), "--log-level", "warn"],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    return process, f"127.0.0.1:{port}", f"http://127.0.0.1:{ui_port}"


def _check(host: Host, *argv: str) -> str:
    done = host.run(*argv)
    if done.returncode != 0:
        raise SystemExit(f"{host.name}: {' '.join(argv)} failed:\n{done.stderr}")
    return done.stdout.strip()


def _render(api: str, key: str, script: Path) -> None:
    with httpx.Client(base_url=api, headers={"Authorization": f"Bearer {key}"}, timeout=30) as http:
        body = {"script": script.read_text(encoding="utf-8"), "title": script.stem}
        job = http.post("/api/v1/jobs", json=body).json()["job_id"]
        print(f"rendering {script} as job {job} ...")
        while (status := http.get(f"/api/v1/jobs/{job}").json())["status"] not in (
            "completed", "failed", "cancelled",
        ):  # fmt: skip
            time.sleep(1)
        print(f"job {job}: {status['status']}")
        if status["status"] == "completed":
            print(f"  download: {http.get(f'/api/v1/jobs/{job}/download').json()['url']}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m cli.cluster", description=__doc__)
    parser.add_argument("--render", type=Path, help="a script to render once the hosts are up")
    parser.add_argument("--exit", action="store_true", help="stop after --render")
    parser.add_argument(
        "--temporal-sql",
        action="store_true",
        help="the real Temporal server persisted in PostgreSQL instead of the dev server",
    )
    args = parser.parse_args()
    shutil.rmtree(BASE, ignore_errors=True)
    BASE.mkdir(parents=True)
    services = Path(tempfile.mkdtemp(prefix="filmstudio-cluster-"))
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    postgres, seaweed, hosts = PostgresServer(), SeaweedServer(services / "s3"), {}
    temporal: subprocess.Popen[bytes] | None = None
    temporal_sql: TemporalSqlServer | None = None
    try:
        postgres.start()
        if args.temporal_sql:
            temporal_sql = TemporalSqlServer(postgres, services / "temporal")
            temporal_sql.start(Path(sys.executable).parent / "temporal")
            temporal_address, ui = temporal_sql.address, "(none: the server without its UI)"
        else:
            temporal, temporal_address, ui = _temporal(BASE)
        seaweed.start()
        shared = SharedServices(
            temporal_address=temporal_address,
            database_url=postgres.create_database("filmstudio"),
            artifact_url=f"s3://{seaweed.create_bucket('films')}/filmstudio",
            s3_endpoint_url=seaweed.endpoint,
            s3_access_key_id=seaweed.access_key,
            s3_secret_access_key=seaweed.secret_key,
            url_signing_secret=uuid.uuid4().hex,
        )
        hosts = layout(BASE / "hosts", shared)
        api_port = free_port()
        api = f"http://127.0.0.1:{api_port}"
        hosts["orchestration"].settings["FILMSTUDIO_PUBLIC_BASE_URL"] = api
        orchestration = hosts["orchestration"]
        print(_check(orchestration, "-m", "cli.main", "db", "upgrade"))
        key = _check(
            orchestration, "-m", "cli.main", "tenant", "create", "dev", "--credits", "10000"
        )
        queues = {name: f"film-{name}" for name in ("orchestration", "models", "media")}
        orchestration.worker(queues["orchestration"])
        orchestration.api(api_port)
        hosts["models"].worker(queues["models"])
        hosts["media-1"].worker(queues["media"])
        hosts["media-2"].worker(queues["media"])
        wait_healthy(api)
        print("The rehearsal is up. Shared: Temporal, PostgreSQL, S3; nothing else.")
        print(f"  API:         {api}   key: {key}")
        print(f"  Temporal:    {temporal_address}   UI: {ui}")
        print(f"  PostgreSQL:  {shared.database_url}")
        print(f"  S3:          {seaweed.endpoint}  {shared.artifact_url}")
        print(f"  API metrics: {api}/metrics")
        for name, host in hosts.items():
            address = host.settings["FILMSTUDIO_WORKER_METRICS_ADDRESS"]
            print(f"  {name:13} http://{address}/metrics   logs: {host.logs}/")
        if args.render:
            _render(api, key, args.render)
        while not stopping and not args.exit:
            time.sleep(0.5)
    finally:
        print("stopping the hosts and the shared services")
        for host in hosts.values():
            host.stop()
        if temporal is not None:
            temporal.terminate()
            temporal.wait(timeout=30)
        if temporal_sql is not None:
            temporal_sql.stop()
        seaweed.stop()
        postgres.stop()
        shutil.rmtree(services, ignore_errors=True)


if __name__ == "__main__":
    main()
