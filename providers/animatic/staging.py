"""Where the figures stand for each shot size and angle, and drawing them there.

The painters draw onto an RGB canvas; the caller draws on black and on white to recover
the figures as a transparent layer (framing.figures_layer). Positions are fractions of the
art; faces stay within x 0.25..0.75 and y 0.2..0.65, inside any camera move's window.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from providers.animatic import figures
from providers.animatic.figures import Lighting, Shape
from providers.animatic.labels import name_tag
from providers.animatic.paint import downsample
from providers.animatic.palette import CharacterLook
from screenplay.model import ShotType

SUPERSAMPLE = 2


@dataclass(frozen=True)
class Stage:
    """What the figure painters need: the canvas, the cast, the light and the camera."""

    art: Image.Image
    cast: list[tuple[str, CharacterLook]]
    lighting: Lighting
    tag: int  # name tag text size
    horizon: float = 0.6  # where the ground meets the sky, as a fraction of the art height
    scale: float = 1.0  # figures look larger from below, smaller from above


def figure_tile(
    shapes: list[Shape],
    look: CharacterLook,
    name: str,
    lighting: Lighting,
    art_size: tuple[int, int],
    scale: float = SUPERSAMPLE,
) -> tuple[Image.Image, tuple[int, int]]:
    """The figure drawn at scale times the art's size, and its corner in those pixels."""
    scaled = [
        Shape(
            s.part,
            tuple((x * scale, y * scale) for x, y in s.points),
            s.kind,
            s.radius * scale,
            s.outlined,
        )
        for s in shapes
    ]
    ink = scale * max(1.0, art_size[1] * 0.0025)
    canvas = (round(art_size[0] * scale), round(art_size[1] * scale))
    skin = figures.skin_tone(name)
    return figures.render_figure(scaled, look, skin, lighting, ink, canvas)


