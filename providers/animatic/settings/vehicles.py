"""Inside vehicles: a car (windscreen, dashboard, wheel), a bus (the aisle between seats),
a train (a long window onto passing country), a ship's cabin (portholes, a bunk) and a
ship's bridge (a wheel before windows onto the sea)."""

from __future__ import annotations

import math

from providers.animatic.paint import glow
from providers.animatic.palette import mix, scale
from providers.animatic.settings.canvas import (
    Canvas,
    fill_below,
    ridge,
    sky_and_ground,
    window_glass,
)
from providers.animatic.settings.fittings import window
from providers.animatic.settings.rooms import room_shell, round_mask


def _road_ahead(c: Canvas) -> None:
    """The far layer of a car: the road running to the horizon between fields."""
    p = c.palette
    sky_and_ground(c, (p.ground_top, p.ground_bottom))
    fill_below(c.back, c, ridge(c, c.hy, c.h * 0.05, 2), mix(p.far, p.sky.horizon, 0.4))
    road = scale((70, 72, 80), 0.5 + 0.5 * p.figure_light)
    vx = c.w * 0.5
    c.back.polygon(
        [(vx - 2, c.hy), (vx + 2, c.hy), (c.w * 0.95, c.h * 1.2), (c.w * 0.05, c.h * 1.2)],
        fill=road,
    )
    for k in range(8):
        t0, t1 = (k + 0.2) / 8, (k + 0.55) / 8
        y0, y1 = c.hy + (c.h * 1.2 - c.hy) * t0**2, c.hy + (c.h * 1.2 - c.hy) * t1**2
        c.back.line(
            [(vx, y0), (vx, y1)], fill=(230, 220, 160), width=max(1, round(c.h * 0.01 * t1))
        )


def paint_car(c: Canvas) -> None:
    """From the front seats: the windscreen's frame and pillars, the mirror, the dashboard
    with its dials and the steering wheel in front of us."""
    _road_ahead(c)
    if c.lights_on():  # the headlights on the road ahead
        glow(c.far, (c.x(0.5), c.y(0.78)), c.h * 0.5, (255, 240, 200), 0.35, squash=0.35)
    trim = scale((40, 42, 48), 0.6 + 0.4 * c.palette.figure_light)
    roof = c.y(0.14)
    dash = c.y(0.74)
    c.glass.append((c.x(0.08), roof, c.x(0.92), dash))
    c.mid.rectangle((0, -c.h, c.w, roof), fill=scale(trim, 1.3))
    c.mid.polygon([(0, roof), (c.x(0.14), roof), (c.x(0.02), dash), (0, dash)], fill=trim)
    c.mid.polygon([(c.w, roof), (c.x(0.86), roof), (c.x(0.98), dash), (c.w, dash)], fill=trim)
    c.mid.rounded_rectangle(
        (c.x(0.44), roof + c.h * 0.02, c.x(0.56), roof + c.h * 0.07),
        c.h * 0.01,
        fill=(30, 30, 34),
        outline=(90, 90, 96),
    )
    c.mid.line(
        [(c.x(0.5), roof), (c.x(0.5), roof + c.h * 0.02)], fill=(30, 30, 34), width=c.pen(0.006)
    )
    c.front.polygon([(0, dash), (c.w, dash), (c.w, c.h * 2), (0, c.h * 2)], fill=trim)
    c.front.rectangle((0, dash - c.h * 0.02, c.w, dash + c.h * 0.01), fill=scale(trim, 1.5))
    cx, cy, r = c.x(0.3), dash + c.h * 0.16, c.h * 0.2
    for k, dx in enumerate((-0.06, 0.0)):
        gx = cx + c.x(dx) + c.h * 0.03
        col = (255, 170, 80) if c.lights_on() else (200, 200, 190)
        c.front.ellipse(
            (gx - c.h * 0.025, dash + c.h * 0.02, gx + c.h * 0.025, dash + c.h * 0.07),
            outline=col,
            width=c.pen(0.003),
        )
        c.front.line(
            [(gx, dash + c.h * 0.045), (gx + c.h * 0.015 * (1 - 2 * k), dash + c.h * 0.03)],
            fill=col,
            width=c.pen(0.003),
        )
    c.front.ellipse(
        (cx - r, cy - r, cx + r, cy + r), outline=(20, 20, 22), width=max(2, round(c.h * 0.025))
    )
    c.front.line([(cx - r, cy), (cx + r, cy)], fill=(20, 20, 22), width=max(2, round(c.h * 0.02)))
    c.front.ellipse((cx - r * 0.25, cy - r * 0.2, cx + r * 0.25, cy + r * 0.3), fill=(30, 30, 34))
    c.front.rectangle(
        (c.x(0.56), dash + c.h * 0.04, c.x(0.66), dash + c.h * 0.1), fill=(20, 24, 30)
    )
    if c.lights_on():
        c.front.rectangle(
            (c.x(0.57), dash + c.h * 0.05, c.x(0.65), dash + c.h * 0.09), fill=(90, 180, 230)
        )


