"""Small things that stand on a table, a counter or the ground: each drawn centred on x with
its foot on base, u pixels being about a hand's height."""

from __future__ import annotations

from collections.abc import Callable

from PIL import ImageDraw

from providers.animatic.prop_art.paper import folded_map

Draw = ImageDraw.ImageDraw
DARK = (34, 34, 38)
PAPER = (244, 240, 226)


def cup(d: Draw, x: float, base: float, u: float) -> None:
    d.rectangle(
        (x - u * 0.3, base - u * 0.55, x + u * 0.3, base), fill=(236, 236, 232), outline=DARK
    )
    d.arc(
        (x + u * 0.18, base - u * 0.45, x + u * 0.5, base - u * 0.15),
        270,
        90,
        fill=DARK,
        width=max(1, round(u * 0.06)),
    )
    d.ellipse(
        (x - u * 0.3, base - u * 0.62, x + u * 0.3, base - u * 0.48),
        fill=(110, 70, 40),
        outline=DARK,
    )


def glass(d: Draw, x: float, base: float, u: float) -> None:
    d.polygon(
        [
            (x - u * 0.25, base - u * 0.8),
            (x + u * 0.25, base - u * 0.8),
            (x + u * 0.18, base),
            (x - u * 0.18, base),
        ],
        fill=(200, 226, 236),
        outline=(120, 140, 150),
    )
    d.polygon(
        [
            (x - u * 0.23, base - u * 0.45),
            (x + u * 0.23, base - u * 0.45),
            (x + u * 0.18, base),
            (x - u * 0.18, base),
        ],
        fill=(200, 150, 60),
    )


def bottle(d: Draw, x: float, base: float, u: float) -> None:
    d.rounded_rectangle(
        (x - u * 0.2, base - u * 0.9, x + u * 0.2, base), u * 0.08, fill=(50, 110, 60), outline=DARK
    )
    d.rectangle(
        (x - u * 0.08, base - u * 1.3, x + u * 0.08, base - u * 0.85),
        fill=(50, 110, 60),
        outline=DARK,
    )
    d.rectangle((x - u * 0.18, base - u * 0.6, x + u * 0.18, base - u * 0.35), fill=PAPER)


def radio(d: Draw, x: float, base: float, u: float) -> None:
    d.line(
        [(x + u * 0.4, base - u * 0.7), (x + u * 0.8, base - u * 1.5)],
        fill=DARK,
        width=max(1, round(u * 0.05)),
    )
    d.rounded_rectangle(
        (x - u * 0.8, base - u * 0.75, x + u * 0.8, base), u * 0.1, fill=(150, 60, 40), outline=DARK
    )
    d.ellipse(
        (x - u * 0.7, base - u * 0.65, x - u * 0.1, base - u * 0.08),
        fill=(60, 40, 30),
        outline=DARK,
    )
    for k in range(4):
        y = base - u * (0.58 - k * 0.14)
        d.line(
            [(x - u * 0.65, y), (x - u * 0.15, y)],
            fill=(120, 90, 70),
            width=max(1, round(u * 0.03)),
        )
    d.rectangle(
        (x + u * 0.05, base - u * 0.6, x + u * 0.7, base - u * 0.4),
        fill=(230, 210, 150),
        outline=DARK,
    )
    d.ellipse((x + u * 0.3, base - u * 0.3, x + u * 0.45, base - u * 0.12), fill=DARK)


def phone(d: Draw, x: float, base: float, u: float) -> None:
    d.rounded_rectangle((x - u * 0.22, base - u * 0.8, x + u * 0.22, base), u * 0.06, fill=DARK)
    d.rectangle((x - u * 0.17, base - u * 0.72, x + u * 0.17, base - u * 0.1), fill=(110, 180, 230))


def letter(d: Draw, x: float, base: float, u: float) -> None:
    d.polygon(
        [
            (x - u * 0.7, base),
            (x + u * 0.6, base),
            (x + u * 0.7, base - u * 0.18),
            (x - u * 0.6, base - u * 0.2),
        ],
        fill=PAPER,
        outline=DARK,
    )
    d.line(
        [(x - u * 0.6, base - u * 0.2), (x, base - u * 0.05), (x + u * 0.7, base - u * 0.18)],
        fill=DARK,
        width=1,
    )
    d.rectangle((x + u * 0.35, base - u * 0.16, x + u * 0.5, base - u * 0.08), fill=(200, 60, 60))


def book(d: Draw, x: float, base: float, u: float) -> None:
    d.rectangle((x - u * 0.6, base - u * 0.25, x + u * 0.6, base), fill=(120, 40, 40), outline=DARK)
    d.rectangle((x - u * 0.55, base - u * 0.2, x + u * 0.6, base - u * 0.05), fill=PAPER)
    d.rectangle(
        (x - u * 0.5, base - u * 0.55, x + u * 0.5, base - u * 0.25),
        fill=(40, 70, 120),
        outline=DARK,
    )


def key(d: Draw, x: float, base: float, u: float) -> None:
    d.ellipse(
        (x - u * 0.45, base - u * 0.3, x - u * 0.15, base),
        outline=(200, 170, 80),
        width=max(1, round(u * 0.08)),
    )
    d.line(
        [(x - u * 0.15, base - u * 0.15), (x + u * 0.45, base - u * 0.15)],
        fill=(200, 170, 80),
        width=max(1, round(u * 0.08)),
    )
    d.line(
        [(x + u * 0.3, base - u * 0.15), (x + u * 0.3, base - u * 0.02)],
        fill=(200, 170, 80),
        width=max(1, round(u * 0.06)),
    )


