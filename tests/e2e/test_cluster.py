"""The multi-host rehearsal: Temporal, PostgreSQL and an S3 server (SeaweedFS) shared, and
four hosts sharing nothing else (orchestration with the API, models, two media hosts,
each with its own folder, HOME, scratch and settings). A film renders with its shots
spread over both media hosts; one media host is SIGKILLed mid-film and its scratch
deleted; the film completes from what is in the object store, nothing completed is
rendered again, the ledger on PostgreSQL is exact, no host opened another's files, and
every host's metrics and logs say what happened. Twice: on the Temporal dev server, and on
the production layout's Temporal (the real server persisted in PostgreSQL)."""

from __future__ import annotations

import asyncio
import json
import shutil
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from temporalio.api.enums.v1 import PendingActivityState
from temporalio.client import Client

from accounts.ledger import Ledger
from devstack.cluster import SharedServices, free_port, layout, wait_healthy
from devstack.postgres import PostgresServer
from devstack.seaweedfs import SeaweedServer
from devstack.temporal_server import TemporalSqlServer
from media.ffmpeg import probe
from storage.database import make_engine
from tests.conftest import temporal_binary
from tests.e2e.cluster_checks import (
    FileAudit,
    metric_value,
    persisted_in_postgres,
    render_history,
    scrape_metrics,
)

pytestmark = pytest.mark.e2e
SHOTS = 8
SCRIPT = "SCENE 1: EXT. HARBOUR - DAWN\n" + "\n".join(
    f"SHOT {n}: Wide, pan right - 4s\nBoats drift past, number {n}.\nCAPTAIN: Line {n}."
    for n in range(1, SHOTS + 1)
)


@pytest.fixture(params=["dev-server", "temporal-on-postgresql"])
async def temporal(
    request: pytest.FixtureRequest, client: Client, postgres: PostgresServer, tmp_path: Path
) -> AsyncIterator[tuple[Client, TemporalSqlServer | None]]:
    """The session's dev server, or the production layout's Temporal: the real server
    persisted in PostgreSQL, its schema set up by temporal-sql-tool."""
    if request.param == "dev-server":
        yield client, None
        return
    server = TemporalSqlServer(postgres, tmp_path / "temporal")
    await asyncio.to_thread(server.start, temporal_binary())
    try:
        yield await Client.connect(server.address), server
    finally:
        server.stop()


