"""Through the REST API, on an app and workers configured for ComfyUI and an
OpenAI-compatible speech service: a user's reference picture (POST /api/v1/uploads) is
sent with every shot that shows the character, and references that cannot be used are a
422 naming the field."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path

import httpx
import pytest
from PIL import Image
from temporalio.client import Client

from api.main import create_app
from core.settings import Settings
from providers.comfyui.provider import prompt_id_for
from tests.conftest import api_client, wait_for
from tests.providers.comfy_fake import FakeComfyUI
from tests.providers.films import KEY, SCRIPT, remote_settings, serve
from tests.providers.openai_fake import FakeOpenAI
from workflows.film import FilmWorkflow


def png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (96, 128), colour).save(out, format="PNG")
    return out.getvalue()


class Stack:
    def __init__(self, settings: Settings, http: httpx.AsyncClient, key: str) -> None:
        self.settings, self.http, self.key = settings, http, key


@pytest.fixture
async def stack(
    client: Client, tmp_path: Path
) -> AsyncIterator[tuple[Stack, FakeComfyUI, FakeOpenAI]]:
    with FakeComfyUI() as comfy, FakeOpenAI(KEY) as openai:
        settings = remote_settings(
            client, tmp_path, comfy.url, openai.url,
            visual_provider="comfyui,animatic", voice_provider="openai-speech",
        )  # fmt: skip
        app = create_app(settings, temporal=client)
        async with AsyncExitStack() as stack, app.router.lifespan_context(app):
            await serve(stack, client, settings, settings.worker_queues())
            key = app.state.ledger.create_tenant("rest-films", 1000).key
            async with api_client(app, key) as http:
                yield Stack(settings, http, key), comfy, openai


async def test_a_users_reference_goes_with_every_shot_of_the_character(
    stack: tuple[Stack, FakeComfyUI, FakeOpenAI], client: Client
) -> None:
    rest, comfy, _ = stack
    uploaded = await rest.http.post(
        "/api/v1/uploads", content=png((10, 120, 200)), headers={"Content-Type": "image/png"}
    )
    assert uploaded.status_code == 201, uploaded.text
    upload_id = uploaded.json()["id"]
    body = {"script": SCRIPT, "options": {"cast": {"MARA": {"reference": upload_id}}}}
    created = await rest.http.post("/api/v1/jobs", json=body)
    assert created.status_code == 202, created.text
    job_id = created.json()["job_id"]

    async def finished() -> str:
        status = (await rest.http.get(f"/api/v1/jobs/{job_id}")).json()["status"]
        return status if status in ("completed", "failed") else ""

    assert await wait_for(finished, timeout=120) == "completed"
    state = await client.get_workflow_handle(f"film-{job_id}").query(FilmWorkflow.state)
    assert state.references_by == "comfyui" and set(state.references) == {"MARA", "JONAH"}
    mara = (rest.settings.artifact_root / state.references["MARA"]).read_bytes()
    assert len(comfy.submits) == 3  # JONAH's sheet only (MARA's is the user's), two shots
    loaded = {pid: names for pid, names in comfy.loaded.items() if pid in dict(comfy.submits)}
    shots = [shot for scene in state.scenes for shot in scene.shots]
    mara_shot = next(s for s in shots if any(line.character == "MARA" for line in s.dialogue))
    [name] = loaded[prompt_id_for(f"film-{job_id}/{mara_shot.shot_id}/1/comfyui")]
    assert comfy.uploads[name] == mara  # the server saw the user's picture for her shot
    with Image.open(io.BytesIO(mara)) as picture:
        assert picture.getpixel((5, 5)) == (10, 120, 200)


async def test_references_that_cannot_be_used(stack: tuple[Stack, FakeComfyUI, FakeOpenAI]) -> None:
    rest, _, _ = stack
    not_image = await rest.http.post(
        "/api/v1/uploads", content=b"GIF89a nope", headers={"Content-Type": "image/png"}
    )
    assert not_image.status_code == 422 and "not a picture" in not_image.text
    text = await rest.http.post(
        "/api/v1/uploads", content=b"hi", headers={"Content-Type": "text/plain"}
    )
    assert text.status_code == 415
    for reference, why in (
        ("upl_0123456789abcdef0123456789abcdef", "no upload"),
        ("http://example.org/mara.png", "https"),
        ("https://127.0.0.1/mara.png", "127.0.0.1"),
    ):
        body = {"script": SCRIPT, "options": {"cast": {"MARA": {"reference": reference}}}}
        created = await rest.http.post("/api/v1/jobs", json=body)
        assert created.status_code == 422, created.text
        problem = created.json()
        assert problem["code"] == "InvalidOption" and why in created.text
        assert problem["errors"][0]["field"] == "options.cast.MARA.reference"
