"""FilmWorkflow: a script becomes a film.

plan -> hold the estimate -> every shot's dialogue (lines spoken, placed, mixed into a
stem) runs ahead; every shot's picture then clip (picture only) runs with bounded
parallelism; the score, and then the soundtrack (stems + score), are mixed while pictures
render -> the film is a remux of the clips and the soundtrack -> publish -> release what
was held but not spent. Each shot is charged as it completes; the hold is released on
completion, failure and cancel alike. A completed film then stays open for
`options.revision_window_s` to regenerate shots or retry failed ones. Deterministic: all
work is in activities (workflows/steps.py calls them); this code orders it, answers
queries and takes signals and updates.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from temporalio import workflow
from temporalio.exceptions import ApplicationError

with workflow.unsafe.imports_passed_through():
    from activities.contracts import (
        NotifyInput,
        PublishFilmResult,
        RenderShotResult,
        SynthesizeDialogueResult,
    )
    from screenplay.model import FilmPlan, Scene, Shot
    from workflows.failures import StepFailed, all_or_cancel, failure_type
    from workflows.film_types import (
        ControlInput,
        FilmInput,
        FilmProgress,
        FilmResult,
        FilmState,
        RegenerateShotInput,
        RevisionAccepted,
        ShotStatus,
        Stage,
    )
    from workflows.revisions import Revision, failed_shots, revision_hold, unknown_shot
    from workflows.steps import FilmSteps
    from workflows.tracker import FilmTracker
    from workflows.voice_chain import VoiceChain
    from workflows.webhook import WebhookWorkflow

Dialogue = asyncio.Future[SynthesizeDialogueResult]
# Patches: each names a change to the released workflow; old runs replay the old path.
CAST_IN_PLAN = "cast-in-plan"  # plan_film casts the voices; no cast_voices activity
# credits held, charged per shot and released; webhooks; the revision window
LEDGER_AND_REVISIONS = "ledger-revisions-webhooks"
# remote providers: a character bible made once per film before any shot
CHARACTER_BIBLE = "character-bible"
# a film that fails is charged for the work its shots had done (and calls billed)
CHARGE_ON_FAILURE = "charge-done-work-on-failure"
NO_REASON = ControlInput()


@workflow.defn
class FilmWorkflow(VoiceChain):
    @workflow.init
    def __init__(self, request: FilmInput) -> None:
        self._request = request
        self._film = FilmTracker(request.job_id)
        self._steps = FilmSteps(request, self._film)
        self._v3 = False  # runs that began before the ledger replay without it
        self._revisions: list[Revision] = []
        self._finish = False
        self._result: FilmResult | None = None
        self._rendered: dict[str, RenderShotResult] = {}
        self._stems: dict[str, str] = {}
        self._soundtrack_key = ""
        self._recasting: asyncio.Future[None] | None = None
        self._respoken: dict[str, str] = {}  # shot id -> its stem, spoken again after a recast

    @workflow.query
    def progress(self) -> FilmProgress:
        return self._film.progress()

    @workflow.query
    def state(self) -> FilmState:
        return self._film.state()

    @workflow.query
    def film(self) -> FilmResult | None:
        """The latest published film; None until the first one is."""
        return self._result

    @workflow.signal
    def pause(self, request: ControlInput = NO_REASON) -> None:
        """No new shot starts until `resume`; shots already rendering finish."""
        self._film.paused, self._film.pause_reason = True, request.reason
        self._publish_summary()

    @workflow.signal
    def resume(self, request: ControlInput = NO_REASON) -> None:
        self._film.paused, self._film.pause_reason = False, ""
        self._publish_summary()

    @workflow.signal
    def finish(self) -> None:
        """Close the revision window now: queued revisions run, then the run completes."""
        self._finish = True

    @workflow.update
    async def regenerate_shot(self, request: RegenerateShotInput) -> RevisionAccepted:
        """Render one shot again as a new take, then re-compose the film around it."""
        return self._queue(Revision([request.shot_id], request.notes, request.seed))

    @regenerate_shot.validator
    def _check_regenerate(self, request: RegenerateShotInput) -> None:
        self._check_open()
        why = unknown_shot(self._film, request.shot_id)
        if why:
            raise ValueError(why)

    @workflow.update
    async def retry_failed_shots(self) -> RevisionAccepted:
        """Render every failed (placeholder) shot again, then re-compose the film."""
        return self._queue(Revision(failed_shots(self._film), kind="retry"))

    @retry_failed_shots.validator
    def _check_retry(self) -> None:
        self._check_open()
        if not failed_shots(self._film):
            raise ValueError("no failed shots to retry")

    def _check_open(self) -> None:
        if not self._film.revisable:
            made = self._film.stage not in (Stage.QUEUED, Stage.PLANNING, Stage.RENDERING)
            why = "its revision window has closed" if made else "it is still being made"
            raise ValueError(f"the film is not open for revisions: {why}")

    def _queue(self, revision: Revision) -> RevisionAccepted:
        self._revisions.append(revision)
        pending = self._revisions
        takes = {
            shot_id: self._film.shot(shot_id).take + sum(shot_id in r.shot_ids for r in pending)
            for shot_id in revision.shot_ids
        }
        return RevisionAccepted(self._film.revision + len(pending), revision.shot_ids, takes)

    @workflow.run
    async def run(self, request: FilmInput) -> FilmResult:
        self._v3 = workflow.patched(LEDGER_AND_REVISIONS)
        try:
            result = await self._make_film(request)
        except asyncio.CancelledError:
            # Temporal cancellation: running activities were asked to stop (media ones are
            # awaited, so their ffmpeg is gone and partial files removed before we close).
            self._enter(Stage.CANCELLED)
            await self._settle("film cancelled")
            await self._notify("film.cancelled", {})
            raise
        except StepFailed as failed:
            self._film.error = failed.info
            self._enter(Stage.FAILED)
            owed = any(track.cost > 0 for track in self._film.shots.values())
            if self._ledger and owed and workflow.patched(CHARGE_ON_FAILURE):
                for shot_id in list(self._film.shots):
                    await self._charge_shot(shot_id)
            await self._settle("film failed")
            await self._notify("film.failed", {"error": failed.info.message})
            where = f" for shot {failed.info.shot_id}" if failed.info.shot_id else ""
            raise ApplicationError(
                f"{failed.info.stage} failed at {failed.info.step}{where}: {failed.info.message}",
                failed.info,
                type=failure_type(failed.info),
                non_retryable=True,
            ) from None
        if not self._v3:
            return result
        await self._notify("film.completed", self._published(result))
        return await self._review(request, result)

    @property
    def _ledger(self) -> bool:
        return self._v3 and bool(self._request.tenant_id)

    async def _settle(self, memo: str) -> None:
        """Release whatever is still held: compensation that runs whatever happened."""
        if self._ledger:
            await self._steps.release(memo)

    async def _notify(self, event: str, data: dict[str, Any]) -> None:
        url = self._request.options.webhook_url
        if not (self._v3 and url and self._request.tenant_id):
            return
        status = event.removeprefix("film.")
        await workflow.start_child_workflow(
            WebhookWorkflow.run,
            NotifyInput(self._request.tenant_id, url, event, self._request.job_id, status, data),
            id=f"{workflow.info().workflow_id}-webhook-{status}-{self._film.revision}",
            task_queue=self._request.queues.orchestration,
            parent_close_policy=workflow.ParentClosePolicy.ABANDON,
            static_summary=f"webhook {event}",
        )

    @staticmethod
    def _published(result: FilmResult) -> dict[str, Any]:
        return {
            "video_url": result.video_url,
            "duration_s": result.duration_s,
            "sha256": result.sha256,
        }

    async def _make_film(self, request: FilmInput) -> FilmResult:
        self._enter(Stage.PLANNING)
        planned = await self._steps.plan()
        plan = planned.plan
        self._film.planned(plan)
        if workflow.patched(CAST_IN_PLAN):
            self._film.cast = dict(planned.cast)
        else:  # runs started before plan_film cast the voices
            await self._steps.cast_voices(plan)
        if self._ledger:
            await self._steps.hold(request.credits_estimate, "the film's estimate")
        if request.provider_queues and plan.characters and workflow.patched(CHARACTER_BIBLE):
            bible = await self._steps.character_bible(plan)
            if self._ledger and bible > 0:
                await self._steps.charge(bible, "character references")
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

        self._stems = {shot_id: talk.result().stem_key for shot_id, talk in dialogues.items()}
        self._stems.update(self._respoken)
        self._rendered = {
            shot.shot_id: clip for shot, clip in zip(plan.shots, rendered, strict=True)
        }
        self._soundtrack_key = soundtrack_key
        self._enter(Stage.COMPOSING)
        composed = await self._steps.compose(plan, rendered, soundtrack_key, self._stems)
        self._enter(Stage.PUBLISHING)
        published = await self._steps.publish(composed, rendered)
        await self._settle("film completed")
        self._result = self._film_result(plan, published)
        self._film.revision = 1
        self._enter(Stage.COMPLETED)
        await workflow.wait_condition(workflow.all_handlers_finished)
        return self._result

    def _film_result(self, plan: FilmPlan, published: PublishFilmResult) -> FilmResult:
        return FilmResult(
            job_id=self._request.job_id,
            title=plan.title,
            video_key=published.video_key,
            subtitles_key=published.subtitles_key,
            poster_key=published.poster_key,
            video_url=published.video_url,
            subtitles_url=published.subtitles_url,
            duration_s=published.duration_s,
            size_bytes=published.size_bytes,
            sha256=published.sha256,
            shots=len(plan.shots),
        )

    async def _dialogue(self, shot: Shot, slots: asyncio.Semaphore) -> SynthesizeDialogueResult:
        async with slots:
            while True:
                try:
                    return await self._steps.dialogue(shot)
                except StepFailed as failed:
                    if await self._recast(failed):
                        track = self._film.shot(shot.shot_id)
                        track.status, track.error = ShotStatus.RENDERING, None
                        continue
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
        await self._charge_shot(shot.shot_id)
        self._publish_summary()
        return rendered

    async def _charge_shot(self, shot_id: str) -> None:
        track = self._film.shot(shot_id)
        if self._ledger and track.cost > 0:
            cost, track.cost = track.cost, 0.0
            await self._steps.charge(cost, f"shot {shot_id} take {track.take}")

    @property
    def _placeholders(self) -> bool:
        return self._request.options.on_shot_failure == "placeholder"

    async def _mix_soundtrack(
        self, plan: FilmPlan, dialogues: Mapping[str, Dialogue], score: asyncio.Future[str]
    ) -> str:
        stems = [(await asyncio.shield(dialogues[shot.shot_id])).stem_key for shot in plan.shots]
        if self._film.voice_provider:  # the cast moved down the voice chain
            await self._respeak(plan)
            stems = [
                self._respoken.get(shot.shot_id, stem)
                for shot, stem in zip(plan.shots, stems, strict=True)
            ]
        score_key = await asyncio.shield(score)
        if self._ledger and self._film.score_cost > 0:
            await self._steps.charge(self._film.score_cost, "score")
        return await self._steps.soundtrack(stems, score_key)

    # -- the revision window ----------------------------------------------------------------

    async def _review(self, request: FilmInput, result: FilmResult) -> FilmResult:
        """Stay open for revisions until the window closes or `finish` comes. Cancelling
        here stops revising; the published film stands."""
        deadline = workflow.now() + timedelta(seconds=request.options.revision_window_s)
        self._film.revisable = request.options.revision_window_s > 0
        self._publish_summary()
        try:
            while self._film.revisable:
                if self._revisions:
                    result = await self._revise(self._revisions.pop(0), result)
                    continue
                remaining = (deadline - workflow.now()).total_seconds()
                if self._finish or remaining <= 0:
                    break
                try:
                    await workflow.wait_condition(
                        lambda: bool(self._revisions) or self._finish,
                        timeout=timedelta(seconds=remaining),
                    )
                except TimeoutError:
                    if not self._revisions:
                        break
        except asyncio.CancelledError:  # a revision in flight released its hold already
            self._revisions.clear()
        self._film.revisable = False
        self._enter(Stage.COMPLETED)
        await workflow.wait_condition(workflow.all_handlers_finished)
        return result

    async def _revise(self, revision: Revision, result: FilmResult) -> FilmResult:
        plan = self._film.plan
        assert plan is not None
        self._film.revision_error = None
        redo_dialogue = {
            shot_id
            for shot_id in revision.shot_ids
            if (error := self._film.shot(shot_id).error) and error.step == "synthesize_dialogue"
        }
        try:
            if self._ledger:
                estimate = self._request.credits_estimate
                hold = revision_hold(self._film, plan, estimate, revision.shot_ids)
                await self._steps.hold(hold, f"revision {self._film.revision + 1}")
            for shot_id in revision.shot_ids:
                self._film.shot(shot_id).new_take(shot_id in redo_dialogue)
            self._enter(Stage.RENDERING)
            retakes = [
                self._retake(plan, shot_id, shot_id in redo_dialogue, revision)
                for shot_id in revision.shot_ids
            ]
            for shot_id, clip in zip(revision.shot_ids, await all_or_cancel(retakes), strict=True):
                self._rendered[shot_id] = clip
            if redo_dialogue:
                stems = [self._stems[shot.shot_id] for shot in plan.shots]
                score_key = self._film.assets["score"]
                self._soundtrack_key = await self._steps.soundtrack(stems, score_key)
            self._enter(Stage.COMPOSING)
            clips = [self._rendered[shot.shot_id] for shot in plan.shots]
            composed = await self._steps.compose(plan, clips, self._soundtrack_key, self._stems)
            self._enter(Stage.PUBLISHING)
            published = await self._steps.publish(composed, clips)
        except StepFailed as failed:  # the published film stands; state says what failed
            self._film.revision_error = failed.info
            return result
        finally:
            await self._settle(f"revision {self._film.revision + 1}")
            self._enter(Stage.COMPLETED)
        self._result = self._film_result(plan, published)
        self._film.revision += 1
        self._publish_summary()
        await self._notify("film.completed", self._published(self._result))
        return self._result

    async def _retake(
        self, plan: FilmPlan, shot_id: str, redo_dialogue: bool, revision: Revision
    ) -> RenderShotResult:
        track = self._film.shot(shot_id)
        scene = next(scene for scene in plan.scenes if track.shot in scene.shots)
        await self._while_paused()
        track.status = ShotStatus.RENDERING
        self._publish_summary()
        if redo_dialogue:
            self._stems[shot_id] = (await self._steps.dialogue(track.shot)).stem_key
        art = await self._steps.picture(plan, scene, track.shot, revision.notes, revision.seed)
        rendered = await self._steps.render(track.shot, art)
        track.status = ShotStatus.DONE
        await self._charge_shot(shot_id)
        return rendered

    async def _while_paused(self) -> None:
        if self._film.paused:
            await workflow.wait_condition(lambda: not self._film.paused)

    def _enter(self, stage: Stage) -> None:
        self._film.stage = stage
        self._publish_summary()

    def _publish_summary(self) -> None:
        workflow.set_current_details(self._film.summary())
