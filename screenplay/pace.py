"""How fast each character speaks: a caller's speech rate, asked once per name."""

from __future__ import annotations

import math
from collections.abc import Callable

from screenplay.timing import SPEECH_WORDS_PER_S

SpeechRate = Callable[[str], float]  # character name -> words per second


class Pace:
    """Words per second per character; the default pace when no rate is given."""

    def __init__(self, speech_rate: SpeechRate | None = None) -> None:
        self._speech_rate = speech_rate
        self._known: dict[str, float] = {}

    @property
    def is_custom(self) -> bool:
        """True when a caller's speech rate decides the pace."""
        return self._speech_rate is not None

    def words_per_s(self, character: str) -> float:
        """The pace of `character`; raises ValueError when the rate is not a positive number."""
        if self._speech_rate is None:
            return SPEECH_WORDS_PER_S
        if character not in self._known:
            rate = self._speech_rate(character)
            if isinstance(rate, bool) or not isinstance(rate, int | float):
                raise ValueError(f"speech_rate({character!r}) returned {rate!r}; expected a number")
            if not math.isfinite(rate) or rate <= 0:
                raise ValueError(
                    f"speech_rate({character!r}) returned {rate!r}; "
                    "expected a positive number of words per second"
                )
            self._known[character] = float(rate)
        return self._known[character]
