"""Layered clips on the real ffmpeg: exact frames and one encoding for every move, and
animated effects (a texture made here) that move, wrap and flicker frame to frame."""

from __future__ import annotations

import itertools
import json
import subprocess
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from media.camera import CameraPlan
from providers.base import ArtEffect, FrameArt
from screenplay.model import Move
from tests.media.picture_checks import SKY_BAND, draw, frames, measuring_world, render, shift

STREAM_FIELDS = "codec_name,profile,pix_fmt,width,height,r_frame_rate,time_base,level"


@pytest.fixture(scope="module")
def layered(tmp_path_factory: pytest.TempPathFactory) -> FrameArt:
    out = tmp_path_factory.mktemp("layered")
    return draw(out, measuring_world(marks=True, railing=True))


def _stream(path: Path) -> dict[str, object]:
    done = subprocess.run(
        ["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
         f"stream={STREAM_FIELDS},nb_read_frames", "-of", "json", str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    stream: dict[str, object] = json.loads(done.stdout)["streams"][0]
    return stream


def test_every_move_renders_exact_frames_with_one_encoding(
    tmp_path: Path, layered: FrameArt
) -> None:
    art = replace(layered, effects=[_rain(tmp_path, opacity=0.8)])
    encodings = set()
    for move in Move:
        clip = render(art, CameraPlan(move, seed=3), tmp_path / f"{move}.mp4", 0.5, overlay=True)
        stream = _stream(clip)
        assert stream.pop("nb_read_frames") == "12", move
        encodings.add(json.dumps(stream, sort_keys=True))
    assert len(encodings) == 1, encodings  # the film joins them by stream copy


def _rain(tmp: Path, opacity: float = 1.0, flicker: float = 0.0, dx: float = 0.0) -> ArtEffect:
    """A 40x30 tile of short white streaks, seamless (nothing crosses its edges)."""
    tile = Image.new("RGBA", (40, 30), (0, 0, 0, 0))
    pen = ImageDraw.Draw(tile)
    for x, y in ((5, 3), (22, 12), (31, 20), (12, 22)):
        pen.line((x, y, x + 1, y + 5), fill=(255, 255, 255, 255), width=2)
    path = tmp / f"rain-{opacity}-{flicker}-{dx}.png"
    tile.save(path)
    return ArtEffect(path, "rain", dx_per_s=dx, dy_per_s=1.0, flicker=flicker, opacity=opacity)


def _with_effect(tmp: Path, effect: ArtEffect) -> np.ndarray:
    art = draw(tmp / "flat", measuring_world(marks=False))
    art = replace(art, effects=[effect])
    return frames(render(art, CameraPlan(), tmp / f"{effect.path.stem}.mp4", 1.0))


def test_effect_scrolls_frame_to_frame_and_wraps(tmp_path: Path) -> None:
    video = _with_effect(tmp_path, _rain(tmp_path, dx=-0.25))
    steps = np.array([shift(a[SKY_BAND], b[SKY_BAND]) for a, b in itertools.pairwise(video)])
    # one frame height (180 px) per second down, a quarter width (80 px) per second left
    assert np.allclose(steps[:, 1], 180 / 24, atol=1.0), steps[:, 1]
    assert np.allclose(steps[:, 0], -80 / 24, atol=1.0), steps[:, 0]
    sky = [float(frame[SKY_BAND].std()) for frame in video]
    assert min(sky) > 0.8 * max(sky)  # wrapped round: the streaks never run out


def test_effect_opacity_and_flicker(tmp_path: Path) -> None:
    def streak_light(video: np.ndarray) -> np.ndarray:
        band = video[:, SKY_BAND]
        return band.max(axis=(1, 2)) - np.median(band, axis=(1, 2))

    full = streak_light(_with_effect(tmp_path, _rain(tmp_path)))
    half = streak_light(_with_effect(tmp_path, _rain(tmp_path, opacity=0.5)))
    assert 0.35 < float(half.mean() / full.mean()) < 0.65
    assert float(full.std()) < 0.02 * float(full.mean())  # steady without flicker
    flickering = streak_light(_with_effect(tmp_path, _rain(tmp_path, flicker=0.8)))
    assert float(flickering.std()) > 0.1 * float(flickering.mean())
    assert len({round(float(v)) for v in flickering}) > 5  # not a blink between two values
