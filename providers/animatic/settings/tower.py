"""A lighthouse's lamp room: glazing all round onto the sea, the great ribbed lens on its
pedestal in the middle, its beam sweeping out after dark."""

from __future__ import annotations

from providers.animatic.paint import glow
from providers.animatic.palette import mix, scale
from providers.animatic.settings.canvas import Canvas, sky_and_ground


def paint_lighthouse(c: Canvas) -> None:
    p = c.palette
    sky_and_ground(c, None)
    water = mix(p.sky.top, p.mid, 0.45)
    c.back.rectangle((0, c.hy, c.w, c.h * 2), fill=water)
    for k in range(14):
        y = c.hy + (k / 14) ** 2 * c.h * 0.4
        x = c.rng.uniform(0, c.w)
        c.back.line(
            [(x, y), (x + c.w * 0.1, y)], fill=mix(water, (255, 255, 255), 0.25), width=c.pen(0.002)
        )
    iron = scale((52, 58, 60), 0.6 + 0.4 * p.figure_light)
    sill = c.y(0.74)
    c.glass.append((0, c.y(0.06), c.w, sill))
    c.mid.rectangle((0, sill, c.w, c.h * 2), fill=scale(c.tone((200, 196, 186)), 0.9))
    c.mid.rectangle((0, sill, c.w, sill + c.h * 0.02), fill=iron)
    for k in range(9):  # the lamp room's iron wall panels under the glass, riveted
        x = c.w * k / 8
        c.mid.line([(x, sill), (x, c.h * 2)], fill=scale(iron, 1.3), width=c.pen(0.004))
        for row in range(3):
            y = sill + c.h * (0.05 + 0.07 * row)
            c.mid.ellipse(
                (x + c.h * 0.01, y, x + c.h * 0.018, y + c.h * 0.008), fill=scale(iron, 1.5)
            )
    c.mid.rectangle((0, -c.h, c.w, c.y(0.06)), fill=iron)
    # Glazing bars: the room is many-sided, so the panes narrow toward the edges.
    for k in range(-4, 5):
        x = c.w * 0.5 + c.w * 0.62 * (k / 4.5) * (1 - 0.12 * abs(k) / 4.5)
        c.mid.line([(x, c.y(0.06)), (x, sill)], fill=iron, width=c.pen(0.008))
    c.mid.line([(0, c.y(0.4)), (c.w, c.y(0.4))], fill=iron, width=c.pen(0.004))
    c.mid.line([(0, c.y(0.66)), (c.w, c.y(0.66))], fill=iron, width=c.pen(0.003))
    for k in range(40):
        x = c.w * k / 40
        c.mid.line([(x, c.y(0.66)), (x, sill)], fill=iron, width=c.pen(0.0015))
    cx, top, bottom = c.x(0.5), c.y(0.16), c.y(0.64)
    radius = c.h * 0.17
    lit = c.lights_on()
    if lit:
        for side in (-1, 1):
            c.mid.polygon(
                [(cx, c.y(0.38)), (cx + side * c.w, c.y(0.26)), (cx + side * c.w, c.y(0.5))],
                fill=(255, 244, 200, 70),
            )
        glow(c.far, (cx, c.y(0.38)), c.h * 0.6, (255, 236, 180), 0.6)
    glass = (236, 240, 226) if lit else c.tone((170, 196, 200))
    c.mid.rectangle((cx - c.h * 0.08, bottom, cx + c.h * 0.08, sill), fill=iron)
    bands = 9
    for k in range(bands):
        y0 = top + (bottom - top) * k / bands
        y1 = top + (bottom - top) * (k + 1) / bands
        bulge = 1 - ((k + 0.5) / bands - 0.5) ** 2 * 1.6
        half = radius * bulge
        shade = scale(glass, 0.82 + 0.18 * ((k + 1) % 2))
        c.mid.rectangle((cx - half, y0, cx + half, y1), fill=shade, outline=scale(glass, 0.6))
    c.mid.rectangle(
        (cx - radius * 0.6, c.y(0.34), cx + radius * 0.6, c.y(0.42)),
        fill=(255, 250, 220) if lit else scale(glass, 1.1),
    )
    c.mid.ellipse(
        (cx - radius * 0.5, top - c.h * 0.04, cx + radius * 0.5, top + c.h * 0.02), fill=iron
    )
