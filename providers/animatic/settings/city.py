"""Built-up exteriors: a street between buildings, an open road, a parking lot, a rooftop
over the city, a bridge."""

from __future__ import annotations

from collections.abc import Callable

from providers.animatic.paint import glow
from providers.animatic.palette import Colour, mix, scale
from providers.animatic.prop_art.vehicles import draw_car
from providers.animatic.settings.canvas import Canvas, fill_below, ridge, sky_and_ground

CONCRETE = (138, 142, 154)
ASPHALT = (66, 68, 76)


def skyline(c: Canvas, base: float, tallest: float, haze: float) -> None:
    """A row of towers standing on base (pixels), hazed toward the sky; lit windows at night."""
    p = c.palette
    colour = mix(mix(p.mid, CONCRETE, 0.15 if p.lit_windows else 0.55), p.sky.horizon, haze)
    x = -c.rng.uniform(0, 0.05) * c.w
    while x < c.w:
        span = c.rng.uniform(0.04, 0.09) * c.w
        top = base - c.rng.uniform(0.06, tallest) * c.h
        shade = scale(colour, c.rng.uniform(0.9, 1.08))
        c.back.rectangle((x, top, x + span - 1, base + 2), fill=shade)
        if p.lit_windows:
            for _ in range(int(span * (base - top) / (c.h * c.h * 0.0012)) + 1):
                wx, wy = c.rng.uniform(x + 1, x + span - 3), c.rng.uniform(top + 2, base - 2)
                c.back.rectangle((wx, wy, wx + c.h * 0.006, wy + c.h * 0.008), fill=(255, 210, 130))
        x += span


def _road(c: Canvas, colour: Colour, half_far: float, half_near: float, dashes: Colour) -> None:
    vx = c.w / 2
    near_y = c.h * 1.3
    c.back.polygon(
        [
            (vx - half_far, c.hy),
            (vx + half_far, c.hy),
            (vx + half_near, near_y),
            (vx - half_near, near_y),
        ],
        fill=colour,
    )
    for k in range(12):
        t0, t1 = (k + 0.2) / 12, (k + 0.6) / 12
        y0, y1 = c.hy + (near_y - c.hy) * t0**2, c.hy + (near_y - c.hy) * t1**2
        w0, w1 = c.w * 0.002 * (1 + 8 * t0**2), c.w * 0.002 * (1 + 8 * t1**2)
        c.back.polygon([(vx - w0, y0), (vx + w0, y0), (vx + w1, y1), (vx - w1, y1)], fill=dashes)


def _lamp_post(c: Canvas, x: float, foot: float, tall: float) -> None:
    post = max(1.0, tall * 0.02)
    c.mid.rectangle((x - post, foot - tall, x + post, foot), fill=scale(c.palette.mid, 0.6))
    head = (x, foot - tall)
    if c.lights_on():
        glow(c.far, head, tall * 0.6, (255, 214, 140), 0.45)
    c.mid.ellipse(
        (x - post * 4, head[1] - post * 2, x + post * 4, head[1] + post * 2),
        fill=(255, 226, 160) if c.lights_on() else scale(c.palette.mid, 0.8),
    )


EYE_HEIGHT = 1.6  # the street in metres: eye above the ground, kerb and house fronts out
KERB, FRONTS = 4.0, 7.5
FACADES = ((170, 120, 100), (190, 176, 150), (140, 150, 160), (200, 190, 170), (150, 110, 90))


def paint_street(c: Canvas) -> None:
    """A street running away between house fronts with shops at their feet, pavements,
    kerbs and lamp posts, all in one perspective (metres projected onto the picture)."""
    p = c.palette
    sky_and_ground(c, (c.tone(CONCRETE), c.tone(scale(CONCRETE, 0.9))))
    skyline(c, c.hy, 0.2, 0.4)

    def at(x: float, y: float, z: float) -> tuple[float, float]:
        return c.w / 2 + c.h * x / z, c.hy + c.h * (EYE_HEIGHT - y) / z

    far, near = 160.0, 0.8
    road = [at(-KERB, 0, far), at(KERB, 0, far), at(KERB, 0, near), at(-KERB, 0, near)]
    c.back.polygon(road, fill=c.tone(ASPHALT))
    for z in (far * 0.9**k for k in range(40)):
        if z < 1.5 or int(z) % 6 > 2:
            continue
        c.back.polygon(
            [at(-0.08, 0, z), at(0.08, 0, z), at(0.08, 0, z * 0.8), at(-0.08, 0, z * 0.8)],
            fill=c.tone((230, 220, 160)),
        )
    for side in (-1, 1):
        c.back.line(
            [at(side * KERB, 0, far), at(side * KERB, 0, near)],
            fill=c.tone((180, 180, 176)),
            width=c.pen(0.004),
        )
        fronts: list[tuple[float, float, float]] = []
        z = 6.0
        while z < far:
            span = c.rng.uniform(6, 12)
            fronts.append((z, z + span, c.rng.uniform(8, 18)))
            z += span
        for z0, z1, tall in reversed(fronts):
            _house_front(c, at, side * FRONTS, (z0, z1), tall)
        for z in (10.0, 22.0, 40.0):
            foot, head = at(side * (KERB + 0.4), 0, z), at(side * (KERB + 0.4), 5.0, z)
            _lamp_post(c, foot[0], foot[1], foot[1] - head[1])
    del p


