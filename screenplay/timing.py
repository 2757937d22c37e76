"""Shot durations: reading them from a SHOT line, or estimating them from the words."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

ACTION_WORDS_PER_S = 3.0  # reading pace for action in SHOT lines and free text
READING_WORDS_PER_S = 3.3  # reading pace for action in shots the film grammar plans
SPEECH_WORDS_PER_S = 2.5  # speaking pace for dialogue, unless a speech rate is given
PAUSE_PER_LINE_S = 0.4  # breath between dialogue lines
MIN_ESTIMATE_S = 2.0
_STEP_S = 0.5

_NUMBER = r"\d++(?:\.\d++)?"  # possessive: no backtracking over long digit runs
_MINUTES = r"(?:minutes|minute|mins|min|m)"
_SECONDS = r"(?:seconds|second|secs|sec|s)"

# "1m30s", "1 min 30 sec", "2m", "5s", "5 s", "2.5 seconds", and a bare "5" (seconds).
DURATION_PATTERN = re.compile(
    rf"(?P<m1>{_NUMBER})\s*{_MINUTES}\s*(?P<s1>{_NUMBER})\s*{_SECONDS}?(?!\w)"
    rf"|(?P<m2>{_NUMBER})\s*{_MINUTES}(?!\w)"
    rf"|(?P<s2>{_NUMBER})\s*{_SECONDS}?(?!\w)",
    re.IGNORECASE,
)


def duration_of(match: re.Match[str]) -> float:
    """Seconds in a DURATION_PATTERN match; may be inf for absurdly long numbers."""
    minutes = match.group("m1") or match.group("m2") or "0"
    seconds = match.group("s1") or match.group("s2") or "0"
    return float(minutes) * 60 + float(seconds)


# Chinese and Japanese write words without spaces; each such character counts as half a
# word so a line of them is not timed as one word. Hiragana and katakana, CJK extension
# A, CJK unified ideographs, CJK compatibility ideographs.
_UNSPACED_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED_RANGES}]")
# A whitespace-separated token with a letter or digit outside those scripts; it starts
# only where a token starts, so a long unspaced run is scanned once.
_SPACED_WORD = re.compile(rf"(?<!\S)\S*?[^\W_{_UNSPACED_RANGES}]\S*")


def count_words(text: str) -> float:
    """Spoken or read words: spaced tokens with a letter or digit, plus CJK characters."""
    unspaced = len(_UNSPACED_CHAR.findall(text))
    spaced = sum(1 for _ in _SPACED_WORD.finditer(text))
    return spaced + unspaced * 0.5


def round_to_step(seconds: float) -> float:
    """Nearest half second, halves rounded up (deterministic, unlike banker's rounding)."""
    return math.floor(seconds / _STEP_S + 0.5) * _STEP_S


def ceil_to_step(seconds: float) -> float:
    """The next half second at or above `seconds`: time that is sure to fit."""
    return math.ceil(seconds / _STEP_S - 1e-9) * _STEP_S


def speech_seconds(text: str, words_per_s: float) -> float:
    """Time to speak one dialogue line, with the breath after it."""
    return count_words(text) / words_per_s + PAUSE_PER_LINE_S


def estimate_duration(
    action: str,
    dialogue: Sequence[str],
    action_words_per_s: float = ACTION_WORDS_PER_S,
    speech_words_per_s: Sequence[float] | None = None,
) -> float:
    """Seconds a shot needs to show its action and speak its dialogue lines.

    `speech_words_per_s` gives each line's pace; without it every line is spoken at
    SPEECH_WORDS_PER_S.
    """
    seconds = count_words(action) / action_words_per_s
    if speech_words_per_s is None:
        seconds += sum(count_words(text) for text in dialogue) / SPEECH_WORDS_PER_S
        seconds += PAUSE_PER_LINE_S * len(dialogue)
    else:
        seconds += sum(map(speech_seconds, dialogue, speech_words_per_s))
    return round_to_step(max(MIN_ESTIMATE_S, seconds))


def format_seconds(seconds: float) -> str:
    """2.0 -> "2", 2.5 -> "2.5"."""
    return f"{seconds:g}"
