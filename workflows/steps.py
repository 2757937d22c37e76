"""FilmWorkflow's steps: one method per activity call, with its queue, timeouts, retry
policy, Web UI summary, and what it records in the film's books. No ordering here: the
workflow (workflows/film.py) decides what runs when."""

from __future__ import annotations

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from activities.contracts import (
        CastVoicesInput,
        ComposeScoreInput,
        GenerateVisualInput,
        GenerateVisualResult,
        LineRequest,
        PlanFilmInput,
        PlanFilmResult,
        SynthesizeDialogueInput,
        SynthesizeDialogueResult,
    )
    from activities.model_work import ModelActivities
    from activities.planning import PlanningActivities
    from core.breakdown import BreakdownOptions
    from providers.errors import FAILOVER_ERRORS
    from screenplay.model import FilmPlan, Scene, Shot
    from workflows import policies
    from workflows.cut import scene_context, score_cues
    from workflows.failures import StepFailed
    from workflows.film_types import ShotStatus
    from workflows.media_steps import MediaSteps


class FilmSteps(MediaSteps):
    """One method per activity of the film: planning and the models' here, the media
    steps in MediaSteps, the ledger's in LedgerSteps."""

    async def plan(self) -> PlanFilmResult:
        request = self._request
        options = BreakdownOptions(
            request.options.script_format, dict(request.options.cast), request.options.strict
        )
        return await self.step(
            "plan_film",
            None,
            workflow.execute_activity_method(
                PlanningActivities.plan_film,
                PlanFilmInput(request.job_id, request.script, request.title, options),
                task_queue=self._queues.orchestration,
                start_to_close_timeout=policies.PLAN_TIMEOUT,
                heartbeat_timeout=policies.WORK_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=self._await_cancel,
            ),
        )

    async def cast_voices(self, plan: FilmPlan) -> None:
        """Runs started before plan_film cast the voices still take this step."""
        if not plan.characters:
            return
        cast = await self.step(
            "cast_voices",
            None,
            workflow.execute_activity_method(
                ModelActivities.cast_voices,
                CastVoicesInput(self._request.job_id, plan.characters),
                task_queue=self._queues.models,
                start_to_close_timeout=policies.CAST_TIMEOUT,
                heartbeat_timeout=policies.WORK_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=self._await_cancel,
                summary=f"cast {len(plan.characters)} voices",
            ),
        )
        self._film.cast = dict(cast.voices)

    async def dialogue(self, shot: Shot, speak: bool = True) -> SynthesizeDialogueResult:
        lines = [
            LineRequest(
                line.character, line.text, self._film.cast.get(line.character), line.extension
            )
            for line in (shot.dialogue if speak else [])
        ]
        spoken = await self.step(
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
                    take=self._film.shot(shot.shot_id).take,
                ),
                task_queue=self._queues.models,
                start_to_close_timeout=policies.VOICE_TIMEOUT,
                heartbeat_timeout=policies.VOICE_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=self._await_cancel,
                summary=f"shot {shot.shot_id}: dialogue ({len(lines)} lines)",
            ),
        )
        track = self._film.shot(shot.shot_id)
        track.dialogue_done, track.attempts["synthesize_dialogue"] = True, spoken.attempt
        track.assets["dialogue"] = spoken.stem_key
        track.cost += spoken.credits
        for index, line in enumerate(spoken.lines, start=1):
            track.assets[f"line_{index}"] = line.audio_key
        self._film.spoken[shot.shot_id] = list(spoken.lines)
        return spoken

    async def picture(
        self, plan: FilmPlan, scene: Scene, shot: Shot, notes: str = "", seed: int | None = None
    ) -> GenerateVisualResult:
        """The shot's picture from the first provider of the chain that can draw it: a
        provider that stays rate-limited, unavailable or out of quota hands over to the next."""
        chain = self._request.visual_providers or [""]
        track = self._film.shot(shot.shot_id)
        for index, provider in enumerate(chain):
            try:
                art = await self._picture(plan, scene, shot, provider, notes, seed)
                break
            except StepFailed as failed:
                last = index == len(chain) - 1
                if last or failed.info.error_type not in FAILOVER_ERRORS:
                    raise
                track.failovers.append(
                    f"generate_visual: {provider} -> {chain[index + 1]} ({failed.info.error_type})"
                )
                track.status, track.error = ShotStatus.RENDERING, None
        track.picture_done, track.attempts["generate_visual"] = True, art.attempt
        track.providers["generate_visual"] = art.provider
        track.cost += art.credits
        track.assets["background"] = art.background_key
        if art.overlay_key:
            track.assets["overlay"] = art.overlay_key
        return art

    async def _picture(
        self,
        plan: FilmPlan,
        scene: Scene,
        shot: Shot,
        provider: str,
        notes: str,
        seed: int | None,
    ) -> GenerateVisualResult:
        request = self._request
        take = self._film.shot(shot.shot_id).take
        where = f" via {provider}" if provider else ""
        return await self.step(
            "generate_visual",
            shot.shot_id,
            workflow.execute_activity_method(
                ModelActivities.generate_visual,
                GenerateVisualInput(
                    request.job_id,
                    plan.title,
                    scene_context(scene),
                    shot,
                    request.profile,
                    take=take,
                    notes=notes,
                    seed=seed,
                    provider=provider,
                ),
                task_queue=self._queues.models,
                start_to_close_timeout=policies.VISUAL_TIMEOUT,
                heartbeat_timeout=policies.WORK_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=self._await_cancel,
                summary=f"shot {shot.shot_id}: picture{where}"
                + (f" (take {take})" if take > 1 else ""),
            ),
        )

    async def silent_dialogue(self, shot: Shot) -> SynthesizeDialogueResult:
        """A silent stem for a shot whose lines could not be spoken: the soundtrack holds."""
        return await self.dialogue(shot, speak=False)

    async def score(self, plan: FilmPlan) -> str:
        score = await self.step(
            "compose_score",
            None,
            workflow.execute_activity_method(
                ModelActivities.compose_score,
                ComposeScoreInput(self._request.job_id, score_cues(plan), self._request.profile),
                task_queue=self._queues.models,
                start_to_close_timeout=policies.SCORE_TIMEOUT,
                heartbeat_timeout=policies.WORK_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=self._await_cancel,
                summary="compose the score",
            ),
        )
        self._film.score_done = True
        self._film.score_cost = score.credits
        self._film.assets["score"] = score.score_key
        return score.score_key
