"""Whole-layer tone changes the weather and light painters share: a layer blended toward a
colour (evenly or row by row), the canvas's layers swapped for changed copies."""

from __future__ import annotations

import numpy as np
from PIL import Image

from providers.animatic.palette import Colour
from providers.animatic.settings.canvas import Canvas


def blend(image: Image.Image, colour: Colour, amount: np.ndarray | float) -> Image.Image:
    """image (RGB or RGBA) blended toward colour by amount: a scalar, or one per row.

    Done by Pillow in C (a blend or a composite through a row mask): these layers are
    large, and a float copy of each would cost seconds. A layer's empty margins are left."""
    if isinstance(amount, np.ndarray):
        per_row = amount
    else:
        per_row = np.full(image.height, float(amount), dtype=np.float32)
    if image.mode == "RGBA":
        box = image.getchannel("A").getbbox()
        if box is None:
            return image
        if box != (0, 0, *image.size):
            out = image.copy()
            out.paste(blend(image.crop(box), colour, per_row[box[1] : box[3]]), box[:2])
            return out
    rgb = image.convert("RGB")
    solid = Image.new("RGB", image.size, colour)
    if np.ptp(per_row) == 0:
        out = Image.blend(rgb, solid, float(per_row[0]))
    else:
        rows = np.clip(np.rint(per_row * 255), 0, 255).astype(np.uint8)
        mask = Image.fromarray(rows.reshape(-1, 1), "L")
        out = Image.composite(solid, rgb, mask.resize(image.size, Image.Resampling.NEAREST))
    if image.mode == "RGBA":
        out.putalpha(image.getchannel("A"))
    return out


def replace_layers(
    canvas: Canvas, far: Image.Image, setting: Image.Image, fore: Image.Image
) -> None:
    canvas.far.paste(far)
    canvas.setting.paste(setting)
    canvas.fore.paste(fore)


def ramp_rows(canvas: Canvas, start: float, end: float) -> np.ndarray:
    """A ramp per row: 0 above pixel row start, rising to 1 at end."""
    ys = np.arange(canvas.h, dtype=np.float32)
    ramp: np.ndarray = np.clip((ys - start) / max(1.0, end - start), 0.0, 1.0)
    return ramp
