"""The encoding profile every shot shares, so clips join without re-encoding."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderProfile:
    width: int = 1280
    height: int = 720
    fps: int = 24
    crf: int = 20
    x264_preset: str = "veryfast"
    audio_rate: int = 48_000
    audio_bitrate: str = "192k"
    # The art behind a camera move is drawn larger than the frame, so pans and zooms
    # reveal real picture instead of stretching pixels.
    art_scale: float = 1.5

    @property
    def art_size(self) -> tuple[int, int]:
        return _even(self.width * self.art_scale), _even(self.height * self.art_scale)

    def frames_for(self, duration_s: float) -> int:
        return max(1, round(duration_s * self.fps))


def _even(value: float) -> int:
    return round(value / 2.0) * 2
