"""Rooms people live and work in: an apartment, a kitchen, an office, a classroom, an attic
and a basement, each with its own furniture and shape."""

from __future__ import annotations

from PIL import Image, ImageDraw

from providers.animatic.paint import glow
from providers.animatic.palette import Colour, mix, scale
from providers.animatic.settings.canvas import Canvas, Room, pen_for, room, window_glass
from providers.animatic.settings.fittings import door, hanging_lamp, shelves, table, window
from providers.animatic.sky import paint_sky


def paint_room(c: Canvas) -> None:
    """An apartment's living room: a sofa under a window, a bookcase, a door, a rug."""
    p = c.palette
    shell = room_shell(c, (0.16, 0.84, 0.5), "boards")
    wood = c.tone((120, 84, 58))
    top, floor = shell.top, shell.bottom
    window(c, c.setting, (c.x(0.46), top + c.h * 0.08, c.x(0.74), top + c.h * 0.3), p.trim)
    shelves(c, c.mid, (c.x(0.19), top + c.h * 0.06, c.x(0.33), floor), wood, 5, "books")
    door(c.mid, shell.on_wall(True, 1.15, 1.45, floor - c.h * 0.4, floor), scale(wood, 1.2), False)
    c.mid.polygon(shell.on_floor(c.x(0.3), c.x(0.8), 1.2, 1.7), fill=c.tone((150, 70, 62)))
    sofa = c.tone((84, 110, 140))
    x0, x1 = c.x(0.42), c.x(0.8)
    c.mid.rounded_rectangle(
        (x0, floor - c.h * 0.2, x1, floor + c.h * 0.03), c.h * 0.02, fill=scale(sofa, 0.85)
    )
    c.mid.rounded_rectangle(
        (x0 - c.h * 0.02, floor - c.h * 0.1, x1 + c.h * 0.02, floor + c.h * 0.05),
        c.h * 0.02,
        fill=sofa,
    )
    hanging_lamp(c, c.setting, c.x(0.3), top + c.h * 0.02, p.lamp)


def paint_kitchen(c: Canvas) -> None:
    """Wall cupboards over a worktop with a sink and a stove, a fridge, a chequered floor."""
    shell = room_shell(c, (0.14, 0.86, 0.48), "checks", tiles=(236, 236, 228))
    top, floor = shell.top, shell.bottom
    unit = c.tone((196, 206, 214))
    tile = c.tone((224, 232, 236))
    counter_y = floor - c.h * 0.2
    c.mid.rectangle((c.x(0.14), counter_y - c.h * 0.14, c.x(0.86), counter_y), fill=tile)
    for row in range(1, 6):
        y = counter_y - c.h * 0.028 * row
        c.mid.line([(c.x(0.14), y), (c.x(0.86), y)], fill=scale(tile, 0.85), width=c.pen(0.002))
    for index in range(5):
        x = c.x(0.14 + index * 0.12)
        c.mid.rectangle(
            (x + 2, top + c.h * 0.02, x + c.x(0.12) - 2, top + c.h * 0.16),
            fill=unit,
            outline=scale(unit, 0.7),
            width=c.pen(0.002),
        )
        c.mid.rectangle(
            (x + 2, counter_y, x + c.x(0.12) - 2, floor), fill=unit, outline=scale(unit, 0.7)
        )
    c.mid.rectangle(
        (c.x(0.13), counter_y - c.h * 0.015, c.x(0.86), counter_y), fill=c.tone((90, 80, 74))
    )
    c.mid.rectangle(
        (c.x(0.26), counter_y - c.h * 0.012, c.x(0.36), counter_y), fill=c.tone((150, 160, 170))
    )
    c.mid.line(
        [(c.x(0.31), counter_y - c.h * 0.012), (c.x(0.31), counter_y - c.h * 0.06)],
        fill=(170, 170, 176),
        width=c.pen(0.006),
    )
    for dx in (0.0, 0.06):
        x = c.x(0.52 + dx)
        c.mid.ellipse(
            (x, counter_y - c.h * 0.02, x + c.x(0.045), counter_y - c.h * 0.004), fill=(40, 40, 44)
        )
    c.mid.rectangle(
        (c.x(0.5), counter_y + c.h * 0.03, c.x(0.63), floor - c.h * 0.02), fill=(60, 60, 66)
    )
    fridge = c.tone((232, 234, 238))
    c.mid.rounded_rectangle(
        (c.x(0.74), top + c.h * 0.02, c.x(0.86), floor), c.h * 0.01, fill=fridge
    )
    c.mid.line(
        [(c.x(0.74), floor - c.h * 0.3), (c.x(0.86), floor - c.h * 0.3)], fill=scale(fridge, 0.7)
    )
    window(c, c.setting, (c.x(0.27), top + c.h * 0.03, c.x(0.37), top + c.h * 0.15), c.palette.trim)


