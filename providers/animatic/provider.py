"""The animatic provider: a storyboard panel per shot, drawn offline with Pillow."""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PIL import Image

from providers.animatic.framing import WorldPainter, render_layers, world_seed
from providers.animatic.overlay import render_overlay
from providers.animatic.palette import Palette, palette_for
from providers.animatic.weather import EffectTexture, effects_for
from providers.animatic.world import paint_world
from providers.base import ArtEffect, ArtLayer, FrameArt, FrameRequest, SceneContext
from screenplay.model import Shot

WeatherPainter = Callable[[SceneContext, Shot, Palette, tuple[int, int], int], list[EffectTexture]]
BACKGROUND_NAME = "background.png"
OVERLAY_NAME = "overlay.png"


def save_png(image: Image.Image, path: Path) -> None:
    """Write to a temporary name and rename, so a retry never sees half a file.

    zlib's run-length strategy suits flat artwork: about a third faster than the default
    for files about a tenth larger."""
    temporary = path.with_name(f".{path.name}.partial")
    image.save(temporary, format="PNG", compress_type=zlib.Z_RLE)
    os.replace(temporary, path)


def _sized(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Sizes are the contract with ffmpeg."""
    return image if image.size == size else image.resize(size, Image.Resampling.BICUBIC)


class AnimaticProvider:
    """Storyboard frames: a world in depth layers for the camera to move through, weather
    that moves, and still notes on top."""

    name = "animatic"
    price_per_second = 0.5  # credits per second of shot: drawn locally, priced for the ledger

    def __init__(
        self, world_painter: WorldPainter = paint_world, weather: WeatherPainter = effects_for
    ) -> None:
        # The settings' and weather's painters (tests measure with flat ones of their own).
        self._paint_world = world_painter
        self._weather = weather

    def render_frame(self, request: FrameRequest, out_dir: Path) -> FrameArt:
        if request.notes:  # a take's direction shows in the panel's caption
            shot = replace(request.shot, action=f"{request.shot.action} [{request.notes}]".strip())
            request = replace(request, shot=shot)
        art_size = request.profile.art_size
        art = render_layers(request, self._paint_world)
        layers = []
        for image, depth, role in art.layers:
            path = out_dir / f"layer-{role}.png"
            save_png(_sized(image, art_size), path)
            layers.append(ArtLayer(path, depth, role))
        background_path = out_dir / BACKGROUND_NAME
        save_png(_sized(art.flattened(), art_size), background_path)
        overlay_path = out_dir / OVERLAY_NAME
        save_png(render_overlay(request), overlay_path)
        frame = (request.profile.width, request.profile.height)
        palette = palette_for(request.scene.time_of_day)
        textures = self._weather(request.scene, request.shot, palette, frame, world_seed(request))
        effects = []
        for index, texture in enumerate(textures):
            path = out_dir / f"effect-{index}.png"  # names we made: never a painter's text
            save_png(texture.image.convert("RGBA"), path)
            effects.append(
                ArtEffect(
                    path,
                    texture.kind,
                    texture.dx_per_s,
                    texture.dy_per_s,
                    texture.flicker,
                    texture.opacity,
                )
            )
        return FrameArt(background_path, overlay_path, layers, effects)
