"""On real processes: a worker killed in the middle of a charge leaves the ledger exact,
and the real `temporal` CLI regenerates a shot of a completed film."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from temporalio.api.enums.v1 import PendingActivityState
from temporalio.client import Client

from accounts.ledger import Ledger
from core.settings import Settings
from storage.database import make_engine
from tests.conftest import make_settings, temporal_binary
from tests.e2e.processes import Processes, free_port
from tests.e2e.test_control import wait

pytestmark = pytest.mark.e2e
SCRIPT = "SCENE 1: INT. WORKSHOP - DAY\n" + "\n".join(
    f"SHOT {n}: Close-up - 2s\nA gear turns, number {n}.\nSMITH: Gear {n}." for n in range(1, 5)
)


@pytest.fixture
def stack(client: Client, tmp_path: Path) -> Iterator[tuple[Processes, Settings, httpx.Client]]:
    port = free_port()
    settings = make_settings(
        client, tmp_path, width=320, height=180, revision_window_s=600,
        public_base_url=f"http://127.0.0.1:{port}",
    )  # fmt: skip
    processes = Processes(settings, tmp_path)
    queues = settings.task_queues()
    try:
        processes.worker("orchestration", queues.orchestration)
        processes.worker("models", queues.models)
        processes.worker("media", queues.media)
        yield processes, settings, processes.client(processes.api(port), processes.tenant(1000))
    finally:
        processes.stop_all()


def temporal(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(temporal_binary()), *args, "--address", settings.temporal_address],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


async def test_a_worker_killed_during_a_charge_leaves_the_ledger_exact(
    stack: tuple[Processes, Settings, httpx.Client], client: Client
) -> None:
    processes, settings, api = stack
    job = api.post("/api/v1/jobs", json={"script": SCRIPT}).json()
    handle = client.get_workflow_handle(job["workflow_id"])
    database = settings.database_url.removeprefix("sqlite:///")
    wait("the hold", lambda: _entries(database, job["job_id"], "hold") == 1)

    # Take the database's write lock: the next charge blocks inside its transaction, so
    # the worker is provably in the middle of it when it dies.
    lock = sqlite3.connect(database, timeout=30)
    lock.execute("BEGIN IMMEDIATE")
    try:
        for _ in range(600):
            description = await handle.describe()
            charging = [
                a for a in description.raw_description.pending_activities
                if a.activity_type.name == "charge_credits"
                and a.state == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED
            ]  # fmt: skip
            if charging:
                break
            time.sleep(0.1)
        assert charging, "no charge started"
        time.sleep(0.5)  # it is waiting on the lock now
        processes.kill("orchestration")
    finally:
        lock.rollback()
        lock.close()
    processes.worker("orchestration-2", settings.orchestration_queue)

    wait("the film", lambda: api.get(f"/api/v1/jobs/{job['job_id']}").json()["revision"] == 1,
         seconds=180)  # fmt: skip
    body = api.get(f"/api/v1/jobs/{job['job_id']}").json()
    credits = api.get("/api/v1/credits").json()
    shots = body["progress"]["shots_total"]
    assert _entries(database, job["job_id"], "charge") == shots + 1  # each shot once, the score
    assert _entries(database, job["job_id"], "release") == 1
    assert body["cost"]["held"] == 0 and body["cost"]["spent"] > 0
    assert credits["granted"] == credits["available"] + credits["held"] + credits["spent"]
    assert credits["spent"] == body["cost"]["spent"]
    engine = make_engine(settings.database_url)
    tenant = Ledger(engine).job_credits(job["job_id"])
    assert tenant is not None and tenant.held == 0
    engine.dispose()


def _entries(database: str, job_id: str, kind: str) -> int:
    with sqlite3.connect(database, timeout=30) as db:
        row = db.execute(
            "SELECT COUNT(*) FROM ledgerentry WHERE job_id = ? AND kind = ?", (job_id, kind)
        ).fetchone()
    return int(row[0])


def test_the_temporal_cli_regenerates_a_shot(
    stack: tuple[Processes, Settings, httpx.Client],
) -> None:
    _, settings, api = stack
    job = api.post("/api/v1/jobs", json={"script": SCRIPT}).json()
    workflow_id, url = job["workflow_id"], f"/api/v1/jobs/{job['job_id']}"
    wait("the film", lambda: api.get(url).json()["revision"] == 1, seconds=180)
    sha = api.get(url).json()

    refused = temporal(settings, "workflow", "update", "execute", "--workflow-id", workflow_id,
                       "--name", "regenerate_shot", "--input", '{"shot_id": "07-07"}')  # fmt: skip
    assert refused.returncode != 0 and "no shot '07-07'" in refused.stderr + refused.stdout
    done = temporal(settings, "workflow", "update", "execute", "--workflow-id", workflow_id,
                    "--name", "regenerate_shot", "--input",
                    '{"shot_id": "01-02", "notes": "closer", "seed": 11}')  # fmt: skip
    assert done.returncode == 0, done.stderr
    wait("revision 2", lambda: api.get(url).json()["revision"] == 2, seconds=120)
    state = api.get(f"{url}/state").json()
    takes = {s["shot_id"]: s["take"] for scene in state["scenes"] for s in scene["shots"]}
    assert takes["01-02"] == 2 and {v for k, v in takes.items() if k != "01-02"} == {1}

    assert temporal(settings, "workflow", "signal", "--workflow-id", workflow_id,
                    "--name", "finish").returncode == 0  # fmt: skip
    described = temporal(settings, "workflow", "describe", "--workflow-id", workflow_id,
                         "--output", "json")  # fmt: skip
    wait("closed", lambda: api.get(url).json()["revisable"] is False, seconds=60)
    assert json.loads(described.stdout)  # the CLI reads the run
    assert api.get(url).json()["status"] == "completed" and sha["revision"] == 1
