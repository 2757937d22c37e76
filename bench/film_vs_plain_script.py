"""Benchmark: a 12-shot film through the whole system over REST vs the plain script.

    make bench            (or: .venv/bin/python -m bench.film_vs_plain_script --runs 2)

Starts its own Temporal dev server, workers and API on free ports with a scratch data
folder, times POST -> completed for the system and the sequential baseline in the same
run, and prints both and the ratio (system / baseline; below 1.0 the system is faster).
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

from bench.plain_script import PlainShot, render_plain
from core.settings import Settings
from media.ffmpeg import probe
from screenplay.model import CameraMove
from storage.database import make_engine
from storage.migrate import upgrade
from tests.conftest import temporal_binary
from tests.e2e.processes import Processes, free_port

SHOTS = 12
SECONDS = 5
MOVES = ["pan left", "zoom in", "dolly out", "static", "pan right", "tilt up"]
TYPES = ["Wide shot", "Close-up", "Medium shot", "Over the shoulder"]
NAMES = ["MAYA", "LEO", "BARISTA"]
POLL_S = 0.25  # how often a client asks; the CLI asks every 0.5 s


def script() -> str:
    lines = ["SCENE 1: INT. COFFEE SHOP - MORNING"]
    for n in range(1, SHOTS + 1):
        if n == 7:
            lines.append("SCENE 2: EXT. CITY STREET - NIGHT")
        lines += [
            f"SHOT {n}: {TYPES[n % len(TYPES)]}, {MOVES[n % len(MOVES)]} - {SECONDS}s",
            f"Beat {n}. The story moves on, one moment at a time.",
            f"{NAMES[n % len(NAMES)]}: This is line number {n}, spoken clearly.",
            "",
        ]
    return "\n".join(lines)


def plain_shots() -> list[PlainShot]:
    return [
        PlainShot(
            f"Beat {n}. The story moves on, one moment at a time.",
            f"This is line number {n}, spoken clearly.",
            CameraMove(MOVES[n % len(MOVES)].replace(" ", "_")),
            float(SECONDS),
        )
        for n in range(1, SHOTS + 1)
    ]


def start_temporal(data: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    server = subprocess.Popen(
        [str(temporal_binary()), "server", "start-dev", "--headless", "--ip", "127.0.0.1",
         "--port", str(port), "--db-filename", str(data / "temporal.db"), "--log-level", "error"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return server, f"127.0.0.1:{port}"
        time.sleep(0.2)
    raise SystemExit("the Temporal dev server did not start")


def time_system(api: httpx.Client, text: str) -> tuple[float, float]:
    started = time.perf_counter()
    created = api.post("/api/v1/jobs", json={"script": text, "title": "Bench"})
    if created.status_code != 202:
        raise SystemExit(f"the API refused the bench script: {created.text}")
    job_id = created.json()["job_id"]
    while True:
        job = api.get(f"/api/v1/jobs/{job_id}").json()
        if job["status"] != "queued" and job["status"] != "running":
            break
        time.sleep(POLL_S)
    elapsed = time.perf_counter() - started
    assert job["status"] == "completed", job
    return elapsed, job["duration_s"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2, help="timed runs of each (best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="filmstudio-bench-") as scratch:
        data = Path(scratch)
        server, address = start_temporal(data)
        port = free_port()
        settings = Settings(
            temporal_address=address,
            database_url=f"sqlite:///{data}/jobs.db",
            artifact_root=data / "artifacts",
            public_base_url=f"http://127.0.0.1:{port}",
        )
        upgrade(make_engine(settings.database_url))  # `filmstudio db upgrade`, as `make up` does
        processes = Processes(settings, data)
        try:
            queues = settings.task_queues()
            processes.worker("orchestration", queues.orchestration)
            processes.worker("models", queues.models)
            processes.worker("media", queues.media)
            api = processes.client(processes.api(port), processes.tenant(10_000_000))
            time_system(api, script())  # warm-up: imports, fonts, first workflow task
            system = [time_system(api, script()) for _ in range(args.runs)]
            profile = settings.render_profile()
            plain: dict[str, list[float]] = {"copy": [], "reencode": []}
            for run in range(args.runs):
                for join, times in plain.items():
                    started = time.perf_counter()
                    film = render_plain(plain_shots(), data / f"plain-{join}-{run}", profile, join)
                    times.append(time.perf_counter() - started)
                    assert abs(probe(film).duration_s - SHOTS * SECONDS) < 0.2
        finally:
            processes.stop_all()
            server.terminate()
            server.wait()
    system_times = [t for t, _ in system]
    print(
        f"film: {SHOTS} shots x {SECONDS} s, {profile.width}x{profile.height} @ {profile.fps} fps"
    )
    print(f"system, REST -> completed:      {_list(system_times)} s  (film {system[0][1]:.2f} s, "
          "with score, ducked mix, subtitles, poster)")  # fmt: skip
    labels = {
        "copy": "plain script, stream-copy join:",
        "reencode": "plain script, re-encoding join:",
    }
    for join, times in plain.items():
        print(f"{labels[join]:32} {_list(times)} s")
    for join, times in plain.items():
        best = min(system_times) / min(times)
        median = statistics.median(system_times) / statistics.median(times)
        print(f"ratio system / {labels[join][:-1]}: {best:.2f} (best), {median:.2f} (median)")


def _list(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


if __name__ == "__main__":
    main()
