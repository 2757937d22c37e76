"""Animatic frames: storyboard panels drawn offline, one per shot."""

from providers.animatic.captions import CaptionLine, caption_lines
from providers.animatic.fonts import FontNotFoundError
from providers.animatic.provider import AnimaticProvider

__all__ = ["AnimaticProvider", "CaptionLine", "FontNotFoundError", "caption_lines"]
