"""Pieces many rooms share: windows, shelves of books or bottles, lamps, tables, doors."""

from __future__ import annotations

from PIL import Image, ImageDraw

from providers.animatic.paint import glow
from providers.animatic.palette import Colour, mix, scale
from providers.animatic.settings.canvas import Box, Canvas, Point, pen_for, window_glass

SPINES = ((150, 60, 52), (60, 90, 130), (70, 110, 70), (170, 130, 60), (110, 80, 120))


def window(
    c: Canvas, layer: Image.Image, box: Box, frame: Colour, sea: bool = False, bars: int = 1
) -> None:
    """A framed window onto the outside; bars: how many mullions cross it each way."""
    x0, y0, x1, y1 = box
    if x1 - x0 < 2 or y1 - y0 < 2:
        return
    view = window_glass(c, box, sea)
    left, top = round(x0), round(y0)
    layer.paste(view, (left, top))
    c.glass.append(box)
    c.views.append(
        (left, top, layer, layer.crop((left, top, left + view.width, top + view.height)))
    )
    draw = pen_for(layer)
    bar = max(1.0, c.h * 0.01)
    draw.rectangle((x0 - bar, y0 - bar, x1 + bar, y1 + bar), outline=frame, width=round(bar))
    for index in range(1, bars + 1):
        x = x0 + (x1 - x0) * index / (bars + 1)
        y = y0 + (y1 - y0) * index / (bars + 1)
        draw.rectangle((x - bar * 0.4, y0, x + bar * 0.4, y1), fill=frame)
        draw.rectangle((x0, y - bar * 0.4, x1, y + bar * 0.4), fill=frame)
    draw.rectangle((x0 - bar * 2, y1, x1 + bar * 2, y1 + bar * 1.5), fill=scale(frame, 0.85))


def shelves(
    c: Canvas, draw: ImageDraw.ImageDraw, box: Box, wood: Colour, rows: int, kind: str
) -> None:
    """A case of shelves filled with books (kind "books") or bottles ("bottles", "goods")."""
    x0, y0, x1, y1 = box
    draw.rectangle(box, fill=wood)
    inner = scale(wood, 0.55)
    step = (y1 - y0) / rows
    rim = max(1.0, c.h * 0.008)
    for row in range(rows):
        top, base = y0 + row * step + rim, y0 + (row + 1) * step
        draw.rectangle((x0 + rim, top, x1 - rim, base), fill=inner)
        x = x0 + rim * 1.5
        while x < x1 - rim * 3:
            colour = c.tone(c.rng.choice(SPINES))
            if kind == "books":
                wide = c.h * c.rng.uniform(0.008, 0.016)
                tall = (base - top) * c.rng.uniform(0.7, 0.95)
                draw.rectangle((x, base - tall, x + wide, base), fill=colour)
                x += wide + 1
            elif kind == "bottles":
                wide = c.h * 0.012
                tall = (base - top) * c.rng.uniform(0.6, 0.9)
                glass = mix(colour, (200, 230, 210), 0.3)
                draw.rectangle((x, base - tall * 0.65, x + wide, base), fill=glass)
                draw.rectangle(
                    (x + wide * 0.3, base - tall, x + wide * 0.7, base - tall * 0.6), fill=glass
                )
                x += wide * 1.9
            else:
                wide = c.h * c.rng.uniform(0.015, 0.03)
                tall = (base - top) * c.rng.uniform(0.4, 0.8)
                draw.rectangle((x, base - tall, x + wide, base), fill=colour, outline=inner)
                x += wide + 1
        draw.rectangle((x0, base - rim, x1, base), fill=scale(wood, 1.15))


def hanging_lamp(c: Canvas, layer: Image.Image, x: float, y: float, lit: bool) -> None:
    """A pendant lamp hanging to (x, y), glowing when lit."""
    draw = pen_for(layer)
    draw.line([(x, y - c.h * 0.5), (x, y)], fill=(40, 40, 40), width=c.pen(0.002))
    r = c.h * 0.03
    if lit:
        glow(c.far, (x, y + r), c.h * 0.35, (255, 214, 150), 0.4)
    shade = (255, 226, 170) if lit else (90, 90, 96)
    draw.chord((x - r, y - r * 0.3, x + r, y + r * 1.4), 180, 360, fill=shade)


def table(c: Canvas, draw: ImageDraw.ImageDraw, top: Box, wood: Colour, legs: bool = True) -> None:
    """A table seen from a little above: the top as a flat slab, its front edge and legs."""
    x0, y0, x1, y1 = top
    edge = (y1 - y0) * 0.35
    if legs:
        leg = max(2.0, (x1 - x0) * 0.02)
        for x in (x0 + leg, x1 - leg * 2):
            draw.rectangle((x, y1, x + leg, y1 + (x1 - x0) * 0.32), fill=scale(wood, 0.6))
    draw.polygon(
        [(x0 + (x1 - x0) * 0.06, y0), (x1 - (x1 - x0) * 0.06, y0), (x1, y1), (x0, y1)],
        fill=scale(wood, 1.12),
    )
    draw.rectangle((x0, y1, x1, y1 + edge), fill=scale(wood, 0.8))


def door(draw: ImageDraw.ImageDraw, quad: list[Point], wood: Colour, knob_right: bool) -> None:
    """A door filling quad (four corners, top left first, clockwise)."""
    draw.polygon(quad, fill=wood, outline=scale(wood, 0.6))
    (ax, ay), (bx, by), (_cx, _cy), (_dx, dy) = quad
    t = 0.82 if knob_right else 0.18
    kx = ax + (bx - ax) * t
    ky = ay + (dy - ay) * 0.55 + (by - ay) * t
    r = max(1.5, abs(dy - ay) * 0.025)
    draw.ellipse((kx - r, ky - r, kx + r, ky + r), fill=(200, 180, 110))


def ceiling_lights(c: Canvas, shell_at: list[Point], on: bool) -> None:
    """Strip lights on a ceiling at the given points (nearest last, drawn bigger)."""
    for index, (x, y) in enumerate(shell_at):
        half = c.h * 0.02 * (1 + index * 0.5)
        colour = (250, 250, 236) if on else (206, 206, 200)
        c.back.rectangle(
            (x - half * 2.5, y - half * 0.2, x + half * 2.5, y + half * 0.2), fill=colour
        )
