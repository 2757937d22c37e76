"""Per-tenant limits: requests per minute (the `limits` library, counted in the shared
database) and films in flight (queued or running jobs; a completed film in its revision
window is not in flight). Both answer 429 with Retry-After."""

from __future__ import annotations

import asyncio
import math
import time

from limits import RateLimitItemPerMinute
from limits.strategies import SlidingWindowCounterRateLimiter
from sqlalchemy import Engine
from sqlmodel import Session, col, func, select
from temporalio.client import Client

from api.job_sync import refresh_job
from api.models import Job, JobStatus
from api.problems import ProblemException
from api.rate_store import SqlRateStorage
from core.error_types import ErrorType

IN_FLIGHT = (JobStatus.QUEUED, JobStatus.RUNNING)
FILM_RETRY_AFTER_S = 30  # a short film's typical render: when to try again


class RequestRate:
    """Requests per minute per tenant; 0 turns the limit off."""

    def __init__(self, engine: Engine, per_minute: int) -> None:
        self._item = RateLimitItemPerMinute(per_minute) if per_minute > 0 else None
        self._limiter = SlidingWindowCounterRateLimiter(SqlRateStorage(engine))

    def hit(self, tenant_id: str) -> None:
        if self._item is None or self._limiter.hit(self._item, "requests", tenant_id):
            return
        reset_at = self._limiter.get_window_stats(self._item, "requests", tenant_id).reset_time
        wait = max(1, math.ceil(reset_at - time.time()))
        raise ProblemException(
            ErrorType.RATE_LIMITED,
            f"over {self._item.amount} requests per minute for this tenant; retry in {wait} s",
            headers={"Retry-After": str(wait)},
        )


def films_in_flight(session: Session, tenant_id: str) -> list[Job]:
    mine = select(Job).where(Job.tenant_id == tenant_id, col(Job.status).in_(IN_FLIGHT))
    return list(session.exec(mine).all())


def count_in_flight(session: Session, tenant_id: str) -> int:
    mine = (Job.tenant_id == tenant_id, col(Job.status).in_(IN_FLIGHT))
    return int(session.exec(select(func.count()).select_from(Job).where(*mine)).one())


async def admit_film(engine: Engine, client: Client, job: Job, limit: int) -> None:
    """Write the new job's row and admit it, or delete it and refuse with a 429. The row is
    committed before counting, so that two processes admitting at once both see each
    other's job: at worst both refuse, never both pass the limit. Rows the index still
    shows in flight are brought up to date from Temporal before refusing, with no
    database connection held while Temporal answers."""
    with Session(engine, expire_on_commit=False) as session:
        session.add(job)
        session.commit()
        if limit <= 0 or count_in_flight(session, job.tenant_id) <= limit:
            return
        others = [other for other in films_in_flight(session, job.tenant_id) if other.id != job.id]
    changed = await asyncio.gather(*(refresh_job(client, other) for other in others))
    with Session(engine) as session:
        for other, moved in zip(others, changed, strict=True):
            if moved:
                session.add(other)  # re-attached: only what the refresh changed is written
        session.commit()
        if count_in_flight(session, job.tenant_id) <= limit:
            return
        mine = session.get(Job, job.id)
        if mine is not None:
            session.delete(mine)
            session.commit()
    raise ProblemException(
        ErrorType.TOO_MANY_FILMS,
        f"this tenant has {limit} films in flight, the limit; retry when one is done",
        headers={"Retry-After": str(FILM_RETRY_AFTER_S)},
    )