def paint_office(c: Canvas) -> None:
    """An open office: a glazed back wall onto the city with blinds, a desk with a monitor,
    a filing cabinet, ceiling tiles and strip lights."""
    p = c.palette
    shell = room_shell(c, (0.12, 0.88, 0.5), "plain", floor=(110, 116, 126))
    top, floor = shell.top, shell.bottom
    glass = (c.x(0.12), top, c.x(0.88), floor - c.h * 0.08)
    c.setting.paste(
        city_view(c, (round(glass[2] - glass[0]), round(glass[3] - glass[1]))),
        (round(glass[0]), round(glass[1])),
    )
    for index in range(9):
        x = glass[0] + (glass[2] - glass[0]) * index / 8
        c.mid.line([(x, top), (x, glass[3])], fill=(70, 74, 82), width=c.pen(0.006))
    for index in range(12):
        y = top + (glass[3] - top) * index / 30
        c.mid.line([(glass[0], y), (glass[2], y)], fill=(220, 222, 226), width=c.pen(0.002))
    for s in (1.2, 1.5, 2.0, 2.8):
        a = shell.at(c.x(0.3), top, s)
        b = shell.at(c.x(0.7), top, s)
        c.back.rectangle((a[0], a[1] - c.h * 0.004 * s, b[0], a[1]), fill=(244, 244, 236))
    c.mid.rectangle((c.x(0.14), floor - c.h * 0.24, c.x(0.22), floor), fill=c.tone((150, 154, 160)))
    for row in range(3):
        y = floor - c.h * 0.24 + c.h * 0.08 * row
        c.mid.rectangle((c.x(0.165), y + c.h * 0.03, c.x(0.195), y + c.h * 0.04), fill=(90, 90, 96))
    desk = c.tone((160, 130, 96))
    table(c, c.mid, (c.x(0.38), floor - c.h * 0.05, c.x(0.78), floor + c.h * 0.02), desk)
    c.mid.rectangle((c.x(0.5), floor - c.h * 0.2, c.x(0.64), floor - c.h * 0.09), fill=(30, 32, 38))
    c.mid.rectangle(
        (c.x(0.507), floor - c.h * 0.19, c.x(0.633), floor - c.h * 0.1),
        fill=(120, 170, 210) if p.lit_windows else (70, 110, 150),
    )
    c.mid.rectangle(
        (c.x(0.565), floor - c.h * 0.09, c.x(0.575), floor - c.h * 0.05), fill=(30, 32, 38)
    )


def city_view(c: Canvas, size: tuple[int, int]) -> Image.Image:
    """Towers against the sky, lit windows after dark: what an office window shows."""
    view = paint_sky(
        size, c.palette.sky, 0.8, c.rng, max(3, round(170 * size[0] * size[1] / (c.w * c.h)))
    )
    pen = pen_for(view)
    x = 0.0
    tower = mix(c.palette.mid, (120, 126, 140), 0.5)
    while x < size[0]:
        wide = size[0] * c.rng.uniform(0.05, 0.12)
        tall = size[1] * c.rng.uniform(0.25, 0.7)
        pen.rectangle(
            (x, size[1] - tall, x + wide - 2, size[1]), fill=scale(tower, c.rng.uniform(0.8, 1.1))
        )
        if c.lights_on():
            for _ in range(6):
                wx = c.rng.uniform(x + 2, x + wide - 4)
                wy = c.rng.uniform(size[1] - tall + 2, size[1] - 2)
                pen.rectangle((wx, wy, wx + 2, wy + 2), fill=(255, 214, 130))
        x += wide
    return view


