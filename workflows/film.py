"""FilmWorkflow: a script becomes a film.

plan -> every shot's dialogue (lines spoken, placed, mixed into a stem) runs ahead; every
shot's picture then clip (picture only) runs with bounded parallelism; the score, and then
the soundtrack (stems + score), are mixed while pictures render -> the film is a remux of
the clips and the soundtrack -> publish. Deterministic: all work is in activities
(workflows/steps.py calls them); this code orders it, answers queries and takes signals.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from temporalio import workflow
from temporalio.exceptions import ApplicationError

with workflow.unsafe.imports_passed_through():
    from activities.contracts import RenderShotResult, SynthesizeDialogueResult
    from screenplay.model import FilmPlan, Scene, Shot
    from workflows.failures import StepFailed, all_or_cancel, failure_type
    from workflows.film_types import (
        ControlInput,
        FilmInput,
        FilmProgress,
        FilmResult,
        FilmState,
        ShotStatus,
        Stage,
    )
    from workflows.steps import FilmSteps
    from workflows.tracker import FilmTracker

Dialogue = asyncio.Future[SynthesizeDialogueResult]
# Patches: each names a change to the released workflow; old runs replay the old path.
CAST_IN_PLAN = "cast-in-plan"  # plan_film casts the voices; no cast_voices activity
NO_REASON = ControlInput()


@workflow.defn
class FilmWorkflow:
    @workflow.init
    def __init__(self, request: FilmInput) -> None:
        self._request = request
        self._film = FilmTracker(request.job_id)
        self._steps = FilmSteps(request, self._film)

    @workflow.query
    def progress(self) -> FilmProgress:
        return self._film.progress()

    @workflow.query
    def state(self) -> FilmState:
        return self._film.state()

    @workflow.signal
    def pause(self, request: ControlInput = NO_REASON) -> None:
        """No new shot starts until `resume`; shots already rendering finish."""
        self._film.paused, self._film.pause_reason = True, request.reason
        self._publish_summary()

    @workflow.signal
    def resume(self, request: ControlInput = NO_REASON) -> None:
        self._film.paused, self._film.pause_reason = False, ""
        self._publish_summary()

    @workflow.run
    async def run(self, request: FilmInput) -> FilmResult:
        try:
            return await self._make_film(request)
        except asyncio.CancelledError:
            # Temporal cancellation: running activities were asked to stop (media ones are
            # awaited, so their ffmpeg is gone and partial files removed before we close).
            self._enter(Stage.CANCELLED)
            raise
        except StepFailed as failed:
            self._film.error = failed.info
            self._enter(Stage.FAILED)
            where = f" for shot {failed.info.shot_id}" if failed.info.shot_id else ""
            raise ApplicationError(
                f"{failed.info.stage} failed at {failed.info.step}{where}: {failed.info.message}",
                failed.info,
                type=failure_type(failed.info),
                non_retryable=True,
            ) from None

    async def _make_film(self, request: FilmInput) -> FilmResult:
        self._enter(Stage.PLANNING)
        planned = await self._steps.plan()
        plan = planned.plan
        self._film.planned(plan)
        if workflow.patched(CAST_IN_PLAN):
            self._film.cast = dict(planned.cast)
        else:  # runs started before plan_film cast the voices
            await self._steps.cast_voices(plan)
        self._enter(Stage.RENDERING)

        parallel = max(1, request.options.max_parallel_shots)
        # Dialogue is cheap and needs no picture: it runs ahead, so the soundtrack can be
        # mixed while the pictures render. Pictures and clips take the bounded slots.
        talk_slots, shot_slots = asyncio.Semaphore(2 * parallel), asyncio.Semaphore(parallel)
        dialogues = {
            shot.shot_id: asyncio.ensure_future(self._dialogue(shot, talk_slots))
            for shot in plan.shots
        }
        score = asyncio.ensure_future(self._steps.score(plan))
        renders = [
            self._render_shot(plan, scene, shot, shot_slots, dialogues[shot.shot_id])
            for scene in plan.scenes
            for shot in scene.shots
        ]
        try:
            *rendered, soundtrack_key = await all_or_cancel(
                [*renders, self._mix_soundtrack(plan, dialogues, score)]
            )
        finally:
            leftovers = [task for task in (*dialogues.values(), score) if not task.done()]
            for task in leftovers:
                task.cancel()
            await asyncio.gather(*leftovers, return_exceptions=True)

        self._enter(Stage.COMPOSING)
        stems = {shot_id: talk.result().stem_key for shot_id, talk in dialogues.items()}
        composed = await self._steps.compose(plan, rendered, soundtrack_key, stems)
        self._enter(Stage.PUBLISHING)
        published = await self._steps.publish(composed, rendered)
        self._enter(Stage.COMPLETED)
        await workflow.wait_condition(workflow.all_handlers_finished)
        return FilmResult(
            job_id=request.job_id,
            title=plan.title,
            video_key=published.video_key,
            subtitles_key=published.subtitles_key,
            poster_key=published.poster_key,
            video_url=published.video_url,
            subtitles_url=published.subtitles_url,
            duration_s=published.duration_s,
            size_bytes=published.size_bytes,
            sha256=published.sha256,
            shots=len(rendered),
        )

    async def _dialogue(self, shot: Shot, slots: asyncio.Semaphore) -> SynthesizeDialogueResult:
        async with slots:
            try:
                return await self._steps.dialogue(shot)
            except StepFailed:
                if not self._placeholders:
                    raise
                return await self._steps.silent_dialogue(shot)

    async def _render_shot(
        self, plan: FilmPlan, scene: Scene, shot: Shot, slots: asyncio.Semaphore, talk: Dialogue
    ) -> RenderShotResult:
        track = self._film.shot(shot.shot_id)
        async with slots:
            await self._while_paused()
            track.status = ShotStatus.RENDERING
            self._publish_summary()
            try:
                art = await self._steps.picture(plan, scene, shot)
                await self._while_paused()
                rendered = await self._steps.render(shot, art)
            except StepFailed as failed:
                if not self._placeholders:
                    raise
                rendered = await self._steps.placeholder(shot, failed.info)
        await asyncio.shield(talk)  # shared with the soundtrack: never cancel it from here
        track.status = ShotStatus.PLACEHOLDER if track.error else ShotStatus.DONE
        self._publish_summary()
        return rendered

    @property
    def _placeholders(self) -> bool:
        return self._request.options.on_shot_failure == "placeholder"

    async def _mix_soundtrack(
        self, plan: FilmPlan, dialogues: Mapping[str, Dialogue], score: asyncio.Future[str]
    ) -> str:
        stems = [(await asyncio.shield(dialogues[shot.shot_id])).stem_key for shot in plan.shots]
        return await self._steps.soundtrack(stems, await asyncio.shield(score))

    async def _while_paused(self) -> None:
        if self._film.paused:
            await workflow.wait_condition(lambda: not self._film.paused)

    def _enter(self, stage: Stage) -> None:
        self._film.stage = stage
        self._publish_summary()

    def _publish_summary(self) -> None:
        workflow.set_current_details(self._film.summary())
