"""FilmWorkflow: a script becomes a film.

plan -> for every shot, with bounded parallelism: picture and voices, then the shot's clip
(the score composes meanwhile) -> compose the film -> publish. Deterministic: all work is
in activities; this code only orders it, keeps the books and answers queries.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

from temporalio import workflow
from temporalio.exceptions import ActivityError, ApplicationError, RetryState

with workflow.unsafe.imports_passed_through():
    from activities.contracts import (
        CastVoicesInput,
        ComposeFilmInput,
        ComposeScoreInput,
        GenerateVisualInput,
        GenerateVisualResult,
        PlacedVoice,
        PlanFilmInput,
        PublishFilmInput,
        RenderShotInput,
        RenderShotResult,
        SynthesizeVoiceInput,
        SynthesizeVoiceResult,
    )
    from activities.media_work import MediaActivities
    from activities.model_work import ModelActivities
    from activities.planning import plan_film
    from screenplay.model import FilmPlan, Scene, Shot
    from workflows import policies
    from workflows.cut import scene_context, score_cues, subtitle_cues
    from workflows.dialogue_timing import line_budgets, line_starts
    from workflows.failures import StepFailed, all_or_cancel, describe_cause, failure_type
    from workflows.film_types import (
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

    @workflow.run
    async def run(self, request: FilmInput) -> FilmResult:
        try:
            return await self._make_film(request)
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
            workflow.execute_activity(
                plan_film,
                PlanFilmInput(request.job_id, request.script, request.title),
                task_queue=request.queues.orchestration,
                start_to_close_timeout=policies.PLAN_TIMEOUT,
                retry_policy=policies.RETRY,
            ),
        )
        plan = planned.plan
        self._film.planned(plan)
        if plan.characters:
            cast = await self._step(
                "cast_voices",
                None,
                workflow.execute_activity_method(
                    ModelActivities.cast_voices,
                    CastVoicesInput(request.job_id, plan.characters),
                    task_queue=request.queues.models,
                    start_to_close_timeout=policies.CAST_TIMEOUT,
                    retry_policy=policies.RETRY,
                    summary=f"cast {len(plan.characters)} voices",
                ),
            )
            self._film.cast = dict(cast.voices)
        self._enter(Stage.RENDERING)

        score = asyncio.ensure_future(self._compose_score(plan))
        slots = asyncio.Semaphore(max(1, request.options.max_parallel_shots))
        shots = [
            self._render_shot(plan, scene, shot, slots)
            for scene in plan.scenes
            for shot in scene.shots
        ]
        try:
            rendered = await all_or_cancel(shots)
        except BaseException:
            score.cancel()
            raise
        score_key = await score

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
                    stem_keys=[clip.stem_key for clip in rendered],
                    score_key=score_key,
                    duration_s=plan.duration_s,
                    profile=request.profile,
                    subtitles=subtitle_cues(plan, self._film.voice_durations),
                ),
                task_queue=request.queues.media,
                start_to_close_timeout=policies.COMPOSE_TIMEOUT,
                heartbeat_timeout=policies.MEDIA_HEARTBEAT,
                retry_policy=policies.RETRY,
                summary="compose the film",
            ),
        )
        self._film.assets["video"] = composed.video_key

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
                task_queue=self._request.queues.media,
                start_to_close_timeout=policies.PUBLISH_TIMEOUT,
                heartbeat_timeout=policies.MEDIA_HEARTBEAT,
                retry_policy=policies.RETRY,
                summary="publish",
            ),
        )
        self._film.assets.update(poster=published.poster_key)
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

    async def _render_shot(
        self, plan: FilmPlan, scene: Scene, shot: Shot, slots: asyncio.Semaphore
    ) -> RenderShotResult:
        track = self._film.shot(shot.shot_id)
        async with slots:
            track.status = ShotStatus.RENDERING
            self._publish_summary()
            budgets = line_budgets(shot.duration_s, [line.text for line in shot.dialogue])
            art, *spoken = await all_or_cancel(
                [
                    self._picture(plan, scene, shot),
                    *(self._voice(shot, index, budget) for index, budget in enumerate(budgets)),
                ]
            )
            durations = [clip.duration_s for clip in spoken]
            self._film.voice_durations[shot.shot_id] = durations
            placed = [
                PlacedVoice(clip.audio_key, start)
                for clip, start in zip(spoken, line_starts(durations), strict=True)
            ]
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
                        voices=placed,
                    ),
                    task_queue=self._request.queues.media,
                    start_to_close_timeout=policies.RENDER_SHOT_TIMEOUT,
                    heartbeat_timeout=policies.MEDIA_HEARTBEAT,
                    retry_policy=policies.RETRY,
                    summary=f"shot {shot.shot_id}: render clip",
                ),
            )
            track.clip_done, track.status = True, ShotStatus.DONE
            track.attempts["render_shot"] = rendered.attempt
            track.assets.update(clip=rendered.clip_key, dialogue=rendered.stem_key)
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

    async def _voice(self, shot: Shot, index: int, budget_s: float) -> SynthesizeVoiceResult:
        line = shot.dialogue[index]
        clip = await self._step(
            "synthesize_voice",
            shot.shot_id,
            workflow.execute_activity_method(
                ModelActivities.synthesize_voice,
                SynthesizeVoiceInput(
                    self._request.job_id,
                    shot.shot_id,
                    index,
                    line.character,
                    line.text,
                    budget_s,
                    voice=self._film.cast.get(line.character),
                ),
                task_queue=self._request.queues.models,
                start_to_close_timeout=policies.VOICE_TIMEOUT,
                retry_policy=policies.RETRY,
                summary=f"shot {shot.shot_id}: {line.character} line {index + 1}",
            ),
        )
        track = self._film.shot(shot.shot_id)
        track.voices_done += 1
        track.attempts["synthesize_voice"] = max(
            track.attempts.get("synthesize_voice", 0), clip.attempt
        )
        track.assets[f"line_{index + 1}"] = clip.audio_key
        return clip

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

    def _enter(self, stage: Stage) -> None:
        self._film.stage = stage
        self._publish_summary()

    def _publish_summary(self) -> None:
        workflow.set_current_details(self._film.summary())