def paint_classroom(c: Canvas) -> None:
    """A blackboard across the back wall, rows of desks in perspective, a clock."""
    shell = room_shell(c, (0.14, 0.86, 0.5), "tiles", floor=(170, 160, 140))
    top, floor = shell.top, shell.bottom
    board = (c.x(0.24), top + c.h * 0.1, c.x(0.76), top + c.h * 0.32)
    c.mid.rectangle(
        board, fill=c.tone((48, 82, 64)), outline=c.tone((140, 104, 70)), width=c.pen(0.01)
    )
    for index in range(3):
        y = board[1] + c.h * (0.05 + index * 0.05)
        c.mid.line(
            [(c.x(0.3), y), (c.x(0.3 + 0.1 * (3 - index)), y)],
            fill=(220, 226, 214),
            width=c.pen(0.003),
        )
    cx, cy, r = c.x(0.82), top + c.h * 0.08, c.h * 0.035
    c.mid.ellipse(
        (cx - r, cy - r, cx + r, cy + r),
        fill=(240, 240, 236),
        outline=(40, 40, 40),
        width=c.pen(0.003),
    )
    c.mid.line([(cx, cy), (cx, cy - r * 0.8)], fill=(30, 30, 30), width=c.pen(0.003))
    c.mid.line([(cx, cy), (cx + r * 0.5, cy)], fill=(30, 30, 30), width=c.pen(0.003))
    wood = c.tone((178, 138, 92))
    for s in (1.9, 1.55, 1.25):
        for x0 in (0.22, 0.4, 0.58):
            a = shell.at(c.x(x0), floor - c.h * 0.07, s)
            b = shell.at(c.x(x0 + 0.14), floor - c.h * 0.06, s)
            table(c, c.mid, (a[0], a[1], b[0], b[1]), wood)
    window(c, c.setting, (c.x(0.02), top + c.h * 0.05, c.x(0.1), floor - c.h * 0.2), c.palette.trim)


def paint_attic(c: Canvas) -> None:
    """Under the roof: a gable end with a round window, the roof's two slopes coming
    down to the floorboards, rafters in pairs, boxes stored under the eaves."""
    p = c.palette
    wood = c.tone((150, 112, 78))
    floor = c.hy
    gable = Room(c.x(0.22), floor - c.h * 0.56, c.x(0.78), floor, c.w / 2, floor - c.h * 0.2)
    apex = (c.w / 2, gable.top)
    left, right = (gable.left, floor), (gable.right, floor)
    far = 40.0
    c.back.rectangle((0, 0, c.w, c.h), fill=scale(wood, 0.7))
    for side, eave in ((-1, left), (1, right)):  # the two roof slopes, planked
        plane = [apex, eave, gable.at(*eave, far), gable.at(*apex, far)]
        c.back.polygon(plane, fill=scale(wood, 0.78 if side < 0 else 0.7))
        for k in range(1, 10):
            t = k / 10
            point = (apex[0] + (eave[0] - apex[0]) * t, apex[1] + (eave[1] - apex[1]) * t)
            c.back.line([point, gable.at(*point, far)], fill=scale(wood, 0.6), width=c.pen(0.002))
    c.back.polygon(
        [left, right, gable.at(*right, far), gable.at(*left, far)], fill=c.tone((128, 96, 66))
    )
    for index in range(-6, 7):
        x = c.w / 2 + (gable.right - gable.left) * index / 8
        c.back.line(
            [(x, floor), gable.at(x, floor, far)], fill=scale(wood, 0.62), width=c.pen(0.002)
        )
    c.back.polygon([left, apex, right], fill=c.tone(p.wall))
    r = c.h * 0.06
    cx, cy = c.w / 2, floor - c.h * 0.3
    c.setting.paste(window_glass_round(c, r), (round(cx - r), round(cy - r)), round_mask(r))
    c.glass.append((cx - r, cy - r, cx + r, cy + r))
    c.mid.ellipse((cx - r, cy - r, cx + r, cy + r), outline=scale(wood, 0.5), width=c.pen(0.008))
    c.mid.line([(cx - r, cy), (cx + r, cy)], fill=scale(wood, 0.5), width=c.pen(0.005))
    c.mid.line([(cx, cy - r), (cx, cy + r)], fill=scale(wood, 0.5), width=c.pen(0.005))
    for s in (1.0, 1.35, 1.8, 2.5):  # rafters in pairs, nearer ones thicker
        rafter = max(1, round(c.h * 0.014 * s))
        c.mid.line(
            [gable.at(*left, s), gable.at(*apex, s), gable.at(*right, s)],
            fill=scale(wood, 0.55),
            width=rafter,
        )
    box = c.tone((184, 150, 104))
    for x0, x1, tall, s in (
        (0.26, 0.34, 0.1, 1.2),
        (0.3, 0.36, 0.16, 1.05),
        (0.64, 0.74, 0.08, 1.25),
    ):
        a, b = gable.at(c.x(x0), floor - c.h * tall, s), gable.at(c.x(x1), floor, s)
        c.mid.rectangle((a[0], a[1], b[0], b[1]), fill=box, outline=scale(box, 0.7))
        c.mid.line(
            [(a[0], (a[1] + b[1]) / 2), (b[0], (a[1] + b[1]) / 2)],
            fill=scale(box, 0.8),
            width=c.pen(0.003),
        )


