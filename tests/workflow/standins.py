"""Stand-in activities under the real names, for tests about the workflow's own logic."""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from temporalio import activity
from temporalio.client import Client
from temporalio.exceptions import ApplicationError
from temporalio.worker import Worker

from accounts.ledger import Ledger
from activities.accounting import AccountingActivities
from activities.contracts import (
    CastVoicesInput,
    CastVoicesResult,
    ComposeFilmInput,
    ComposeFilmResult,
    ComposeScoreInput,
    ComposeScoreResult,
    GenerateVisualInput,
    GenerateVisualResult,
    MixSoundtrackInput,
    MixSoundtrackResult,
    PublishFilmInput,
    PublishFilmResult,
    RenderPlaceholderInput,
    RenderShotInput,
    RenderShotResult,
    SpokenLine,
    SynthesizeDialogueInput,
    SynthesizeDialogueResult,
)
from activities.job_index import JobIndexActivities
from activities.planning import PlanningActivities
from activities.webhooks import WebhookActivities
from core.task_queues import TaskQueues
from providers.moderation import DenyListModerator
from providers.registry import voice_provider
from storage.database import create_tables, make_engine
from workflows.film import FilmWorkflow
from workflows.webhook import WebhookWorkflow


@dataclass
class StandIns:
    failing_shot: str | None = None
    failures_left: int = -1  # how many renders of the failing shot fail; -1: every one
    render_delay_s: float = 0.0
    calls: Counter[str] = field(default_factory=Counter)
    running: int = 0
    max_running: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    placeholder_lines: list[str] = field(default_factory=list)

    def activities(self) -> list[object]:
        @activity.defn(name="generate_visual")
        async def generate_visual(request: GenerateVisualInput) -> GenerateVisualResult:
            self.calls["generate_visual"] += 1
            return GenerateVisualResult(f"jobs/{request.job_id}/bg.png", None, "stand-in")

        @activity.defn(name="cast_voices")
        async def cast_voices(request: CastVoicesInput) -> CastVoicesResult:
            self.calls["cast_voices"] += 1
            return CastVoicesResult({name: f"voice-{name}" for name in request.characters}, "s")

        @activity.defn(name="synthesize_dialogue")
        async def synthesize_dialogue(request: SynthesizeDialogueInput) -> SynthesizeDialogueResult:
            self.calls["synthesize_dialogue"] += 1
            key = f"jobs/{request.job_id}/shots/{request.shot_id}"
            lines = [
                SpokenLine(f"{key}/l{n}.wav", 0.4 + n, 0.8, "v") for n in range(len(request.lines))
            ]
            return SynthesizeDialogueResult(f"{key}/dialogue.wav", "stand-in", lines)

        @activity.defn(name="compose_score")
        async def compose_score(request: ComposeScoreInput) -> ComposeScoreResult:
            self.calls["compose_score"] += 1
            total = sum(cue.duration_s for cue in request.cues)
            return ComposeScoreResult(f"jobs/{request.job_id}/score.wav", total, "stand-in")

        @activity.defn(name="render_shot")
        async def render_shot(request: RenderShotInput) -> RenderShotResult:
            self.calls[f"render_shot:{request.shot_id}"] += 1
            with self.lock:
                self.running += 1
                self.max_running = max(self.max_running, self.running)
            try:
                await asyncio.sleep(self.render_delay_s)
                if request.shot_id == self.failing_shot and self.failures_left != 0:
                    self.failures_left -= 1
                    raise ApplicationError(
                        "encoder exploded", {"provider": "stand-in-encoder"}, type="EncoderCrash"
                    )
            finally:
                with self.lock:
                    self.running -= 1
            frames = request.profile.frames_for(request.duration_s)
            key = f"jobs/{request.job_id}/shots/{request.shot_id}/take-{request.take}"
            return RenderShotResult(f"{key}/clip.mp4", frames, request.duration_s, credits=0.25)

        @activity.defn(name="render_placeholder")
        async def render_placeholder(request: RenderPlaceholderInput) -> RenderShotResult:
            self.calls[f"render_placeholder:{request.shot_id}"] += 1
            self.placeholder_lines = list(request.lines)
            frames = request.profile.frames_for(request.duration_s)
            key = f"jobs/{request.job_id}/shots/{request.shot_id}/placeholder.mp4"
            return RenderShotResult(key, frames, request.duration_s)

        @activity.defn(name="mix_soundtrack")
        async def mix_soundtrack(request: MixSoundtrackInput) -> MixSoundtrackResult:
            self.calls["mix_soundtrack"] += 1
            return MixSoundtrackResult(f"jobs/{request.job_id}/soundtrack.m4a", 1.0)

        @activity.defn(name="compose_film")
        async def compose_film(request: ComposeFilmInput) -> ComposeFilmResult:
            self.calls["compose_film"] += 1
            return ComposeFilmResult(f"jobs/{request.job_id}/film.mp4", None, request.duration_s)

        @activity.defn(name="publish_film")
        async def publish_film(request: PublishFilmInput) -> PublishFilmResult:
            self.calls["publish_film"] += 1
            return PublishFilmResult(
                request.video_key, None, f"jobs/{request.job_id}/poster.jpg",
                "http://x/film.mp4", None, request.expected_duration_s, 1, "0" * 64,
            )  # fmt: skip

        return [cast_voices, generate_visual, synthesize_dialogue, compose_score, render_shot,
                render_placeholder, mix_soundtrack, compose_film, publish_film]  # fmt: skip


@asynccontextmanager
async def standin_workers(
    client: Client, standins: StandIns, database_url: str | None = None
) -> AsyncIterator[TaskQueues]:
    """The real workflow, planner and (given a database) ledger; stand-ins for every model
    and media activity."""
    suffix = uuid.uuid4().hex[:8]
    queues = TaskQueues(f"orch-{suffix}", f"models-{suffix}", f"media-{suffix}")
    work = standins.activities()
    orchestration: list[Callable[..., Any]] = [_planner().plan_film]
    if database_url is not None:
        engine = make_engine(database_url)
        create_tables(engine)
        books = AccountingActivities(Ledger(engine), WebhookActivities(allow_private=True))
        orchestration += [books.hold_credits, books.charge_credits, books.release_credits,
                          books.notify_webhook, JobIndexActivities(engine).record_job]  # fmt: skip
    async with (
        Worker(client, task_queue=queues.orchestration, workflows=[FilmWorkflow, WebhookWorkflow],
               activities=orchestration, activity_executor=_executor()),
        Worker(client, task_queue=queues.models, activities=work[:4]),
        Worker(client, task_queue=queues.media, activities=work[4:], max_concurrent_activities=8),
    ):  # fmt: skip
        yield queues


def _planner() -> PlanningActivities:
    return PlanningActivities(voice_provider("espeak-ng"), DenyListModerator(["forbidden scene"]))


def _executor():  # type: ignore[no-untyped-def]
    from concurrent.futures import ThreadPoolExecutor

    return ThreadPoolExecutor(2)
