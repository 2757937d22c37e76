"""Open land: a forest, a mountain, a desert, a field or farm, a park, a snowfield."""

from __future__ import annotations

from providers.animatic.palette import Colour, mix, scale
from providers.animatic.settings.canvas import Canvas, fill_below, ridge, sky_and_ground


def _tree(c: Canvas, x: float, base: float, tall: float, fill: Colour, pine: bool) -> None:
    trunk = tall * 0.05
    c.mid.rectangle((x - trunk, base - tall * 0.3, x + trunk, base), fill=c.tone((96, 70, 50)))
    if pine:
        for tier in range(3):
            top = base - tall * (1 - tier * 0.22)
            half = tall * (0.18 + tier * 0.06)
            c.mid.polygon(
                [(x, top), (x + half, top + tall * 0.42), (x - half, top + tall * 0.42)], fill=fill
            )
    else:
        crown = tall * 0.36
        c.mid.ellipse((x - crown, base - tall, x + crown, base - tall + crown * 2), fill=fill)


def paint_forest(c: Canvas) -> None:
    """Deep in a wood: rows of trunks, the canopy closing overhead, light between."""
    p = c.palette
    sky_and_ground(c, (scale(p.ground_top, 0.8), scale(p.ground_bottom, 0.7)))
    for row, near in enumerate((0.05, 0.2, 0.45, 0.8)):
        shade = mix(scale(c.foliage(), 0.7 + row * 0.05), p.sky.horizon, 0.5 - row * 0.15)
        x = -c.rng.uniform(0, 0.1) * c.w
        while x < c.w * 1.05:
            base = c.ground_y(near + c.rng.uniform(0, 0.05))
            wide = c.h * 0.02 * (0.5 + near * 2.5)
            c.mid.rectangle((x - wide, -c.h, x + wide, base), fill=mix(shade, (70, 50, 40), 0.4))
            x += c.w * c.rng.uniform(0.05, 0.12) * (0.5 + near)
    canopy = scale(c.foliage(), 0.65)
    for _ in range(40):
        x, y = c.rng.uniform(0, c.w), c.y(c.rng.uniform(-0.1, 0.18))
        r = c.h * c.rng.uniform(0.06, 0.14)
        c.front.ellipse((x - r * 1.4, y - r, x + r * 1.4, y + r), fill=canopy)
    for _ in range(20):
        x, y = c.rng.uniform(0, c.w), c.ground_y(c.rng.uniform(0.6, 1.1))
        r = c.h * 0.04
        c.front.ellipse(
            (x - r * 1.5, y - r, x + r * 1.5, y + r * 0.4), fill=scale(c.foliage(), 0.55)
        )


def paint_mountain(c: Canvas) -> None:
    """Peaks: a jagged range with snow on its summits, rock and scree below, a ridge near."""
    p = c.palette
    sky_and_ground(c, (c.tone((130, 124, 110)), c.tone((100, 96, 86))))
    rock = mix(c.tone((120, 116, 124)), p.sky.horizon, 0.25)
    peaks = ridge(c, c.hy + c.h * 0.02, c.h * 0.45, 2.2, jag=0.5)
    fill_below(c.back, c, peaks, rock)
    for k in range(1, len(peaks) - 1):
        (_x0, y0), (x1, y1), (_x2, y2) = peaks[k - 1], peaks[k], peaks[k + 1]
        if y1 <= y0 and y1 <= y2 and y1 < c.hy - c.h * 0.25:
            snow = (244, 246, 250) if p.figure_light > 0.8 else (180, 190, 210)
            cap = c.h * 0.06
            c.back.polygon(
                [
                    (x1, y1),
                    (x1 + c.w * 0.04, y1 + cap),
                    (x1, y1 + cap * 0.7),
                    (x1 - c.w * 0.04, y1 + cap),
                ],
                fill=snow,
            )
    near = ridge(c, c.ground_y(0.3), c.h * 0.12, 1.1, jag=0.4)
    fill_below(c.mid, c, near, scale(rock, 0.7))
    for _ in range(30):
        x, y = c.rng.uniform(0, c.w), c.ground_y(c.rng.uniform(0.4, 1.1))
        r = c.h * c.rng.uniform(0.005, 0.02)
        c.mid.polygon([(x - r, y), (x - r * 0.3, y - r), (x + r, y)], fill=scale(rock, 0.55))


