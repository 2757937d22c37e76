"""The setting of a shot as depth layers: what the camera sees before anyone stands in it.

This is the seam between the compositor (framing, figures, camera moves: it asks for a
world seen from an angle) and the setting painters (rooms, cars, corridors, the open sea:
they draw a place in layers). Painters draw at the size they are asked for; positions are
fractions of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

from providers.animatic.exterior import paint_exterior
from providers.animatic.interior import paint_interior
from providers.animatic.palette import Palette, is_interior
from providers.base import SceneContext

EYE_LEVEL_HORIZON = 0.6  # where land meets sky (or the floor meets the back wall) at eye level


@dataclass(frozen=True)
class WorldView:
    """How the camera looks at the setting.

    horizon: the height of the horizon (indoors the floor line) as a fraction of the
    picture's height; high angles put it high (0.25), low angles low (0.85), and values
    outside 0..1 put it out of frame. overhead: looking (nearly) straight down, so the
    picture is ground or floor seen from above."""

    horizon: float = EYE_LEVEL_HORIZON
    overhead: bool = False


@dataclass(frozen=True)
class WorldLayers:
    """far: RGB, the sky or back wall; setting: RGBA, the place's structure (walls, a
    windscreen, a pier); foreground: RGBA, what stands in front of the figures (a desk
    edge, a dashboard, rain on glass), transparent where nothing does. All one size."""

    far: Image.Image
    setting: Image.Image
    foreground: Image.Image

    def flattened(self) -> Image.Image:
        picture = self.far.convert("RGBA")
        picture.alpha_composite(self.setting)
        picture.alpha_composite(self.foreground)
        return picture.convert("RGB")


def _empty(size: tuple[int, int]) -> Image.Image:
    return Image.new("RGBA", size, (0, 0, 0, 0))


def paint_world(
    scene: SceneContext, palette: Palette, seed: int, size: tuple[int, int], view: WorldView
) -> WorldLayers:
    """The scene's place in layers. Today: the generic room or landscape, in one layer."""
    if is_interior(scene.int_ext):
        far = paint_interior(size, palette, seed)
    else:
        far = paint_exterior(size, palette, scene.location, seed)
    return WorldLayers(far, _empty(size), _empty(size))
