"""The art of one shot in depth layers: the scene's world seen from the shot's angle and
framed by its size, with the cast on screen standing in it.

Layers, far to near: the far background and the setting (from the world painters, through
providers.animatic.world), the figures, and the foreground (the world's, plus a listener's
shoulder or a point of view's iris). The media render moves them apart; `flattened()` is
the still composite the first releases drew.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageFilter

from providers.animatic import staging
from providers.animatic.figures import Lighting
from providers.animatic.insert import paint_insert
from providers.animatic.paint import downsample
from providers.animatic.palette import (
    CharacterLook,
    Palette,
    character_look,
    is_interior,
    palette_for,
    seed_of,
)
from providers.animatic.props import paint_props
from providers.animatic.staging import STANDING, Stage
from providers.animatic.world import WorldLayers, WorldView, paint_world
from providers.base import FrameRequest, SceneContext
from screenplay.model import CameraAngle, ShotType

SUPERSAMPLE = 2
MAX_CAST = 4
MAX_GROUP = 6
DEPTHS = {"far": 0.0, "setting": 0.35, "figures": 0.6, "foreground": 1.0}
_OFF_SCREEN = ("O.S.", "O.C.", "V.O.", "OS", "OC", "VO")

# (scene, palette, seed, size, view, the shot's own atmosphere words) -> the world's layers
WorldPainter = Callable[
    [SceneContext, Palette, int, tuple[int, int], WorldView, list[str] | None], WorldLayers
]


@dataclass(frozen=True)
class Framing:
    view: float  # the share of the world's width in the picture: lower is closer
    focus_y: float  # the height the view centres on
    blur: float  # depth of field, as a fraction of the art height
    cast: int  # at most this many figures


FRAMINGS: dict[ShotType, Framing] = {
    ShotType.EXTREME_WIDE: Framing(1.0, 0.52, 0.0, MAX_CAST),
    ShotType.ESTABLISHING: Framing(1.0, 0.5, 0.0, MAX_CAST),
    ShotType.MASTER: Framing(0.92, 0.5, 0.0, MAX_GROUP),
    ShotType.WIDE: Framing(0.86, 0.5, 0.0, MAX_CAST),
    ShotType.GROUP_SHOT: Framing(0.84, 0.48, 0.0, MAX_GROUP),
    ShotType.MEDIUM_WIDE: Framing(0.8, 0.48, 0.0, 3),
    ShotType.POV: Framing(0.9, 0.48, 0.0, 3),
    ShotType.THREE_SHOT: Framing(0.76, 0.46, 0.001, 3),
    ShotType.TWO_SHOT: Framing(0.74, 0.46, 0.001, 2),
    ShotType.MEDIUM: Framing(0.72, 0.46, 0.0015, MAX_CAST),
    ShotType.OVER_THE_SHOULDER: Framing(0.66, 0.44, 0.003, 2),
    ShotType.DIRTY_SINGLE: Framing(0.64, 0.44, 0.003, 2),
    ShotType.MEDIUM_CLOSE_UP: Framing(0.62, 0.43, 0.004, 1),
    ShotType.CLEAN_SINGLE: Framing(0.6, 0.43, 0.004, 1),
    ShotType.REACTION: Framing(0.58, 0.42, 0.005, 1),
    ShotType.CLOSE_UP: Framing(0.56, 0.42, 0.005, 1),
    ShotType.CUTAWAY: Framing(0.52, 0.37, 0.011, 0),
    ShotType.INSERT: Framing(0.5, 0.36, 0.012, 0),
    ShotType.EXTREME_CLOSE_UP: Framing(0.42, 0.4, 0.009, 1),
}
# One head and shoulders: (head radius, head height), fractions of the art height.
SINGLES: dict[ShotType, tuple[float, float]] = {
    ShotType.MEDIUM_CLOSE_UP: (0.11, 0.4),
    ShotType.CLEAN_SINGLE: (0.12, 0.41),
    ShotType.REACTION: (0.13, 0.42),
    ShotType.CLOSE_UP: (0.14, 0.42),
    ShotType.EXTREME_CLOSE_UP: (0.25, 0.47),
}
WAIST_UP_SPACING: dict[ShotType, tuple[float, ...]] = {
    ShotType.MEDIUM: (0.0, 0.22, 0.2, 0.16),
    ShotType.TWO_SHOT: (0.0, 0.26, 0.2, 0.16),
    ShotType.THREE_SHOT: (0.0, 0.24, 0.21, 0.16),
}


@dataclass(frozen=True)
class AngleView:
    """How an angle draws: the horizon (a fraction of the art's height; indoors the floor
    line), whether we look straight down, how large figures look, and the frame's tilt."""

    horizon: float
    overhead: bool = False
    figure_scale: float = 1.0
    tilt_degrees: float = 0.0


