"""/health: 200 once the database and Temporal answer, else a 503 problem with both checks."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter
from sqlalchemy import text
from temporalio.service import RPCError

from api.deps import LinkDep, SessionDep
from api.openapi import health_errors
from api.problems import problem_response
from api.strict_json import ProblemRoute
from core.error_types import ErrorType

router = APIRouter(tags=["health"], route_class=ProblemRoute)


@router.get("/health", responses=health_errors())
async def read_health(session: SessionDep, link: LinkDep) -> Any:
    checks = {"database": "ok", "temporal": "ok"}
    try:
        session.exec(text("SELECT 1"))  # type: ignore[call-overload]
    except Exception as error:  # any driver error means not ready
        checks["database"] = f"error: {type(error).__name__}"
    if link.client is None:
        checks["temporal"] = f"error: not connected yet ({link.last_error})"
    else:
        try:
            await link.client.service_client.check_health(timeout=timedelta(seconds=2))
        except RPCError as error:
            checks["temporal"] = f"error: {error.status.name}"
    if all(value == "ok" for value in checks.values()):
        return {"status": "ok", **checks}
    failing = ", ".join(name for name, value in checks.items() if value != "ok")
    return problem_response(
        ErrorType.TEMPORAL_UNAVAILABLE
        if checks["temporal"] != "ok"
        else ErrorType.DATABASE_UNAVAILABLE,
        f"not ready: {failing}",
        headers={"Retry-After": "5"},
        extra=checks,
    )
