"""Weather and light that move: textures for the compositor to animate (rain, snow, fog,
fire, lightning, leaves and dust on the wind, smoke, candlelight). Each effect is a
seamless RGBA tile and how it travels; see providers.base.ArtEffect.

Tiles are drawn on a torus: every streak, flake and ember is drawn again one tile away in
each direction, so a tile's right edge runs on into its left and its foot into its head.
Speeds are in output-frame widths and heights per second; rain streaks lean as they fall.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from providers.animatic.atmosphere import atmospheres
from providers.animatic.palette import Palette, is_interior
from providers.base import SceneContext
from screenplay.model import Shot

RAIN_FALL = 1.6  # frame heights per second: a drop crosses the picture in about 0.6 s
RAIN_DRIFT = 0.12
STORM_DRIFT = 0.3
SNOW_FALL = (0.06, 0.13)  # far and near flakes
FOG_DRIFT = 0.02
EMBER_RISE = -0.3
STORM_FLASH = 0.1  # a storm's distant flashes
LIGHTNING_FLASH = 0.35  # lightning the script names: the whole frame blinks white
WIND_BLOW = (0.45, 0.04)  # leaves and dust cross the picture in about two seconds
SMOKE_DRIFT = (0.015, -0.025)  # smoke drifts aside and rises
CANDLE_FLICKER = 0.35
OUTSIDE_ONLY = frozenset({"rain", "snow", "wind"})  # indoors they show on the panes only


@dataclass(frozen=True)
class EffectTexture:
    image: Image.Image  # RGBA, tiles seamlessly
    kind: str
    dx_per_s: float = 0.0
    dy_per_s: float = 0.0
    flicker: float = 0.0
    opacity: float = 1.0


def effects_for(
    scene: SceneContext, shot: Shot, palette: Palette, size: tuple[int, int], seed: int
) -> list[EffectTexture]:
    """The moving weather of this shot (from the scene's and the shot's atmosphere).

    Indoors nothing falls or blows across the room: rain, snow and wind stay outside, on
    the panes the still picture draws them on (atmosphere.py); lightning still lights the
    room, and fire, smoke, fog and candlelight move where they are."""
    kinds = atmospheres([*scene.atmosphere, *shot.atmosphere])
    if is_interior(scene.int_ext):
        kinds = [kind for kind in kinds if kind not in OUTSIDE_ONLY]
    rng = random.Random(seed)
    effects: list[EffectTexture] = []
    if "rain" in kinds:
        drift = STORM_DRIFT if "storm" in kinds else RAIN_DRIFT
        heavy = "storm" in kinds
        effects.append(rain_texture(size, rng, RAIN_FALL, drift, heavy))
    if "storm" in kinds or "lightning" in kinds:
        flash = Image.new("RGBA", (64, 64), (236, 240, 255, 255))
        strength = LIGHTNING_FLASH if "lightning" in kinds else STORM_FLASH
        effects.append(EffectTexture(flash, "lightning", flicker=1.0, opacity=strength))
    if "snow" in kinds:
        for near, fall in enumerate(SNOW_FALL):
            effects.append(snow_texture(size, rng, fall, near == 1))
    if "fog" in kinds:
        effects.append(fog_texture(size, rng))
    if "fire" in kinds:
        effects.extend(fire_textures(size, rng))
    if "wind" in kinds:
        effects.append(wind_texture(size, rng))
    if "smoke" in kinds:
        effects.append(smoke_texture(size, rng))
    if "candlelight" in kinds:
        glow = Image.new("RGBA", (64, 64), (255, 170, 80, 40))
        effects.append(EffectTexture(glow, "candlelight", flicker=CANDLE_FLICKER))
    return effects


def _tile_size(size: tuple[int, int], share: float) -> tuple[int, int]:
    return max(16, round(size[0] * share)), max(16, round(size[1] * share))


def _wrapped(tile: tuple[int, int]) -> list[tuple[int, int]]:
    width, height = tile
    return [(dx * width, dy * height) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]


def rain_texture(
    size: tuple[int, int], rng: random.Random, fall: float, drift: float, heavy: bool
) -> EffectTexture:
    """Thin pale streaks leaning with the wind: the lean matches the motion, so a drop
    travels along its own streak."""
    tile = _tile_size(size, 0.5)
    image = Image.new("RGBA", tile, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    lean = (drift * size[0]) / (fall * size[1])
    count = (260 if heavy else 160) * tile[0] * tile[1] // (640 * 360)
    width = max(1, round(size[1] / 540))
    for _ in range(max(20, count)):
        x, y = rng.uniform(0, tile[0]), rng.uniform(0, tile[1])
        length = size[1] * rng.uniform(0.03, 0.07)
        alpha = rng.randint(70, 150)
        for ox, oy in _wrapped(tile):
            start = (x + ox, y + oy)
            end = (x + ox + lean * length, y + oy + length)
            draw.line([start, end], fill=(210, 220, 236, alpha), width=width)
    return EffectTexture(image, "rain", drift, fall, 0.0, 0.9 if heavy else 0.75)


def snow_texture(
    size: tuple[int, int], rng: random.Random, fall: float, near: bool
) -> EffectTexture:
    """Soft white flakes; near flakes are bigger, fewer and fall faster."""
    tile = _tile_size(size, 0.5)
    image = Image.new("RGBA", tile, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    count = (50 if near else 140) * tile[0] * tile[1] // (640 * 360)
    for _ in range(max(12, count)):
        x, y = rng.uniform(0, tile[0]), rng.uniform(0, tile[1])
        r = size[1] * (rng.uniform(0.004, 0.009) if near else rng.uniform(0.0015, 0.004))
        alpha = rng.randint(170, 240)
        for ox, oy in _wrapped(tile):
            cx, cy = x + ox, y + oy
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(250, 250, 255, alpha))
    drift = (0.03 if near else -0.015) * rng.choice((1, -1))
    return EffectTexture(image, "snow", drift, fall, 0.0, 1.0)


def fog_texture(size: tuple[int, int], rng: random.Random) -> EffectTexture:
    """Soft banks of fog: whole-number waves across the tile, so it wraps exactly."""
    width, height = size
    xs = np.arange(width, dtype=np.float32)[None, :] / width * math.tau
    ys = np.arange(height, dtype=np.float32)[:, None] / height * math.tau
    field = np.zeros((height, width), dtype=np.float32)
    for _ in range(7):
        kx, ky = rng.randint(1, 4), rng.randint(0, 3)
        phase = rng.uniform(0, math.tau)
        field += np.cos(kx * xs + ky * ys + phase) / (kx + ky)
    field = (field - field.min()) / max(1e-6, float(field.max() - field.min()))
    alpha = (30 + 110 * field).astype(np.uint8)
    pixels = np.empty((height, width, 4), dtype=np.uint8)
    pixels[..., :3] = (214, 218, 224)
    pixels[..., 3] = alpha
    return EffectTexture(Image.fromarray(pixels, "RGBA"), "fog", FOG_DRIFT, 0.0, 0.0, 0.6)


def wind_texture(size: tuple[int, int], rng: random.Random) -> EffectTexture:
    """Leaves and specks of dust blown across the picture, each leaf a tilted oval."""
    tile = _tile_size(size, 0.5)
    image = Image.new("RGBA", tile, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    leaves = ((150, 110, 50), (110, 130, 60), (180, 90, 40), (200, 170, 90))
    for _ in range(max(12, 70 * tile[0] * tile[1] // (640 * 360))):
        x, y = rng.uniform(0, tile[0]), rng.uniform(0, tile[1])
        long, short = size[1] * rng.uniform(0.01, 0.02), size[1] * rng.uniform(0.004, 0.008)
        colour = (*rng.choice(leaves), 230)
        for ox, oy in _wrapped(tile):
            cx, cy = x + ox, y + oy
            draw.ellipse((cx - long, cy - short, cx + long, cy + short), fill=colour)
    for _ in range(max(16, 120 * tile[0] * tile[1] // (640 * 360))):
        x, y = rng.uniform(0, tile[0]), rng.uniform(0, tile[1])
        for ox, oy in _wrapped(tile):
            draw.point((x + ox, y + oy), fill=(210, 196, 170, 160))
    return EffectTexture(image, "wind", WIND_BLOW[0], WIND_BLOW[1], 0.0, 1.0)


def smoke_texture(size: tuple[int, int], rng: random.Random) -> EffectTexture:
    """A drifting grey-brown haze, thicker than fog and rising as it drifts."""
    fog = fog_texture(size, rng)
    pixels = np.asarray(fog.image).copy()
    pixels[..., :3] = (104, 96, 90)
    pixels[..., 3] = np.clip(pixels[..., 3].astype(np.int16) + 20, 0, 255).astype(np.uint8)
    image = Image.fromarray(pixels, "RGBA")
    return EffectTexture(image, "smoke", SMOKE_DRIFT[0], SMOKE_DRIFT[1], 0.0, 0.7)


def fire_textures(size: tuple[int, int], rng: random.Random) -> list[EffectTexture]:
    """Embers rising and flickering, and the fire's warm light flickering over everything."""
    tile = _tile_size(size, 0.5)
    image = Image.new("RGBA", tile, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for _ in range(max(10, 60 * tile[0] * tile[1] // (640 * 360))):
        x, y = rng.uniform(0, tile[0]), rng.uniform(0, tile[1])
        r = max(1.0, size[1] * rng.uniform(0.002, 0.005))
        colour = rng.choice(((255, 180, 60), (255, 120, 30), (255, 230, 140)))
        for ox, oy in _wrapped(tile):
            cx, cy = x + ox, y + oy
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(*colour, 230))
    embers = EffectTexture(image, "fire", 0.02, EMBER_RISE, 0.5, 1.0)
    light = Image.new("RGBA", (64, 64), (255, 130, 40, 60))
    return [embers, EffectTexture(light, "firelight", 0.0, 0.0, 0.6, 1.0)]
