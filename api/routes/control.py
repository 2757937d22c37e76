"""/api/v1/jobs/{id}/pause|resume|cancel: steer a running film.

Each is the same Temporal operation as the CLI's `temporal workflow signal --name pause`,
`... --name resume` and `temporal workflow cancel`, so both stay interchangeable.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, Field
from temporalio.client import WorkflowHandle
from temporalio.service import RPCError, RPCStatusCode

from api.deps import ClientDep, SessionDep, TenantDep
from api.routes.jobs import load_job, owned_job
from workflows.film import FilmWorkflow
from workflows.film_types import ControlInput

router = APIRouter(prefix="/api/v1/jobs", tags=["control"])


class ControlRequest(BaseModel):
    reason: str = Field(default="", max_length=200)


class ControlAccepted(BaseModel):
    job_id: str
    action: str


async def _running(
    job_id: str, session: SessionDep, client: ClientDep, tenant: TenantDep
) -> WorkflowHandle[Any, Any]:
    job = await load_job(job_id, session, client, tenant)
    if job.status.closed:
        raise HTTPException(status.HTTP_409_CONFLICT, f"job {job_id} is already {job.status.value}")
    return client.get_workflow_handle(job.workflow_id)


@router.post("/{job_id}/pause", status_code=202, response_model=ControlAccepted)
async def pause_job(
    job_id: str,
    session: SessionDep,
    client: ClientDep,
    tenant: TenantDep,
    body: ControlRequest | None = None,
) -> ControlAccepted:
    handle = await _running(job_id, session, client, tenant)
    await _signal(handle.signal(FilmWorkflow.pause, ControlInput(body.reason if body else "")))
    return ControlAccepted(job_id=job_id, action="pause")


@router.post("/{job_id}/resume", status_code=202, response_model=ControlAccepted)
async def resume_job(
    job_id: str, session: SessionDep, client: ClientDep, tenant: TenantDep
) -> ControlAccepted:
    handle = await _running(job_id, session, client, tenant)
    await _signal(handle.signal(FilmWorkflow.resume, ControlInput()))
    return ControlAccepted(job_id=job_id, action="resume")


@router.post("/{job_id}/cancel", status_code=202, response_model=ControlAccepted)
async def cancel_job(
    job_id: str, session: SessionDep, client: ClientDep, tenant: TenantDep
) -> ControlAccepted:
    """The same request as `temporal workflow cancel`, and 202 every time: before the film
    is published it ends `cancelled`; after, it closes the revision window and the film
    stands; a run already closed (or cancelled twice) has nothing left to stop."""
    job = owned_job(job_id, session, tenant)
    if not job.status.closed or job.revisable:
        try:
            await client.get_workflow_handle(job.workflow_id).cancel()
        except RPCError as error:
            if error.status is not RPCStatusCode.NOT_FOUND:  # NOT_FOUND: it has closed
                raise HTTPException(
                    status.HTTP_409_CONFLICT, f"the run would not take it: {error}"
                ) from error
    return ControlAccepted(job_id=job_id, action="cancel")


async def _signal(call: object) -> None:
    try:
        await call  # type: ignore[misc]
    except RPCError as error:
        raise HTTPException(
            status.HTTP_409_CONFLICT, f"the run would not take it: {error}"
        ) from error
