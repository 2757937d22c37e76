"""The film's ledger moves as steps: hold before any render, charge per shot, release
what is left. Each is quick and atomic: one in flight is always awaited to its end."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from accounts.models import to_milli
    from activities.accounting import AccountingActivities
    from activities.contracts import (
        CreditsInput,
        CreditsResult,
    )
    from workflows import policies
    from workflows.cancel import OnCancel
    from workflows.step_runner import StepRunner


class LedgerSteps(StepRunner):
    def _credits(self, amount: int = 0, memo: str = "") -> CreditsInput:
        request = self._request
        return CreditsInput(request.tenant_id, request.job_id, amount, memo)

    async def _books(
        self,
        move: Callable[..., Any],
        name: str,
        request: CreditsInput,
        summary: str,
        on_cancel: OnCancel = OnCancel.FINISH,
    ) -> CreditsResult:
        """A ledger move: quick and atomic, so one in flight is always awaited to the end."""
        moved: CreditsResult = await self.step(
            name,
            None,
            workflow.execute_activity_method(
                move,
                request,
                task_queue=self._queues.orchestration,
                start_to_close_timeout=policies.LEDGER_TIMEOUT,
                retry_policy=policies.LEDGER_RETRY,
                cancellation_type=self._await_cancel,
                summary=summary,
            ),
            on_cancel,
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
            OnCancel.RUN,
        )
        self._film.credits_held = 0
