"""Colours: a palette per time of day, and a stable look per character name."""

from __future__ import annotations

import colorsys
import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum

Colour = tuple[int, int, int]


class TimeOfDay(StrEnum):
    MORNING = "morning"
    DAY = "day"
    EVENING = "evening"
    NIGHT = "night"
    NEUTRAL = "neutral"


_TIME_WORDS: dict[str, TimeOfDay] = {
    **dict.fromkeys(
        (
            "MORNING",
            "DAWN",
            "SUNRISE",
            "DAYBREAK",
            "MATIN",
            "MAÑANA",
            "MANANA",
            "아침",
        ),
        TimeOfDay.MORNING,
    ),
    **dict.fromkeys(
        ("DAY", "NOON", "AFTERNOON", "MIDDAY", "DAYTIME", "JOUR", "DÍA", "DIA", "낮"),
        TimeOfDay.DAY,
    ),
    **dict.fromkeys(
        ("EVENING", "DUSK", "SUNSET", "TWILIGHT", "SOIR", "TARDE", "저녁"),
        TimeOfDay.EVENING,
    ),
    **dict.fromkeys(("NIGHT", "MIDNIGHT", "NIGHTTIME", "NUIT", "NOCHE", "밤"), TimeOfDay.NIGHT),
}
# Russian, written as escapes so no Cyrillic letter passes for a Latin one.
_TIME_WORDS.update(
    {
        "\u0423\u0422\u0420\u041e": TimeOfDay.MORNING,
        "\u0420\u0410\u0421\u0421\u0412\u0415\u0422": TimeOfDay.MORNING,
        "\u0414\u0415\u041d\u042c": TimeOfDay.DAY,
        "\u0412\u0415\u0427\u0415\u0420": TimeOfDay.EVENING,
        "\u0417\u0410\u041a\u0410\u0422": TimeOfDay.EVENING,
        "\u041d\u041e\u0427\u042c": TimeOfDay.NIGHT,
    }
)
# Chinese and Japanese write without spaces: these are found inside the text, in this order.
_CJK_TIME_WORDS: tuple[tuple[str, TimeOfDay], ...] = (
    ("傍晚", TimeOfDay.EVENING),
    ("黄昏", TimeOfDay.EVENING),
    ("夕", TimeOfDay.EVENING),
    ("夜", TimeOfDay.NIGHT),
    ("晚上", TimeOfDay.NIGHT),
    ("早", TimeOfDay.MORNING),
    ("朝", TimeOfDay.MORNING),
    ("上午", TimeOfDay.MORNING),
    ("昼", TimeOfDay.DAY),
    ("中午", TimeOfDay.DAY),
    ("下午", TimeOfDay.DAY),
    ("白天", TimeOfDay.DAY),
)


def time_of_day(words: str) -> TimeOfDay:
    """The time a heading's time-of-day words name; NEUTRAL when they name none."""
    for token in re.findall(r"\w+", words.upper()):
        if token in _TIME_WORDS:
            return _TIME_WORDS[token]
    return next((time for word, time in _CJK_TIME_WORDS if word in words), TimeOfDay.NEUTRAL)


@dataclass(frozen=True)
class Sky:
    top: Colour
    middle: Colour
    horizon: Colour
    body: str  # "sun", "moon" or "" (overcast)
    body_colour: Colour
    body_height: float  # 0 is the horizon, 1 the top of the sky
    glow: Colour
    stars: bool
    clouds: Colour | None
    cloud_count: int


@dataclass(frozen=True)
class Palette:
    time: TimeOfDay
    sky: Sky
    far: Colour  # distant hills, hazed toward the horizon
    mid: Colour  # skyline, trees, nearer hills
    ground_top: Colour
    ground_bottom: Colour
    wall: Colour  # interiors: the back wall, lit by the time of day
    wall_side: Colour
    floor: Colour
    ceiling: Colour
    trim: Colour
    lamp: bool  # a lamp is on, its glow warms the room
    lit_windows: bool  # skyline windows glow at night
    rim: Colour  # light catching the figures' edges
    figure_light: float  # character colours are multiplied by this


