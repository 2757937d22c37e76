"""Render a shot's art through the real ffmpeg and measure what the frames show."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from media.camera import CameraPlan
from media.ffmpeg import run_ffmpeg
from media.picture import EffectSource, LayerSource
from media.profile import RenderProfile
from media.shot import ShotRenderPlan, shot_argv
from providers.animatic.framing import WorldPainter
from providers.animatic.palette import Palette
from providers.animatic.provider import AnimaticProvider
from providers.animatic.world import WorldLayers, WorldView
from providers.base import FrameArt, FrameRequest, SceneContext
from screenplay.model import CameraAngle, CameraMove, DialogueLine, Shot, ShotType

SMALL = RenderProfile(width=320, height=180)
SKY_BAND = slice(4, 50)  # rows of a SMALL frame with the far plane only (figures stand lower)
NEAR_BAND = slice(150, 178)  # rows of the measuring world's railing, on the near plane


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


# --- a world painter drawn for measuring ------------------------------------------------
# It follows providers.animatic.world's contract (the horizon where WorldView asks, layers
# of the size asked for) with flat colours, so a measure sees only what the camera did.

SKY = (90, 150, 230)
GROUND = (70, 130, 60)


def measuring_world(marks: bool = True, railing: bool = False) -> WorldPainter:
    """Flat sky over flat ground split at the requested horizon; `marks` scatters seeded
    specks over the far plane (so motion shows), `railing` fills the bottom third of the
    foreground plane with bars (a near layer to compare with the far one)."""

    def paint(
        scene: SceneContext,
        palette: Palette,
        seed: int,
        size: tuple[int, int],
        view: WorldView,
        atmosphere: list[str] | None = None,
    ) -> WorldLayers:
        width, height = size
        far = Image.new("RGB", size, SKY)
        pen = ImageDraw.Draw(far)
        horizon = -1.0 if view.overhead else view.horizon
        pen.rectangle((0, round(min(max(horizon, 0.0), 1.0) * height), width, height), fill=GROUND)
        rng = random.Random(7)
        if marks:
            speck = max(2, width // 90)
            for _ in range(900):
                x, y = rng.uniform(0, width), rng.uniform(0, height)
                tone = rng.randrange(20, 250)
                pen.rectangle((x, y, x + speck, y + speck), fill=(tone, tone, tone))
        near = Image.new("RGBA", size, (0, 0, 0, 0))
        if railing:  # blocks of every width and height: they show motion either way
            blocks = ImageDraw.Draw(near)
            top = height * 0.7
            while top < height:
                row = rng.uniform(0.02, 0.05) * height
                x = 0.0
                while x < width:
                    block = rng.uniform(0.01, 0.04) * width
                    tone = rng.randrange(0, 256)
                    fill = (tone, 40, 255 - tone, 255)
                    blocks.rectangle((x, top, x + block, top + row), fill=fill)
                    x += block
                top += row
        setting = Image.new("RGBA", size, (0, 0, 0, 0))
        return WorldLayers(far, setting, near)

    return paint


def horizon_rows(frame_rgb: np.ndarray, columns: slice) -> np.ndarray:
    """Per column in `columns`, the first row (fraction of the height) nearer the ground's
    colour than the sky's; 1.0 where the column is all sky, 0.0 where it is all ground."""
    part = frame_rgb[:, columns, :]
    to_sky = np.linalg.norm(part - np.array(SKY, np.float32), axis=2)
    to_ground = np.linalg.norm(part - np.array(GROUND, np.float32), axis=2)
    ground = to_ground < to_sky
    height = part.shape[0]
    first = np.where(ground.any(axis=0), ground.argmax(axis=0), height)
    return first.astype(np.float32) / height


def figure_count(frame_rgb: np.ndarray, rows: slice) -> int:
    """Figures across the picture: runs of columns holding colours neither sky nor ground."""
    part = frame_rgb[rows]
    to_sky = np.linalg.norm(part - np.array(SKY, np.float32), axis=2)
    to_ground = np.linalg.norm(part - np.array(GROUND, np.float32), axis=2)
    busy = (np.minimum(to_sky, to_ground) > 40).sum(axis=0) >= 3
    runs, inside = 0, False
    for column in busy:
        if column and not inside:
            runs += 1
        inside = bool(column)
    return runs


def draw(
    out: Path,
    painter: WorldPainter,
    shot_type: ShotType = ShotType.WIDE,
    angle: CameraAngle = CameraAngle.EYE_LEVEL,
    present: tuple[str, ...] = ("MAYA", "JONAS"),
    heard: tuple[str, ...] = (),
) -> FrameArt:
    out.mkdir(parents=True, exist_ok=True)
    shot = Shot(
        "01-01", 1, shot_type, CameraMove.STATIC, 2.0, "They wait.",
        [DialogueLine("MAYA", "Here.", 3)], angle=angle, present=list(present),
        heard=list(heard),
    )  # fmt: skip
    scene = SceneContext(1, "EXT. FIELD - DAY", "EXT", "FIELD", "DAY", list(present))
    return AnimaticProvider(painter).render_frame(FrameRequest("T", scene, shot, SMALL), out)
