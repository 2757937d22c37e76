"""A job index created by an older release keeps working: new columns are added."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlmodel import Session, select

from api.models import Job
from storage.database import add_missing_columns, create_tables, make_engine


def test_old_job_table_gains_new_columns(tmp_path: Path) -> None:
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
    create_tables(engine)
    assert add_missing_columns(engine) == []  # idempotent: the first call added them
    with Session(engine) as session:
        job = session.exec(select(Job)).one()
        assert (job.id, job.title, job.paused) == ("j1", "Old", False)
