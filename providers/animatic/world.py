"""The setting of a shot as depth layers: what the camera sees before anyone stands in it.

This is the seam between the compositor (framing, figures, camera moves: it asks for a
world seen from an angle) and the setting painters (rooms, cars, corridors, the open sea:
they draw a place in layers). Painters draw at the size they are asked for; positions are
fractions of it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from PIL import Image

from providers.animatic.atmosphere import paint_atmosphere
from providers.animatic.exterior import paint_exterior
from providers.animatic.interior import paint_interior, window_box
from providers.animatic.overhead import paint_overhead
from providers.animatic.palette import Palette, is_interior
from providers.animatic.prop_place import place_props
from providers.animatic.settings import exterior_prop, resolve_setting, setting_name
from providers.animatic.settings.canvas import EYE, Canvas
from providers.base import SceneContext

EYE_LEVEL_HORIZON = EYE  # where land meets sky (or the floor meets the back wall) at eye level


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
    scene: SceneContext,
    palette: Palette,
    seed: int,
    size: tuple[int, int],
    view: WorldView,
    atmosphere: list[str] | None = None,
) -> WorldLayers:
    """The scene's place in layers, with its weather and light painted in.

    A setting the animatic knows is drawn by its own painter (providers/animatic/settings);
    "" or an unknown one is the generic room (INT) or landscape (EXT). The atmosphere's
    still parts (wet ground, haze, snow cover, neon, dawn light) are painted here; what
    moves comes from weather.effects_for. atmosphere: a shot's own words (Shot.atmosphere),
    painted with the scene's."""
    interior = is_interior(scene.int_ext)
    art = resolve_setting(scene.setting, interior)
    canvas = Canvas(size, palette, view.horizon, view.overhead, random.Random(seed))
    if art is not None and view.overhead:
        paint_overhead(canvas, art.ground, art.interior)
    elif art is not None:
        art.paint(canvas)
        standing = exterior_prop(scene.setting, interior)
        if standing:  # EXT. LIGHTHOUSE: the coast, and the lighthouse on it
            place_props(canvas, [standing], setting_name(scene.setting, False), False)
    elif view.overhead:
        paint_overhead(canvas, "boards" if interior else "grass", interior)
    else:
        _generic(canvas, scene, seed, interior)
    outdoors = not (art.interior if art is not None else interior)
    paint_atmosphere(canvas, [*scene.atmosphere, *(atmosphere or [])], outdoors)
    return WorldLayers(canvas.far, canvas.setting, canvas.fore)


def _generic(canvas: Canvas, scene: SceneContext, seed: int, interior: bool) -> None:
    """Today's generic room or landscape, painted at eye level and shifted to the horizon."""
    size = canvas.size
    if interior:
        picture = paint_interior(size, canvas.palette, seed)
        floor_line = 0.64
    else:
        picture = paint_exterior(size, canvas.palette, scene.location, seed)
        floor_line = 0.6
    shift = round((canvas.horizon - floor_line) * size[1])
    if interior:  # its window's glass, where the weather shows (atmosphere.py)
        x0, y0, x1, y1 = window_box(size, seed)
        canvas.glass.append((x0, y0 + shift, x1, y1 + shift))
    if shift == 0:
        canvas.far.paste(picture, (0, 0))
        return
    # Keep the picture's own edge colours beyond the shifted part: sky or ceiling above,
    # ground or floor below.
    top = picture.crop((0, 0, size[0], 1)).resize((size[0], size[1]))
    bottom = picture.crop((0, size[1] - 1, size[0], size[1])).resize((size[0], size[1]))
    canvas.far.paste(top if shift > 0 else bottom, (0, 0))
    canvas.far.paste(picture, (0, shift))