ANGLES: dict[CameraAngle, AngleView] = {
    CameraAngle.EYE_LEVEL: AngleView(0.6),
    CameraAngle.HIGH: AngleView(0.3, figure_scale=0.85),
    CameraAngle.LOW: AngleView(0.82, figure_scale=1.12),
    CameraAngle.WORMS_EYE: AngleView(0.96, figure_scale=1.25),
    CameraAngle.AERIAL: AngleView(0.1, figure_scale=0.45),
    CameraAngle.OVERHEAD: AngleView(-0.5, overhead=True),
    CameraAngle.DUTCH: AngleView(0.6, tilt_degrees=8.0),
}


@dataclass
class ShotArt:
    """The shot's layers, far to near: (RGBA image of the art size, depth, role)."""

    layers: list[tuple[Image.Image, float, str]] = field(default_factory=list)

    def flattened(self) -> Image.Image:
        picture = self.layers[0][0].convert("RGBA")
        for image, _, _ in self.layers[1:]:
            picture.alpha_composite(image)
        return picture.convert("RGB")


def _off_screen(extension: str) -> bool:
    return extension.replace(" ", "").upper() in {e.replace(" ", "") for e in _OFF_SCREEN}


def cast_for(request: FrameRequest, limit: int = MAX_CAST) -> list[str]:
    """Who is on screen: the plan's `present` when it names them, else the shot's on-screen
    speakers first, then the scene's others. Off-screen voices are never drawn."""
    shot, scene = request.shot, request.scene
    heard = set(shot.heard) | set(scene.heard)
    if shot.present is not None:  # the plan decided: [] frames the setting alone
        return [name for name in dict.fromkeys(shot.present) if name not in heard][:limit]
    names: dict[str, None] = {}
    for line in shot.dialogue:
        if not _off_screen(line.extension):
            names.setdefault(line.character, None)
    aside = {line.character for line in shot.dialogue if _off_screen(line.extension)}
    for name in scene.present or scene.characters:
        if name not in aside:
            names.setdefault(name, None)
    return [name for name in names if name not in heard][:limit]


def world_seed(request: FrameRequest) -> int:
    """Every shot of a scene shares its world: the seed comes from the scene, not the shot,
    unless a regenerated take asks for another seed."""
    scene = request.scene
    parts = [scene.heading, scene.int_ext, scene.location, scene.time_of_day]
    if request.seed is not None:
        parts.append(f"take-seed:{request.seed}")
    return seed_of("world", *parts)


def _world(
    request: FrameRequest, palette: Palette, framing: Framing, angle: AngleView,
    painter: WorldPainter,
) -> WorldLayers:  # fmt: skip
    """The scene's world as this shot sees it: a closer view paints the world larger and
    keeps the middle. Sharp views are painted at twice the size and shrunk, for smooth
    edges; blurred ones at half size, blurred there and enlarged: nobody sees the detail."""
    art_w, art_h = request.profile.art_size
    sharp = framing.blur == 0
    detail = float(SUPERSAMPLE) if sharp else 0.5
    view_w, view_h = round(art_w * detail), round(art_h * detail)
    size = (round(view_w / framing.view), round(view_h / framing.view))
    left = (size[0] - view_w) // 2
    top = round(min(max(0.0, framing.focus_y * size[1] - view_h / 2), size[1] - view_h))
    # Ask for the horizon where this window will show it at the angle's height.
    horizon = (top + angle.horizon * view_h) / size[1]
    view = WorldView(horizon=horizon, overhead=angle.overhead)
    seed = world_seed(request)
    layers = painter(request.scene, palette, seed, size, view, list(request.shot.atmosphere))
    paint_props(layers, list(request.shot.props), request.scene, palette, view, seed)

    def framed(image: Image.Image) -> Image.Image:
        if image.mode == "RGBA" and image.getchannel("A").getbbox() is None:
            return Image.new("RGBA", (art_w, art_h), (0, 0, 0, 0))  # nothing painted there
        cut = image.crop((left, top, left + view_w, top + view_h))
        if sharp:
            return downsample(cut, SUPERSAMPLE)
        cut = cut.filter(ImageFilter.GaussianBlur(framing.blur * art_h * detail))
        return cut.resize((art_w, art_h), Image.Resampling.BILINEAR)

    return WorldLayers(
        framed(layers.far.convert("RGB")), framed(layers.setting), framed(layers.foreground)
    )


def _matte(on_black: Image.Image, on_white: Image.Image) -> Image.Image:
    """What was painted, as RGBA: the same strokes on black and on white tell each pixel's
    coverage (their difference) and colour (the black one, un-premultiplied)."""
    layer = Image.new("RGBA", on_black.size, (0, 0, 0, 0))
    box = Image.eval(on_white, lambda v: 255 - v).getbbox()
    lit = on_black.getbbox()
    boxes = [b for b in (box, lit) if b is not None]
    if not boxes:
        return layer
    box = (min(b[0] for b in boxes), min(b[1] for b in boxes),
           max(b[2] for b in boxes), max(b[3] for b in boxes))  # fmt: skip
    black = np.asarray(on_black.crop(box), dtype=np.float32)
    white = np.asarray(on_white.crop(box), dtype=np.float32)
    alpha = np.clip(1.0 - (white - black).mean(axis=2) / 255.0, 0.0, 1.0)
    colour = np.clip(black / np.maximum(alpha, 1 / 255)[..., None], 0, 255)
    rgba = np.dstack([colour, alpha * 255]).round().astype(np.uint8)
    layer.paste(Image.fromarray(rgba, "RGBA"), box[:2])
    return layer


