"""Water: the open sea to every horizon, a coast with a pier and harbour, an island, a
river between its banks."""

from __future__ import annotations

import math

from providers.animatic.palette import Colour, mix, scale
from providers.animatic.settings.canvas import Canvas, fill_below, ridge, sky_and_ground


def sea_colour(c: Canvas) -> Colour:
    return mix(c.palette.sky.top, c.palette.mid, 0.4)


def waves(c: Canvas, top: float, bottom: float, count: int) -> None:
    """Water from top to bottom (pixels): darker near, crests thickening toward us, the
    sun's or moon's path glittering on it."""
    p = c.palette
    water = sea_colour(c)
    near = scale(water, 0.75)
    for k in range(24):
        y0 = top + (bottom - top) * k / 24
        c.back.rectangle(
            (0, y0, c.w, y0 + (bottom - top) / 24 + 1),
            fill=mix(mix(water, p.sky.horizon, 0.3), near, k / 23),
        )
    crest = mix(water, (255, 255, 255), 0.35)
    for _ in range(count):
        t = c.rng.random() ** 1.8
        y = top + (bottom - top) * t
        x = c.rng.uniform(-0.05, 1.05) * c.w
        length = c.w * (0.01 + 0.06 * t)
        c.back.arc(
            (x - length, y - length * 0.2, x + length, y + length * 0.2),
            200,
            340,
            fill=crest,
            width=max(1, round(c.h * 0.006 * t)),
        )
    if p.sky.body:
        body_x = c.w * (0.68 if p.sky.body == "moon" else 0.64)
        sparkle = mix(p.sky.glow, (255, 255, 255), 0.3)
        for _ in range(60):
            t = c.rng.random()
            y = top + (bottom - top) * t
            x = body_x + c.rng.gauss(0, c.w * (0.01 + 0.06 * t))
            length = c.w * c.rng.uniform(0.005, 0.02) * (0.4 + t)
            c.back.rectangle((x - length, y, x + length, y + max(1.0, c.h * 0.003)), fill=sparkle)


def paint_open_sea(c: Canvas) -> None:
    """Nothing but sea and sky: water from the horizon to the bottom of the picture."""
    sky_and_ground(c, None)
    waves(c, c.hy, c.h * 1.2, 160)
    crest = mix(sea_colour(c), (255, 255, 255), 0.5)
    for _ in range(6):
        x, y = c.rng.uniform(0, c.w), c.ground_y(c.rng.uniform(0.6, 1.0))
        c.front.polygon(
            [(x - c.h * 0.12, y), (x, y - c.h * 0.04), (x + c.h * 0.12, y)], fill=(*crest, 150)
        )


def paint_coast(c: Canvas) -> None:
    """A harbour shore: sea to the horizon, a headland, a wooden pier running out from the
    sand, bollards and moored posts."""
    p = c.palette
    sky_and_ground(c, None)
    waves(c, c.hy, c.ground_y(0.3), 60)
    headland = ridge(c, c.hy, c.h * 0.08, 0.6)
    c.back.polygon(
        [*headland[:30], (headland[29][0], c.hy), (0, c.hy)], fill=mix(p.far, p.sky.horizon, 0.3)
    )
    sand = scale(mix((226, 206, 164), p.ground_top, 0.2), p.figure_light)
    shore = [(0, c.ground_y(0.28))] + [
        (c.w * k / 8, c.ground_y(0.28 + 0.05 * ((k * 7) % 3))) for k in range(9)
    ]
    fill_below(c.back, c, shore, sand)
    c.back.line(shore, fill=mix(sand, (255, 255, 255), 0.5), width=c.pen(0.006))
    wood = c.tone((120, 90, 60))
    x0, x1 = c.x(0.62), c.x(0.78)
    far_y, near_y = c.ground_y(0.05), c.ground_y(1.1)
    c.mid.polygon(
        [(c.x(0.66), far_y), (c.x(0.7), far_y), (c.x(0.98), near_y), (c.x(0.72), near_y)], fill=wood
    )
    for k in range(14):
        t = (k / 14) ** 2
        y = far_y + (near_y - far_y) * t
        left = c.x(0.66) + (c.x(0.72) - c.x(0.66)) * t
        right = c.x(0.7) + (c.x(0.98) - c.x(0.7)) * t
        c.mid.line(
            [(left, y), (right, y)], fill=scale(wood, 0.7), width=max(1, round(c.h * 0.004 * t))
        )
        c.mid.line(
            [(left, y), (left, y + c.h * 0.05 * t + 1)],
            fill=scale(wood, 0.5),
            width=max(1, round(c.h * 0.01 * t)),
        )
    del x0, x1


