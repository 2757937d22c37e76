"""Public interiors: a hospital room, a bar or café, a shop, a church."""

from __future__ import annotations

from providers.animatic.paint import glow
from providers.animatic.palette import scale
from providers.animatic.settings.canvas import Canvas
from providers.animatic.settings.fittings import hanging_lamp, shelves, window
from providers.animatic.settings.rooms import room_shell


def paint_hospital(c: Canvas) -> None:
    """A ward: pale green walls, a bed with rails, a drip stand, a heart monitor, a
    curtain on its rail."""
    shell = room_shell(
        c, (0.14, 0.86, 0.5), "tiles", wall=c.tone((204, 226, 214)), tiles=(222, 228, 226)
    )
    top, floor = shell.top, shell.bottom
    window(c, c.setting, (c.x(0.2), top + c.h * 0.08, c.x(0.36), top + c.h * 0.28), (230, 232, 230))
    c.mid.line(
        [(c.x(0.14), top + c.h * 0.03), (c.x(0.86), top + c.h * 0.03)],
        fill=(170, 170, 176),
        width=c.pen(0.005),
    )
    curtain = c.tone((150, 190, 200))
    for index in range(6):
        x = c.x(0.74 + index * 0.02)
        c.mid.rectangle(
            (x, top + c.h * 0.03, x + c.x(0.016), floor - c.h * 0.04),
            fill=scale(curtain, 0.9 + 0.05 * (index % 2)),
        )
    sheet, frame = (244, 246, 248), c.tone((170, 176, 186))
    c.mid.rectangle((c.x(0.38), floor - c.h * 0.22, c.x(0.4), floor), fill=frame)
    c.mid.rectangle((c.x(0.36), floor - c.h * 0.08, c.x(0.7), floor - c.h * 0.04), fill=frame)
    c.mid.rounded_rectangle(
        (c.x(0.38), floor - c.h * 0.13, c.x(0.68), floor - c.h * 0.07), c.h * 0.02, fill=sheet
    )
    c.mid.rounded_rectangle(
        (c.x(0.4), floor - c.h * 0.16, c.x(0.46), floor - c.h * 0.12),
        c.h * 0.015,
        fill=(250, 250, 250),
    )
    c.mid.rectangle(
        (c.x(0.48), floor - c.h * 0.12, c.x(0.68), floor - c.h * 0.07), fill=c.tone((140, 180, 210))
    )
    for x in (0.36, 0.7):
        c.mid.rectangle((c.x(x), floor - c.h * 0.1, c.x(x + 0.008), floor + c.h * 0.02), fill=frame)
    c.mid.line(
        [(c.x(0.3), top + c.h * 0.12), (c.x(0.3), floor)], fill=(160, 164, 170), width=c.pen(0.004)
    )
    c.mid.rounded_rectangle(
        (c.x(0.29), top + c.h * 0.12, c.x(0.31), top + c.h * 0.18), 2, fill=(220, 236, 250)
    )
    mx, my = c.x(0.55), top + c.h * 0.08
    c.mid.rectangle((mx, my, mx + c.x(0.1), my + c.h * 0.1), fill=(30, 34, 38))
    beat = [
        (mx + c.x(0.1) * t / 20, my + c.h * (0.05 - (0.03 if t % 7 == 3 else 0))) for t in range(21)
    ]
    c.mid.line(beat, fill=(90, 240, 120), width=c.pen(0.003))


def paint_bar(c: Canvas) -> None:
    """A bar or café: shelves of bottles behind the counter, a mirror, pendant lamps, the
    counter and stools across the front."""
    wood = c.tone((110, 66, 40))
    shell = room_shell(c, (0.1, 0.9, 0.5), "boards", wall=c.tone((120, 80, 60)), floor=(90, 60, 44))
    top, floor = shell.top, shell.bottom
    mirror = (c.x(0.16), top + c.h * 0.04, c.x(0.84), top + c.h * 0.16)
    c.mid.rectangle(
        mirror, fill=c.tone((150, 170, 180)), outline=scale(wood, 1.3), width=c.pen(0.006)
    )
    for k in range(6):  # glints across the mirror
        x = mirror[0] + (mirror[2] - mirror[0]) * (0.1 + 0.15 * k)
        c.mid.line(
            [(x, mirror[3]), (x + c.h * 0.08, mirror[1])],
            fill=c.tone((200, 214, 220)),
            width=c.pen(0.006),
        )
    shelves(
        c, c.mid, (c.x(0.14), top + c.h * 0.18, c.x(0.86), floor - c.h * 0.12), wood, 3, "bottles"
    )
    for x in (0.3, 0.5, 0.7):
        hanging_lamp(c, c.setting, c.x(x), top + c.h * 0.12, True)
    counter_top = c.y(0.72)
    c.front.rectangle((0, counter_top, c.w, c.h * 2), fill=scale(wood, 0.8))
    c.front.rectangle((0, counter_top - c.h * 0.025, c.w, counter_top), fill=scale(wood, 1.3))
    for index in range(8):
        x = c.w * (index + 0.5) / 8
        c.front.line(
            [(x, counter_top + c.h * 0.04), (x, c.h * 2)],
            fill=scale(wood, 0.65),
            width=c.pen(0.003),
        )
    seat = c.tone((150, 40, 40))
    for x in (0.12, 0.38, 0.62, 0.88):  # the tops of the stools on our side of the bar
        c.front.rectangle(
            (c.x(x) - c.h * 0.012, c.y(0.98), c.x(x) + c.h * 0.012, c.h * 2), fill=(60, 60, 64)
        )
        c.front.ellipse((c.x(x) - c.h * 0.09, c.y(0.93), c.x(x) + c.h * 0.09, c.y(1.0)), fill=seat)


