"""One shot's clip: the art moved by the camera, the overlay on top.

Built as data (ShotRenderPlan), compiled to an ffmpeg argv. Every shot goes through this
one function, so all clips share codec, size, rate, timebase and GOP and join without
re-encoding. Clips are picture only: the shot's sound is its dialogue stem (media.dialogue),
and the film's sound is the soundtrack mixed from the stems (media.compose), encoded once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from media.camera import zoompan_for
from media.profile import RenderProfile
from screenplay.model import CameraMove

VIDEO_TIMESCALE = 12_288  # fixed MP4 track timescale: identical across clips


@dataclass(frozen=True)
class ShotRenderPlan:
    background: Path
    overlay: Path | None
    camera_move: CameraMove
    duration_s: float
    clip_out: Path
    profile: RenderProfile
    # Threads for this one ffmpeg (0: ffmpeg's own choice). A worker running several renders
    # at once gives each a share of the cores: oversubscribed encoders only slow each other.
    threads: int = 0
    ffmpeg: str = "ffmpeg"


def x264_args(profile: RenderProfile) -> list[str]:
    return [
        "-c:v", "libx264",
        "-preset", profile.x264_preset,
        "-crf", str(profile.crf),
        "-profile:v", "high",
        "-pix_fmt", "yuv420p",
        "-r", str(profile.fps),
        "-g", str(profile.fps * 2),
        "-video_track_timescale", str(VIDEO_TIMESCALE),
    ]  # fmt: skip


def aac_args(profile: RenderProfile) -> list[str]:
    rate = str(profile.audio_rate)
    return ["-c:a", "aac", "-b:a", profile.audio_bitrate, "-ar", rate, "-ac", "2"]


def shot_argv(plan: ShotRenderPlan) -> list[str]:
    profile = plan.profile
    frames = profile.frames_for(plan.duration_s)
    move = zoompan_for(plan.camera_move, frames)
    inputs = ["-i", str(plan.background)]
    if plan.overlay is not None:
        inputs += ["-i", str(plan.overlay)]
    size = f"{profile.width}x{profile.height}"
    graph = [
        f"[0:v]format=yuv420p,zoompan=z='{move.z}':x='{move.x}':y='{move.y}'"
        f":d={frames}:s={size}:fps={profile.fps}[cam]"
    ]
    if plan.overlay is not None:
        # Overlay in YUV: converting the moving picture to RGB per frame costs 2x the encode.
        graph.append("[1:v]format=yuva420p[ov]")
        graph.append("[cam][ov]overlay=0:0:format=yuv420,setsar=1[v]")
    else:
        graph.append("[cam]format=yuv420p,setsar=1[v]")
    threading = ["-filter_complex_threads", str(plan.threads)] if plan.threads > 0 else []
    return [
        plan.ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        "-progress", "pipe:1", "-nostats",
        *inputs,
        *threading,
        "-filter_complex", ";".join(graph),
        "-map", "[v]", "-an",
        *x264_args(profile), "-frames:v", str(frames),
        *(["-threads", str(plan.threads)] if plan.threads > 0 else []),
        "-movflags", "+faststart",
        str(plan.clip_out),
    ]  # fmt: skip
