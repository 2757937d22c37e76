"""A film rendered with its artifacts in a real S3 server (SeaweedFS): no artifact folder
anywhere, downloads streamed from the bucket with HTTP Range, or redirected to presigned
object URLs; the API refuses to run without a signing secret."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from temporalio.client import Client

from api.main import create_app
from core.settings import Settings
from devstack.seaweedfs import SeaweedServer
from tests.conftest import api_client, make_settings, s3_overrides, wait_for
from worker.assembly import build_workers

SCRIPT = """SCENE 1: EXT. PIER - DUSK
SHOT 1 (WIDE, PAN_RIGHT, 2s): Gulls circle.
SHOT 2 (CLOSE, STATIC, 2s): NOOR: Almost there.
"""


@dataclass
class Film:
    settings: Settings
    app: FastAPI
    job_id: str
    download: dict[str, object]
    bucket: str


@pytest.fixture(scope="module")
async def film(
    client: Client, seaweed: SeaweedServer, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Film]:
    root = tmp_path_factory.mktemp("s3-film")
    settings = make_settings(client, root, **s3_overrides(seaweed, root))
    app = create_app(settings, temporal=client)
    async with AsyncExitStack() as stack:
        for worker in build_workers(client, settings, settings.task_queues().names()):
            await stack.enter_async_context(worker)
        await stack.enter_async_context(app.router.lifespan_context(app))
        key = app.state.ledger.create_tenant("s3", 100).key
        async with api_client(app, key) as http:
            job_id = (await http.post("/api/v1/jobs", json={"script": SCRIPT})).json()["job_id"]

            async def completed() -> bool:
                body = (await http.get(f"/api/v1/jobs/{job_id}")).json()
                assert body["status"] in ("queued", "running", "completed"), body
                return bool(body["status"] == "completed")

            await wait_for(completed, timeout=120)
            download = (await http.get(f"/api/v1/jobs/{job_id}/download")).json()
        bucket = settings.artifact_url.removeprefix("s3://").split("/")[0]
        yield Film(settings, app, job_id, download, bucket)


def _objects(seaweed: SeaweedServer, film: Film) -> dict[str, int]:
    listed = seaweed.client().list_objects_v2(Bucket=film.bucket, Prefix="filmstudio/jobs/")
    return {item["Key"]: item["Size"] for item in listed.get("Contents", [])}


async def test_every_artifact_is_in_the_bucket_and_no_folder_is_shared(
    film: Film, seaweed: SeaweedServer
) -> None:
    stored = _objects(seaweed, film)
    prefix = f"filmstudio/jobs/{film.job_id}"
    # the artifact key layout (storage/keys.py): revision 1's film, take 1 of each shot
    for name in ("r1/film.mp4", "r1/film.srt", "r1/poster.jpg", "r1/soundtrack.m4a", "score.wav"):
        assert stored.get(f"{prefix}/{name}", 0) > 0, name
    assert stored.get(f"{prefix}/shots/01-02/take-1/clip.mp4", 0) > 0
    assert not film.settings.artifact_root.exists()  # nothing was written to a folder
    assert film.download["size_bytes"] == stored[f"{prefix}/r1/film.mp4"]


async def test_downloads_stream_from_the_bucket_with_range(film: Film) -> None:
    url = str(film.download["url"])
    async with api_client(film.app, None) as player:  # a signed link needs no key
        whole = await player.get(url)
        assert whole.status_code == 200 and whole.content[4:8] == b"ftyp"
        assert whole.headers["accept-ranges"] == "bytes"
        assert len(whole.content) == film.download["size_bytes"]
        first = await player.get(url, headers={"Range": "bytes=0-99"})
        assert first.status_code == 206 and first.content == whole.content[:100]
        size = len(whole.content)
        assert first.headers["content-range"] == f"bytes 0-99/{size}"
        tail = await player.get(url, headers={"Range": "bytes=-10"})
        assert tail.status_code == 206 and tail.content == whole.content[-10:]
        middle = await player.get(url, headers={"Range": f"bytes={size - 5}-{size + 50}"})
        assert middle.content == whole.content[-5:]
        beyond = await player.get(url, headers={"Range": f"bytes={size}-"})
        assert beyond.status_code == 416 and beyond.headers["content-range"] == f"bytes */{size}"
        assert "range" in beyond.json()["detail"]
        missing = url.replace("film.mp4", "shots/99-99/clip.mp4")
        assert (await player.get(missing)).status_code == 404  # not signed for that path
    async with api_client(film.app, None) as anonymous:
        forged = url.replace("sig=", "sig=0")
        assert (await anonymous.get(forged)).status_code == 404


async def test_downloads_can_redirect_to_presigned_object_urls(film: Film, client: Client) -> None:
    settings = film.settings.model_copy(update={"artifact_redirect": True})
    app = create_app(settings, temporal=client)
    async with app.router.lifespan_context(app), api_client(app, None) as player:
        moved = await player.get(str(film.download["url"]))
        assert moved.status_code == 307
        location = moved.headers["location"]
        assert location.startswith(settings.s3_endpoint_url) and "X-Amz-Signature" in location
    with httpx.Client(timeout=30) as direct:  # the object store itself serves the link
        fetched = direct.get(location, headers={"Range": "bytes=4-7"})
        assert fetched.status_code == 206 and fetched.content == b"ftyp"
        tampered = direct.get(location.replace("X-Amz-Signature=", "X-Amz-Signature=00"))
        assert tampered.status_code == 403


async def test_the_api_needs_a_signing_secret_when_artifacts_are_remote(
    film: Film, client: Client, tmp_path: Path
) -> None:
    settings = film.settings.model_copy(update={"url_signing_secret": ""})
    app = create_app(settings, temporal=client)
    with pytest.raises(RuntimeError, match="FILMSTUDIO_URL_SIGNING_SECRET"):
        async with app.router.lifespan_context(app):
            pass
