"""One shot's clip: the art moved by the camera (layer by layer), weather, the overlay on top.

Built as data (ShotRenderPlan), compiled to an ffmpeg argv. Every shot goes through this
one function, so all clips share codec, size, rate, timebase and GOP and join without
re-encoding. Clips are picture only: the shot's sound is its dialogue stem (media.dialogue),
and the film's sound is the soundtrack mixed from the stems (media.compose), encoded once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from media.camera import CameraPlan
from media.picture import EffectSource, LayerSource, picture_graph
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
    # The layered art (issue 8): depth planes moved apart, animated effects, the full move.
    layers: tuple[LayerSource, ...] = ()
    effects: tuple[EffectSource, ...] = ()
    camera: CameraPlan | None = None  # None: the legacy camera_move

    @property
    def camera_plan(self) -> CameraPlan:
        return self.camera if self.camera is not None else CameraPlan.legacy(self.camera_move)


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
    picture = picture_graph(
        plan.background, plan.layers, plan.effects, plan.camera_plan, frames, profile
    )
    inputs = [arg for path in picture.inputs for arg in ("-i", str(path))]
    graph = list(picture.chains)
    if plan.overlay is not None:
        inputs += ["-i", str(plan.overlay)]
        # Overlay in YUV: converting the moving picture to RGB per frame costs 2x the encode.
        graph.append(f"[{picture.next_input}:v]format=yuva420p[ov]")
        graph.append(f"[{picture.output}][ov]overlay=0:0:format=yuv420,setsar=1[v]")
    else:
        graph.append(f"[{picture.output}]format=yuv420p,setsar=1[v]")
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
