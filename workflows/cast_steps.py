"""FilmSteps' remote-provider steps: the character bible made once per film, and the cast
moved down the voice chain. Mixed into FilmSteps (workflows/steps.py), which supplies
`step` and the run's request and books."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

from temporalio import workflow
from temporalio.workflow import ActivityCancellationType

with workflow.unsafe.imports_passed_through():
    from activities.contracts import CastVoicesInput, CharacterReferencesInput
    from activities.model_work import ModelActivities
    from core.task_queues import TaskQueues
    from providers.prompts import shown
    from screenplay.model import FilmPlan, Shot
    from workflows import policies
    from workflows.failures import StepFailed
    from workflows.film_types import FilmInput
    from workflows.tracker import FilmTracker

T = TypeVar("T")
AWAIT_CANCEL = ActivityCancellationType.WAIT_CANCELLATION_COMPLETED


class ProviderSteps:
    _request: FilmInput
    _film: FilmTracker
    _queues: TaskQueues

    async def step(self, step: str, shot_id: str | None, activity: Awaitable[T]) -> T:
        raise NotImplementedError  # FilmSteps.step

    async def character_bible(self, plan: FilmPlan) -> float:
        """Each character's reference, made once by the first remote provider of the chain
        that takes references (users' own pictures stand); returns what it cost. A
        provider that fails hands over to the next; with none, shots go without."""
        request = self._request
        self._film.references = dict(request.options.references)
        missing = [name for name in plan.characters if name not in self._film.references]
        for provider in request.visual_providers:
            queue = request.provider_queues.get(provider)
            if not missing or not queue:
                continue
            try:
                made = await self.step(
                    "make_character_references",
                    None,
                    workflow.execute_activity_method(
                        ModelActivities.make_character_references,
                        CharacterReferencesInput(
                            request.job_id, plan.title, missing, provider, request.profile,
                            request.options.style,
                        ),
                        task_queue=queue,
                        start_to_close_timeout=policies.REMOTE_VISUAL_TIMEOUT,
                        heartbeat_timeout=policies.REMOTE_HEARTBEAT,
                        cancellation_type=AWAIT_CANCEL,
                        retry_policy=policies.RETRY,
                        summary=f"character references via {provider}",
                    ),
                )  # fmt: skip
            except StepFailed:
                continue
            if made.references:
                self._film.references.update(made.references)
                self._film.references_by = made.provider
                return made.credits
        return 0.0

    @property
    def first_voice(self) -> str:
        """The provider the film's cast is chosen on: the chain's first (the API starts the
        chain at the first provider that takes the user's cast); "" for the worker's own."""
        chain = self._request.voice_providers
        return chain[0] if chain else ""

    def voice_queue(self, provider: str) -> str:
        """A voice provider's own queue; "" for the models queue."""
        if not provider:
            return self._request.voice_queue
        return self._request.provider_queues.get(provider, "")

    async def recast(self, plan: FilmPlan, old: str, new: str, why: str) -> None:
        """The film's cast moves to the next voice provider, with its own voices there."""
        cast = await self.step(
            "cast_voices",
            None,
            workflow.execute_activity_method(
                ModelActivities.cast_voices,
                CastVoicesInput(self._request.job_id, plan.characters, provider=new),
                task_queue=self.voice_queue(new) or self._queues.models,
                start_to_close_timeout=policies.CAST_TIMEOUT,
                retry_policy=policies.RETRY,
                summary=f"recast {len(plan.characters)} voices on {new}",
            ),
        )
        self._film.cast, self._film.voice_provider = dict(cast.voices), new
        self._film.voice_failovers.append(f"synthesize_dialogue: {old} -> {new} ({why})")

    def references_for(self, shot: Shot) -> dict[str, str]:
        """The references of the characters a shot shows, in the order it shows them."""
        refs = self._film.references
        return {name: refs[name] for name in shown(shot) if name in refs}
