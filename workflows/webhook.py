"""WebhookWorkflow: one signed notice, delivered durably.

FilmWorkflow starts it as a child that outlives its parent (ParentClosePolicy.ABANDON), so
a receiver that is down for an hour neither holds the film open nor loses the notice:
Temporal retries the delivery on its own schedule (workflows/policies.py).
"""

from __future__ import annotations

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from activities.accounting import AccountingActivities
    from activities.contracts import NotifyInput
    from workflows import policies


@workflow.defn
class WebhookWorkflow:
    @workflow.run
    async def run(self, request: NotifyInput) -> int:
        delivered = await workflow.execute_activity_method(
            AccountingActivities.notify_webhook,
            request,
            start_to_close_timeout=policies.WEBHOOK_TIMEOUT,
            retry_policy=policies.WEBHOOK_RETRY,
            summary=f"POST {request.event}",
        )
        return delivered.status_code
