"""Stylized character figures: head, hair, a simple face and a torso, inked, rim-lit.

A figure is a list of simple shapes. It is drawn on its own tile: a dark ink outline
(the shapes grown by a few pixels), the fills, then a rim where the light catches the
edge of the whole silhouette. r is the head's radius; everything else follows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw

from providers.animatic.palette import CharacterLook, Colour, digest, mix, scale

Point = tuple[float, float]

_SKIN = ((242, 206, 180), (228, 178, 144), (202, 140, 104), (158, 106, 78), (114, 76, 56))
_FACE_MIN_RADIUS = 30.0  # faces smaller than this (in drawn pixels) get no features


@dataclass(frozen=True)
class Shape:
    part: str  # a key of the colour table: body, arm, legs, skin, ear, hair, feature
    points: tuple[Point, ...]  # two corners for ellipse and box, the outline for polygon
    kind: str = "box"  # "box" (rounded by radius), "ellipse" or "polygon"
    radius: float = 0.0
    outlined: bool = True  # part of the silhouette that gets inked


@dataclass(frozen=True)
class Lighting:
    rim: Colour
    light: float  # multiplies the figure's colours: night figures are darker
    from_right: bool  # which side the rim light comes from


def skin_tone(name: str) -> Colour:
    return _SKIN[digest("skin", name.strip().upper())[0] % len(_SKIN)]


def _box(
    part: str, left: float, top: float, right: float, bottom: float, radius: float = 0.0
) -> Shape:
    return Shape(part, ((left, top), (right, bottom)), "box", radius)


def _oval(part: str, x: float, y: float, rx: float, ry: float, outlined: bool = True) -> Shape:
    return Shape(part, ((x - rx, y - ry), (x + rx, y + ry)), "ellipse", 0.0, outlined)


def _back_hair(look: CharacterLook, x: float, y: float, r: float) -> list[Shape]:
    """What goes behind the body: long hair, and the neck, whose foot the collar hides."""
    neck = _box("skin", x - 0.4 * r, y + 0.5 * r, x + 0.4 * r, y + 1.6 * r, 0.2 * r)
    if look.hair_style != 1:
        return [neck]
    return [_box("hair", x - 1.14 * r, y - 1.06 * r, x + 1.14 * r, y + 1.95 * r, r), neck]


def _head(look: CharacterLook, x: float, y: float, r: float, facing: bool = True) -> list[Shape]:
    """Hair cap, ears, face; then fringe and features when the face is big enough."""
    style = look.hair_style
    shapes: list[Shape] = []
    if style == 3:  # cropped short
        shapes.append(_oval("hair", x, y - 0.02 * r, 0.96 * r, 0.98 * r))
    else:
        shapes.append(_oval("hair", x, y - 0.12 * r, 1.04 * r, 0.98 * r))
    if style == 2:
        shapes.append(_oval("hair", x, y - 1.15 * r, 0.44 * r, 0.4 * r))
    if style != 1:
        shapes += [
            _oval("ear", x - 0.92 * r, y + 0.12 * r, 0.17 * r, 0.24 * r),
            _oval("ear", x + 0.92 * r, y + 0.12 * r, 0.17 * r, 0.24 * r),
        ]
    if not facing:
        return [*shapes, _oval("hair", x, y - 0.05 * r, r, 1.02 * r)]
    shapes.append(_oval("skin", x, y + 0.1 * r, 0.9 * r, 0.92 * r))
    if style != 3:  # a fringe swept to one side
        shapes.append(_oval("hair", x - 0.16 * r, y - 0.56 * r, 0.68 * r, 0.3 * r, outlined=False))
    if r >= _FACE_MIN_RADIUS:
        for side in (-1, 1):
            eye_x = x + side * 0.34 * r
            shapes.append(_oval("feature", eye_x, y + 0.14 * r, 0.075 * r, 0.1 * r, outlined=False))
            shapes.append(
                Shape(
                    "brow",
                    ((eye_x - 0.16 * r, y - 0.12 * r), (eye_x + 0.16 * r, y - 0.05 * r)),
                    "box",
                    0.035 * r,
                    outlined=False,
                )
            )
        shapes.append(_oval("ear", x, y + 0.42 * r, 0.08 * r, 0.05 * r, outlined=False))
        shapes.append(
            _box("feature", x - 0.16 * r, y + 0.62 * r, x + 0.16 * r, y + 0.67 * r, 0.03 * r)
        )
    return shapes


def _bust(
    x: float, shoulders: float, half: float, r: float, bottom: float, arms: bool = True
) -> list[Shape]:
    """Sloping shoulders and a torso down past the bottom, a V of skin at the neck, arms."""
    neck = 0.55 * r
    side: list[Point] = [
        (x - neck, shoulders),
        (x - half * 0.74, shoulders + 0.1 * r),
        (x - half * 0.94, shoulders + 0.36 * r),
        (x - half, shoulders + 0.8 * r),
        (x - half * 0.94, bottom),
    ]
    outline = side + [(2 * x - px, py) for px, py in reversed(side)]
    arm_top = shoulders + 0.9 * r
    neckline = Shape(
        "skin",
        (
            (x - 0.42 * r, shoulders - 0.02 * r),
            (x + 0.42 * r, shoulders - 0.02 * r),
            (x, shoulders + 0.5 * r),
        ),
        "polygon",
        outlined=False,
    )
    if not arms:
        return [Shape("body", tuple(outline), "polygon"), neckline]
    return [
        Shape("body", tuple(outline), "polygon"),
        Shape(
            "arm",
            (
                (x - half * 0.98, arm_top),
                (x - half * 0.76, arm_top + 0.1 * r),
                (x - half * 0.68, bottom),
                (x - half * 0.93, bottom),
            ),
            "polygon",
            outlined=False,
        ),
        Shape(
            "arm",
            (
                (x + half * 0.98, arm_top),
                (x + half * 0.76, arm_top + 0.1 * r),
                (x + half * 0.68, bottom),
                (x + half * 0.93, bottom),
            ),
            "polygon",
            outlined=False,
        ),
        neckline,
    ]


def full_body(look: CharacterLook, x: float, ground: float, height: float) -> list[Shape]:
    """A standing figure, feet on the ground line."""
    r = height / 8.6
    y = ground - height + r
    shoulders = y + 1.35 * r
    hips = shoulders + 3.0 * r
    torso: list[Point] = [
        (x - 0.5 * r, shoulders),
        (x - 1.3 * r, shoulders + 0.2 * r),
        (x - 1.45 * r, shoulders + 0.7 * r),
        (x - 1.2 * r, hips),
    ]
    return [
        *_back_hair(look, x, y, r),
        _box("legs", x - 1.12 * r, hips - 0.4 * r, x - 0.06 * r, ground - 0.15 * r, 0.3 * r),
        _box("legs", x + 0.06 * r, hips - 0.4 * r, x + 1.12 * r, ground - 0.15 * r, 0.3 * r),
        _box("feature", x - 1.2 * r, ground - 0.45 * r, x - 0.04 * r, ground, 0.2 * r),
        _box("feature", x + 0.04 * r, ground - 0.45 * r, x + 1.2 * r, ground, 0.2 * r),
        Shape("body", (*torso, *[(2 * x - px, py) for px, py in reversed(torso)]), "polygon"),
        _box("arm", x - 1.9 * r, shoulders + 0.25 * r, x - 1.2 * r, hips + 0.5 * r, 0.35 * r),
        _box("arm", x + 1.2 * r, shoulders + 0.25 * r, x + 1.9 * r, hips + 0.5 * r, 0.35 * r),
        *_head(look, x, y, r),
    ]


def waist_up(look: CharacterLook, x: float, head_y: float, r: float, bottom: float) -> list[Shape]:
    """Head and torso down past the bottom of the picture: a medium shot."""
    shoulders = head_y + 1.3 * r
    return [
        *_back_hair(look, x, head_y, r),
        *_bust(x, shoulders, 1.75 * r, r, bottom + r),
        *_head(look, x, head_y, r),
    ]


def head_and_shoulders(
    look: CharacterLook, x: float, head_y: float, r: float, bottom: float
) -> list[Shape]:
    """A close-up: big head, shoulders running off the bottom of the picture."""
    shoulders = head_y + 1.25 * r
    return [
        *_back_hair(look, x, head_y, r),
        *_bust(x, shoulders, 2.3 * r, r, bottom + 2 * r, arms=False),
        *_head(look, x, head_y, r),
    ]


def back_of_head(
    look: CharacterLook, x: float, head_y: float, r: float, bottom: float
) -> list[Shape]:
    """Someone seen from behind, for the near shoulder of an over-the-shoulder shot."""
    shoulders = head_y + 1.2 * r
    return [
        *_bust(x, shoulders, 2.4 * r, r, bottom + 2 * r)[:1],
        *_back_hair(look, x, head_y, r),
        *_head(look, x, head_y, r, facing=False),
    ]


def _bounds(
    shapes: list[Shape], margin: float, canvas: tuple[int, int]
) -> tuple[int, int, int, int]:
    """The box around the shapes, no further than margin outside the canvas."""
    xs = [p[0] for s in shapes for p in s.points]
    ys = [p[1] for s in shapes for p in s.points]
    return (
        int(max(min(xs), 0) - margin),
        int(max(min(ys), 0) - margin),
        int(min(max(xs), canvas[0]) + margin) + 1,
        int(min(max(ys), canvas[1]) + margin) + 1,
    )


def _draw_shape(
    pen: ImageDraw.ImageDraw, shape: Shape, origin: Point, grow: float, fill: int | tuple[int, ...]
) -> None:
    points = [(px - origin[0], py - origin[1]) for px, py in shape.points]
    if shape.kind == "polygon":
        pen.polygon(points, fill=fill)
        if grow > 0:  # polygon outlines are drawn inside: grow with a centred line instead
            pen.line([*points, points[0]], fill=fill, width=round(grow * 2), joint="curve")
        return
    (left, top), (right, bottom) = points
    box = (left - grow, top - grow, right + grow, bottom + grow)
    if shape.kind == "ellipse":
        pen.ellipse(box, fill=fill)
    else:
        radius = min(shape.radius + grow, (box[2] - box[0]) / 2, (box[3] - box[1]) / 2)
        pen.rounded_rectangle(box, radius=max(0.0, radius), fill=fill)


def render_figure(
    shapes: list[Shape],
    look: CharacterLook,
    skin: Colour,
    lighting: Lighting,
    ink: float,
    canvas: tuple[int, int],
) -> tuple[Image.Image, tuple[int, int]]:
    """The figure on a transparent tile, and where the tile's corner goes on a canvas
    of the given size; what falls outside the canvas is not drawn."""
    reach = max(2, round(ink * 2.2))
    left, top, right, bottom = _bounds(shapes, ink * 2 + reach + 2, canvas)
    size, origin = (right - left, bottom - top), (float(left), float(top))
    light = lighting.light
    body, face = scale(look.colour, light), scale(skin, light)
    colours: dict[str, Colour] = {
        "body": body,
        "arm": scale(body, 0.88),
        "legs": scale(mix(look.colour, (60, 64, 80), 0.55), light),
        "skin": face,
        "ear": scale(face, 0.9),
        "hair": scale(look.hair, light),
        "brow": scale(mix(look.hair, (40, 30, 30), 0.5), light),
        "feature": scale((44, 34, 36), light),
    }
    outline, filled = Image.new("L", size, 0), Image.new("L", size, 0)
    pen, fill_pen = ImageDraw.Draw(outline), ImageDraw.Draw(filled)
    for shape in shapes:
        if shape.outlined:
            _draw_shape(pen, shape, origin, ink, 255)
            _draw_shape(fill_pen, shape, origin, 0, 255)
    tile = Image.new("RGBA", size, (*scale(look.colour, 0.25 * light), 0))
    tile.putalpha(outline)
    paint = ImageDraw.Draw(tile)
    for shape in shapes:
        _draw_shape(paint, shape, origin, 0, (*colours[shape.part], 255))
    # The rim: the edge of the silhouette on the side the light comes from (and above).
    moved = ImageChops.offset(filled, -reach if lighting.from_right else reach, reach // 2)
    rim = ImageChops.subtract(filled, moved).point([round(v * 0.6) for v in range(256)])
    tile.paste((*mix(lighting.rim, (255, 255, 255), 0.2), 255), (0, 0), rim)
    return tile, (left, top)


def ground_shadow(
    image: Image.Image, x: float, ground: float, width: float, strength: float = 0.35
) -> None:
    """A soft dark ellipse under a standing figure's feet."""
    half_w, half_h = width / 2, width * 0.1
    left, top = round(x - half_w), round(ground - half_h)
    mask = Image.new("L", (round(width) + 2, round(2 * half_h) + 2), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, 2 * half_w, 2 * half_h), fill=round(255 * strength))
    image.paste((0, 0, 0), (left, top), mask)
