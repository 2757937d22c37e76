"""Subtitle cues and their SRT text. Cue text is kept exactly as the script wrote it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SubtitleCue:
    start_s: float
    end_s: float
    speaker: str
    text: str


def _timestamp(seconds: float) -> str:
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d},{millis:03d}"


# Players and ffmpeg's SRT decoder read "<i>", "{\\b1}" and "{Y:i}" as styling. An invisible
# zero-width space after every "<" and "{" keeps such text literal on screen.
_ZERO_WIDTH_SPACE = "\u200b"


def literal(text: str) -> str:
    return text.replace("{", "{" + _ZERO_WIDTH_SPACE).replace("<", "<" + _ZERO_WIDTH_SPACE)


def cue_text(cue: SubtitleCue) -> str:
    # One line per cue: a blank line inside a cue would end it early in SRT.
    text = " ".join(cue.text.split())
    return literal(f"{cue.speaker}: {text}" if cue.speaker else text)


def to_srt(cues: list[SubtitleCue]) -> str:
    blocks = []
    for number, cue in enumerate(sorted(cues, key=lambda c: c.start_s), start=1):
        blocks.append(
            f"{number}\n{_timestamp(cue.start_s)} --> {_timestamp(cue.end_s)}\n{cue_text(cue)}\n"
        )
    return "\n".join(blocks)
