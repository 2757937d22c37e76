"""The schema of release 0.1: the job index, tenants, the credits ledger, jobs' credits.

A database made before migrations existed (by `create_all` and the additive column
step it replaces) is adopted in place: tables it has are kept with their rows, and the
columns an older release lacked are added with their defaults; tables it lacks are made.

Revision ID: 0001_baseline
Revises:
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001_baseline"
down_revision = None
branch_labels = None
depends_on = None

JOB_STATUS = sa.Enum("QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED", name="jobstatus")


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _zero(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), nullable=False, server_default="0")


def _no(name: str) -> sa.Column[bool]:
    return sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())


def _tables() -> dict[str, tuple[list[sa.Column[Any]], list[tuple[str, bool]]]]:
    """Each table's columns (server defaults so rows of an older release fill in) and its
    indexes as (column, unique)."""
    return {
        "tenant": (
            [
                sa.Column("id", sa.String(32), primary_key=True),
                sa.Column("name", sa.String(64), nullable=False),
                sa.Column("key_id", sa.String(32), nullable=False),
                sa.Column("key_hash", sa.String(64), nullable=False),
                sa.Column("webhook_secret", sa.String(64), nullable=False, server_default=""),
                _zero("granted"),
                _zero("available"),
                _zero("held"),
                _zero("spent"),
                sa.Column("created_at", _when(), nullable=False),
            ],
            [("key_id", True), ("name", True)],
        ),
        "ledgerentry": (
            [
                sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
                sa.Column("key", sa.String(300), nullable=False),
                sa.Column("tenant_id", sa.String(32), nullable=False),
                sa.Column("job_id", sa.String(64), nullable=True),
                sa.Column("kind", sa.String(16), nullable=False),
                _zero("amount"),
                sa.Column("memo", sa.String(200), nullable=False, server_default=""),
                sa.Column("created_at", _when(), nullable=False),
            ],
            [("created_at", False), ("key", True), ("tenant_id", False), ("job_id", False)],
        ),
        "jobcredits": (
            [
                sa.Column("job_id", sa.String(64), primary_key=True),
                sa.Column("tenant_id", sa.String(32), nullable=False),
                _zero("estimated"),
                _zero("held"),
                _zero("spent"),
            ],
            [("tenant_id", False)],
        ),
        "job": (
            [
                sa.Column("title", sa.String(200), nullable=False, server_default="Untitled"),
                sa.Column("id", sa.String(64), primary_key=True),
                sa.Column("workflow_id", sa.String(100), nullable=False),
                sa.Column("tenant_id", sa.String(32), nullable=False, server_default=""),
                sa.Column("status", JOB_STATUS, nullable=False, server_default="QUEUED"),
                sa.Column("stage", sa.String(32), nullable=False, server_default="queued"),
                _zero("percent"),
                _zero("shots_done"),
                _zero("shots_total"),
                _no("paused"),
                sa.Column("duration_s", sa.Float(), nullable=False, server_default="0"),
                sa.Column("error", sa.String(), nullable=True),
                sa.Column("error_stage", sa.String(32), nullable=True),
                sa.Column("error_step", sa.String(64), nullable=True),
                sa.Column("error_shot", sa.String(32), nullable=True),
                sa.Column("error_type", sa.String(64), nullable=True),
                sa.Column("video_key", sa.String(), nullable=True),
                sa.Column("subtitles_key", sa.String(), nullable=True),
                sa.Column("poster_key", sa.String(), nullable=True),
                sa.Column("size_bytes", sa.Integer(), nullable=True),
                sa.Column("sha256", sa.String(64), nullable=True),
                _zero("estimated_credits"),
                _zero("revision"),
                _no("revisable"),
                sa.Column("created_at", _when(), nullable=False),
                sa.Column("updated_at", _when(), nullable=False),
            ],
            [("tenant_id", False), ("workflow_id", False), ("created_at", False)],
        ),
    }


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    existing = set(inspector.get_table_names())
    for table, (columns, indexes) in _tables().items():
        if table not in existing:
            op.create_table(table, *columns)
            present_indexes: set[str] = set()
        else:
            present = {column["name"] for column in inspector.get_columns(table)}
            missing = [column for column in columns if column.name not in present]
            if missing:
                with op.batch_alter_table(table) as batch:
                    for column in missing:
                        batch.add_column(column)
            present_indexes = {index["name"] or "" for index in inspector.get_indexes(table)}
        for column_name, unique in indexes:
            name = f"ix_{table}_{column_name}"
            if name not in present_indexes:
                op.create_index(name, table, [column_name], unique=unique)


def downgrade() -> None:
    for table in reversed(list(_tables())):
        op.drop_table(table)
    JOB_STATUS.drop(op.get_bind(), checkfirst=True)
