"""Films made through the ComfyUI and OpenAI-compatible adapters on the real dev server,
with real workers on each provider's own task queue and the local protocol servers."""

from __future__ import annotations

import itertools
import json
from contextlib import AsyncExitStack
from pathlib import Path

import pytest
from temporalio.client import Client, WorkflowExecutionStatus, WorkflowFailureError

from media.ffmpeg import probe
from providers.comfyui.provider import prompt_id_for
from tests.conftest import wait_for
from tests.providers.comfy_fake import FakeComfyUI
from tests.providers.films import (
    KEY,
    film_input,
    remote_settings,
    serve,
    start,
    visual_results,
)
from tests.providers.openai_fake import FakeOpenAI
from workflows.film import FilmWorkflow
from workflows.film_types import RegenerateShotInput, ShotStatus


def _scheduled_queues(history_json: str, activity: str) -> set[str]:
    events = json.loads(history_json)["events"]
    return {
        event["activityTaskScheduledEventAttributes"]["taskQueue"]["name"]
        for event in events
        if event.get("activityTaskScheduledEventAttributes", {}).get("activityType", {}).get("name")
        == activity
    }


async def test_a_film_through_comfyui_and_openai_speech(client: Client, tmp_path: Path) -> None:
    with FakeComfyUI() as comfy, FakeOpenAI(KEY) as openai:
        settings = remote_settings(
            client, tmp_path, comfy.url, openai.url,
            visual_provider="comfyui,animatic", voice_provider="openai-speech",
        )  # fmt: skip
        async with AsyncExitStack() as stack:
            await serve(stack, client, settings, settings.worker_queues())
            request = film_input(settings, style="35mm film, muted colours")
            handle = await start(client, settings, request)
            result = await handle.result()
            state = await handle.query(FilmWorkflow.state)
            history = (await handle.fetch_history()).to_json()
    shots = [shot for scene in state.scenes for shot in scene.shots]
    assert result.shots == len(shots) == 2
    planned = sum(shot.duration_s for shot in shots)
    assert probe(settings.artifact_root / result.video_key).duration_s == pytest.approx(
        planned, abs=0.1
    )
    workflow_id = f"film-{request.job_id}"
    submitted = dict(comfy.submits)
    assert len(comfy.submits) == len(submitted) == 4  # two character sheets, two shots
    assert state.references_by == "comfyui" and set(state.references) == {"MARA", "JONAH"}
    for shot in shots:
        assert shot.providers["generate_visual"] == "comfyui"
        assert "35mm film, muted colours" in shot.prompt
        # one submit per shot, under the id derived from workflow, shot and take ...
        prompt_id = prompt_id_for(f"{workflow_id}/{shot.shot_id}/1/comfyui")
        assert submitted[prompt_id]["4"]["inputs"]["value"] == shot.prompt
        # ... and the server loaded the reference of the character the shot shows
        [speaker] = {line.character for line in shot.dialogue}
        [loaded] = comfy.loaded[prompt_id]
        reference = settings.artifact_root / state.references[speaker]
        assert comfy.uploads[loaded] == reference.read_bytes()
    assert (
        comfy.uploads[comfy.loaded[prompt_id_for(f"{workflow_id}/01-01/1/comfyui")][0]]
        != (comfy.uploads[comfy.loaded[prompt_id_for(f"{workflow_id}/01-02/1/comfyui")][0]])
    )  # two characters, two references
    spoken = openai.calls_to("audio/speech")
    assert sorted(call["body"]["voice"] for call in spoken) == sorted(state.cast.values())
    assert state.cast["MARA"] != state.cast["JONAH"]
    queues = settings.provider_queues()
    assert _scheduled_queues(history, "generate_visual") == {queues["comfyui"]}
    assert _scheduled_queues(history, "synthesize_dialogue") == {queues["openai-speech"]}
    assert KEY not in history and KEY not in json.dumps(str(state))


