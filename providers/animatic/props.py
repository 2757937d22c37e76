"""Things the action names (a radio, a cup, a boat), drawn into the shot's world layers."""

from __future__ import annotations

from providers.animatic.palette import Palette
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
    """Draw each named prop the animatic knows where it belongs in the setting."""
    return None
