"""Providers that are always down, for failover drills: put one first in a chain
(FILMSTUDIO_VISUAL_PROVIDER=outage,animatic) and every shot moves to the next provider."""

from __future__ import annotations

from pathlib import Path

from providers.base import FrameArt, FrameRequest, ScoreCue, ScoreTrack
from providers.errors import ProviderUnavailable


class OutageVisualProvider:
    name = "outage"
    price_per_second = 0.0

    def render_frame(self, request: FrameRequest, out_dir: Path) -> FrameArt:
        raise ProviderUnavailable(f"{self.name}: the service is unavailable (a drill)")


class OutageMusicProvider:
    """A score service that is always down: FILMSTUDIO_MUSIC_PROVIDER=outage,synth-score."""

    name = "outage"
    price_per_second = 0.0

    def compose(
        self, cues: list[ScoreCue], seed: str, out_path: Path, sample_rate: int
    ) -> ScoreTrack:
        raise ProviderUnavailable(f"{self.name}: the service is unavailable (a drill)")
