"""Alembic's environment: migrations run on the connection `storage.migrate` hands over,
inside its transaction (there is no alembic.ini: `filmstudio db upgrade` is the command)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

connection: Connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
