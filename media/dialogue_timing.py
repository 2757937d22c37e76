"""Where each dialogue line sits inside its shot. Pure arithmetic, used by the workflow."""

from __future__ import annotations

LEAD_IN_S = 0.4  # silence before the first line
GAP_S = 0.3  # between two lines
TAIL_S = 0.3  # after the last line
MIN_LINE_S = 0.6


def line_budgets(shot_duration_s: float, texts: list[str]) -> list[float]:
    """The most time each line may take, shared by length, so the dialogue fits the shot."""
    if not texts:
        return []
    room = shot_duration_s - LEAD_IN_S - TAIL_S - GAP_S * (len(texts) - 1)
    weights = [max(len(text), 1) for text in texts]
    total = sum(weights)
    return [round(max(room * weight / total, MIN_LINE_S), 3) for weight in weights]


def line_starts(clip_durations_s: list[float]) -> list[float]:
    starts, cursor = [], LEAD_IN_S
    for duration in clip_durations_s:
        starts.append(round(cursor, 3))
        cursor += duration + GAP_S
    return starts
