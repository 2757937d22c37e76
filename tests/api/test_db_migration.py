"""Alembic migrations: the models and the migrations agree, a database of today's release
(made before migrations existed) and one of the first release upgrade in place, and the
API and the workers refuse a database that is not at head, naming the command."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from subprocess import PIPE

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import make_url
from sqlmodel import Session, SQLModel, select
from temporalio.client import Client

from accounts import models as accounts_models
from accounts.ledger import Ledger
from api.main import create_app
from api.models import Job, JobStatus
from core.settings import Settings
from devstack.postgres import PostgresServer
from storage.database import make_engine
from storage.migrate import (
    DatabaseNotCurrentError,
    current_revision,
    head_revision,
    require_current,
    upgrade,
)
from tests.conftest import ROOT

SCHEMAS = Path(__file__).with_name("schemas")


def _filmstudio(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FILMSTUDIO_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def _run_sql(database_url: str, sql: str) -> None:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        with sqlite3.connect(str(url.database)) as connection:
            connection.executescript(sql)
        return
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(sql.encode())


def test_the_migrations_make_exactly_the_models_schema(database_url: str) -> None:
    """A model changed without a migration fails here (write one: see storage/migrations)."""
    engine = make_engine(database_url)
    assert upgrade(engine) == head_revision()
    assert accounts_models.Tenant.__tablename__ in SQLModel.metadata.tables
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []
    engine.dispose()


def test_a_database_of_todays_release_upgrades_in_place(database_url: str) -> None:
    backend = make_url(database_url).get_backend_name()
    _run_sql(database_url, (SCHEMAS / f"release-0.1-{backend}.sql").read_text())
    _run_sql(
        database_url,
        "INSERT INTO tenant VALUES ('t1', 'acme', 'k1', 'h', 'w', 5000, 3000, 1000, 1000,"
        " '2026-11-01 10:00:00+00');"
        " INSERT INTO ledgerentry (key, tenant_id, job_id, kind, amount, memo, created_at)"
        " VALUES ('grant-1', 't1', NULL, 'grant', 5000, '', '2026-11-01 10:00:00+00');"
        " INSERT INTO job VALUES ('Old film', 'j1', 'film-j1', 't1', 'COMPLETED', 'completed',"
        " 100, 3, 3, FALSE, 9.0, NULL, NULL, NULL, NULL, NULL, 'jobs/j1/film.mp4', NULL, NULL,"
        " 10, NULL, 2000, 1, FALSE, '2026-11-01 10:00:00+00', '2026-11-01 10:00:00+00');",
    )
    engine = make_engine(database_url)
    with pytest.raises(DatabaseNotCurrentError):
        require_current(engine)
    first = _filmstudio(database_url, "db", "upgrade")
    assert first.returncode == 0, first.stderr
    assert "upgraded from an empty or pre-migration database to" in first.stdout
    again = _filmstudio(database_url, "db", "upgrade")
    assert again.returncode == 0 and "already at" in again.stdout  # applied once
    require_current(engine)
    with Session(engine) as session:
        job = session.exec(select(Job)).one()
        assert (job.id, job.title, job.status, job.revision) == (
            "j1", "Old film", JobStatus.COMPLETED, 1,
        )  # fmt: skip
    ledger = Ledger(engine)
    assert ledger.balance("t1").balanced
    ledger.charge("t1", "j2", 500, key="after-upgrade")  # the ledger works on the old rows
    assert ledger.balance("t1").spent == 1500
    engine.dispose()


def test_a_first_release_job_index_gains_the_newer_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:  # the job table as the first release made it
        old.execute(
            "CREATE TABLE job (id VARCHAR(64) PRIMARY KEY, workflow_id VARCHAR(100) NOT NULL,"
            " title VARCHAR(200) NOT NULL, status VARCHAR(9) NOT NULL, stage VARCHAR(32) NOT NULL,"
            " percent INTEGER NOT NULL, shots_done INTEGER NOT NULL, shots_total INTEGER NOT NULL,"
            " duration_s FLOAT NOT NULL, error VARCHAR, error_stage VARCHAR(32),"
            " error_step VARCHAR(64), error_shot VARCHAR(32), error_type VARCHAR(64),"
            " video_key VARCHAR, subtitles_key VARCHAR, poster_key VARCHAR, size_bytes INTEGER,"
            " sha256 VARCHAR(64), created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL)"
        )
        old.execute(
            "INSERT INTO job VALUES ('j1', 'film-j1', 'Old', 'COMPLETED', 'completed', 100, 3, 3,"
            " 9.0, NULL, NULL, NULL, NULL, NULL, 'jobs/j1/film.mp4', NULL, NULL, 10, NULL,"
            " '2026-11-01 10:00:00', '2026-11-01 10:00:00')"
        )
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with Session(engine) as session:
        job = session.exec(select(Job)).one()
        assert (job.id, job.title, job.paused, job.tenant_id, job.revision) == (
            "j1", "Old", False, "", 0,
        )  # fmt: skip
    assert Ledger(engine).create_tenant("new", 1).tenant.name == "new"  # tables it lacked


def test_concurrent_upgrades_apply_the_migrations_once(postgres: PostgresServer) -> None:
    url = postgres.create_database()
    env = {**os.environ, "FILMSTUDIO_DATABASE_URL": url}
    argv = [sys.executable, "-m", "cli.main", "db", "upgrade"]
    runs = [
        subprocess.Popen(argv, cwd=ROOT, env=env, stdout=PIPE, stderr=PIPE, text=True)
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=60) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    assert sum("upgraded from" in out for out, _err in outputs) == 1  # the others waited
    assert current_revision(make_engine(url)) == head_revision()


async def test_the_api_refuses_a_database_not_at_head(client: Client, tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/fresh.db")
    app = create_app(settings, temporal=client)
    with pytest.raises(DatabaseNotCurrentError, match="run `filmstudio db upgrade`"):
        async with app.router.lifespan_context(app):
            pass


def test_a_worker_refuses_a_database_not_at_head(client: Client, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FILMSTUDIO_")}
    env |= {
        "FILMSTUDIO_DATABASE_URL": f"sqlite:///{tmp_path}/fresh.db",
        "FILMSTUDIO_TEMPORAL_ADDRESS": client.service_client.config.target_host,
        "FILMSTUDIO_ORCHESTRATION_QUEUE": "refused-orchestration",
    }
    worker = subprocess.run(
        [sys.executable, "-m", "worker", "--queues", "refused-orchestration"],
        cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert worker.returncode != 0
    assert "not initialised" in worker.stderr and "run `filmstudio db upgrade`" in worker.stderr
