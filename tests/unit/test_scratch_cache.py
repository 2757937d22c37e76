"""A machine's scratch copy kept under its size: the copies used longest ago go first,
never one used within the grace period or one being written, and emptied folders go too."""

from __future__ import annotations

import os
import time
from pathlib import Path

from storage.scratch import ScratchCache


def _file(root: Path, name: str, size: int, age_s: float) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    when = time.time() - age_s
    os.utime(path, (when, when))
    os.utime(path.parent, (when, when))
    return path


def test_the_least_recently_used_go_first_down_to_nine_tenths(tmp_path: Path) -> None:
    old = _file(tmp_path, "jobs/a/shots/01-01/clip.mp4", 400, age_s=4000)
    older = _file(tmp_path, "jobs/b/score.wav", 400, age_s=5000)
    recent = _file(tmp_path, "jobs/c/film.mp4", 400, age_s=3000)
    trimmed = ScratchCache(tmp_path, max_bytes=700, grace_s=600).trim()  # to 630 bytes
    assert (trimmed.files, trimmed.bytes, trimmed.kept_bytes) == (2, 800, 400)
    assert not older.exists() and not old.exists() and recent.exists()
    assert not (tmp_path / "jobs/a").exists() and not (tmp_path / "jobs/b").exists()


def test_under_the_limit_nothing_goes(tmp_path: Path) -> None:
    kept = _file(tmp_path, "jobs/a/clip.mp4", 400, age_s=9000)
    assert ScratchCache(tmp_path, max_bytes=1000).trim().files == 0 and kept.exists()


def test_copies_in_use_and_writes_in_progress_stay_over_the_limit(tmp_path: Path) -> None:
    cache = ScratchCache(tmp_path, max_bytes=500, grace_s=600)
    handed_out = _file(tmp_path, "jobs/a/background.png", 400, age_s=9000)
    cache.used(handed_out)  # an activity just got this copy
    writing = _file(tmp_path, "jobs/a/.clip.mp4.1a2b3c4d.partial.mp4", 400, age_s=9000)
    fresh = _file(tmp_path, "jobs/b/line-1.wav", 400, age_s=10)
    trimmed = cache.trim()
    assert trimmed.files == 0 and trimmed.kept_bytes == 800  # temps are not counted
    assert handed_out.exists() and writing.exists() and fresh.exists()


def test_a_trim_runs_at_most_once_an_interval_and_not_at_all_without_a_limit(
    tmp_path: Path,
) -> None:
    _file(tmp_path, "jobs/a/clip.mp4", 400, age_s=9000)
    assert ScratchCache(tmp_path, max_bytes=0).maybe_trim() is None
    cache = ScratchCache(tmp_path, max_bytes=100, grace_s=0, interval_s=3600)
    first = cache.maybe_trim()
    assert first is not None and first.files == 1
    _file(tmp_path, "jobs/b/clip.mp4", 400, age_s=9000)
    assert cache.maybe_trim() is None  # within the interval
