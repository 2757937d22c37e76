"""Schema migrations (Alembic, in storage/migrations): `filmstudio db upgrade` applies them
once, before any process starts; processes check the database is at head and refuse to
start otherwise, so no two processes ever race to alter a table."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

MIGRATIONS = Path(__file__).with_name("migrations")
UPGRADE_COMMAND = "filmstudio db upgrade"
# Any constant: the PostgreSQL advisory lock that serialises concurrent upgrades.
_UPGRADE_LOCK = 7_231_120_001


class DatabaseNotCurrentError(RuntimeError):
    """The database's schema is not the one this release's code expects."""


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "storage/migrations has no revisions"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@dataclass(frozen=True)
class Upgraded:
    before: str | None  # None: an empty database, or one made before migrations existed
    after: str


def apply_migrations(engine: Engine, revision: str = "head") -> Upgraded:
    """Apply every migration not yet applied, in one transaction. Concurrent upgrades of
    one PostgreSQL database wait for each other: the later ones find nothing to do."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
        before = MigrationContext.configure(connection).get_current_revision()
        command.upgrade(_config(connection), revision)
        after = MigrationContext.configure(connection).get_current_revision()
    return Upgraded(before, after or "")


def upgrade(engine: Engine, revision: str = "head") -> str:
    """apply_migrations; returns the revision the database is at."""
    return apply_migrations(engine, revision).after


def require_current(engine: Engine) -> None:
    """Raise DatabaseNotCurrentError, naming the command that fixes it, unless the
    database is at this release's head revision."""
    current, head = current_revision(engine), head_revision()
    if current != head:
        where = engine.url.render_as_string(hide_password=True)
        state = f"at revision {current}" if current else "not initialised"
        raise DatabaseNotCurrentError(
            f"the database {where} is {state}; this release needs revision {head}:"
            f" run `{UPGRADE_COMMAND}` (with the same FILMSTUDIO_DATABASE_URL) first"
        )
