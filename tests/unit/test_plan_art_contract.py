"""Cross-contract tests: every value the plan can hold (screenplay.props.Prop,
screenplay.atmosphere.Atmosphere, screenplay.settings.Setting) changes what the animatic
draws. A value added to an enum without its painting fails here."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image

from providers.animatic.atmosphere import paint_atmosphere
from providers.animatic.palette import palette_for
from providers.animatic.prop_place import known
from providers.animatic.props import paint_props
from providers.animatic.settings import SETTINGS, canonical, resolve_setting
from providers.animatic.settings.canvas import Canvas
from providers.animatic.weather import EffectTexture, effects_for
from providers.animatic.world import WorldView, paint_world
from screenplay.atmosphere import Atmosphere
from screenplay.model import CameraMove, Shot, ShotType
from screenplay.props import Prop
from screenplay.settings import INTERIORS, Setting
from tests.unit.test_settings_art import (
    MIN_DISTANCE,
    SIZE,
    dhash,
    distance,
    luminance,
    render,
    scene,
)

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


A = Atmosphere
# What moves from frame to frame: the compositor scrolls or flickers their textures.
MOVING = {A.RAIN, A.STORM, A.SNOW, A.FOG, A.FIRE, A.LIGHTNING, A.WIND, A.SMOKE, A.CANDLELIGHT}
OUTSIDE = {A.RAIN, A.SNOW, A.WIND}  # indoors they show on the panes, and nothing moves
FRAME = (320, 180)
PLACES = [("street", "EXT"), ("open_sea", "EXT"), ("room", "INT"), ("", "INT")]


def _effects(setting: str, int_ext: str, words: list[str]) -> list[EffectTexture]:
    shot = Shot("01-01", 1, ShotType.WIDE, CameraMove.STATIC, 4.0, "", atmosphere=words)
    return effects_for(scene(setting, int_ext), shot, palette_for("DAY"), FRAME, 3)


def _frame(setting: str, int_ext: str, words: list[str]) -> Image.Image:
    """The shot's first frame: the world with its atmosphere, each moving texture tiled
    over it at its opacity, as the compositor lays it before moving it."""
    context, palette = scene(setting, int_ext), palette_for("DAY")
    picture = paint_world(context, palette, 11, FRAME, WorldView(), atmosphere=words)
    frame = picture.flattened().convert("RGBA")
    for effect in _effects(setting, int_ext, words):
        layer = Image.new("RGBA", FRAME, (0, 0, 0, 0))
        tile_w, tile_h = effect.image.size
        for top in range(0, FRAME[1], tile_h):
            for left in range(0, FRAME[0], tile_w):
                layer.paste(effect.image, (left, top))
        alpha = np.asarray(layer.getchannel("A"), dtype=np.float32) * effect.opacity
        layer.putalpha(Image.fromarray(alpha.astype(np.uint8), "L"))
        frame.alpha_composite(layer)
    return frame.convert("RGB")


def _rgb(image: Image.Image) -> np.ndarray:
    return np.asarray(image, dtype=np.float32)


@pytest.mark.parametrize("value", list(Atmosphere), ids=str)
def test_every_plan_atmosphere_changes_the_frame(value: Atmosphere) -> None:
    for setting, int_ext in PLACES:
        plain = luminance(_frame(setting, int_ext, []))
        changed = np.abs(luminance(_frame(setting, int_ext, [value.value])) - plain) > 8
        share = float(changed.mean())
        assert share > 0.005, (value, setting, int_ext, share)
        effects = _effects(setting, int_ext, [value.value])
        moving = [e for e in effects if e.dx_per_s or e.dy_per_s or e.flicker > 0]
        stays_outside = int_ext == "INT" and value in OUTSIDE  # on the panes, still
        assert bool(moving) == (value in MOVING and not stays_outside), (
            value, setting, int_ext, [e.kind for e in effects]
        )  # fmt: skip


def test_indoors_nothing_falls_or_blows_across_the_room() -> None:
    for value in OUTSIDE:
        assert _effects("street", "EXT", [value.value]), value  # outdoors it moves
        for setting in ("room", "", "car", "train"):
            assert _effects(setting, "INT", [value.value]) == [], (value, setting)
    indoors_storm = [e.kind for e in _effects("room", "INT", ["storm"])]
    assert indoors_storm == ["lightning"]  # the flashes still light the room
    fire = {e.kind for e in _effects("room", "INT", ["fire", "smoke", "candlelight"])}
    assert {"fire", "smoke", "candlelight"} <= fire


def test_lightning_flashes_and_strikes_the_sky_outdoors() -> None:
    (flash,) = _effects("street", "EXT", ["lightning"])
    (distant,) = [e for e in _effects("street", "EXT", ["storm"]) if e.kind == "lightning"]
    assert flash.flicker > 0 and flash.opacity > distant.opacity
    horizon = round(0.6 * FRAME[1])
    sky = luminance(_frame("open_sea", "EXT", ["lightning"]))[:horizon]
    calm = luminance(_frame("open_sea", "EXT", []))[:horizon]
    assert sky.mean() > calm.mean() + 10
    # The bolt: a white line from the top of the sky down to the horizon.
    white = np.nonzero((sky >= 250).any(axis=1))[0]
    assert white.size >= 0.8 * horizon, white.size


def test_wind_blows_things_across_and_smoke_drifts_up() -> None:
    (wind,) = _effects("street", "EXT", ["wind"])
    assert abs(wind.dx_per_s) > 0.2 and abs(wind.dx_per_s) > 3 * abs(wind.dy_per_s)
    (smoke,) = _effects("room", "INT", ["smoke"])
    assert smoke.dx_per_s != 0 and smoke.dy_per_s < 0
    # Smoke is grey haze: it lowers contrast, the top of the room most.
    plain, smoky = luminance(_frame("room", "INT", [])), luminance(_frame("room", "INT", ["smoke"]))
    top = slice(0, FRAME[1] // 3)
    assert np.abs(np.diff(smoky[top], axis=1)).mean() < np.abs(np.diff(plain[top], axis=1)).mean()


def test_candlelight_is_warm_and_low_moonlight_cool_darkness_dark() -> None:
    for setting, int_ext in PLACES:
        plain = _rgb(_frame(setting, int_ext, []))
        candle = _rgb(_frame(setting, int_ext, ["candlelight"]))
        moon = _rgb(_frame(setting, int_ext, ["moonlight"]))
        dark = _rgb(_frame(setting, int_ext, ["darkness"]))
        warmth = lambda rgb: float(rgb[..., 0].mean() / rgb[..., 2].mean())  # noqa: E731
        assert candle.mean() < plain.mean() and warmth(candle) > warmth(plain) * 1.1
        assert moon.mean() < plain.mean() and warmth(moon) < warmth(plain) * 0.95
        assert dark.mean() < 0.4 * plain.mean(), (setting, int_ext)
    # Outdoors the moon hangs in the sky: a small bright disc high in the picture.
    sky = luminance(_frame("open_sea", "EXT", ["moonlight"]))[: round(0.4 * FRAME[1])]
    assert np.count_nonzero(sky > 230) >= 20


@pytest.mark.parametrize("setting", [s for s in Setting if s is not Setting.GENERIC], ids=str)
def test_every_plan_setting_has_its_own_painter(setting: Setting) -> None:
    """Interior or exterior as the plan gives it, each setting is painted by its own
    painter, inside or out as the plan says, and looks nothing like the generic place."""
    int_ext = "INT" if setting in INTERIORS else "EXT"
    name = canonical(setting.value)
    assert name in SETTINGS, setting
    assert SETTINGS[name].interior == (int_ext == "INT"), setting
    generic = dhash(render(Setting.GENERIC.value, int_ext))
    assert distance(dhash(render(setting.value, int_ext)), generic) >= MIN_DISTANCE, setting


def test_the_generic_setting_is_the_generic_room_and_landscape() -> None:
    for int_ext in ("INT", "EXT"):
        assert canonical(Setting.GENERIC.value) not in SETTINGS
        generic = np.asarray(render("", int_ext))
        assert np.array_equal(np.asarray(render(Setting.GENERIC.value, int_ext)), generic)


@pytest.mark.parametrize("words", [["wind"], ["snow"]], ids=str)
@pytest.mark.parametrize("setting", ["room", "kitchen", "train", "car", "attic"])
def test_weather_indoors_shows_only_through_the_glass(setting: str, words: list[str]) -> None:
    """Leaves and snow beyond the panes: the room, the window's mullions and what stands
    in front of the view are untouched."""
    art = resolve_setting(setting, True)
    assert art is not None
    canvas = Canvas(FRAME, palette_for("DAY"), 0.64, False, random.Random(5))
    art.paint(canvas)
    assert canvas.glass, setting
    far, mid = np.asarray(canvas.far).copy(), np.asarray(canvas.setting).copy()
    views = [(left, top, np.asarray(before).copy()) for left, top, _, before in canvas.views]
    paint_atmosphere(canvas, words, outdoors=False)
    inside = np.zeros(FRAME[::-1], dtype=bool)
    for x0, y0, x1, y1 in canvas.glass:
        inside[max(0, int(y0)) : int(y1) + 2, max(0, int(x0)) : int(x1) + 2] = True
    far_changed = np.any(np.asarray(canvas.far) != far, axis=-1)
    mid_changed = np.any(np.asarray(canvas.setting) != mid, axis=-1)
    assert (far_changed | mid_changed).any()  # the weather shows
    if words == ["wind"]:  # (snow also lies on sills and edges: only wind is glass alone)
        assert not (far_changed & ~inside).any() and not (mid_changed & ~inside).any()
    for left, top, before in views:  # a view keeps what stood in front of it
        height, width = before.shape[:2]
        now = np.asarray(canvas.setting)[top : top + height, left : left + width]
        covered = np.any(mid[top : top + height, left : left + width] != before, axis=-1)
        assert (now[covered] == mid[top : top + height, left : left + width][covered]).all()
