"""Render a shot's art through the real ffmpeg and measure what the frames show."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
from PIL import Image

from media.camera import CameraPlan
from media.ffmpeg import run_ffmpeg
from media.picture import EffectSource, LayerSource
from media.profile import RenderProfile
from media.shot import ShotRenderPlan, shot_argv
from providers.base import FrameArt
from screenplay.model import CameraMove

SMALL = RenderProfile(width=320, height=180)


def render(
    art: FrameArt,
    camera: CameraPlan,
    out: Path,
    duration_s: float = 2.0,
    profile: RenderProfile = SMALL,
    overlay: bool = False,
) -> Path:
    effects = []
    for effect in art.effects:
        with Image.open(effect.path) as texture:
            width, height = texture.size
        effects.append(
            EffectSource(
                effect.path,
                width,
                height,
                effect.dx_per_s,
                effect.dy_per_s,
                effect.flicker,
                effect.opacity,
            )
        )
    plan = ShotRenderPlan(
        background=art.background,
        overlay=art.overlay if overlay else None,
        camera_move=CameraMove.STATIC,
        duration_s=duration_s,
        clip_out=out,
        profile=profile,
        layers=tuple(LayerSource(layer.path, layer.depth, layer.role) for layer in art.layers),
        effects=tuple(effects),
        camera=camera,
    )
    run_ffmpeg(shot_argv(plan))
    return out


def frames(path: Path, profile: RenderProfile = SMALL, gray: bool = True) -> np.ndarray:
    """Every decoded frame as float32: (n, h, w) in gray, (n, h, w, 3) in RGB."""
    pix = "gray" if gray else "rgb24"
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "rawvideo", "-pix_fmt", pix, "-"],
        capture_output=True,
        check=True,
    ).stdout
    shape = (-1, profile.height, profile.width) + (() if gray else (3,))
    return np.frombuffer(raw, np.uint8).reshape(shape).astype(np.float32)


def shift(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """How far the picture in b moved from a, (dx, dy) in pixels (phase correlation)."""
    window = np.hanning(a.shape[0])[:, None] * np.hanning(a.shape[1])[None, :]
    fa = np.fft.fft2((a - a.mean()) * window)
    fb = np.fft.fft2((b - b.mean()) * window)
    cross = fb * np.conj(fa)
    surface = np.fft.ifft2(cross / (np.abs(cross) + 1e-9)).real
    py, px = np.unravel_index(int(np.argmax(surface)), surface.shape)

    def refine(line: np.ndarray, peak: int) -> float:
        left, mid, right = line[(peak - 1) % line.size], line[peak], line[(peak + 1) % line.size]
        bend = left - 2 * mid + right
        return float(peak + (0.5 * (left - right) / bend if bend else 0.0))

    dx, dy = refine(surface[py, :], int(px)), refine(surface[:, px], int(py))
    width, height = a.shape[1], a.shape[0]
    return (dx - width if dx > width / 2 else dx), (dy - height if dy > height / 2 else dy)


def sharpness(region: np.ndarray) -> float:
    """Mean squared Laplacian: high where edges are crisp, low where blurred."""
    lap = (
        -4 * region[1:-1, 1:-1]
        + region[:-2, 1:-1]
        + region[2:, 1:-1]
        + region[1:-1, :-2]
        + region[1:-1, 2:]
    )
    return float(np.mean(lap**2))
