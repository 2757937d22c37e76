"""Subtitle cues as SRT and WebVTT text. Cue text is kept exactly as the script wrote it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SubtitleCue:
    start_s: float
    end_s: float
    speaker: str
    text: str


def _timestamp(seconds: float, decimal_mark: str = ",") -> str:
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{decimal_mark}{millis:03d}"


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


def _vtt_escape(text: str) -> str:
    # WebVTT's own escapes; "&" first so the others are not escaped twice. With ">" escaped,
    # an arrow ("-->") in the text cannot be read as a timing line.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def vtt_cue_text(cue: SubtitleCue) -> str:
    # One line per cue, as in SRT. Browsers do not show a voice span's name, so the visible
    # "MAYA: " prefix stays; the span lets a player style or select by speaker.
    text = _vtt_escape(" ".join(cue.text.split()))
    speaker = " ".join(cue.speaker.split())
    if not speaker:
        return text
    line = f"{_vtt_escape(speaker)}: {text}"
    # The spec allows escapes in a voice annotation, but ffmpeg (and older WebKit) leak them
    # into the text, so a name that would need one gets the plain prefix only.
    if any(char in speaker for char in "&<>"):
        return line
    return f"<v {speaker}>{line}</v>"


def to_vtt(cues: list[SubtitleCue]) -> str:
    blocks = ["WEBVTT\n"]
    for number, cue in enumerate(sorted(cues, key=lambda c: c.start_s), start=1):
        timing = f"{_timestamp(cue.start_s, '.')} --> {_timestamp(cue.end_s, '.')}"
        blocks.append(f"{number}\n{timing}\n{vtt_cue_text(cue)}\n")
    return "\n".join(blocks)
