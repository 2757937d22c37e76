"""/api/v1/jobs: submit a script, follow its film, fetch the result."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Query, Request, status
from sqlmodel import col, func, select
from temporalio.client import WorkflowQueryFailedError
from temporalio.service import RPCError

from accounts.models import JobCredits, Tenant, to_credits, to_milli
from api.breakdowns import cast_voices, priced_breakdown, webhook_target
from api.cast_references import stored_references
from api.deps import (
    EngineDep,
    LedgerDep,
    LinkDep,
    SessionDep,
    SettingsDep,
    SignerDep,
    StoreDep,
    TenantDep,
)
from api.job_rows import record_not_started
from api.job_sync import QUERY_TIMEOUT, refresh_job
from api.models import Job, JobStatus
from api.openapi import AUTHENTICATED, WITH_BODY, errors
from api.problems import ProblemException
from api.schemas import (
    Cost,
    Download,
    JobCreate,
    JobCreated,
    JobError,
    JobPage,
    JobPublic,
    Progress,
)
from api.signing import UrlSigner
from api.strict_json import ProblemRoute
from api.temporal_errors import temporal_problem
from api.tenant_limits import admit_film
from core.error_types import ErrorType
from providers import registry
from storage import keys
from workflows.film import FilmWorkflow
from workflows.film_types import FilmInput, FilmOptions

router = APIRouter(prefix="/api/v1/jobs", tags=["jobs"], route_class=ProblemRoute)
MAX_OFFSET = 2**31 - 1  # far past any tenant's jobs, and within every database's integers


def job_cost(job: Job, money: JobCredits | None) -> Cost:
    if money is None:  # nothing held yet
        return Cost(estimated=to_credits(job.estimated_credits), held=0.0, spent=0.0)
    return Cost(
        estimated=to_credits(money.estimated),
        held=to_credits(money.held),
        spent=to_credits(money.spent),
    )


def job_public(job: Job, money: JobCredits | None) -> JobPublic:
    error = None
    if job.error is not None:
        error = JobError(
            stage=job.error_stage,
            step=job.error_step,
            shot_id=job.error_shot,
            type=job.error_type,
            message=job.error,
        )
    return JobPublic(
        job_id=job.id,
        workflow_id=job.workflow_id,
        title=job.title,
        status=job.status,
        progress=Progress(
            percent=job.percent,
            stage=job.stage,
            shots_done=job.shots_done,
            shots_total=job.shots_total,
            paused=job.paused,
        ),
        duration_s=job.duration_s,
        created_at=job.created_at,
        cost=job_cost(job, money),
        revision=job.revision,
        revisable=job.revisable,
        error=error,
    )


def files_url(signer: UrlSigner, base: str, job_id: str, key: str | None) -> str | None:
    """A signed, expiring link: players and browsers fetch it without the API key."""
    if key is None:
        return None
    path = f"/api/v1/jobs/{job_id}/files/{key.removeprefix(f'jobs/{job_id}/')}"
    return f"{base.rstrip('/')}{signer.sign(path)}"


def insufficient_credits(needed: int, tenant: Tenant, estimate: dict[str, Any]) -> Exception:
    return ProblemException(
        ErrorType.INSUFFICIENT_CREDITS,
        f"this film is estimated at {to_credits(needed):g} credits;"
        f" {to_credits(tenant.available):g} are available",
        extra={
            "estimate": estimate,
            "balance": {
                "granted": to_credits(tenant.granted),
                "available": to_credits(tenant.available),
                "held": to_credits(tenant.held),
                "spent": to_credits(tenant.spent),
            },
        },
    )


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=JobCreated,
    responses=errors(*AUTHENTICATED, *WITH_BODY, 402, 503),
)
async def create_job(
    body: JobCreate,
    request: Request,
    tenant: TenantDep,
    engine: EngineDep,
    link: LinkDep,
    settings: SettingsDep,
    ledger: LedgerDep,
    store: StoreDep,
) -> JobCreated:
    """No database connection is held across an await: the row is written and committed
    (admit_film), the workflow started, and a failure to start recorded in a new session;
    so a burst of submissions in one process never exhausts the connection pool."""
    # Refused here costs nothing and starts nothing.
    planned = await priced_breakdown(request, body)
    breakdown, priced, voices = planned.breakdown, planned.estimate, planned.voices
    webhook_url = await webhook_target(body, settings)
    references = await stored_references(body, tenant.id, store, settings)
    plan = breakdown.plan
    needed = to_milli(priced.credits)
    tenant = ledger.tenant(tenant.id)  # the balance as of now
    if needed > tenant.available:
        raise insufficient_credits(needed, tenant, asdict(priced))
    client = link.require()
    job_id = uuid.uuid4().hex
    workflow_id = f"film-{job_id}"
    job = Job(
        id=job_id,
        workflow_id=workflow_id,
        tenant_id=tenant.id,
        title=plan.title,
        shots_total=len(plan.shots),
        duration_s=plan.duration_s,
        estimated_credits=needed,
    )
    await admit_film(engine, client, job, settings.films_in_flight)
    try:
        await client.start_workflow(
            FilmWorkflow.run,
            FilmInput(
                job_id=job_id,
                script=body.script,
                title=body.title,
                options=FilmOptions(
                    max_parallel_shots=settings.max_parallel_shots,
                    script_format=body.options.format,
                    cast=cast_voices(body),
                    on_shot_failure=body.options.on_shot_failure,
                    webhook_url=webhook_url,
                    revision_window_s=settings.revision_window_s,
                    strict=body.options.strict,
                    references=references,
                    style=body.options.style,
                    negative_prompt=body.options.negative_prompt,
                ),
                profile=settings.render_profile(),
                queues=settings.task_queues(),
                tenant_id=tenant.id,
                credits_estimate=needed,
                visual_providers=registry.chain(settings.visual_provider),
                provider_queues=settings.provider_queues(),
                voice_queue=settings.provider_queues().get(voices[0], ""),
                voice_providers=voices,
                music_providers=registry.chain(settings.music_provider),
            ),
            id=workflow_id,
            task_queue=settings.orchestration_queue,
            static_summary=f"Film: {plan.title}",
            static_details=(
                f"{len(plan.scenes)} scenes · {len(plan.shots)} shots · {plan.duration_s:g} s"
            ),
            rpc_timeout=QUERY_TIMEOUT,
        )
    except RPCError as error:
        problem = temporal_problem(error)
        message = f"could not start the workflow: {error}"
        record_not_started(engine, job_id, message, problem.code.value)
        raise problem from error
    return JobCreated(job_id=job_id, workflow_id=workflow_id, status=JobStatus.QUEUED)


@router.get("", response_model=JobPage, responses=errors(*AUTHENTICATED, 422))
def read_jobs(
    tenant: TenantDep,
    session: SessionDep,
    ledger: LedgerDep,
    limit: int = Query(default=20, ge=1, le=100),
    offset: int = Query(default=0, ge=0, le=MAX_OFFSET),
) -> JobPage:
    mine = Job.tenant_id == tenant.id
    total = session.exec(select(func.count()).select_from(Job).where(mine)).one()
    jobs = session.exec(
        select(Job)
        .where(mine)
        .order_by(col(Job.created_at).desc(), col(Job.id))
        .offset(offset)
        .limit(limit)
    ).all()
    money = ledger.job_credits_for([job.id for job in jobs])  # one query for the page
    items = [job_public(job, money.get(job.id)) for job in jobs]
    return JobPage(items=items, total=total, limit=limit, offset=offset)


def owned_job(job_id: str, session: SessionDep, tenant: Tenant) -> Job:
    """The tenant's job; any other tenant's job is 404, as if it did not exist. The row
    comes back detached and the session's connection back in the pool, so the caller may
    await Temporal without holding one."""
    job = session.get(Job, job_id)
    session.close()
    if job is None or job.tenant_id != tenant.id:
        raise ProblemException(ErrorType.JOB_NOT_FOUND, f"no job {job_id!r}")
    return job


async def load_job(job_id: str, session: SessionDep, link: LinkDep, tenant: Tenant) -> Job:
    """The tenant's job (else 404) brought up to date from its run (503 while the API has
    not reached Temporal); detached, with no connection held while Temporal answers."""
    job = owned_job(job_id, session, tenant)
    if await refresh_job(link.require(), job):
        session.add(job)  # re-attached: only what the refresh changed is written
        session.commit()
    return job


@router.get("/{job_id}", response_model=JobPublic, responses=errors(*AUTHENTICATED, 404, 503))
async def read_job(
    job_id: str, tenant: TenantDep, session: SessionDep, link: LinkDep, ledger: LedgerDep
) -> JobPublic:
    job = await load_job(job_id, session, link, tenant)
    return job_public(job, ledger.job_credits(job.id))


@router.get("/{job_id}/state", responses=errors(*AUTHENTICATED, 404, 409, 503))
async def read_job_state(
    job_id: str,
    tenant: TenantDep,
    session: SessionDep,
    link: LinkDep,
    settings: SettingsDep,
    signer: SignerDep,
) -> Any:
    job = await load_job(job_id, session, link, tenant)
    handle = link.require().get_workflow_handle(job.workflow_id)
    try:
        state = await handle.query(FilmWorkflow.state, rpc_timeout=QUERY_TIMEOUT)
    except RPCError as error:
        raise temporal_problem(error) from error
    except WorkflowQueryFailedError as error:
        raise ProblemException(
            ErrorType.CONFLICT, f"the film's state is not available yet: {error}"
        ) from error
    body = asdict(state)
    base = settings.public_base_url
    body["status"] = job.status.value
    body["assets"] = {n: files_url(signer, base, job.id, k) for n, k in state.assets.items()}
    for scene in body["scenes"]:
        for shot in scene["shots"]:
            assets = shot["assets"].items()
            shot["assets"] = {n: files_url(signer, base, job.id, k) for n, k in assets}
    return body


@router.get(
    "/{job_id}/download", response_model=Download, responses=errors(*AUTHENTICATED, 404, 409, 503)
)
async def read_download(
    job_id: str,
    tenant: TenantDep,
    session: SessionDep,
    link: LinkDep,
    settings: SettingsDep,
    store: StoreDep,
    signer: SignerDep,
) -> Download:
    job = await load_job(job_id, session, link, tenant)
    if job.status is not JobStatus.COMPLETED or job.video_key is None:
        raise ProblemException(
            ErrorType.NOT_READY,
            f"job {job_id} is {job.status.value} ({job.percent}%): the film is not ready",
        )
    base = settings.public_base_url
    near = {name: keys.beside(job.video_key, name) for name in (keys.VTT, keys.TIMELINE)}
    present = {name: key for name, key in near.items() if store.exists(key)}
    return Download(
        url=files_url(signer, base, job.id, job.video_key) or "",
        subtitles_url=files_url(signer, base, job.id, job.subtitles_key),
        vtt_url=files_url(signer, base, job.id, present.get(keys.VTT)),
        timeline_url=files_url(signer, base, job.id, present.get(keys.TIMELINE)),
        poster_url=files_url(signer, base, job.id, job.poster_key),
        expires_in_s=signer.ttl_s,
        duration_s=job.duration_s,
        size_bytes=job.size_bytes,
        sha256=job.sha256,
    )
