"""FilmWorkflow's steps: one method per activity call, with its queue, timeouts, retry
policy, Web UI summary, and what it records in the film's books. No ordering here: the
workflow (workflows/film.py) decides what runs when."""

from __future__ import annotations

from typing import Any

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from activities.contracts import (
        CastVoicesInput,
        ComposeScoreInput,
        ComposeScoreResult,
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
    from workflows.cast_steps import ProviderSteps
    from workflows.cut import scene_context, score_cues
    from workflows.failures import StepFailed
    from workflows.film_types import ShotStatus
    from workflows.media_steps import MediaSteps
    from workflows.step_runner import AWAIT_CANCEL

# Patches (see workflows/film.py): a remote provider's pictures and voices run on its own
# task queue, heartbeating, and are awaited when cancelled so the provider is told.
PROVIDER_QUEUES = "remote-providers-on-own-queues"
MUSIC_FAILOVER = "music-chain-failover"  # a score provider that fails hands over to the next


class FilmSteps(MediaSteps, ProviderSteps):
    """One method per activity of the film: planning and the models' here, the media
    steps in MediaSteps, the ledger's in LedgerSteps, the character bible's and casting's
    on remote providers in ProviderSteps."""

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
                PlanFilmInput(
                    request.job_id, request.script, request.title, options, self.first_voice
                ),
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
        moved_to = self._film.voice_provider  # "" until the cast moves down the chain
        provider = moved_to or self.first_voice
        voice_queue = self.voice_queue(moved_to)
        if not (voice_queue and lines and workflow.patched(PROVIDER_QUEUES)):
            voice_queue = self._queues.models
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
                    provider=provider,
                ),
                task_queue=voice_queue,
                start_to_close_timeout=policies.VOICE_TIMEOUT,
                heartbeat_timeout=policies.VOICE_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=self._await_cancel,
                summary=f"shot {shot.shot_id}: dialogue ({len(lines)} lines)",
            ),
        )
        track = self._film.shot(shot.shot_id)
        track.dialogue_done, track.attempts["synthesize_dialogue"] = True, spoken.attempt
        track.providers["synthesize_dialogue"] = spoken.provider
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
        track.prompt = art.prompt
        if art.calls_cut_off:
            track.failovers.append(
                f"generate_visual: {art.calls_cut_off} call(s) to {art.provider} cut off by a"
                " crash, retried as new calls and charged"
            )
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
        remote = request.provider_queues.get(provider, "") if provider else ""
        if remote and workflow.patched(PROVIDER_QUEUES):
            placement: dict[str, Any] = {
                "task_queue": remote,
                "start_to_close_timeout": policies.REMOTE_VISUAL_TIMEOUT,
                "heartbeat_timeout": policies.REMOTE_HEARTBEAT,
                "cancellation_type": AWAIT_CANCEL,
            }
        else:
            placement = {
                "task_queue": self._queues.models,
                "start_to_close_timeout": policies.VISUAL_TIMEOUT,
                "heartbeat_timeout": policies.WORK_HEARTBEAT,
                "cancellation_type": self._await_cancel,
            }
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
                    style=request.options.style,
                    negative_prompt=request.options.negative_prompt,
                    references=self.references_for(shot),
                ),
                retry_policy=policies.RETRY,
                summary=f"shot {shot.shot_id}: picture{where}"
                + (f" (take {take})" if take > 1 else ""),
                **placement,
            ),
        )

    async def silent_dialogue(self, shot: Shot) -> SynthesizeDialogueResult:
        """A silent stem for a shot whose lines could not be spoken: the soundtrack holds."""
        return await self.dialogue(shot, speak=False)

    async def score(self, plan: FilmPlan) -> str:
        """The score from the first music provider of the chain that can compose it."""
        chain = self._request.music_providers
        for index, provider in enumerate(chain if len(chain) > 1 else [""]):
            try:
                score = await self._score(plan, provider)
                break
            except StepFailed as failed:
                last = index == len(chain) - 1
                if last or failed.info.error_type not in FAILOVER_ERRORS:
                    raise
                if not workflow.patched(MUSIC_FAILOVER):
                    raise
                self._film.score_failovers.append(
                    f"compose_score: {provider} -> {chain[index + 1]} ({failed.info.error_type})"
                )
        self._film.score_provider = score.provider
        self._film.score_done = True
        self._film.score_cost = score.credits
        self._film.assets["score"] = score.score_key
        return score.score_key

    async def _score(self, plan: FilmPlan, provider: str) -> ComposeScoreResult:
        where = f" via {provider}" if provider else ""
        score: ComposeScoreResult = await self.step(
            "compose_score",
            None,
            workflow.execute_activity_method(
                ModelActivities.compose_score,
                ComposeScoreInput(
                    self._request.job_id, score_cues(plan), self._request.profile, provider
                ),
                task_queue=self._queues.models,
                start_to_close_timeout=policies.SCORE_TIMEOUT,
                heartbeat_timeout=policies.WORK_HEARTBEAT,
                retry_policy=policies.RETRY,
                cancellation_type=self._await_cancel,
                summary=f"compose the score{where}",
            ),
        )
        return score
