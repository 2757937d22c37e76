"""The background of one shot: the scene's world, framed by the shot type, with its cast.

Positions are fractions of the art. A camera move shows only part of the art (down to
about 2/3 of it), so faces and tags stay within the middle: x in 0.25..0.75, y in
0.2..0.65; the bottom of the picture sits under the caption box.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

from providers.animatic import figures
from providers.animatic.exterior import paint_exterior
from providers.animatic.figures import Lighting, Shape
from providers.animatic.insert import paint_insert
from providers.animatic.interior import paint_interior
from providers.animatic.labels import name_tag
from providers.animatic.paint import downsample
from providers.animatic.palette import (
    ANONYMOUS,
    CharacterLook,
    Palette,
    character_look,
    is_interior,
    palette_for,
    seed_of,
)
from providers.base import FrameRequest
from screenplay.model import ShotType

SUPERSAMPLE = 2
MAX_CAST = 4


@dataclass(frozen=True)
class Framing:
    view: float  # the share of the world's width in the picture: lower is closer
    focus_y: float  # the height the view centres on
    blur: float  # depth of field, as a fraction of the art height
    cast: int  # at most this many figures


FRAMINGS: dict[ShotType, Framing] = {
    ShotType.ESTABLISHING: Framing(1.0, 0.5, 0.0, MAX_CAST),
    ShotType.WIDE: Framing(0.86, 0.5, 0.0, MAX_CAST),
    ShotType.MEDIUM: Framing(0.72, 0.46, 0.0015, MAX_CAST),
    ShotType.CLOSE_UP: Framing(0.56, 0.42, 0.005, 1),
    ShotType.EXTREME_CLOSE_UP: Framing(0.42, 0.4, 0.009, 1),
    ShotType.OVER_THE_SHOULDER: Framing(0.66, 0.44, 0.003, 2),
    ShotType.POV: Framing(0.9, 0.48, 0.0, 3),
    ShotType.INSERT: Framing(0.5, 0.36, 0.012, 0),
    # The full vocabulary's sizes, framed like their nearest neighbours until the layered
    # compositor draws each as it means.
    ShotType.EXTREME_WIDE: Framing(1.0, 0.52, 0.0, MAX_CAST),
    ShotType.MASTER: Framing(0.92, 0.5, 0.0, MAX_CAST),
    ShotType.MEDIUM_WIDE: Framing(0.8, 0.48, 0.0, MAX_CAST),
    ShotType.MEDIUM_CLOSE_UP: Framing(0.62, 0.43, 0.004, 1),
    ShotType.CUTAWAY: Framing(0.52, 0.37, 0.011, 0),
    ShotType.TWO_SHOT: Framing(0.74, 0.46, 0.001, 2),
    ShotType.THREE_SHOT: Framing(0.76, 0.46, 0.001, 3),
    ShotType.GROUP_SHOT: Framing(0.84, 0.48, 0.0, MAX_CAST),
    ShotType.DIRTY_SINGLE: Framing(0.64, 0.44, 0.003, 2),
    ShotType.CLEAN_SINGLE: Framing(0.6, 0.43, 0.004, 1),
    ShotType.REACTION: Framing(0.58, 0.42, 0.005, 1),
}


def cast_for(request: FrameRequest) -> list[str]:
    """Who is in the picture: the shot's speakers first, then the scene's others; at most 4."""
    names: dict[str, None] = {}
    for line in request.shot.dialogue:
        names.setdefault(line.character, None)
    for name in request.scene.characters:
        names.setdefault(name, None)
    return list(names)[:MAX_CAST]


def world_seed(request: FrameRequest) -> int:
    """Every shot of a scene shares its world: the seed comes from the scene, not the shot,
    unless a regenerated take asks for another seed."""
    scene = request.scene
    parts = [scene.heading, scene.int_ext, scene.location, scene.time_of_day]
    if request.seed is not None:
        parts.append(f"take-seed:{request.seed}")
    return seed_of("world", *parts)


def _world(request: FrameRequest, palette: Palette, framing: Framing) -> Image.Image:
    """The scene's world as this shot sees it: a closer view paints the world larger and
    keeps the middle. Sharp views are painted at twice the size and shrunk, for smooth
    edges; blurred ones at half size, blurred there and enlarged: nobody sees the detail."""
    art_w, art_h = request.profile.art_size
    sharp = framing.blur == 0
    detail = float(SUPERSAMPLE) if sharp else 0.5
    view_w, view_h = round(art_w * detail), round(art_h * detail)
    size = (round(view_w / framing.view), round(view_h / framing.view))
    seed = world_seed(request)
    if is_interior(request.scene.int_ext):
        world = paint_interior(size, palette, seed)
    else:
        world = paint_exterior(size, palette, request.scene.location, seed)
    left = (size[0] - view_w) // 2
    top = round(min(max(0.0, framing.focus_y * size[1] - view_h / 2), size[1] - view_h))
    view = world.crop((left, top, left + view_w, top + view_h))
    if sharp:
        return downsample(view, SUPERSAMPLE)
    view = view.filter(ImageFilter.GaussianBlur(framing.blur * art_h * detail))
    return view.resize((art_w, art_h), Image.Resampling.BILINEAR)


def _figure_tile(
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


def _place(
    art: Image.Image, shapes: list[Shape], look: CharacterLook, name: str, lighting: Lighting
) -> None:
    tile, (left, top) = _figure_tile(shapes, look, name, lighting, art.size)
    small = downsample(tile, SUPERSAMPLE)
    _composite(art, small, (left // SUPERSAMPLE, top // SUPERSAMPLE))


def _composite(art: Image.Image, tile: Image.Image, corner: tuple[int, int]) -> None:
    art.paste(tile.convert("RGB"), corner, tile)


def _looks(cast: list[str]) -> list[tuple[str, CharacterLook]]:
    return [(name, character_look(name)) for name in cast] or [("", ANONYMOUS)]


def _spread(count: int, spacing: float) -> list[float]:
    return [0.5 + (index - (count - 1) / 2) * spacing for index in range(count)]


@dataclass(frozen=True)
class Stage:
    """What the figure painters need: the art, the cast and the light."""

    art: Image.Image
    cast: list[tuple[str, CharacterLook]]
    lighting: Lighting
    tag: int  # name tag text size


def render_background(request: FrameRequest) -> Image.Image:
    shot_type = request.shot.shot_type
    framing = FRAMINGS[shot_type]
    palette = palette_for(request.scene.time_of_day)
    art = _world(request, palette, framing)
    if shot_type is ShotType.INSERT:
        interior = is_interior(request.scene.int_ext)
        paint_insert(art, palette, interior, request.shot.action, world_seed(request))
        return art
    names = cast_for(request)[: framing.cast]
    if shot_type is ShotType.POV:  # through someone's eyes: we see who speaks to them
        names = list(dict.fromkeys(line.character for line in request.shot.dialogue))[:3]
    lighting = Lighting(palette.rim, palette.figure_light, from_right=True)
    stage = Stage(art, _looks(names), lighting, round(art.height * 0.022))
    if shot_type in (ShotType.ESTABLISHING, ShotType.WIDE, ShotType.POV):
        _standing(stage, shot_type, named_only=True)
        if shot_type is ShotType.POV:
            _iris(art)
    elif shot_type is ShotType.MEDIUM:
        _waist_up(stage)
    elif shot_type is ShotType.OVER_THE_SHOULDER:
        _over_the_shoulder(stage)
    else:
        _close_up(stage, extreme=shot_type is ShotType.EXTREME_CLOSE_UP)
    return art


def _standing(stage: Stage, shot_type: ShotType, named_only: bool) -> None:
    """Whole figures on the ground line, small in the world."""
    art = stage.art
    width, height = art.size
    cast = [(name, look) for name, look in stage.cast if name or not named_only]
    tall = {ShotType.ESTABLISHING: 0.14, ShotType.WIDE: 0.27}.get(shot_type, 0.34)
    spacing = {ShotType.ESTABLISHING: 0.055, ShotType.WIDE: 0.11}.get(shot_type, 0.16)
    ground = height * (0.78 if shot_type is ShotType.POV else 0.71)
    for (name, look), fx in zip(cast, _spread(len(cast), spacing), strict=True):
        x = width * fx
        figures.ground_shadow(art, x, ground, height * tall * 0.45)
        _place(art, figures.full_body(look, x, ground, height * tall), look, name, stage.lighting)
        name_tag(art, name, (x, ground - height * tall * 1.08), stage.tag, look.colour)


def _waist_up(stage: Stage) -> None:
    width, height = stage.art.size
    count = len(stage.cast)
    r = height * (0.08, 0.08, 0.07, 0.06)[count - 1]
    spacing = (0.0, 0.22, 0.2, 0.16)[count - 1]
    head_y = height * 0.36
    for (name, look), fx in zip(stage.cast, _spread(count, spacing), strict=True):
        x = width * fx
        _place(stage.art, figures.waist_up(look, x, head_y, r, height), look, name, stage.lighting)
        if name:
            name_tag(stage.art, name, (x, head_y - r * 1.25), stage.tag, look.colour)


def _over_the_shoulder(stage: Stage) -> None:
    """The speaker faces us mid-frame; the listener's shoulder fills the near left."""
    width, height = stage.art.size
    name, look = stage.cast[0]
    near_name, near = stage.cast[1] if len(stage.cast) > 1 else ("", ANONYMOUS)
    x, head_y, r = width * 0.6, height * 0.38, height * 0.085
    shapes = figures.head_and_shoulders(look, x, head_y, r, height)
    _place(stage.art, shapes, look, name, stage.lighting)
    if name:
        name_tag(stage.art, name, (x, head_y - r * 1.2), stage.tag, look.colour)
    _near_shoulder(stage.art, near, near_name, stage.lighting)


