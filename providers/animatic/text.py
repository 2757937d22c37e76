"""Measuring, drawing and wrapping text with the font fallback chain.

Text is drawn exactly as given: the only changes are line breaks and a trailing ellipsis.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PIL import Image, ImageDraw

from providers.animatic.fonts import font_runs, has_raqm, primary_metrics

ELLIPSIS = "\u2026"
Measure = Callable[[str], float]
RGBA = tuple[int, int, int, int]

# Other punctuation ("Po") that may start a line: quotes, openers and symbol-like marks.
_MAY_START_LINE = frozenset("\"'#&*@\\/\u00a1\u00bf\u00a7\u00b6")


def _closes(char: str) -> bool:
    """Punctuation that must not start a line: it stays with the character before it."""
    category = unicodedata.category(char)
    if category in ("Pe", "Pf"):
        return True
    return (category == "Po" and char not in _MAY_START_LINE) or char in "%\u30fc"


@dataclass(frozen=True)
class TextStyle:
    size: int
    bold: bool = False


def is_rtl(text: str) -> bool:
    """Whether text reads right to left: its first strong character is Arabic or Hebrew."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def single_line(text: str) -> str:
    """text for one line: a paragraph break inside it shows as a space.

    Raqm lays out one paragraph at a time and fails on a break inside a line; wrapping
    splits paragraphs before text gets here, so only one-line fields (names, headings)
    ever carry one.
    """
    if not any(unicodedata.bidirectional(char) == "B" for char in text):
        return text
    return "".join(" " if unicodedata.bidirectional(char) == "B" else char for char in text)


def _direction(text: str) -> str | None:
    if not has_raqm():
        return None
    return "rtl" if is_rtl(text) else "ltr"


def text_width(text: str, style: TextStyle) -> float:
    text = single_line(text)
    direction = _direction(text)
    return sum(
        run.font.getlength(run.text, direction=direction)
        for run in font_runs(text, style.size, style.bold)
    )


def measure_for(style: TextStyle) -> Measure:
    return lambda text: text_width(text, style)


def line_height(style: TextStyle) -> int:
    ascent, descent = primary_metrics(style.size, style.bold)
    return ascent + descent


def draw_text(
    image: Image.Image, xy: tuple[float, float], text: str, style: TextStyle, fill: RGBA
) -> float:
    """Draw one line with its top-left at xy; return its width.

    Glyphs are drawn into a coverage mask and composited in the fill colour, so
    anti-aliased edges stay clean on transparent overlays as well as on opaque art.
    """
    if not text:
        return 0.0
    text = single_line(text)
    direction = _direction(text)
    runs = font_runs(text, style.size, style.bold)
    widths = [run.font.getlength(run.text, direction=direction) for run in runs]
    total = sum(widths)
    ascent, descent = primary_metrics(style.size, style.bold)
    pad = style.size  # room for glyphs that overhang their advance or the line box
    mask = Image.new("L", (math.ceil(total) + 2 * pad, ascent + descent + 2 * pad), 0)
    pen = ImageDraw.Draw(mask)
    # Right-to-left lines put their first run at the right end.
    order = list(zip(runs, widths, strict=True))
    if direction == "rtl":
        order.reverse()
    x = float(pad)
    for run, width in order:
        pen.text(
            (x, pad + ascent), run.text, font=run.font, fill=255, anchor="ls", direction=direction
        )
        x += width
    left, top = round(xy[0]) - pad, round(xy[1]) - pad
    if fill[3] < 255:
        mask = mask.point([round(value * fill[3] / 255) for value in range(256)])
    if image.mode == "RGBA":
        colour = Image.new("RGBA", mask.size, (*fill[:3], 0))
        colour.putalpha(mask)
        # alpha_composite takes no negative destination: crop the layer instead.
        source = (max(0, -left), max(0, -top))
        image.alpha_composite(colour, (max(0, left), max(0, top)), source)
    else:
        image.paste(fill[:3], (left, top, left + mask.width, top + mask.height), mask)
    return total


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _tokens(paragraph: str) -> Iterator[str]:
    """Break opportunities: words, runs of spaces, and single wide (CJK) characters."""
    token, kind = "", ""
    for char in paragraph:
        if char.isspace():
            char_kind = "space"
        elif _closes(char) and kind in ("word", "wide"):
            token += char  # closing punctuation stays with what it closes
            continue
        else:
            char_kind = "wide" if _is_wide(char) else "word"
        if token and (char_kind != kind or kind == "wide"):
            yield token
            token = ""
        token, kind = token + char, char_kind
    if token:
        yield token


def _split_long(token: str, width: float, measure: Measure, limit: int) -> list[str]:
    """Break a token wider than the line by characters: at most limit + 1 pieces."""
    pieces: list[str] = []
    rest = token
    while rest and len(pieces) <= limit:
        low, high = 1, len(rest)  # the longest prefix that fits, at least one character
        while low < high:
            middle = (low + high + 1) // 2
            if measure(rest[:middle]) <= width:
                low = middle
            else:
                high = middle - 1
        pieces.append(rest[:low])
        rest = rest[low:]
    return pieces


def _wrap_paragraph(paragraph: str, width: float, measure: Measure, limit: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for token in _tokens(paragraph):
        if len(lines) > limit:
            break
        if token.isspace():
            if line or not lines:  # indentation as written, at the paragraph start only
                line += token
            continue
        if measure(line + token) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.rstrip())  # the break swallows the spaces before it
            line = ""
        pieces = _split_long(line + token, width, measure, limit)
        lines.extend(pieces[:-1])
        line = pieces[-1]
    if line.strip():
        lines.append(line.rstrip())
    return lines


def wrap(text: str, width: float, measure: Measure, limit: int = 1_000) -> list[str]:
    """Lines no wider than width: by words for spaced scripts, by characters for CJK.

    Wrapping stops once more than limit lines are found; blank lines are skipped.
    """
    lines: list[str] = []
    for paragraph in text.splitlines():
        if len(lines) > limit:
            break
        lines.extend(_wrap_paragraph(paragraph, width, measure, limit - len(lines)))
    return lines


def ellipsize(text: str, width: float, measure: Measure, force: bool = False) -> str:
    """text if it fits (and force is off), else its longest fitting prefix plus an ellipsis."""
    if not force and measure(text) <= width:
        return text
    if force and text.endswith(ELLIPSIS) and measure(text) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis: a search
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    cut = low
    # End on a whole word when that loses little of the line.
    space = text.rfind(" ", 0, cut + 1)
    if cut < len(text) and not text[cut].isspace() and space > cut * 0.7:
        cut = space
    return text[:cut].rstrip() + ELLIPSIS


def fit_lines(text: str, width: float, measure: Measure, max_lines: int) -> list[str]:
    """Wrapped lines, at most max_lines; an ellipsis ends the last when text was cut."""
    lines = wrap(text, width, measure, limit=max_lines)
    if len(lines) <= max_lines or max_lines <= 0:
        return lines if max_lines > 0 else []
    kept = lines[:max_lines]
    kept[-1] = ellipsize(kept[-1], width, measure, force=True)
    return kept
