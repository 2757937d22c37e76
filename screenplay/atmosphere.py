"""Weather and light: words in a heading or the action -> an `Atmosphere` to paint.

`Atmosphere` is the contract with the painters (providers/animatic/weather.py): names and
values stay stable; new values are added at the end. One word may bring more than one
("THUNDERSTORM" is a storm with lightning). Words match whole, in any case, with a plural
"S" allowed (screenplay.phrases).
"""

from __future__ import annotations

from enum import StrEnum

from screenplay.phrases import PhraseTable, words_of


class Atmosphere(StrEnum):
    RAIN = "rain"
    STORM = "storm"
    SNOW = "snow"
    FOG = "fog"  # fog, mist, haze
    FIRE = "fire"  # flames, a blaze, a fireplace
    LIGHTNING = "lightning"
    WIND = "wind"
    SMOKE = "smoke"
    DAWN = "dawn"
    DUSK = "dusk"  # sunset, twilight
    NEON = "neon"
    CANDLELIGHT = "candlelight"
    MOONLIGHT = "moonlight"
    DARKNESS = "darkness"  # a blackout, pitch dark


# Lightning flashes: it belongs to the shot that names it. The rest lasts the scene.
PASSING: frozenset[Atmosphere] = frozenset({Atmosphere.LIGHTNING})
# The weather outside, which does not stop at a cut: a scene that follows on at once
# (CONTINUOUS, SAME, MOMENTS LATER) keeps it unless it names weather of its own
# (screenplay.continuity). Light (a fire, neon, candles) belongs to its place.
WEATHER: frozenset[Atmosphere] = frozenset(
    {Atmosphere.RAIN, Atmosphere.STORM, Atmosphere.SNOW, Atmosphere.FOG, Atmosphere.WIND}
)

_A = Atmosphere
ATMOSPHERE_WORDS: dict[str, tuple[Atmosphere, ...]] = {
    "RAIN": (_A.RAIN,), "RAINING": (_A.RAIN,), "RAINY": (_A.RAIN,), "DRIZZLE": (_A.RAIN,),
    "DOWNPOUR": (_A.RAIN,), "RAINDROP": (_A.RAIN,), "RAINWATER": (_A.RAIN,),
    "RAINSTORM": (_A.RAIN, _A.STORM), "POURING RAIN": (_A.RAIN,),
    "STORM": (_A.STORM,), "STORMY": (_A.STORM,), "TEMPEST": (_A.STORM,),
    "HURRICANE": (_A.STORM, _A.WIND), "TYPHOON": (_A.STORM, _A.WIND),
    "GALE": (_A.STORM, _A.WIND), "SQUALL": (_A.STORM, _A.WIND), "THUNDER": (_A.STORM,),
    "THUNDERSTORM": (_A.STORM, _A.LIGHTNING), "THUNDERCLAP": (_A.STORM, _A.LIGHTNING),
    "SNOW": (_A.SNOW,), "SNOWING": (_A.SNOW,), "SNOWFALL": (_A.SNOW,),
    "SNOWFLAKE": (_A.SNOW,), "SNOWSTORM": (_A.SNOW, _A.STORM), "SLEET": (_A.SNOW,),
    "BLIZZARD": (_A.SNOW, _A.WIND),
    "FOG": (_A.FOG,), "FOGGY": (_A.FOG,), "FOGBANK": (_A.FOG,), "MIST": (_A.FOG,),
    "MISTY": (_A.FOG,), "HAZE": (_A.FOG,), "HAZY": (_A.FOG,), "SMOG": (_A.FOG,),
    "FIRE": (_A.FIRE,), "FLAME": (_A.FIRE,), "FLAMES": (_A.FIRE,), "BLAZE": (_A.FIRE,),
    "BLAZING": (_A.FIRE,), "ABLAZE": (_A.FIRE,), "BURNING": (_A.FIRE,),
    "INFERNO": (_A.FIRE,), "FIREPLACE": (_A.FIRE,), "CAMPFIRE": (_A.FIRE,),
    "BONFIRE": (_A.FIRE,), "EMBERS": (_A.FIRE,), "HEARTH": (_A.FIRE,),
    # Fire that is not flames: a gun's, an escape, an alarm.
    "FIRES": (), "OPENS FIRE": (), "OPEN FIRE": (), "CEASEFIRE": (), "FIRE ESCAPE": (),
    "FIRE ALARM": (), "FIRE EXTINGUISHER": (), "FIRE DOOR": (),
    "LIGHTNING": (_A.LIGHTNING,),
    "WIND": (_A.WIND,), "WINDY": (_A.WIND,), "GUST": (_A.WIND,), "GUSTS": (_A.WIND,),
    "WINDSWEPT": (_A.WIND,),
    "SMOKE": (_A.SMOKE,), "SMOKY": (_A.SMOKE,), "SMOKE-FILLED": (_A.SMOKE,),
    "DAWN": (_A.DAWN,), "SUNRISE": (_A.DAWN,), "DAYBREAK": (_A.DAWN,),
    "FIRST LIGHT": (_A.DAWN,),
    "DUSK": (_A.DUSK,), "SUNSET": (_A.DUSK,), "TWILIGHT": (_A.DUSK,), "SUNDOWN": (_A.DUSK,),
    "GOLDEN HOUR": (_A.DUSK,),
    "NEON": (_A.NEON,),
    "CANDLELIGHT": (_A.CANDLELIGHT,), "CANDLELIT": (_A.CANDLELIGHT,),
    "MOONLIGHT": (_A.MOONLIGHT,), "MOONLIT": (_A.MOONLIGHT,),
    "DARKNESS": (_A.DARKNESS,), "PITCH BLACK": (_A.DARKNESS,), "PITCH DARK": (_A.DARKNESS,),
    "BLACKOUT": (_A.DARKNESS,), "POWER CUT": (_A.DARKNESS,),
}  # fmt: skip
_ATMOSPHERE = PhraseTable(ATMOSPHERE_WORDS)


def atmosphere_in(text: str) -> list[Atmosphere]:
    """The weather and light a text names, in order, each once."""
    return atmosphere_among(words_of(text))


def atmosphere_among(words: list[str]) -> list[Atmosphere]:
    """`atmosphere_in` for text already split by screenplay.phrases.words_of."""
    found: dict[Atmosphere, None] = {}
    for values in _ATMOSPHERE.all_in(words):
        for value in values:
            found.setdefault(value, None)
    return list(found)
