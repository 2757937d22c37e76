"""Weather and light that stand still in the picture: wet ground that mirrors the sky,
fog that swallows contrast, snow lying on the ground and on every top edge, fire light,
dawn and dusk glow, neon signs; lightning, candlelight, moonlight, darkness and smoke are
in light.py. What moves (falling rain and snow, drifting fog and smoke, leaves on the
wind, flicker) is in weather.py; both read the same words."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageChops, ImageDraw

from providers.animatic import light
from providers.animatic.layer_tone import blend, ramp_rows, replace_layers
from providers.animatic.paint import glow
from providers.animatic.settings.canvas import Canvas

# The plan's atmosphere words (and a few synonyms) to what the animatic draws.
ATMOSPHERE_WORDS: dict[str, str] = {
    **dict.fromkeys(("rain", "raining", "rainy", "drizzle", "downpour", "wet", "shower"), "rain"),
    **dict.fromkeys(("storm", "thunder", "thunderstorm", "gale", "hurricane"), "storm"),
    **dict.fromkeys(("lightning", "lightning_flash", "thunderclap"), "lightning"),
    **dict.fromkeys(("wind", "windy", "gust", "gusts", "breeze", "windswept"), "wind"),
    **dict.fromkeys(("snow", "snowing", "snowy", "blizzard", "sleet", "frost"), "snow"),
    **dict.fromkeys(("fog", "foggy", "mist", "misty", "haze", "hazy"), "fog"),
    **dict.fromkeys(("smoke", "smoky", "smoke_filled", "smoke-filled"), "smoke"),
    **dict.fromkeys(("fire", "flames", "burning", "blaze", "inferno", "fireplace"), "fire"),
    **dict.fromkeys(("dawn", "sunrise", "daybreak", "first_light"), "dawn"),
    **dict.fromkeys(("dusk", "sunset", "twilight"), "dusk"),
    **dict.fromkeys(("neon", "neon_lights", "neon_sign"), "neon"),
    **dict.fromkeys(("candlelight", "candlelit", "candle_light"), "candlelight"),
    **dict.fromkeys(("moonlight", "moonlit", "moon_light"), "moonlight"),
    **dict.fromkeys(("darkness", "pitch_black", "pitch_dark", "blackout"), "darkness"),
}


def atmospheres(words: list[str]) -> list[str]:
    """The kinds of weather and light the words name, each once, in their order."""
    kinds: dict[str, None] = {}
    for word in words:
        kind = ATMOSPHERE_WORDS.get(str(word).strip().lower().replace(" ", "_"))
        if kind:
            kinds.setdefault(kind, None)
    if "storm" in kinds:
        kinds.setdefault("rain", None)
    return list(kinds)


def paint_atmosphere(canvas: Canvas, words: list[str], outdoors: bool) -> None:
    kinds = atmospheres(words)
    for kind in kinds:
        {
            "rain": _wet,
            "storm": _storm,
            "snow": _snow,
            "fog": _fog,
            "fire": _fire,
            "dawn": _dawn,
            "dusk": _dusk,
            "neon": _neon,
            "lightning": light.paint_lightning,
            "wind": _still_air,
            "smoke": light.paint_smoke,
            "candlelight": light.paint_candlelight,
            "moonlight": light.paint_moonlight,
            "darkness": light.paint_darkness,
        }[kind](canvas, outdoors)


def _still_air(c: Canvas, outdoors: bool) -> None:
    """Wind is what it blows about (leaves, dust): outdoors all of it moves, in weather.py;
    indoors it stays outside, leaves and gusts of dust caught beyond each pane."""
    if outdoors or not c.glass:
        return
    leaf_colours = [(176, 112, 40), (150, 70, 30), (120, 130, 50), (190, 150, 60)]
    outside = Image.new("RGBA", c.size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(outside)
    for x0, y0, x1, y1 in c.glass:
        area = max(0.0, (x1 - x0) * (y1 - y0)) / (c.h * c.h)
        pen.rectangle((x0, y0, x1, y1), fill=(214, 200, 170, 48))  # dust on the gust
        for _ in range(round(40 * area) + 3):  # streaks of it, leaning with the wind
            x, y = c.rng.uniform(x0, x1), c.rng.uniform(y0, y1)
            run = c.h * c.rng.uniform(0.03, 0.07)
            end = (min(x1, x + run), max(y0, y - run * 0.15))
            pen.line([(x, y), end], fill=(214, 206, 188, 150), width=max(1, c.pen(0.002)))
        for _ in range(round(120 * area) + 4):  # leaves blown past the glass
            x, y = c.rng.uniform(x0, x1), c.rng.uniform(y0, y1)
            r = c.h * c.rng.uniform(0.006, 0.014)
            leaf = c.rng.choice(leaf_colours)
            pen.ellipse((x - r * 1.6, y - r * 0.7, x + r * 1.6, y + r * 0.7), fill=(*leaf, 235))
    _beyond_glass(c, outside)


def _beyond_glass(c: Canvas, outside: Image.Image) -> None:
    """What happens outside, seen through the panes. Behind see-through glass it is on
    the far layer, so everything of the setting stands in front of it; in a view painted
    into a layer, only where the view still shows (not over its mullions, nor over the
    sofa drawn in front of it)."""
    panes = Image.new("L", c.size, 0)
    for box in c.glass:  # nothing outside spills over the panes' edges
        ImageDraw.Draw(panes).rectangle(box, fill=255)
    outside.putalpha(ImageChops.multiply(outside.getchannel("A"), panes))
    far = c.far.convert("RGBA")
    far.alpha_composite(outside)
    c.far.paste(far.convert("RGB"))
    for left, top, layer, before in c.views:
        box = (left, top, left + before.width, top + before.height)
        now = layer.crop(box)
        showing = np.all(np.asarray(now) == np.asarray(before), axis=-1)
        patch = outside.crop(box)
        alpha = np.asarray(patch.getchannel("A")) * showing
        patch.putalpha(Image.fromarray(alpha.astype(np.uint8), "L"))
        seen = now.convert("RGBA")
        seen.alpha_composite(patch)
        layer.paste(seen.convert(layer.mode), (left, top))


def _storm(c: Canvas, outdoors: bool) -> None:
    replace_layers(c, blend(c.far, (40, 44, 56), 0.45), blend(c.setting, (40, 44, 56), 0.3), c.fore)


def _wet(c: Canvas, outdoors: bool) -> None:
    """Grey light; outdoors the ground shines, mirroring what stands above it."""
    far = blend(c.far, (96, 104, 118), 0.3)
    setting = blend(c.setting, (96, 104, 118), 0.2)
    top = round(c.hy)
    depth = min(top, c.h - top)
    if outdoors and depth > 1:
        picture = far.convert("RGBA")
        picture.alpha_composite(setting)
        mirror = picture.crop((0, top - depth, c.w, top)).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
        fade = (1 - np.arange(depth, dtype=np.float32) / depth) * 0.45 * 255
        mask = Image.fromarray(fade.astype(np.uint8).reshape(-1, 1), "L").resize((c.w, depth))
        far.paste(mirror.convert("RGB"), (0, top), mask)
    replace_layers(c, far, setting, c.fore)
    _drops_on_glass(c)


def _drops_on_glass(c: Canvas) -> None:
    """Beads of rain on every pane the painter drew, some running down in trails."""
    for x0, y0, x1, y1 in c.glass:
        area = max(0.0, (x1 - x0) * (y1 - y0)) / (c.h * c.h)
        for _ in range(round(60 * area) + 4):
            x, y = c.rng.uniform(x0, x1), c.rng.uniform(y0, y1)
            r = c.h * c.rng.uniform(0.002, 0.006)
            c.front.ellipse((x - r, y - r, x + r, y + r), fill=(225, 232, 240, 150))
            if c.rng.random() < 0.3:
                end = min(y1, y + c.h * c.rng.uniform(0.02, 0.08))
                c.front.line([(x, y), (x, end)], fill=(225, 232, 240, 110), width=max(1, round(r)))


def _snow(c: Canvas, outdoors: bool) -> None:
    """Snow lies on the ground and on every top edge of the setting's shapes."""
    white = (240, 244, 250)
    far = c.far
    if outdoors:
        far = blend(far, white, ramp_rows(c, c.hy, c.hy + c.h * 0.05) * 0.75)
        far = blend(far, (200, 206, 216), 0.15)
    if outdoors:
        # A pixel is snow-capped when open air lies less than `cap` pixels above it.
        alpha = np.asarray(c.setting.getchannel("A")) > 0
        rows = np.arange(c.h, dtype=np.int32)[:, None]
        open_air = np.where(alpha, np.int32(-(2**30)), rows)
        last_open = np.maximum.accumulate(open_air, axis=0)
        cap = max(2, round(c.h * 0.012))
        edge = alpha & (rows - last_open <= cap)
        mask = Image.fromarray(edge.astype(np.uint8) * 255, "L")
        c.setting.paste((*white, 255), (0, 0), mask)
    c.far.paste(far)
    falling = Image.new("RGBA", c.size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(falling)
    for x0, y0, x1, y1 in c.glass:  # snow falling beyond each pane, banked at its foot
        area = max(0.0, (x1 - x0) * (y1 - y0)) / (c.h * c.h)
        pen.rectangle((x0, y0, x1, y1), fill=(*white, 70))  # the air thick with it
        for _ in range(round(90 * area) + 6):
            x, y = c.rng.uniform(x0, x1), c.rng.uniform(y0, y1)
            r = c.h * c.rng.uniform(0.002, 0.005)
            pen.ellipse((x - r, y - r, x + r, y + r), fill=(*white, 230))
    if c.glass:
        _beyond_glass(c, falling)
    for x0, _, x1, y1 in c.glass:
        bank = c.h * 0.02
        c.front.chord((x0, y1 - bank, x1, y1 + bank), 180, 360, fill=(*white, 255))


def _fog(c: Canvas, outdoors: bool) -> None:
    """Everything fades toward the fog's grey, the far most, and most at the horizon."""
    fog = (196, 200, 206) if c.palette.figure_light > 0.8 else (110, 116, 130)
    band = np.clip(1 - np.abs(np.arange(c.h, dtype=np.float32) - c.hy) / (c.h * 0.35), 0, 1)
    replace_layers(
        c,
        blend(c.far, fog, 0.42 + 0.3 * band),
        blend(c.setting, fog, 0.45 + 0.2 * band),
        blend(c.fore, fog, 0.45),
    )
    for x0, y0, x1, y1 in c.glass:  # the panes mist over
        c.front.rectangle((x0, y0, x1, y1), fill=(*fog, 90))


def _fire(c: Canvas, outdoors: bool) -> None:
    """Orange light rising from below, smoke darkening the top, flames along the foot."""
    warm = ramp_rows(c, c.h * 0.3, c.h) * 0.35
    smoke = (1 - ramp_rows(c, 0, c.h * 0.35)) * 0.35
    far = blend(blend(c.far, (255, 120, 40), warm), (40, 34, 30), smoke)
    setting = blend(c.setting, (255, 120, 40), warm * 0.8)
    replace_layers(c, far, setting, c.fore)
    for _ in range(9):
        x = c.rng.uniform(0, c.w)
        tall = c.h * c.rng.uniform(0.08, 0.18)
        for colour, part in (((230, 80, 20), 1.0), ((255, 170, 40), 0.65), ((255, 236, 150), 0.3)):
            half = tall * 0.3 * part
            c.front.polygon([(x - half, c.h), (x, c.h - tall * part), (x + half, c.h)], fill=colour)


def _dawn(c: Canvas, outdoors: bool) -> None:
    """Pink and gold light low along the horizon from the left, a cool wash above."""
    glow(c.far, (c.w * 0.25, c.hy), c.h * 0.9, (255, 170, 120), 0.55, squash=0.4)
    replace_layers(c, c.far, blend(c.setting, (255, 190, 150), 0.12), c.fore)


def _dusk(c: Canvas, outdoors: bool) -> None:
    glow(c.far, (c.w * 0.75, c.hy), c.h * 0.9, (250, 110, 70), 0.55, squash=0.4)
    replace_layers(c, c.far, blend(c.setting, (200, 90, 90), 0.15), c.fore)


def _neon(c: Canvas, outdoors: bool) -> None:
    """Glowing tube signs in magenta and cyan, and their colour cast on the scene."""
    tint = blend(c.far, (60, 20, 90), 0.25)
    c.far.paste(tint)
    for x, y, colour in (
        (0.12, 0.22, (255, 60, 200)),
        (0.7, 0.16, (60, 230, 255)),
        (0.4, 0.3, (255, 80, 120)),
    ):
        cx, cy = c.x(x), c.y(y)
        w, h = c.h * 0.22, c.h * 0.07
        glow(c.far, (cx + w / 2, cy + h / 2), c.h * 0.3, colour, 0.5)
        c.mid.rounded_rectangle(
            (cx, cy, cx + w, cy + h), h * 0.4, outline=colour, width=c.pen(0.008)
        )
        c.mid.line(
            [(cx + w * 0.2, cy + h * 0.5), (cx + w * 0.8, cy + h * 0.5)],
            fill=(255, 240, 250),
            width=c.pen(0.006),
        )
        if outdoors and c.hy < c.h:
            glow(
                c.far,
                (cx + w / 2, min(c.h - 1, c.hy + (c.hy - cy) * 0.6)),
                c.h * 0.2,
                colour,
                0.35,
                squash=0.3,
            )