def paint_desert(c: Canvas) -> None:
    """Dunes under a wide sky, a cactus, a low mesa on the horizon."""
    p = c.palette
    sand = c.tone((226, 190, 130))
    sky_and_ground(c, (sand, scale(sand, 0.85)))
    mesa = mix(c.tone((190, 120, 80)), p.sky.horizon, 0.35)
    c.back.polygon(
        [
            (c.x(0.1), c.hy),
            (c.x(0.14), c.hy - c.h * 0.08),
            (c.x(0.3), c.hy - c.h * 0.08),
            (c.x(0.33), c.hy),
        ],
        fill=mesa,
    )
    for k, near in enumerate((0.15, 0.45, 0.85)):
        dune = ridge(c, c.ground_y(near), c.h * 0.08 * (1 + near), 0.8 + k * 0.3, jag=0.05)
        fill_below(c.mid, c, dune, scale(sand, 1.05 - 0.08 * k))
        c.mid.line(dune, fill=scale(sand, 1.15), width=c.pen(0.003))
    x, base, tall = c.x(0.72), c.ground_y(0.5), c.h * 0.2
    green = c.tone((80, 120, 70))
    w = tall * 0.09
    c.mid.rounded_rectangle((x - w, base - tall, x + w, base), w, fill=green)
    c.mid.rounded_rectangle(
        (x - w * 3.5, base - tall * 0.7, x - w * 1.8, base - tall * 0.35), w * 0.8, fill=green
    )
    c.mid.rectangle((x - w * 3.5, base - tall * 0.42, x - w, base - tall * 0.35), fill=green)
    c.mid.rounded_rectangle(
        (x + w * 1.8, base - tall * 0.85, x + w * 3.2, base - tall * 0.5), w * 0.7, fill=green
    )
    c.mid.rectangle((x + w, base - tall * 0.56, x + w * 3.2, base - tall * 0.5), fill=green)


def paint_field(c: Canvas) -> None:
    """Farmland: furrows of a crop converging to the horizon, a fence, a red barn."""
    p = c.palette
    crop = c.tone((170, 160, 80))
    sky_and_ground(c, (crop, scale(crop, 0.85)))
    fill_below(c.back, c, ridge(c, c.hy, c.h * 0.05, 1.2), mix(p.far, p.sky.horizon, 0.35))
    c.back.rectangle((0, c.hy, c.w, c.h * 2), fill=crop)
    vx = c.w * 0.5
    for k in range(-30, 31):
        c.back.line(
            [(vx + k * c.w * 0.01, c.hy), (vx + k * c.w * 0.08, c.h * 1.3)],
            fill=scale(crop, 0.75),
            width=c.pen(0.004),
        )
    bx, base = c.x(0.22), c.ground_y(0.06)
    red = c.tone((170, 50, 40))
    c.mid.rectangle((bx - c.h * 0.08, base - c.h * 0.09, bx + c.h * 0.08, base), fill=red)
    c.mid.polygon(
        [
            (bx - c.h * 0.095, base - c.h * 0.09),
            (bx, base - c.h * 0.15),
            (bx + c.h * 0.095, base - c.h * 0.09),
        ],
        fill=scale(red, 0.7),
    )
    c.mid.rectangle(
        (bx - c.h * 0.025, base - c.h * 0.05, bx + c.h * 0.025, base), fill=(240, 236, 226)
    )
    wood = c.tone((140, 110, 80))
    y = c.ground_y(0.45)
    c.mid.line([(0, y - c.h * 0.05), (c.w, y - c.h * 0.05)], fill=wood, width=c.pen(0.006))
    c.mid.line([(0, y - c.h * 0.1), (c.w, y - c.h * 0.1)], fill=wood, width=c.pen(0.006))
    for k in range(9):
        x = c.w * (k + 0.5) / 9
        c.mid.rectangle(
            (x - c.h * 0.008, y - c.h * 0.13, x + c.h * 0.008, y), fill=scale(wood, 0.8)
        )