def _house_front(
    c: Canvas,
    at: Callable[[float, float, float], tuple[float, float]],
    x: float,
    depth: tuple[float, float],
    tall: float,
) -> None:
    """One building's face along the street: storeys of windows over a shopfront."""
    z0, z1 = depth
    wall = c.tone(c.rng.choice(FACADES))
    c.mid.polygon(
        [at(x, tall, z0), at(x, tall, z1), at(x, 0, z1), at(x, 0, z0)],
        fill=wall,
        outline=scale(wall, 0.75),
    )
    lit = c.lights_on()
    shop = c.tone(c.rng.choice(((60, 90, 120), (120, 50, 50), (60, 100, 70))))
    c.mid.polygon([at(x, 3.2, z0), at(x, 3.2, z1), at(x, 2.7, z1), at(x, 2.7, z0)], fill=shop)
    glass = (255, 214, 140) if lit else mix(wall, (40, 50, 70), 0.6)
    w0, w1 = z0 + (z1 - z0) * 0.1, z1 - (z1 - z0) * 0.1
    c.mid.polygon([at(x, 2.5, w0), at(x, 2.5, w1), at(x, 0.3, w1), at(x, 0.3, w0)], fill=glass)
    storey = 3.6
    floor = storey + 0.9
    while floor + 1.6 < tall:
        count = max(1, round((z1 - z0) / 3))
        for k in range(count):
            a = z0 + (z1 - z0) * (k + 0.25) / count
            b = z0 + (z1 - z0) * (k + 0.75) / count
            on = lit and c.rng.random() < 0.4
            pane = (255, 214, 140) if on else mix(wall, (40, 50, 70), 0.55)
            c.mid.polygon(
                [at(x, floor + 1.5, a), at(x, floor + 1.5, b), at(x, floor, b), at(x, floor, a)],
                fill=pane,
            )
        floor += storey


def paint_road(c: Canvas) -> None:
    """An open highway: a wide road to the horizon between fields, crash barriers, a sign."""
    p = c.palette
    sky_and_ground(c, (p.ground_top, p.ground_bottom))
    fill_below(c.back, c, ridge(c, c.hy, c.h * 0.06, 1.5), mix(p.far, p.sky.horizon, 0.35))
    c.back.rectangle((0, c.hy, c.w, c.h * 2), fill=p.ground_top)
    _road(c, c.tone(ASPHALT), c.w * 0.015, c.w * 0.9, (240, 240, 236))
    vx = c.w / 2
    for side in (-1, 1):
        c.mid.line(
            [(vx + side * c.w * 0.02, c.hy), (vx + side * c.w * 1.0, c.h * 1.3)],
            fill=(200, 200, 204),
            width=c.pen(0.008),
        )
        for k in range(10):
            t = (k / 10) ** 2
            x = vx + side * (c.w * 0.02 + c.w * 0.98 * t)
            y = c.hy + (c.h * 1.3 - c.hy) * t
            c.mid.line(
                [(x, y), (x, y - c.h * 0.04 * t - 1)], fill=(170, 170, 176), width=c.pen(0.003)
            )
    sx, sy = c.x(0.78), c.hy - c.h * 0.05
    c.mid.rectangle((sx - c.x(0.002), sy, sx + c.x(0.002), c.hy + c.h * 0.05), fill=(90, 90, 96))
    c.mid.rectangle(
        (sx - c.x(0.05), sy - c.h * 0.06, sx + c.x(0.05), sy),
        fill=(40, 110, 70),
        outline=(240, 240, 240),
    )


def paint_parking_lot(c: Canvas) -> None:
    """A parking lot: painted bays in rows, a few parked cars, lamp posts, a low building."""
    p = c.palette
    sky_and_ground(c, (c.tone(ASPHALT), c.tone(scale(ASPHALT, 1.2))))
    c.back.rectangle(
        (c.x(0.1), c.hy - c.h * 0.12, c.x(0.9), c.hy + 1), fill=c.tone((180, 170, 150))
    )
    c.back.rectangle(
        (c.x(0.1), c.hy - c.h * 0.13, c.x(0.9), c.hy - c.h * 0.11), fill=c.tone((120, 60, 50))
    )
    for k in range(8):
        x = c.x(0.14 + k * 0.095)
        c.back.rectangle(
            (x, c.hy - c.h * 0.08, x + c.x(0.05), c.hy - c.h * 0.03),
            fill=(255, 220, 150) if c.lights_on() else (90, 110, 130),
        )
    line = (236, 236, 220)
    for near in (0.15, 0.4, 0.75):
        y = c.ground_y(near)
        c.mid.line([(0, y), (c.w, y)], fill=line, width=max(1, round(c.h * 0.004 * near * 2)))
        for k in range(-12, 13):
            x = c.w / 2 + k * c.w * 0.07 * (0.4 + near)
            c.mid.line(
                [(x, y), (x + (x - c.w / 2) * 0.15, y + c.h * 0.08 * near)],
                fill=line,
                width=max(1, round(c.h * 0.004 * near * 2)),
            )
    colours = ((170, 40, 40), (40, 70, 140), (200, 200, 200), (40, 40, 44))
    for near, slots in ((0.15, (-5, -2, 1, 4)), (0.4, (-3, 2))):
        for k in slots:
            x = c.w / 2 + (k + 0.5) * c.w * 0.07 * (0.4 + near)
            draw_car(
                c.mid,
                x,
                c.ground_y(near) + c.h * 0.06 * near,
                c.h * 0.13 * (0.4 + near),
                c.tone(c.rng.choice(colours)),
                c.lights_on(),
            )
    _lamp_post(c, c.x(0.2), c.ground_y(0.3), c.h * 0.3)
    _lamp_post(c, c.x(0.8), c.ground_y(0.3), c.h * 0.3)
    del p


