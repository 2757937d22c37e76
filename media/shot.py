"""One shot's clip: the art moved by the camera, the overlay on top, dialogue at its times.

Built as data (ShotRenderPlan), compiled to an ffmpeg argv. Every shot goes through this
one function, so all clips share codec, size, rate, timebase and GOP and can be joined
without re-encoding. Besides the clip it writes the shot's dialogue stem as PCM WAV,
sample-exact, which the final mix uses (AAC frames do not line up at clip borders).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from media.camera import zoompan_for
from media.profile import RenderProfile
from screenplay.model import CameraMove

VIDEO_TIMESCALE = 12_288  # fixed MP4 track timescale: identical across clips


@dataclass(frozen=True)
class VoiceCue:
    path: Path
    start_s: float


@dataclass(frozen=True)
class ShotRenderPlan:
    background: Path
    overlay: Path | None
    camera_move: CameraMove
    duration_s: float
    clip_out: Path
    stem_out: Path
    profile: RenderProfile
    voices: list[VoiceCue] = field(default_factory=list)
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
    return [
        "-c:a",
        "aac",
        "-b:a",
        profile.audio_bitrate,
        "-ar",
        str(profile.audio_rate),
        "-ac",
        "2",
    ]


def shot_argv(plan: ShotRenderPlan) -> list[str]:
    profile = plan.profile
    frames = profile.frames_for(plan.duration_s)
    samples = round(frames / profile.fps * profile.audio_rate)
    move = zoompan_for(plan.camera_move, frames)

    inputs = ["-i", str(plan.background)]
    if plan.overlay is not None:
        inputs += ["-i", str(plan.overlay)]
    silence_index = len(inputs) // 2
    inputs += ["-f", "lavfi", "-i", f"anullsrc=r={profile.audio_rate}:cl=stereo"]

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

    mix_inputs = [f"[{silence_index}:a]"]
    for number, cue in enumerate(plan.voices):
        index = silence_index + 1 + number
        inputs += ["-i", str(cue.path)]
        delay_ms = max(0, round(cue.start_s * 1000))
        graph.append(
            f"[{index}:a]aresample={profile.audio_rate},"
            f"aformat=sample_fmts=fltp:channel_layouts=stereo,"
            f"adelay=delays={delay_ms}:all=1[d{number}]"
        )
        mix_inputs.append(f"[d{number}]")
    graph.append(
        f"{''.join(mix_inputs)}amix=inputs={len(mix_inputs)}:duration=first:normalize=0,"
        f"atrim=end_sample={samples},asplit=2[clip_a][stem_a]"
    )

    threading = []
    if plan.threads > 0:
        threading = ["-filter_complex_threads", str(plan.threads)]
    return [
        plan.ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        "-progress", "pipe:1", "-nostats",
        *inputs,
        *threading,
        "-filter_complex", ";".join(graph),
        "-map", "[v]", "-map", "[clip_a]",
        *x264_args(profile), "-frames:v", str(frames),
        *(["-threads", str(plan.threads)] if plan.threads > 0 else []),
        *aac_args(profile),
        "-movflags", "+faststart",
        str(plan.clip_out),
        "-map", "[stem_a]", "-c:a", "pcm_s16le", "-ar", str(profile.audio_rate), "-ac", "2",
        str(plan.stem_out),
    ]  # fmt: skip
