"""Outdoor worlds: sky, distant hills, then a city street, a shore, a forest or open hills."""

from __future__ import annotations

import math
import random
from enum import StrEnum

from PIL import Image, ImageDraw

from providers.animatic.paint import glow, vertical_gradient
from providers.animatic.palette import Colour, Palette, mix, scale, seed_of
from providers.animatic.sky import paint_sky

HORIZON = 0.6  # fraction of the height where land meets sky
_CONCRETE = (138, 142, 154)  # city colours, tinted by the time of day
_ASPHALT = (66, 68, 76)


class Setting(StrEnum):
    CITY = "city"
    WATER = "water"
    FOREST = "forest"
    HILLS = "hills"


_SETTING_WORDS: dict[Setting, tuple[str, ...]] = {
    Setting.WATER: (
        "BEACH", "SEA", "OCEAN", "SHORE", "LAKE", "HARBOR", "HARBOUR", "PIER", "COAST",
        "BAY", "DOCK", "DOCKS", "RIVER", "PORT", "ISLAND", "BOAT", "MARINA", "SEASIDE",
    ),
    Setting.FOREST: (
        "FOREST", "WOODS", "WOOD", "PARK", "GARDEN", "JUNGLE", "WOODLAND", "TRAIL", "CAMP",
        "CAMPSITE", "GROVE", "ORCHARD", "CLEARING",
    ),
    Setting.HILLS: (
        "HILL", "HILLS", "FIELD", "FIELDS", "FARM", "MEADOW", "DESERT", "VALLEY", "COUNTRYSIDE",
        "MOUNTAIN", "MOUNTAINS", "ROAD", "HIGHWAY", "RANCH", "PRAIRIE", "CLIFF", "VILLAGE",
    ),
    Setting.CITY: (
        "CITY", "STREET", "ROOF", "ROOFTOP", "ALLEY", "DOWNTOWN", "AVENUE", "PARKING", "SQUARE",
        "PLAZA", "BRIDGE", "STATION", "BUILDING", "TOWN", "SIDEWALK", "CAFE", "SHOP", "STORE",
        "OFFICE", "HOTEL", "BAR", "RESTAURANT", "APARTMENT", "MARKET", "CORNER", "LOT",
    ),
}  # fmt: skip


def setting_for(location: str) -> Setting:
    """The kind of place a location names; unknown places pick one by name, stably."""
    words = set("".join(ch if ch.isalnum() else " " for ch in location.upper()).split())
    for setting, names in _SETTING_WORDS.items():
        if words & set(names):
            return setting
    return (Setting.CITY, Setting.HILLS)[seed_of("setting", location) % 2]


def _ridge(
    rng: random.Random, width: int, base: float, amplitude: float, waves: int
) -> list[tuple[float, float]]:
    """A wavy skyline of hills: a few sines summed, seeded by the scene."""
    phases = [rng.uniform(0, math.tau) for _ in range(3)]
    points = []
    for step in range(65):
        x = width * step / 64
        t = step / 64 * waves * math.tau
        wave = (
            math.sin(t + phases[0]) * 0.55
            + math.sin(t * 2.3 + phases[1]) * 0.3
            + math.sin(t * 5.1 + phases[2]) * 0.15
        )
        points.append((x, base - amplitude * (0.6 + 0.4 * wave)))
    return points


def _hills(
    draw: ImageDraw.ImageDraw,
    size: tuple[int, int],
    points: list[tuple[float, float]],
    fill: Colour,
) -> None:
    draw.polygon([*points, (size[0], size[1]), (0, size[1])], fill=fill)


def paint_exterior(
    size: tuple[int, int], palette: Palette, location: str, seed: int
) -> Image.Image:
    width, height = size
    rng = random.Random(seed)
    horizon_y = HORIZON * height
    image = paint_sky(size, palette.sky, HORIZON, rng)
    draw = ImageDraw.Draw(image)
    haze = palette.sky.horizon
    _hills(draw, size, _ridge(rng, width, horizon_y, height * 0.1, 2), mix(palette.far, haze, 0.35))
    setting = setting_for(location)
    if setting is Setting.WATER:
        _shore(image, palette, rng)
    else:
        if setting is not Setting.CITY:
            ridge = _ridge(rng, width, horizon_y + height * 0.02, height * 0.06, 3)
            _hills(draw, size, ridge, mix(palette.mid, haze, 0.25))
        ground = vertical_gradient(
            (width, height - round(horizon_y)),
            [(0, palette.ground_top), (1, palette.ground_bottom)],
        )
        image.paste(ground, (0, round(horizon_y)))
        if setting is Setting.CITY:
            _skyline(draw, size, palette, rng)
            _street(image, palette)
        elif setting is Setting.FOREST:
            _forest(draw, size, palette, rng)
        else:
            _path(draw, size, palette)
    return image


