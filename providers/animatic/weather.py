"""Weather and light that move: textures for the compositor to animate (rain, snow, fog,
fire). Each effect is a seamless RGBA tile and how it travels; see providers.base.ArtEffect.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

from providers.animatic.palette import Palette
from providers.base import SceneContext
from screenplay.model import Shot


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
    """The moving weather of this shot (from the scene's and the shot's atmosphere)."""
    return []
