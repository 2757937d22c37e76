"""The sky for a time of day: gradient, sun or moon with its haze, stars, clouds."""

from __future__ import annotations

import random

from PIL import Image, ImageChops, ImageDraw

from providers.animatic.paint import glow, new_mask, vertical_gradient
from providers.animatic.palette import Colour, Sky, mix, scale

# Where the sun or moon hangs, as a fraction of the width: inside the part of the art
# every camera move keeps in view.
_BODY_X = {"sun": 0.64, "moon": 0.68}


def paint_sky(
    size: tuple[int, int], sky: Sky, horizon: float, rng: random.Random, stars: int = 170
) -> Image.Image:
    """An RGB sky of size; horizon is the fraction of the height where the land begins.

    stars: how many at night (a sky seen through a small window shows fewer)."""
    width, height = size
    image = vertical_gradient(
        size,
        [
            (0.0, sky.top),
            (horizon * 0.6, sky.middle),
            (horizon, sky.horizon),
            (max(1.0, horizon), sky.horizon),
        ],
    )
    horizon_y = horizon * height
    unit = min(width, height * 16 / 9)
    if sky.stars:
        _stars(image, horizon_y, rng, stars)
    if sky.body:
        body_x = width * _BODY_X[sky.body]
        body_y = horizon_y - sky.body_height * horizon_y * 0.9
        glow(image, (body_x, horizon_y), unit * 0.55, sky.glow, 0.55, squash=0.45)
        glow(image, (body_x, body_y), unit * 0.2, sky.glow, 0.5)
        if sky.body == "sun":
            _sun(image, (body_x, body_y), unit * 0.03, sky.body_colour, sky.glow)
        else:
            _moon(image, (body_x, body_y), unit * 0.032, sky.body_colour, sky.middle)
    if sky.clouds is not None:
        _clouds(image, horizon_y, sky, rng, unit)
    return image


def _sun(
    image: Image.Image, centre: tuple[float, float], radius: float, colour: Colour, haze: Colour
) -> None:
    draw = ImageDraw.Draw(image)
    x, y = centre
    ring = radius * 1.18
    draw.ellipse((x - ring, y - ring, x + ring, y + ring), fill=mix(colour, haze, 0.5))
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)


def _moon(
    image: Image.Image, centre: tuple[float, float], radius: float, colour: Colour, shade: Colour
) -> None:
    """A crescent: the lit disc with an offset disc taken away, the dark side faintly seen."""
    x, y = centre
    left, top = round(x - radius) - 1, round(y - radius) - 1
    side = round(radius * 2) + 3
    mask, pen = new_mask((side, side))
    r, offset = radius, radius * 0.55
    cx, cy = x - left, y - top
    pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=255)
    pen.ellipse(
        (cx - r + offset, cy - r - offset * 0.4, cx + r + offset, cy + r - offset * 0.4), fill=0
    )
    image.paste(colour, (left, top), mask)


def _stars(image: Image.Image, horizon_y: float, rng: random.Random, count: int) -> None:
    draw = ImageDraw.Draw(image)
    width = image.width
    step = max(1.0, image.height / 1080)
    for _ in range(count):
        x = rng.uniform(0, width)
        y = horizon_y * rng.random() ** 1.6 * 0.92  # denser high up, fading to the horizon
        radius = step * rng.choice((0.9, 1.1, 1.4, 1.4, 1.9, 2.6))
        brightness = rng.uniform(0.45, 1.0) * (1 - y / horizon_y * 0.5)
        colour = scale((236, 238, 255), brightness)
        base = image.getpixel((min(width - 1, round(x)), round(y)))
        fill = mix(base, colour, brightness)  # type: ignore[arg-type]
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill)


def _clouds(
    image: Image.Image, horizon_y: float, sky: Sky, rng: random.Random, unit: float
) -> None:
    """Flat-bottomed puffs, lit from above and shaded toward the base."""
    assert sky.clouds is not None
    shade = mix(sky.clouds, sky.middle, 0.5)
    for _ in range(sky.cloud_count):
        cx = rng.uniform(0.05, 0.95) * image.width
        base = rng.uniform(0.3, 0.85) * horizon_y
        length = unit * rng.uniform(0.07, 0.15) * (0.6 + 0.5 * base / horizon_y)
        if length < 4:  # too small to see: a sky in a small window
            continue
        left, top = round(cx - length / 2), round(base - length * 0.6)
        mask, pen = new_mask((round(length), round(length * 0.6)))
        puffs = rng.randint(3, 5)
        for index in range(puffs):
            t = (index + 0.5) / puffs
            px = t * length
            radius = length * (0.14 + 0.12 * (1 - abs(t - 0.5) * 2)) * rng.uniform(0.85, 1.15)
            pen.ellipse(
                (px - radius, mask.height - radius * 1.7, px + radius, mask.height + radius * 0.3),
                fill=255,
            )
        height = mask.height
        pen.rounded_rectangle(
            (0, height * 0.62, length, height * 1.4), radius=height * 0.38, fill=255
        )
        pen.rectangle((0, height - max(1, round(height * 0.02)), length, height), fill=0)
        opacity = 0.6 + 0.3 * base / horizon_y
        mask = mask.point([round(value * opacity) for value in range(256)])
        image.paste(sky.clouds, (left, top), mask)
        # Shade the lower half: the mask faded in by a top-to-bottom ramp.
        ramp = Image.linear_gradient("L").resize(mask.size).point(lambda v: max(0, v * 2 - 255))
        image.paste(shade, (left, top), ImageChops.multiply(mask, ramp))