def _skyline(
    draw: ImageDraw.ImageDraw, size: tuple[int, int], palette: Palette, rng: random.Random
) -> None:
    width, height = size
    horizon_y = HORIZON * height
    for row, (haze, tallest) in enumerate(((0.5, 0.3), (0.12, 0.24))):
        grey = 0.15 if palette.lit_windows else 0.55  # after dark, buildings are shadows
        colour = mix(mix(palette.mid, _CONCRETE, grey), palette.sky.horizon, haze)
        x = -rng.uniform(0, 0.05) * width
        while x < width:
            span = rng.uniform(0.045, 0.1) * width
            rise = rng.uniform(0.07, tallest) * height
            shade = scale(colour, rng.uniform(0.9, 1.08))
            top = horizon_y - rise
            draw.rectangle((x, top, x + span - 2, horizon_y + 2), fill=shade)
            if row == 1:
                _windows(draw, (x, top, x + span - 2, horizon_y), palette, shade, rng, height)
            x += span + rng.uniform(0, 0.01) * width


def _windows(
    draw: ImageDraw.ImageDraw,
    box: tuple[float, float, float, float],
    palette: Palette,
    wall: Colour,
    rng: random.Random,
    height: int,
) -> None:
    left, top, right, bottom = box
    cell_w, cell_h = height * 0.024, height * 0.032
    lit = mix(palette.sky.body_colour, (255, 206, 120), 0.8)
    dark = mix(wall, palette.sky.horizon, 0.25)
    y = top + cell_h * 0.6
    while y + cell_h * 0.5 < bottom - cell_h * 0.3:
        x = left + cell_w * 0.5
        while x + cell_w * 0.5 < right:
            on = palette.lit_windows and rng.random() < 0.35
            draw.rectangle((x, y, x + cell_w * 0.5, y + cell_h * 0.5), fill=lit if on else dark)
            x += cell_w
        y += cell_h


def _street(image: Image.Image, palette: Palette) -> None:
    """A road running to the vanishing point, kerbs, a dashed centre line, street lamps."""
    width, height = image.size
    draw = ImageDraw.Draw(image)
    horizon_y = HORIZON * height
    vx = width * 0.5
    pavement = mix(palette.ground_top, scale(_CONCRETE, palette.figure_light**2), 0.7)
    road = mix(palette.ground_bottom, scale(_ASPHALT, palette.figure_light), 0.8)
    draw.rectangle((0, horizon_y, width, height), fill=pavement)
    draw.polygon(
        [
            (vx - width * 0.02, horizon_y),
            (vx + width * 0.02, horizon_y),
            (width * 1.05, height),
            (-width * 0.05, height),
        ],
        fill=road,
    )
    line = mix(road, (230, 220, 170), 0.55)
    for step in range(10):
        t0, t1 = (step + 0.2) / 10, (step + 0.6) / 10
        y0 = horizon_y + (height - horizon_y) * t0**2
        y1 = horizon_y + (height - horizon_y) * t1**2
        w0, w1 = width * 0.002 * (1 + 8 * t0**2), width * 0.002 * (1 + 8 * t1**2)
        draw.polygon([(vx - w0, y0), (vx + w0, y0), (vx + w1, y1), (vx - w1, y1)], fill=line)
    for side in (-1, 1):
        for depth in (0.35, 0.8):
            x = vx + side * width * (0.04 + 0.5 * depth**2)
            foot = horizon_y + (height - horizon_y) * depth**2
            tall = height * (0.05 + 0.32 * depth**2)
            post = max(2.0, width * 0.0025 * (0.5 + depth))
            draw.rectangle((x - post, foot - tall, x + post, foot), fill=scale(palette.mid, 0.7))
            head = (x, foot - tall)
            if palette.lit_windows:
                glow(image, head, tall * 0.5, (255, 214, 140), 0.5)
            draw.ellipse(
                (head[0] - post * 3, head[1] - post * 2, head[0] + post * 3, head[1] + post * 2),
                fill=(255, 226, 160) if palette.lit_windows else scale(palette.mid, 0.8),
            )


