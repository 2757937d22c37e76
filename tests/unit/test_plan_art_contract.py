"""Cross-contract tests: every value the plan can hold (screenplay.props.Prop,
screenplay.atmosphere.Atmosphere, screenplay.settings.Setting) changes what the animatic
draws. A value added to an enum without its painting fails here."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from providers.animatic.palette import palette_for
from providers.animatic.prop_place import known
from providers.animatic.props import paint_props
from providers.animatic.world import WorldView, paint_world
from screenplay.props import Prop
from tests.unit.test_settings_art import SIZE, luminance, scene

# Where each prop is at home; everything else is tried on a table in a room.
HOME: dict[Prop, tuple[str, str]] = {
    Prop.BOAT: ("open_sea", "EXT"),
    Prop.CAR: ("road", "EXT"),
    Prop.BUS: ("street", "EXT"),
    Prop.LIGHTHOUSE: ("coast", "EXT"),
    Prop.UMBRELLA: ("street", "EXT"),
    Prop.MAP: ("ship_bridge", "INT"),
    Prop.BED: ("room", "INT"),
}


def _with_props(setting: str, int_ext: str, props: list[str]) -> Image.Image:
    context = scene(setting, int_ext)
    palette, view = palette_for("DAY"), WorldView()
    layers = paint_world(context, palette, 11, SIZE, view)
    paint_props(layers, props, context, palette, view, 11)
    return layers.flattened()


def _changed(setting: str, int_ext: str, prop: str) -> int:
    """Pixels the prop changes by more than a faint shade."""
    bare = luminance(_with_props(setting, int_ext, []))
    drawn = luminance(_with_props(setting, int_ext, [prop]))
    return int(np.count_nonzero(np.abs(drawn - bare) > 12))


@pytest.mark.parametrize("prop", list(Prop), ids=str)
def test_every_plan_prop_is_drawn_at_home_and_in_a_room(prop: Prop) -> None:
    assert known(prop), prop
    home = HOME.get(prop, ("room", "INT"))
    for setting, int_ext in {home, ("room", "INT"), ("", "EXT")}:
        assert _changed(setting, int_ext, prop.value) >= 6, (prop, setting, int_ext)
