"""What the shot words do to the picture, measured on frames ffmpeg rendered and decoded.

The art is the animatic's (real framing, figures, layers) over a world painted flat for
measuring (picture_checks.measuring_world), so each measure sees only what the camera did.
Frames are 320x180 except where a measure needs more.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from media.camera import CameraPlan, zoompan_for_layer
from media.ffmpeg import run_ffmpeg
from media.shot import x264_args
from providers.base import FrameArt
from screenplay.model import (
    CameraAngle,
    Move,
    MoveDirection,
    MoveSpeed,
    ShotType,
)
from tests.media.picture_checks import (
    NEAR_BAND,
    SKY_BAND,
    SMALL,
    draw,
    figure_count,
    frames,
    horizon_rows,
    measuring_world,
    render,
    sharpness,
    shift,
)

CAST = ["MAYA", "JONAS", "LEO", "ANA", "BO"]


def clip(
    tmp: Path, art: FrameArt, move: Move, direction: MoveDirection = MoveDirection.NONE,
    speed: MoveSpeed = MoveSpeed.NORMAL, seconds: float = 2.0,
) -> np.ndarray:  # fmt: skip
    name = f"{move}-{direction or 'none'}-{speed or 'normal'}.mp4"
    tmp.mkdir(parents=True, exist_ok=True)
    return frames(render(art, CameraPlan(move, direction, speed, seed=11), tmp / name, seconds))


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> FrameArt:
    """A wide two shot over specked far and near planes: motion shows at every depth."""
    return draw(tmp_path_factory.mktemp("marked"), measuring_world(marks=True, railing=True))


def motion(video: np.ndarray, band: slice, first: int = 0, last: int = -1) -> tuple[float, float]:
    """How far the picture in band travelled from frame first to last: the sum of the
    frame-to-frame shifts, so a long move never outruns the band."""
    last = last % len(video)
    steps = [shift(video[n][band], video[n + 1][band]) for n in range(first, last)]
    return float(sum(dx for dx, _ in steps)), float(sum(dy for _, dy in steps))


# --- angles: where the horizon is ---------------------------------------------------


@pytest.mark.parametrize(
    ("angle", "low", "high"),
    [
        (CameraAngle.EYE_LEVEL, 0.5, 0.7),
        (CameraAngle.HIGH, 0.15, 0.4),  # looking down: the horizon rises
        (CameraAngle.LOW, 0.75, 0.95),  # looking up: it sinks
        (CameraAngle.AERIAL, 0.0, 0.15),  # from far above: a strip of sky at the top
        (CameraAngle.WORMS_EYE, 0.9, 1.0),  # from the ground: nearly all sky
        (CameraAngle.OVERHEAD, 0.0, 0.0),  # straight down: no sky at all
    ],
)
def test_angle_sets_the_horizon_height(
    tmp_path: Path, angle: CameraAngle, low: float, high: float
) -> None:
    art = draw(tmp_path, measuring_world(marks=False), angle=angle)
    video = frames(render(art, CameraPlan(), tmp_path / "still.mp4", 0.5), gray=False)
    rows = horizon_rows(video[0], slice(4, 60))  # left of the figures
    assert low <= float(np.median(rows)) <= high, rows


def test_dutch_tilts_the_frame_and_eye_level_does_not(tmp_path: Path) -> None:
    def tilt(angle: CameraAngle) -> float:
        art = draw(tmp_path / angle, measuring_world(marks=False), angle=angle)
        video = frames(render(art, CameraPlan(), tmp_path / f"{angle}.mp4", 0.5), gray=False)
        columns = np.r_[4:90, 230:316]  # both sides of the figures
        rows = np.array([horizon_rows(video[0], slice(c, c + 1))[0] for c in columns])
        slope = np.polyfit(columns, rows * SMALL.height, 1)[0]
        return float(np.degrees(np.arctan(slope)))

    assert abs(tilt(CameraAngle.EYE_LEVEL)) < 0.5
    assert 6.0 < abs(tilt(CameraAngle.DUTCH)) < 10.0


# --- moves: direction and amount, first frame to last ---------------------------------


@pytest.mark.parametrize(
    ("move", "direction", "dx_sign", "dy_sign"),
    [
        (Move.PAN, MoveDirection.RIGHT, -1, 0),  # the view goes right: the world slides left
        (Move.PAN, MoveDirection.LEFT, 1, 0),
        (Move.TILT, MoveDirection.UP, 0, 1),  # the view goes up: the world slides down
        (Move.TILT, MoveDirection.DOWN, 0, -1),
        (Move.TRUCK, MoveDirection.RIGHT, -1, 0),
        (Move.TRUCK, MoveDirection.LEFT, 1, 0),
        (Move.PEDESTAL, MoveDirection.UP, 0, 1),
        (Move.PEDESTAL, MoveDirection.DOWN, 0, -1),
        (Move.CRANE, MoveDirection.UP, 0, 1),
        (Move.CRANE, MoveDirection.DOWN, 0, -1),
        (Move.TRACKING, MoveDirection.RIGHT, -1, 0),
        (Move.WHIP_PAN, MoveDirection.RIGHT, -1, 0),
    ],
)
def test_move_goes_its_way(
    tmp_path: Path, marked: FrameArt, move: Move, direction: MoveDirection, dx_sign: int,
    dy_sign: int,
) -> None:  # fmt: skip
    dx, dy = motion(clip(tmp_path, marked, move, direction), SKY_BAND)
    for value, sign in ((dx, dx_sign), (dy, dy_sign)):
        if sign:
            assert value * sign > 4, (dx, dy)
        else:
            assert abs(value) < 1.5, (dx, dy)


def _zoom_steps(video: np.ndarray) -> list[float]:
    """How much the picture grows from each frame to the next: the two halves of the sky
    band move apart in a zoom in (their centres are 160 px apart)."""
    band = video[:, 4:70]
    left, right = band[:, :, 10:150], band[:, :, 170:310]
    return [
        1 + (shift(right[n], right[n + 1])[0] - shift(left[n], left[n + 1])[0]) / 160
        for n in range(len(video) - 1)
    ]


def _zoom_factor(video: np.ndarray) -> float:
    return float(np.prod(_zoom_steps(video)))


@pytest.mark.parametrize(
    ("move", "direction", "grows"),
    [
        (Move.ZOOM, MoveDirection.IN, True),
        (Move.ZOOM, MoveDirection.OUT, False),
        (Move.DOLLY, MoveDirection.IN, True),
        (Move.DOLLY, MoveDirection.OUT, False),
        (Move.PUSH_IN, MoveDirection.NONE, True),
        (Move.PULL_OUT, MoveDirection.NONE, False),
        (Move.CRASH_ZOOM, MoveDirection.IN, True),
    ],
)
def test_zooms_and_dollies_grow_or_shrink_the_picture(
    tmp_path: Path, marked: FrameArt, move: Move, direction: MoveDirection, grows: bool
) -> None:
    factor = _zoom_factor(clip(tmp_path, marked, move, direction))
    assert (factor > 1.05) if grows else (factor < 0.95), factor


def test_crash_zoom_is_fast_and_large(tmp_path: Path, marked: FrameArt) -> None:
    video = clip(tmp_path, marked, Move.CRASH_ZOOM, MoveDirection.IN)
    steps = _zoom_steps(video)
    assert max(steps) > 1.06  # more than 6 % in one frame
    assert sum(step > 1.01 for step in steps) <= 10  # the rush lasts under half a second
    normal = _zoom_factor(clip(tmp_path, marked, Move.ZOOM, MoveDirection.IN))
    assert _zoom_factor(video) - 1 > 1.5 * (normal - 1), (normal, _zoom_factor(video))


# --- guards against a move that only re-labels a pan or zoom -------------------------


def test_truck_moves_the_near_plane_more_than_the_far_one(tmp_path: Path, marked: FrameArt) -> None:
    video = clip(tmp_path, marked, Move.TRUCK, MoveDirection.RIGHT)
    far, near = motion(video, SKY_BAND)[0], motion(video, NEAR_BAND)[0]
    assert far < -4 and near < -4
    assert abs(near) > 2 * abs(far), (far, near)
    pan = clip(tmp_path, marked, Move.PAN, MoveDirection.RIGHT)  # a pan turns: no parallax
    pan_far, pan_near = motion(pan, SKY_BAND)[0], motion(pan, NEAR_BAND)[0]
    assert abs(pan_near - pan_far) < 0.1 * abs(pan_far), (pan_far, pan_near)


def test_arc_moves_far_and_near_planes_in_opposite_directions(
    tmp_path: Path, marked: FrameArt
) -> None:
    video = clip(tmp_path, marked, Move.ARC, MoveDirection.RIGHT)
    far, near = motion(video, SKY_BAND)[0], motion(video, NEAR_BAND)[0]
    assert far < -4 and near > 4, (far, near)  # they swing round the figures between


def test_pedestal_moves_the_near_plane_more(tmp_path: Path, marked: FrameArt) -> None:
    video = clip(tmp_path, marked, Move.PEDESTAL, MoveDirection.UP)
    far, near = motion(video, SKY_BAND)[1], motion(video, NEAR_BAND)[1]
    assert near > 1.5 * far > 0, (far, near)


def test_rack_focus_moves_sharpness_from_near_to_far(tmp_path: Path, marked: FrameArt) -> None:
    video = clip(tmp_path, marked, Move.RACK_FOCUS)
    first, last = video[0], video[-1]
    far_before, far_after = sharpness(first[SKY_BAND]), sharpness(last[SKY_BAND])
    near_before, near_after = sharpness(first[NEAR_BAND]), sharpness(last[NEAR_BAND])
    assert far_after > 2 * far_before, (far_before, far_after)
    assert near_before > 2 * near_after, (near_before, near_after)
    assert abs(motion(video, SKY_BAND)[0]) < 0.5  # focus moves, the frame does not


def test_handheld_shake_is_small_and_never_repeats(tmp_path: Path, marked: FrameArt) -> None:
    video = clip(tmp_path, marked, Move.HANDHELD, seconds=4.0)
    path = np.array([shift(video[0][SKY_BAND], frame[SKY_BAND]) for frame in video])
    spread = path - path.mean(axis=0)
    assert 0.5 < np.abs(spread).max() < 0.04 * SMALL.width  # felt, not a move
    assert spread[:, 0].std() > 0.2 and spread[:, 1].std() > 0.2  # both ways
    x = spread[:, 0]
    closest = min(
        float(np.sqrt(np.mean((x[lag:] - x[:-lag]) ** 2))) for lag in range(6, len(x) // 2)
    )
    assert closest > 0.3 * float(x.std()), "the shake repeats itself"
    again = clip(tmp_path / "again", marked, Move.HANDHELD, seconds=4.0)
    assert np.array_equal(video, again)  # deterministic


def test_whip_pan_is_fast_and_blurred(tmp_path: Path, marked: FrameArt) -> None:
    video = clip(tmp_path, marked, Move.WHIP_PAN, MoveDirection.RIGHT)
    steps = [abs(shift(a[SKY_BAND], b[SKY_BAND])[0]) for a, b in itertools.pairwise(video)]
    assert sum(step > 2 for step in steps) <= 10  # a rush of a few frames
    assert max(steps) > 10
    rush = int(np.argmax(steps))
    assert sharpness(video[rush + 1][SKY_BAND]) < 0.5 * sharpness(video[0][SKY_BAND])
    assert abs(motion(video, SKY_BAND)[0]) > 40


# --- speed and smoothness -----------------------------------------------------------


def test_speed_changes_the_rate(tmp_path: Path, marked: FrameArt) -> None:
    def travel(speed: MoveSpeed) -> tuple[float, float]:
        video = clip(tmp_path, marked, Move.PAN, MoveDirection.RIGHT, speed)
        return motion(video, SKY_BAND, 0, len(video) // 2)[0], motion(video, SKY_BAND)[0]

    normal_mid, normal = travel(MoveSpeed.NORMAL)
    _, slow = travel(MoveSpeed.SLOW)
    fast_mid, fast = travel(MoveSpeed.FAST)
    assert 0.4 < slow / normal < 0.6  # slow: half the way in the same time
    assert abs(fast_mid) > 0.95 * abs(fast)  # fast: all the way in half the time
    assert abs(normal_mid) < 0.6 * abs(normal)


def test_slow_move_is_smooth_at_24_fps(tmp_path: Path) -> None:
    """Every frame's position on the eased path, within a fraction of a pixel; the first
    releases' graph (one zoompan in 4:2:0, which cuts its window at even pixels) strays
    more than twice as far on the same path, so the measure can tell."""
    art = draw(tmp_path, measuring_world(marks=True))
    camera = CameraPlan(Move.PAN, MoveDirection.RIGHT, MoveSpeed.SLOW)

    def stray(video: np.ndarray) -> float:
        x = np.array([shift(video[0][SKY_BAND], frame[SKY_BAND])[0] for frame in video])
        t = np.arange(len(x))
        path = np.polyval(np.polyfit(t, x, 3), t)  # smoothstep is a cubic
        assert abs(x[-1] - x[0]) > 20
        return float(np.sqrt(np.mean((x - path) ** 2)))

    smooth = stray(frames(render(art, camera, tmp_path / "pan.mp4", 3.0)))
    zoom = zoompan_for_layer(camera, 72, 0.0, subject=False)
    graph = (
        f"[0:v]format=yuv420p,zoompan=z='{zoom.z}':x='{zoom.x}':y='{zoom.y}':d=72"
        f":s={SMALL.width}x{SMALL.height}:fps={SMALL.fps}[v]"
    )
    first = tmp_path / "first-releases.mp4"
    argv = ["ffmpeg", "-v", "error", "-y", "-i", str(art.background), "-filter_complex", graph]
    run_ffmpeg([*argv, "-map", "[v]", *x264_args(SMALL), "-frames:v", "72", str(first)])
    judder = stray(frames(first))
    assert smooth < 0.25, smooth  # measured 0.20 px; the first releases' 0.51 px
    assert judder > 2 * smooth, (smooth, judder)


# --- sizes: who is in the picture ----------------------------------------------------


@pytest.mark.parametrize(
    ("shot_type", "present", "expected"),
    [
        (ShotType.TWO_SHOT, CAST, 2),
        (ShotType.TWO_SHOT, CAST[:1], 1),  # fewer present: fewer framed
        (ShotType.THREE_SHOT, CAST, 3),
        (ShotType.THREE_SHOT, CAST[:2], 2),
        (ShotType.GROUP_SHOT, CAST, 5),
        (ShotType.CLOSE_UP, CAST, 1),
        (ShotType.WIDE, (), 0),  # MAYA speaks off screen: nobody on screen, the setting alone
        (ShotType.CLOSE_UP, (), 0),
    ],
)
def test_size_frames_the_characters_present(
    tmp_path: Path, shot_type: ShotType, present: list[str], expected: int
) -> None:
    heard = () if present else ("MAYA",)
    art = draw(
        tmp_path, measuring_world(marks=False), shot_type, present=tuple(present), heard=heard
    )
    video = frames(render(art, CameraPlan(), tmp_path / "still.mp4", 0.5), gray=False)
    assert figure_count(video[0], slice(20, 170)) == expected
