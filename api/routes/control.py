"""/api/v1/jobs/{id}/pause|resume|cancel: steer a running film.

Each is the same Temporal operation as the CLI's `temporal workflow signal --name pause`,
`... --name resume` and `temporal workflow cancel`, so both stay interchangeable. Cancel
answers 202 every time: a second cancel, or one on a run that has closed since, is the
same request already honoured (for a film in its revision window it closes the window).
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field
from temporalio.client import WorkflowHandle
from temporalio.service import RPCError, RPCStatusCode

from api.deps import LinkDep, SessionDep, TenantDep
from api.openapi import AUTHENTICATED, WITH_BODY, errors
from api.problems import ProblemException
from api.routes.jobs import load_job, owned_job
from api.strict_json import ProblemRoute
from api.temporal_errors import temporal_problem
from core.error_types import ErrorType
from workflows.film import FilmWorkflow
from workflows.film_types import ControlInput

router = APIRouter(prefix="/api/v1/jobs", tags=["control"], route_class=ProblemRoute)
STEER_ERRORS = errors(*AUTHENTICATED, *WITH_BODY, 404, 409, 503)


class ControlRequest(BaseModel):
    reason: str = Field(default="", max_length=200)


class ControlAccepted(BaseModel):
    job_id: str
    action: str


async def _running(
    job_id: str, session: SessionDep, link: LinkDep, tenant: TenantDep
) -> WorkflowHandle[Any, Any]:
    job = await load_job(job_id, session, link, tenant)
    if job.status.closed:
        raise ProblemException(ErrorType.CONFLICT, f"job {job_id} is already {job.status.value}")
    return link.require().get_workflow_handle(job.workflow_id)


@router.post(
    "/{job_id}/pause", status_code=202, response_model=ControlAccepted, responses=STEER_ERRORS
)
async def pause_job(
    job_id: str,
    tenant: TenantDep,
    session: SessionDep,
    link: LinkDep,
    body: ControlRequest | None = None,
) -> ControlAccepted:
    handle = await _running(job_id, session, link, tenant)
    await _send(handle.signal(FilmWorkflow.pause, ControlInput(body.reason if body else "")))
    return ControlAccepted(job_id=job_id, action="pause")


@router.post(
    "/{job_id}/resume", status_code=202, response_model=ControlAccepted, responses=STEER_ERRORS
)
async def resume_job(
    job_id: str, tenant: TenantDep, session: SessionDep, link: LinkDep
) -> ControlAccepted:
    handle = await _running(job_id, session, link, tenant)
    await _send(handle.signal(FilmWorkflow.resume, ControlInput()))
    return ControlAccepted(job_id=job_id, action="resume")


@router.post(
    "/{job_id}/cancel",
    status_code=202,
    response_model=ControlAccepted,
    responses=errors(*AUTHENTICATED, 404, 503),
)
async def cancel_job(
    job_id: str, tenant: TenantDep, session: SessionDep, link: LinkDep
) -> ControlAccepted:
    """The same request as `temporal workflow cancel`, and 202 every time: before the film
    is published it ends `cancelled`; after, it closes the revision window and the film
    stands; a run already closed (or cancelled twice) has nothing left to stop."""
    job = owned_job(job_id, session, tenant)  # no refresh: a stale row still gets its cancel
    if not job.status.closed or job.revisable:
        try:
            await link.require().get_workflow_handle(job.workflow_id).cancel()
        except RPCError as error:
            if error.status is not RPCStatusCode.NOT_FOUND:  # NOT_FOUND: closed meanwhile
                raise temporal_problem(error) from error
    return ControlAccepted(job_id=job_id, action="cancel")


async def _send(call: Awaitable[None]) -> None:
    try:
        await call
    except RPCError as error:
        raise temporal_problem(error) from error
