"""Rooms: a back wall, side walls and a floor in one-point perspective, a window onto the
time of day, a picture and a sideboard, and a lamp after dark."""

from __future__ import annotations

import random
from dataclasses import dataclass

from PIL import Image, ImageDraw

from providers.animatic.paint import glow, vertical_gradient
from providers.animatic.palette import Colour, Palette, mix, scale
from providers.animatic.sky import paint_sky

# The back wall, as fractions of the picture, and the vanishing point.
_BACK = (0.2, 0.12, 0.8, 0.64)
_VANISH = (0.5, 0.44)
_ACCENTS = ((150, 84, 72), (72, 112, 136), (96, 128, 86), (168, 128, 64), (120, 92, 140))


@dataclass(frozen=True)
class Room:
    window_left: bool  # the window sits on the left half of the back wall
    accent: Colour  # curtains and the picture


def _edge_point(vx: float, vy: float, x: float, y: float, at_x: float) -> tuple[float, float]:
    """Where the line from the vanishing point through (x, y) reaches at_x."""
    return at_x, vy + (y - vy) * (at_x - vx) / (x - vx)


def _room(rng: random.Random) -> Room:
    return Room(rng.random() < 0.5, rng.choice(_ACCENTS))


def window_box(size: tuple[int, int], seed: int) -> tuple[float, float, float, float]:
    """Where paint_interior puts the window's glass for this seed: (x0, y0, x1, y1)."""
    return _window_box(size, _room(random.Random(seed)))


def _window_box(size: tuple[int, int], room: Room) -> tuple[float, float, float, float]:
    width, height = size
    x0 = (0.27 if room.window_left else 0.55) * width
    return x0, 0.2 * height, x0 + 0.18 * width, 0.47 * height


def paint_interior(size: tuple[int, int], palette: Palette, seed: int) -> Image.Image:
    width, height = size
    rng = random.Random(seed)
    room = _room(rng)
    left, top, right, bottom = (
        _BACK[0] * width,
        _BACK[1] * height,
        _BACK[2] * width,
        _BACK[3] * height,
    )
    vx, vy = _VANISH[0] * width, _VANISH[1] * height
    image = vertical_gradient(
        size, [(0, palette.ceiling), (0.5, palette.wall_side), (1, scale(palette.wall_side, 0.85))]
    )
    draw = ImageDraw.Draw(image)
    floor_l = _edge_point(vx, vy, left, bottom, 0)
    floor_r = _edge_point(vx, vy, right, bottom, width)
    ceil_l = _edge_point(vx, vy, left, top, 0)
    ceil_r = _edge_point(vx, vy, right, top, width)
    draw.polygon([ceil_l, ceil_r, (right, top), (left, top)], fill=palette.ceiling)
    _floor(image, palette, (left, right, bottom), (vx, vy), [floor_l, floor_r])
    wall = vertical_gradient(
        (round(right - left), round(bottom - top)),
        [(0, scale(palette.wall, 0.92)), (1, palette.wall)],
    )
    image.paste(wall, (round(left), round(top)))
    trim = palette.trim
    line = max(2, round(height * 0.004))
    for corner_x, far in ((left, floor_l), (right, floor_r)):
        draw.line([(corner_x, bottom), far], fill=scale(palette.wall_side, 0.7), width=line)
    draw.line([ceil_l, (left, top), (left, bottom)], fill=scale(palette.wall_side, 0.8), width=line)
    draw.line(
        [ceil_r, (right, top), (right, bottom)], fill=scale(palette.wall_side, 0.8), width=line
    )
    draw.rectangle(
        (left, bottom - height * 0.018, right, bottom), fill=mix(trim, palette.wall, 0.35)
    )
    _window(image, palette, room, rng)
    _furniture(image, palette, room)
    return image


def _floor(
    image: Image.Image,
    palette: Palette,
    back: tuple[float, float, float],
    vanish: tuple[float, float],
    sides: list[tuple[float, float]],
) -> None:
    """Floorboards running to the vanishing point, clipped to the floor's outline."""
    width, height = image.size
    left, right, bottom = back
    vx, vy = vanish
    top = round(bottom)
    floor = vertical_gradient(
        (width, height - top), [(0, scale(palette.floor, 0.8)), (1, palette.floor)]
    )
    pen = ImageDraw.Draw(floor)
    board = scale(palette.floor, 0.74)
    spacing = (right - left) / 14
    reach = (height - vy) / (bottom - vy)
    for index in range(-30, 31):
        far_x = vx + index * spacing
        near_x = vx + (far_x - vx) * reach
        pen.line(
            [(far_x, 0), (near_x, height - top)], fill=board, width=max(1, round(height * 0.002))
        )
    mask = Image.new("L", (width, height - top), 0)
    outline = [(left, bottom), (right, bottom), sides[1], (width, height), (0, height), sides[0]]
    ImageDraw.Draw(mask).polygon([(x, y - top) for x, y in outline], fill=255)
    image.paste(floor, (0, top), mask)


