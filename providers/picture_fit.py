"""A remote provider's picture checked and fitted to the shot's art size.

Generative models want sizes in multiples of 8 or 16, the compositor wants the profile's
art size: ask for the nearest size the model takes, check the answer is a decodable image
of exactly that size (else OutputUnusable), then cover-crop it to the art size."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from providers.errors import OutputUnusable


def model_size(art_size: tuple[int, int], multiple: int) -> tuple[int, int]:
    """The art size rounded up to `multiple` on each side."""
    width, height = art_size
    return (-(-width // multiple) * multiple, -(-height // multiple) * multiple)


def fit_picture(
    data: bytes, asked: tuple[int, int], art_size: tuple[int, int], out: Path, provider: str
) -> Path:
    """Write `data` (an image of size `asked`) as an RGB PNG of `art_size` at `out`."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = image.convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise OutputUnusable(f"{provider}: the output is not an image ({error})") from None
    if picture.size != asked:
        raise OutputUnusable(
            f"{provider}: the output is {picture.size[0]}x{picture.size[1]}, "
            f"asked for {asked[0]}x{asked[1]}"
        )
    scale = max(art_size[0] / picture.width, art_size[1] / picture.height)
    resized = picture.resize(
        (
            max(art_size[0], round(picture.width * scale)),
            max(art_size[1], round(picture.height * scale)),
        ),
        Image.Resampling.LANCZOS,
    )
    left = (resized.width - art_size[0]) // 2
    top = (resized.height - art_size[1]) // 2
    resized.crop((left, top, left + art_size[0], top + art_size[1])).save(out, format="PNG")
    return out
