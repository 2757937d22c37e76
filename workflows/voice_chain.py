"""FilmWorkflow's voice chain: when the film's voice provider fails for good, the whole
cast moves to the next provider of the chain and every line is spoken again there, so a
character never changes voice mid-film. Mixed into FilmWorkflow (workflows/film.py)."""

from __future__ import annotations

import asyncio

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from providers.errors import FAILOVER_ERRORS
    from screenplay.model import FilmPlan
    from workflows.failures import StepFailed, all_or_cancel
    from workflows.film_types import FilmInput
    from workflows.steps import FilmSteps
    from workflows.tracker import FilmTracker

# a voice provider that fails for good hands the whole cast to the next of the chain
VOICE_FAILOVER = "voice-failover-recast"


class VoiceChain:
    _request: FilmInput
    _film: FilmTracker
    _steps: FilmSteps
    _recasting: asyncio.Future[None] | None
    _respoken: dict[str, str]  # shot id -> its stem, spoken again after a recast

    async def _recast(self, failed: StepFailed) -> bool:
        """After a voice provider failed for good: move the cast to the next provider of
        the chain (once), so the shot can be spoken again there. False: no next provider."""
        chain = self._request.voice_providers
        current = self._film.voice_provider or (chain[0] if chain else "")
        if failed.info.error_type not in FAILOVER_ERRORS or current not in chain:
            return False
        if failed.info.provider and failed.info.provider != current:
            return True  # it failed on a provider the cast has left already: speak it again
        if chain.index(current) + 1 >= len(chain) or not workflow.patched(VOICE_FAILOVER):
            return False
        if self._recasting is None or self._recasting.done():
            plan = self._film.plan
            assert plan is not None
            new = chain[chain.index(current) + 1]
            self._recasting = asyncio.ensure_future(
                self._steps.recast(plan, current, new, failed.info.error_type)
            )
        await asyncio.shield(self._recasting)
        return True

    async def _respeak(self, plan: FilmPlan) -> None:
        """Once the cast moved, every line spoken before on the old provider is spoken
        again on the new one: a character never changes voice mid-film."""
        moved_to = self._film.voice_provider
        redo = [
            shot
            for shot in plan.shots
            if shot.dialogue
            and self._film.shot(shot.shot_id).providers.get("synthesize_dialogue") != moved_to
        ]
        spoken = await all_or_cancel([self._steps.dialogue(shot) for shot in redo])
        for shot, talk in zip(redo, spoken, strict=True):
            self._respoken[shot.shot_id] = talk.stem_key
            self._film.shot(shot.shot_id).failovers.append(
                f"synthesize_dialogue: spoken again on {moved_to} (the cast moved)"
            )
