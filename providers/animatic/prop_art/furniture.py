"""Big things in a room or standing outside: a door, a window, a table, a chair, a TV, a
standing lamp, a wall clock, and a framed view for things that live outdoors (a boat seen
from a room hangs in its window)."""

from __future__ import annotations

from PIL import ImageDraw

from providers.animatic.paint import glow
from providers.animatic.palette import scale
from providers.animatic.settings.canvas import Canvas, window_glass
from providers.animatic.settings.fittings import door as door_shape
from providers.animatic.settings.fittings import table as table_shape
from providers.animatic.settings.fittings import window as window_shape


def door(c: Canvas, interior: bool) -> None:
    base = c.y(0.6) if interior else c.ground_y(0.2)
    x0, tall = c.x(0.62), c.h * 0.36
    if not interior:  # a house front to hang it in
        c.mid.rectangle(
            (x0 - c.h * 0.2, base - tall * 1.5, x0 + c.h * 0.35, base), fill=c.tone((200, 180, 150))
        )
    c.mid.rectangle(
        (x0 - c.h * 0.015, base - tall - c.h * 0.015, x0 + c.h * 0.165, base),
        fill=c.tone((240, 236, 226)),
    )
    quad = [(x0, base - tall), (x0 + c.h * 0.15, base - tall), (x0 + c.h * 0.15, base), (x0, base)]
    door_shape(c.mid, quad, c.tone((120, 70, 40)), True)


def window(c: Canvas, interior: bool) -> None:
    if interior:
        box = (c.x(0.26), c.y(0.22), c.x(0.4), c.y(0.42))
    else:
        base = c.ground_y(0.2)
        c.mid.rectangle((c.x(0.2), base - c.h * 0.4, c.x(0.42), base), fill=c.tone((190, 170, 140)))
        box = (c.x(0.25), base - c.h * 0.3, c.x(0.37), base - c.h * 0.14)
    window_shape(c, c.setting, box, c.palette.trim)


def table(c: Canvas, interior: bool) -> None:
    top = c.y(0.74) if interior else c.ground_y(0.6)
    table_shape(c, c.mid, (c.x(0.36), top - c.h * 0.05, c.x(0.64), top), c.tone((150, 104, 66)))


def chair(c: Canvas, interior: bool) -> None:
    base = c.y(0.86) if interior else c.ground_y(0.7)
    x, wood = c.x(0.72), c.tone((130, 86, 52))
    leg = max(1, round(c.h * 0.01))
    c.mid.rectangle((x, base - c.h * 0.32, x + leg * 1.5, base), fill=wood)
    c.mid.rectangle((x, base - c.h * 0.32, x + c.h * 0.12, base - c.h * 0.2), fill=wood)
    c.mid.rectangle(
        (x, base - c.h * 0.14, x + c.h * 0.16, base - c.h * 0.11), fill=scale(wood, 1.2)
    )
    c.mid.rectangle((x + c.h * 0.15, base - c.h * 0.12, x + c.h * 0.16, base), fill=wood)


def tv(c: Canvas, interior: bool) -> None:
    base = c.y(0.6) if interior else c.ground_y(0.3)
    x0, x1 = c.x(0.56), c.x(0.76)
    c.mid.rectangle(
        (x0 - c.h * 0.02, base - c.h * 0.1, x1 + c.h * 0.02, base), fill=c.tone((90, 70, 56))
    )
    screen = (x0, base - c.h * 0.28, x1, base - c.h * 0.11)
    c.mid.rectangle(screen, fill=(24, 24, 28))
    inset = c.h * 0.01
    glow(c.far, ((x0 + x1) / 2, screen[1]), c.h * 0.3, (150, 190, 255), 0.3)
    c.mid.rectangle(
        (x0 + inset, screen[1] + inset, x1 - inset, screen[3] - inset), fill=(110, 160, 220)
    )


def lamp(c: Canvas, interior: bool) -> None:
    base = c.y(0.8) if interior else c.ground_y(0.4)
    x = c.x(0.86)
    lit = c.palette.lamp or (not interior and c.lights_on())
    tall = c.h * (0.4 if interior else 0.5)
    if lit:
        glow(c.far, (x, base - tall), c.h * 0.4, (255, 210, 140), 0.45)
    c.mid.line([(x, base), (x, base - tall)], fill=(50, 46, 44), width=c.pen(0.006))
    c.mid.ellipse(
        (x - c.h * 0.05, base - c.h * 0.015, x + c.h * 0.05, base + c.h * 0.01), fill=(50, 46, 44)
    )
    shade = (255, 226, 160) if lit else (220, 210, 190)
    c.mid.polygon(
        [
            (x - c.h * 0.04, base - tall - c.h * 0.07),
            (x + c.h * 0.04, base - tall - c.h * 0.07),
            (x + c.h * 0.07, base - tall + c.h * 0.01),
            (x - c.h * 0.07, base - tall + c.h * 0.01),
        ],
        fill=shade,
    )