def _close_up(stage: Stage, extreme: bool) -> None:
    """One head and shoulders filling the frame, the tag beside the head."""
    width, height = stage.art.size
    name, look = stage.cast[0]
    x = width * 0.5
    head_y, r = (height * 0.47, height * 0.25) if extreme else (height * 0.42, height * 0.14)
    shapes = figures.head_and_shoulders(look, x, head_y, r, height)
    _place(stage.art, shapes, look, name, stage.lighting)
    if name:
        anchor = (x + r * 1.08, head_y - r * 0.5)
        name_tag(stage.art, name, anchor, round(stage.tag * 1.2), look.colour, point_down=False)


def _near_shoulder(art: Image.Image, look: CharacterLook, name: str, lighting: Lighting) -> None:
    """The listener's back, dark and out of focus, filling the lower left."""
    width, height = art.size
    x, head_y, r = width * 0.28, height * 0.44, height * 0.17
    dim = Lighting(lighting.rim, lighting.light * 0.3, lighting.from_right)
    # Out of focus: drawn at a quarter of the size, blurred there, enlarged back.
    shrink = 4
    shapes = figures.back_of_head(look, x, head_y, r, height)
    small, (left, top) = _figure_tile(shapes, look, name, dim, art.size, scale=1 / shrink)
    room = round(height * 0.04) // shrink
    padded = Image.new("RGBA", (small.width + 2 * room, small.height + 2 * room), (0, 0, 0, 0))
    padded.paste(small, (room, room))
    padded = padded.filter(ImageFilter.GaussianBlur(height * 0.01 / shrink))
    size = (padded.width * shrink, padded.height * shrink)
    blurred = padded.resize(size, Image.Resampling.BILINEAR)
    _composite(art, blurred, ((left - room) * shrink, (top - room) * shrink))
    if name:
        name_tag(art, name, (x, head_y - r * 1.05), round(height * 0.02), look.colour, opacity=0.8)


def _iris(art: Image.Image) -> None:
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