def paint_bus(c: Canvas) -> None:
    """Down a bus's aisle: rows of seats both sides, windows along the walls, yellow poles,
    the windscreen at the front."""
    p = c.palette
    shell = room_shell(
        c, (0.38, 0.62, 0.26), "plain", wall=(40, 44, 50), floor=(80, 84, 90), eye=0.15
    )
    top, floor = shell.top, shell.bottom
    window(
        c,
        c.setting,
        (shell.left + 2, top + 2, shell.right - 2, floor - (floor - top) * 0.3),
        (40, 44, 50),
    )
    for right in (False, True):
        for s0 in (1.1, 1.5, 2.05, 2.8, 3.8):
            glass = shell.on_wall(
                right, s0, s0 * 1.3, top + (floor - top) * 0.1, top + (floor - top) * 0.55
            )
            c.mid.polygon(
                glass,
                fill=mix(p.sky.middle, p.sky.horizon, 0.5),
                outline=(40, 44, 50),
                width=max(1, round(c.h * 0.004 * s0)),
            )
    seat = c.tone((60, 90, 150))
    aisle = (shell.right - shell.left) * 0.36
    for s in (1.15, 1.4, 1.7, 2.1, 2.6, 3.3):  # far rows first, so nearer ones cover them
        for x0, x1 in ((shell.left, shell.left + aisle), (shell.right - aisle, shell.right)):
            back_top, seat_top = floor - c.h * 0.095, floor - c.h * 0.04
            a, b = shell.at(x0, back_top, s), shell.at(x1, seat_top, s)
            radius = max(1, round(c.h * 0.012 * s))
            c.mid.rounded_rectangle(
                (a[0], a[1], b[0], b[1]), radius, fill=seat, outline=scale(seat, 0.6)
            )
            head = shell.at(x0, back_top + c.h * 0.012, s)
            c.mid.rectangle((a[0] + radius, a[1], b[0] - radius, head[1]), fill=scale(seat, 1.2))
    pole = (230, 190, 40)
    for s in (1.3, 2.0, 3.2):
        for x in (
            shell.left + (shell.right - shell.left) * 0.4,
            shell.right - (shell.right - shell.left) * 0.4,
        ):
            a, b = shell.at(x, top, s), shell.at(x, floor, s)
            c.mid.line([a, b], fill=pole, width=max(1, round(c.h * 0.005 * s)))
    rail_y = top + (floor - top) * 0.05
    for x in (
        shell.left + (shell.right - shell.left) * 0.3,
        shell.right - (shell.right - shell.left) * 0.3,
    ):
        c.mid.line(
            [shell.at(x, rail_y, 1), shell.at(x, rail_y, 6)],
            fill=(200, 200, 206),
            width=c.pen(0.006),
        )


