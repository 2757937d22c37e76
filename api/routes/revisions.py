"""/api/v1/jobs/{id}/shots/{shot_id}/regenerate and /api/v1/jobs/{id}/retry.

Each is the workflow update the CLI sends as `temporal workflow update execute --name
regenerate_shot` (or `retry_failed_shots`): the validator refuses an unknown shot, or a
film that is not open for revisions, before anything reaches the history. Accepted work
is queued; the job's progress shows it, and its revision grows when the new film is out.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import LinkDep, SessionDep, TenantDep
from api.job_sync import QUERY_TIMEOUT
from api.openapi import AUTHENTICATED, WITH_BODY, errors
from api.routes.jobs import load_job
from api.strict_json import ProblemRoute
from api.temporal_errors import TEMPORAL_ERRORS, temporal_problem
from workflows.film import FilmWorkflow
from workflows.film_types import RegenerateShotInput, RevisionAccepted

router = APIRouter(prefix="/api/v1/jobs", tags=["revisions"], route_class=ProblemRoute)
REVISION_ERRORS = errors(*AUTHENTICATED, *WITH_BODY, 404, 409, 503)


class RegenerateRequest(BaseModel):
    notes: str = Field(default="", max_length=500, description="direction for the new take")
    seed: int | None = Field(default=None, ge=0, le=2**31 - 1, description="another picture")


class RevisionOut(BaseModel):
    job_id: str
    revision: int
    shot_ids: list[str]
    takes: dict[str, int]


async def _update(call: Any) -> RevisionAccepted:
    """The validator's rejection is typed (UnknownShot is 404, NotRevisable 409): the
    problem table maps it; any other type the run gives is a 409."""
    try:
        accepted: RevisionAccepted = await call
    except TEMPORAL_ERRORS as error:
        raise temporal_problem(error) from error
    return accepted


@router.post(
    "/{job_id}/shots/{shot_id}/regenerate",
    status_code=202,
    response_model=RevisionOut,
    responses=REVISION_ERRORS,
)
async def regenerate_shot(
    job_id: str,
    shot_id: str,
    tenant: TenantDep,
    session: SessionDep,
    link: LinkDep,
    body: RegenerateRequest | None = None,
) -> RevisionOut:
    job = await load_job(job_id, session, link, tenant)
    body = body or RegenerateRequest()
    handle = link.require().get_workflow_handle(job.workflow_id)
    accepted = await _update(
        handle.execute_update(
            FilmWorkflow.regenerate_shot,
            RegenerateShotInput(shot_id, body.notes, body.seed),
            rpc_timeout=QUERY_TIMEOUT,
        )
    )
    return RevisionOut(job_id=job_id, **accepted.__dict__)


@router.post(
    "/{job_id}/retry", status_code=202, response_model=RevisionOut, responses=REVISION_ERRORS
)
async def retry_failed_shots(
    job_id: str, tenant: TenantDep, session: SessionDep, link: LinkDep
) -> RevisionOut:
    job = await load_job(job_id, session, link, tenant)
    handle = link.require().get_workflow_handle(job.workflow_id)
    accepted = await _update(
        handle.execute_update(FilmWorkflow.retry_failed_shots, rpc_timeout=QUERY_TIMEOUT)
    )
    return RevisionOut(job_id=job_id, **accepted.__dict__)
