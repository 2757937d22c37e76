"""The still storyboard notes over the moving picture: a header band naming the scene and
shot, the camera-move mark, and a caption box with the action and dialogue.

Sizes follow the output height, so 640x360 reads like 1280x720. Shapes are drawn at twice
the size and shrunk for smooth edges; text is drawn at the real size, where it is sharpest.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageDraw

from providers.animatic.captions import CaptionLine, caption_lines
from providers.animatic.glyphs import draw_move, glyph_move
from providers.animatic.paint import downsample
from providers.animatic.palette import character_look, mix
from providers.animatic.text import (
    TextStyle,
    draw_text,
    ellipsize,
    is_rtl,
    line_height,
    measure_for,
)
from providers.base import FrameRequest
from screenplay.model import CameraAngle, Move, Shot

_SS = 2
_BAND = (8, 10, 16, 184)
_BOX = (12, 14, 20, 184)
_TITLE = (246, 246, 248, 255)
_META = (255, 204, 110, 255)
_DIM = (200, 204, 214, 220)
_ACTION = (228, 230, 236, 255)
_SPEECH = (255, 255, 255, 255)


def words(value: str) -> str:
    """An enum value as people write it: "close_up" -> "CLOSE UP"."""
    return value.replace("_", " ").upper()


def duration_text(seconds: float) -> str:
    return f"{round(seconds, 2):g}s"


def header_lines(request: FrameRequest) -> tuple[str, str]:
    scene, shot = request.scene, request.shot
    title = (
        f"SCENE {scene.number} \u00b7 {scene.heading}" if scene.heading else f"SCENE {scene.number}"
    )
    meta = " \u00b7 ".join(
        part
        for part in (
            f"SHOT {shot.number}",
            words(shot.shot_type.value),
            "" if shot.angle is CameraAngle.EYE_LEVEL else words(shot.angle.value),
            move_words(shot),
            duration_text(shot.duration_s),
        )
        if part
    )
    return title, meta


def move_words(shot: Shot) -> str:
    """The move as a storyboard names it: "SLOW PUSH IN", "TRUCK LEFT", "STATIC"."""
    parts = [shot.speed.value, shot.move.value, shot.direction.value]
    if shot.move in (Move.PUSH_IN, Move.PULL_OUT):  # the direction is in the name
        parts.pop()
    return words(" ".join(part for part in parts if part))


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    margin: int
    title: TextStyle
    meta: TextStyle
    caption: TextStyle
    speaker: TextStyle
    pad: int
    line_step: int

    @classmethod
    def for_size(cls, width: int, height: int) -> Layout:
        caption = TextStyle(max(9, round(height * 0.03)))
        return cls(
            width,
            height,
            margin=round(height * 0.03),
            title=TextStyle(max(9, round(height * 0.029)), bold=True),
            meta=TextStyle(max(8, round(height * 0.023))),
            caption=caption,
            speaker=TextStyle(caption.size, bold=True),
            pad=round(height * 0.022),
            line_step=round(line_height(caption) * 1.18),
        )

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.margin - 2 * self.pad

    @property
    def band_height(self) -> int:
        gap = round(self.height * 0.008)
        return self.margin + line_height(self.title) + gap + line_height(self.meta) + gap


def lines_for(shot: Shot, layout: Layout) -> list[CaptionLine]:
    return caption_lines(shot, layout.text_width, layout.caption, layout.speaker)


def _box_height(lines: list[CaptionLine], layout: Layout) -> int:
    if not lines:
        return 0
    gap = _speech_gap(lines, layout)
    return 2 * layout.pad + (len(lines) - 1) * layout.line_step + line_height(layout.caption) + gap


def _speech_gap(lines: list[CaptionLine], layout: Layout) -> int:
    has_action = any(not line.speaker for line in lines)
    has_speech = any(line.speaker for line in lines)
    return round(layout.line_step * 0.3) if has_action and has_speech else 0


def render_overlay(request: FrameRequest) -> Image.Image:
    profile = request.profile
    layout = Layout.for_size(profile.width, profile.height)
    lines = lines_for(request.shot, layout)
    box_h = _box_height(lines, layout)
    box_top = profile.height - layout.margin - box_h
    band = layout.band_height

    big = Image.new("RGBA", (profile.width * _SS, profile.height * _SS), (0, 0, 0, 0))
    pen = ImageDraw.Draw(big)
    pen.rectangle((0, 0, big.width, band * _SS), fill=_BAND)
    fade = round(profile.height * 0.03) * _SS
    for row in range(fade):  # the band's lower edge melts into the picture
        alpha = round(_BAND[3] * (1 - (row + 1) / (fade + 1)) ** 2)
        pen.line([(0, band * _SS + row), (big.width, band * _SS + row)], fill=(*_BAND[:3], alpha))
    if lines:
        edge = layout.margin * _SS
        pen.rounded_rectangle(
            (edge, box_top * _SS, big.width - edge, (box_top + box_h) * _SS),
            radius=round(profile.height * 0.016) * _SS,
            fill=_BOX,
        )
    picture = (0.0, (band + layout.margin) * _SS, big.width, (box_top - layout.margin * 0.5) * _SS)
    draw_move(pen, glyph_move(request.shot), picture, profile.height * _SS)
    overlay = downsample(big, _SS)

    _draw_header(overlay, request, layout)
    _draw_caption(overlay, lines, layout, box_top)
    return overlay


def _draw_header(overlay: Image.Image, request: FrameRequest, layout: Layout) -> None:
    title, meta = header_lines(request)
    room = float(layout.width - 2 * layout.margin)
    film = request.film_title.strip()
    if film:
        film = ellipsize(film, room * 0.3, measure_for(layout.meta))
        film_w = measure_for(layout.meta)(film)
        film_y = layout.margin * 0.75 + (line_height(layout.title) - line_height(layout.meta)) / 2
        draw_text(overlay, (layout.width - layout.margin - film_w, film_y), film, layout.meta, _DIM)
        room -= film_w + layout.margin
    top = layout.margin * 0.75
    title = ellipsize(title, room, measure_for(layout.title))
    draw_text(overlay, (layout.margin, top), title, layout.title, _TITLE)
    meta_y = top + line_height(layout.title) + round(layout.height * 0.008)
    meta = ellipsize(meta, layout.width - 2 * layout.margin, measure_for(layout.meta))
    draw_text(overlay, (layout.margin, meta_y), meta, layout.meta, _META)


def _draw_caption(overlay: Image.Image, lines: list[CaptionLine], layout: Layout, top: int) -> None:
    left = layout.margin + layout.pad
    right = layout.width - layout.margin - layout.pad
    y = float(top + layout.pad)
    after_action = False
    for line in lines:
        if line.speaker and after_action:
            y += _speech_gap(lines, layout)
            after_action = False
        if not line.speaker:
            after_action = True
            width = measure_for(layout.caption)(line.text)
            x = right - width if is_rtl(line.text) else left
            draw_text(overlay, (x, y), line.text, layout.caption, _ACTION)
        else:
            if line.prefix:
                tint = mix(character_look(line.speaker).colour, (255, 255, 255), 0.45)
                draw_text(overlay, (left, y), line.prefix, layout.speaker, (*tint, 255))
            draw_text(overlay, (left + line.indent, y), line.text, layout.caption, _SPEECH)
        y += layout.line_step