async def test_a_film_survives_a_media_host_lost_with_its_scratch(
    temporal: tuple[Client, TemporalSqlServer | None],
    postgres: PostgresServer,
    seaweed: SeaweedServer,
    tmp_path: Path,
) -> None:
    client, temporal_server = temporal
    bucket = seaweed.create_bucket()
    shared = SharedServices(
        temporal_address=client.service_client.config.target_host,
        database_url=postgres.create_database(),
        artifact_url=f"s3://{bucket}/films",
        s3_endpoint_url=seaweed.endpoint,
        s3_access_key_id=seaweed.access_key,
        s3_secret_access_key=seaweed.secret_key,
        queue_suffix=uuid.uuid4().hex[:8],
    )
    base = tmp_path / "hosts"
    hosts = layout(base, shared)
    for host in hosts.values():
        host.settings |= {"FILMSTUDIO_WIDTH": "960", "FILMSTUDIO_HEIGHT": "540"}
    orchestration, models, media_1, media_2 = hosts.values()
    api_port = free_port()
    api = f"http://127.0.0.1:{api_port}"
    orchestration.settings["FILMSTUDIO_PUBLIC_BASE_URL"] = api

    refused = orchestration.run(
        "-m", "worker", "--queues", f"film-orchestration-{shared.queue_suffix}"
    )
    assert refused.returncode != 0 and "filmstudio db upgrade" in refused.stderr
    upgraded = orchestration.run("-m", "cli.main", "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    created = orchestration.run("-m", "cli.main", "tenant", "create", "harbour", "--credits", "500")
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip()

    queues = shared.environment()
    try:
        with FileAudit(base, hosts) as audit:
            orchestration.worker(queues["FILMSTUDIO_ORCHESTRATION_QUEUE"])
            orchestration.api(api_port)
            models.worker(queues["FILMSTUDIO_MODELS_QUEUE"])
            media_1.worker(queues["FILMSTUDIO_MEDIA_QUEUE"])
            media_2.worker(queues["FILMSTUDIO_MEDIA_QUEUE"])
            await asyncio.to_thread(wait_healthy, api)
            http = httpx.AsyncClient(
                base_url=api, headers={"Authorization": f"Bearer {key}"}, timeout=30
            )
            preview = (await http.post("/api/v1/scripts/preview", json={"script": SCRIPT})).json()
            submitted = await http.post("/api/v1/jobs", json={"script": SCRIPT, "title": "Harbour"})
            assert submitted.status_code == 202, submitted.text
            job_id = submitted.json()["job_id"]
            handle = client.get_workflow_handle(f"film-{job_id}")

            async def media_1_mid_render() -> bool:
                """media-1 finished a shot and is rendering another right now."""
                shots = await render_history(handle)
                if not any(s.get("completed_by") == "media-1" for s in shots.values()):
                    return False
                pending = (await handle.describe()).raw_description.pending_activities
                return any(
                    a.activity_type.name == "render_shot"
                    and a.state == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED
                    and a.last_worker_identity == "media-1"
                    for a in pending
                )

            deadline = time.monotonic() + 180
            while not await media_1_mid_render():
                assert time.monotonic() < deadline, "never caught media-1 rendering"
                await asyncio.sleep(0.1)
            media_1.kill()
            killed_at = time.time()
            shutil.rmtree(media_1.scratch)  # the lost machine's disk goes with it
            before = await render_history(handle)
            done_before = {shot for shot, s in before.items() if "completed_at" in s}
            s3 = seaweed.client()
            etags = {
                shot: s3.head_object(
                    Bucket=bucket, Key=f"films/jobs/{job_id}/shots/{shot}/take-1/clip.mp4"
                )["ETag"]
                for shot in done_before
            }
            assert 1 <= len(done_before) < SHOTS

            async def finished() -> dict[str, object] | None:
                body: dict[str, object] = (await http.get(f"/api/v1/jobs/{job_id}")).json()
                return body if body["status"] in ("completed", "failed", "cancelled") else None

            deadline = time.monotonic() + 300
            while (job := await finished()) is None:
                assert time.monotonic() < deadline, "the film did not finish"
                await asyncio.sleep(0.5)
            assert job["status"] == "completed", job
            download = (await http.get(f"/api/v1/jobs/{job_id}/download")).json()
            film = await http.get(download["url"])
            metrics = {
                name: scrape_metrics(host.settings["FILMSTUDIO_WORKER_METRICS_ADDRESS"])
                for name, host in hosts.items()
                if name != "media-1"
            }
            api_metrics = scrape_metrics(f"127.0.0.1:{api_port}")
            await http.aclose()
    finally:
        for host in hosts.values():
            host.stop()

    # The film, whole, from the object store through the API.
    (tmp_path / "film.mp4").write_bytes(film.content)
    info = probe(tmp_path / "film.mp4")
    assert (info.video_codec, info.audio_codec, info.width, info.height) == (
        "h264",
        "aac",
        960,
        540,
    )
    assert abs(info.duration_s - 4.0 * SHOTS) <= 0.2

    # Shots spread over both media hosts; nothing finished before the kill ran again.
    after = await render_history(handle)
    assert len(after) == SHOTS and all(s["scheduled"] == 1 for s in after.values())
    by_host = {str(s["completed_by"]) for s in after.values()}
    assert by_host == {"media-1", "media-2"}, after
    for shot in done_before:
        assert after[shot]["attempt"] == 1 and float(after[shot]["completed_at"]) < killed_at  # type: ignore[arg-type]
        head = s3.head_object(
            Bucket=bucket, Key=f"films/jobs/{job_id}/shots/{shot}/take-1/clip.mp4"
        )
        assert head["ETag"] == etags[shot]  # the clip in the store was never rewritten
    retried = {shot for shot, s in after.items() if int(s["attempt"]) > 1}  # type: ignore[call-overload]
    assert retried and not retried & done_before
    assert all(after[shot]["completed_by"] == "media-2" for shot in retried)

    if temporal_server is not None:  # the run lives in Temporal's own PostgreSQL database
        assert persisted_in_postgres(temporal_server, f"film-{job_id}") == 1

    # The ledger on PostgreSQL is exact.
    engine = make_engine(shared.database_url)
    ledger = Ledger(engine)
    tenant = ledger.tenant_named("harbour")
    balance = ledger.balance(tenant.id)
    exact = round(
        sum(preview["estimate"][p] for p in ("picture", "voice", "music", "render")) * 1000
    )
    assert balance.balanced and balance.held == 0 and balance.spent == exact
    engine.dispose()

    # No host opened another's files; each did work in its own folder.
    assert not audit.foreign, sorted(audit.foreign)[:10]
    assert all(count > 0 for count in audit.own.values()), audit.own
    assert not (media_1.dir / "scratch").exists()

    # Every host's metrics: the SDK's and the project's series.
    for name, samples in metrics.items():
        assert any(n.startswith("temporal_") for n, _ in samples), f"{name}: no SDK series"
    charged = metric_value(
        metrics["orchestration"], "filmstudio_credits_moved_millicredits_total", kind="charge"
    )
    assert charged == exact
    assert (
        metric_value(metrics["models"], "filmstudio_shots_rendered_total", provider="animatic")
        >= SHOTS
    )
    assert metric_value(metrics["media-2"], "filmstudio_clips_total", outcome="rendered") >= len(
        retried
    )
    assert (
        metric_value(
            metrics["media-2"], "filmstudio_activity_seconds_count", activity="render_shot"
        )
        >= 1
    )
    assert metric_value(api_metrics, "filmstudio_jobs", status="completed") == 1
    assert (
        metric_value(
            api_metrics,
            "filmstudio_http_requests_total",
            method="POST",
            route="/api/v1/jobs",
            status="202",
        )
        == 1
    )

    # Structured logs carry the job and the shot.
    lines = [
        json.loads(line)
        for line in (media_2.logs / "worker.log").read_text().splitlines()
        if line.startswith("{")
    ]
    renders = [
        line for line in lines if line.get("activity_type") == "render_shot" and line.get("shot_id")
    ]
    assert renders and all(line["job_id"] == job_id for line in renders)
