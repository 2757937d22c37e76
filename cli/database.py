"""`filmstudio db upgrade` and `filmstudio db current`: the schema of FILMSTUDIO_DATABASE_URL.

Run `db upgrade` once per release, before any process starts (`make up` and the
docker-compose prestart step do): the API and the workers refuse a database not at head.
"""

from __future__ import annotations

import argparse

from core.settings import Settings
from storage.database import make_engine
from storage.migrate import apply_migrations, current_revision, head_revision


def db_upgrade(_args: argparse.Namespace, settings: Settings) -> None:
    engine = make_engine(settings.database_url)
    try:
        done = apply_migrations(engine)
    finally:
        engine.dispose()
    where = engine.url.render_as_string(hide_password=True)
    if done.before == done.after:
        print(f"{where}: already at {done.after}")
    else:
        before = done.before or "an empty or pre-migration database"
        print(f"{where}: upgraded from {before} to {done.after}")


def db_current(_args: argparse.Namespace, settings: Settings) -> None:
    engine = make_engine(settings.database_url)
    try:
        current = current_revision(engine)
    finally:
        engine.dispose()
    head = head_revision()
    state = "at head" if current == head else f"head is {head}: run `filmstudio db upgrade`"
    print(f"{current or 'none'} ({state})")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = commands.add_parser("db", help="the database schema (on the server)")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    up = db_commands.add_parser("upgrade", help="apply the migrations not yet applied")
    up.set_defaults(handler=db_upgrade)
    current = db_commands.add_parser("current", help="the revision the database is at")
    current.set_defaults(handler=db_current)
