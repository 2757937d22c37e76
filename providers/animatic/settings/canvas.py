"""What a setting painter draws on: three layers, the horizon, and perspective helpers.

Positions are fractions of the picture. Indoors every height is given as it sits at eye
level (floor line at EYE) and moves with the view's horizon, so a high angle lifts the
whole room and shows more floor; outdoors the ground starts at the horizon.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, ImageDraw

from providers.animatic.paint import vertical_gradient
from providers.animatic.palette import Colour, Palette, mix, scale
from providers.animatic.sky import paint_sky

EYE = 0.6  # the floor line (indoors) or horizon (outdoors) at eye level
Point = tuple[float, float]
Box = tuple[float, float, float, float]


class SafeDraw(ImageDraw.ImageDraw):
    """A pen that takes boxes corner-first either way round: painters lay out boxes in
    fractions of the picture, and at tiny sizes an inset can cross its box."""

    @staticmethod
    def _box(xy: Any) -> Any:
        if isinstance(xy, (tuple, list)) and len(xy) == 4 and not isinstance(xy[0], (tuple, list)):
            x0, y0, x1, y1 = xy
            return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        return xy

    def rectangle(self, xy: Any, *args: Any, **kwargs: Any) -> None:
        super().rectangle(self._box(xy), *args, **kwargs)

    def rounded_rectangle(self, xy: Any, *args: Any, **kwargs: Any) -> None:
        box = self._box(xy)
        if isinstance(box, tuple) and len(box) == 4:
            radius = args[0] if args else kwargs.pop("radius", 0)
            limit = min(box[2] - box[0], box[3] - box[1]) / 2
            args = (max(0.0, min(float(radius), limit)), *args[1:])
        super().rounded_rectangle(box, *args, **kwargs)

    def ellipse(self, xy: Any, *args: Any, **kwargs: Any) -> None:
        super().ellipse(self._box(xy), *args, **kwargs)

    def chord(self, xy: Any, *args: Any, **kwargs: Any) -> None:
        super().chord(self._box(xy), *args, **kwargs)

    def arc(self, xy: Any, *args: Any, **kwargs: Any) -> None:
        super().arc(self._box(xy), *args, **kwargs)


def pen_for(image: Image.Image) -> ImageDraw.ImageDraw:
    return SafeDraw(image)


@dataclass
class Canvas:
    size: tuple[int, int]
    palette: Palette
    horizon: float
    overhead: bool
    rng: random.Random
    # Panes of glass the painter drew (a window, a windscreen): rain runs down them.
    glass: list[Box] = field(default_factory=list)
    # Views painted into a layer (a window's patch of sky), as they were before anything
    # was drawn over them: (left, top, the layer, the pixels). What differs from them now
    # (a mullion, a sofa) stands in front of the view.
    views: list[tuple[int, int, Image.Image, Image.Image]] = field(default_factory=list)
    far: Image.Image = field(init=False)
    setting: Image.Image = field(init=False)
    fore: Image.Image = field(init=False)

    def __post_init__(self) -> None:
        self.far = Image.new("RGB", self.size, self.palette.wall)
        self.setting = Image.new("RGBA", self.size, (0, 0, 0, 0))
        self.fore = Image.new("RGBA", self.size, (0, 0, 0, 0))
        self.back = pen_for(self.far)
        self.mid = pen_for(self.setting)
        self.front = pen_for(self.fore)

    def adopt(self, far: Image.Image, setting: Image.Image, fore: Image.Image) -> None:
        """Draw on existing layers (a world already painted) instead of fresh ones."""
        self.far, self.setting, self.fore = far, setting, fore
        self.back = pen_for(self.far)
        self.mid = pen_for(self.setting)
        self.front = pen_for(self.fore)

    @property
    def w(self) -> int:
        return self.size[0]

    @property
    def h(self) -> int:
        return self.size[1]

    @property
    def hy(self) -> float:
        """The horizon (indoors the floor line) in pixels; may lie outside the picture."""
        return self.horizon * self.h

    def x(self, fraction: float) -> float:
        return fraction * self.w

    def y(self, fraction: float) -> float:
        """A height given at eye level, moved with the horizon."""
        return self.hy + (fraction - EYE) * self.h

    def pen(self, fraction: float = 0.004) -> int:
        return max(1, round(self.h * fraction))

    def tone(self, colour: Colour, light: float = 1.0) -> Colour:
        """A material's colour under the time of day's light."""
        lit = mix(colour, self.palette.sky.horizon, 0.12)
        return scale(lit, light * self.palette.figure_light**1.6)

    def foliage(self) -> Colour:
        """Leaves and grass in the time of day's light."""
        return self.tone(mix((70, 124, 66), self.palette.mid, 0.3))

    def ground_y(self, near: float) -> float:
        """Outdoors: the ground's height at nearness 0 (horizon) .. 1 (the picture's foot at
        eye level); sizes of things standing there scale with near."""
        return self.hy + near * (1 - EYE) * self.h

    def lights_on(self) -> bool:
        return self.palette.lit_windows


