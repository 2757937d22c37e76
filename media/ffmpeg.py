"""Run ffmpeg/ffprobe argv lists: progress out, a typed error on failure, no orphans."""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ProgressCallback = Callable[[float], None]


class FfmpegError(RuntimeError):
    """ffmpeg or ffprobe failed: the command, its exit code and the end of its stderr."""

    def __init__(self, argv: list[str], returncode: int, stderr_tail: str) -> None:
        self.argv = argv
        self.returncode = returncode
        self.stderr_tail = stderr_tail
        super().__init__(f"{Path(argv[0]).name} exited with {returncode}: {stderr_tail.strip()}")


def run_ffmpeg(argv: list[str], on_progress: ProgressCallback | None = None) -> None:
    """Run ffmpeg; call on_progress(seconds_written) as it reports.

    argv must carry `-progress pipe:1`. If the callback raises (cancellation, or a
    heartbeat that says stop) the child is killed before the error goes up.
    """
    with tempfile.TemporaryFile() as stderr:
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr
        )
        try:
            assert proc.stdout is not None
            for raw in proc.stdout:
                key, _, value = raw.decode("ascii", "replace").strip().partition("=")
                if key == "out_time_us" and on_progress is not None and value.isdigit():
                    on_progress(int(value) / 1_000_000)
            returncode = proc.wait()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if returncode != 0:
            stderr.seek(0)
            tail = stderr.read()[-4000:].decode("utf-8", "replace")
            raise FfmpegError(argv, returncode, tail)


@dataclass(frozen=True)
class MediaInfo:
    duration_s: float
    video_codec: str | None
    audio_codec: str | None
    subtitle_codec: str | None
    width: int | None
    height: int | None
    frame_rate: float | None
    video_frames: int | None


def probe(path: Path, ffprobe: str = "ffprobe") -> MediaInfo:
    argv = [ffprobe, "-v", "error", "-of", "json", "-show_format", "-show_streams", str(path)]
    done = subprocess.run(argv, capture_output=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise FfmpegError(argv, done.returncode, done.stderr.decode("utf-8", "replace"))
    info = json.loads(done.stdout)
    streams: dict[str, dict[str, object]] = {}
    for stream in info.get("streams", []):
        streams.setdefault(str(stream.get("codec_type")), stream)
    video, audio, subs = streams.get("video", {}), streams.get("audio", {}), streams.get("subtitle")
    rate = str(video.get("avg_frame_rate") or "0/1")
    num, _, den = rate.partition("/")
    nb_frames = video.get("nb_frames")
    return MediaInfo(
        duration_s=float(info.get("format", {}).get("duration", 0.0)),
        video_codec=_str_or_none(video.get("codec_name")),
        audio_codec=_str_or_none(audio.get("codec_name")),
        subtitle_codec=_str_or_none(subs.get("codec_name")) if subs else None,
        width=_int_or_none(video.get("width")),
        height=_int_or_none(video.get("height")),
        frame_rate=float(num) / float(den) if den and float(den) else None,
        video_frames=_int_or_none(nb_frames),
    )


def _str_or_none(value: object) -> str | None:
    return str(value) if value is not None else None


def _int_or_none(value: object) -> int | None:
    return int(str(value)) if value is not None else None