def paint_shop(c: Canvas) -> None:
    """A shop: shelves of goods down both sides, a counter with a till, a sign, bright light."""
    shell = room_shell(
        c, (0.3, 0.7, 0.4), "tiles", wall=c.tone((230, 230, 222)), tiles=(230, 226, 216)
    )
    top, floor = shell.top, shell.bottom
    for right in (False, True):
        for s0 in (1.0, 1.35, 1.8):
            quad = shell.on_wall(right, s0, s0 * 1.3, floor - c.h * 0.32, floor)
            c.mid.polygon(quad, fill=c.tone((200, 200, 196)))
            for row in range(4):
                y = floor - c.h * 0.32 + c.h * 0.08 * row
                a, b = (
                    shell.at(shell.right if right else shell.left, y, s0),
                    shell.at(shell.right if right else shell.left, y, s0 * 1.3),
                )
                c.mid.line(
                    [a, b],
                    fill=c.tone(
                        c.rng.choice(((200, 60, 50), (60, 120, 190), (240, 190, 60), (80, 160, 90)))
                    ),
                    width=max(1, round(c.h * 0.03 * s0)),
                )
    shelves(
        c,
        c.mid,
        (c.x(0.32), top + c.h * 0.08, c.x(0.68), floor),
        c.tone((200, 200, 196)),
        4,
        "goods",
    )
    c.mid.rectangle(
        (c.x(0.36), top + c.h * 0.01, c.x(0.64), top + c.h * 0.07), fill=c.tone((200, 50, 50))
    )
    counter = c.tone((176, 150, 110))
    c.front.rectangle((c.x(0.62), c.y(0.8), c.w * 1.2, c.h * 2), fill=counter)
    c.front.rectangle((c.x(0.62), c.y(0.78), c.w * 1.2, c.y(0.8)), fill=scale(counter, 1.2))
    c.front.rectangle((c.x(0.74), c.y(0.7), c.x(0.86), c.y(0.78)), fill=(50, 52, 58))
    c.front.rectangle((c.x(0.76), c.y(0.715), c.x(0.84), c.y(0.745)), fill=(120, 200, 150))


def paint_church(c: Canvas) -> None:
    """A nave: a tall pointed window of stained glass, columns down both sides, pews."""
    stone = c.tone((190, 180, 160))
    shell = room_shell(c, (0.3, 0.7, 0.56), "tiles", wall=stone, tiles=(170, 160, 146))
    top, floor = shell.top, shell.bottom
    cx, w2 = c.x(0.5), c.x(0.07)
    y0, y1 = top + c.h * 0.06, floor - c.h * 0.18
    arch = [
        (cx - w2, y1),
        (cx - w2, y0 + w2),
        (cx, y0 - w2 * 0.4),
        (cx + w2, y0 + w2),
        (cx + w2, y1),
    ]
    c.mid.polygon(arch, fill=(40, 40, 60))
    colours = ((200, 60, 60), (60, 90, 200), (230, 190, 60), (60, 160, 90))
    for row in range(6):
        for col in range(3):
            x = cx - w2 + w2 * 2 * col / 3
            y = y0 + w2 + (y1 - y0 - w2) * row / 6
            c.mid.rectangle(
                (x + 2, y + 2, x + w2 * 2 / 3 - 2, y + (y1 - y0 - w2) / 6 - 2),
                fill=colours[(row + col) % 4],
            )
    glow(c.far, (cx, (y0 + y1) / 2), c.h * 0.4, (255, 230, 190), 0.3)
    for s in (1.0, 1.3, 1.7, 2.3):
        for x in (shell.left + c.x(0.02), shell.right - c.x(0.02)):
            a = shell.at(x - c.x(0.012), top - c.h * 0.3, s)
            b = shell.at(x + c.x(0.012), floor, s)
            c.mid.rectangle(
                (a[0], a[1], b[0], b[1]), fill=scale(stone, 1.08), outline=scale(stone, 0.8)
            )
    wood = c.tone((100, 64, 40))
    for s in (1.25, 1.5, 1.8, 2.2):
        for x0, x1 in ((c.x(0.32), c.x(0.47)), (c.x(0.53), c.x(0.68))):
            a = shell.at(x0, floor - c.h * 0.06, s)
            b = shell.at(x1, floor, s)
            c.mid.rectangle((a[0], a[1], b[0], b[1]), fill=wood, outline=scale(wood, 0.7))
    c.mid.rectangle((c.x(0.46), floor - c.h * 0.08, c.x(0.54), floor), fill=c.tone((220, 214, 200)))