@dataclass(frozen=True)
class Room:
    """A room's back wall (pixels) and vanishing point: a point on the back wall's plane
    maps to depth s (1 at the back wall, larger nearer) by at()."""

    left: float
    top: float
    right: float
    bottom: float
    vx: float
    vy: float

    def at(self, x: float, y: float, s: float) -> Point:
        return self.vx + (x - self.vx) * s, self.vy + (y - self.vy) * s

    def quad(self, x0: float, x1: float, y0: float, y1: float, s: float) -> list[Point]:
        """A rectangle facing us at depth s, given in back-wall coordinates."""
        return [self.at(x0, y0, s), self.at(x1, y0, s), self.at(x1, y1, s), self.at(x0, y1, s)]

    def on_wall(self, right: bool, s0: float, s1: float, y0: float, y1: float) -> list[Point]:
        """A panel on a side wall from depth s0 to s1, heights y0..y1 at the back wall."""
        x = self.right if right else self.left
        return [self.at(x, y0, s0), self.at(x, y0, s1), self.at(x, y1, s1), self.at(x, y1, s0)]

    def on_floor(self, x0: float, x1: float, s0: float, s1: float) -> list[Point]:
        return [
            self.at(x0, self.bottom, s0),
            self.at(x1, self.bottom, s0),
            self.at(x1, self.bottom, s1),
            self.at(x0, self.bottom, s1),
        ]


def room(
    c: Canvas,
    back: tuple[float, float, float],
    colours: tuple[Colour, Colour, Colour, Colour],
    floor: str = "boards",
    eye: float = 0.2,
) -> Room:
    """The shell of a room in one-point perspective on the far layer.

    back: the back wall's left and right (fractions of the width) and height (of the
    picture's height); colours: back wall, side walls, floor, ceiling; floor: boards,
    tiles, checks, concrete or plain; eye: the eye's height above the floor line."""
    left, right, tall = c.x(back[0]), c.x(back[1]), back[2] * c.h
    bottom = c.hy
    shell = Room(left, bottom - tall, right, bottom, c.w / 2, bottom - eye * c.h)
    wall, side, ground, ceiling = colours
    far = c.back
    reach = 40.0
    far.rectangle((0, 0, c.w, c.h), fill=side)
    far.polygon(
        [
            shell.at(left, shell.top, reach),
            shell.at(right, shell.top, reach),
            (right, shell.top),
            (left, shell.top),
        ],
        fill=ceiling,
    )
    far.polygon(
        [
            (left, bottom),
            (right, bottom),
            shell.at(right, bottom, reach),
            shell.at(left, bottom, reach),
        ],
        fill=ground,
    )
    _floor_pattern(c, shell, ground, floor)
    face = vertical_gradient(
        (max(1, round(right - left)), max(1, round(tall))), [(0, scale(wall, 0.9)), (1, wall)]
    )
    c.far.paste(face, (round(left), round(shell.top)))
    edge = scale(side, 0.72)
    for x in (left, right):
        far.line([shell.at(x, bottom, reach), (x, bottom)], fill=edge, width=c.pen())
        far.line([shell.at(x, shell.top, reach), (x, shell.top)], fill=edge, width=c.pen())
        far.line([(x, shell.top), (x, bottom)], fill=edge, width=c.pen())
    far.line([(left, bottom), (right, bottom)], fill=scale(wall, 0.6), width=c.pen(0.006))
    return shell


