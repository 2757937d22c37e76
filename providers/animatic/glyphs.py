"""Storyboard camera-move marks, drawn as shapes: arrows for pans and tilts, corner
arrows pointing in for a push in and out for a pull back. A static shot gets none."""

from __future__ import annotations

import math

from PIL import ImageDraw

from screenplay.model import CameraMove, Move, MoveDirection, Shot, legacy_move

Point = tuple[float, float]
Box = tuple[float, float, float, float]

FILL = (255, 255, 255, 235)
EDGE = (10, 12, 18, 170)


def arrow_points(start: Point, end: Point, thickness: float) -> list[Point]:
    """An arrow from start to end as one polygon: a shaft and a head."""
    length = math.dist(start, end)
    dx, dy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    nx, ny = -dy, dx
    shaft, head_w = thickness / 2, thickness * 1.7
    head_len = min(thickness * 2.4, length * 0.6)
    bx, by = end[0] - dx * head_len, end[1] - dy * head_len
    return [
        (start[0] + nx * shaft, start[1] + ny * shaft),
        (bx + nx * shaft, by + ny * shaft),
        (bx + nx * head_w, by + ny * head_w),
        end,
        (bx - nx * head_w, by - ny * head_w),
        (bx - nx * shaft, by - ny * shaft),
        (start[0] - nx * shaft, start[1] - ny * shaft),
    ]


_SIDEWAYS = (Move.TRUCK, Move.TRACKING, Move.WHIP_PAN, Move.ARC)
_UPWARD = (Move.PEDESTAL, Move.CRANE)


def glyph_move(shot: Shot) -> CameraMove:
    """The mark a move gets: sideways moves draw a pan's arrow, vertical ones a tilt's,
    moves toward or away from the figures a zoom's corners; a handheld shot draws none."""
    move, direction = shot.move, shot.direction
    if move in _SIDEWAYS:
        move = Move.PAN
        direction = direction if direction is not MoveDirection.NONE else MoveDirection.RIGHT
    elif move in _UPWARD:
        move = Move.TILT
        direction = direction if direction is not MoveDirection.NONE else MoveDirection.UP
    elif move in (Move.PUSH_IN, Move.STEADICAM) or (
        move is Move.CRASH_ZOOM and direction is not MoveDirection.OUT
    ):
        move, direction = Move.ZOOM, MoveDirection.IN
    elif move in (Move.PULL_OUT, Move.CRASH_ZOOM):
        move, direction = Move.ZOOM, MoveDirection.OUT
    elif move in (Move.PAN, Move.TILT, Move.ZOOM, Move.DOLLY) and direction is MoveDirection.NONE:
        direction = {Move.PAN: MoveDirection.RIGHT, Move.TILT: MoveDirection.UP}.get(
            move, MoveDirection.IN
        )
    return legacy_move(move, direction)


def move_arrows(move: CameraMove, frame: Box, unit: float) -> list[tuple[Point, Point]]:
    """Arrows (start, end) for a move, inside frame: the picture between the header band and
    the caption box. unit is the picture height; sizes follow it."""
    left, top, right, bottom = frame
    mid_x, mid_y = (left + right) / 2, (top + bottom) / 2
    span = (right - left) * 0.13
    row = top + unit * 0.05
    column = right - unit * 0.06
    rise = (bottom - top) * 0.3
    if move is CameraMove.PAN_RIGHT:
        return [((mid_x - span, row), (mid_x + span, row))]
    if move is CameraMove.PAN_LEFT:
        return [((mid_x + span, row), (mid_x - span, row))]
    if move is CameraMove.TILT_UP:
        return [((column, mid_y + rise), (column, mid_y - rise))]
    if move is CameraMove.TILT_DOWN:
        return [((column, mid_y - rise), (column, mid_y + rise))]
    if move is CameraMove.STATIC:
        return []
    inward = move in (CameraMove.ZOOM_IN, CameraMove.DOLLY_IN)
    inset, reach = unit * 0.035, unit * 0.1
    arrows = []
    for corner_x, sign_x in ((left + inset, 1), (right - inset, -1)):
        for corner_y, sign_y in ((top + inset, 1), (bottom - inset, -1)):
            outer = (corner_x, corner_y)
            inner = (corner_x + sign_x * reach * 1.5, corner_y + sign_y * reach)
            arrows.append((outer, inner) if inward else (inner, outer))
    return arrows


def draw_move(draw: ImageDraw.ImageDraw, move: CameraMove, frame: Box, unit: float) -> None:
    thickness = unit * 0.014
    for start, end in move_arrows(move, frame, unit):
        draw.polygon(
            arrow_points(start, end, thickness),
            fill=FILL,
            outline=EDGE,
            width=max(1, round(thickness * 0.3)),
        )
