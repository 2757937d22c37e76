"""What the caption box says: the action, wrapped, then the dialogue as "NAME: text".

A pure function of the shot and the measuring style, so tests can check the exact strings
that get drawn. Text is never changed except for line breaks and a closing ellipsis.
"""

from __future__ import annotations

from dataclasses import dataclass

from providers.animatic.text import TextStyle, ellipsize, fit_lines, measure_for
from screenplay.model import Shot

MAX_ACTION_LINES = 3
MAX_DIALOGUE_LINES = 2
_MAX_NAME_SHARE = 0.35  # a speaker's name takes at most this share of the line


@dataclass(frozen=True)
class CaptionLine:
    text: str  # drawn exactly as is
    speaker: str = ""  # the character whose line this is; "" for action
    prefix: str = ""  # "MAYA: " on the first line of a speech, drawn bold before text
    indent: float = 0.0  # continuation lines of a speech start under its first words

    @property
    def drawn(self) -> str:
        """Everything this line puts on screen, in reading order."""
        return self.prefix + self.text


def speaker_prefix(name: str) -> str:
    return f"{name}: "


def caption_lines(
    shot: Shot,
    width: float,
    style: TextStyle,
    bold: TextStyle | None = None,
    max_action_lines: int = MAX_ACTION_LINES,
    max_dialogue_lines: int = MAX_DIALOGUE_LINES,
) -> list[CaptionLine]:
    """The caption's lines for a box width in pixels: action first, then the dialogue."""
    measure = measure_for(style)
    measure_bold = measure_for(bold or TextStyle(style.size, bold=True))
    lines = [CaptionLine(text) for text in fit_lines(shot.action, width, measure, max_action_lines)]
    budget = max_dialogue_lines
    speech: list[CaptionLine] = []
    for index, spoken in enumerate(shot.dialogue):
        if budget <= 0:
            if speech:  # more was said than fits: say so on the last line shown
                last = speech[-1]
                room = width - last.indent - (measure_bold(last.prefix) if last.prefix else 0)
                speech[-1] = CaptionLine(
                    ellipsize(last.text, room, measure, force=True),
                    last.speaker,
                    last.prefix,
                    last.indent,
                )
            break
        name = spoken.character
        if measure_bold(speaker_prefix(name)) > width * _MAX_NAME_SHARE:
            name = ellipsize(name, width * _MAX_NAME_SHARE, measure_bold)
        prefix = speaker_prefix(name)
        indent = measure_bold(prefix)
        # Give later speeches a line each: the first may not take the whole budget.
        share = budget - max(0, min(len(shot.dialogue) - index - 1, budget - 1))
        wrapped = fit_lines(spoken.text, width - indent, measure, share) or [""]
        for number, text in enumerate(wrapped):
            speech.append(
                CaptionLine(text, spoken.character, prefix if number == 0 else "", indent)
            )
        budget -= len(wrapped)
    return lines + speech
