"""Shot durations: reading them from a SHOT line, or estimating them from the words."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

ACTION_WORDS_PER_S = 3.0  # reading pace for what the picture shows
SPEECH_WORDS_PER_S = 2.5  # speaking pace for dialogue
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


def _is_unspaced_script(char: str) -> bool:
    # Chinese and Japanese write words without spaces; count each such character as half
    # a word so a line of them is not timed as one word.
    code = ord(char)
    return (
        0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0xF900 <= code <= 0xFAFF  # CJK compatibility ideographs
    )


def count_words(text: str) -> float:
    """Spoken or read words: spaced tokens with a letter or digit, plus CJK characters."""
    total = 0.0
    for token in text.split():
        unspaced = sum(1 for char in token if _is_unspaced_script(char))
        total += unspaced * 0.5
        if any(char.isalnum() and not _is_unspaced_script(char) for char in token):
            total += 1
    return total


def round_to_step(seconds: float) -> float:
    """Nearest half second, halves rounded up (deterministic, unlike banker's rounding)."""
    return math.floor(seconds / _STEP_S + 0.5) * _STEP_S


def estimate_duration(action: str, dialogue: Sequence[str]) -> float:
    """Seconds a shot needs to show its action and speak its dialogue lines."""
    seconds = count_words(action) / ACTION_WORDS_PER_S
    seconds += sum(count_words(text) for text in dialogue) / SPEECH_WORDS_PER_S
    seconds += PAUSE_PER_LINE_S * len(dialogue)
    return round_to_step(max(MIN_ESTIMATE_S, seconds))


def format_seconds(seconds: float) -> str:
    """2.0 -> "2", 2.5 -> "2.5"."""
    return f"{seconds:g}"
