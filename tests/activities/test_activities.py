"""Activities in Temporal's ActivityEnvironment, on real ffmpeg and real files."""

from __future__ import annotations

import asyncio
import os
import subprocess
import wave
from pathlib import Path

import pytest
from temporalio.exceptions import ApplicationError, CancelledError
from temporalio.testing import ActivityEnvironment

from activities.contracts import (
    GenerateVisualInput,
    LineRequest,
    PlanFilmInput,
    RenderShotInput,
    SynthesizeDialogueInput,
)
from activities.media_work import MediaActivities
from activities.model_work import ModelActivities
from activities.planning import PlanningActivities
from core.breakdown import BreakdownOptions
from media.dialogue_timing import LEAD_IN_S
from media.profile import RenderProfile
from providers.base import SceneContext
from providers.moderation import DenyListModerator
from providers.registry import music_provider, visual_provider, voice_provider
from screenplay.model import CameraMove, Move, MoveDirection, Shot, ShotType
from storage.artifacts import ArtifactStore, job_key


def _planner() -> PlanningActivities:
    return PlanningActivities(voice_provider("espeak-ng"), DenyListModerator(["snuff film"]))


def test_plan_film_refuses_a_bad_script_for_good() -> None:
    with pytest.raises(ApplicationError) as raised:
        ActivityEnvironment().run(
            _planner().plan_film,
            PlanFilmInput("job1", "SCENE 1: INT. A - DAY\nSHOT 1: Wide - 99s\nA.\n"),
        )
    error = raised.value
    assert error.type == "InvalidScript" and error.non_retryable
    assert error.details[0]["line"] == 2 and "line 2" in error.message


def test_plan_film_plans() -> None:
    script = "SCENE 1: INT. A - DAY\nSHOT 1: Wide - 3s\nA.\nANA: Hi.\n"
    planned = ActivityEnvironment().run(_planner().plan_film, PlanFilmInput("job1", script, "T"))
    assert planned.plan.title == "T" and [s.shot_id for s in planned.plan.shots] == ["01-01"]
    assert list(planned.cast) == ["ANA"] and planned.cast["ANA"].startswith("en-us+")


def test_plan_film_refuses_content_before_any_spend() -> None:
    script = "SCENE 1: INT. A - DAY\nSHOT 1: Wide - 3s\nThey watch a SNUFF  film.\n"
    with pytest.raises(ApplicationError) as raised:
        ActivityEnvironment().run(_planner().plan_film, PlanFilmInput("job1", script))
    error = raised.value
    assert error.type == "ContentRefused" and error.non_retryable
    assert (error.details[0]["line"], error.details[0]["column"]) == (3, 14)


def test_plan_film_rejects_an_unknown_voice_override() -> None:
    script = "SCENE 1: INT. A - DAY\nSHOT 1: Wide - 3s\nANA: Hi.\n"
    options = BreakdownOptions(cast={"ana": "en-us+zz9 p=50 s=160"})
    with pytest.raises(ApplicationError) as raised:
        ActivityEnvironment().run(_planner().plan_film, PlanFilmInput("j", script, None, options))
    assert raised.value.type == "InvalidInput" and "options.cast.ana" in raised.value.message


def test_plan_film_casts_on_the_provider_the_film_names() -> None:
    script = "SCENE 1: INT. A - DAY\nSHOT 1: Wide - 3s\nANA: Hi.\n"
    planner = PlanningActivities(
        voice_provider("openai-speech"), DenyListModerator([]), [voice_provider("espeak-ng")]
    )
    cast_there = PlanFilmInput("j", script, None, voice_provider="espeak-ng")
    planned = ActivityEnvironment().run(planner.plan_film, cast_there)
    assert planned.cast["ANA"] == voice_provider("espeak-ng").cast(["ANA"])["ANA"]
    on_first = ActivityEnvironment().run(planner.plan_film, PlanFilmInput("j", script))
    assert on_first.cast["ANA"] == voice_provider("openai-speech").cast(["ANA"])["ANA"]
    with pytest.raises(ApplicationError) as raised:
        unknown = PlanFilmInput("j", script, None, voice_provider="nobody")
        ActivityEnvironment().run(planner.plan_film, unknown)
    assert raised.value.type == "InvalidInput" and raised.value.non_retryable
    assert "no voice provider 'nobody'" in raised.value.message


def _background(store: ArtifactStore, job_id: str, size: str) -> str:
    key = job_key(job_id, "shots", "01-01", "background.png")
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=s={size}",
         "-frames:v", "1", str(store.ensure_parent(key))],
        check=True,
    )  # fmt: skip
    return key


def _render_input(job_id: str, key: str, seconds: float, profile: RenderProfile) -> RenderShotInput:
    return RenderShotInput(job_id, "01-01", CameraMove.ZOOM_IN, seconds, key, None, profile)


def test_render_shot_heartbeats_and_is_not_repeated(tmp_path: Path) -> None:
    store = ArtifactStore(tmp_path)
    profile = RenderProfile(width=640, height=360)
    request = _render_input("job2", _background(store, "job2", "960x540"), 3.0, profile)
    media = MediaActivities(store, "http://films")
    env = ActivityEnvironment()
    beats: list[float] = []
    env.on_heartbeat = lambda *details: beats.append(details[0])
    first = env.run(media.render_shot, request)
    assert first.frames == 72 and not first.reused
    assert beats and all(0 <= beat <= 1 for beat in beats)
    clip = store.path(first.clip_key)
    written = clip.stat().st_mtime_ns
    again = ActivityEnvironment().run(media.render_shot, request)
    assert again.reused and again.clip_key == first.clip_key
    assert clip.stat().st_mtime_ns == written  # a finished shot is never rendered twice
    assert not [p for p in clip.parent.iterdir() if ".partial" in p.name]


