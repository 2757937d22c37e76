"""The revision window: a completed film stays open to regenerate shots or retry failed
ones (workflows/revisions.py says what a revision is). Each revision renders new takes and
is composed and published under its own keys; the film switches to it only once it is
published, so a failed or cancelled revision leaves the published film as it was. A cancel
closes the window; the published film stands.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from temporalio import workflow
from temporalio.exceptions import ApplicationError

with workflow.unsafe.imports_passed_through():
    from activities.contracts import (
        RenderShotResult,
    )
    from core.error_types import ErrorType
    from screenplay.model import FilmPlan
    from workflows.cancel import cancel_requested, uncancellable
    from workflows.failures import StepFailed, all_or_cancel
    from workflows.film_run import FilmRun
    from workflows.film_types import (
        FilmInput,
        FilmResult,
        RevisionAccepted,
        ShotStatus,
        Stage,
    )
    from workflows.revisions import Revision, revision_hold


class RevisionWindow(FilmRun):
    def _window_opens(self, request: FilmInput) -> bool:
        """Whether the published film takes revisions: a window was asked for, and no
        cancel came while the film was published."""
        cancelled = self._exact_cancel and cancel_requested()
        return request.options.revision_window_s > 0 and not cancelled

    def _check_open(self) -> None:
        if not self._film.revisable:
            made = self._film.stage not in (Stage.QUEUED, Stage.PLANNING, Stage.RENDERING)
            why = "its revision window has closed" if made else "it is still being made"
            raise ApplicationError(
                f"the film is not open for revisions: {why}",
                type=ErrorType.NOT_REVISABLE,
                non_retryable=True,
            )

    def _queue(self, revision: Revision) -> RevisionAccepted:
        self._revisions.append(revision)
        pending = self._revisions
        takes = {
            shot_id: self._film.shot(shot_id).take + sum(shot_id in r.shot_ids for r in pending)
            for shot_id in revision.shot_ids
        }
        return RevisionAccepted(self._film.revision + len(pending), revision.shot_ids, takes)

    async def _review(self, request: FilmInput, result: FilmResult) -> FilmResult:
        """Stay open for revisions until the window closes or `finish` comes. Cancelling
        here stops revising; the published film stands."""
        deadline = workflow.now() + timedelta(seconds=request.options.revision_window_s)
        self._film.revisable = self._window_opens(request)
        self._publish_summary()
        self._index.record(result)
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
        self._film.drop_pending()
        self._enter(Stage.COMPLETED)
        await workflow.wait_condition(workflow.all_handlers_finished)
        return result

    async def _revise(self, revision: Revision, result: FilmResult) -> FilmResult:
        """Render the revision's shots as new takes, then compose and publish it under its
        own revision's keys; only once it is published does the film switch to it."""
        plan = self._film.plan
        assert plan is not None
        self._film.revision_error = None
        redo_dialogue = {
            shot_id
            for shot_id in revision.shot_ids
            if (error := self._film.shot(shot_id).error) and error.step == "synthesize_dialogue"
        }
        rendered, stems, soundtrack_key = dict(self._rendered), dict(self._stems), ""
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
            done = await all_or_cancel(retakes)
            for shot_id, (clip, stem) in zip(revision.shot_ids, done, strict=True):
                rendered[shot_id] = clip
                stems[shot_id] = stem or stems[shot_id]
            soundtrack_key = self._soundtrack_key
            if redo_dialogue:
                mixed = [stems[shot.shot_id] for shot in plan.shots]
                soundtrack_key = await self._steps.soundtrack(mixed, self._film.assets["score"])
            self._enter(Stage.COMPOSING)
            clips = [rendered[shot.shot_id] for shot in plan.shots]
            composed = await self._steps.compose(plan, clips, soundtrack_key, stems)
            self._enter(Stage.PUBLISHING)
            published = await self._steps.publish(composed, clips)
        except StepFailed as failed:  # the published film stands; state says what failed
            self._film.revision_error = failed.info
            self._film.drop_pending()
            return result
        finally:
            memo = f"revision {self._film.revision + 1}"
            await (uncancellable(self._settle(memo)) if self._exact_cancel else self._settle(memo))
            self._enter(Stage.COMPLETED)
        self._rendered, self._stems, self._soundtrack_key = rendered, stems, soundtrack_key
        self._result = self._film_result(plan, published)
        self._film.adopt_pending()
        self._film.revision += 1
        self._publish_summary()
        self._index.record(self._result)
        await self._notify("film.completed", self._published(self._result))
        return self._result

    async def _retake(
        self, plan: FilmPlan, shot_id: str, redo_dialogue: bool, revision: Revision
    ) -> tuple[RenderShotResult, str]:
        """A new take of one shot: its clip, and its new dialogue stem ("" if kept)."""
        track = self._film.shot(shot_id)
        scene = next(scene for scene in plan.scenes if track.shot in scene.shots)
        await self._while_paused()
        track.status = ShotStatus.RENDERING
        self._publish_summary()
        stem = ""
        if redo_dialogue:
            stem = (await self._steps.dialogue(track.shot)).stem_key
        art = await self._steps.picture(plan, scene, track.shot, revision.notes, revision.seed)
        rendered = await self._steps.render(track.shot, art)
        track.status = ShotStatus.DONE
        await self._charge_shot(shot_id)
        return rendered, stem