def paint_island(c: Canvas) -> None:
    """An island out at sea: a green hump with palm trees and a sandy rim, water all round."""
    p = c.palette
    sky_and_ground(c, None)
    waves(c, c.hy, c.h * 1.2, 120)
    cx, base = c.x(0.5), c.ground_y(0.12)
    sand = scale(mix((226, 206, 164), p.ground_top, 0.2), p.figure_light)
    c.mid.ellipse((cx - c.w * 0.3, base - c.h * 0.03, cx + c.w * 0.3, base + c.h * 0.03), fill=sand)
    green = mix(c.foliage(), p.sky.horizon, 0.15)
    c.mid.chord(
        (cx - c.w * 0.24, base - c.h * 0.16, cx + c.w * 0.24, base + c.h * 0.12),
        180,
        360,
        fill=green,
    )
    for dx, tall in ((-0.12, 0.16), (-0.05, 0.2), (0.06, 0.17), (0.14, 0.13)):
        x = cx + c.w * dx
        foot = base - c.h * 0.02
        top = (x + c.h * 0.03, foot - c.h * tall)
        c.mid.line([(x, foot), top], fill=c.tone((120, 90, 60)), width=c.pen(0.006))
        for ax, ay in ((-1, 0.4), (1, 0.4), (-0.6, -0.3), (0.7, -0.3), (0, -0.6)):
            c.mid.line(
                [top, (top[0] + ax * c.h * 0.05, top[1] + ay * c.h * 0.05 + c.h * 0.02)],
                fill=scale(green, 0.8),
                width=c.pen(0.008),
            )


def paint_river(c: Canvas) -> None:
    """A river or lake: water winding from the hills between grassy banks with reeds and
    trees."""
    p = c.palette
    sky_and_ground(c, (p.ground_top, p.ground_bottom))
    fill_below(c.back, c, ridge(c, c.hy, c.h * 0.08, 1.5), mix(p.far, p.sky.horizon, 0.35))
    c.back.rectangle((0, c.hy, c.w, c.h * 2), fill=p.ground_top)
    left, right = [], []
    for k in range(25):
        t = k / 24
        y = c.ground_y(t * 1.2)
        centre = c.w * (0.5 + 0.1 * math.sin(t * 5))
        half = c.w * (0.03 + 0.5 * t**1.4)
        left.append((centre - half, y))
        right.append((centre + half, y))
    water = mix(sea_colour(c), p.sky.horizon, 0.25)
    c.back.polygon([*left, *reversed(right)], fill=water)
    for _ in range(30):
        t = c.rng.random()
        y = c.ground_y(t * 1.1)
        x = c.w * (0.5 + 0.1 * math.sin(t * 5)) + c.rng.uniform(-0.3, 0.3) * c.w * t
        c.back.line(
            [(x, y), (x + c.w * 0.04 * t, y)],
            fill=mix(water, (255, 255, 255), 0.3),
            width=c.pen(0.002),
        )
    reed = scale(c.foliage(), 0.75)
    for side in (left, right):
        for x, y in side[8::2]:
            for _ in range(4):
                rx = x + c.rng.uniform(-1, 1) * c.h * 0.03
                c.mid.line(
                    [(rx, y), (rx + c.h * 0.01, y - c.h * 0.06 * (y - c.hy) / c.h * 3)],
                    fill=reed,
                    width=c.pen(0.003),
                )
    for x in (0.08, 0.9):
        base = c.ground_y(0.35)
        c.mid.ellipse(
            (c.x(x) - c.h * 0.12, base - c.h * 0.34, c.x(x) + c.h * 0.12, base - c.h * 0.1),
            fill=scale(c.foliage(), 0.85),
        )
        c.mid.rectangle(
            (c.x(x) - c.h * 0.01, base - c.h * 0.12, c.x(x) + c.h * 0.01, base),
            fill=c.tone((100, 76, 56)),
        )
