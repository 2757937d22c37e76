"""A machine's scratch copy of the object store, kept under a size: least recently used
files go first.

The scratch folder is only a cache (storage/s3.py): a file that is gone is fetched again.
So past `max_bytes` the files used longest ago are deleted, down to nine tenths of it,
never one used within `grace_s` (an activity may be about to hand it to ffmpeg) and never
a file being written or fetched (dot-named temps). Use is the file's mtime, which the
store sets whenever it hands a copy out. A trim walks the folder, so it runs at most every
`interval_s`, from one thread at a time.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

LOW_WATER = 0.9  # a trim deletes down to this share of the limit


@dataclass(frozen=True)
class Trimmed:
    files: int
    bytes: int
    kept_bytes: int  # what the folder holds after the trim


class ScratchCache:
    def __init__(
        self, root: Path, max_bytes: int, grace_s: float = 600.0, interval_s: float = 30.0
    ) -> None:
        self.root = root
        self.max_bytes = max_bytes  # 0: keep everything
        self.grace_s = grace_s
        self.interval_s = interval_s
        self._lock = threading.Lock()
        self._last = float("-inf")

    def used(self, path: Path) -> None:
        """Mark a copy as used now (it moves to the back of the eviction order)."""
        with contextlib.suppress(FileNotFoundError):
            os.utime(path)

    def maybe_trim(self) -> Trimmed | None:
        """Trim if the limit is set, no trim ran within `interval_s` and none is running."""
        if self.max_bytes <= 0 or time.monotonic() - self._last < self.interval_s:
            return None
        if not self._lock.acquire(blocking=False):
            return None
        try:
            self._last = time.monotonic()
            return self.trim()
        finally:
            self._lock.release()

    def trim(self) -> Trimmed:
        files = []
        total = 0
        for folder, _, names in os.walk(self.root):
            for name in names:
                if name.startswith("."):  # a write or a fetch in progress
                    continue
                path = Path(folder, name)
                try:
                    info = path.stat()
                except FileNotFoundError:
                    continue
                files.append((info.st_mtime, info.st_size, path))
                total += info.st_size
        if total <= self.max_bytes:
            return Trimmed(0, 0, total)
        target = self.max_bytes * LOW_WATER
        cutoff = time.time() - self.grace_s
        removed = freed = 0
        for mtime, size, path in sorted(files):
            if total - freed <= target or mtime > cutoff:
                break
            try:
                settled = path.parent.stat().st_mtime <= cutoff  # (unlink changes it)
                path.unlink()
            except FileNotFoundError:
                continue
            removed, freed = removed + 1, freed + size
            if settled:
                _prune(path.parent, self.root)
        return Trimmed(removed, freed, total - freed)


def _prune(folder: Path, root: Path) -> None:
    """Remove folders the trim emptied, up to (not including) the root. The trim prunes
    only a folder unchanged within the grace period (a writer may have just made it for a
    file); above it, each rmdir below is what changed a folder."""
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:  # not empty, or already gone
            return
        folder = folder.parent