def paint_train(c: Canvas) -> None:
    """A train carriage from the aisle: a long window onto fields and telegraph poles, the
    luggage rack over it, a table and a pair of facing seats."""
    p = c.palette
    shell = room_shell(
        c, (0.0, 1.0, 0.52), "plain", wall=c.tone((206, 200, 186)), floor=(90, 90, 96)
    )
    top, floor = shell.top, shell.bottom
    gy0, gy1 = top + c.h * 0.12, floor - c.h * 0.2
    for k in range(3):
        x0 = c.x(0.04 + k * 0.33)
        x1 = x0 + c.x(0.27)
        window(c, c.setting, (x0, gy0, x1, gy1), c.tone((150, 150, 150)), bars=0)
        c.mid.line(
            [(x0, gy1 - (gy1 - gy0) * 0.25), (x1, gy1 - (gy1 - gy0) * 0.3)],
            fill=(40, 40, 40),
            width=c.pen(0.002),
        )
        for pole_x in (x0 + (x1 - x0) * 0.35,):
            c.mid.line(
                [(pole_x, gy0 + (gy1 - gy0) * 0.3), (pole_x, gy1)],
                fill=(80, 70, 60),
                width=c.pen(0.004),
            )
    c.mid.rectangle((0, top + c.h * 0.03, c.w, top + c.h * 0.06), fill=c.tone((120, 120, 126)))
    for index in range(30):
        x = c.w * index / 30
        c.mid.line(
            [(x, top + c.h * 0.06), (x, top + c.h * 0.085)],
            fill=c.tone((120, 120, 126)),
            width=c.pen(0.002),
        )
    seat, cover = c.tone((150, 50, 60)), c.tone((230, 230, 226))
    for cx in (c.x(0.175), c.x(0.505), c.x(0.835)):  # a bay of facing seats per window
        c.mid.rectangle(
            (cx - c.x(0.06), gy1 + c.h * 0.03, cx + c.x(0.06), gy1 + c.h * 0.045),
            fill=c.tone((120, 96, 76)),
        )
        c.mid.rectangle(
            (cx - c.x(0.006), gy1 + c.h * 0.045, cx + c.x(0.006), floor), fill=(90, 90, 96)
        )
        for side in (-1, 1):
            back = cx + side * c.x(0.135)
            c.mid.rounded_rectangle(
                (back - c.x(0.018), gy0 - c.h * 0.02, back + c.x(0.018), floor - c.h * 0.08),
                c.h * 0.015,
                fill=seat,
                outline=scale(seat, 0.6),
            )
            c.mid.rectangle(
                (back - c.x(0.018), gy0 - c.h * 0.02, back + c.x(0.018), gy0 + c.h * 0.04),
                fill=cover,
            )
            inner = back - side * c.x(0.075)
            c.mid.rounded_rectangle(
                (min(back, inner), floor - c.h * 0.13, max(back, inner), floor - c.h * 0.08),
                c.h * 0.012,
                fill=scale(seat, 1.1),
                outline=scale(seat, 0.6),
            )
            c.mid.rectangle(
                (
                    min(back, inner) + c.x(0.01),
                    floor - c.h * 0.08,
                    max(back, inner) - c.x(0.01),
                    floor,
                ),
                fill=scale(seat, 0.6),
            )
    c.back.rectangle((0, floor + c.h * 0.08, c.w, c.h * 2), fill=c.tone((110, 60, 70)))
    del p


