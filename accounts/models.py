"""Tenants, their credit balances and the ledger's entries.

Amounts are integer millicredits, so every sum is exact: 1 credit = 1000 millicredits.
The balance columns on a tenant change only together with a ledger entry, in one
transaction, so granted = available + held + spent always holds.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Field, SQLModel

MILLI = 1000


def to_milli(credits: float) -> int:
    return round(credits * MILLI)


def to_credits(milli: int) -> float:
    return milli / MILLI


def _now() -> datetime:
    return datetime.now(UTC)


class Tenant(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=32)
    name: str = Field(unique=True, index=True, max_length=64)
    key_id: str = Field(unique=True, index=True, max_length=32)  # the public part of the key
    key_hash: str = Field(max_length=64)  # sha256 of the key's secret part
    webhook_secret: str = Field(max_length=64)  # signs this tenant's webhooks (HMAC-SHA256)
    granted: int = 0
    available: int = 0
    held: int = 0
    spent: int = 0
    created_at: datetime = Field(default_factory=_now)


class LedgerEntry(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, index=True, max_length=300)  # idempotency key
    tenant_id: str = Field(index=True, max_length=32)
    job_id: str | None = Field(default=None, index=True, max_length=64)
    kind: str = Field(max_length=16)  # grant | hold | charge | release
    amount: int = 0
    memo: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=_now, index=True)


class JobCredits(SQLModel, table=True):
    """One job's money: what was estimated (and held), what is still held, what was spent."""

    job_id: str = Field(primary_key=True, max_length=64)
    tenant_id: str = Field(index=True, max_length=32)
    estimated: int = 0
    held: int = 0
    spent: int = 0
