"""Painting helpers shared by the scenery and figure painters: gradients, glows, blur."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from providers.animatic.palette import Colour


def vertical_gradient(size: tuple[int, int], stops: list[tuple[float, Colour]]) -> Image.Image:
    """An RGB image whose colour runs through stops (fraction of height, colour) top down."""
    width, height = size
    ys = (np.arange(height, dtype=np.float32) + 0.5) / height
    where = [stop for stop, _ in stops]
    column = np.stack(
        [np.interp(ys, where, [colour[band] for _, colour in stops]) for band in range(3)],
        axis=-1,
    )
    strip = Image.fromarray(np.rint(column).astype(np.uint8).reshape(height, 1, 3), "RGB")
    return strip.resize((width, height), Image.Resampling.NEAREST)


def glow(
    image: Image.Image,
    centre: tuple[float, float],
    radius: float,
    colour: Colour,
    strength: float,
    squash: float = 1.0,
) -> None:
    """Blend colour in around centre, fading with distance: sun haze, lamp light.

    squash < 1 flattens the glow vertically, as light spreading along a horizon. The
    falloff is smooth, so it is computed on a coarse grid and enlarged.
    """
    width, height = image.size
    cx, cy = centre
    left, right = max(0, int(cx - radius)), min(width, int(cx + radius) + 1)
    top = max(0, int(cy - radius * squash))
    bottom = min(height, int(cy + radius * squash) + 1)
    if left >= right or top >= bottom:
        return
    step = max(1, round(radius / 48))
    xs = (np.arange(left, right, step, dtype=np.float32) - cx) / radius
    ys = (np.arange(top, bottom, step, dtype=np.float32) - cy) / (radius * squash)
    distance = np.sqrt(xs[None, :] ** 2 + ys[:, None] ** 2)
    alpha = np.clip(1.0 - distance, 0.0, 1.0) ** 2 * (strength * 255)
    coarse = Image.fromarray(np.rint(alpha).astype(np.uint8), "L")
    mask = coarse.resize((right - left, bottom - top), Image.Resampling.BILINEAR)
    image.paste(colour, (left, top, right, bottom), mask)


def new_mask(size: tuple[int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    mask = Image.new("L", size, 0)
    return mask, ImageDraw.Draw(mask)


def downsample(image: Image.Image, factor: int) -> Image.Image:
    """Supersampled drawing back to its real size: smooth edges for every shape.

    Image.reduce averages factor x factor blocks (with premultiplied alpha), the fastest
    good shrink Pillow has."""
    return image if factor == 1 else image.reduce(factor)
