"""A shot's dialogue stem: its voice lines at their times, as sample-exact 48 kHz PCM."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from media.profile import RenderProfile


class Treatment(StrEnum):
    """How a line sits in the scene, from its cue's extension."""

    ON_SCREEN = "on_screen"
    VOICE_OVER = "voice_over"  # (V.O.): close, dry, present, as if narrated into the ear
    OFF_SCREEN = "off_screen"  # (O.S.), (O.C.): muffled and further away, in the room


_TREATMENT_FILTERS = {
    Treatment.ON_SCREEN: "",
    Treatment.VOICE_OVER: "highpass=f=90,acompressor=threshold=0.1:ratio=3:attack=5:release=120,"
    "volume=1.15,",
    Treatment.OFF_SCREEN: "lowpass=f=2200,volume=0.55,aecho=0.8:0.6:45|70:0.3|0.2,",
}


def treatment_for(extension: str) -> Treatment:
    """The cue extension as written ("V.O.", "O.S.", "CONT'D") to its treatment."""
    letters = "".join(ch for ch in extension.upper() if ch.isalpha())
    if letters in ("VO", "VOICEOVER"):
        return Treatment.VOICE_OVER
    if letters in ("OS", "OC", "OFFSCREEN", "OFFCAMERA"):
        return Treatment.OFF_SCREEN
    return Treatment.ON_SCREEN


@dataclass(frozen=True)
class VoiceCue:
    path: Path
    start_s: float
    treatment: Treatment = Treatment.ON_SCREEN


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
            f"[{number}:a]aresample={profile.audio_rate},{_TREATMENT_FILTERS[cue.treatment]}"
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
