"""/health: 200 once the database and Temporal answer."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text
from temporalio.service import RPCError

from api.deps import ClientDep, SessionDep

router = APIRouter(tags=["health"])


@router.get("/health")
async def read_health(session: SessionDep, client: ClientDep) -> Any:
    checks = {"database": "ok", "temporal": "ok"}
    try:
        session.exec(text("SELECT 1"))  # type: ignore[call-overload]
    except Exception as error:  # any driver error means not ready
        checks["database"] = f"error: {error}"
    try:
        await client.service_client.check_health(timeout=timedelta(seconds=2))
    except RPCError as error:
        checks["temporal"] = f"error: {error}"
    ready = all(value == "ok" for value in checks.values())
    return JSONResponse(
        status_code=200 if ready else 503,
        content={"status": "ok" if ready else "unavailable", **checks},
    )