def _ffmpeg_children() -> list[int]:
    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            name = (entry / "comm").read_text().strip()
        except OSError:
            continue
        if int(fields[1]) == me and name == "ffmpeg":
            found.append(int(entry.name))
    return found


async def test_cancelled_render_kills_ffmpeg_and_leaves_no_partial_file(tmp_path: Path) -> None:
    store = ArtifactStore(tmp_path)
    profile = RenderProfile(width=1280, height=720)
    request = _render_input("job3", _background(store, "job3", "1920x1080"), 60.0, profile)
    media = MediaActivities(store, "http://films")
    env = ActivityEnvironment()
    started = asyncio.Event()
    loop = asyncio.get_running_loop()
    env.on_heartbeat = lambda *details: details[0] > 0 and loop.call_soon_threadsafe(started.set)
    running = loop.run_in_executor(None, env.run, media.render_shot, request)
    await asyncio.wait_for(started.wait(), timeout=30)
    assert _ffmpeg_children(), "ffmpeg should be running"
    env.cancel()
    with pytest.raises(CancelledError):
        await asyncio.wait_for(running, timeout=30)
    assert _ffmpeg_children() == []
    shot_dir = store.path(job_key("job3", "shots", "01-01", "x")).parent
    left = sorted(str(p.relative_to(shot_dir)) for p in shot_dir.rglob("*") if p.is_file())
    assert left == ["background.png"]


def test_dialogue_is_spoken_placed_and_mixed_sample_exact(tmp_path: Path) -> None:
    store = ArtifactStore(tmp_path)
    voices = voice_provider("espeak-ng")
    models = ModelActivities(
        store, visual_provider("animatic"), voices, music_provider("synth-score")
    )
    cast = voices.cast(["ANA", "BEN"])
    lines = [
        LineRequest("ANA", "Good morning!", cast["ANA"]),
        LineRequest("BEN", "Is it?", cast["BEN"]),
    ]
    request = SynthesizeDialogueInput("job4", "01-02", 6.0, RenderProfile(640, 360), lines)
    result = ActivityEnvironment().run(models.synthesize_dialogue, request)
    first, second = result.lines
    assert first.start_s == LEAD_IN_S
    assert second.start_s > first.start_s + first.duration_s  # in order, never overlapping
    assert first.voice != second.voice
    with wave.open(str(store.path(result.stem_key))) as stem:
        assert stem.getnframes() == 6 * 48_000 and stem.getnchannels() == 2
    assert all(store.exists(line.audio_key) for line in result.lines)


def test_a_failing_tool_is_named_and_retryable(tmp_path: Path) -> None:
    store = ArtifactStore(tmp_path)
    key = _background(store, "job5", "960x540")
    store.path(key).write_bytes(b"not a picture")
    media = MediaActivities(store, "http://films")
    request = _render_input("job5", key, 1.0, RenderProfile(width=640, height=360))
    with pytest.raises(ApplicationError) as raised:
        ActivityEnvironment().run(media.render_shot, request)
    error = raised.value
    assert error.type == "FfmpegError" and not error.non_retryable
    assert error.details[0] == {"provider": "ffmpeg"}
    assert "exited with" in error.message


def test_bad_input_to_a_provider_is_not_retried(tmp_path: Path) -> None:
    store = ArtifactStore(tmp_path)
    models = ModelActivities(
        store,
        visual_provider("animatic"),
        voice_provider("espeak-ng"),
        music_provider("synth-score"),
    )
    request = SynthesizeDialogueInput(
        "job6", "01-01", 3.0, RenderProfile(640, 360), [LineRequest("ANA", "   ")]
    )
    with pytest.raises(ApplicationError) as raised:
        ActivityEnvironment().run(models.synthesize_dialogue, request)
    assert raised.value.type == "ValueError" and raised.value.non_retryable
    assert raised.value.details[0] == {"provider": "espeak-ng"}


def test_layered_picture_travels_from_provider_to_clip(tmp_path: Path) -> None:
    """generate_visual stores every depth layer; render_shot moves them apart (a truck)."""
    store = ArtifactStore(tmp_path)
    models = ModelActivities(
        store,
        visual_provider("animatic"),
        voice_provider("espeak-ng"),
        music_provider("synth-score"),
    )
    profile = RenderProfile(width=320, height=180)
    scene = SceneContext(1, "EXT. PIER - DUSK", "EXT", "PIER", "DUSK", ["ANA", "BO"])
    shot = Shot(
        "01-01", 1, ShotType.TWO_SHOT, CameraMove.STATIC, 1.0, "They wait.",
        move=Move.TRUCK, direction=MoveDirection.LEFT, present=["ANA", "BO"],
    )  # fmt: skip
    art = ActivityEnvironment().run(
        models.generate_visual, GenerateVisualInput("job7", "T", scene, shot, profile)
    )
    assert [(layer.role, layer.depth) for layer in art.layers] == [("far", 0.0), ("figures", 0.6)]
    assert all(store.exists(layer.key) for layer in art.layers)
    request = RenderShotInput(
        "job7", "01-01", shot.camera_move, shot.duration_s, art.background_key, art.overlay_key,
        profile, layers=art.layers, effects=art.effects, move=shot.move,
        direction=shot.direction, speed=shot.speed,
    )  # fmt: skip
    rendered = ActivityEnvironment().run(
        MediaActivities(store, "http://films").render_shot, request
    )
    assert rendered.frames == 24
    counted = subprocess.run(
        ["ffprobe", "-v", "error", "-count_frames", "-show_entries", "stream=nb_read_frames",
         "-of", "csv=p=0", str(store.path(rendered.clip_key))],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert counted.stdout.strip() == "24"
