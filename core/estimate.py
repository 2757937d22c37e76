"""What a plan will cost before anything is spent: credits from the providers' prices, and
how long the render should take on the default workers."""

from __future__ import annotations

import math
from dataclasses import dataclass

from media.profile import RenderProfile
from screenplay.model import FilmPlan

# Measured with `make bench` on the 2-core reference machine: about 0.37 s of wall time per
# second of 1280x720 film, plus a fixed start; scaled by pixels for other sizes.
RENDER_S_PER_FILM_S_720P = 0.37
RENDER_FIXED_S = 2.0


@dataclass(frozen=True)
class Prices:
    picture_per_second: float
    voice_per_character: float
    music_per_second: float
    render_per_second: float
    picture_per_shot: float = 0.0  # generative providers price each picture (per image)


@dataclass(frozen=True)
class Estimate:
    credits: int  # rounded up: what a job holds before it starts
    render_seconds: float
    picture: float
    voice: float
    music: float
    render: float


def estimate(plan: FilmPlan, prices: Prices, profile: RenderProfile) -> Estimate:
    seconds = plan.duration_s
    characters = sum(len(line.text) for shot in plan.shots for line in shot.dialogue)
    picture = prices.picture_per_second * seconds + prices.picture_per_shot * len(plan.shots)
    voice = prices.voice_per_character * characters
    music = prices.music_per_second * seconds
    render = prices.render_per_second * seconds
    pixels = (profile.width * profile.height) / (1280 * 720)
    return Estimate(
        credits=math.ceil(round(picture + voice + music + render, 6)),
        render_seconds=round(RENDER_FIXED_S + seconds * RENDER_S_PER_FILM_S_720P * pixels, 1),
        picture=round(picture, 3),
        voice=round(voice, 3),
        music=round(music, 3),
        render=round(render, 3),
    )
