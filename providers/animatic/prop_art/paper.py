"""Sheets of paper that say what they are by what is printed on them: a map (a chart on
a ship's bridge), unfolded and propped up so the camera sees its face."""

from __future__ import annotations

from PIL import ImageDraw

Draw = ImageDraw.ImageDraw
DARK = (34, 34, 38)
SEA = (150, 196, 222)
LAND = (214, 196, 140)
WOODS = (130, 170, 110)
ROUTE = (200, 50, 50)


def folded_map(d: Draw, x: float, base: float, u: float) -> None:
    """Drawn centred on x with its foot on base, u being about a hand's height."""
    x0, x1, top = x - u * 0.8, x + u * 0.8, base - u * 1.0
    d.polygon([(x0, base), (x1, base), (x1 - u * 0.1, top), (x0 + u * 0.1, top)], fill=SEA)
    d.polygon(
        [
            (x0 + u * 0.3, base),
            (x + u * 0.3, base),
            (x + u * 0.5, base - u * 0.5),
            (x + u * 0.1, top),
            (x - u * 0.4, top),
        ],
        fill=LAND,
    )
    d.ellipse((x - u * 0.2, base - u * 0.75, x + u * 0.15, base - u * 0.45), fill=WOODS)
    width = max(1, round(u * 0.05))
    d.line(
        [(x - u * 0.3, base - u * 0.15), (x, base - u * 0.55), (x + u * 0.55, base - u * 0.8)],
        fill=ROUTE,
        width=width,
    )
    for k in (-1, 1):  # the folds
        fx = x + k * u * 0.27
        d.line([(fx, base), (fx + k * u * -0.03, top)], fill=(120, 120, 110), width=1)
    d.polygon([(x0, base), (x1, base), (x1 - u * 0.1, top), (x0 + u * 0.1, top)], outline=DARK)
