"""/api/v1/credits: the tenant's balance and its latest ledger entries."""

from __future__ import annotations

from fastapi import APIRouter, Query

from accounts.models import to_credits
from api.deps import LedgerDep, TenantDep
from api.openapi import AUTHENTICATED, errors
from api.schemas import Credits, LedgerEntryOut
from api.strict_json import ProblemRoute

router = APIRouter(prefix="/api/v1/credits", tags=["credits"], route_class=ProblemRoute)


@router.get("", response_model=Credits, responses=errors(*AUTHENTICATED, 422))
def read_credits(
    tenant: TenantDep, ledger: LedgerDep, limit: int = Query(default=100, ge=1, le=1000)
) -> Credits:
    """granted = available + held + spent, always; amounts in credits."""
    balance = ledger.balance(tenant.id)
    return Credits(
        granted=to_credits(balance.granted),
        available=to_credits(balance.available),
        held=to_credits(balance.held),
        spent=to_credits(balance.spent),
        entries=[
            LedgerEntryOut(
                kind=entry.kind,
                amount=to_credits(entry.amount),
                job_id=entry.job_id,
                memo=entry.memo,
                created_at=entry.created_at,
            )
            for entry in ledger.entries(tenant.id, limit)
        ],
    )
