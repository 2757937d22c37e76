"""Continuity: what a heading leaves unsaid is what the scene before it said.

- Time of day: a heading without one, or with CONTINUOUS, LATER, MOMENTS LATER, SAME, ...
  (CONTINUITY_WORDS; "INT. CAR - MOVING" too) keeps the previous scene's resolved time, so
  a night stays night. A time the heading names (TIME_WORDS) or any other words it writes
  there ("FLASHBACK", "1985") stand as written.
- INT or EXT: a heading without either (a forced ".LAMP ROOM", "SCENE 2: Harbour") reads it
  from its words: the settings' interior and exterior words (screenplay.settings) and a few
  more (INSIDE_WORDS, OUTSIDE_WORDS); the stronger match wins ("LIGHTHOUSE LAMP ROOM" is
  inside). When its words say neither, or both as strongly, it keeps the previous scene's.
- Setting: such a heading whose words name no setting (".THE LENS") stays where the
  previous scene was: a detail of the same place.
- Weather: a scene that follows on at once (CONTINUOUS, SAME, MOMENTS LATER, ...:
  FOLLOW_ON_WORDS) and whose heading and action name no weather of their own keeps the
  previous scene's (screenplay.atmosphere.WEATHER: the rain still falls).
Each of these is an assumption, noted on the plan (FilmPlan.assumptions), not a warning.
The first scene, and scenes without a heading, have nothing to keep.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from screenplay.atmosphere import WEATHER, atmosphere_in
from screenplay.errors import ScriptWarning
from screenplay.heading import Heading, parse_heading
from screenplay.phrases import PhraseTable, words_of
from screenplay.settings import (
    EXTERIOR_FALLBACK_TABLE,
    EXTERIOR_TABLE,
    INTERIOR_FALLBACK_TABLE,
    INTERIOR_TABLE,
    Setting,
    best_match,
    setting_for,
)

CONTINUITY_WORDS = frozenset(
    {
        "CONTINUOUS", "CONTINUING", "CONTINUED", "CONT'D", "CONT", "LATER", "MOMENTS",
        "MOMENT", "SECONDS", "MINUTES", "HOURS", "A", "FEW", "SOME", "SHORTLY", "JUST",
        "SAME", "TIME", "SIMULTANEOUS", "MOVING", "TRAVELLING", "TRAVELING", "DRIVING",
        "THEN", "AFTER", "BEFORE", "AGAIN",
    }
)  # fmt: skip
# Of those, the ones that say the scene follows on at once: its weather is the same.
FOLLOW_ON_WORDS = frozenset(
    {
        "CONTINUOUS", "CONTINUING", "CONTINUED", "CONT'D", "CONT", "SAME", "SIMULTANEOUS",
        "MOMENTS", "MOMENT", "SECONDS",
    }
)  # fmt: skip
TIME_WORDS = frozenset(
    {
        "DAY", "NIGHT", "MORNING", "EVENING", "AFTERNOON", "NOON", "MIDDAY", "MIDNIGHT",
        "DAWN", "DUSK", "SUNRISE", "SUNSET", "DAYBREAK", "TWILIGHT", "NIGHTFALL", "DAYTIME",
        "NIGHTTIME", "SUNDOWN", "MAGIC", "GOLDEN", "LATE", "EARLY", "PREDAWN", "PRE-DAWN",
        "JOUR", "NUIT", "MATIN", "SOIR", "DIA", "DÍA", "NOCHE", "MAÑANA", "MANANA", "TARDE",
    }
)  # fmt: skip
INSIDE_WORDS = {"INSIDE": Setting.GENERIC, "INTERIOR": Setting.GENERIC}
OUTSIDE_WORDS = {
    "OUTSIDE": Setting.GENERIC, "EXTERIOR": Setting.GENERIC, "OUTDOORS": Setting.GENERIC,
    "SKY": Setting.GENERIC, "SKIES": Setting.GENERIC, "HORIZON": Setting.GENERIC,
}  # fmt: skip
_INSIDE = [INTERIOR_TABLE, PhraseTable(INSIDE_WORDS), INTERIOR_FALLBACK_TABLE]
_OUTSIDE = [EXTERIOR_TABLE, PhraseTable(OUTSIDE_WORDS), EXTERIOR_FALLBACK_TABLE]


@dataclass(frozen=True)
class PlacedHeading:
    """A heading as the film reads it: INT/EXT and time resolved, the setting chosen."""

    int_ext: str
    location: str
    time_of_day: str
    setting: Setting
    atmosphere: list[str]  # the heading's weather and light ("rain", "dusk"), and kept
    weather: tuple[str, ...] = ()  # the weather the scene ends with, for the next to keep


@dataclass
class Continuity:
    """Reads headings in script order, remembering the last scene's resolved values."""

    assumptions: list[ScriptWarning] = field(default_factory=list)
    previous: PlacedHeading | None = None
    previous_number: int = 0

    def place(
        self, number: int, heading: str, line: int, column: int, actions: Iterable[str] = ()
    ) -> PlacedHeading:
        """Scene `number`'s heading (as written, clean) at `line`, starting at `column`;
        `actions`: the scene's action text, read for the weather it names."""
        written = parse_heading(heading)
        if not heading:
            return PlacedHeading("", "", "", Setting.GENERIC, [])
        int_ext, setting = written.int_ext, setting_for(written.int_ext, written.location)
        location_column = column + max(0, heading.find(written.location))
        if not int_ext:
            int_ext = self._inside_or_outside(written.location, line, location_column)
            setting = setting_for(int_ext, written.location)
            if setting is Setting.GENERIC and self.previous and self.previous.setting:
                setting = self.previous.setting
                self._note(
                    line,
                    location_column,
                    f'"{written.location}" names no setting; kept "{setting}" from '
                    f"scene {self.previous_number}",
                )
        time_of_day = self._time(written, heading, line, column)
        own = [str(value) for value in atmosphere_in(f"{written.location} {time_of_day}")]
        named = [*own, *(str(value) for text in actions for value in atmosphere_in(text))]
        weather = tuple(dict.fromkeys(value for value in named if value in WEATHER))
        if not weather:
            weather = self._kept_weather(written, heading, line, column)
            own = [*own, *(value for value in weather if value not in own)]
        placed = PlacedHeading(int_ext, written.location, time_of_day, setting, own, weather)
        self.previous, self.previous_number = placed, number
        return placed

    def _kept_weather(
        self, written: Heading, heading: str, line: int, column: int
    ) -> tuple[str, ...]:
        """The previous scene's weather, when this one follows on at once."""
        words = words_of(written.time_of_day)
        follows_on = any(word in FOLLOW_ON_WORDS for word in words) and all(
            word in CONTINUITY_WORDS for word in words
        )
        if not follows_on or self.previous is None or not self.previous.weather:
            return ()
        kept = self.previous.weather
        where = column + heading.rfind(written.time_of_day)
        self._note(
            line,
            where,
            f'"{written.time_of_day}" names no weather; kept {", ".join(kept)} from '
            f"scene {self.previous_number}",
        )
        return kept

    def _inside_or_outside(self, location: str, line: int, column: int) -> str:
        words = words_of(location)
        inside, outside = best_match(words, _INSIDE), best_match(words, _OUTSIDE)
        if inside is not None and (outside is None or inside[0] > outside[0]):
            self._note(line, column, f'no INT. or EXT.; read INT from "{inside[1]}"')
            return "INT"
        if outside is not None and (inside is None or outside[0] > inside[0]):
            self._note(line, column, f'no INT. or EXT.; read EXT from "{outside[1]}"')
            return "EXT"
        if self.previous is None or not self.previous.int_ext:
            return ""
        kept = self.previous.int_ext
        self._note(
            line,
            column,
            f'no INT. or EXT., and "{location}" says neither; kept {kept} from '
            f"scene {self.previous_number}",
        )
        return kept

    def _time(self, written: Heading, heading: str, line: int, column: int) -> str:
        time = written.time_of_day
        words = words_of(time)
        if any(word in TIME_WORDS for word in words):
            return time
        if words and not all(word in CONTINUITY_WORDS for word in words):
            return time  # words of its own ("FLASHBACK"): not ours to replace
        where = column + (heading.rfind(time) if time else len(heading))
        said = f'"{time}"' if time else "no time of day"
        # "EXT. STREET - NIGHT - CONTINUOUS": the time is the part before.
        before = parse_heading(written.location).time_of_day
        if any(word in TIME_WORDS for word in words_of(before)):
            self._note(line, where, f"{said}; read {before} from the heading")
            return before
        if self.previous is None or not self.previous.time_of_day:
            return time
        kept = self.previous.time_of_day
        self._note(line, where, f"{said}; kept {kept} from scene {self.previous_number}")
        return kept

    def _note(self, line: int, column: int, message: str) -> None:
        self.assumptions.append(ScriptWarning(line, message, column))