def candle(d: Draw, x: float, base: float, u: float) -> None:
    d.ellipse((x - u * 0.5, base - u * 0.5, x + u * 0.5, base + u * 0.2), fill=(255, 220, 150))
    d.rectangle(
        (x - u * 0.12, base - u * 0.8, x + u * 0.12, base),
        fill=(246, 240, 220),
        outline=(180, 170, 150),
    )
    d.ellipse((x - u * 0.07, base - u * 1.05, x + u * 0.07, base - u * 0.8), fill=(255, 200, 60))
    d.ellipse((x - u * 0.3, base - u * 0.1, x + u * 0.3, base + u * 0.04), fill=(200, 190, 170))


def laptop(d: Draw, x: float, base: float, u: float) -> None:
    d.polygon(
        [
            (x - u * 0.7, base - u * 0.9),
            (x + u * 0.7, base - u * 0.9),
            (x + u * 0.62, base - u * 0.12),
            (x - u * 0.62, base - u * 0.12),
        ],
        fill=(60, 62, 70),
    )
    d.polygon(
        [
            (x - u * 0.62, base - u * 0.84),
            (x + u * 0.62, base - u * 0.84),
            (x + u * 0.56, base - u * 0.18),
            (x - u * 0.56, base - u * 0.18),
        ],
        fill=(120, 180, 220),
    )
    d.polygon(
        [
            (x - u * 0.8, base),
            (x + u * 0.8, base),
            (x + u * 0.65, base - u * 0.12),
            (x - u * 0.65, base - u * 0.12),
        ],
        fill=(170, 172, 180),
        outline=DARK,
    )


def gun(d: Draw, x: float, base: float, u: float) -> None:
    d.rectangle((x - u * 0.6, base - u * 0.4, x + u * 0.5, base - u * 0.22), fill=DARK)
    d.polygon(
        [
            (x - u * 0.6, base - u * 0.25),
            (x - u * 0.3, base - u * 0.25),
            (x - u * 0.38, base),
            (x - u * 0.66, base),
        ],
        fill=(80, 56, 40),
    )
    d.arc(
        (x - u * 0.35, base - u * 0.3, x - u * 0.05, base - u * 0.02),
        0,
        180,
        fill=DARK,
        width=max(1, round(u * 0.05)),
    )


def knife(d: Draw, x: float, base: float, u: float) -> None:
    d.polygon(
        [(x - u * 0.1, base - u * 0.12), (x + u * 0.8, base - u * 0.06), (x - u * 0.1, base)],
        fill=(210, 214, 220),
        outline=(120, 124, 130),
    )
    d.rectangle((x - u * 0.6, base - u * 0.12, x - u * 0.1, base), fill=(60, 40, 30))


def bag(d: Draw, x: float, base: float, u: float) -> None:
    d.arc(
        (x - u * 0.35, base - u * 1.2, x + u * 0.35, base - u * 0.5),
        180,
        360,
        fill=(70, 46, 30),
        width=max(1, round(u * 0.08)),
    )
    d.rounded_rectangle(
        (x - u * 0.7, base - u * 0.85, x + u * 0.7, base), u * 0.1, fill=(120, 80, 50), outline=DARK
    )
    d.rectangle((x - u * 0.1, base - u * 0.6, x + u * 0.1, base - u * 0.48), fill=(200, 170, 80))


def alarm_clock(d: Draw, x: float, base: float, u: float) -> None:
    d.ellipse(
        (x - u * 0.4, base - u * 0.85, x + u * 0.4, base - u * 0.05),
        fill=(240, 240, 236),
        outline=DARK,
        width=max(1, round(u * 0.06)),
    )
    d.line([(x, base - u * 0.45), (x, base - u * 0.72)], fill=DARK, width=max(1, round(u * 0.05)))
    d.line(
        [(x, base - u * 0.45), (x + u * 0.2, base - u * 0.45)],
        fill=DARK,
        width=max(1, round(u * 0.05)),
    )
    d.line(
        [(x - u * 0.3, base - u * 0.1), (x - u * 0.4, base)],
        fill=DARK,
        width=max(1, round(u * 0.05)),
    )
    d.line(
        [(x + u * 0.3, base - u * 0.1), (x + u * 0.4, base)],
        fill=DARK,
        width=max(1, round(u * 0.05)),
    )


def photo(d: Draw, x: float, base: float, u: float) -> None:
    d.rectangle((x - u * 0.4, base - u * 0.9, x + u * 0.4, base), fill=(120, 90, 60))
    d.rectangle(
        (x - u * 0.32, base - u * 0.82, x + u * 0.32, base - u * 0.08), fill=(180, 200, 210)
    )
    d.ellipse((x - u * 0.12, base - u * 0.65, x + u * 0.12, base - u * 0.4), fill=(210, 170, 140))


def camera(d: Draw, x: float, base: float, u: float) -> None:
    d.rounded_rectangle((x - u * 0.6, base - u * 0.6, x + u * 0.6, base), u * 0.08, fill=DARK)
    d.ellipse(
        (x - u * 0.28, base - u * 0.5, x + u * 0.28, base - u * 0.06),
        fill=(90, 100, 120),
        outline=(200, 200, 200),
    )
    d.rectangle((x + u * 0.3, base - u * 0.72, x + u * 0.5, base - u * 0.6), fill=DARK)


SMALL: dict[str, Callable[[Draw, float, float, float], None]] = {
    "cup": cup,
    "glass": glass,
    "bottle": bottle,
    "radio": radio,
    "phone": phone,
    "letter": letter,
    "book": book,
    "key": key,
    "candle": candle,
    "laptop": laptop,
    "gun": gun,
    "knife": knife,
    "bag": bag,
    "clock": alarm_clock,
    "photo": photo,
    "camera": camera,
    "map": folded_map,
}
