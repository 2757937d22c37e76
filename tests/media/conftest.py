"""Helpers for tests that run the real ffmpeg, ffprobe and espeak-ng."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest


def run(argv: list[str]) -> str:
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def still(path: Path, color: str, size: str = "960x540") -> Path:
    run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"color=c={color}:s={size}",
         "-vf", "drawgrid=w=64:h=64:t=2:c=white", "-frames:v", "1", str(path)])  # fmt: skip
    return path


def speech(path: Path, text: str) -> Path:
    source = path.with_suffix(".txt")
    source.write_text(text, encoding="utf-8")
    run(["espeak-ng", "-f", str(source), "-w", str(path)])
    return path


def video_packet_hashes(path: Path) -> list[str]:
    """MD5 of every video packet's bytes as stored: equal lists mean copied, not re-encoded."""
    out = run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
               "packet=data_hash", "-show_data_hash", "md5", "-of", "csv=p=0",
               str(path)])  # fmt: skip
    return [line.strip() for line in out.splitlines() if line.strip()]


def mean_volume_db(path: Path) -> float:
    out = run(["ffmpeg", "-v", "info", "-i", str(path), "-map", "0:a:0", "-af", "volumedetect",
               "-f", "null", "-"])  # fmt: skip
    match = re.search(r"mean_volume: (-?[\d.]+) dB", out)
    assert match, out
    return float(match.group(1))


@pytest.fixture
def work(tmp_path: Path) -> Path:
    return tmp_path
