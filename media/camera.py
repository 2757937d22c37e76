"""Camera moves as zoompan expressions, one per depth layer of the shot's art.

Only numbers we computed reach these expressions: never text from a script. `on` is
zoompan's output frame index. Each move says how the window over a layer's art zooms (z)
and where it sits (fx, fy: 0..1 across the room the zoom leaves), as a function of eased
progress; moves that travel through space (truck, arc, pedestal, crane, dolly, tracking)
move near layers more than far ones, so the picture has parallax. A pan, tilt or zoom
turns the camera in place, so every depth moves alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from screenplay.model import LEGACY_MOVES, CameraMove, Move, MoveDirection, MoveSpeed

# How far moves travel, as zoom factors over the art (1.0 shows all of it).
STATIC_ZOOM = 1.12
_PAN_ZOOM = 1.3
_ZOOM_RANGE = (1.0, 1.3)
_DOLLY_REACH = 0.42  # the nearest layer's zoom grows by this much in a dolly in
_CRASH_RANGE = (1.0, 1.75)
SUBJECT_DEPTH = 0.6  # where the figures stand: an arc orbits it, tracking follows it

# Moves whose picture differs by depth; the others can move the flattened art.
PARALLAX_MOVES = frozenset(
    {Move.TRUCK, Move.ARC, Move.PEDESTAL, Move.CRANE, Move.DOLLY, Move.PUSH_IN,
     Move.PULL_OUT, Move.TRACKING, Move.STEADICAM, Move.RACK_FOCUS}
)  # fmt: skip
# Moves so fast that they are drawn with motion blur, and the frames that blur.
BLURRED_MOVES = frozenset({Move.WHIP_PAN, Move.CRASH_ZOOM})


@dataclass(frozen=True)
class CameraPlan:
    """What the render needs of a shot's camera: the move, its modifiers and a seed for
    the handheld shake (stable per shot, so a re-render draws the same frames)."""

    move: Move = Move.STATIC
    direction: MoveDirection = MoveDirection.NONE
    speed: MoveSpeed = MoveSpeed.NORMAL
    seed: int = 0

    @classmethod
    def legacy(cls, move: CameraMove) -> CameraPlan:
        kind, direction = LEGACY_MOVES[move]
        return cls(kind, direction)

    @property
    def moving(self) -> bool:
        return self.move not in (Move.STATIC, Move.RACK_FOCUS)


@dataclass(frozen=True)
class ZoomPan:
    """zoompan parameters: zoom z and window origin x, y, as ffmpeg expressions."""

    z: str
    x: str
    y: str


def num(value: float) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


@dataclass(frozen=True)
class Timing:
    """When a move runs, in output frames: it starts at `start` and lasts `length`."""

    start: float
    length: float

    def linear(self) -> str:
        return f"clip((on-{num(self.start)})/{num(max(self.length, 1.0))},0,1)"

    def eased(self) -> str:
        """Smoothstep: starts and stops gently, like a real move."""
        p = self.linear()
        return f"({p}*{p}*(3-2*{p}))"


def timing_for(camera: CameraPlan, frames: int) -> Timing:
    """Slow moves travel half as far in the whole shot; fast ones finish in half of it.
    A whip pan or crash zoom happens in a few frames, after a beat of stillness."""
    last = max(frames - 1, 1)
    if camera.move in BLURRED_MOVES:
        quick = {MoveSpeed.SLOW: 10, MoveSpeed.FAST: 4}.get(camera.speed, 6)
        length = min(float(quick), last * 0.5)
        return Timing(round(last * 0.3), length)
    if camera.speed is MoveSpeed.FAST:
        return Timing(0, last * 0.5)
    return Timing(0, last)


def amount_for(camera: CameraPlan) -> float:
    return 0.5 if camera.speed is MoveSpeed.SLOW else 1.0


def blur_frames(camera: CameraPlan, frames: int) -> tuple[int, int] | None:
    """The frames a whip pan or crash zoom smears across, or None."""
    if camera.move not in BLURRED_MOVES:
        return None
    timing = timing_for(camera, frames)
    return round(timing.start), round(timing.start + timing.length) + 2


def parallax(depth: float) -> float:
    """How much a layer at depth moves when the camera travels: far 0.3, near 1."""
    return 0.3 + 0.7 * min(max(depth, 0.0), 1.0)


def _lerp(start: float, end: float, progress: str) -> str:
    if start == end:
        return num(start)
    sign = "+" if end > start else "-"
    return f"({num(start)}{sign}{num(abs(end - start))}*{progress})"


def _sign(direction: MoveDirection, positive: MoveDirection, default: int = 1) -> int:
    if direction is MoveDirection.NONE:
        return default
    return 1 if direction is positive else -1


def _window(z: str, fx: str, fy: str) -> ZoomPan:
    return ZoomPan(z, f"(iw-iw/zoom)*{fx}", f"(ih-ih/zoom)*{fy}")


def _shake(seed: int, amplitude: float, axis: int) -> str:
    """A small deterministic shake: three sines at frequencies with irrational ratios,
    phases from the shot's seed, so the motion never repeats within a shot."""
    terms = []
    for index, (hertz, weight) in enumerate(((0.61, 0.55), (1.37, 0.3), (2.93, 0.15))):
        phase = ((seed >> (index * 5 + axis * 15)) % 997) / 997 * math.tau
        omega = math.tau * hertz * (1.0 + 0.173 * axis) / 24.0
        terms.append(f"{num(weight * amplitude)}*sin({num(omega)}*on+{num(phase)})")
    return "(" + "+".join(terms) + ")"


