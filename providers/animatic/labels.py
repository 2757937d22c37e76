"""Name tags: a rounded pill in the character's colour with a pointer toward the figure."""

from __future__ import annotations

from PIL import Image, ImageDraw

from providers.animatic.palette import Colour, scale
from providers.animatic.text import TextStyle, draw_text, ellipsize, line_height, measure_for

_SHARPNESS = 4  # the pill is drawn this much larger, then shrunk: smooth edges


def _luminance(colour: Colour) -> float:
    return 0.2126 * colour[0] + 0.7152 * colour[1] + 0.0722 * colour[2]


def name_tag(
    image: Image.Image,
    name: str,
    anchor: tuple[float, float],
    size: int,
    colour: Colour,
    point_down: bool = True,
    opacity: float = 1.0,
) -> None:
    """A tag whose pointer tip sits at anchor: above a head (pointing down) or beside it."""
    style = TextStyle(size, bold=True)
    text = ellipsize(name, size * 14, measure_for(style))
    text_w = measure_for(style)(text)
    pad_x, pad_y = size * 0.6, size * 0.28
    box_w, box_h = text_w + 2 * pad_x, line_height(style) + 2 * pad_y
    tip = size * 0.45
    x, y = anchor
    if point_down:
        left, top = x - box_w / 2, y - tip - box_h
    else:  # pointing left, toward a head to the tag's left
        left, top = x + tip, y - box_h / 2
    left = min(max(left, 2.0), image.width - box_w - 2)
    top = min(max(top, 2.0), image.height - box_h - 2)
    k = _SHARPNESS
    origin_x, origin_y = int(min(left, x - tip)) - 2, int(min(top, y - tip)) - 2
    extent_w = int(max(left + box_w, x + tip) - origin_x) + 3
    extent_h = int(max(top + box_h, y + tip) - origin_y) + 3
    mask = Image.new("L", (extent_w * k, extent_h * k), 0)
    pen = ImageDraw.Draw(mask)
    bx, by = (left - origin_x) * k, (top - origin_y) * k
    pen.rounded_rectangle((bx, by, bx + box_w * k, by + box_h * k), radius=box_h * k / 2, fill=255)
    tx, ty = (x - origin_x) * k, (y - origin_y) * k
    if point_down:
        base = by + box_h * k - 1
        pen.polygon([(tx - tip * k, base), (tx + tip * k, base), (tx, ty)], fill=255)
    else:
        pen.polygon([(bx + 1, ty - tip * k), (bx + 1, ty + tip * k), (tx, ty)], fill=255)
    mask = mask.resize((extent_w, extent_h), Image.Resampling.BOX)
    if opacity < 1:
        mask = mask.point([round(v * opacity) for v in range(256)])
    image.paste(scale(colour, 0.55), (origin_x, origin_y + max(1, size // 10)), mask)
    image.paste(colour, (origin_x, origin_y), mask)
    ink = (24, 24, 28) if _luminance(colour) > 150 else (255, 255, 255)
    draw_text(image, (left + pad_x, top + pad_y), text, style, (*ink, round(255 * opacity)))
