"""Money and notices: the credits ledger and signed webhooks. Hosted on the
film-orchestration queue, beside the workflow, by workers that reach the database.

Each ledger move's idempotency key is "<workflow id>:<run id>:<activity id>": the same on
every attempt of one activity, different for every other. A worker that dies after the
database committed but before Temporal heard back is retried, finds its key taken and
returns the first outcome: nothing is held, charged or released twice.
"""

from __future__ import annotations

from temporalio import activity
from temporalio.exceptions import ApplicationError

from accounts.ledger import InsufficientCreditsError, Ledger, UnknownTenantError
from activities.contracts import CreditsInput, CreditsResult, NotifyInput
from activities.errors import INSUFFICIENT_CREDITS
from activities.webhooks import DeliverWebhookInput, DeliverWebhookResult, WebhookActivities
from notify.webhooks import WebhookEvent

UNKNOWN_TENANT = "UnknownTenant"


def ledger_key() -> str:
    info = activity.info()
    return f"{info.workflow_id}:{info.workflow_run_id}:{info.activity_id}"


class AccountingActivities:
    def __init__(self, ledger: Ledger, webhooks: WebhookActivities) -> None:
        self._ledger = ledger
        self._webhooks = webhooks

    @activity.defn
    def hold_credits(self, request: CreditsInput) -> CreditsResult:
        key = ledger_key()
        try:
            entry = self._ledger.hold(
                request.tenant_id, request.job_id, request.amount, key, request.memo
            )
        except InsufficientCreditsError as error:
            raise ApplicationError(
                f"not enough credits: {error}", type=INSUFFICIENT_CREDITS, non_retryable=True
            ) from error
        except UnknownTenantError as error:
            raise ApplicationError(str(error), type=UNKNOWN_TENANT, non_retryable=True) from error
        return CreditsResult(entry.amount, key)

    @activity.defn
    def charge_credits(self, request: CreditsInput) -> CreditsResult:
        key = ledger_key()
        entry = self._ledger.charge(
            request.tenant_id, request.job_id, request.amount, key, request.memo
        )
        return CreditsResult(entry.amount, key)

    @activity.defn
    def release_credits(self, request: CreditsInput) -> CreditsResult:
        key = ledger_key()
        entry = self._ledger.release(request.tenant_id, request.job_id, key, request.memo)
        return CreditsResult(entry.amount, key)

    @activity.defn
    def notify_webhook(self, request: NotifyInput) -> DeliverWebhookResult:
        """Sign with the tenant's secret, read here so it never enters the history."""
        secret = self._ledger.tenant(request.tenant_id).webhook_secret
        info = activity.info()
        event = WebhookEvent(request.event, request.job_id, request.status, dict(request.data))  # type: ignore[arg-type]
        return self._webhooks.deliver_webhook(
            DeliverWebhookInput(
                request.url, secret, event, f"{info.workflow_id}:{info.activity_id}"
            )
        )