def _floor_pattern(c: Canvas, shell: Room, ground: Colour, kind: str) -> None:
    far = c.back
    seam = scale(ground, 0.78)
    span = shell.right - shell.left
    if kind in ("boards", "tiles", "checks"):
        count = 14 if kind == "boards" else 8
        for index in range(-40, 41):
            x = shell.left + span * (0.5 + index / count)
            far.line([(x, shell.bottom), shell.at(x, shell.bottom, 40)], fill=seam, width=c.pen())
    if kind in ("tiles", "checks"):
        s, rows = 1.0, 0
        while rows < 40 and shell.at(0, shell.bottom, s)[1] < c.h:
            s2 = s * 1.18
            if kind == "checks":
                for index in range(-40, 40, 2):
                    x0 = shell.left + span * (0.5 + (index + rows % 2) / count)
                    far.polygon(shell.on_floor(x0, x0 + span / count, s, s2), fill=seam)
            else:
                y = shell.at(0, shell.bottom, s2)[1]
                far.line([(0, y), (c.w, y)], fill=seam, width=c.pen())
            s, rows = s2, rows + 1
    if kind == "concrete":
        for _ in range(12):
            x = c.rng.uniform(0, c.w)
            y = c.rng.uniform(shell.bottom, c.h * 1.1)
            r = c.h * c.rng.uniform(0.02, 0.06)
            far.ellipse((x - r * 2, y - r * 0.5, x + r * 2, y + r * 0.5), fill=scale(ground, 0.94))


def sky_and_ground(c: Canvas, ground: tuple[Colour, Colour] | None) -> None:
    """The far layer outdoors: the time of day's sky to the horizon, then ground (None
    leaves it sky, for a painter that lays its own water or snow)."""
    horizon = min(max(c.horizon, 0.02), 1.6)
    c.far.paste(paint_sky(c.size, c.palette.sky, horizon, c.rng), (0, 0))
    if ground is not None and c.hy < c.h:
        top = max(0, round(c.hy))
        strip = vertical_gradient((c.w, c.h - top), [(0, ground[0]), (1, ground[1])])
        c.far.paste(strip, (0, top))


def ridge(c: Canvas, base: float, amplitude: float, waves: float, jag: float = 0.15) -> list[Point]:
    """A skyline of hills or peaks along base (pixels), seeded by the scene."""
    phases = [c.rng.uniform(0, math.tau) for _ in range(3)]
    points: list[Point] = []
    for step in range(97):
        t = step / 96 * waves * math.tau
        wave = (
            math.sin(t + phases[0]) * 0.55
            + math.sin(t * 2.3 + phases[1]) * 0.3
            + math.sin(t * 5.1 + phases[2]) * jag
        )
        points.append((c.w * step / 96, base - amplitude * (0.6 + 0.4 * wave)))
    return points


def fill_below(draw: ImageDraw.ImageDraw, c: Canvas, points: list[Point], fill: Colour) -> None:
    draw.polygon([*points, (c.w, c.h * 3), (0, c.h * 3)], fill=fill)


def window_glass(c: Canvas, box: Box, sea: bool = False) -> Image.Image:
    """What a window shows: a patch of sky over land or sea, for pasting into a frame."""
    x0, y0, x1, y1 = box
    size = (max(1, round(x1 - x0)), max(1, round(y1 - y0)))
    stars = max(3, round(170 * size[0] * size[1] / (c.w * c.h)))
    view = paint_sky(size, c.palette.sky, 0.7, c.rng, stars)
    pen = pen_for(view)
    vw, vh = size
    if sea:
        pen.rectangle((0, vh * 0.7, vw, vh), fill=mix(c.palette.sky.top, c.palette.mid, 0.5))
    else:
        pen.polygon(
            [
                (0, vh * 0.72),
                (vw * 0.35, vh * 0.62),
                (vw * 0.7, vh * 0.7),
                (vw, vh * 0.64),
                (vw, vh),
                (0, vh),
            ],
            fill=mix(c.palette.far, c.palette.sky.horizon, 0.3),
        )
    return view