def _painted(size: tuple[int, int], paint: Callable[[Image.Image], None]) -> Image.Image:
    black, white = Image.new("RGB", size, (0, 0, 0)), Image.new("RGB", size, (255, 255, 255))
    paint(black)
    paint(white)
    return _matte(black, white)


def _cast_looks(request: FrameRequest, framing: Framing) -> list[tuple[str, CharacterLook]]:
    shot_type = request.shot.shot_type
    names = cast_for(request, max(framing.cast, 0))
    if shot_type is ShotType.POV:  # through someone's eyes: we see who speaks to them
        spoken = [line.character for line in request.shot.dialogue]
        names = [name for name in dict.fromkeys(spoken) if name in names][:3]
    if shot_type is ShotType.REACTION:  # the one listening, not the one speaking
        speaking = {line.character for line in request.shot.dialogue}
        names = sorted(cast_for(request, MAX_GROUP), key=lambda name: name in speaking)[:1]
    return [(name, character_look(name)) for name in names]


def _stage(stage: Stage, shot_type: ShotType, angle: AngleView) -> None:
    if angle.overhead:
        staging.from_above(stage)
    elif shot_type in STANDING:
        staging.standing(stage, shot_type)
    elif shot_type in WAIST_UP_SPACING:
        staging.waist_up(stage, WAIST_UP_SPACING[shot_type])
    elif shot_type in (ShotType.OVER_THE_SHOULDER, ShotType.DIRTY_SINGLE):
        staging.facing(stage)
    else:
        r_share, head_share = SINGLES.get(shot_type, SINGLES[ShotType.CLOSE_UP])
        staging.single(stage, r_share, head_share)


NEAR_SIZES = (ShotType.OVER_THE_SHOULDER, ShotType.DIRTY_SINGLE, ShotType.POV)


def _near(stage: Stage, shot_type: ShotType, angle: AngleView) -> None:
    """What stands before the figures: a listener's shoulder, a point of view's iris."""
    if shot_type in (ShotType.OVER_THE_SHOULDER, ShotType.DIRTY_SINGLE) and len(stage.cast) > 1:
        name, look = stage.cast[1]
        dirty = shot_type is ShotType.DIRTY_SINGLE
        staging.near_shoulder(stage, look, name, 0.1 if dirty else 0.28, 0.15 if dirty else 0.17)
    if shot_type is ShotType.POV:
        staging.iris(stage.art)


def _tilted(image: Image.Image, degrees: float) -> Image.Image:
    """The frame canted by degrees, enlarged just enough that no corner shows past the art."""
    if not degrees:
        return image
    width, height = image.size
    theta = np.radians(abs(degrees))
    cover = float(np.cos(theta) + max(width / height, height / width) * np.sin(theta))
    turned = image.rotate(degrees, Image.Resampling.BICUBIC)
    w, h = round(width / cover), round(height / cover)
    box = ((width - w) // 2, (height - h) // 2, (width - w) // 2 + w, (height - h) // 2 + h)
    return turned.crop(box).resize(image.size, Image.Resampling.BICUBIC)


def render_layers(request: FrameRequest, painter: WorldPainter = paint_world) -> ShotArt:
    shot_type = request.shot.shot_type
    framing = FRAMINGS[shot_type]
    angle = ANGLES[request.shot.angle]
    palette = palette_for(request.scene.time_of_day)
    world = _world(request, palette, framing, angle, painter)
    far = world.far
    if shot_type is ShotType.INSERT:
        interior = is_interior(request.scene.int_ext)
        paint_insert(far, palette, interior, request.shot.action, world_seed(request))
    size = far.size
    cast = _cast_looks(request, framing)
    lighting = Lighting(palette.rim, palette.figure_light, from_right=True)

    def stage(art: Image.Image) -> Stage:
        tag = round(size[1] * 0.022)
        return Stage(art, cast, lighting, tag, angle.horizon, angle.figure_scale)

    people = _painted(size, lambda art: _stage(stage(art), shot_type, angle)) if cast else None
    foreground = world.foreground.copy()
    if shot_type in NEAR_SIZES and not angle.overhead:
        foreground.alpha_composite(_painted(size, lambda art: _near(stage(art), shot_type, angle)))
    candidates = [
        (far.convert("RGBA"), "far"),
        (world.setting, "setting"),
        *([(people, "figures")] if people is not None else []),
        (foreground, "foreground"),
    ]
    art = ShotArt()
    for image, role in candidates:
        if role != "far" and image.getchannel("A").getbbox() is None:
            continue  # nothing painted on this plane
        art.layers.append((_tilted(image, angle.tilt_degrees), DEPTHS[role], role))
    return art


def render_background(request: FrameRequest) -> Image.Image:
    """The flattened picture (what the first releases drew as one image)."""
    return render_layers(request).flattened()
