"""A completed film's revisions: regenerate a shot as a new take, retry failed shots.

Only the named shots are rendered again; the film is then re-composed from every shot's
current clip by stream copy, so the other shots' frames stay bit-identical. The credits
for a revision are held first, charged per shot, and the rest released. A revision that
fails leaves the published film as it was and says why in `state`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from accounts.models import to_milli
    from screenplay.model import FilmPlan
    from workflows.film_types import ShotStatus
    from workflows.tracker import FilmTracker


@dataclass(frozen=True)
class Revision:
    """Queued work: shots to render again, with the direction for their new takes."""

    shot_ids: list[str]
    notes: str = ""
    seed: int | None = None
    kind: str = "regenerate"  # regenerate | retry


def unknown_shot(film: FilmTracker, shot_id: str) -> str | None:
    """Why `regenerate_shot` must refuse this shot, or None."""
    if shot_id not in film.shots:
        known = ", ".join(list(film.shots)[:12])
        return f"no shot {shot_id!r} in this film; shots are {known}"
    return None


def failed_shots(film: FilmTracker) -> list[str]:
    return [
        shot_id
        for shot_id, track in film.shots.items()
        if track.status in (ShotStatus.PLACEHOLDER, ShotStatus.FAILED)
    ]


def revision_hold(film: FilmTracker, plan: FilmPlan, estimate: int, shot_ids: list[str]) -> int:
    """Millicredits to hold for a revision: the film's estimate, pro rata by screen time,
    rounded up to a whole credit; what is not spent is released."""
    seconds = sum(film.shot(shot_id).shot.duration_s for shot_id in shot_ids)
    share = estimate * seconds / max(plan.duration_s, 0.001)
    return to_milli(math.ceil(share / 1000))
