"""Weather and light that stand still in the picture: wet ground, fog, snow cover, neon,
dawn and fire light, painted into a setting's layers. What moves is in weather.py."""

from __future__ import annotations

from providers.animatic.settings.canvas import Canvas


def paint_atmosphere(canvas: Canvas, words: list[str], outdoors: bool) -> None:
    return None
