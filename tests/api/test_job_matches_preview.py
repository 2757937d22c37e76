"""What the preview shows is what a job renders: same shots, types, moves and durations."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "coffee_shop.fountain"


FIELDS = ("shot_id", "shot_type", "camera_move", "duration_s")
FRAMING = ("size", "angle", "move", "direction", "speed")
SHOT_LIST = """SCENE 1: INT. COFFEE SHOP - MORNING
SHOT 1: Low angle two shot, slow push in - 2s
MAYA waits for BEN.
MAYA: Hi.
BEN: Hey.
SHOT 2: Dutch MCU, whip pan left - 2s
Ben turns.
"""


def _shots(scenes: list[dict[str, object]], fields: tuple[str, ...] = FIELDS) -> list[object]:
    return [
        tuple(shot[name] for name in fields)  # type: ignore[index]
        for scene in scenes
        for shot in scene["shots"]  # type: ignore[attr-defined]
    ]


async def _finished(api: httpx.AsyncClient, job_id: str) -> dict[str, object]:
    for _ in range(600):
        status: dict[str, object] = (await api.get(f"/api/v1/jobs/{job_id}")).json()
        if status["status"] in ("completed", "failed"):
            return status
        await asyncio.sleep(0.2)
    return status


async def test_job_renders_the_previewed_breakdown(api: httpx.AsyncClient, workers: None) -> None:
    body = {"script": EXAMPLE.read_text(), "options": {"cast": {"LEO": "en-us+m3 p=40 s=150"}}}
    preview = (await api.post("/api/v1/scripts/preview", json=body)).json()
    job = (await api.post("/api/v1/jobs", json=body)).json()
    status = await _finished(api, job["job_id"])
    assert status["status"] == "completed", status
    state = (await api.get(f"/api/v1/jobs/{job['job_id']}/state")).json()
    assert _shots(state["scenes"]) == _shots(preview["scenes"])
    assert state["cast"] == {c["name"]: c["voice"] for c in preview["characters"]}
    assert state["cast"]["LEO"] == "en-us+m3 p=40 s=150"
    assert status["duration_s"] == preview["duration_s"]
    download = (await api.get(f"/api/v1/jobs/{job['job_id']}/download")).json()
    assert download["vtt_url"].split("?")[0].endswith("/film.vtt")
    assert download["timeline_url"].split("?")[0].endswith("/timeline.otio")


async def test_strict_shot_list_job_renders_the_previewed_framing(
    api: httpx.AsyncClient, workers: None
) -> None:
    body = {"script": SHOT_LIST, "options": {"strict": True}}
    preview = (await api.post("/api/v1/scripts/preview", json=body)).json()
    assert preview["warnings"] == []
    assert _shots(preview["scenes"], FRAMING) == [
        ("two_shot", "low", "push_in", "in", "slow"),
        ("medium_close_up", "dutch", "whip_pan", "left", ""),
    ]
    job = (await api.post("/api/v1/jobs", json=body)).json()
    status = await _finished(api, job["job_id"])
    assert status["status"] == "completed", status
    state = (await api.get(f"/api/v1/jobs/{job['job_id']}/state")).json()
    assert _shots(state["scenes"], FIELDS + FRAMING) == _shots(preview["scenes"], FIELDS + FRAMING)
    download = (await api.get(f"/api/v1/jobs/{job['job_id']}/download")).json()
    timeline = json.loads((await api.get(download["timeline_url"])).text)
    picture = timeline["tracks"]["children"][0]["children"]
    clips = [
        item["metadata"]["filmstudio"] for item in picture if item["OTIO_SCHEMA"].startswith("Clip")
    ]
    assert [tuple(c[name] for name in FRAMING) for c in clips] == _shots(preview["scenes"], FRAMING)


async def test_script_bytes_must_be_utf8(api: httpx.AsyncClient) -> None:
    raw = b'{"script": "SCENE 1: INT. A - DAY\\nSHOT 1: Wide - 2s\\nCaf\xe9.\\n"}'
    response = await api.post(
        "/api/v1/scripts/preview", content=raw, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400  # the body cannot even be decoded
    assert response.json()["code"] == "MalformedBody" and "UTF-8" in response.json()["detail"]
