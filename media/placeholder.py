"""A titled card that stands in for a shot that could not be rendered.

Encoded with the shots' own parameters (media.shot), so it joins the film without
re-encoding. Its text (the shot and the failure) reaches ffmpeg through a file, with
expansion off: never through the filter string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from media.profile import RenderProfile
from media.shot import x264_args

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
CARD_COLOR = "0x1d2330"


@dataclass(frozen=True)
class PlaceholderPlan:
    text_file: Path  # UTF-8, a few short lines
    duration_s: float
    clip_out: Path
    profile: RenderProfile
    font: str = FONT
    ffmpeg: str = "ffmpeg"


_FILTER_SAFE = re.compile(r"[A-Za-z0-9_./-]+")


def filter_path(path: Path | str) -> str:
    """A path that may stand inside a filter string: only characters with no meaning there."""
    text = str(path)
    if not _FILTER_SAFE.fullmatch(text):
        raise ValueError(f"path {text!r} has characters a filter string would interpret")
    return text


def placeholder_argv(plan: PlaceholderPlan) -> list[str]:
    profile = plan.profile
    frames = profile.frames_for(plan.duration_s)
    size = max(12, profile.height // 22)
    card = (
        f"color=c={CARD_COLOR}:s={profile.width}x{profile.height}:r={profile.fps},"
        f"drawtext=fontfile={filter_path(plan.font)}:textfile={filter_path(plan.text_file)}:"
        "expansion=none:"
        f"fontsize={size}:fontcolor=white:line_spacing={size // 2}:"
        "x=(w-text_w)/2:y=(h-text_h)/2,format=yuv420p,setsar=1"
    )
    return [
        plan.ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        "-f", "lavfi", "-i", card,
        "-an", *x264_args(profile), "-frames:v", str(frames),
        "-movflags", "+faststart",
        str(plan.clip_out),
    ]  # fmt: skip
