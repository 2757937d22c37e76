"""FilmWorkflow's steps: one method per activity call, with its queue, timeouts, retry
policy, Web UI summary, and what it records in the film's books. No ordering here: the
workflow (workflows/film.py) decides what runs when."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from temporalio import workflow
from temporalio.exceptions import ActivityError, RetryState
from temporalio.workflow import ActivityCancellationType

with workflow.unsafe.imports_passed_through():
    from accounts.models import to_milli
    from activities.accounting import AccountingActivities
    from activities.contracts import (
        CastVoicesInput,
        ComposeFilmInput,
        ComposeFilmResult,
        ComposeScoreInput,
        ComposeScoreResult,
        CreditsInput,
        CreditsResult,
        GenerateVisualInput,
        GenerateVisualResult,
        LineRequest,
        MixSoundtrackInput,
        PlanFilmInput,
        PlanFilmResult,
        PublishFilmInput,
        PublishFilmResult,
        RenderPlaceholderInput,
        RenderShotInput,
        RenderShotResult,
        SynthesizeDialogueInput,
        SynthesizeDialogueResult,
    )
    from activities.media_work import MediaActivities
    from activities.model_work import ModelActivities
    from activities.planning import PlanningActivities
    from core.breakdown import BreakdownOptions
    from providers.errors import FAILOVER_ERRORS
    from screenplay.model import FilmPlan, Scene, Shot
    from workflows import policies
    from workflows.cast_steps import ProviderSteps
    from workflows.cut import editor_cut, scene_context, score_cues, subtitle_cues
    from workflows.failures import StepFailed, describe_failure
    from workflows.film_types import FailureInfo, FilmInput, ShotStatus
    from workflows.tracker import FilmTracker

T = TypeVar("T")
# Patches (see workflows/film.py): a remote provider's pictures and voices run on its own
# task queue, heartbeating, and are awaited when cancelled so the provider is told.
PROVIDER_QUEUES = "remote-providers-on-own-queues"
MUSIC_FAILOVER = "music-chain-failover"  # a score provider that fails hands over to the next
# Media activities are awaited on cancellation: the run closes only once ffmpeg is killed
# and partial files are gone.
AWAIT_CANCEL = ActivityCancellationType.WAIT_CANCELLATION_COMPLETED


class FilmSteps(ProviderSteps):
    def __init__(self, request: FilmInput, film: FilmTracker) -> None:
        self._request = request
        self._film = film
        self._queues = request.queues

    async def step(self, step: str, shot_id: str | None, activity: Awaitable[T]) -> T:
        """Await an activity; a final failure becomes a StepFailed naming stage, step, shot."""
        try:
            return await activity
        except ActivityError as error:
            info = describe_failure(self._film.stage.value, step, shot_id, error)
            if shot_id is not None:
                track = self._film.shot(shot_id)
                track.status, track.error = ShotStatus.FAILED, info
                track.cost += info.billed  # a failed call the provider bills is charged
                exhausted = error.retry_state == RetryState.MAXIMUM_ATTEMPTS_REACHED
                track.attempts[step] = policies.MAX_ATTEMPTS if exhausted else 1
            raise StepFailed(info) from error

    async def plan(self) -> PlanFilmResult:
        request = self._request
        options = BreakdownOptions(request.options.script_format, dict(request.options.cast))
        return await self.step(
            "plan_film",
            None,
            workflow.execute_activity_method(
                PlanningActivities.plan_film,
                PlanFilmInput(request.job_id, request.script, request.title, options),
                task_queue=self._queues.orchestration,
                start_to_close_timeout=policies.PLAN_TIMEOUT,
                retry_policy=policies.RETRY,
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
                retry_policy=policies.RETRY,
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
        provider = self._film.voice_provider  # "" until the cast moves down the chain
        voice_queue = self.voice_queue(provider)
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
                    provider=provider,
                ),
                task_queue=voice_queue,
                start_to_close_timeout=policies.VOICE_TIMEOUT,
                heartbeat_timeout=policies.VOICE_HEARTBEAT,
                retry_policy=policies.RETRY,
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
                ),
                task_queue=self._queues.media,
                start_to_close_timeout=policies.RENDER_SHOT_TIMEOUT,
                retry_policy=policies.RETRY,
                summary=f"shot {shot.shot_id}: placeholder card",
            ),
        )
        track = self._film.shot(shot.shot_id)
        track.clip_done, track.assets["clip"] = True, card.clip_key
        return card

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
                retry_policy=policies.RETRY,
                summary=f"compose the score{where}",
            ),
        )
        return score

    async def soundtrack(self, stem_keys: list[str], score_key: str) -> str:
        mixed = await self.step(
            "mix_soundtrack",
            None,
            workflow.execute_activity_method(
                MediaActivities.mix_soundtrack,
                MixSoundtrackInput(
                    self._request.job_id, stem_keys, score_key, self._request.profile
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
        self._film.assets["soundtrack"] = mixed.soundtrack_key
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
                ),
                task_queue=self._queues.media,
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
                ),
                task_queue=self._queues.media,
                start_to_close_timeout=policies.PUBLISH_TIMEOUT,
                heartbeat_timeout=policies.MEDIA_HEARTBEAT,
                retry_policy=policies.RETRY,
                summary="publish",
            ),
        )
        self._film.assets["poster"] = published.poster_key
        if published.subtitles_key:
            self._film.assets["subtitles"] = published.subtitles_key
        return published

    # -- credits ---------------------------------------------------------------------------

    def _credits(self, amount: int = 0, memo: str = "") -> CreditsInput:
        request = self._request
        return CreditsInput(request.tenant_id, request.job_id, amount, memo)

    async def _books(
        self, move: Callable[..., Any], name: str, request: CreditsInput, summary: str
    ) -> CreditsResult:
        moved: CreditsResult = await self.step(
            name,
            None,
            workflow.execute_activity_method(
                move,
                request,
                task_queue=self._queues.orchestration,
                start_to_close_timeout=policies.LEDGER_TIMEOUT,
                retry_policy=policies.LEDGER_RETRY,
                summary=summary,
            ),
        )
        return moved

    async def hold(self, amount: int, memo: str) -> None:
        """Set the estimate aside before any render: a tenant short of credits fails here."""
        held = await self._books(
            AccountingActivities.hold_credits,
            "hold_credits",
            self._credits(amount, memo),
            f"hold {amount / 1000:g} credits",
        )
        self._film.credits_held += held.amount

    async def charge(self, credits: float, memo: str) -> None:
        amount = to_milli(credits)
        charged = await self._books(
            AccountingActivities.charge_credits,
            "charge_credits",
            self._credits(amount, memo),
            f"charge {amount / 1000:g} credits: {memo}",
        )
        self._film.credits_spent += charged.amount
        self._film.credits_held = max(0, self._film.credits_held - charged.amount)

    async def release(self, memo: str) -> None:
        """Give back what the job still holds. Runs on completion, failure and cancel."""
        await self._books(
            AccountingActivities.release_credits,
            "release_credits",
            self._credits(memo=memo),
            f"release credits: {memo}",
        )
        self._film.credits_held = 0
