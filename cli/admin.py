"""`filmstudio tenant ...` and `filmstudio credits grant ...`: administer accounts.

These talk to the database directly (FILMSTUDIO_DATABASE_URL), as an operator on the
server does; the REST API never creates tenants or grants credits.
"""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path

from accounts.ledger import Ledger, LedgerError
from accounts.models import to_credits, to_milli
from core.settings import Settings
from storage.database import make_engine
from storage.migrate import require_current

DEV_TENANT = "dev"
DEV_CREDITS = 10_000
DEV_KEY_FILE = Path(".data/dev-api-key")


def ledger_of(settings: Settings) -> Ledger:
    engine = make_engine(settings.database_url)
    require_current(engine)  # `filmstudio db upgrade` first
    return Ledger(engine)


def tenant_create(args: argparse.Namespace, settings: Settings) -> None:
    try:
        created = ledger_of(settings).create_tenant(args.name, args.credits)
    except LedgerError as error:
        raise SystemExit(f"filmstudio: {error}") from None
    print(created.key)


def tenant_show(args: argparse.Namespace, settings: Settings) -> None:
    ledger = ledger_of(settings)
    try:
        tenant = ledger.tenant_named(args.name)
    except LedgerError as error:
        raise SystemExit(f"filmstudio: {error}") from None
    balance = ledger.balance(tenant.id)
    print(
        f"{tenant.name}: granted {to_credits(balance.granted):g}, available"
        f" {to_credits(balance.available):g}, held {to_credits(balance.held):g},"
        f" spent {to_credits(balance.spent):g}"
    )


def credits_grant(args: argparse.Namespace, settings: Settings) -> None:
    ledger = ledger_of(settings)
    try:
        tenant = ledger.tenant_named(args.name)
        ledger.grant(tenant.id, to_milli(args.credits), key=f"grant:{uuid.uuid4().hex}", memo="cli")
    except LedgerError as error:
        raise SystemExit(f"filmstudio: {error}") from None
    balance = ledger.balance(tenant.id)
    print(f"{tenant.name}: {to_credits(balance.available):g} credits available")


def ensure_dev_tenant(settings: Settings, key_file: Path = DEV_KEY_FILE) -> str:
    """The dev tenant's key: made (with credits) the first time, kept in `key_file`."""
    ledger = ledger_of(settings)
    if key_file.is_file():
        key = key_file.read_text().strip()
        if ledger.authenticate(key) is not None:
            return key
    try:
        key = ledger.create_tenant(DEV_TENANT, DEV_CREDITS).key
    except LedgerError:  # the tenant exists but its key file is gone: a new key
        key = ledger.rotate_key(ledger.tenant_named(DEV_TENANT).id)
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.write_text(key + "\n")
    key_file.chmod(0o600)
    return key


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tenant = commands.add_parser("tenant", help="create or show a tenant (on the server)")
    tenant_commands = tenant.add_subparsers(dest="tenant_command", required=True)
    create = tenant_commands.add_parser("create", help="a new tenant; prints its API key")
    create.add_argument("name")
    create.add_argument("--credits", type=int, default=0)
    create.set_defaults(handler=tenant_create)
    show = tenant_commands.add_parser("show", help="a tenant's balance")
    show.add_argument("name")
    show.set_defaults(handler=tenant_show)
    credit = commands.add_parser(
        "credits", help="the balance and ledger (over the API); `grant` adds credits (server)"
    )
    credit.add_argument("--limit", type=int, default=20)
    credit_commands = credit.add_subparsers(dest="credits_command")
    grant = credit_commands.add_parser("grant", help="add credits to a tenant")
    grant.add_argument("name")
    grant.add_argument("credits", type=float)
    grant.set_defaults(handler=credits_grant)