async def test_failover_drill_first_provider_429_forever(client: Client, tmp_path: Path) -> None:
    with FakeComfyUI() as comfy, FakeOpenAI(KEY) as openai:
        comfy.rate_limited, comfy.retry_after = True, "2"
        settings = remote_settings(
            client, tmp_path, comfy.url, openai.url,
            visual_provider="comfyui,openai-images,animatic",
        )  # fmt: skip
        async with AsyncExitStack() as stack:
            await serve(stack, client, settings, settings.worker_queues())
            handle = await start(client, settings, film_input(settings))
            result = await handle.result()
            state = await handle.query(FilmWorkflow.state)
    shots = [shot for scene in state.scenes for shot in scene.shots]
    assert result.shots == 2 and comfy.submits == []
    for shot in shots:
        assert shot.status is ShotStatus.DONE
        assert shot.providers["generate_visual"] == "openai-images"
        assert shot.failovers == ["generate_visual: comfyui -> openai-images (RateLimited)"]
    assert len(openai.calls_to("images/generations")) == 2  # the two character sheets
    edits = openai.calls_to("images/edits")  # every shot with its speaker's reference
    assert len(edits) == 2 and all(len(call["references"]) == 1 for call in edits)
    assert state.references_by == "openai-images"
    # Each attempt's first call (GET /queue) waited the Retry-After of the one before:
    # the character sheets' three attempts, then each shot's three.
    firsts = sorted(t for t, method, path in comfy.seen if path == "/queue")
    assert len(firsts) == 9
    per_step = [firsts[0:3], firsts[3::2], firsts[4::2]]
    gaps = [b - a for times in per_step for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 1.9, gaps


async def test_a_cancel_reaches_comfyui(client: Client, tmp_path: Path) -> None:
    with FakeComfyUI() as comfy:
        comfy.job_seconds = 120
        settings = remote_settings(client, tmp_path, comfy.url, visual_provider="comfyui")
        async with AsyncExitStack() as stack:
            await serve(stack, client, settings, settings.worker_queues())
            request = film_input(settings, script=SCRIPT_ONE_SHOT)
            handle = await start(client, settings, request)

            async def submitted() -> bool:
                return bool(comfy.submits)

            await wait_for(submitted, timeout=60)
            await handle.cancel()
            with pytest.raises(WorkflowFailureError):
                await handle.result()
            # a cancel before publication ends the run cancelled, never failed (issue 9)
            described = await handle.describe()
            assert described.status == WorkflowExecutionStatus.CANCELED
            prompt_id = comfy.submits[0][0]

            async def stopped() -> bool:
                return prompt_id in comfy.interrupts and prompt_id in comfy.deletes

            await wait_for(stopped, timeout=30)
    assert len(comfy.submits) == 1


async def test_a_bad_key_never_shows(
    client: Client, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with FakeOpenAI("sk-the-right-one") as openai:
        settings = remote_settings(
            client, tmp_path, openai_url=openai.url, visual_provider="openai-images"
        )
        async with AsyncExitStack() as stack:
            await serve(stack, client, settings, settings.worker_queues())
            handle = await start(
                client,
                settings,
                film_input(settings, script=SCRIPT_ONE_SHOT, on_shot_failure="placeholder"),
            )
            await handle.result()
            state = await handle.query(FilmWorkflow.state)
            history = (await handle.fetch_history()).to_json()
    [shot] = [shot for scene in state.scenes for shot in scene.shots]
    assert shot.status is ShotStatus.PLACEHOLDER and shot.error is not None
    assert shot.error.error_type == "ProviderAuthFailed" and "HTTP 401" in shot.error.message
    assert shot.attempts["generate_visual"] == 1 or shot.error.retryable is False
    assert KEY not in history and KEY not in str(state)
    assert "Incorrect API key provided: ***" in shot.error.message
    assert "HTTP 401" in caplog.text and KEY not in caplog.text  # the activity's failure log


SCRIPT_ONE_SHOT = """SCENE 1: EXT. PIER - NIGHT
SHOT 1: Wide shot - 1.5s
The pier in the dark.
"""


async def test_a_voice_provider_that_fails_for_good_recasts_the_film(
    client: Client, tmp_path: Path
) -> None:
    with FakeOpenAI(KEY) as openai:
        openai.speech_budget = 1  # the first line is spoken, then 429 for ever
        settings = remote_settings(
            client, tmp_path, openai_url=openai.url, voice_provider="openai-speech,espeak-ng",
        )  # fmt: skip
        async with AsyncExitStack() as stack:
            await serve(stack, client, settings, settings.worker_queues())
            handle = await start(client, settings, film_input(settings, max_parallel_shots=1))
            result = await handle.result()
            state = await handle.query(FilmWorkflow.state)
    shots = [shot for scene in state.scenes for shot in scene.shots]
    assert result.shots == 2 and all(shot.status is ShotStatus.DONE for shot in shots)
    assert state.cast_provider == "espeak-ng"
    assert state.voice_failovers == [
        "synthesize_dialogue: openai-speech -> espeak-ng (RateLimited)"
    ]
    assert all(voice.startswith("en-us+") for voice in state.cast.values())  # espeak voices
    for shot in shots:  # every line, the one spoken on openai-speech too, on the new cast
        assert shot.providers["synthesize_dialogue"] == "espeak-ng"
    assert any("spoken again on espeak-ng" in entry for shot in shots for entry in shot.failovers)
    assert len([c for c in openai.calls_to("audio/speech")]) == 1


async def test_a_comfyui_clip_is_the_shots_picture_track(client: Client, tmp_path: Path) -> None:
    clip_workflow = Path(__file__).with_name("weightless-clip-workflow.json")
    with FakeComfyUI() as comfy:
        comfy.clip_frames = 20  # 2.5 s at 8 fps for a 1.5 s shot at 24 fps
        settings = remote_settings(
            client, tmp_path, comfy.url, visual_provider="comfyui", comfyui_workflow=clip_workflow,
            comfyui_price_per_clip_second=2.0,
        )  # fmt: skip
        async with AsyncExitStack() as stack:
            await serve(stack, client, settings, settings.worker_queues())
            handle = await start(client, settings, film_input(settings, script=SCRIPT_ONE_SHOT))
            result = await handle.result()
            state = await handle.query(FilmWorkflow.state)
            history = (await handle.fetch_history()).to_json()
    [shot] = [shot for scene in state.scenes for shot in scene.shots]
    assert shot.assets["clip"].endswith("provider-clip.mp4")
    clip = probe(settings.artifact_root / shot.assets["clip"])
    assert (clip.width, clip.height, clip.video_codec) == (320, 180, "h264")
    assert clip.video_frames == 36 and clip.duration_s == pytest.approx(1.5, abs=0.01)
    assert probe(settings.artifact_root / result.video_key).duration_s == pytest.approx(
        1.5, abs=0.05
    )
    assert _scheduled_queues(history, "render_shot") == set()  # no camera move over a still
    [picture] = visual_results(history)
    assert picture["credits"] == 3.0  # 1.5 s of clip at 2.0 credits a second


async def test_a_regenerated_take_amends_the_prompt_and_is_a_new_prompt(
    client: Client, tmp_path: Path
) -> None:
    with FakeComfyUI() as comfy:
        settings = remote_settings(client, tmp_path, comfy.url, visual_provider="comfyui")
        async with AsyncExitStack() as stack:
            await serve(stack, client, settings, settings.worker_queues())
            request = film_input(settings, script=SCRIPT_ONE_SHOT, revision_window_s=120)
            handle = await start(client, settings, request)

            async def revisable() -> bool:
                return (await handle.query(FilmWorkflow.progress)).revisable

            await wait_for(revisable, timeout=60)
            notes = "warmer light, a lantern on the pier"
            await handle.execute_update(
                FilmWorkflow.regenerate_shot, RegenerateShotInput("01-01", notes)
            )

            async def second_revision() -> bool:
                return (await handle.query(FilmWorkflow.progress)).revision == 2

            await wait_for(second_revision, timeout=60)
            await handle.signal(FilmWorkflow.finish)
            await handle.result()
            state = await handle.query(FilmWorkflow.state)
    [shot] = [shot for scene in state.scenes for shot in scene.shots]
    assert shot.take == 2 and shot.prompt.endswith(f"Direction: {notes}.")
    workflow_id = f"film-{request.job_id}"
    assert [pid for pid, _ in comfy.submits] == [
        prompt_id_for(f"{workflow_id}/01-01/1/comfyui"),
        prompt_id_for(f"{workflow_id}/01-01/2/comfyui"),
    ]  # each take is its own prompt, submitted once
    assert comfy.submits[1][1]["4"]["inputs"]["value"] == shot.prompt
