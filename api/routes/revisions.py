"""/api/v1/jobs/{id}/shots/{shot_id}/regenerate and /api/v1/jobs/{id}/retry.

Each is the workflow update the CLI sends as `temporal workflow update execute --name
regenerate_shot` (or `retry_failed_shots`): the validator refuses an unknown shot, or a
film that is not open for revisions, before anything reaches the history. Accepted work
is queued; the job's progress shows it, and its revision grows when the new film is out.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, Field
from temporalio.client import WorkflowUpdateFailedError
from temporalio.exceptions import ApplicationError
from temporalio.service import RPCError

from api.deps import ClientDep, SessionDep, TenantDep
from api.job_sync import QUERY_TIMEOUT
from api.routes.jobs import load_job
from core.error_types import ErrorType
from workflows.film import FilmWorkflow
from workflows.film_types import RegenerateShotInput, RevisionAccepted

router = APIRouter(prefix="/api/v1/jobs", tags=["revisions"])


class RegenerateRequest(BaseModel):
    notes: str = Field(default="", max_length=500, description="direction for the new take")
    seed: int | None = Field(default=None, ge=0, le=2**31 - 1, description="another picture")


class RevisionOut(BaseModel):
    job_id: str
    revision: int
    shot_ids: list[str]
    takes: dict[str, int]


async def _update(call: Any) -> RevisionAccepted:
    try:
        accepted: RevisionAccepted = await call
    except WorkflowUpdateFailedError as error:
        cause = error.cause
        reason = cause.message if isinstance(cause, ApplicationError) else str(error)
        unknown = isinstance(cause, ApplicationError) and cause.type == ErrorType.UNKNOWN_SHOT
        code = status.HTTP_404_NOT_FOUND if unknown else status.HTTP_409_CONFLICT
        raise HTTPException(code, reason) from error
    except RPCError as error:
        raise HTTPException(
            status.HTTP_409_CONFLICT, f"the run would not take it: {error}"
        ) from error
    return accepted


@router.post("/{job_id}/shots/{shot_id}/regenerate", status_code=202, response_model=RevisionOut)
async def regenerate_shot(
    job_id: str,
    shot_id: str,
    session: SessionDep,
    client: ClientDep,
    tenant: TenantDep,
    body: RegenerateRequest | None = None,
) -> RevisionOut:
    job = await load_job(job_id, session, client, tenant)
    body = body or RegenerateRequest()
    handle = client.get_workflow_handle(job.workflow_id)
    accepted = await _update(
        handle.execute_update(
            FilmWorkflow.regenerate_shot,
            RegenerateShotInput(shot_id, body.notes, body.seed),
            rpc_timeout=QUERY_TIMEOUT,
        )
    )
    return RevisionOut(job_id=job_id, **accepted.__dict__)


@router.post("/{job_id}/retry", status_code=202, response_model=RevisionOut)
async def retry_failed_shots(
    job_id: str, session: SessionDep, client: ClientDep, tenant: TenantDep
) -> RevisionOut:
    job = await load_job(job_id, session, client, tenant)
    handle = client.get_workflow_handle(job.workflow_id)
    accepted = await _update(
        handle.execute_update(FilmWorkflow.retry_failed_shots, rpc_timeout=QUERY_TIMEOUT)
    )
    return RevisionOut(job_id=job_id, **accepted.__dict__)
