"""Benchmark: one 5 s 1280x720 shot rendered by the layered camera vs the first releases'.

    .venv/bin/python -m bench.camera_moves            (--runs 3)

The baseline is the first releases' graph: the flattened art moved by one zoompan in
4:2:0 at the art's own size. The system is media.shot.shot_argv with the shot's layers.
Prints ffmpeg CPU seconds (the median of the runs) for each and the ratio, and for a slow
pan over a soft dot how far each frame strays from the eased path (rms, output pixels).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

from media.camera import CameraPlan, zoompan_for
from media.ffmpeg import run_ffmpeg
from media.picture import LayerSource
from media.profile import RenderProfile
from media.shot import ShotRenderPlan, shot_argv, x264_args
from providers.animatic.provider import AnimaticProvider
from providers.base import FrameArt, FrameRequest, SceneContext
from screenplay.model import (
    CameraMove,
    DialogueLine,
    Move,
    MoveDirection,
    Shot,
    ShotType,
    legacy_move,
)

PROFILE = RenderProfile()
MOVES = [
    (Move.STATIC, MoveDirection.NONE),
    (Move.PAN, MoveDirection.RIGHT),
    (Move.DOLLY, MoveDirection.IN),
    (Move.TRUCK, MoveDirection.RIGHT),
    (Move.HANDHELD, MoveDirection.NONE),
]


def baseline_argv(background: Path, move: CameraMove, out: Path) -> list[str]:
    frames = PROFILE.frames_for(5.0)
    zoom = zoompan_for(move, frames)
    graph = (
        f"[0:v]format=yuv420p,zoompan=z='{zoom.z}':x='{zoom.x}':y='{zoom.y}':d={frames}"
        f":s={PROFILE.width}x{PROFILE.height}:fps={PROFILE.fps},setsar=1[v]"
    )
    return ["ffmpeg", "-v", "error", "-y", "-i", str(background), "-filter_complex", graph,
            "-map", "[v]", *x264_args(PROFILE), "-frames:v", str(frames), str(out)]  # fmt: skip


def system_argv(art: FrameArt, camera: CameraPlan, out: Path, layered: bool = True) -> list[str]:
    layers = tuple(LayerSource(layer.path, layer.depth, layer.role) for layer in art.layers)
    plan = ShotRenderPlan(
        art.background, None, CameraMove.STATIC, 5.0, out, PROFILE,
        layers=layers if layered else (), camera=camera,
    )  # fmt: skip
    return shot_argv(plan)


def cpu_seconds(argv: list[str], runs: int) -> float:
    spent = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        run_ffmpeg(argv)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(spent)


def stray_px(clip: Path) -> float:
    """The dot's centre per frame, against a cubic fit (an eased move is a cubic)."""
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(clip), "-f", "rawvideo", "-pix_fmt", "gray", "-"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    video = np.frombuffer(raw, np.uint8).reshape(-1, PROFILE.height, PROFILE.width)
    xs = []
    for frame in video.astype(np.float32):
        weight = np.clip(frame - 10, 0, None)
        xs.append(float((weight.sum(axis=0) * np.arange(PROFILE.width)).sum() / weight.sum()))
    t = np.arange(len(xs))
    fit = np.polyval(np.polyfit(t, xs, 3), t)
    return float(np.sqrt(np.mean((np.array(xs) - fit) ** 2)))


def dot_art(path: Path) -> Path:
    w, h = PROFILE.art_size
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    dot = np.exp(-((x - w / 2) ** 2 + (y - h / 2) ** 2) / (2 * (h * 0.011) ** 2)) * 255
    Image.fromarray(dot.astype(np.uint8)).convert("RGB").save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (median kept)")
    runs = parser.parse_args().runs
    scene = SceneContext(1, "EXT. HARBOUR - DAY", "EXT", "HARBOUR", "DAY", ["MAYA", "JONAS"])
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        print(f"5 s {PROFILE.width}x{PROFILE.height} shot, ffmpeg CPU seconds (median of {runs})")
        for move, direction in MOVES:
            line = [DialogueLine("MAYA", "Here.", 3)]
            shot = Shot("01-01", 1, ShotType.TWO_SHOT, CameraMove.STATIC, 5.0, "They wait.",
                        line, move=move, direction=direction)  # fmt: skip
            art = AnimaticProvider().render_frame(FrameRequest("T", scene, shot, PROFILE), work)
            legacy = legacy_move(move, direction)
            base = cpu_seconds(baseline_argv(art.background, legacy, work / "b.mp4"), runs)
            system = cpu_seconds(
                system_argv(art, CameraPlan(move, direction), work / "s.mp4"), runs
            )
            label = f"{move} {direction}".strip()
            note = (
                ""
                if legacy is not CameraMove.STATIC or move is Move.STATIC
                else " (baseline: static)"
            )
            print(f"  {label:16s} baseline {base:5.2f}  system {system:5.2f}  "
                  f"ratio {system / base:4.2f}{note}")  # fmt: skip
        dot = FrameArt(dot_art(work / "dot.png"), None)
        pan = CameraPlan(Move.PAN, MoveDirection.RIGHT)
        run_ffmpeg(baseline_argv(dot.background, CameraMove.PAN_RIGHT, work / "b.mp4"))
        run_ffmpeg(system_argv(dot, pan, work / "s.mp4", layered=False))
        base_px, system_px = stray_px(work / "b.mp4"), stray_px(work / "s.mp4")
        print(
            f"pan right over a soft dot, each frame's stray from the eased path (rms px): "
            f"baseline {base_px:.3f}  system {system_px:.3f}  ratio {system_px / base_px:.2f}"
        )


if __name__ == "__main__":
    main()
