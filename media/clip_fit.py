"""A provider's moving clip (ComfyUI image-to-video) re-encoded as a shot clip.

Whatever size, rate and length the model made, the clip becomes the film's clip profile
(media.shot.x264_args: codec, rate, GOP, timebase) at the frame size, cropped to fill it,
and exactly the shot's frame count: a short clip holds its last frame, a long one is cut.
So the film still joins every clip by stream copy. Data first, then argv; the filter is
built from numbers only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from media.profile import RenderProfile
from media.shot import x264_args


@dataclass(frozen=True)
class ClipFitPlan:
    source: Path
    duration_s: float
    clip_out: Path
    profile: RenderProfile
    ffmpeg: str = "ffmpeg"


def clip_fit_argv(plan: ClipFitPlan) -> list[str]:
    profile = plan.profile
    frames = profile.frames_for(plan.duration_s)
    width, height = profile.width, profile.height
    graph = (
        f"fps={profile.fps},"
        f"scale={width}:{height}:force_original_aspect_ratio=increase,"
        f"crop={width}:{height},setsar=1,"
        f"tpad=stop_mode=clone:stop_duration={plan.duration_s:.3f}"
    )
    return [
        plan.ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        "-progress", "pipe:1", "-nostats",
        "-i", str(plan.source),
        "-vf", graph, "-an",
        *x264_args(profile), "-frames:v", str(frames),
        "-movflags", "+faststart",
        str(plan.clip_out),
    ]  # fmt: skip


def first_frame_argv(
    source: Path, out: Path, size: tuple[int, int], ffmpeg: str = "ffmpeg"
) -> list[str]:
    """The clip's first frame as a still of `size` (the shot's background and poster)."""
    width, height = size
    graph = f"scale={width}:{height}:force_original_aspect_ratio=increase,crop={width}:{height}"
    return [ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
            "-i", str(source), "-vf", graph, "-frames:v", "1", str(out)]  # fmt: skip
