"""The job row the workflow records (its record number) and the per-tenant rate counters.

Revision ID: 0002_records_and_rate_counters
Revises: 0001_baseline
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_records_and_rate_counters"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # activities/job_index.py: a late record never overwrites a newer one
    with op.batch_alter_table("job") as batch:
        batch.add_column(
            sa.Column("recorded_seq", sa.Integer(), nullable=False, server_default="0")
        )
    # api/rate_store.py: one window's count of one limit, shared by every API process
    op.create_table(
        "ratecounter",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("expires_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_ratecounter_expires_at", "ratecounter", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_ratecounter_expires_at", "ratecounter")
    op.drop_table("ratecounter")
    with op.batch_alter_table("job") as batch:
        batch.drop_column("recorded_seq")
