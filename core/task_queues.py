"""Task-queue names: the one place they live. Each kind of work scales on its own workers."""

from __future__ import annotations

from dataclasses import dataclass

ORCHESTRATION = "film-orchestration"  # FilmWorkflow and light bookkeeping activities
MODELS = "film-models"  # pictures, voices, music
MEDIA = "film-media"  # ffmpeg work: shot clips, composition, publishing


@dataclass(frozen=True)
class TaskQueues:
    """The queues one deployment uses; FilmInput carries them so a run routes its work."""

    orchestration: str = ORCHESTRATION
    models: str = MODELS
    media: str = MEDIA

    def names(self) -> tuple[str, str, str]:
        return (self.orchestration, self.models, self.media)
