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

from temporalio import workflow
from temporalio.exceptions import ApplicationError

with workflow.unsafe.imports_passed_through():
    from activities.contracts import (
        RenderShotResult,
        SynthesizeDialogueResult,
    )
    from core.error_types import ErrorType
    from screenplay.model import FilmPlan, Scene, Shot
    from workflows.failures import StepFailed, all_or_cancel, failure_message, failure_type
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
    from workflows.review import RevisionWindow
    from workflows.revisions import Revision, failed_shots, unknown_shot
    from workflows.voice_chain import VoiceChain

Dialogue = asyncio.Future[SynthesizeDialogueResult]
# Patches: each names a change to the released workflow; old runs replay the old path.
CAST_IN_PLAN = "cast-in-plan"  # plan_film casts the voices; no cast_voices activity
# credits held, charged per shot and released; webhooks; the revision window
LEDGER_AND_REVISIONS = "ledger-revisions-webhooks"
# a cancel before publication ends the run cancelled (never failed, never completed): no
# work starts after it, work in flight is awaited as it stops, late results are dropped
CANCEL_ENDS_CANCELLED = "cancel-ends-cancelled"
# the workflow writes its job's row in the index at every stage change
JOB_INDEX_BY_WORKFLOW = "job-index-recorded-by-workflow"
# every revision writes under its own keys (storage/keys.py): jobs/<job>/r<N>/...
REVISION_NUMBERED_KEYS = "revision-numbered-keys"
# remote providers: a character bible made once per film before any shot
CHARACTER_BIBLE = "character-bible"
# a film that fails is charged for the work its shots had done (and calls billed)
CHARGE_ON_FAILURE = "charge-done-work-on-failure"
# the job reads completed only once its books are settled and its revision window is open:
# a client that sees "completed" may regenerate at once and finds nothing still held
SETTLED_BEFORE_COMPLETED = "settled-before-completed"
NO_REASON = ControlInput()


@workflow.defn
class FilmWorkflow(VoiceChain, RevisionWindow):
    @workflow.init
    def __init__(self, request: FilmInput) -> None:
        super().__init__(request)
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
        self._index.record(self._result)

    @workflow.signal
    def resume(self, request: ControlInput = NO_REASON) -> None:
        self._film.paused, self._film.pause_reason = False, ""
        self._publish_summary()
        self._index.record(self._result)

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
            raise ApplicationError(why, type=ErrorType.UNKNOWN_SHOT, non_retryable=True)

    @workflow.update
    async def retry_failed_shots(self) -> RevisionAccepted:
        """Render every failed (placeholder) shot again, then re-compose the film."""
        return self._queue(Revision(failed_shots(self._film), kind="retry"))

    @retry_failed_shots.validator
    def _check_retry(self) -> None:
        self._check_open()
        if not failed_shots(self._film):
            raise ApplicationError(
                "no failed shots to retry", type=ErrorType.NOT_REVISABLE, non_retryable=True
            )

    @workflow.run
    async def run(self, request: FilmInput) -> FilmResult:
        self._ledger_and_revisions = workflow.patched(LEDGER_AND_REVISIONS)
        if self._ledger_and_revisions:
            self._exact_cancel = workflow.patched(CANCEL_ENDS_CANCELLED)
            self._index.enabled = workflow.patched(JOB_INDEX_BY_WORKFLOW) and self._ledger
            self._steps.revision_keys = workflow.patched(REVISION_NUMBERED_KEYS)
        self._steps.exact_cancel = self._exact_cancel
        try:
            result = await self._make_film(request)
        except asyncio.CancelledError:
            if not (self._exact_cancel and self._result is not None):
                # Temporal cancellation: running activities were asked to stop and awaited
                # (their ffmpeg is gone and partial files removed before we close).
                self._enter(Stage.CANCELLED)
                await self._compensate("film cancelled")
                await self._notify("film.cancelled", {})
                raise
            result = self._result  # published before the cancel came: the film stands
        except StepFailed as failed:
            self._film.error = failed.info
            self._enter(Stage.FAILED)
            owed = any(track.cost > 0 for track in self._film.shots.values())
            if self._ledger and owed and workflow.patched(CHARGE_ON_FAILURE):
                for shot_id in list(self._film.shots):
                    await self._charge_shot(shot_id)
            await self._compensate("film failed")
            await self._notify("film.failed", {"error": failed.info.message})
            raise ApplicationError(
                failure_message(failed.info),
                failed.info,
                type=failure_type(failed.info),
                non_retryable=True,
            ) from None
        if not self._ledger_and_revisions:
            return result
        await self._notify("film.completed", self._published(result))
        result = await self._review(request, result)
        await self._index.flush()
        return result

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
        self._result = self._film_result(plan, published)
        self._film.adopt_pending()
        if workflow.patched(SETTLED_BEFORE_COMPLETED):
            await self._settle("film completed")
            self._film.revision = 1
            self._film.revisable = self._ledger_and_revisions and self._window_opens(request)
        else:
            self._film.revision = 1
            await self._settle("film completed")
        self._enter(Stage.COMPLETED)
        await workflow.wait_condition(workflow.all_handlers_finished)
        return self._result

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