def _place(stage: Stage, shapes: list[Shape], look: CharacterLook, name: str) -> None:
    tile, (left, top) = figure_tile(shapes, look, name, stage.lighting, stage.art.size)
    small = downsample(tile, SUPERSAMPLE)
    composite(stage.art, small, (left // SUPERSAMPLE, top // SUPERSAMPLE))


def composite(art: Image.Image, tile: Image.Image, corner: tuple[int, int]) -> None:
    art.paste(tile.convert("RGB"), corner, tile)


def spread(count: int, spacing: float) -> list[float]:
    return [0.5 + (index - (count - 1) / 2) * spacing for index in range(count)]


# Standing sizes: (figure height, spacing between figures, ground below the horizon), as
# fractions of the art height / width / the room below the horizon.
STANDING: dict[ShotType, tuple[float, float, float]] = {
    ShotType.EXTREME_WIDE: (0.09, 0.04, 0.2),
    ShotType.ESTABLISHING: (0.14, 0.055, 0.25),
    ShotType.WIDE: (0.27, 0.11, 0.28),
    ShotType.MASTER: (0.3, 0.12, 0.3),
    ShotType.POV: (0.34, 0.16, 0.45),
    ShotType.GROUP_SHOT: (0.4, 0.1, 0.5),
    ShotType.MEDIUM_WIDE: (0.62, 0.17, 1.1),  # cowboy: cut off at the thigh
}


def standing(stage: Stage, shot_type: ShotType) -> None:
    """Whole figures on the ground line, sized by the shot and the angle."""
    art = stage.art
    width, height = art.size
    tall, spacing, below = STANDING[shot_type]
    tall *= stage.scale
    count = len(stage.cast)
    if shot_type is ShotType.GROUP_SHOT:  # everyone fits across the middle
        spacing = min(0.16, 0.5 / max(count - 1, 1))
    ground = height * (stage.horizon + (1 - stage.horizon) * below)
    for (name, look), fx in zip(stage.cast, spread(count, spacing), strict=True):
        x = width * fx
        figures.ground_shadow(art, x, ground, height * tall * 0.45)
        _place(stage, figures.full_body(look, x, ground, height * tall), look, name)
        name_tag(art, name, (x, ground - height * tall * 1.08), stage.tag, look.colour)


def waist_up(stage: Stage, spacing_for: tuple[float, ...] = (0.0, 0.24, 0.2, 0.16)) -> None:
    width, height = stage.art.size
    count = len(stage.cast)
    r = height * (0.08, 0.08, 0.07, 0.06)[min(count, 4) - 1] * stage.scale
    spacing = spacing_for[min(count, 4) - 1]
    head_y = height * 0.36
    for (name, look), fx in zip(stage.cast, spread(count, spacing), strict=True):
        x = width * fx
        _place(stage, figures.waist_up(look, x, head_y, r, height), look, name)
        name_tag(stage.art, name, (x, head_y - r * 1.25), stage.tag, look.colour)


def single(stage: Stage, r_share: float, head_share: float) -> None:
    """One head and shoulders: r_share is the head's radius, head_share its height."""
    width, height = stage.art.size
    name, look = stage.cast[0]
    x = width * 0.5
    head_y, r = height * head_share, height * r_share * stage.scale
    shapes = figures.head_and_shoulders(look, x, head_y, r, height)
    _place(stage, shapes, look, name)
    anchor = (x + r * 1.08, head_y - r * 0.5)
    name_tag(stage.art, name, anchor, round(stage.tag * 1.2), look.colour, point_down=False)


def facing(stage: Stage) -> None:
    """Over the shoulder: the speaker faces us a little right of the middle (the listener's
    shoulder is drawn nearer, by near_shoulder, on the foreground layer)."""
    width, height = stage.art.size
    name, look = stage.cast[0]
    x, head_y, r = width * 0.6, height * 0.38, height * 0.085
    _place(stage, figures.head_and_shoulders(look, x, head_y, r, height), look, name)
    name_tag(stage.art, name, (x, head_y - r * 1.2), stage.tag, look.colour)


def near_shoulder(
    stage: Stage, look: CharacterLook, name: str, share_x: float, share_r: float
) -> None:
    """The listener's back, dark and out of focus, in the near lower left (a dirty single
    keeps only a sliver of it at the edge)."""
    art, lighting = stage.art, stage.lighting
    width, height = art.size
    x, head_y, r = width * share_x, height * 0.44, height * share_r
    dim = Lighting(lighting.rim, lighting.light * 0.3, lighting.from_right)
    shrink = 4  # out of focus: drawn at a quarter of the size, blurred there, enlarged back
    shapes = figures.back_of_head(look, x, head_y, r, height)
    small, (left, top) = figure_tile(shapes, look, name, dim, art.size, scale=1 / shrink)
    room = round(height * 0.04) // shrink
    padded = Image.new("RGBA", (small.width + 2 * room, small.height + 2 * room), (0, 0, 0, 0))
    padded.paste(small, (room, room))
    padded = padded.filter(ImageFilter.GaussianBlur(height * 0.01 / shrink))
    size = (padded.width * shrink, padded.height * shrink)
    blurred = padded.resize(size, Image.Resampling.BILINEAR)
    composite(art, blurred, ((left - room) * shrink, (top - room) * shrink))
    if share_x > 0.2:  # a sliver at the edge carries no tag
        name_tag(art, name, (x, head_y - r * 1.05), round(height * 0.02), look.colour, opacity=0.8)


def from_above(stage: Stage) -> None:
    """Overhead: heads and shoulders seen from straight above, shadows beside them."""
    art = stage.art
    width, height = art.size
    count = len(stage.cast)
    r = height * 0.045 * stage.scale
    pen = ImageDraw.Draw(art)
    for (name, look), fx in zip(stage.cast, spread(count, 0.14), strict=True):
        x, y = width * fx, height * 0.5
        pad = round(r)  # a soft shadow cast down and right, as by a lamp above left
        left, top = round(x - r * 1.6) - pad, round(y - r * 0.2) - pad
        shadow = Image.new("L", (round(r * 5.2) + 2 * pad, round(r * 1.8) + 2 * pad), 0)
        ImageDraw.Draw(shadow).ellipse(
            (pad, pad, pad + r * 5.2, pad + r * 1.8), fill=round(255 * 0.35)
        )
        art.paste((0, 0, 0), (left, top), shadow.filter(ImageFilter.GaussianBlur(r * 0.3)))
        pen.ellipse((x - r * 2.2, y - r * 0.9, x + r * 2.2, y + r * 0.9), fill=look.colour)
        pen.ellipse((x - r, y - r, x + r, y + r), fill=look.hair, outline=(20, 20, 24))
        name_tag(art, name, (x, y - r * 1.4), stage.tag, look.colour)


def iris(art: Image.Image) -> None:
    """A point of view: the picture darkens toward an oval edge, as seen through eyes."""
    width, height = art.size
    step = 8  # the falloff is smooth: work on a coarse grid
    xs = (np.arange(0, width, step, dtype=np.float32) - width / 2) / (width / 2)
    ys = (np.arange(0, height, step, dtype=np.float32) - height * 0.48) / (height / 2)
    distance = np.sqrt(xs[None, :] ** 2 + ys[:, None] ** 2)
    edge = np.clip((distance - 0.58) / 0.34, 0.0, 1.0)
    dark = 0.9 * edge * edge * (3 - 2 * edge) * 255
    mask = Image.fromarray(np.rint(dark).astype(np.uint8), "L")
    art.paste((4, 4, 8), (0, 0), mask.resize(art.size, Image.Resampling.BILINEAR))
