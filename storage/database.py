"""The database of jobs, tenants and the credits ledger: SQLite by default, PostgreSQL
through FILMSTUDIO_DATABASE_URL. The API and the orchestration workers (which keep the
ledger) share it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, event
from sqlmodel import create_engine


def make_engine(
    database_url: str, pool_size: int = 5, max_overflow: int = 10, pool_timeout_s: float = 30.0
) -> Engine:
    """An engine whose pool holds `pool_size` connections (plus `max_overflow` while busy);
    a caller that finds none free waits up to `pool_timeout_s`, then fails."""
    pool = {"pool_size": pool_size, "max_overflow": max_overflow, "pool_timeout": pool_timeout_s}
    if database_url.startswith("sqlite:///"):
        Path(database_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            database_url, connect_args={"check_same_thread": False, "timeout": 30}, **pool
        )
        event.listen(engine, "connect", _sqlite_wal)
        return engine
    return create_engine(database_url, pool_pre_ping=True, **pool)


def create_tables(engine: Engine) -> None:
    """Bring the database to this release's schema (the Alembic migrations, as
    `filmstudio db upgrade` does): for tools and tests that make a fresh database."""
    from storage.migrate import upgrade

    upgrade(engine)


def _sqlite_wal(connection: object, _record: object) -> None:
    """WAL lets the API read while a worker writes the ledger."""
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
