"""What the workflow knows about its film as it goes: the source of `progress` and `state`.

Plain, deterministic bookkeeping with no Temporal calls, so it is easy to test alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from activities.contracts import SpokenLine
from screenplay.model import FilmPlan, Shot
from workflows.film_types import (
    FailureInfo,
    FilmProgress,
    FilmState,
    SceneProgress,
    SceneState,
    ShotState,
    ShotStatus,
    Stage,
)

# Shares of the bar: planning, shots (by screen time), score and soundtrack, then the film.
_PLANNED, _RENDERED, _SCORED, _MIXED, _COMPOSED = 5, 85, 1, 3, 97
# Within a shot: the picture, the dialogue, then the clip.
_PICTURE, _DIALOGUE, _CLIP = 0.3, 0.2, 0.5
_FINISHED = (ShotStatus.DONE, ShotStatus.PLACEHOLDER)


@dataclass
class ShotTrack:
    shot: Shot
    status: ShotStatus = ShotStatus.PENDING
    picture_done: bool = False
    dialogue_done: bool = False
    clip_done: bool = False
    attempts: dict[str, int] = field(default_factory=dict)
    assets: dict[str, str] = field(default_factory=dict)
    error: FailureInfo | None = None
    take: int = 1
    takes: list[str] = field(default_factory=list)
    cost: float = 0.0  # credits of this take's work, charged when the shot is done
    providers: dict[str, str] = field(default_factory=dict)
    failovers: list[str] = field(default_factory=list)
    prompt: str = ""  # what the picture was drawn from (generative providers)

    def new_take(self, redo_dialogue: bool) -> None:
        """Start the shot again: a new take, its picture and clip (and lines) to redo."""
        self.take += 1
        self.status, self.error, self.cost = ShotStatus.PENDING, None, 0.0
        self.picture_done = self.clip_done = False
        if redo_dialogue:
            self.dialogue_done = False

    @property
    def fraction(self) -> float:
        return (
            _PICTURE * self.picture_done + _DIALOGUE * self.dialogue_done + _CLIP * self.clip_done
        )


class FilmTracker:
    def __init__(self, job_id: str, first_voice: str = "") -> None:
        self.job_id = job_id
        self.first_voice = first_voice  # the provider the cast is chosen on ("" : unnamed)
        self.stage = Stage.QUEUED
        self.plan: FilmPlan | None = None
        self.shots: dict[str, ShotTrack] = {}
        self.score_done = False
        self.soundtrack_done = False
        self.spoken: dict[str, list[SpokenLine]] = {}  # shot id -> its lines as spoken
        self.cast: dict[str, str] = {}  # character -> voice
        self.assets: dict[str, str] = {}  # what `state` shows: the published film's files
        self.pending_assets: dict[str, str] = {}  # the film being made, until it is published
        self.error: FailureInfo | None = None
        self.paused = False
        self.pause_reason = ""
        self.score_cost = 0.0
        self.credits_held = 0  # millicredits
        self.credits_spent = 0
        self.revision = 0
        self.revisable = False
        self.revision_error: FailureInfo | None = None
        self.references: dict[str, str] = {}  # character -> reference picture (artifact key)
        self.references_by = ""  # the provider that drew them
        self.voice_provider = ""  # "" : the chain's first; the next once the cast moved
        self.voice_failovers: list[str] = []
        self.score_provider = ""
        self.score_failovers: list[str] = []

    def planned(self, plan: FilmPlan) -> None:
        self.plan = plan
        self.shots = {shot.shot_id: ShotTrack(shot) for shot in plan.shots}

    def adopt_pending(self) -> None:
        """The film is published: its files become the ones `state` shows."""
        self.assets.update(self.pending_assets)
        self.pending_assets.clear()

    def drop_pending(self) -> None:
        """A revision failed or was cancelled: the published film's files stay shown."""
        self.pending_assets.clear()

    def shot(self, shot_id: str) -> ShotTrack:
        return self.shots[shot_id]

    def shots_done(self) -> int:
        return sum(track.status in _FINISHED for track in self.shots.values())

    def percent(self) -> int:
        if self.stage is Stage.COMPLETED:
            return 100
        if self.plan is None:
            return 0
        total = sum(t.shot.duration_s for t in self.shots.values()) or 1.0
        rendered = sum(t.fraction * t.shot.duration_s for t in self.shots.values()) / total
        value = _PLANNED + (_RENDERED - _PLANNED) * rendered
        value += _SCORED * self.score_done + _MIXED * self.soundtrack_done
        if self.stage is Stage.PUBLISHING:
            value = _COMPOSED
        return min(99, int(value))

    def progress(self) -> FilmProgress:
        scenes = []
        for scene in self.plan.scenes if self.plan else []:
            done = sum(self.shots[s.shot_id].status in _FINISHED for s in scene.shots)
            scenes.append(SceneProgress(scene.number, scene.heading, done, len(scene.shots)))
        return FilmProgress(
            percent=self.percent(),
            stage=self.stage,
            shots_done=self.shots_done(),
            shots_total=len(self.shots),
            scenes=scenes,
            paused=self.paused,
            revision=self.revision,
            revisable=self.revisable,
            credits_spent=self.credits_spent / 1000,
        )

    def state(self) -> FilmState:
        scenes = []
        for scene in self.plan.scenes if self.plan else []:
            shots = [self._shot_state(self.shots[shot.shot_id]) for shot in scene.shots]
            scenes.append(
                SceneState(
                    scene.number,
                    scene.heading,
                    scene.int_ext,
                    scene.location,
                    scene.time_of_day,
                    shots,
                    present=list(scene.present),
                    heard=list(scene.heard),
                    setting=scene.setting,
                    atmosphere=list(scene.atmosphere),
                )
            )
        return FilmState(
            job_id=self.job_id,
            title=self.plan.title if self.plan else "",
            stage=self.stage,
            duration_s=self.plan.duration_s if self.plan else 0.0,
            scenes=scenes,
            cast=dict(self.cast),
            assets=dict(self.assets),
            error=self.error,
            revision=self.revision,
            revision_error=self.revision_error,
            credits_held=self.credits_held / 1000,
            credits_spent=self.credits_spent / 1000,
            assumptions=list(self.plan.assumptions) if self.plan else [],
            references=dict(self.references),
            references_by=self.references_by,
            cast_provider=self.voice_provider or self.first_voice,
            voice_failovers=list(self.voice_failovers),
            score_provider=self.score_provider,
            score_failovers=list(self.score_failovers),
        )

    def summary(self) -> str:
        """Markdown for the Web UI's current details."""
        progress = self.progress()
        lines = [f"**{progress.stage.value.title()}** · {progress.percent}%"]
        if self.paused:
            reason = f": {self.pause_reason}" if self.pause_reason else ""
            lines.insert(0, f"**Paused**{reason}. No new shot starts until resumed.")
        if progress.shots_total:
            lines.append(f"Shots: {progress.shots_done}/{progress.shots_total}")
        if self.error is not None:
            where = f" shot {self.error.shot_id}" if self.error.shot_id else ""
            lines.append(f"Failed at {self.error.step}{where}: {self.error.message}")
        return "\n\n".join(lines)

    @staticmethod
    def _shot_state(track: ShotTrack) -> ShotState:
        shot = track.shot
        return ShotState(
            shot_id=shot.shot_id,
            number=shot.number,
            shot_type=shot.shot_type.value,
            camera_move=shot.camera_move.value,
            duration_s=shot.duration_s,
            action=shot.action,
            dialogue=list(shot.dialogue),
            status=track.status,
            attempts=dict(track.attempts),
            assets=dict(track.assets),
            error=track.error,
            extended_from_s=shot.extended_from_s,
            take=track.take,
            takes=list(track.takes),
            providers=dict(track.providers),
            failovers=list(track.failovers),
            size=shot.shot_type.value,
            angle=shot.angle.value,
            move=shot.move.value,
            direction=shot.direction.value,
            speed=shot.speed.value,
            present=list(shot.present or []),
            heard=list(shot.heard),
            props=list(shot.props),
            atmosphere=list(shot.atmosphere),
            prompt=track.prompt,
        )
