"""The film's media steps (ffmpeg work on the film-media queue): a shot's clip or its
placeholder card, the soundtrack, the film, its publication. Each is awaited on cancel, so
the run closes only once its ffmpeg is gone and its partial files removed."""

from __future__ import annotations

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from activities.contracts import (
        ComposeFilmInput,
        ComposeFilmResult,
        GenerateVisualResult,
        MixSoundtrackInput,
        PublishFilmInput,
        PublishFilmResult,
        RenderPlaceholderInput,
        RenderShotInput,
        RenderShotResult,
    )
    from activities.media_work import MediaActivities
    from screenplay.model import FilmPlan, Shot
    from workflows import policies
    from workflows.cut import editor_cut, subtitle_cues
    from workflows.film_types import FailureInfo
    from workflows.ledger_steps import LedgerSteps
    from workflows.step_runner import AWAIT_CANCEL


class MediaSteps(LedgerSteps):
    async def render(self, shot: Shot, art: GenerateVisualResult) -> RenderShotResult:
        if art.clip_key:  # the provider made the moving picture; it is the shot's clip
            rendered = RenderShotResult(art.clip_key, art.frames, shot.duration_s, art.attempt)
        else:
            rendered = await self._render(shot, art)
        track = self._film.shot(shot.shot_id)
        track.clip_done, track.attempts["render_shot"] = True, rendered.attempt
        track.assets["clip"] = rendered.clip_key
        track.cost += rendered.credits
        track.takes.append(rendered.clip_key)
        return rendered

    async def _render(self, shot: Shot, art: GenerateVisualResult) -> RenderShotResult:
        rendered: RenderShotResult = await self.step(
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
                    take=self._film.shot(shot.shot_id).take,
                    layers=art.layers,
                    effects=art.effects,
                    move=shot.move,
                    direction=shot.direction,
                    speed=shot.speed,
                ),
                task_queue=self._queues.media,
                start_to_close_timeout=policies.RENDER_SHOT_TIMEOUT,
                heartbeat_timeout=policies.MEDIA_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=AWAIT_CANCEL,
                summary=f"shot {shot.shot_id}: render clip",
            ),
        )
        return rendered

    async def placeholder(self, shot: Shot, why: FailureInfo) -> RenderShotResult:
        """A titled card in the shot's place, encoded like every clip."""
        lines = [
            f"SHOT {shot.shot_id} · {shot.shot_type.value.replace('_', ' ').upper()}",
            "could not be rendered",
            f"{why.step}: {why.error_type}",
            why.message[:80],
        ]
        card: RenderShotResult = await self.step(
            "render_placeholder",
            shot.shot_id,
            workflow.execute_activity_method(
                MediaActivities.render_placeholder,
                RenderPlaceholderInput(
                    self._request.job_id,
                    shot.shot_id,
                    shot.duration_s,
                    lines,
                    self._request.profile,
                    take=self._film.shot(shot.shot_id).take,
                ),
                task_queue=self._queues.media,
                start_to_close_timeout=policies.RENDER_SHOT_TIMEOUT,
                heartbeat_timeout=policies.MEDIA_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=self._await_cancel,
                summary=f"shot {shot.shot_id}: placeholder card",
            ),
        )
        track = self._film.shot(shot.shot_id)
        track.clip_done, track.assets["clip"] = True, card.clip_key
        return card

    async def soundtrack(self, stem_keys: list[str], score_key: str) -> str:
        mixed = await self.step(
            "mix_soundtrack",
            None,
            workflow.execute_activity_method(
                MediaActivities.mix_soundtrack,
                MixSoundtrackInput(
                    self._request.job_id,
                    stem_keys,
                    score_key,
                    self._request.profile,
                    revision=self.revision,
                ),
                task_queue=self._queues.media,
                start_to_close_timeout=policies.COMPOSE_TIMEOUT,
                heartbeat_timeout=policies.MEDIA_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=AWAIT_CANCEL,
                summary="mix the soundtrack",
            ),
        )
        self._film.soundtrack_done = True
        self._film.pending_assets["soundtrack"] = mixed.soundtrack_key
        return mixed.soundtrack_key

    async def compose(
        self,
        plan: FilmPlan,
        rendered: list[RenderShotResult],
        soundtrack_key: str,
        stems: dict[str, str],
    ) -> ComposeFilmResult:
        composed = await self.step(
            "compose_film",
            None,
            workflow.execute_activity_method(
                MediaActivities.compose_film,
                ComposeFilmInput(
                    job_id=self._request.job_id,
                    title=plan.title,
                    clip_keys=[clip.clip_key for clip in rendered],
                    soundtrack_key=soundtrack_key,
                    duration_s=plan.duration_s,
                    subtitles=subtitle_cues(plan, self._film.spoken),
                    cut=editor_cut(plan, rendered, stems),
                    fps=self._request.profile.fps,
                    revision=self.revision,
                ),
                task_queue=self._queues.media,
                start_to_close_timeout=policies.COMPOSE_TIMEOUT,
                heartbeat_timeout=policies.MEDIA_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=AWAIT_CANCEL,
                summary="compose the film",
            ),
        )
        pending = self._film.pending_assets  # shown once published (tracker.adopt_pending)
        pending["video"] = composed.video_key
        if composed.vtt_key:
            pending["vtt"] = composed.vtt_key
        if composed.timeline_key:
            pending["timeline"] = composed.timeline_key
        return composed

    async def publish(
        self, composed: ComposeFilmResult, rendered: list[RenderShotResult]
    ) -> PublishFilmResult:
        published = await self.step(
            "publish_film",
            None,
            workflow.execute_activity_method(
                MediaActivities.publish_film,
                PublishFilmInput(
                    self._request.job_id,
                    composed.video_key,
                    composed.subtitles_key,
                    expected_duration_s=sum(clip.duration_s for clip in rendered),
                    revision=self.revision,
                ),
                task_queue=self._queues.media,
                start_to_close_timeout=policies.PUBLISH_TIMEOUT,
                heartbeat_timeout=policies.MEDIA_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=self._await_cancel,
                summary="publish",
            ),
        )
        self._film.pending_assets["poster"] = published.poster_key
        if published.subtitles_key:
            self._film.pending_assets["subtitles"] = published.subtitles_key
        return published