def _window(image: Image.Image, palette: Palette, room: Room, rng: random.Random) -> None:
    width, height = image.size
    x0, y0, x1, y1 = _window_box(image.size, room)
    view = paint_sky((round(x1 - x0), round(y1 - y0)), palette.sky, 0.78, rng)
    pen = ImageDraw.Draw(view)
    hills = mix(palette.far, palette.sky.horizon, 0.3)
    vw, vh = view.size
    pen.polygon(
        [
            (0, vh * 0.74),
            (vw * 0.3, vh * 0.66),
            (vw * 0.55, vh * 0.72),
            (vw * 0.8, vh * 0.62),
            (vw, vh * 0.7),
            (vw, vh),
            (0, vh),
        ],
        fill=hills,
    )
    pen.rectangle((0, vh * 0.8, vw, vh), fill=mix(palette.mid, palette.sky.horizon, 0.2))
    image.paste(view, (round(x0), round(y0)))
    draw = ImageDraw.Draw(image)
    frame = mix(palette.trim, palette.wall, 0.15)
    bar = height * 0.012
    draw.rectangle((x0 - bar, y0 - bar, x1 + bar, y0), fill=frame)
    draw.rectangle((x0 - bar, y1, x1 + bar, y1 + bar * 1.6), fill=frame)
    draw.rectangle((x0 - bar, y0, x0, y1), fill=frame)
    draw.rectangle((x1, y0, x1 + bar, y1), fill=frame)
    mid_x, mid_y = (x0 + x1) / 2, (y0 + y1) / 2
    draw.rectangle((mid_x - bar * 0.4, y0, mid_x + bar * 0.4, y1), fill=frame)
    draw.rectangle((x0, mid_y - bar * 0.4, x1, mid_y + bar * 0.4), fill=frame)
    curtain = scale(room.accent, 0.9 if palette.lamp else 1.05)
    for side in (x0 - bar * 4.5, x1 + bar * 0.5):
        draw.rounded_rectangle(
            (side, y0 - bar * 2, side + bar * 4, y1 + bar * 5), radius=bar, fill=curtain
        )
    draw.rectangle(
        (x0 - bar * 5, y0 - bar * 3, x1 + bar * 5, y0 - bar * 1.8), fill=scale(frame, 0.8)
    )
    if not palette.lit_windows:
        # Daylight through the glass lies on the floor in front of the wall.
        floor_y = _BACK[3] * height
        patch = mix(palette.floor, palette.sky.glow, 0.4)
        mask = Image.new("L", image.size, 0)
        ImageDraw.Draw(mask).polygon(
            [
                (x0, floor_y + height * 0.01),
                (x1, floor_y + height * 0.01),
                (x1 + width * 0.08, height * 0.9),
                (x0 - width * 0.02, height * 0.9),
            ],
            fill=70,
        )
        image.paste(patch, (0, 0), mask)


def _furniture(image: Image.Image, palette: Palette, room: Room) -> None:
    """A picture over a sideboard on the wall opposite the window; a lamp on it after dark."""
    width, height = image.size
    draw = ImageDraw.Draw(image)
    x0 = (0.58 if room.window_left else 0.28) * width
    x1 = x0 + 0.13 * width
    frame = scale(palette.trim, 0.9)
    px0, py0, px1, py1 = x0 + 0.02 * width, 0.24 * height, x1 - 0.02 * width, 0.36 * height
    draw.rectangle(
        (px0 - height * 0.008, py0 - height * 0.008, px1 + height * 0.008, py1 + height * 0.008),
        fill=frame,
    )
    draw.rectangle((px0, py0, px1, py1), fill=mix(room.accent, (240, 230, 210), 0.55))
    draw.polygon(
        [(px0, py1), (px0 + (px1 - px0) * 0.4, py0 + (py1 - py0) * 0.35), (px1, py1)],
        fill=mix(room.accent, palette.wall, 0.2),
    )
    wood = scale(palette.trim, 1.25)
    top_y, floor_y = 0.52 * height, _BACK[3] * height
    draw.rectangle((x0, top_y, x1, floor_y - height * 0.01), fill=wood)
    draw.rectangle(
        (x0 - width * 0.004, top_y - height * 0.01, x1 + width * 0.004, top_y),
        fill=scale(wood, 1.15),
    )
    draw.line(
        [((x0 + x1) / 2, top_y + height * 0.015), ((x0 + x1) / 2, floor_y - height * 0.02)],
        fill=scale(wood, 0.75),
        width=max(1, round(height * 0.002)),
    )
    if palette.lamp:
        lamp_x = x1 - 0.03 * width
        shade_top, shade_bottom = top_y - 0.1 * height, top_y - 0.055 * height
        glow(image, (lamp_x, shade_bottom), 0.42 * height, (255, 196, 120), 0.45)
        draw.rectangle(
            (lamp_x - width * 0.002, shade_bottom, lamp_x + width * 0.002, top_y - height * 0.01),
            fill=scale(palette.trim, 0.6),
        )
        draw.ellipse(
            (
                lamp_x - width * 0.012,
                top_y - height * 0.022,
                lamp_x + width * 0.012,
                top_y - height * 0.008,
            ),
            fill=scale(palette.trim, 0.7),
        )
        draw.polygon(
            [
                (lamp_x - width * 0.016, shade_top),
                (lamp_x + width * 0.016, shade_top),
                (lamp_x + width * 0.026, shade_bottom),
                (lamp_x - width * 0.026, shade_bottom),
            ],
            fill=(255, 222, 160),
        )
