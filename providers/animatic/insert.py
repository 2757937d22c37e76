"""Insert shots: one object on a surface, close, with a soft shadow.

The object is picked from the action's words (a phone, a letter, a photo, a cup), else a
plain card in the scene's accent colour.
"""

from __future__ import annotations

import random
import re

from PIL import Image, ImageDraw, ImageFilter

from providers.animatic.paint import downsample, vertical_gradient
from providers.animatic.palette import Colour, Palette, mix, scale

_OBJECT_WORDS: dict[str, tuple[str, ...]] = {
    "phone": ("PHONE", "CELLPHONE", "SMARTPHONE", "MOBILE", "SCREEN", "TEXT", "MESSAGE"),
    "photo": ("PHOTO", "PHOTOGRAPH", "PICTURE", "POLAROID", "PAINTING", "PORTRAIT"),
    "cup": ("CUP", "MUG", "COFFEE", "COFFEES", "TEA", "GLASS", "DRINK", "LATTE"),
    "letter": (
        "LETTER", "NOTE", "PAPER", "PAGE", "BOOK", "DOCUMENT", "MAP", "CARD", "ENVELOPE",
        "FILE", "MENU", "NEWSPAPER", "SIGN", "TICKET", "RECEIPT", "CONTRACT", "DIARY",
    ),
}  # fmt: skip

_SS = 2


def object_for(action: str) -> str:
    words = set(re.findall(r"[A-Z]+", action.upper()))
    for kind, names in _OBJECT_WORDS.items():
        if words & set(names):
            return kind
    return "card"


def paint_insert(
    art: Image.Image, palette: Palette, interior: bool, action: str, seed: int
) -> None:
    """Lay a surface across the lower picture and put the object on it."""
    width, height = art.size
    surface_top = round(height * 0.42)
    wood = palette.floor if interior else mix(palette.ground_top, (150, 120, 90), 0.5)
    surface = vertical_gradient(
        (width, height - surface_top), [(0, scale(wood, 0.85)), (1, scale(wood, 1.08))]
    )
    art.paste(surface, (0, surface_top))
    ImageDraw.Draw(art).rectangle(
        (0, surface_top, width, surface_top + height * 0.006), fill=scale(wood, 1.2)
    )
    kind = object_for(action)
    box_w, box_h = {
        "phone": (0.15, 0.44),
        "photo": (0.3, 0.34),
        "cup": (0.18, 0.3),
        "letter": (0.28, 0.4),
        "card": (0.26, 0.3),
    }[kind]
    obj_w, obj_h = box_w * width, box_h * height
    left, top = (width - obj_w) / 2, height * 0.55 - obj_h / 2
    _shadow(art, (left, top, left + obj_w, top + obj_h), height)
    tile = Image.new("RGBA", (round(obj_w * _SS), round(obj_h * _SS)), (0, 0, 0, 0))
    _object(tile, kind, palette, random.Random(seed))
    small = downsample(tile, _SS)
    art.paste(small.convert("RGB"), (round(left), round(top)), small)


def _shadow(art: Image.Image, box: tuple[float, float, float, float], height: int) -> None:
    blur = height * 0.025
    left, top, right, bottom = box
    pad = round(blur * 3)
    mask = Image.new("L", (round(right - left) + 2 * pad, round(bottom - top) + 2 * pad), 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        (pad, pad, pad + right - left, pad + bottom - top), radius=blur, fill=150
    )
    mask = mask.filter(ImageFilter.GaussianBlur(blur))
    art.paste((0, 0, 0), (round(left + blur * 0.8) - pad, round(top + blur * 1.2) - pad), mask)


def _object(tile: Image.Image, kind: str, palette: Palette, rng: random.Random) -> None:
    width, height = tile.size
    draw = ImageDraw.Draw(tile)
    edge = height * 0.02
    if kind == "phone":
        draw.rounded_rectangle((0, 0, width, height), radius=width * 0.16, fill=(28, 30, 36, 255))
        screen = vertical_gradient(
            (round(width * 0.86), round(height * 0.88)), [(0, (90, 140, 210)), (1, (150, 110, 190))]
        )
        tile.paste(screen, (round(width * 0.07), round(height * 0.06)))
        draw.rounded_rectangle(
            (width * 0.38, height * 0.075, width * 0.62, height * 0.095),
            radius=edge,
            fill=(28, 30, 36, 255),
        )
        for row in range(3):
            y = height * (0.3 + row * 0.14)
            draw.rounded_rectangle(
                (width * 0.15, y, width * (0.55 + 0.25 * (row % 2)), y + height * 0.08),
                radius=height * 0.03,
                fill=(240, 244, 250, 230),
            )
        return
    if kind == "cup":
        body: Colour = mix(palette.wall, (240, 240, 236), 0.6)
        ring = width * 0.09
        draw.ellipse(
            (width * 0.58, height * 0.3, width * 0.98, height * 0.7),
            outline=(*scale(body, 0.85), 255),
            width=round(ring),
        )
        draw.rounded_rectangle(
            (0, height * 0.12, width * 0.78, height), radius=width * 0.12, fill=(*body, 255)
        )
        draw.ellipse(
            (0, height * 0.04, width * 0.78, height * 0.22), fill=(*scale(body, 0.92), 255)
        )
        draw.ellipse(
            (width * 0.05, height * 0.07, width * 0.73, height * 0.2), fill=(96, 62, 40, 255)
        )
        draw.rectangle(
            (width * 0.06, height * 0.55, width * 0.72, height * 0.62), fill=(*palette.trim, 255)
        )
        return
    paper = (
        (246, 242, 230, 255) if kind != "card" else (*mix(palette.trim, palette.wall, 0.35), 255)
    )
    draw.rounded_rectangle((0, 0, width, height), radius=edge * 1.5, fill=paper)
    if kind == "photo":
        inner = (width * 0.07, height * 0.07, width * 0.93, height * 0.76)
        view = vertical_gradient(
            (round(inner[2] - inner[0]), round(inner[3] - inner[1])),
            [(0, palette.sky.top), (1, palette.sky.horizon)],
        )
        pen = ImageDraw.Draw(view)
        vw, vh = view.size
        pen.polygon(
            [
                (0, vh * 0.7),
                (vw * 0.4, vh * 0.45),
                (vw * 0.7, vh * 0.6),
                (vw, vh * 0.5),
                (vw, vh),
                (0, vh),
            ],
            fill=palette.mid,
        )
        tile.paste(view, (round(inner[0]), round(inner[1])))
    elif kind == "letter":
        ink = (150, 150, 160, 255)
        y = height * 0.12
        while y < height * 0.86:
            span = rng.uniform(0.55, 0.84) if y < height * 0.8 else 0.4
            draw.rounded_rectangle(
                (width * 0.1, y, width * (0.1 + span), y + height * 0.018),
                radius=height * 0.009,
                fill=ink,
            )
            y += height * 0.065
    else:
        draw.rounded_rectangle(
            (width * 0.08, height * 0.1, width * 0.92, height * 0.2),
            radius=height * 0.05,
            fill=(*mix(palette.wall, (255, 255, 255), 0.5), 255),
        )