def paint_ship_cabin(c: Canvas) -> None:
    """A ship's cabin: wood panelling, round portholes onto the sea, a bunk, a brass lamp."""
    wood = c.tone((150, 104, 64))
    shell = room_shell(c, (0.1, 0.9, 0.5), "boards", wall=wood, floor=(120, 84, 56))
    top, floor = shell.top, shell.bottom
    for index in range(24):
        x = shell.left + (shell.right - shell.left) * index / 24
        c.back.line([(x, top), (x, floor)], fill=scale(wood, 0.8), width=c.pen(0.002))
    for x in (0.44, 0.66):
        r = c.h * 0.06
        cx, cy = c.x(x), top + c.h * 0.18

        c.setting.paste(
            window_glass(c, (0, 0, r * 2, r * 2), sea=True),
            (round(cx - r), round(cy - r)),
            round_mask(r),
        )
        c.mid.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(200, 160, 70), width=c.pen(0.012))
    bunk = c.tone((200, 200, 196))
    c.mid.rectangle(
        (c.x(0.1), floor - c.h * 0.36, c.x(0.34), floor - c.h * 0.33), fill=scale(wood, 0.7)
    )
    c.mid.rectangle((c.x(0.1), floor - c.h * 0.33, c.x(0.33), floor - c.h * 0.29), fill=bunk)
    c.mid.rectangle((c.x(0.1), floor - c.h * 0.13, c.x(0.34), floor), fill=scale(wood, 0.7))
    c.mid.rectangle(
        (c.x(0.1), floor - c.h * 0.16, c.x(0.33), floor - c.h * 0.12), fill=c.tone((70, 90, 140))
    )
    lamp = (c.x(0.8), top + c.h * 0.16)
    glow(c.far, lamp, c.h * 0.3, (255, 210, 140), 0.45 if c.palette.lamp else 0.2)
    c.mid.rectangle(
        (lamp[0] - c.h * 0.015, lamp[1] - c.h * 0.03, lamp[0] + c.h * 0.015, lamp[1] + c.h * 0.03),
        fill=(255, 226, 160),
        outline=(200, 160, 70),
        width=c.pen(0.004),
    )
    for y in (top + c.h * 0.02, floor - c.h * 0.02):
        c.mid.line([(shell.left, y), (shell.right, y)], fill=scale(wood, 0.6), width=c.pen(0.01))


def paint_ship_bridge(c: Canvas) -> None:
    """A ship's bridge: windows all across onto the sea, the console, the wheel before us."""
    p = c.palette
    sky_and_ground(c, None)
    water = mix(p.sky.top, p.mid, 0.45)
    c.back.rectangle((0, c.hy, c.w, c.h * 2), fill=water)
    for k in range(20):
        y = c.hy + (k / 20) ** 2 * c.h * 0.5
        c.back.line(
            [(c.rng.uniform(0, c.w * 0.5), y), (c.rng.uniform(c.w * 0.5, c.w), y)],
            fill=mix(water, (255, 255, 255), 0.2),
            width=c.pen(0.002),
        )
    frame = c.tone((210, 210, 204))
    c.mid.rectangle((0, -c.h, c.w, c.y(0.2)), fill=frame)
    for k in range(6):
        x = c.w * k / 5
        c.mid.polygon(
            [
                (x - c.x(0.012), c.y(0.2)),
                (x + c.x(0.012), c.y(0.2)),
                (x + c.x(0.02), c.y(0.7)),
                (x - c.x(0.02), c.y(0.7)),
            ],
            fill=frame,
        )
    console = c.tone((70, 80, 90))
    c.front.rectangle((0, c.y(0.7), c.w, c.h * 2), fill=console)
    c.front.rectangle((0, c.y(0.7), c.w, c.y(0.72)), fill=scale(console, 1.4))
    for x in (0.15, 0.22, 0.72, 0.8):
        c.front.rectangle(
            (c.x(x), c.y(0.75), c.x(x + 0.05), c.y(0.8)),
            fill=(40, 110, 70) if c.lights_on() else (30, 34, 40),
        )
    cx, cy, r = c.x(0.5), c.y(0.86), c.h * 0.16
    wheel = c.tone((130, 84, 44))
    for k in range(8):
        a = k * math.pi / 4
        c.front.line(
            [(cx, cy), (cx + math.cos(a) * r * 1.25, cy + math.sin(a) * r * 1.25)],
            fill=wheel,
            width=c.pen(0.014),
        )
    c.front.ellipse(
        (cx - r, cy - r, cx + r, cy + r), outline=wheel, width=max(2, round(c.h * 0.022))
    )
    c.front.ellipse(
        (cx - r * 0.15, cy - r * 0.15, cx + r * 0.15, cy + r * 0.15), fill=(200, 160, 70)
    )
