"""What a finished film must be, measured with ffprobe/ffmpeg."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

from media.ffmpeg import probe


def frame_md5(video: Path, at_s: float) -> str:
    done = subprocess.run(
        ["ffmpeg", "-v", "error", "-ss", f"{at_s:.3f}", "-i", str(video), "-frames:v", "1",
         "-f", "rawvideo", "-pix_fmt", "gray", "-s", "160x90", "-"],
        capture_output=True, check=True,
    )  # fmt: skip
    assert done.stdout, "no frame decoded"
    return hashlib.md5(done.stdout).hexdigest()


def mean_volume_db(video: Path) -> float:
    done = subprocess.run(
        ["ffmpeg", "-v", "info", "-i", str(video), "-map", "0:a:0", "-af", "volumedetect",
         "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    match = re.search(r"mean_volume: (-?[\d.]+) dB", done.stderr)
    assert match, done.stderr
    return float(match.group(1))


def assert_watchable(video: Path, shot_durations: list[float], size: tuple[int, int]) -> None:
    info = probe(video)
    assert (info.video_codec, info.audio_codec) == ("h264", "aac")
    assert (info.width, info.height) == size
    assert abs(info.duration_s - sum(shot_durations)) <= 0.2, (info.duration_s, shot_durations)
    middles, start = [], 0.0
    for duration in shot_durations:
        middles.append(start + duration / 2)
        start += duration
    frames = [frame_md5(video, at) for at in middles]
    assert len(set(frames)) == len(frames), "two shots show the same picture"
    assert mean_volume_db(video) > -40.0, "the soundtrack is silent"
