"""A shot's dialogue stem: its voice lines at their times, as sample-exact 48 kHz PCM."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from media.profile import RenderProfile


@dataclass(frozen=True)
class VoiceCue:
    path: Path
    start_s: float


@dataclass(frozen=True)
class DialogueMixPlan:
    duration_s: float
    out: Path  # WAV
    profile: RenderProfile
    voices: list[VoiceCue] = field(default_factory=list)
    ffmpeg: str = "ffmpeg"


def dialogue_argv(plan: DialogueMixPlan) -> list[str]:
    profile = plan.profile
    # The stem lasts exactly as long as the shot's frames, so stems join sample-exact.
    samples = round(profile.frames_for(plan.duration_s) / profile.fps * profile.audio_rate)
    inputs = ["-f", "lavfi", "-i", f"anullsrc=r={profile.audio_rate}:cl=stereo"]
    graph, mix = [], ["[0:a]"]
    for number, cue in enumerate(plan.voices, start=1):
        inputs += ["-i", str(cue.path)]
        graph.append(
            f"[{number}:a]aresample={profile.audio_rate},"
            "aformat=sample_fmts=fltp:channel_layouts=stereo,"
            f"adelay=delays={max(0, round(cue.start_s * 1000))}:all=1[d{number}]"
        )
        mix.append(f"[d{number}]")
    graph.append(
        f"{''.join(mix)}amix=inputs={len(mix)}:duration=first:normalize=0,"
        f"atrim=end_sample={samples}[stem]"
    )
    return [
        plan.ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        *inputs,
        "-filter_complex", ";".join(graph),
        "-map", "[stem]", "-c:a", "pcm_s16le", "-ar", str(profile.audio_rate), "-ac", "2",
        str(plan.out),
    ]  # fmt: skip
