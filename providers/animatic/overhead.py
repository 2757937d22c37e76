"""Settings seen from straight above: the floor or ground as a pattern, with a few things
on it seen from the top (a table and chairs indoors, cars on asphalt, crowns of trees)."""

from __future__ import annotations

from providers.animatic.palette import Colour, mix, scale
from providers.animatic.settings.canvas import Canvas

# What each ground is made of, seen from above: its colour and its pattern.
GROUNDS: dict[str, tuple[Colour, str]] = {
    "boards": ((176, 134, 98), "stripes"),
    "checks": ((230, 230, 222), "checks"),
    "tiles": ((214, 216, 210), "grid"),
    "carpet": ((110, 116, 126), "plain"),
    "concrete": ((140, 140, 136), "plain"),
    "seats": ((60, 64, 72), "seats"),
    "iron": ((70, 74, 78), "grid"),
    "asphalt": ((70, 72, 80), "lanes"),
    "bays": ((74, 76, 84), "bays"),
    "roof": ((110, 104, 100), "grid"),
    "water": ((40, 90, 130), "waves"),
    "sand": ((222, 196, 146), "ripples"),
    "treetops": ((60, 96, 60), "crowns"),
    "rock": ((120, 116, 110), "stones"),
    "crops": ((170, 160, 80), "stripes"),
    "grass": ((110, 160, 84), "crowns"),
    "snow": ((240, 244, 250), "ripples"),
}


def paint_overhead(canvas: Canvas, ground: str, interior: bool) -> None:
    c = canvas
    base, pattern = GROUNDS.get(ground, GROUNDS["boards"])
    colour = c.tone(base)
    c.back.rectangle((0, 0, c.w, c.h), fill=colour)
    seam = scale(colour, 0.8)
    unit = c.h * 0.12
    if pattern in ("stripes", "lanes"):
        step = unit * (0.5 if pattern == "stripes" else 3)
        for k in range(int(c.w / step) + 2):
            x = k * step
            if pattern == "stripes":
                c.back.line([(x, 0), (x, c.h)], fill=seam, width=c.pen())
            else:
                for row in range(0, c.h, max(1, round(unit))):
                    c.back.rectangle(
                        (x, row, x + c.h * 0.01, row + unit * 0.5), fill=(230, 230, 220)
                    )
    elif pattern in ("grid", "checks", "bays"):
        step = unit * (2 if pattern == "bays" else 1)
        for i in range(int(c.w / step) + 2):
            for j in range(int(c.h / step) + 2):
                box = (i * step, j * step, (i + 1) * step, (j + 1) * step)
                if pattern == "checks" and (i + j) % 2:
                    c.back.rectangle(box, fill=seam)
                else:
                    line = (230, 230, 220) if pattern == "bays" else seam
                    c.back.rectangle(box, outline=line, width=c.pen())
    elif pattern in ("waves", "ripples"):
        for _ in range(120):
            x, y = c.rng.uniform(0, c.w), c.rng.uniform(0, c.h)
            c.back.arc(
                (x - unit * 0.4, y - unit * 0.1, x + unit * 0.4, y + unit * 0.1),
                200,
                340,
                fill=mix(colour, (255, 255, 255), 0.35),
                width=c.pen(0.003),
            )
    elif pattern in ("crowns", "stones"):
        for _ in range(40 if pattern == "crowns" else 80):
            x, y = c.rng.uniform(0, c.w), c.rng.uniform(0, c.h)
            r = unit * c.rng.uniform(0.5, 1.0) * (1 if pattern == "crowns" else 0.3)
            c.mid.ellipse((x - r, y - r, x + r, y + r), fill=scale(colour, c.rng.uniform(0.7, 0.9)))
    elif pattern == "seats":
        for i in range(2):
            for j in range(4):
                x = c.w * (0.3 + 0.4 * i)
                y = c.h * (0.15 + 0.22 * j)
                c.mid.rounded_rectangle(
                    (x - unit, y - unit * 0.6, x + unit, y + unit * 0.6),
                    unit * 0.2,
                    fill=(60, 90, 150),
                )
    if pattern in ("lanes", "bays"):
        _cars_from_above(c, unit)
    if ground == "iron":  # the lamp room: the lens, round, in the middle
        cx, cy, r = c.w / 2, c.h / 2, c.h * 0.25
        for ring in range(5):
            ring_r = r * (1 - ring * 0.18)
            c.mid.ellipse(
                (cx - ring_r, cy - ring_r, cx + ring_r, cy + ring_r),
                fill=c.tone((200 - ring * 20, 224, 226)),
                outline=(90, 100, 100),
            )
        return
    if interior and pattern != "seats":
        # A table and its chairs, from above, in the middle of the floor.
        cx, cy = c.w / 2, c.h / 2
        wood = c.tone((140, 100, 66))
        for dx, dy in ((-1.6, 0), (1.6, 0), (0, -1.3), (0, 1.3)):
            x, y = cx + dx * unit, cy + dy * unit
            c.mid.rectangle(
                (x - unit * 0.35, y - unit * 0.35, x + unit * 0.35, y + unit * 0.35),
                fill=scale(wood, 0.75),
            )
        c.mid.ellipse(
            (cx - unit * 1.2, cy - unit * 0.9, cx + unit * 1.2, cy + unit * 0.9), fill=wood
        )


def _cars_from_above(c: Canvas, unit: float) -> None:
    """A few cars seen from the top: bodies, windscreens, roofs."""
    colours = ((170, 40, 40), (40, 70, 140), (210, 210, 210), (40, 40, 44))
    for index in range(5):
        x = c.w * (0.1 + 0.2 * index) + unit * 0.4
        y = c.h * c.rng.uniform(0.15, 0.7)
        body = c.tone(colours[index % len(colours)])
        c.mid.rounded_rectangle((x, y, x + unit * 0.9, y + unit * 2), unit * 0.2, fill=body)
        c.mid.rectangle(
            (x + unit * 0.12, y + unit * 0.45, x + unit * 0.78, y + unit * 0.75),
            fill=(120, 160, 190),
        )
        c.mid.rectangle(
            (x + unit * 0.12, y + unit * 1.45, x + unit * 0.78, y + unit * 1.65),
            fill=(120, 160, 190),
        )
