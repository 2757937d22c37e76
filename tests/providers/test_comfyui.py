"""The ComfyUI adapter against a local server that follows ComfyUI's server.py routes
(tests/providers/comfy_fake.py names the pinned commit): success, a retry that finds its
prompt instead of submitting again, 429 with Retry-After, 5xx then success, a slow job,
bad output, node_errors, and a cancel that reaches the server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image

from media.ffmpeg import probe
from providers.comfyui.provider import ComfyConfig, ComfyUIVisualProvider, prompt_id_for
from providers.errors import (
    NodeError,
    OutputUnusable,
    ProviderCancelled,
    ProviderUnavailable,
    RateLimited,
)
from tests.providers.comfy_fake import FakeComfyUI
from tests.providers.frames import CLIP_WORKFLOW, PROFILE, WORKFLOW, frame_request


@pytest.fixture
def comfy() -> Iterator[FakeComfyUI]:
    with FakeComfyUI() as server:
        yield server


def provider(comfy: FakeComfyUI, workflow: Path = WORKFLOW) -> ComfyUIVisualProvider:
    return ComfyUIVisualProvider(ComfyConfig(comfy.url, workflow, 1.0, poll_interval_s=0.05))


def reference(tmp_path: Path) -> Path:
    path = tmp_path / "mara.png"
    Image.new("RGB", (64, 96), (200, 40, 40)).save(path)
    return path


def test_a_still_is_drawn_from_the_filled_workflow(comfy: FakeComfyUI, tmp_path: Path) -> None:
    request = frame_request(references={"MARA": reference(tmp_path)})
    art = provider(comfy).render_frame(request, tmp_path)
    with Image.open(art.background) as picture:
        assert picture.size == PROFILE.art_size and picture.mode == "RGB"
        # the reference (200, 40, 40) blended half and half with the seed's colour (0, 4, 210)
        assert picture.getpixel((10, 10)) == pytest.approx((100, 22, 125), abs=1)
    [(prompt_id, graph)] = comfy.submits
    assert prompt_id == prompt_id_for("film-1/01-01/1/comfyui")
    assert graph["4"]["inputs"]["value"].startswith("Film still, medium shot, low angle")
    assert "35mm film" in graph["4"]["inputs"]["value"]
    assert graph["7"]["inputs"]["color"] == 1234  # a whole placeholder keeps its type
    assert (graph["2"]["inputs"]["width"], graph["2"]["inputs"]["height"]) == (480, 272)
    assert comfy.loaded[prompt_id] == [graph["1"]["inputs"]["image"]]
    assert comfy.uploads[graph["1"]["inputs"]["image"]] == (tmp_path / "mara.png").read_bytes()


def test_a_core_savevideo_clip_is_a_clip_not_a_still(comfy: FakeComfyUI, tmp_path: Path) -> None:
    """Core ComfyUI's SaveVideo reports its mp4 under "images" with "animated": [true]."""
    request = frame_request(references={"MARA": reference(tmp_path)})
    art = provider(comfy, CLIP_WORKFLOW).render_frame(request, tmp_path)
    assert art.clip is not None and art.clip.suffix == ".mp4"
    info = probe(art.clip)
    assert info.video_frames == PROFILE.frames_for(request.shot.duration_s) == 36
    with Image.open(art.background) as first:  # the clip's first frame, fitted to the art
        assert first.size == PROFILE.art_size
        assert first.getpixel((10, 10)) == pytest.approx((200, 40, 40), abs=12)
    [(_, graph)] = comfy.submits
    assert graph["6"]["inputs"]["amount"] == 36 and graph["5"]["inputs"]["fps"] == 24


def test_a_prompt_interrupted_on_the_server_says_so(comfy: FakeComfyUI, tmp_path: Path) -> None:
    comfy.job_seconds = 30
    beats: list[int] = []

    def someone_stops_it_on_the_comfyui_box() -> None:
        beats.append(1)
        if len(beats) == 3:
            httpx.post(f"{comfy.url}/interrupt", json={})

    with pytest.raises(NodeError, match=r"interrupted on the server at node 3 \(SaveImage\)"):
        provider(comfy).render_frame(
            frame_request(progress=someone_stops_it_on_the_comfyui_box), tmp_path
        )


def test_a_retry_finds_its_prompt_and_submits_nothing(comfy: FakeComfyUI, tmp_path: Path) -> None:
    comfy.job_seconds = 0.3
    first = provider(comfy).render_frame(frame_request(), tmp_path)
    again = provider(comfy).render_frame(frame_request(), tmp_path)
    assert first.background.exists() and again.background.exists()
    assert len(comfy.submits) == 1


def test_429_is_rate_limited_with_its_retry_after(comfy: FakeComfyUI, tmp_path: Path) -> None:
    comfy.rate_limited, comfy.retry_after = True, "7"
    with pytest.raises(RateLimited) as raised:
        provider(comfy).render_frame(frame_request(), tmp_path)
    assert raised.value.retry_after_s == 7.0
    assert comfy.submits == []


def test_5xx_then_success_submits_once(comfy: FakeComfyUI, tmp_path: Path) -> None:
    comfy.fail_5xx = 1
    with pytest.raises(ProviderUnavailable, match="HTTP 503"):
        provider(comfy).render_frame(frame_request(), tmp_path)
    art = provider(comfy).render_frame(frame_request(), tmp_path)
    assert art.background.exists() and len(comfy.submits) == 1


def test_a_slow_job_is_followed_with_heartbeats(comfy: FakeComfyUI, tmp_path: Path) -> None:
    comfy.job_seconds = 1.0
    beats: list[int] = []
    request = frame_request(progress=lambda: beats.append(1))
    assert provider(comfy).render_frame(request, tmp_path).background.exists()
    assert len(beats) >= 5  # polled every 0.05 s while the job ran


@pytest.mark.parametrize("bad", ["not_png", "wrong_size"])
def test_bad_output_is_unusable(comfy: FakeComfyUI, tmp_path: Path, bad: str) -> None:
    comfy.bad_output = bad
    with pytest.raises(OutputUnusable, match="not an image" if bad == "not_png" else "64x64"):
        provider(comfy).render_frame(frame_request(), tmp_path)


def test_node_errors_name_the_node(comfy: FakeComfyUI, tmp_path: Path) -> None:
    graph = json.loads(WORKFLOW.read_text())
    del graph["2"]["inputs"]["crop"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(graph))
    with pytest.raises(NodeError, match=r"node 2 \(ImageScale\): Required input is missing: crop"):
        provider(comfy, broken).render_frame(frame_request(), tmp_path)
    assert comfy.submits == []


def test_a_cancel_deletes_and_interrupts_the_prompt(comfy: FakeComfyUI, tmp_path: Path) -> None:
    comfy.job_seconds = 30
    beats: list[int] = []

    def cancel_on_third_beat() -> None:
        beats.append(1)
        if len(beats) == 3:
            raise ProviderCancelled("cancelled")

    with pytest.raises(ProviderCancelled):
        provider(comfy).render_frame(frame_request(progress=cancel_on_third_beat), tmp_path)
    prompt_id = prompt_id_for("film-1/01-01/1/comfyui")
    assert comfy.deletes == [prompt_id] and comfy.interrupts == [prompt_id]
