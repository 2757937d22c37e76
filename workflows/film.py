"""FilmWorkflow: a script becomes a film.

plan -> cast voices -> every shot's dialogue (lines spoken, placed, mixed into a stem) runs
ahead; every shot's picture then clip (picture only) runs with bounded parallelism; the
score, and then the soundtrack (stems + score), are mixed while pictures render -> the film
is a remux of the clips and the soundtrack -> publish. Deterministic: all work is in
activities; this code orders it, keeps the books and answers queries.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Mapping
from typing import TypeVar

from temporalio import workflow
from temporalio.exceptions import ActivityError, ApplicationError, RetryState
from temporalio.workflow import ActivityCancellationType

with workflow.unsafe.imports_passed_through():
    from activities.contracts import (
        CastVoicesInput,
        ComposeFilmInput,
        ComposeScoreInput,
        GenerateVisualInput,
        GenerateVisualResult,
        LineRequest,
        MixSoundtrackInput,
        PlanFilmInput,
        PublishFilmInput,
        RenderShotInput,
        RenderShotResult,
        SynthesizeDialogueInput,
        SynthesizeDialogueResult,
    )
    from activities.media_work import MediaActivities
    from activities.model_work import ModelActivities
    from activities.planning import PlanningActivities
    from core.breakdown import BreakdownOptions
    from screenplay.model import FilmPlan, Scene, Shot
    from workflows import policies
    from workflows.cut import editor_cut, scene_context, score_cues, subtitle_cues
    from workflows.failures import StepFailed, all_or_cancel, describe_cause, failure_type
    from workflows.film_types import (
        ControlInput,
        FailureInfo,
        FilmInput,
        FilmProgress,
        FilmResult,
        FilmState,
        ShotStatus,
        Stage,
    )
    from workflows.tracker import FilmTracker

T = TypeVar("T")
# Patches: each names a change to the released workflow; old runs replay the old path.
CAST_IN_PLAN = "cast-in-plan"  # plan_film casts the voices; no cast_voices activity
PAUSE = ControlInput()
# Media activities are awaited on cancellation: the run closes only once ffmpeg is killed
# and partial files are gone.
AWAIT_CANCEL = ActivityCancellationType.WAIT_CANCELLATION_COMPLETED
Dialogue = asyncio.Future[SynthesizeDialogueResult]


@workflow.defn
class FilmWorkflow:
    @workflow.init
    def __init__(self, request: FilmInput) -> None:
        self._request = request
        self._film = FilmTracker(request.job_id)

    @workflow.query
    def progress(self) -> FilmProgress:
        return self._film.progress()

    @workflow.query
    def state(self) -> FilmState:
        return self._film.state()

    @workflow.signal
    def pause(self, request: ControlInput = PAUSE) -> None:
        """No new shot starts until `resume`; shots already rendering finish."""
        self._film.paused, self._film.pause_reason = True, request.reason
        self._publish_summary()

    @workflow.signal
    def resume(self, request: ControlInput = PAUSE) -> None:
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
        planned = await self._step(
            "plan_film",
            None,
            workflow.execute_activity_method(
                PlanningActivities.plan_film,
                PlanFilmInput(
                    request.job_id,
                    request.script,
                    request.title,
                    BreakdownOptions(request.options.script_format, dict(request.options.cast)),
                ),
                task_queue=request.queues.orchestration,
                start_to_close_timeout=policies.PLAN_TIMEOUT,
                retry_policy=policies.RETRY,
            ),
        )
        plan = planned.plan
        self._film.planned(plan)
        if workflow.patched(CAST_IN_PLAN):
            self._film.cast = dict(planned.cast)
        else:  # runs started before plan_film cast the voices
            await self._cast_voices(plan)
        self._enter(Stage.RENDERING)

        parallel = max(1, request.options.max_parallel_shots)
        # Dialogue is cheap and needs no picture: it runs ahead, so the soundtrack can be
        # mixed while the pictures render. Pictures and clips take the bounded slots.
        talk_slots, shot_slots = asyncio.Semaphore(2 * parallel), asyncio.Semaphore(parallel)
        dialogues = {
            shot.shot_id: asyncio.ensure_future(self._dialogue(shot, talk_slots))
            for shot in plan.shots
        }
        score = asyncio.ensure_future(self._compose_score(plan))
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
        composed = await self._step(
            "compose_film",
            None,
            workflow.execute_activity_method(
                MediaActivities.compose_film,
                ComposeFilmInput(
                    job_id=request.job_id,
                    title=plan.title,
                    clip_keys=[clip.clip_key for clip in rendered],
                    soundtrack_key=soundtrack_key,
                    duration_s=plan.duration_s,
                    subtitles=subtitle_cues(plan, self._film.spoken),
                    cut=editor_cut(
                        plan, rendered, {i: talk.result().stem_key for i, talk in dialogues.items()}
                    ),
                    fps=request.profile.fps,
                ),
                task_queue=request.queues.media,
                start_to_close_timeout=policies.COMPOSE_TIMEOUT,
                heartbeat_timeout=policies.MEDIA_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=AWAIT_CANCEL,
                summary="compose the film",
            ),
        )
        self._film.assets["video"] = composed.video_key
        if composed.vtt_key:
            self._film.assets["vtt"] = composed.vtt_key
        if composed.timeline_key:
            self._film.assets["timeline"] = composed.timeline_key

        self._enter(Stage.PUBLISHING)
        published = await self._step(
            "publish_film",
            None,
            workflow.execute_activity_method(
                MediaActivities.publish_film,
                PublishFilmInput(
                    request.job_id,
                    composed.video_key,
                    composed.subtitles_key,
                    expected_duration_s=sum(clip.duration_s for clip in rendered),
                ),
                task_queue=request.queues.media,
                start_to_close_timeout=policies.PUBLISH_TIMEOUT,
                heartbeat_timeout=policies.MEDIA_HEARTBEAT,
                retry_policy=policies.RETRY,
                summary="publish",
            ),
        )
        self._film.assets["poster"] = published.poster_key
        if published.subtitles_key:
            self._film.assets["subtitles"] = published.subtitles_key
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

    async def _cast_voices(self, plan: FilmPlan) -> None:
        if not plan.characters:
            return
        cast = await self._step(
            "cast_voices",
            None,
            workflow.execute_activity_method(
                ModelActivities.cast_voices,
                CastVoicesInput(self._request.job_id, plan.characters),
                task_queue=self._request.queues.models,
                start_to_close_timeout=policies.CAST_TIMEOUT,
                retry_policy=policies.RETRY,
                summary=f"cast {len(plan.characters)} voices",
            ),
        )
        self._film.cast = dict(cast.voices)

    async def _dialogue(self, shot: Shot, slots: asyncio.Semaphore) -> SynthesizeDialogueResult:
        async with slots:
            lines = [
                LineRequest(
                    line.character,
                    line.text,
                    self._film.cast.get(line.character),
                    line.extension,
                )
                for line in shot.dialogue
            ]
            spoken = await self._step(
                "synthesize_dialogue",
                shot.shot_id,
                workflow.execute_activity_method(
                    ModelActivities.synthesize_dialogue,
                    SynthesizeDialogueInput(
                        self._request.job_id,
                        shot.shot_id,
                        shot.duration_s,
                        self._request.profile,
                        lines,
                    ),
                    task_queue=self._request.queues.models,
                    start_to_close_timeout=policies.VOICE_TIMEOUT,
                    heartbeat_timeout=policies.VOICE_HEARTBEAT,
                    retry_policy=policies.RETRY,
                    summary=f"shot {shot.shot_id}: dialogue ({len(lines)} lines)",
                ),
            )
        track = self._film.shot(shot.shot_id)
        track.dialogue_done, track.attempts["synthesize_dialogue"] = True, spoken.attempt
        track.assets["dialogue"] = spoken.stem_key
        for index, line in enumerate(spoken.lines, start=1):
            track.assets[f"line_{index}"] = line.audio_key
        self._film.spoken[shot.shot_id] = list(spoken.lines)
        return spoken

    async def _render_shot(
        self, plan: FilmPlan, scene: Scene, shot: Shot, slots: asyncio.Semaphore, talk: Dialogue
    ) -> RenderShotResult:
        track = self._film.shot(shot.shot_id)
        async with slots:
            await self._while_paused()
            track.status = ShotStatus.RENDERING
            self._publish_summary()
            art = await self._picture(plan, scene, shot)
            await self._while_paused()
            rendered: RenderShotResult = await self._step(
                "render_shot",
                shot.shot_id,
                workflow.execute_activity_method(
                    MediaActivities.render_shot,
                    RenderShotInput(
                        job_id=self._request.job_id,
                        shot_id=shot.shot_id,
                        camera_move=shot.camera_move,
                        duration_s=shot.duration_s,
                        background_key=art.background_key,
                        overlay_key=art.overlay_key,
                        profile=self._request.profile,
                    ),
                    task_queue=self._request.queues.media,
                    start_to_close_timeout=policies.RENDER_SHOT_TIMEOUT,
                    heartbeat_timeout=policies.MEDIA_HEARTBEAT,
                    retry_policy=policies.RETRY,
                    cancellation_type=AWAIT_CANCEL,
                    summary=f"shot {shot.shot_id}: render clip",
                ),
            )
            track.clip_done = True
            track.attempts["render_shot"] = rendered.attempt
            track.assets["clip"] = rendered.clip_key
        await asyncio.shield(talk)  # shared with the soundtrack: never cancel it from here
        track.status = ShotStatus.DONE
        self._publish_summary()
        return rendered

    async def _picture(self, plan: FilmPlan, scene: Scene, shot: Shot) -> GenerateVisualResult:
        art = await self._step(
            "generate_visual",
            shot.shot_id,
            workflow.execute_activity_method(
                ModelActivities.generate_visual,
                GenerateVisualInput(
                    self._request.job_id,
                    plan.title,
                    scene_context(scene),
                    shot,
                    self._request.profile,
                ),
                task_queue=self._request.queues.models,
                start_to_close_timeout=policies.VISUAL_TIMEOUT,
                retry_policy=policies.RETRY,
                summary=f"shot {shot.shot_id}: picture",
            ),
        )
        track = self._film.shot(shot.shot_id)
        track.picture_done, track.attempts["generate_visual"] = True, art.attempt
        track.assets["background"] = art.background_key
        if art.overlay_key:
            track.assets["overlay"] = art.overlay_key
        return art

    async def _compose_score(self, plan: FilmPlan) -> str:
        score = await self._step(
            "compose_score",
            None,
            workflow.execute_activity_method(
                ModelActivities.compose_score,
                ComposeScoreInput(self._request.job_id, score_cues(plan), self._request.profile),
                task_queue=self._request.queues.models,
                start_to_close_timeout=policies.SCORE_TIMEOUT,
                retry_policy=policies.RETRY,
                summary="compose the score",
            ),
        )
        self._film.score_done = True
        self._film.assets["score"] = score.score_key
        return score.score_key

    async def _mix_soundtrack(
        self, plan: FilmPlan, dialogues: Mapping[str, Dialogue], score: asyncio.Future[str]
    ) -> str:
        stems = [(await asyncio.shield(dialogues[shot.shot_id])).stem_key for shot in plan.shots]
        mixed = await self._step(
            "mix_soundtrack",
            None,
            workflow.execute_activity_method(
                MediaActivities.mix_soundtrack,
                MixSoundtrackInput(
                    self._request.job_id, stems, await asyncio.shield(score), self._request.profile
                ),
                task_queue=self._request.queues.media,
                start_to_close_timeout=policies.COMPOSE_TIMEOUT,
                heartbeat_timeout=policies.MEDIA_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=AWAIT_CANCEL,
                summary="mix the soundtrack",
            ),
        )
        self._film.soundtrack_done = True
        self._film.assets["soundtrack"] = mixed.soundtrack_key
        return mixed.soundtrack_key

    async def _step(self, step: str, shot_id: str | None, activity: Awaitable[T]) -> T:
        """Await an activity; a final failure becomes a StepFailed naming stage, step, shot."""
        try:
            return await activity
        except ActivityError as error:
            error_type, message = describe_cause(error)
            info = FailureInfo(self._film.stage.value, step, shot_id, error_type, message)
            if shot_id is not None:
                track = self._film.shot(shot_id)
                track.status, track.error = ShotStatus.FAILED, info
                exhausted = error.retry_state == RetryState.MAXIMUM_ATTEMPTS_REACHED
                track.attempts[step] = policies.MAX_ATTEMPTS if exhausted else 1
            raise StepFailed(info) from error

    async def _while_paused(self) -> None:
        if self._film.paused:
            await workflow.wait_condition(lambda: not self._film.paused)

    def _enter(self, stage: Stage) -> None:
        self._film.stage = stage
        self._publish_summary()

    def _publish_summary(self) -> None:
        workflow.set_current_details(self._film.summary())