def paint_rooftop(c: Canvas) -> None:
    """On a roof: the city's towers all round below, a water tank and vents, the parapet."""
    p = c.palette
    sky_and_ground(c, None)
    skyline(c, c.hy + c.h * 0.05, 0.16, 0.45)
    skyline(c, c.hy + c.h * 0.12, 0.22, 0.15)
    roof = c.tone((110, 104, 100))
    c.back.rectangle((0, c.hy + c.h * 0.1, c.w, c.h * 2), fill=roof)
    c.mid.rectangle((0, c.hy + c.h * 0.08, c.w, c.hy + c.h * 0.11), fill=c.tone((160, 150, 140)))
    tx, ty = c.x(0.74), c.hy - c.h * 0.05
    wood = c.tone((140, 96, 60))
    for lx in (-0.04, 0.04):
        c.mid.line(
            [(tx + c.x(lx), ty), (tx + c.x(lx * 1.3), c.hy + c.h * 0.1)],
            fill=(50, 50, 54),
            width=c.pen(0.006),
        )
    c.mid.rectangle((tx - c.x(0.05), ty - c.h * 0.2, tx + c.x(0.05), ty), fill=wood)
    c.mid.polygon(
        [
            (tx - c.x(0.055), ty - c.h * 0.2),
            (tx, ty - c.h * 0.27),
            (tx + c.x(0.055), ty - c.h * 0.2),
        ],
        fill=scale(wood, 0.7),
    )
    c.mid.rectangle(
        (c.x(0.2), c.hy + c.h * 0.02, c.x(0.27), c.hy + c.h * 0.1), fill=c.tone((170, 170, 174))
    )
    c.mid.line(
        [(c.x(0.4), c.hy + c.h * 0.1), (c.x(0.4), c.hy - c.h * 0.3)],
        fill=(60, 60, 64),
        width=c.pen(0.004),
    )
    ledge = c.tone((150, 140, 130))
    c.front.rectangle((0, c.y(0.9), c.w, c.h * 2), fill=ledge)
    c.front.rectangle((0, c.y(0.88), c.w, c.y(0.9)), fill=scale(ledge, 1.2))
    del p


def paint_bridge(c: Canvas) -> None:
    """On a suspension bridge: the deck running to the far tower, its cables sweeping
    down and up, railings and water far below at the sides."""
    p = c.palette
    sky_and_ground(c, None)
    water = mix(p.sky.top, p.mid, 0.45)
    c.back.rectangle((0, c.hy, c.w, c.h * 2), fill=water)
    fill_below(c.back, c, ridge(c, c.hy, c.h * 0.05, 1), mix(p.far, p.sky.horizon, 0.4))
    c.back.rectangle((0, c.hy, c.w, c.h * 2), fill=water)
    skyline(c, c.hy, 0.08, 0.55)
    _road(c, c.tone(ASPHALT), c.w * 0.02, c.w * 0.7, (240, 240, 236))
    steel = c.tone((180, 70, 50))
    vx = c.w / 2
    tower_y = c.hy - c.h * 0.35
    for side in (-1, 1):
        x = vx + side * c.w * 0.035
        c.mid.rectangle((x - c.w * 0.006, tower_y, x + c.w * 0.006, c.hy), fill=steel)
        pts = []
        for k in range(21):
            t = k / 20
            sx = x + side * c.w * 0.9 * t**2
            sy = (
                tower_y
                + (c.h * 0.55) * (1 - (1 - t) ** 2) * (1 - t)
                + (c.hy + c.h * 0.4 - tower_y) * t**3
            )
            pts.append((sx, sy))
        c.mid.line(pts, fill=steel, width=c.pen(0.008))
        for k in range(2, 20, 2):
            t = k / 20
            deck_x = vx + side * (c.w * 0.04 + c.w * 0.66 * t**2)
            c.mid.line(
                [pts[k], (deck_x, c.hy + (c.h * 1.3 - c.hy) * t**2 * 0.8)],
                fill=steel,
                width=c.pen(0.002),
            )
    c.mid.rectangle(
        (vx - c.w * 0.04, tower_y + c.h * 0.04, vx + c.w * 0.04, tower_y + c.h * 0.06), fill=steel
    )
