"""Camera moves as zoompan expressions over the shot's art.

Only numbers we computed reach these expressions: never text from a script.
`on` is zoompan's output frame index; `p` below is eased progress from 0 to 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from screenplay.model import CameraMove

# How far each move travels, as zoom factors over the art (1.0 shows all of it).
_PAN_ZOOM = 1.3
_ZOOM_RANGE = (1.0, 1.3)
_DOLLY_RANGE = (1.0, 1.45)
_STATIC_ZOOM = 1.12


@dataclass(frozen=True)
class ZoomPan:
    """zoompan parameters: zoom z and window origin x, y, as ffmpeg expressions."""

    z: str
    x: str
    y: str


def _num(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _eased(frames: int) -> str:
    """Smoothstep progress over the shot: starts and stops gently, like a real move."""
    last = _num(max(frames - 1, 1))
    p = f"min(on/{last},1)"
    return f"({p}*{p}*(3-2*{p}))"


def _linear(frames: int) -> str:
    return f"min(on/{_num(max(frames - 1, 1))},1)"


def _between(start: float, end: float, progress: str) -> str:
    return f"({_num(start)}+{_num(end - start)}*{progress})"


_CENTER_X = "(iw-iw/zoom)/2"
_CENTER_Y = "(ih-ih/zoom)/2"


def zoompan_for(move: CameraMove, frames: int) -> ZoomPan:
    eased = _eased(frames)
    travel_x = "(iw-iw/zoom)"
    travel_y = "(ih-ih/zoom)"
    if move is CameraMove.PAN_LEFT:  # the view travels left: window from right to left
        return ZoomPan(_num(_PAN_ZOOM), f"{travel_x}*(1-{eased})", _CENTER_Y)
    if move is CameraMove.PAN_RIGHT:
        return ZoomPan(_num(_PAN_ZOOM), f"{travel_x}*{eased}", _CENTER_Y)
    if move is CameraMove.TILT_UP:
        return ZoomPan(_num(_PAN_ZOOM), _CENTER_X, f"{travel_y}*(1-{eased})")
    if move is CameraMove.TILT_DOWN:
        return ZoomPan(_num(_PAN_ZOOM), _CENTER_X, f"{travel_y}*{eased}")
    if move is CameraMove.ZOOM_IN:  # a lens zoom: steady rate
        return ZoomPan(_between(*_ZOOM_RANGE, _linear(frames)), _CENTER_X, _CENTER_Y)
    if move is CameraMove.ZOOM_OUT:
        return ZoomPan(
            _between(_ZOOM_RANGE[1], _ZOOM_RANGE[0], _linear(frames)), _CENTER_X, _CENTER_Y
        )
    if move is CameraMove.DOLLY_IN:  # a dolly: eased, travels further, drifts slightly up
        return ZoomPan(_between(*_DOLLY_RANGE, eased), _CENTER_X, f"{_CENTER_Y}*0.9")
    if move is CameraMove.DOLLY_OUT:
        return ZoomPan(
            _between(_DOLLY_RANGE[1], _DOLLY_RANGE[0], eased), _CENTER_X, f"{_CENTER_Y}*0.9"
        )
    return ZoomPan(_num(_STATIC_ZOOM), _CENTER_X, _CENTER_Y)