def window_glass_round(c: Canvas, r: float) -> Image.Image:
    return window_glass(c, (0, 0, r * 2, r * 2))


def round_mask(r: float) -> Image.Image:
    mask = Image.new("L", (max(1, round(r * 2)), max(1, round(r * 2))), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, r * 2, r * 2), fill=255)
    return mask


def paint_basement(c: Canvas) -> None:
    """Cinder-block walls, pipes under a low ceiling, a high small window, a bare bulb."""
    block = c.tone((150, 150, 142), 0.85)
    shell = room_shell(c, (0.1, 0.9, 0.44), "concrete", wall=block, floor=(110, 108, 104))
    top, floor = shell.top, shell.bottom
    rows = 10
    for row in range(rows + 1):
        y = top + (floor - top) * row / rows
        c.back.line([(shell.left, y), (shell.right, y)], fill=scale(block, 0.8), width=c.pen(0.002))
        for index in range(10):
            x = shell.left + (shell.right - shell.left) * (index + (row % 2) * 0.5) / 10
            c.back.line([(x, y), (x, y + (floor - top) / rows)], fill=scale(block, 0.8))
    for offset, colour in ((0.03, (120, 90, 60)), (0.06, (96, 100, 110))):
        a = shell.at(c.x(0.1), top + c.h * offset, 1)
        b = shell.at(c.x(0.9), top + c.h * offset, 1)
        c.mid.line([a, b], fill=c.tone(colour), width=c.pen(0.014))
        c.mid.line(
            [a, shell.at(c.x(0.1), top + c.h * offset, 3)], fill=c.tone(colour), width=c.pen(0.02)
        )
    window(c, c.setting, (c.x(0.58), top + c.h * 0.04, c.x(0.74), top + c.h * 0.11), (60, 60, 60))
    boiler = c.tone((120, 124, 120))
    c.mid.rounded_rectangle(
        (c.x(0.16), floor - c.h * 0.3, c.x(0.3), floor), c.h * 0.03, fill=boiler
    )
    c.mid.rectangle(
        (c.x(0.2), floor - c.h * 0.12, c.x(0.26), floor - c.h * 0.08), fill=(230, 110, 40)
    )
    x, y = c.x(0.5), top + c.h * 0.16
    glow(c.far, (x, y), c.h * 0.5, (255, 220, 160), 0.45)
    c.mid.line([(x, top - c.h * 0.2), (x, y)], fill=(30, 30, 30), width=c.pen(0.002))
    c.mid.ellipse((x - c.h * 0.012, y, x + c.h * 0.012, y + c.h * 0.03), fill=(255, 240, 190))


def room_shell(
    c: Canvas,
    back: tuple[float, float, float],
    floor_kind: str,
    wall: Colour | None = None,
    floor: Colour | None = None,
    tiles: Colour | None = None,
    eye: float = 0.2,
) -> Room:
    """The room's shell in the time of day's colours, or the given wall and floor."""
    p = c.palette
    wall_colour = wall or p.wall
    side = scale(wall_colour, 0.88)
    ground = c.tone(floor) if floor else (c.tone(tiles) if tiles else p.floor)
    return room(c, back, (wall_colour, side, ground, p.ceiling), floor_kind, eye)
