"""The job index's database: SQLite by default, PostgreSQL through FILMSTUDIO_DATABASE_URL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import SQLModel, create_engine


def make_engine(database_url: str) -> Engine:
    if database_url.startswith("sqlite:///"):
        Path(database_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        return create_engine(database_url, connect_args={"check_same_thread": False})
    return create_engine(database_url, pool_pre_ping=True)


def create_tables(engine: Engine) -> None:
    from api import models  # noqa: F401  (registers the tables)

    SQLModel.metadata.create_all(engine)