def zoompan_for_layer(camera: CameraPlan, frames: int, depth: float, subject: bool) -> ZoomPan:
    """The window over one layer's art: depth 0 is the far background, 1 the nearest;
    `subject` is the figures' layer (a tracking shot keeps it still in frame)."""
    timing = timing_for(camera, frames)
    eased, linear = timing.eased(), timing.linear()
    amount = amount_for(camera)
    move, direction = camera.move, camera.direction
    travel = f"(2*{eased}-1)"  # -1 .. 1 across the move
    if move in (Move.PAN, Move.WHIP_PAN):
        sign = _sign(direction, MoveDirection.RIGHT)
        return _window(num(_PAN_ZOOM), f"(0.5+{num(0.5 * sign * amount)}*{travel})", "0.5")
    if move is Move.TILT:
        sign = _sign(direction, MoveDirection.DOWN, default=-1)
        return _window(num(_PAN_ZOOM), "0.5", f"(0.5+{num(0.5 * sign * amount)}*{travel})")
    if move in (Move.ZOOM, Move.CRASH_ZOOM):
        low, high = _CRASH_RANGE if move is Move.CRASH_ZOOM else _ZOOM_RANGE
        high = low + (high - low) * amount
        inward = _sign(direction, MoveDirection.IN) > 0
        progress = eased if move is Move.CRASH_ZOOM else linear
        z = _lerp(low, high, progress) if inward else _lerp(high, low, progress)
        return _window(z, "0.5", "0.46")
    if move in (Move.DOLLY, Move.PUSH_IN, Move.PULL_OUT, Move.STEADICAM):
        reach = _DOLLY_REACH * amount * parallax(depth) * (0.7 if move is Move.PUSH_IN else 1)
        inward = move is Move.PUSH_IN or (
            move is not Move.PULL_OUT and _sign(direction, MoveDirection.IN) > 0
        )
        if move is Move.STEADICAM:
            reach *= 0.35
            sway = f"{num(0.12 * parallax(depth))}*sin({num(math.tau * 0.2 / 24)}*on)"
            return _window(_lerp(1.06, 1.06 + reach, eased), f"(0.5+{sway})", "0.47")
        z = _lerp(1.04, 1.04 + reach, eased) if inward else _lerp(1.04 + reach, 1.04, eased)
        return _window(z, "0.5", "0.45")
    if move in (Move.TRUCK, Move.TRACKING):
        sign = _sign(direction, MoveDirection.RIGHT)
        if move is Move.TRACKING and subject:
            return _window(num(_PAN_ZOOM), "0.5", "0.5")
        shift = 0.5 * sign * amount * parallax(depth)
        return _window(num(_PAN_ZOOM), f"(0.5+{num(shift)}*{travel})", "0.5")
    if move in (Move.PEDESTAL, Move.CRANE):
        sign = _sign(direction, MoveDirection.DOWN, default=-1)
        reach = 0.5 if move is Move.PEDESTAL else 1.0
        shift = 0.5 * sign * amount * reach * parallax(depth)
        fy = f"(0.5+{num(shift)}*{travel})"
        if move is Move.CRANE:  # a crane rises and sees more as it goes
            grow = 0.08 * amount * parallax(depth)
            z = _lerp(1.3, 1.3 - grow, eased) if sign < 0 else _lerp(1.3 - grow, 1.3, eased)
            return _window(z, "0.5", fy)
        return _window(num(_PAN_ZOOM), "0.5", fy)
    if move is Move.ARC:  # orbit the figures: behind them and before them move apart
        sign = _sign(direction, MoveDirection.RIGHT)
        shift = -0.5 * sign * amount * (depth - SUBJECT_DEPTH) / SUBJECT_DEPTH
        return _window(num(_PAN_ZOOM), f"(0.5+{num(shift)}*{travel})", "0.5")
    if move is Move.HANDHELD:
        amplitude = 0.07 * (1.6 if camera.speed is MoveSpeed.FAST else amount)
        fx = f"(0.5+{_shake(camera.seed, amplitude, 0)})"
        fy = f"(0.5+{_shake(camera.seed, amplitude * 0.7, 1)})"
        return _window("1.16", fx, fy)
    return _window(num(STATIC_ZOOM), "0.5", "0.5")


def zoompan_for(move: CameraMove, frames: int) -> ZoomPan:
    """The first releases' combined moves, framed as the whole picture moves."""
    return zoompan_for_layer(CameraPlan.legacy(move), frames, 0.0, subject=False)
