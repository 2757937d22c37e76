"""Things the action names (a radio, a cup, a boat), drawn into the shot's world layers."""

from __future__ import annotations

import random

from providers.animatic.palette import Palette, is_interior
from providers.animatic.prop_place import place_props
from providers.animatic.settings import SETTINGS, setting_name
from providers.animatic.settings.canvas import Canvas
from providers.animatic.world import WorldLayers, WorldView
from providers.base import SceneContext


def paint_props(
    layers: WorldLayers,
    props: list[str],
    scene: SceneContext,
    palette: Palette,
    view: WorldView,
    seed: int,
) -> None:
    """Draw each named prop the animatic knows where it belongs in the setting; unknown
    names are left out. Seen from overhead nothing is drawn (the props stand upright)."""
    if not props or view.overhead:
        return
    interior = is_interior(scene.int_ext)
    setting = setting_name(scene.setting, interior)
    if setting:
        interior = SETTINGS[setting].interior
    canvas = Canvas(layers.far.size, palette, view.horizon, False, random.Random(seed))
    canvas.adopt(layers.far, layers.setting, layers.foreground)
    place_props(canvas, props, setting, interior)
