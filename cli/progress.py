"""A terminal progress bar: redrawn in place on a TTY, one line per change otherwise."""

from __future__ import annotations

import shutil
import sys
from typing import TextIO


class ProgressBar:
    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._last = ""

    def update(self, percent: int, label: str) -> None:
        width = max(10, min(40, shutil.get_terminal_size((80, 20)).columns - len(label) - 12))
        filled = round(width * max(0, min(percent, 100)) / 100)
        line = f"[{'#' * filled}{'.' * (width - filled)}] {percent:3d}%  {label}"
        if line == self._last:
            return
        self._last = line
        if self._tty:
            self._stream.write(f"\r\033[K{line}")
        else:
            self._stream.write(line + "\n")
        self._stream.flush()

    def close(self) -> None:
        if self._tty and self._last:
            self._stream.write("\n")
            self._stream.flush()
