"""The soundtrack and the film.

The soundtrack is the shots' dialogue stems joined sample-exact, with the score ducked under
them, encoded once; it needs no picture, so it is mixed while the shots render. The film is
then a remux: the shot clips' video joined without re-encoding, the soundtrack copied in,
subtitles as an MP4 text track, faststart for streaming players.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from media.profile import RenderProfile
from media.shot import aac_args

# Music sits under the dialogue: its own level, then a sidechain duck when someone speaks.
MUSIC_GAIN = 0.55
DUCK = "threshold=0.015:ratio=6:attack=30:release=450:makeup=1"


def concat_list(paths: list[Path]) -> str:
    """A concat-demuxer list. Paths are ones the system built; quotes escaped regardless."""
    lines = ["ffconcat version 1.0"]
    for path in paths:
        quoted = str(path.resolve()).replace("'", "'\\''")
        lines.append(f"file '{quoted}'")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class SoundtrackPlan:
    stems_list: Path  # concat-demuxer list of the shots' PCM dialogue stems
    score: Path
    out: Path  # .m4a
    profile: RenderProfile
    ffmpeg: str = "ffmpeg"


def soundtrack_argv(plan: SoundtrackPlan) -> list[str]:
    rate = plan.profile.audio_rate
    fmt = f"aformat=sample_fmts=fltp:sample_rates={rate}:channel_layouts=stereo"
    graph = ";".join(
        [
            f"[0:a]{fmt},asplit=2[dialogue][key]",
            f"[1:a]{fmt},volume={MUSIC_GAIN}[music]",
            f"[music][key]sidechaincompress={DUCK}[ducked]",
            "[dialogue][ducked]amix=inputs=2:duration=first:normalize=0,"
            "alimiter=limit=0.95:level=disabled[mix]",
        ]
    )
    return [
        plan.ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        "-progress", "pipe:1", "-nostats",
        "-f", "concat", "-safe", "0", "-i", str(plan.stems_list),
        "-i", str(plan.score),
        "-filter_complex", graph,
        "-map", "[mix]", *aac_args(plan.profile),
        str(plan.out),
    ]  # fmt: skip


@dataclass(frozen=True)
class FilmComposePlan:
    clips_list: Path  # concat-demuxer list of the shot clips (video copied)
    soundtrack: Path
    subtitles: Path | None  # SRT; None when nobody speaks
    video_out: Path
    ffmpeg: str = "ffmpeg"


def compose_argv(plan: FilmComposePlan) -> list[str]:
    # Every clip has the same parameter sets (media.shot), so the concat demuxer need not
    # insert them in-band: packets stay byte-identical to the shots' own.
    inputs = [
        "-f", "concat", "-safe", "0", "-auto_convert", "0", "-i", str(plan.clips_list),
        "-i", str(plan.soundtrack),
    ]  # fmt: skip
    maps = ["-map", "0:v:0", "-map", "1:a:0"]
    subtitle_args: list[str] = []
    if plan.subtitles is not None:
        inputs += ["-f", "srt", "-sub_charenc", "UTF-8", "-i", str(plan.subtitles)]
        maps += ["-map", "2:s:0"]
        subtitle_args = ["-c:s", "mov_text", "-metadata:s:s:0", "language=eng"]
    return [
        plan.ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        "-progress", "pipe:1", "-nostats",
        *inputs,
        *maps,
        "-c:v", "copy", "-c:a", "copy",
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
