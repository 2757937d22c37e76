"""Big things seen from the side: a car, a bus, a train, a boat, a lighthouse.

Each is drawn standing on base (its wheels or waterline) centred on x, sized by length
or height in pixels."""

from __future__ import annotations

from PIL import ImageDraw

from providers.animatic.palette import Colour, mix, scale

GLASS = (120, 160, 190)
LIT = (255, 226, 150)


def draw_car(
    draw: ImageDraw.ImageDraw, x: float, base: float, length: float, body: Colour, lights: bool
) -> None:
    half, tall = length / 2, length * 0.32
    wheel = length * 0.1
    draw.rounded_rectangle(
        (x - half, base - tall * 0.75, x + half, base - wheel * 0.6),
        radius=max(1, length * 0.06),
        fill=body,
    )
    draw.polygon(
        [
            (x - half * 0.55, base - tall * 0.72),
            (x - half * 0.3, base - tall * 1.15),
            (x + half * 0.35, base - tall * 1.15),
            (x + half * 0.6, base - tall * 0.72),
        ],
        fill=body,
    )
    draw.polygon(
        [
            (x - half * 0.45, base - tall * 0.74),
            (x - half * 0.26, base - tall * 1.06),
            (x + half * 0.3, base - tall * 1.06),
            (x + half * 0.5, base - tall * 0.74),
        ],
        fill=GLASS,
    )
    draw.line(
        [(x, base - tall * 1.06), (x, base - tall * 0.74)],
        fill=body,
        width=max(1, round(length * 0.02)),
    )
    for wx in (x - half * 0.62, x + half * 0.62):
        draw.ellipse((wx - wheel, base - wheel * 2, wx + wheel, base), fill=(24, 24, 26))
        draw.ellipse(
            (wx - wheel * 0.45, base - wheel * 1.45, wx + wheel * 0.45, base - wheel * 0.55),
            fill=(150, 150, 156),
        )
    lamp = LIT if lights else scale(body, 1.3)
    draw.rectangle(
        (x + half - length * 0.04, base - tall * 0.62, x + half, base - tall * 0.5), fill=lamp
    )


def draw_bus(
    draw: ImageDraw.ImageDraw, x: float, base: float, length: float, body: Colour, lights: bool
) -> None:
    half, tall = length / 2, length * 0.3
    wheel = length * 0.055
    draw.rounded_rectangle(
        (x - half, base - tall, x + half, base - wheel * 0.8),
        radius=max(1, length * 0.03),
        fill=body,
    )
    for k in range(7):
        wx = x - half * 0.9 + k * length * 0.125
        draw.rectangle(
            (wx, base - tall * 0.88, wx + length * 0.1, base - tall * 0.52),
            fill=LIT if lights else GLASS,
        )
    draw.rectangle(
        (x - half, base - tall * 0.4, x + half, base - tall * 0.34), fill=scale(body, 0.7)
    )
    for wx in (x - half * 0.7, x + half * 0.72):
        draw.ellipse((wx - wheel, base - wheel * 2, wx + wheel, base), fill=(24, 24, 26))


def draw_train(
    draw: ImageDraw.ImageDraw, x: float, base: float, length: float, body: Colour, lights: bool
) -> None:
    tall = length * 0.12
    draw.line(
        [(x - length, base), (x + length, base)],
        fill=(70, 60, 56),
        width=max(1, round(tall * 0.08)),
    )
    for car in range(3):
        x0 = x - length * 0.75 + car * length * 0.5
        draw.rounded_rectangle(
            (x0, base - tall, x0 + length * 0.48, base - tall * 0.1),
            radius=max(1, tall * 0.2),
            fill=body,
        )
        for k in range(6):
            wx = x0 + length * 0.03 + k * length * 0.075
            draw.rectangle(
                (wx, base - tall * 0.8, wx + length * 0.05, base - tall * 0.5),
                fill=LIT if lights else GLASS,
            )


def draw_boat(
    draw: ImageDraw.ImageDraw, x: float, base: float, length: float, hull: Colour, lights: bool
) -> None:
    """A small fishing boat: hull on the waterline, a wheelhouse, a mast."""
    half = length / 2
    draw.polygon(
        [
            (x - half, base - length * 0.16),
            (x + half * 1.05, base - length * 0.2),
            (x + half * 0.8, base + length * 0.04),
            (x - half * 0.8, base + length * 0.04),
        ],
        fill=hull,
    )
    draw.line(
        [(x - half, base - length * 0.16), (x + half * 1.05, base - length * 0.2)],
        fill=(240, 240, 236),
        width=max(1, round(length * 0.02)),
    )
    cabin = (236, 232, 220)
    draw.rectangle(
        (x - half * 0.3, base - length * 0.38, x + half * 0.2, base - length * 0.17), fill=cabin
    )
    draw.rectangle(
        (x - half * 0.22, base - length * 0.33, x + half * 0.12, base - length * 0.25),
        fill=LIT if lights else GLASS,
    )
    draw.line(
        [(x + half * 0.45, base - length * 0.19), (x + half * 0.45, base - length * 0.7)],
        fill=(60, 50, 40),
        width=max(1, round(length * 0.015)),
    )
    draw.line(
        [(x + half * 0.45, base - length * 0.7), (x + half * 0.95, base - length * 0.21)],
        fill=(60, 50, 40),
        width=max(1, round(length * 0.008)),
    )
    draw.line(
        [(x - half * 0.9, base + length * 0.06), (x + half * 0.9, base + length * 0.06)],
        fill=mix(hull, (255, 255, 255), 0.6),
        width=max(1, round(length * 0.01)),
    )


def draw_lighthouse(
    draw: ImageDraw.ImageDraw, x: float, base: float, height: float, lights: bool
) -> None:
    """A striped tower on a rock, the lamp room on top, its beam out after dark."""
    foot, head = height * 0.12, height * 0.075
    top = base - height * 0.82
    if lights:
        draw.polygon(
            [
                (x, top - height * 0.06),
                (x + height * 2.5, top - height * 0.3),
                (x + height * 2.5, top + height * 0.15),
            ],
            fill=(255, 244, 200, 90),
        )
    draw.polygon(
        [
            (x - foot * 2, base),
            (x - foot, base - height * 0.06),
            (x + foot, base - height * 0.05),
            (x + foot * 2.2, base),
        ],
        fill=(80, 78, 76),
    )
    bands = 5
    for k in range(bands):
        t0, t1 = k / bands, (k + 1) / bands
        y0, y1 = (
            base - height * 0.05 - (base - height * 0.05 - top) * t0,
            base - height * 0.05 - (base - height * 0.05 - top) * t1,
        )
        w0, w1 = foot + (head - foot) * t0, foot + (head - foot) * t1
        draw.polygon(
            [(x - w0, y0), (x + w0, y0), (x + w1, y1), (x - w1, y1)],
            fill=(200, 40, 40) if k % 2 else (240, 240, 236),
        )
    draw.rectangle((x - head * 1.3, top - height * 0.015, x + head * 1.3, top), fill=(40, 40, 44))
    draw.rectangle(
        (x - head * 0.8, top - height * 0.1, x + head * 0.8, top - height * 0.015),
        fill=LIT if lights else (200, 220, 224),
    )
    draw.polygon(
        [(x - head, top - height * 0.1), (x, top - height * 0.17), (x + head, top - height * 0.1)],
        fill=(40, 40, 44),
    )
