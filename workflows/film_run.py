"""FilmRun: what the parts of a film's run share: its state, its books (the hold released
whatever happens), its job index, its webhooks, its stage. FilmWorkflow (workflows/film.py)
makes the film; RevisionWindow (workflows/review.py) keeps it open for revisions.
"""

from __future__ import annotations

from typing import Any

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from activities.contracts import (
        NotifyInput,
        PublishFilmResult,
        RenderShotResult,
    )
    from screenplay.model import FilmPlan
    from workflows.cancel import uncancellable
    from workflows.film_types import (
        FilmInput,
        FilmResult,
        Stage,
    )
    from workflows.index import JobIndex
    from workflows.revisions import Revision
    from workflows.steps import FilmSteps
    from workflows.tracker import FilmTracker
    from workflows.webhook import WebhookWorkflow


class FilmRun:
    def __init__(self, request: FilmInput) -> None:
        self._request = request
        voices = request.voice_providers
        self._film = FilmTracker(request.job_id, voices[0] if voices else "")
        self._steps = FilmSteps(request, self._film)
        self._index = JobIndex(self._film, request.queues.orchestration)
        self._ledger_and_revisions = False  # runs from before the ledger replay without it
        self._exact_cancel = False  # runs that began before it replay without it
        self._revisions: list[Revision] = []
        self._finish = False
        self._result: FilmResult | None = None
        self._rendered: dict[str, RenderShotResult] = {}
        self._stems: dict[str, str] = {}
        self._soundtrack_key = ""

    @property
    def _ledger(self) -> bool:
        return self._ledger_and_revisions and bool(self._request.tenant_id)

    async def _settle(self, memo: str) -> None:
        """Release whatever is still held: compensation that runs whatever happened."""
        if self._ledger:
            await self._steps.release(memo)

    async def _compensate(self, memo: str) -> None:
        """A film that ends without a film: release what is held and record the outcome,
        in a scope a cancel cannot interrupt."""
        if not self._exact_cancel:
            await self._settle(memo)
            return
        await uncancellable(self._settle(memo))
        await self._index.flush()

    async def _notify(self, event: str, data: dict[str, Any]) -> None:
        url = self._request.options.webhook_url
        if not (self._ledger_and_revisions and url and self._request.tenant_id):
            return
        status = event.removeprefix("film.")
        await workflow.start_child_workflow(
            WebhookWorkflow.run,
            NotifyInput(self._request.tenant_id, url, event, self._request.job_id, status, data),
            id=f"{workflow.info().workflow_id}-webhook-{status}-{self._film.revision}",
            task_queue=self._request.queues.orchestration,
            parent_close_policy=workflow.ParentClosePolicy.ABANDON,
            static_summary=f"webhook {event}",
        )

    @staticmethod
    def _published(result: FilmResult) -> dict[str, Any]:
        return {
            "video_url": result.video_url,
            "duration_s": result.duration_s,
            "sha256": result.sha256,
        }

    def _film_result(self, plan: FilmPlan, published: PublishFilmResult) -> FilmResult:
        return FilmResult(
            job_id=self._request.job_id,
            title=plan.title,
            video_key=published.video_key,
            subtitles_key=published.subtitles_key,
            poster_key=published.poster_key,
            video_url=published.video_url,
            subtitles_url=published.subtitles_url,
            duration_s=published.duration_s,
            size_bytes=published.size_bytes,
            sha256=published.sha256,
            shots=len(plan.shots),
        )

    async def _charge_shot(self, shot_id: str) -> None:
        track = self._film.shot(shot_id)
        if self._ledger and track.cost > 0:
            cost, track.cost = track.cost, 0.0
            await self._steps.charge(cost, f"shot {shot_id} take {track.take}")

    async def _while_paused(self) -> None:
        if self._film.paused:
            await workflow.wait_condition(lambda: not self._film.paused)

    def _enter(self, stage: Stage) -> None:
        self._film.stage = stage
        self._publish_summary()
        self._index.record(self._result)

    def _publish_summary(self) -> None:
        workflow.set_current_details(self._film.summary())
