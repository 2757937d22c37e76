"""The film: shot clips joined without re-encoding, the score ducked under the dialogue,
subtitles as an MP4 text track, faststart for streaming players."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from media.profile import RenderProfile
from media.shot import aac_args

# Music sits under the dialogue: its own level, then a sidechain duck when someone speaks.
MUSIC_GAIN = 0.55
DUCK = "threshold=0.015:ratio=6:attack=30:release=450:makeup=1"


@dataclass(frozen=True)
class FilmComposePlan:
    clips_list: Path  # concat-demuxer list of the shot clips (video copied)
    stems_list: Path  # concat-demuxer list of the shots' PCM dialogue stems
    score: Path
    subtitles: Path | None  # SRT; None when nobody speaks
    video_out: Path
    profile: RenderProfile
    ffmpeg: str = "ffmpeg"


def concat_list(paths: list[Path]) -> str:
    """A concat-demuxer list. Paths are ones the system built; quotes escaped regardless."""
    lines = ["ffconcat version 1.0"]
    for path in paths:
        quoted = str(path.resolve()).replace("'", "'\\''")
        lines.append(f"file '{quoted}'")
    return "\n".join(lines) + "\n"


def compose_argv(plan: FilmComposePlan) -> list[str]:
    # Every clip has the same parameter sets (media.shot), so the concat demuxer need not
    # insert them in-band: packets stay byte-identical to the shots' own.
    inputs = [
        "-f", "concat", "-safe", "0", "-auto_convert", "0", "-i", str(plan.clips_list),
        "-f", "concat", "-safe", "0", "-i", str(plan.stems_list),
        "-i", str(plan.score),
    ]  # fmt: skip
    maps = ["-map", "0:v:0", "-map", "[mix]"]
    subtitle_args: list[str] = []
    if plan.subtitles is not None:
        inputs += ["-f", "srt", "-sub_charenc", "UTF-8", "-i", str(plan.subtitles)]
        maps += ["-map", "3:s:0"]
        subtitle_args = ["-c:s", "mov_text", "-metadata:s:s:0", "language=eng"]
    rate = plan.profile.audio_rate
    graph = ";".join(
        [
            f"[1:a]aformat=sample_fmts=fltp:sample_rates={rate}:channel_layouts=stereo,"
            "asplit=2[dialogue][key]",
            f"[2:a]aformat=sample_fmts=fltp:sample_rates={rate}:channel_layouts=stereo,"
            f"volume={MUSIC_GAIN}[music]",
            f"[music][key]sidechaincompress={DUCK}[ducked]",
            "[dialogue][ducked]amix=inputs=2:duration=first:normalize=0,"
            "alimiter=limit=0.95:level=disabled[mix]",
        ]
    )
    return [
        plan.ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        "-progress", "pipe:1", "-nostats",
        *inputs,
        "-filter_complex", graph,
        *maps,
        "-c:v", "copy",
        *aac_args(plan.profile),
        *subtitle_args,
        "-movflags", "+faststart",
        str(plan.video_out),
    ]  # fmt: skip


def poster_argv(video: Path, at_s: float, out: Path, ffmpeg: str = "ffmpeg") -> list[str]:
    return [
        ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        "-ss", f"{max(at_s, 0.0):.3f}", "-i", str(video),
        "-frames:v", "1", "-q:v", "3", str(out),
    ]  # fmt: skip
