"""The database of jobs, tenants and the credits ledger: SQLite by default, PostgreSQL
through FILMSTUDIO_DATABASE_URL. The API and the orchestration workers (which keep the
ledger) share it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, event, inspect, text
from sqlmodel import SQLModel, create_engine


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
    from accounts import models as accounts_models  # noqa: F401  (registers the tables)
    from api import models as job_models  # noqa: F401

    SQLModel.metadata.create_all(engine)
    add_missing_columns(engine)


def add_missing_columns(engine: Engine) -> list[str]:
    """Additive migrations: columns added to a model since a database was created are
    added to its table (each new column has a default), so an existing job index keeps
    working. Returns the columns added."""
    added = []
    inspector = inspect(engine)
    for table in SQLModel.metadata.sorted_tables:
        present = {column["name"] for column in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in present:
                continue
            kind = column.type.compile(dialect=engine.dialect)
            default = _sql_default(getattr(column.default, "arg", None))
            with engine.begin() as connection:
                connection.execute(
                    text(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}{default}')
                )
            added.append(f"{table.name}.{column.name}")
    return added


def _sqlite_wal(connection: object, _record: object) -> None:
    """WAL lets the API read while a worker writes the ledger."""
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _sql_default(value: object) -> str:
    if isinstance(value, str):
        return " DEFAULT '" + value.replace("'", "''") + "'"
    if isinstance(value, bool):
        return f" DEFAULT {'TRUE' if value else 'FALSE'}"
    if isinstance(value, int | float):
        return f" DEFAULT {value}"
    return ""
