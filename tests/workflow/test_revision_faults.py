"""A revision that fails at compose or at publish leaves the published film exactly as it
was: the same bytes, sha256 and size, and its links keep working. The real activities do
the revision's work under its own keys (jobs/<job>/r2/...); the fault is injected right
after the real activity has written its files, as a crash at the worst moment would."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from temporalio.client import Client

from tests.conftest import wait_for
from tests.workflow.real_stack import Stack, open_stack, partial_files

SCRIPT = """SCENE 1: INT. KITCHEN - MORNING
SHOT 1: Wide shot, pan right - 2s
Sunlight on the table.
ANA: Good morning!
SHOT 2: Close-up - 2s
BEN: Is it?
"""


@pytest.fixture(scope="module")
async def stack(client: Client, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    async with open_stack(client, tmp_path_factory.mktemp("revise")) as opened:
        yield opened


def digests(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


async def _links(stack: Stack, download: dict[str, Any]) -> dict[str, bytes]:
    names = ("url", "subtitles_url", "vtt_url", "timeline_url", "poster_url")
    return {name: (await stack.http.get(download[name])).content for name in names}


@pytest.mark.parametrize("step", ["compose_film", "publish_film"])
async def test_a_failed_revision_leaves_the_published_film_untouched(
    stack: Stack, step: str
) -> None:
    stack.control.faults = {step: lambda request: request.revision >= 2}
    job_id = await stack.submit(SCRIPT)

    async def published() -> bool:
        body = (await stack.http.get(f"/api/v1/jobs/{job_id}")).json()
        return bool(body["revisable"])

    await wait_for(published, timeout=60)
    before = (await stack.http.get(f"/api/v1/jobs/{job_id}/download")).json()
    served = await _links(stack, before)
    assert hashlib.sha256(served["url"]).hexdigest() == before["sha256"]
    first = stack.job_dir(job_id) / "r1"
    on_disk = digests(first)
    assert {"film.mp4", "poster.jpg", "film.srt", "soundtrack.m4a"} <= set(on_disk)

    answer = await stack.http.post(f"/api/v1/jobs/{job_id}/shots/01-01/regenerate")
    assert answer.status_code == 202 and answer.json()["revision"] == 2

    async def failed() -> dict[str, Any] | None:
        state: dict[str, Any] = (await stack.http.get(f"/api/v1/jobs/{job_id}/state")).json()
        done = state["revision_error"] is not None and state["stage"] == "completed"
        return state if done else None

    state = await wait_for(failed, timeout=60)
    assert state["revision_error"]["step"] == step
    assert (state["revision"], state["assets"]["video"].split("?")[0].rsplit("/", 2)[1]) == (
        1,
        "r1",
    )
    # the revision did its work under its own keys, and the published film's are untouched
    assert (stack.job_dir(job_id) / "r2" / "film.mp4").is_file()
    assert digests(first) == on_disk
    after = (await stack.http.get(f"/api/v1/jobs/{job_id}/download")).json()
    for field in ("sha256", "size_bytes", "duration_s"):
        assert after[field] == before[field], field
    assert await _links(stack, before) == served  # the links handed out before still work
    assert await _links(stack, after) == served
    job = (await stack.http.get(f"/api/v1/jobs/{job_id}")).json()
    assert (job["status"], job["revision"], job["revisable"]) == ("completed", 1, True)
    assert job["cost"]["held"] == 0 and partial_files(stack.job_dir(job_id)) == []
    await stack.http.post(f"/api/v1/jobs/{job_id}/cancel")  # close the window
