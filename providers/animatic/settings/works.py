"""Places of work: a warehouse with its racks and roller door, a laboratory's benches."""

from __future__ import annotations

import math

from providers.animatic.palette import mix, scale
from providers.animatic.settings.canvas import Canvas
from providers.animatic.settings.fittings import shelves
from providers.animatic.settings.rooms import room_shell


def paint_warehouse(c: Canvas) -> None:
    """A warehouse: a roller door in a corrugated back wall, roof trusses, racks of
    pallets down the side, crates on a concrete floor."""
    metal = c.tone((150, 156, 160))
    shell = room_shell(c, (0.16, 0.84, 0.44), "concrete", wall=metal, floor=(130, 130, 126))
    top, floor = shell.top, shell.bottom
    for index in range(40):
        x = shell.left + (shell.right - shell.left) * index / 40
        c.back.line([(x, top), (x, floor)], fill=scale(metal, 0.85), width=c.pen(0.002))
    door = (c.x(0.4), floor - c.h * 0.3, c.x(0.6), floor)
    c.mid.rectangle(door, fill=c.tone((180, 170, 120)), outline=(70, 70, 76), width=c.pen(0.006))
    for row in range(15):
        y = door[1] + (door[3] - door[1]) * row / 15
        c.mid.line([(door[0], y), (door[2], y)], fill=c.tone((150, 140, 100)), width=c.pen(0.002))
    for k in range(8):  # hazard stripes on the kerb under the door
        x = door[0] + (door[2] - door[0]) * k / 8
        c.mid.polygon(
            [
                (x, floor),
                (x + c.h * 0.02, floor),
                (x + c.h * 0.035, floor + c.h * 0.015),
                (x + c.h * 0.015, floor + c.h * 0.015),
            ],
            fill=(230, 190, 40) if k % 2 else (30, 30, 30),
        )
    steel = (70, 70, 76)
    for s in (1.0, 1.35, 1.8, 2.5):
        a, b = shell.at(shell.left, top, s), shell.at(shell.right, top, s)
        apex = shell.at(c.w / 2, top - c.h * 0.1, s)
        width = max(1, round(c.h * 0.005 * s))
        c.mid.line([a, apex, b, a], fill=steel, width=width)
        for t in (0.25, 0.5, 0.75):
            bottom = (a[0] + (b[0] - a[0]) * t, a[1])
            peak = apex[1] + (a[1] - apex[1]) * abs(t - 0.5) * 2
            c.mid.line([bottom, (bottom[0], peak)], fill=steel, width=width)
    rack, pallet = c.tone((210, 110, 40)), c.tone((170, 140, 96))
    for s0, s1 in ((1.0, 1.3), (1.3, 1.7), (1.7, 2.2)):
        for level in range(3):
            y0, y1 = floor - c.h * 0.12 * (level + 1), floor - c.h * 0.12 * level
            c.mid.polygon(
                shell.on_wall(False, s0 * 1.04, s1 * 0.96, y0 + c.h * 0.025, y1 - c.h * 0.01),
                fill=pallet,
                outline=scale(pallet, 0.7),
            )
            c.mid.line(
                [shell.at(shell.left, y0, s0), shell.at(shell.left, y0, s1)],
                fill=rack,
                width=max(1, round(c.h * 0.008 * s0)),
            )
        for s in (s0, s1):
            c.mid.line(
                [shell.at(shell.left, floor, s), shell.at(shell.left, floor - c.h * 0.36, s)],
                fill=rack,
                width=max(1, round(c.h * 0.01 * s)),
            )
    crate = c.tone((170, 134, 84))
    for x, tall in ((0.62, 0.1), (0.7, 0.16), (0.78, 0.08)):
        a, b = shell.at(c.x(x), floor - c.h * tall, 1.4), shell.at(c.x(x + 0.07), floor, 1.4)
        c.mid.rectangle(
            (a[0], a[1], b[0], b[1]), fill=crate, outline=scale(crate, 0.6), width=c.pen()
        )
        c.mid.line([(a[0], a[1]), (b[0], b[1])], fill=scale(crate, 0.7), width=c.pen())


def paint_lab(c: Canvas) -> None:
    """A laboratory: white benches with glassware, a fume hood, shelves of reagents."""
    shell = room_shell(
        c, (0.12, 0.88, 0.5), "tiles", wall=c.tone((236, 240, 242)), tiles=(210, 216, 220)
    )
    top, floor = shell.top, shell.bottom
    hood = (c.x(0.16), top + c.h * 0.06, c.x(0.4), floor - c.h * 0.2)
    c.mid.rectangle(hood, fill=c.tone((180, 186, 190)), outline=(120, 124, 130), width=c.pen(0.005))
    c.mid.rectangle(
        (hood[0] + c.h * 0.02, hood[1] + c.h * 0.05, hood[2] - c.h * 0.02, hood[3]),
        fill=c.tone((200, 226, 236)),
    )
    shelves(
        c,
        c.mid,
        (c.x(0.56), top + c.h * 0.06, c.x(0.84), top + c.h * 0.24),
        c.tone((220, 220, 220)),
        2,
        "bottles",
    )
    bench = c.tone((60, 66, 72))
    for s, y in ((1.0, floor - c.h * 0.2), (1.5, floor - c.h * 0.18)):
        a = shell.at(c.x(0.14), y, s)
        b = shell.at(c.x(0.86), floor, s)
        c.mid.rectangle((a[0], a[1], b[0], b[1]), fill=c.tone((226, 228, 230)))
        c.mid.rectangle((a[0], a[1] - c.h * 0.012 * s, b[0], a[1]), fill=bench)
        _glassware(c, a[0], b[0], a[1] - c.h * 0.012 * s, s)


def _glassware(c: Canvas, x0: float, x1: float, base: float, s: float) -> None:
    """Flasks and test tubes standing along a bench top."""
    liquids = ((90, 200, 120), (80, 150, 230), (230, 120, 60), (200, 90, 200))
    x = x0 + (x1 - x0) * 0.1
    while x < x1 - (x1 - x0) * 0.1:
        r = c.h * 0.02 * s
        colour = c.rng.choice(liquids)
        if c.rng.random() < 0.5:
            c.mid.polygon(
                [
                    (x - r, base),
                    (x + r, base),
                    (x + r * 0.25, base - r * 1.6),
                    (x - r * 0.25, base - r * 1.6),
                ],
                fill=(220, 236, 240),
                outline=(150, 170, 180),
            )
            c.mid.rectangle(
                (x - r * 0.25, base - r * 2.5, x + r * 0.25, base - r * 1.6),
                fill=(220, 236, 240),
                outline=(150, 170, 180),
            )
            c.mid.polygon(
                [
                    (x - r * 0.9, base),
                    (x + r * 0.9, base),
                    (x + r * 0.5, base - r * 0.7),
                    (x - r * 0.5, base - r * 0.7),
                ],
                fill=colour,
            )
        else:
            for k in range(4):
                tx = x - r + k * r * 0.6
                c.mid.rounded_rectangle(
                    (tx, base - r * 2, tx + r * 0.35, base),
                    r * 0.17,
                    fill=mix(colour, (255, 255, 255), 0.3 * math.sin(k)),
                )
        x += r * c.rng.uniform(3.5, 6)
