"""The API's options for generative providers: options.style in each shot's prompt in
the preview, options.cast objects, and the estimate priced per image."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from core.estimate import Prices, estimate
from media.profile import RenderProfile
from screenplay.parser import parse_script

SCRIPT = """SCENE 1: EXT. PIER - DUSK
SHOT 1: Medium shot - 2s
Mara coils a wet rope.
MARA: The tide will not wait.
"""


async def test_the_preview_shows_each_shots_prompt(api: httpx.AsyncClient) -> None:
    body = {"script": SCRIPT, "options": {"style": "35mm film, muted colours"}}
    response = await api.post("/api/v1/scripts/preview", json=body)
    assert response.status_code == 200, response.text
    [shot] = response.json()["scenes"][0]["shots"]
    assert shot["prompt"].startswith("Film still, medium shot, eye-level. exterior pier, dusk")
    assert (
        "Mara coils a wet rope" in shot["prompt"] and "35mm film, muted colours" in shot["prompt"]
    )


async def test_cast_takes_an_object(api: httpx.AsyncClient, app: FastAPI) -> None:
    voice = app.state.voices[0].voice_for("LEO")
    body = {
        "script": SCRIPT,
        "options": {"cast": {"MARA": {"voice": voice, "provider": "espeak-ng"}}},
    }
    response = await api.post("/api/v1/scripts/preview", json=body)
    assert response.status_code == 200, response.text
    assert response.json()["characters"][0]["voice"] == voice


async def test_cast_objects_say_what_they_cannot_do(api: httpx.AsyncClient) -> None:
    for member, field in (
        ({"voice": "nova", "provider": "elsewhere"}, "options.cast.MARA.provider"),
        ({"reference": "ftp://example.org/mara.png"}, "options.cast.MARA.reference"),
    ):
        body = {"script": SCRIPT, "options": {"cast": {"MARA": member}}}
        response = await api.post("/api/v1/scripts/preview", json=body)
        assert response.status_code == 422 and field in response.text, response.text


def test_the_estimate_prices_each_picture() -> None:
    plan = parse_script(SCRIPT)
    per_image = Prices(0.0, 0.0, 0.0, 0.0, picture_per_shot=4.0)
    assert estimate(plan, per_image, RenderProfile()).picture == 4.0 * len(plan.shots)