PALETTES: dict[TimeOfDay, Palette] = {
    TimeOfDay.MORNING: Palette(
        TimeOfDay.MORNING,
        Sky(
            (112, 150, 202), (218, 196, 204), (255, 208, 160), "sun", (255, 240, 200), 0.22,
            (255, 200, 140), False, (255, 234, 222), 5,
        ),
        far=(178, 164, 190), mid=(126, 126, 140), ground_top=(174, 172, 116),
        ground_bottom=(124, 126, 82), wall=(238, 220, 192), wall_side=(216, 196, 168),
        floor=(176, 134, 98), ceiling=(246, 234, 216), trim=(126, 94, 72), lamp=False,
        lit_windows=False, rim=(255, 228, 184), figure_light=1.0,
    ),
    TimeOfDay.DAY: Palette(
        TimeOfDay.DAY,
        Sky(
            (58, 128, 206), (118, 176, 230), (208, 230, 244), "sun", (255, 252, 232), 0.62,
            (255, 250, 214), False, (255, 255, 255), 6,
        ),
        far=(142, 172, 204), mid=(92, 140, 112), ground_top=(136, 180, 98),
        ground_bottom=(86, 138, 66), wall=(228, 228, 218), wall_side=(204, 204, 194),
        floor=(184, 146, 106), ceiling=(246, 246, 240), trim=(118, 110, 100), lamp=False,
        lit_windows=False, rim=(255, 255, 238), figure_light=1.0,
    ),
    TimeOfDay.EVENING: Palette(
        TimeOfDay.EVENING,
        Sky(
            (50, 46, 108), (176, 92, 122), (252, 164, 92), "sun", (255, 196, 118), 0.12,
            (255, 138, 78), False, (242, 146, 134), 4,
        ),
        far=(118, 82, 124), mid=(74, 52, 90), ground_top=(92, 68, 88),
        ground_bottom=(52, 38, 60), wall=(216, 158, 122), wall_side=(188, 128, 102),
        floor=(132, 86, 66), ceiling=(228, 178, 142), trim=(96, 60, 54), lamp=True,
        lit_windows=True, rim=(255, 172, 112), figure_light=0.9,
    ),
    TimeOfDay.NIGHT: Palette(
        TimeOfDay.NIGHT,
        Sky(
            (8, 12, 34), (20, 30, 66), (46, 62, 104), "moon", (238, 238, 216), 0.7,
            (110, 130, 186), True, None, 0,
        ),
        far=(30, 38, 68), mid=(18, 24, 46), ground_top=(26, 32, 52),
        ground_bottom=(12, 16, 28), wall=(72, 66, 90), wall_side=(54, 50, 72),
        floor=(54, 44, 48), ceiling=(40, 38, 56), trim=(32, 28, 40), lamp=True,
        lit_windows=True, rim=(152, 172, 232), figure_light=0.72,
    ),
    TimeOfDay.NEUTRAL: Palette(
        TimeOfDay.NEUTRAL,
        Sky(
            (148, 160, 176), (182, 190, 200), (216, 218, 216), "", (0, 0, 0), 0.0,
            (0, 0, 0), False, (204, 208, 214), 8,
        ),
        far=(158, 168, 176), mid=(118, 132, 132), ground_top=(152, 162, 140),
        ground_bottom=(110, 120, 104), wall=(214, 210, 200), wall_side=(192, 188, 178),
        floor=(152, 132, 112), ceiling=(232, 230, 224), trim=(110, 104, 96), lamp=False,
        lit_windows=False, rim=(240, 240, 240), figure_light=0.95,
    ),
}  # fmt: skip


def palette_for(time_words: str) -> Palette:
    return PALETTES[time_of_day(time_words)]


def is_interior(int_ext: str) -> bool:
    """INT and INT/EXT draw a room (its window shows outside); EXT and unknown, outdoors."""
    return int_ext.strip().upper().startswith("INT")


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """a blended toward b by t in [0, 1]."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def scale(colour: Colour, factor: float) -> Colour:
    return (
        min(255, round(colour[0] * factor)),
        min(255, round(colour[1] * factor)),
        min(255, round(colour[2] * factor)),
    )


def digest(*parts: str) -> bytes:
    """A stable hash of text: the same on every run (Python's hash() is salted)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()


def seed_of(*parts: str) -> int:
    return int.from_bytes(digest(*parts)[:8], "big")


_HAIR = ((38, 30, 28), (92, 58, 36), (196, 160, 96), (140, 62, 36), (168, 168, 172))


@dataclass(frozen=True)
class CharacterLook:
    colour: Colour  # clothes and the name tag
    hair: Colour
    hair_style: int  # 0 short, 1 long, 2 bun, 3 none


ANONYMOUS = CharacterLook((148, 150, 160), (70, 70, 78), 0)


def character_look(name: str) -> CharacterLook:
    """A look that is the same for a name in every shot and every run."""
    code = digest("character", name.strip().upper())
    hue = int.from_bytes(code[:2], "big") / 65536
    saturation = 0.42 + code[2] / 255 * 0.2
    value = 0.62 + code[3] / 255 * 0.18
    red, green, blue = colorsys.hsv_to_rgb(hue, saturation, value)
    colour = (round(red * 255), round(green * 255), round(blue * 255))
    return CharacterLook(colour, _HAIR[code[4] % len(_HAIR)], code[5] % 4)
