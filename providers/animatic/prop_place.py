"""Where each prop goes in a setting: small things on the place's own surface (a counter,
a desk, a dashboard) or on a side table in the foreground, boats on the water, cars on
the road, a lighthouse on the horizon, and things from outdoors seen through a window."""

from __future__ import annotations

from providers.animatic.paint import glow
from providers.animatic.prop_art import furniture
from providers.animatic.prop_art.small import SMALL
from providers.animatic.prop_art.vehicles import (
    draw_boat,
    draw_bus,
    draw_car,
    draw_lighthouse,
    draw_train,
)
from providers.animatic.settings.canvas import Canvas
from providers.animatic.settings.fittings import table

# The words the action may use, to the prop drawn.
PROP_WORDS: dict[str, str] = {
    "mug": "cup", "coffee": "cup", "teacup": "cup", "tea": "cup",
    "wine_glass": "glass", "tumbler": "glass", "drink": "glass",
    "wine": "bottle", "beer": "bottle", "whisky": "bottle", "whiskey": "bottle",
    "walkie_talkie": "radio", "transmitter": "radio", "intercom": "radio", "speaker": "radio",
    "cellphone": "phone", "smartphone": "phone", "mobile": "phone", "telephone": "phone",
    "envelope": "letter", "note": "letter", "paper": "letter", "document": "letter",
    "notebook": "book", "diary": "book", "journal": "book",
    "keys": "key", "pistol": "gun", "revolver": "gun", "rifle": "gun", "weapon": "gun",
    "blade": "knife", "dagger": "knife", "suitcase": "bag", "backpack": "bag",
    "briefcase": "bag", "purse": "bag", "computer": "laptop", "television": "tv",
    "screen": "tv", "monitor": "tv", "photograph": "photo", "picture": "photo",
    "ship": "boat", "yacht": "boat", "dinghy": "boat", "rowboat": "boat", "taxi": "car",
    "truck": "car", "van": "car", "coach": "bus", "desk": "table", "stool": "chair",
    "armchair": "chair", "watch": "clock", "lantern": "lamp", "torch": "lamp",
    "flashlight": "lamp", "candles": "candle", "tram": "train", "bunk": "bed", "cot": "bed",
    "chart": "map", "sea_chart": "map", "parasol": "umbrella",
}  # fmt: skip

OUTDOOR = {"boat": draw_boat, "car": draw_car, "bus": draw_bus, "train": draw_train}
WATER = {"open_sea", "coast", "island", "river", "bridge", "lighthouse", "ship_bridge"}
ROADS = {"street", "road", "parking_lot", "bridge"}
FURNITURE = {
    "door": furniture.door,
    "window": furniture.window,
    "table": furniture.table,
    "chair": furniture.chair,
    "tv": furniture.tv,
    "lamp": furniture.lamp,
    "clock": furniture.wall_clock,
    "bed": furniture.bed,
    "umbrella": furniture.umbrella,
}
# A setting's own surface for small things: x from, x to, its height at eye level, and
# whether it stands in the foreground layer.
SURFACES: dict[str, tuple[float, float, float, bool]] = {
    "kitchen": (0.38, 0.5, 0.4, False),
    "office": (0.66, 0.78, 0.55, False),
    "bar": (0.25, 0.75, 0.695, True),
    "lab": (0.3, 0.7, 0.41, False),
    "car": (0.55, 0.8, 0.72, True),
    "shop": (0.64, 0.72, 0.78, True),
    "ship_bridge": (0.3, 0.44, 0.7, True),
    "train": (0.46, 0.55, 0.43, False),
}
BIG = {"clock": "wall"}  # small-prop names drawn as furniture indoors when no surface


def prop_name(word: str) -> str:
    name = str(word).strip().lower().replace(" ", "_")
    return PROP_WORDS.get(name, name)


def known(word: str) -> bool:
    name = prop_name(word)
    return name in SMALL or name in OUTDOOR or name in FURNITURE or name == "lighthouse"


def place_props(c: Canvas, words: list[str], setting: str, interior: bool) -> None:
    names = list(dict.fromkeys(prop_name(word) for word in words))
    small = [name for name in names if name in SMALL and not (name == "clock" and interior)]
    for name in names:
        if (name in FURNITURE and name not in SMALL) or (name == "clock" and interior):
            FURNITURE[name](c, interior)
        elif name in OUTDOOR or name == "lighthouse":
            _outdoor_thing(c, name, setting, interior)
    if small:
        _small_things(c, small, setting, interior)


def _outdoor_thing(c: Canvas, name: str, setting: str, interior: bool) -> None:
    lights = c.lights_on()
    if interior and setting not in WATER:
        pen, (x0, y0, x1, y1) = furniture.framed_view(c, sea=name in ("boat", "lighthouse"))
        x, base, length = (x0 + x1) / 2, y1 - (y1 - y0) * 0.2, (x1 - x0) * 0.6
        if name == "lighthouse":
            draw_lighthouse(pen, x, base, (y1 - y0) * 0.75, lights)
        else:
            OUTDOOR[name](pen, x, base, length, c.tone((170, 60, 50)), lights)
        return
    if name == "lighthouse":
        draw_lighthouse(c.mid, c.x(0.82), c.ground_y(0.03), c.h * 0.36, lights)
        if lights:
            glow(c.far, (c.x(0.82), c.ground_y(0.03) - c.h * 0.3), c.h * 0.3, (255, 240, 190), 0.5)
        return
    if name == "boat":
        on_water = setting in WATER or setting == ""
        near = 0.12 if on_water else 0.3
        draw_boat(
            c.mid,
            c.x(0.32),
            c.ground_y(near),
            c.h * 0.5 * (0.3 + near),
            c.tone((170, 60, 50)),
            lights,
        )
    elif name == "car":
        near = 0.4 if setting in ROADS else 0.3
        draw_car(
            c.mid,
            c.x(0.3),
            c.ground_y(near),
            c.h * 0.7 * (0.3 + near),
            c.tone((60, 90, 160)),
            lights,
        )
    elif name == "bus":
        draw_bus(c.mid, c.x(0.66), c.ground_y(0.3), c.h * 1.1 * 0.6, c.tone((220, 170, 40)), lights)
    else:
        draw_train(c.mid, c.x(0.5), c.ground_y(0.1), c.w * 0.5, c.tone((90, 110, 130)), lights)


def _small_things(c: Canvas, names: list[str], setting: str, interior: bool) -> None:
    if setting in SURFACES:
        x0, x1, eye_y, front = SURFACES[setting]
        base, u = c.y(eye_y), c.h * (0.07 if front else 0.05)
        pen = c.front if front else c.mid
    elif interior:
        base, u, pen = c.y(0.86), c.h * 0.07, c.front
        x0, x1 = 0.64, 0.92
        table(
            c,
            c.front,
            (c.x(x0 - 0.03), base, c.x(x1 + 0.03), base + c.h * 0.04),
            c.tone((140, 100, 66)),
        )
    else:
        base, u, pen = c.ground_y(0.8), c.h * 0.08, c.front
        x0, x1 = 0.6, 0.92
    for index, name in enumerate(names):
        x = c.x(x0 + (x1 - x0) * (index + 0.5) / len(names))
        SMALL[name](pen, x, base, u)
