"""A film's cast is chosen on the first voice provider of the chain that accepts it: with
FILMSTUDIO_VOICE_PROVIDER=openai-speech,espeak-ng, a cast that asks for espeak-ng voices
(or names espeak-ng) is cast, timed, priced and spoken on espeak-ng from the first line,
and the OpenAI-compatible service is never called; a cast no provider takes is a 422
naming the field. Through the REST API, on real workers and the real dev server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from temporalio.client import Client

from core.settings import Settings
from providers.espeak_voice import EspeakVoiceProvider
from tests.conftest import wait_for
from tests.providers.films import KEY, SCRIPT, remote_settings, rest_api
from tests.providers.openai_fake import FakeOpenAI
from workflows.film import FilmWorkflow

OPENAI_PER_CHARACTER = Settings().openai_speech_price_per_1k_chars / 1000


@pytest.fixture
async def rest(
    client: Client, tmp_path: Path
) -> AsyncIterator[tuple[httpx.AsyncClient, FakeOpenAI]]:
    with FakeOpenAI(KEY) as openai:
        settings = remote_settings(
            client, tmp_path, openai_url=openai.url,
            visual_provider="animatic", voice_provider="openai-speech,espeak-ng",
        )  # fmt: skip
        async with rest_api(client, settings, "cast-chain") as http:
            yield http, openai


async def preview(http: httpx.AsyncClient, cast: dict[str, Any]) -> httpx.Response:
    return await http.post(
        "/api/v1/scripts/preview", json={"script": SCRIPT, "options": {"cast": cast}}
    )


async def test_without_a_cast_the_chains_first_provider_casts(
    rest: tuple[httpx.AsyncClient, FakeOpenAI],
) -> None:
    http, _ = rest
    shown = (await preview(http, {})).json()
    assert {c["provider"] for c in shown["characters"]} == {"openai-speech"}
    spoken = len("The tide will not wait.") + len("Then neither will I.")
    dearest = max(EspeakVoiceProvider.price_per_character, OPENAI_PER_CHARACTER)
    assert shown["estimate"]["voice"] == pytest.approx(spoken * dearest)


@pytest.mark.parametrize(
    "cast",
    [
        {"MARA": "en-us+f3 p=60 s=160"},  # a voice only espeak-ng knows
        {"MARA": {"provider": "espeak-ng"}},
        {"MARA": {"voice": "en-us+m2 p=40 s=150", "provider": "espeak-ng"}},
    ],
)
async def test_a_cast_only_a_later_provider_takes_is_cast_there(
    rest: tuple[httpx.AsyncClient, FakeOpenAI], cast: dict[str, Any]
) -> None:
    http, _ = rest
    response = await preview(http, cast)
    assert response.status_code == 200, response.text
    characters = {c["name"]: c for c in response.json()["characters"]}
    assert {c["provider"] for c in characters.values()} == {"espeak-ng"}
    assert all(c["voice"].startswith("en-") for c in characters.values())  # espeak voices
    spoken = len("The tide will not wait.") + len("Then neither will I.")
    assert response.json()["estimate"]["voice"] == pytest.approx(
        spoken * EspeakVoiceProvider.price_per_character  # the dearest provider it may fail over to
    )


@pytest.mark.parametrize(
    ("cast", "field", "says"),
    [
        ({"MARA": {"provider": "elsewhere"}}, "options.cast.MARA.provider", "asks for 'elsewhere'"),
        ({"MARA": "no such voice!"}, "options.cast.MARA", "not a voice name for openai-speech"),
        (  # the provider it names does not know the voice
            {"MARA": {"voice": "en-us+f3 p=999 s=160", "provider": "espeak-ng"}},
            "options.cast.MARA.voice",
            "not a voice description",
        ),
        (  # each member fits one provider, but no provider fits both
            {"MARA": {"provider": "openai-speech"}, "JONAH": "en-us+m3 p=50 s=160"},
            "options.cast.JONAH",
            "takes the whole cast",
        ),
    ],
)
async def test_a_cast_no_provider_takes_is_a_422_naming_the_field(
    rest: tuple[httpx.AsyncClient, FakeOpenAI], cast: dict[str, Any], field: str, says: str
) -> None:
    http, openai = rest
    for route in ("/api/v1/scripts/preview", "/api/v1/jobs"):
        response = await http.post(route, json={"script": SCRIPT, "options": {"cast": cast}})
        assert response.status_code == 422, response.text
        problem = response.json()
        assert problem["code"] == "InvalidOption" and says in problem["detail"]
        assert [error["field"] for error in problem["errors"]] == [field]
    assert openai.calls == []


async def test_the_film_is_spoken_on_the_provider_that_took_the_cast(
    rest: tuple[httpx.AsyncClient, FakeOpenAI], client: Client
) -> None:
    http, openai = rest
    body = {"script": SCRIPT, "options": {"cast": {"MARA": {"voice": "en-us+f4 p=70 s=170"}}}}
    created = await http.post("/api/v1/jobs", json=body)
    assert created.status_code == 202, created.text
    job_id = created.json()["job_id"]

    async def finished() -> str:
        status = (await http.get(f"/api/v1/jobs/{job_id}")).json()["status"]
        return status if status in ("completed", "failed") else ""

    assert await wait_for(finished, timeout=120) == "completed"
    handle = client.get_workflow_handle(f"film-{job_id}")
    state = await handle.query(FilmWorkflow.state)
    assert state.cast["MARA"] == "en-us+f4 p=70 s=170" and state.cast["JONAH"].startswith("en-")
    shots = [shot for scene in state.scenes for shot in scene.shots]
    assert [shot.providers["synthesize_dialogue"] for shot in shots] == ["espeak-ng"] * 2
    assert state.voice_failovers == [] and state.cast_provider == "espeak-ng"  # from the start
    assert openai.calls_to("audio/speech") == []