def paint_park(c: Canvas) -> None:
    """A park: lawns, a path curving through, round trees, a bench and a lamp post."""
    p = c.palette
    sky_and_ground(c, (p.ground_top, p.ground_bottom))
    for step in range(0, 101, 4):
        _tree(
            c,
            c.x(step / 100),
            c.ground_y(0.02),
            c.h * c.rng.uniform(0.08, 0.13),
            mix(c.foliage(), p.sky.horizon, 0.35),
            False,
        )
    path = c.tone((210, 196, 170))
    c.mid.polygon(
        [(c.x(0.47), c.hy), (c.x(0.53), c.hy), (c.x(0.95), c.h * 1.3), (c.x(0.35), c.h * 1.3)],
        fill=path,
    )
    for x, near in ((0.12, 0.35), (0.86, 0.5), (0.3, 0.15), (0.7, 0.2)):
        _tree(
            c, c.x(x), c.ground_y(near), c.h * 0.5 * (0.4 + near), scale(c.foliage(), 0.85), False
        )
    wood, iron = c.tone((150, 100, 60)), (50, 50, 54)
    bx, base = c.x(0.2), c.ground_y(0.7)
    c.mid.rectangle(
        (bx - c.h * 0.12, base - c.h * 0.07, bx + c.h * 0.12, base - c.h * 0.055), fill=wood
    )
    c.mid.rectangle(
        (bx - c.h * 0.12, base - c.h * 0.13, bx + c.h * 0.12, base - c.h * 0.11), fill=wood
    )
    for dx in (-0.1, 0.1):
        c.mid.line(
            [(bx + c.h * dx, base - c.h * 0.13), (bx + c.h * dx, base)],
            fill=iron,
            width=c.pen(0.006),
        )
    lx = c.x(0.62)
    c.mid.line(
        [(lx, c.ground_y(0.4)), (lx, c.ground_y(0.4) - c.h * 0.3)], fill=iron, width=c.pen(0.006)
    )
    c.mid.ellipse(
        (
            lx - c.h * 0.015,
            c.ground_y(0.4) - c.h * 0.33,
            lx + c.h * 0.015,
            c.ground_y(0.4) - c.h * 0.29,
        ),
        fill=(255, 226, 160) if c.lights_on() else (200, 200, 190),
    )


def paint_snowfield(c: Canvas) -> None:
    """A snowfield: white to the horizon with blue shadows, drifts, a few dark pines."""
    p = c.palette
    snow = (244, 246, 252) if p.figure_light > 0.8 else (150, 160, 190)
    shadow = mix(snow, (120, 140, 190), 0.35)
    sky_and_ground(c, (mix(snow, p.sky.horizon, 0.2), snow))
    fill_below(c.back, c, ridge(c, c.hy, c.h * 0.06, 1.3), mix(snow, p.sky.horizon, 0.35))
    c.back.rectangle((0, c.hy, c.w, c.h * 2), fill=mix(snow, p.sky.horizon, 0.1))
    for near in (0.2, 0.5, 0.9):
        drift = ridge(c, c.ground_y(near), c.h * 0.04, 1.5, jag=0.05)
        fill_below(c.mid, c, drift, snow)
        c.mid.line([(x, y + c.h * 0.01) for x, y in drift], fill=shadow, width=c.pen(0.006))
    pine = scale(c.foliage(), 0.6)
    for x, near in ((0.1, 0.15), (0.16, 0.1), (0.82, 0.2), (0.9, 0.3)):
        _tree(c, c.x(x), c.ground_y(near), c.h * 0.4 * (0.4 + near), pine, True)
        tip = c.ground_y(near) - c.h * 0.4 * (0.4 + near)
        c.mid.polygon(
            [
                (c.x(x), tip),
                (c.x(x) + c.h * 0.02, tip + c.h * 0.04),
                (c.x(x) - c.h * 0.02, tip + c.h * 0.04),
            ],
            fill=snow,
        )
