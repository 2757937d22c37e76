"""The project's Prometheus series (prometheus_client's default registry)."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

# Workers
ACTIVITY_SECONDS = Histogram(
    "filmstudio_activity_seconds",
    "Wall time of one activity attempt (render_shot, compose_film, ...)",
    ["activity"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80, 160, 320),
)
ACTIVITY_FAILURES = Counter(
    "filmstudio_activity_failures",
    "Activity attempts that raised, by activity and error type",
    ["activity", "error_type"],
)
SHOTS_RENDERED = Counter(
    "filmstudio_shots_rendered",
    "Shot pictures made, by the visual provider that made them",
    ["provider"],
)
CLIPS = Counter(
    "filmstudio_clips",
    "Shot clips from render_shot: rendered, or reused from an earlier attempt",
    ["outcome"],
)
RENDERED_FILM_SECONDS = Counter(
    "filmstudio_rendered_film_seconds",
    "Seconds of film encoded into shot clips",
)
CREDITS_MOVED = Counter(
    "filmstudio_credits_moved_millicredits",
    "Millicredits moved by the ledger's activities, by kind",
    ["kind"],
)

# The API
HTTP_REQUESTS = Counter(
    "filmstudio_http_requests",
    "API requests, by method, route template and status",
    ["method", "route", "status"],
)
HTTP_SECONDS = Histogram(
    "filmstudio_http_request_seconds",
    "API request latency, by method and route template",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
