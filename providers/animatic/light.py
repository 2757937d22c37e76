"""Light that stands still in the picture, beside the weather in atmosphere.py: a flash
of lightning (a bolt in the sky outdoors, a cold glare through the panes indoors), warm
low candlelight, cool moonlight (the moon itself outdoors), darkness, and smoke hanging
under the ceiling or the sky. Their movement (the flash's flicker, the candle's wobble,
drifting smoke) is in weather.py."""

from __future__ import annotations

from providers.animatic.layer_tone import blend, ramp_rows, replace_layers
from providers.animatic.paint import glow
from providers.animatic.settings.canvas import Canvas, pen_for

FLASH = (226, 232, 255)
WARM = (255, 170, 80)
MOON = (150, 176, 230)
NIGHT_BLUE = (30, 44, 86)
BLACK = (6, 6, 10)
SMOKE = (92, 86, 82)


def paint_lightning(c: Canvas, outdoors: bool) -> None:
    """Outdoors a jagged bolt from the top of the sky to the horizon, the sky lit around
    it; indoors the panes blaze white and the room takes a cold glare."""
    if outdoors and c.hy > 0:
        sky = 1 - ramp_rows(c, c.hy - 1, c.hy)
        c.far.paste(blend(c.far, FLASH, sky * 0.3))
        x, y = c.x(c.rng.uniform(0.25, 0.75)), 0.0
        points = [(x, y)]
        while y < c.hy:
            y = min(c.hy, y + c.h * c.rng.uniform(0.05, 0.1))
            x += c.h * c.rng.uniform(-0.07, 0.07)
            points.append((x, y))
        glow(c.far, points[len(points) // 2], c.h * 0.4, FLASH, 0.45)
        c.back.line(points, fill=(255, 255, 255), width=c.pen(0.008))
        return
    replace_layers(c, blend(c.far, FLASH, 0.25), blend(c.setting, FLASH, 0.2), c.fore)
    for x0, y0, x1, y1 in c.glass:
        c.front.rectangle((x0, y0, x1, y1), fill=(*FLASH, 200))


def paint_candlelight(c: Canvas, outdoors: bool) -> None:
    """The room sinks into shadow, darkest overhead; warm light rises from the flames."""
    dark = 0.55 - 0.25 * ramp_rows(c, 0, c.h)
    if outdoors:
        dark = dark * 0.6
    far, setting = blend(c.far, BLACK, dark), blend(c.setting, BLACK, dark)
    far, setting = blend(far, WARM, 0.14), blend(setting, WARM, 0.12)
    for x in (0.3, 0.72):
        glow(far, (c.x(x), c.y(0.7)), c.h * 0.45, WARM, 0.4)
    replace_layers(c, far, setting, blend(c.fore, BLACK, 0.3))


def paint_moonlight(c: Canvas, outdoors: bool) -> None:
    """Cool blue light: outdoors a full moon high in the sky with its halo; indoors the
    panes glow pale blue."""
    far, setting = blend(c.far, NIGHT_BLUE, 0.35), blend(c.setting, NIGHT_BLUE, 0.3)
    if outdoors:
        x, y, r = c.x(0.5), c.hy - c.h * 0.36, c.h * 0.05
        if y + r > 0:
            glow(far, (x, y), r * 5, MOON, 0.5)
            pen = pen_for(far)
            pen.ellipse((x - r, y - r, x + r, y + r), fill=(244, 246, 236))
            pen.ellipse((x - r * 0.4, y - r * 0.3, x - r * 0.05, y + r * 0.1), fill=(214, 218, 212))
    replace_layers(c, far, setting, blend(c.fore, NIGHT_BLUE, 0.3))
    for x0, y0, x1, y1 in c.glass:
        glow(c.far, ((x0 + x1) / 2, (y0 + y1) / 2), max(x1 - x0, y1 - y0), MOON, 0.4)
        c.front.rectangle((x0, y0, x1, y1), fill=(*MOON, 110))


def paint_darkness(c: Canvas, outdoors: bool) -> None:
    """Almost nothing to see: every layer sunk toward black, shapes just readable."""
    replace_layers(c, blend(c.far, BLACK, 0.78), blend(c.setting, BLACK, 0.75), c.fore)
    c.fore.paste(blend(c.fore, BLACK, 0.75))


def paint_smoke(c: Canvas, outdoors: bool) -> None:
    """Grey-brown smoke thick overhead (under the ceiling, or across the sky) thinning
    toward the floor or the ground."""
    top = 0.2 + 0.35 * (1 - ramp_rows(c, 0, max(1.0, c.hy)))
    replace_layers(c, blend(c.far, SMOKE, top), blend(c.setting, SMOKE, top * 0.8), c.fore)