def wall_clock(c: Canvas, interior: bool) -> None:
    cx, cy = c.x(0.5), (c.y(0.12) if interior else c.ground_y(0.2) - c.h * 0.35)
    r = c.h * 0.05
    if not interior:
        c.mid.rectangle(
            (cx - c.h * 0.008, cy, cx + c.h * 0.008, c.ground_y(0.2)), fill=(40, 40, 44)
        )
    c.mid.ellipse(
        (cx - r, cy - r, cx + r, cy + r),
        fill=(246, 244, 236),
        outline=(30, 30, 30),
        width=c.pen(0.006),
    )
    c.mid.line([(cx, cy), (cx, cy - r * 0.8)], fill=(20, 20, 20), width=c.pen(0.004))
    c.mid.line([(cx, cy), (cx + r * 0.5, cy + r * 0.2)], fill=(20, 20, 20), width=c.pen(0.004))


def framed_view(
    c: Canvas, sea: bool
) -> tuple[ImageDraw.ImageDraw, tuple[float, float, float, float]]:
    """A window on the wall (upper left) and a pen on the setting layer to draw into it."""
    box = (c.x(0.06), c.y(0.16), c.x(0.3), c.y(0.4))
    c.setting.paste(window_glass(c, box, sea), (round(box[0]), round(box[1])))
    c.mid.rectangle(box, outline=c.palette.trim, width=c.pen(0.01))
    return c.mid, box


def bed(c: Canvas, interior: bool) -> None:
    """A bed seen from its side, headboard to the left: frame, mattress, pillow, blanket."""
    base = c.y(0.84) if interior else c.ground_y(0.5)
    x0, x1 = c.x(0.08), c.x(0.08) + c.h * 0.62
    wood = c.tone((120, 80, 50))
    c.mid.rectangle((x0, base - c.h * 0.3, x0 + c.h * 0.03, base), fill=wood)
    c.mid.rectangle((x1 - c.h * 0.025, base - c.h * 0.18, x1, base), fill=wood)
    c.mid.rectangle((x0, base - c.h * 0.12, x1, base - c.h * 0.06), fill=scale(wood, 0.8))
    c.mid.rounded_rectangle(
        (x0 + c.h * 0.03, base - c.h * 0.18, x1 - c.h * 0.02, base - c.h * 0.11),
        c.h * 0.02,
        fill=c.tone((236, 234, 226)),
    )
    c.mid.rounded_rectangle(
        (x0 + c.h * 0.2, base - c.h * 0.19, x1 - c.h * 0.015, base - c.h * 0.08),
        c.h * 0.02,
        fill=c.tone((70, 100, 160)),
    )
    c.mid.ellipse(
        (x0 + c.h * 0.04, base - c.h * 0.23, x0 + c.h * 0.17, base - c.h * 0.16),
        fill=c.tone((250, 248, 240)),
    )


def umbrella(c: Canvas, interior: bool) -> None:
    """An open umbrella: indoors set on the floor in a corner to dry, outdoors planted in
    the ground beside the way."""
    base = c.y(0.72) if interior else c.ground_y(0.35)
    x, r = c.x(0.93 if interior else 0.16), c.h * (0.09 if interior else 0.13)
    top = base - r * (1.2 if interior else 2.4)
    canopy = c.tone((190, 40, 50))
    c.mid.line([(x, top), (x, base)], fill=(40, 36, 34), width=c.pen(0.006))
    c.mid.chord((x - r, top - r * 0.7, x + r, top + r * 0.7), 180, 360, fill=canopy)
    for k in (-0.5, 0.0, 0.5):
        c.mid.line(
            [(x, top - r * 0.7), (x + k * r * 1.6, top)], fill=scale(canopy, 0.7), width=c.pen()
        )
    c.mid.arc(
        (x - r * 0.2, base - r * 0.25, x + r * 0.05, base + r * 0.05),
        0,
        180,
        fill=(40, 36, 34),
        width=c.pen(0.006),
    )
