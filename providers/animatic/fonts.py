"""Fonts for drawn text: a fallback chain found on disk, and which font draws each run.

DejaVu Sans draws Latin, Cyrillic, Greek, Arabic and Hebrew; WenQuanYi Micro Hei draws
Chinese, Japanese and Korean. Text is split into runs, each drawn by the first font in the
chain that has glyphs for it. Coverage is tested by rendering: a character a font lacks
renders as that font's .notdef glyph.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont, features

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FontFamily:
    name: str
    package: str  # the Debian/Ubuntu package that installs it
    paths: tuple[str, ...]  # known locations across distributions, first found wins


_DEJAVU_DIRS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu
    "/usr/share/fonts/dejavu-sans-fonts",  # Fedora
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",  # Arch
    "/usr/local/share/fonts",
    "/opt/homebrew/share/fonts",
)
_WQY_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # Debian, Ubuntu
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei-fonts/wqy-microhei.ttc",  # Fedora
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",  # Arch
    "/usr/local/share/fonts/wqy-microhei.ttc",
)

DEJAVU_SANS = FontFamily(
    "DejaVu Sans", "fonts-dejavu-core", tuple(f"{d}/DejaVuSans.ttf" for d in _DEJAVU_DIRS)
)
DEJAVU_SANS_BOLD = FontFamily(
    "DejaVu Sans Bold",
    "fonts-dejavu-core",
    tuple(f"{d}/DejaVuSans-Bold.ttf" for d in _DEJAVU_DIRS),
)
WQY_MICROHEI = FontFamily("WenQuanYi Micro Hei", "fonts-wqy-microhei", _WQY_PATHS)

REGULAR_CHAIN = (DEJAVU_SANS, WQY_MICROHEI)
BOLD_CHAIN = (DEJAVU_SANS_BOLD, DEJAVU_SANS, WQY_MICROHEI)

# A code point no font maps: it renders as .notdef, the glyph of every missing character.
_NOT_A_CHARACTER = "\U0010ffff"
_PROBE_SIZE = 32


class FontNotFoundError(RuntimeError):
    """No font of a chain is installed; the message names the packages to install."""


def _layout() -> ImageFont.Layout:
    # Raqm shapes Arabic and orders right-to-left text; the basic layout cannot.
    return ImageFont.Layout.RAQM if features.check_feature("raqm") else ImageFont.Layout.BASIC


def has_raqm() -> bool:
    return _layout() is ImageFont.Layout.RAQM


def _find(family: FontFamily) -> str | None:
    return next((path for path in family.paths if Path(path).is_file()), None)


@lru_cache(maxsize=8)
def font_chain(bold: bool = False) -> tuple[str, ...]:
    """Paths of the installed fonts of a chain, in fallback order."""
    return find_chain(BOLD_CHAIN if bold else REGULAR_CHAIN)


def find_chain(chain: tuple[FontFamily, ...]) -> tuple[str, ...]:
    """The installed fonts of the families; FontNotFoundError naming packages if none is."""
    found: list[str] = []
    for family in chain:
        path = _find(family)
        if path is None:
            log.warning("font %s not found; install the %s package", family.name, family.package)
        elif path not in found:
            found.append(path)
    if not found:
        packages = sorted({family.package for family in chain})
        looked = ", ".join(path for family in chain for path in family.paths[:1])
        raise FontNotFoundError(
            f"no font for drawing text found (looked for {looked} and other known places); "
            f"install the {' and '.join(packages)} package(s)"
        )
    return tuple(found)


@lru_cache(maxsize=128)
def load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, layout_engine=_layout())


@lru_cache(maxsize=8)
def _probe_font(path: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, _PROBE_SIZE, layout_engine=ImageFont.Layout.BASIC)


def _glyph_signature(path: str, char: str) -> tuple[tuple[int, int], bytes]:
    mask = _probe_font(path).getmask(char)
    return mask.size, bytes(mask)


@lru_cache(maxsize=8192)
def covers(path: str, char: str) -> bool:
    """Whether the font at path has a glyph for char (it does not draw .notdef)."""
    return _glyph_signature(path, char) != _glyph_signature(path, _NOT_A_CHARACTER)


def _is_neutral(char: str) -> bool:
    """Spaces, punctuation, digits, symbols, marks: any font that has them may draw them."""
    return unicodedata.category(char)[0] in "ZPNSCM"


@dataclass(frozen=True)
class TextRun:
    text: str
    font: ImageFont.FreeTypeFont


def _font_index(char: str, chain: tuple[str, ...], current: int | None) -> int:
    if current is not None and _is_neutral(char) and covers(chain[current], char):
        return current
    for index, path in enumerate(chain):
        if covers(path, char):
            return index
    # Nobody has it: keep the run going, so the missing glyph costs one box, not a split.
    return 0 if current is None else current


def font_runs(text: str, size: int, bold: bool = False) -> list[TextRun]:
    """Split text into runs that one font each can draw, in logical order."""
    chain = font_chain(bold)
    runs: list[tuple[int, list[str]]] = []
    current: int | None = None
    for char in text:
        index = _font_index(char, chain, current)
        if index == current:
            runs[-1][1].append(char)
        else:
            runs.append((index, [char]))
            current = index
    return [TextRun("".join(chars), load_font(chain[index], size)) for index, chars in runs]


def font_for(char: str, bold: bool = False) -> str | None:
    """The path of the first font in the chain that covers char, None when none does."""
    return next((path for path in font_chain(bold) if covers(path, char)), None)


def primary_metrics(size: int, bold: bool = False) -> tuple[int, int]:
    """Ascent and descent of the chain's first font: the line box every run sits in."""
    ascent, descent = load_font(font_chain(bold)[0], size).getmetrics()
    return ascent, descent
