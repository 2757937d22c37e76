"""Picture tests for the settings, props and weather of the animatic: rendered through
paint_world at a small size, measured with a perceptual hash, contrast and gradients."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from providers.animatic.palette import palette_for
from providers.animatic.prop_art.small import SMALL
from providers.animatic.prop_place import FURNITURE, OUTDOOR
from providers.animatic.props import paint_props
from providers.animatic.settings import SETTINGS
from providers.animatic.weather import EffectTexture, effects_for
from providers.animatic.world import WorldView, paint_world
from providers.base import SceneContext
from screenplay.model import CameraMove, Shot, ShotType

SIZE = (160, 90)
HASH_BITS = 16  # a 16 x 16 difference hash: 256 bits
MIN_DISTANCE = 24  # bits that must differ between two settings (about a tenth)


def scene(
    setting: str, int_ext: str, time: str = "DAY", atmosphere: tuple[str, ...] = ()
) -> SceneContext:
    location = "SOMEWHERE" if int_ext == "EXT" else "ROOM"
    return SceneContext(
        1, "", int_ext, location, time, [], setting=setting, atmosphere=list(atmosphere)
    )


def side(name: str) -> str:
    return "INT" if SETTINGS[name].interior else "EXT"


def render(
    setting: str,
    int_ext: str,
    time: str = "DAY",
    atmosphere: tuple[str, ...] = (),
    view: WorldView | None = None,
    seed: int = 11,
    size: tuple[int, int] = SIZE,
) -> Image.Image:
    context = scene(setting, int_ext, time, atmosphere)
    return paint_world(context, palette_for(time), seed, size, view or WorldView()).flattened()


def dhash(image: Image.Image) -> np.ndarray:
    """Difference hash: is each cell of a small grey copy brighter than its left neighbour."""
    grey = image.convert("L").resize((HASH_BITS + 1, HASH_BITS), Image.Resampling.BOX)
    cells = np.asarray(grey, dtype=np.int16)
    return (cells[:, 1:] > cells[:, :-1]).ravel()


def distance(a: np.ndarray, b: np.ndarray) -> int:
    return int(np.count_nonzero(a != b))


def luminance(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("L"), dtype=np.float32)


def test_there_are_at_least_25_settings_indoors_and_out() -> None:
    assert len(SETTINGS) >= 25
    assert sum(art.interior for art in SETTINGS.values()) >= 15
    assert sum(not art.interior for art in SETTINGS.values()) >= 12


def test_each_setting_differs_from_the_generic_and_from_every_other() -> None:
    hashes = {name: dhash(render(name, side(name))) for name in SETTINGS}
    generic = {"INT": dhash(render("", "INT")), "EXT": dhash(render("", "EXT"))}
    for name, code in hashes.items():
        assert distance(code, generic[side(name)]) >= MIN_DISTANCE, name
    names = list(hashes)
    closest = min(
        (distance(hashes[a], hashes[b]), a, b) for i, a in enumerate(names) for b in names[i + 1 :]
    )
    assert closest[0] >= MIN_DISTANCE, closest


def test_unknown_or_empty_setting_is_the_generic_room_or_landscape() -> None:
    for int_ext in ("INT", "EXT"):
        generic = np.asarray(render("", int_ext))
        assert np.array_equal(np.asarray(render("moon_base", int_ext)), generic)


def test_aliases_and_exterior_counterparts() -> None:
    assert np.array_equal(np.asarray(render("beach", "EXT")), np.asarray(render("coast", "EXT")))
    corridor = np.asarray(render("corridor", "INT"))
    assert np.array_equal(np.asarray(render("hospital_corridor", "INT")), corridor)
    assert np.array_equal(np.asarray(render("Hospital Corridor", "INT")), corridor)
    # EXT. LIGHTHOUSE is the coast with the lighthouse standing on it, not the lamp room.
    outside = dhash(render("lighthouse", "EXT"))
    assert distance(outside, dhash(render("lighthouse", "INT"))) >= MIN_DISTANCE
    coast = luminance(render("coast", "EXT"))
    assert np.abs(luminance(render("lighthouse", "EXT")) - coast).mean() > 1.0


def test_same_seed_same_picture_other_seed_other_details() -> None:
    first = np.asarray(render("street", "EXT", seed=5))
    assert np.array_equal(first, np.asarray(render("street", "EXT", seed=5)))
    assert not np.array_equal(first, np.asarray(render("street", "EXT", seed=6)))


@pytest.mark.parametrize("name", ["", "room", "corridor", "kitchen", "church", "lab"])
def test_indoors_a_higher_horizon_moves_the_room_up(name: str) -> None:
    eye, high = render(name, "INT"), render(name, "INT", view=WorldView(horizon=0.3))
    shift = round(0.3 * SIZE[1])
    moved = np.abs(luminance(high)[: SIZE[1] - shift] - luminance(eye)[shift:]).mean()
    unmoved = np.abs(luminance(high) - luminance(eye)).mean()
    assert moved < 4.0 < unmoved


def _horizon_row(image: Image.Image) -> int:
    rows = luminance(image).mean(axis=1)
    return int(np.argmax(np.abs(np.diff(rows)))) + 1


@pytest.mark.parametrize("horizon", [0.3, 0.6, 0.85])
def test_outdoors_the_sea_meets_the_sky_at_the_views_horizon(horizon: float) -> None:
    row = _horizon_row(render("open_sea", "EXT", view=WorldView(horizon=horizon)))
    assert abs(row / SIZE[1] - horizon) < 0.05


def test_horizons_out_of_frame_and_overhead() -> None:
    all_sky = luminance(render("open_sea", "EXT", view=WorldView(horizon=1.3)))
    all_sea = luminance(render("open_sea", "EXT", view=WorldView(horizon=-0.2)))
    assert abs(all_sky.mean() - all_sea.mean()) > 20
    for name in ("room", "street", "open_sea", "forest", "car"):
        above = dhash(render(name, side(name), view=WorldView(overhead=True)))
        assert distance(above, dhash(render(name, side(name)))) >= MIN_DISTANCE, name


def _with_props(setting: str, int_ext: str, props: list[str]) -> Image.Image:
    context = scene(setting, int_ext)
    palette, view = palette_for("DAY"), WorldView()
    layers = paint_world(context, palette, 11, SIZE, view)
    paint_props(layers, props, context, palette, view, 11)
    return layers.flattened()


def test_every_named_prop_changes_the_frame() -> None:
    names = [*SMALL, *OUTDOOR, *FURNITURE, "lighthouse"]
    assert len(set(names)) >= 20
    for setting, int_ext in (("", "INT"), ("kitchen", "INT"), ("", "EXT"), ("open_sea", "EXT")):
        bare = luminance(_with_props(setting, int_ext, []))
        for name in set(names):
            changed = np.abs(luminance(_with_props(setting, int_ext, [name])) - bare)
            assert np.count_nonzero(changed > 12) >= 6, (setting, name)
    # Outside a car there is no dashboard: a cup stands on the ground by the road.
    outside = luminance(_with_props("car", "EXT", ["cup"])) - luminance(
        _with_props("car", "EXT", [])
    )
    rows = np.nonzero(np.abs(outside).max(axis=1) > 12)[0]
    assert rows.size and rows.min() > 0.75 * SIZE[1]
    unknown = luminance(_with_props("", "INT", ["unicorn"]))
    assert np.array_equal(unknown, luminance(_with_props("", "INT", [])))


def _contrast(image: Image.Image) -> float:
    """Local contrast: how sharply neighbouring pixels differ, edges and all."""
    grey = luminance(image)
    return float(np.abs(np.diff(grey, axis=0)).mean() + np.abs(np.diff(grey, axis=1)).mean())


@pytest.mark.parametrize("name", ["street", "forest", "room", "corridor"])
def test_fog_drops_the_contrast(name: str) -> None:
    clear = _contrast(render(name, side(name)))
    foggy = _contrast(render(name, side(name), atmosphere=("fog",)))
    assert foggy < 0.7 * clear


def _shot(atmosphere: list[str]) -> Shot:
    return Shot("01-01", 1, ShotType.WIDE, CameraMove.STATIC, 4.0, "", atmosphere=atmosphere)


def _effects(scene_words: tuple[str, ...], shot_words: list[str]) -> list[EffectTexture]:
    context = scene("street", "EXT", atmosphere=scene_words)
    return effects_for(context, _shot(shot_words), palette_for("DAY"), (320, 180), 3)


def _energy(image: Image.Image) -> tuple[float, float]:
    """Gradient energy across x (vertical streaks make it) and across y."""
    grey = luminance(image)
    return float((np.diff(grey, axis=1) ** 2).mean()), float((np.diff(grey, axis=0) ** 2).mean())


def test_rain_is_streaks_falling_fast_with_a_slight_slant() -> None:
    (rain,) = _effects(("rain",), [])
    assert (
        rain.kind == "rain" and rain.dy_per_s > 1.0 and 0 < abs(rain.dx_per_s) < 0.3 * rain.dy_per_s
    )
    across, down = _energy(
        Image.alpha_composite(Image.new("RGBA", rain.image.size, (40, 40, 50, 255)), rain.image)
    )
    assert across > 2.5 * down
    # Over a frame, the rain adds streak energy across the picture more than down it.
    frame = render("street", "EXT", size=rain.image.size).convert("RGBA")
    wet = Image.alpha_composite(frame, rain.image)
    (before_x, before_y), (after_x, after_y) = _energy(frame), _energy(wet)
    assert after_x - before_x > 2 * (after_y - before_y) > 0


def test_weather_from_the_shot_and_the_scene_moves() -> None:
    kinds = {effect.kind: effect for effect in _effects(("snow",), ["fog", "fire"])}
    assert {"snow", "fog", "fire", "firelight"} <= set(kinds)
    assert 0 < kinds["snow"].dy_per_s < 0.3
    assert kinds["fog"].dx_per_s != 0 and kinds["fog"].dy_per_s == 0
    assert (
        kinds["fire"].flicker > 0 and kinds["fire"].dy_per_s < 0 and kinds["firelight"].flicker > 0
    )
    storm = {effect.kind for effect in _effects(("storm",), [])}
    assert {"rain", "lightning"} <= storm
    assert _effects((), []) == []


def test_effect_textures_tile_seamlessly() -> None:
    for effect in _effects(("rain", "snow", "fog", "fire"), []):
        pixels = np.asarray(effect.image, dtype=np.float32)
        assert effect.image.mode == "RGBA" and pixels[..., 3].max() > 0, effect.kind
        for axis in (0, 1):
            # Each step from one row (or column) to the next, and the step across the seam
            # from the last back to the first: the seam must be an ordinary step.
            steps = np.abs(np.diff(pixels, axis=axis)).mean(axis=(1, 2) if axis == 0 else (0, 2))
            first = np.take(pixels, 0, axis=axis)
            last = np.take(pixels, -1, axis=axis)
            seam = float(np.abs(first - last).mean())
            ordinary = float(np.percentile(steps, 95))
            assert seam <= 1.5 * ordinary + 0.5, (effect.kind, axis, seam, ordinary)


def test_a_shots_own_atmosphere_joins_the_scenes() -> None:
    context, palette = scene("street", "EXT"), palette_for("DAY")
    plain = paint_world(context, palette, 11, SIZE, WorldView()).flattened()
    rainy = paint_world(context, palette, 11, SIZE, WorldView(), atmosphere=["rain"]).flattened()
    assert np.array_equal(
        np.asarray(rainy), np.asarray(render("street", "EXT", atmosphere=("rain",)))
    )
    assert not np.array_equal(np.asarray(rainy), np.asarray(plain))


def test_still_weather_changes_the_picture() -> None:
    for words in (("rain",), ("snow",), ("neon",), ("dawn",), ("fire",)):
        plain = luminance(render("street", "EXT"))
        changed = np.abs(luminance(render("street", "EXT", atmosphere=words)) - plain)
        assert changed.mean() > 3.0, words
    # Indoors rain shows on the glass: drops on a car's windscreen, snow banked on a sill.
    for words in (("rain",), ("snow",), ("fog",)):
        dry = luminance(render("car", "INT"))
        assert np.abs(luminance(render("car", "INT", atmosphere=words)) - dry).mean() > 1.0, words
