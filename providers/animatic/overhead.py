"""Settings seen from straight above: the floor or ground as a pattern, with a few things
on it seen from the top."""

from __future__ import annotations

from providers.animatic.settings.canvas import Canvas


def paint_overhead(canvas: Canvas, ground: str, interior: bool) -> None:
    return None
