"""The credits ledger: grant, hold, charge, release; exact under retries and crashes.

Every operation is one transaction that first claims its idempotency key (an INSERT into
the entries' unique key column), then moves money between a tenant's balances and the
job's. A retried activity finds its key taken and gets the first outcome back, so nothing
is held, charged or released twice. The INSERT also takes SQLite's write lock before
anything is read; PostgreSQL locks the tenant's row with SELECT ... FOR UPDATE.
Invariant, always: granted = available + held + spent, none negative.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from accounts.keys import new_key, secret_matches, split_key
from accounts.models import JobCredits, LedgerEntry, Tenant


class LedgerError(ValueError):
    pass


class UnknownTenantError(LedgerError):
    pass


class InsufficientCreditsError(LedgerError):
    def __init__(self, needed: int, available: int) -> None:
        super().__init__(f"needs {needed / 1000:g} credits; {available / 1000:g} available")
        self.needed, self.available = needed, available


@dataclass(frozen=True)
class Balance:
    granted: int
    available: int
    held: int
    spent: int

    @property
    def balanced(self) -> bool:
        parts = (self.available, self.held, self.spent)
        return self.granted == sum(parts) and min(parts) >= 0


@dataclass(frozen=True)
class CreatedTenant:
    tenant: Tenant
    key: str


Move = Callable[[Session, Tenant, LedgerEntry], None]


class Ledger:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # -- tenants -------------------------------------------------------------------------

    def create_tenant(self, name: str, credits: int = 0) -> CreatedTenant:
        key = new_key()
        tenant = Tenant(
            id=secrets.token_hex(8),
            name=name,
            key_id=key.key_id,
            key_hash=key.secret_hash,
            webhook_secret=secrets.token_hex(32),
        )
        with Session(self._engine) as session:
            if session.exec(select(Tenant).where(Tenant.name == name)).first() is not None:
                raise LedgerError(f"a tenant named {name!r} already exists")
            session.add(tenant)
            session.commit()
            session.refresh(tenant)
        if credits:
            self.grant(tenant.id, credits * 1000, key=f"tenant:{tenant.id}:opening-grant")
        return CreatedTenant(self.tenant(tenant.id), key.key)

    def rotate_key(self, tenant_id: str) -> str:
        key = new_key()
        with Session(self._engine) as session:
            tenant = self._tenant(session, tenant_id)
            tenant.key_id, tenant.key_hash = key.key_id, key.secret_hash
            session.add(tenant)
            session.commit()
        return key.key

    def tenant(self, tenant_id: str) -> Tenant:
        with Session(self._engine) as session:
            return self._tenant(session, tenant_id)

    def tenant_named(self, name: str) -> Tenant:
        with Session(self._engine) as session:
            tenant = session.exec(select(Tenant).where(Tenant.name == name)).first()
        if tenant is None:
            raise UnknownTenantError(f"no tenant named {name!r}")
        return tenant

    def authenticate(self, key: str) -> Tenant | None:
        parts = split_key(key)
        if parts is None:
            return None
        key_id, secret = parts
        with Session(self._engine) as session:
            tenant = session.exec(select(Tenant).where(Tenant.key_id == key_id)).first()
        if tenant is None or not secret_matches(secret, tenant.key_hash):
            return None
        return tenant

    # -- money ---------------------------------------------------------------------------

    def balance(self, tenant_id: str) -> Balance:
        tenant = self.tenant(tenant_id)
        return Balance(tenant.granted, tenant.available, tenant.held, tenant.spent)

    def entries(self, tenant_id: str, limit: int = 100) -> list[LedgerEntry]:
        with Session(self._engine) as session:
            query = (
                select(LedgerEntry)
                .where(LedgerEntry.tenant_id == tenant_id)
                .order_by(col(LedgerEntry.id).desc())
                .limit(limit)
            )
            return list(session.exec(query).all())

    def job_credits(self, job_id: str) -> JobCredits | None:
        with Session(self._engine) as session:
            return session.get(JobCredits, job_id)

    def job_credits_for(self, job_ids: list[str]) -> dict[str, JobCredits]:
        """Many jobs' money in one query (a page of jobs)."""
        with Session(self._engine) as session:
            rows = session.exec(select(JobCredits).where(col(JobCredits.job_id).in_(job_ids)))
            return {row.job_id: row for row in rows}

    def grant(self, tenant_id: str, amount: int, key: str, memo: str = "") -> LedgerEntry:
        if amount <= 0:
            raise LedgerError("a grant must be positive")

        def move(session: Session, tenant: Tenant, entry: LedgerEntry) -> None:
            tenant.granted += amount
            tenant.available += amount
            entry.amount = amount

        return self._apply(key, tenant_id, None, "grant", memo, move)

    def hold(
        self, tenant_id: str, job_id: str, amount: int, key: str, memo: str = ""
    ) -> LedgerEntry:
        """Set `amount` aside for the job; InsufficientCreditsError if it is not there."""

        def move(session: Session, tenant: Tenant, entry: LedgerEntry) -> None:
            if tenant.available < amount:
                raise InsufficientCreditsError(amount, tenant.available)
            job = self._job(session, tenant_id, job_id)
            tenant.available -= amount
            tenant.held += amount
            job.estimated += amount
            job.held += amount
            entry.amount = amount

        return self._apply(key, tenant_id, job_id, "hold", memo, move)

    def charge(
        self, tenant_id: str, job_id: str, amount: int, key: str, memo: str = ""
    ) -> LedgerEntry:
        """Spend `amount` for the job: from its hold first, then from what is available.
        Never more than is there: a charge beyond both is cut to what there is."""

        def move(session: Session, tenant: Tenant, entry: LedgerEntry) -> None:
            job = self._job(session, tenant_id, job_id)
            from_hold = min(amount, job.held)
            extra = min(amount - from_hold, tenant.available)
            tenant.held -= from_hold
            tenant.available -= extra
            tenant.spent += from_hold + extra
            job.held -= from_hold
            job.spent += from_hold + extra
            entry.amount = from_hold + extra

        return self._apply(key, tenant_id, job_id, "charge", memo, move)

    def release(self, tenant_id: str, job_id: str, key: str, memo: str = "") -> LedgerEntry:
        """Give back whatever the job still holds."""

        def move(session: Session, tenant: Tenant, entry: LedgerEntry) -> None:
            job = self._job(session, tenant_id, job_id)
            tenant.held -= job.held
            tenant.available += job.held
            entry.amount, job.held = job.held, 0

        return self._apply(key, tenant_id, job_id, "release", memo, move)

    # -- the one way money moves ---------------------------------------------------------

    def _apply(
        self, key: str, tenant_id: str, job_id: str | None, kind: str, memo: str, move: Move
    ) -> LedgerEntry:
        with Session(self._engine) as session:
            entry = LedgerEntry(key=key, tenant_id=tenant_id, job_id=job_id, kind=kind, memo=memo)
            session.add(entry)
            try:
                session.flush()  # claims the key, and the write lock, before reading
            except IntegrityError:
                session.rollback()
                return self._entry(session, key)
            tenant = session.exec(
                select(Tenant).where(Tenant.id == tenant_id).with_for_update()
            ).first()
            if tenant is None:
                session.rollback()
                raise UnknownTenantError(f"no tenant {tenant_id!r}")
            try:
                move(session, tenant, entry)
            except LedgerError:
                session.rollback()
                raise
            session.add(tenant)
            session.add(entry)
            session.commit()
            session.refresh(entry)
            return entry

    @staticmethod
    def _entry(session: Session, key: str) -> LedgerEntry:
        return session.exec(select(LedgerEntry).where(LedgerEntry.key == key)).one()

    @staticmethod
    def _tenant(session: Session, tenant_id: str) -> Tenant:
        tenant = session.get(Tenant, tenant_id)
        if tenant is None:
            raise UnknownTenantError(f"no tenant {tenant_id!r}")
        return tenant

    @staticmethod
    def _job(session: Session, tenant_id: str, job_id: str) -> JobCredits:
        job = session.get(JobCredits, job_id, with_for_update=True)
        if job is None:
            job = JobCredits(job_id=job_id, tenant_id=tenant_id)
        elif job.tenant_id != tenant_id:
            raise LedgerError(f"job {job_id} belongs to another tenant")
        session.add(job)
        return job