def _shore(image: Image.Image, palette: Palette, rng: random.Random) -> None:
    """Water from the horizon to a beach, with the sun or moon's path on it."""
    width, height = image.size
    draw = ImageDraw.Draw(image)
    horizon_y = HORIZON * height
    beach_y = height * 0.66
    water = vertical_gradient(
        (width, round(beach_y - horizon_y)),
        [
            (0, mix(palette.sky.horizon, palette.mid, 0.25)),
            (1, mix(palette.sky.top, palette.mid, 0.4)),
        ],
    )
    image.paste(water, (0, round(horizon_y)))
    body_x = width * (0.68 if palette.sky.body == "moon" else 0.64)
    sparkle = mix(palette.sky.glow, (255, 255, 255), 0.3)
    for _ in range(60 if palette.sky.body else 25):
        y = rng.uniform(horizon_y + 3, beach_y - 3)
        depth = (y - horizon_y) / (beach_y - horizon_y)
        spread = width * (0.015 + 0.08 * depth)
        x = body_x + rng.gauss(0, spread) if palette.sky.body else rng.uniform(0, width)
        length = width * rng.uniform(0.006, 0.02) * (0.5 + depth)
        tone = sparkle if palette.sky.body else mix(palette.sky.horizon, (255, 255, 255), 0.3)
        draw.rectangle((x - length, y, x + length, y + max(1.0, height * 0.002)), fill=tone)
    sand_top = scale(mix((226, 206, 164), palette.ground_top, 0.2), palette.figure_light)
    sand = vertical_gradient(
        (width, height - round(beach_y)), [(0, sand_top), (1, scale(sand_top, 0.75))]
    )
    image.paste(sand, (0, round(beach_y)))
    foam = mix(sand_top, (255, 255, 255), 0.5)
    draw.rectangle((0, beach_y - height * 0.004, width, beach_y + height * 0.004), fill=foam)


def _tree(
    draw: ImageDraw.ImageDraw, x: float, base: float, tall: float, fill: Colour, pine: bool
) -> None:
    trunk = tall * 0.05
    draw.rectangle((x - trunk, base - tall * 0.3, x + trunk, base), fill=scale(fill, 0.7))
    if pine:
        for tier in range(3):
            top = base - tall * (1 - tier * 0.22)
            half = tall * (0.18 + tier * 0.06)
            draw.polygon(
                [(x, top), (x + half, top + tall * 0.42), (x - half, top + tall * 0.42)], fill=fill
            )
    else:
        crown = tall * 0.36
        draw.ellipse((x - crown, base - tall, x + crown, base - tall + crown * 2), fill=fill)


def _forest(
    draw: ImageDraw.ImageDraw, size: tuple[int, int], palette: Palette, rng: random.Random
) -> None:
    """A hazy back row of trees along the horizon; big trees framing the sides."""
    width, height = size
    horizon_y = HORIZON * height
    far = mix(palette.mid, palette.sky.horizon, 0.35)
    x = 0.0
    while x < width:
        _tree(
            draw,
            x,
            horizon_y + height * 0.02,
            height * rng.uniform(0.1, 0.17),
            far,
            rng.random() < 0.6,
        )
        x += width * rng.uniform(0.015, 0.035)
    near = scale(palette.mid, 0.8)
    for fx in (0.06, 0.16, 0.26, 0.74, 0.84, 0.95):
        x = width * (fx + rng.uniform(-0.02, 0.02))
        base = height * rng.uniform(0.74, 0.82)
        _tree(draw, x, base, height * rng.uniform(0.4, 0.52), near, rng.random() < 0.5)


def _path(draw: ImageDraw.ImageDraw, size: tuple[int, int], palette: Palette) -> None:
    """A path winding from the viewer to the hills."""
    width, height = size
    horizon_y = HORIZON * height + height * 0.03
    colour = mix(palette.ground_top, (228, 214, 180), 0.35)
    left, right = [], []
    for step in range(21):
        t = step / 20
        y = horizon_y + (height - horizon_y) * t
        centre = width * (0.5 + 0.06 * math.sin(t * 4.5))
        half = width * (0.004 + 0.16 * t**1.6)
        left.append((centre - half, y))
        right.append((centre + half, y))
    draw.polygon([*left, *reversed(right)], fill=colour)
