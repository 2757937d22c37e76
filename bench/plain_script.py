"""The baseline: what a person would script by hand, one shot after another.

Per shot: espeak-ng speaks the line, ffmpeg draws a titled frame, moves the camera across
it and lays the voice under it, with the same encoder settings as the system; then the
clips are joined, either by stream copy (the concat demuxer: fast, and right only because
every clip was encoded alike) or by re-encoding (the concat filter: what a script does when
it cannot promise that). No score, no subtitles, no retries, no progress.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from media.camera import zoompan_for
from media.placeholder import filter_path
from media.profile import RenderProfile
from media.shot import aac_args, x264_args
from screenplay.model import CameraMove

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


@dataclass(frozen=True)
class PlainShot:
    caption: str
    line: str
    move: CameraMove
    duration_s: float


def _run(argv: list[str]) -> None:
    subprocess.run(argv, check=True, stdin=subprocess.DEVNULL, capture_output=True)


def render_plain(
    shots: list[PlainShot], work: Path, profile: RenderProfile, join: str = "copy"
) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    art_w, art_h = profile.art_size
    clips = []
    for number, shot in enumerate(shots):
        text, voice, clip = work / f"{number}.txt", work / f"{number}.wav", work / f"{number}.mp4"
        (work / f"{number}.line.txt").write_text(shot.line, encoding="utf-8")
        text.write_text(shot.caption, encoding="utf-8")
        _run(["espeak-ng", "-f", str(work / f"{number}.line.txt"), "-w", str(voice)])
        frames = profile.frames_for(shot.duration_s)
        move = zoompan_for(shot.move, frames)
        picture = (
            f"drawtext=fontfile={filter_path(FONT)}:textfile={filter_path(text)}:expansion=none:"
            "fontsize=48:"
            f"fontcolor=white:x=(w-tw)/2:y=h-160,format=yuv420p,"
            f"zoompan=z='{move.z}':x='{move.x}':y='{move.y}':d={frames}"
            f":s={profile.width}x{profile.height}:fps={profile.fps}"
        )
        _run([
            "ffmpeg", "-v", "error", "-y",
            "-f", "lavfi", "-i", f"gradients=s={art_w}x{art_h}:seed={number}:d=1",
            "-i", str(voice),
            "-filter_complex",
            f"[0:v]trim=end_frame=1,{picture}[v];[1:a]adelay=delays=400:all=1,apad[a]",
            "-map", "[v]", "-map", "[a]", *x264_args(profile), "-frames:v", str(frames),
            *aac_args(profile), "-t", f"{frames / profile.fps:.3f}", str(clip),
        ])  # fmt: skip
        clips.append(clip)
    film = work / "film.mp4"
    if join == "copy":
        listing = work / "clips.txt"
        listing.write_text("".join(f"file '{clip}'\n" for clip in clips))
        _run(["ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(listing),
              "-c", "copy", "-movflags", "+faststart", str(film)])  # fmt: skip
        return film
    inputs = [arg for clip in clips for arg in ("-i", str(clip))]
    streams = "".join(f"[{n}:v][{n}:a]" for n in range(len(clips)))
    _run(["ffmpeg", "-v", "error", "-y", *inputs,
          "-filter_complex", f"{streams}concat=n={len(clips)}:v=1:a=1[v][a]",
          "-map", "[v]", "-map", "[a]", *x264_args(profile), *aac_args(profile),
          "-movflags", "+faststart", str(film)])  # fmt: skip
    return film
