"""Ways through buildings: a corridor running away from us, a stairwell climbing."""

from __future__ import annotations

from providers.animatic.palette import scale
from providers.animatic.settings.canvas import Canvas
from providers.animatic.settings.fittings import door, window
from providers.animatic.settings.rooms import room_shell


def paint_corridor(c: Canvas) -> None:
    """A long corridor: walls vanishing to a small far end, doors down both sides, strip
    lights on the ceiling and their shine on the floor."""
    wall = c.tone((214, 214, 204))
    shell = room_shell(
        c, (0.45, 0.55, 0.13), "plain", wall=scale(wall, 0.8), floor=(150, 150, 140), eye=0.075
    )
    top, floor = shell.top, shell.bottom
    wood = c.tone((130, 96, 70))
    door_top = floor - (floor - top) * 0.74
    for right in (False, True):
        for s0 in (1.3, 2.0, 3.1, 4.8, 7.4):
            quad = shell.on_wall(right, s0, s0 * 1.2, door_top, floor)
            ordered = (
                [quad[0], quad[1], quad[2], quad[3]]
                if not right
                else [quad[1], quad[0], quad[3], quad[2]]
            )
            door(c.mid, [ordered[0], ordered[1], ordered[2], ordered[3]], wood, right)
            frame = shell.on_wall(
                right, s0 * 0.97, s0 * 1.23, door_top - (floor - top) * 0.04, floor
            )
            c.mid.polygon(frame, outline=scale(wall, 0.6), width=max(1, round(c.h * 0.002 * s0)))
    c.mid.rectangle(
        (shell.left + 1, top + (floor - top) * 0.26, shell.right - 1, floor), fill=scale(wood, 0.9)
    )
    for s in (1.6, 2.5, 3.9, 6.0, 9.0):
        a = shell.at(shell.left + (shell.right - shell.left) * 0.3, top, s)
        b = shell.at(shell.right - (shell.right - shell.left) * 0.3, top, s * 1.06)
        c.mid.rectangle((a[0], min(a[1], b[1]), b[0], max(a[1], b[1]) + 1), fill=(250, 250, 236))
        sa = shell.at(shell.left + (shell.right - shell.left) * 0.3, floor, s)
        sb = shell.at(shell.right - (shell.right - shell.left) * 0.3, floor, s * 1.06)
        c.mid.rectangle((sa[0], sa[1], sb[0], sb[1] + 1), fill=scale(c.tone((150, 150, 140)), 1.25))
    for right in (False, True):
        x = shell.right if right else shell.left
        c.mid.line(
            [
                shell.at(x, floor - (floor - top) * 0.06, 1),
                shell.at(x, floor - (floor - top) * 0.06, 20),
            ],
            fill=scale(wall, 0.55),
            width=c.pen(),
        )


def paint_stairwell(c: Canvas) -> None:
    """A stairwell: a flight climbing to a landing, the next flight going on up, a
    handrail with balusters, a floor number on the wall."""
    wall = c.tone((206, 200, 186))
    shell = room_shell(c, (0.08, 0.92, 0.9), "plain", wall=wall, floor=(150, 140, 130), eye=0.3)
    floor = shell.bottom
    step = c.tone((170, 160, 150))
    steps, rise, run = 8, c.h * 0.04, c.w * 0.045
    x0 = c.x(0.12)
    profile = [(x0, floor + c.h * 0.02)]
    for index in range(steps):
        x, y = x0 + run * index, floor - rise * index
        profile += [(x, y - rise), (x + run, y - rise)]
        c.mid.line([(x, y - rise), (x + run, y - rise)], fill=scale(step, 1.25), width=c.pen(0.005))
    landing_y = floor - rise * steps
    landing_x = x0 + run * steps
    profile += [
        (c.x(0.9), landing_y),
        (c.x(0.9), landing_y + c.h * 0.04),
        (x0 + run * 2, floor + c.h * 0.02),
    ]
    c.mid.polygon(profile, fill=step, outline=scale(step, 0.7))
    c.mid.rectangle(
        (landing_x, landing_y, c.x(0.9), landing_y + c.h * 0.03), fill=scale(step, 1.15)
    )
    upper = [(c.x(0.88), landing_y)]
    for index in range(steps):
        x, y = c.x(0.88) - run * index, landing_y - rise * index
        upper += [(x, y - rise), (x - run, y - rise)]
    upper += [
        (c.x(0.88) - run * steps, landing_y - rise * steps - c.h),
        (c.x(0.88), landing_y - c.h),
    ]
    c.mid.polygon(upper, fill=scale(step, 0.9), outline=scale(step, 0.7))
    rail = c.tone((60, 60, 66))
    hand = c.h * 0.13
    for index in range(0, steps + 1):
        x, y = x0 + run * (index + 0.5), floor - rise * index - rise
        c.mid.line([(x, y), (x, y - hand)], fill=rail, width=c.pen(0.003))
    c.mid.line(
        [(x0 + run * 0.5, floor - rise - hand), (landing_x + run * 0.5, landing_y - hand)],
        fill=rail,
        width=c.pen(0.008),
    )
    c.mid.line(
        [(landing_x + run * 0.5, landing_y - hand), (c.x(0.9), landing_y - hand)],
        fill=rail,
        width=c.pen(0.008),
    )
    # The floor's number painted on the wall under the landing, the next above it.
    for label, (x, y) in (("1", (0.76, floor - c.h * 0.2)), ("2", (0.12, landing_y - c.h * 0.24))):
        c.back.text((c.x(x), y), label, fill=scale(wall, 0.55), font_size=max(8, round(c.h * 0.12)))
    window(
        c,
        c.setting,
        (c.x(0.3), landing_y - c.h * 0.26, c.x(0.42), landing_y - c.h * 0.1),
        c.palette.trim,
    )
