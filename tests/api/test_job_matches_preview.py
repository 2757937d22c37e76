"""What the preview shows is what a job renders: same shots, types, moves and durations."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "coffee_shop.fountain"


def _shots(scenes: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [
        (shot["shot_id"], shot["shot_type"], shot["camera_move"], shot["duration_s"])  # type: ignore[index]
        for scene in scenes
        for shot in scene["shots"]  # type: ignore[attr-defined]
    ]


async def test_job_renders_the_previewed_breakdown(api: httpx.AsyncClient, workers: None) -> None:
    body = {"script": EXAMPLE.read_text(), "options": {"cast": {"LEO": "en-us+m3 p=40 s=150"}}}
    preview = (await api.post("/api/v1/scripts/preview", json=body)).json()
    job = (await api.post("/api/v1/jobs", json=body)).json()
    for _ in range(600):
        status = (await api.get(f"/api/v1/jobs/{job['job_id']}")).json()
        if status["status"] in ("completed", "failed"):
            break
        await asyncio.sleep(0.2)
    assert status["status"] == "completed", status
    state = (await api.get(f"/api/v1/jobs/{job['job_id']}/state")).json()
    assert _shots(state["scenes"]) == _shots(preview["scenes"])
    assert state["cast"] == {c["name"]: c["voice"] for c in preview["characters"]}
    assert state["cast"]["LEO"] == "en-us+m3 p=40 s=150"
    assert status["duration_s"] == preview["duration_s"]
    download = (await api.get(f"/api/v1/jobs/{job['job_id']}/download")).json()
    assert download["vtt_url"].split("?")[0].endswith("/film.vtt")
    assert download["timeline_url"].split("?")[0].endswith("/timeline.otio")


async def test_script_bytes_must_be_utf8(api: httpx.AsyncClient) -> None:
    raw = b'{"script": "SCENE 1: INT. A - DAY\\nSHOT 1: Wide - 2s\\nCaf\xe9.\\n"}'
    response = await api.post(
        "/api/v1/scripts/preview", content=raw, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400  # the body cannot even be decoded
    assert response.json()["code"] == "MalformedBody" and "UTF-8" in response.json()["detail"]
