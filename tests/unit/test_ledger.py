"""The credits ledger on real SQLite and PostgreSQL databases: exact, idempotent, never
negative, also with threads charging at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from accounts.keys import split_key
from accounts.ledger import InsufficientCreditsError, Ledger, LedgerError
from storage.database import create_tables, make_engine


@pytest.fixture
def ledger(database_url: str) -> Iterator[Ledger]:
    engine = make_engine(database_url)
    create_tables(engine)
    yield Ledger(engine)
    engine.dispose()


def test_a_new_tenant_gets_a_key_that_authenticates_only_itself(ledger: Ledger) -> None:
    acme = ledger.create_tenant("acme", 50)
    other = ledger.create_tenant("other")
    assert split_key(acme.key) is not None
    assert ledger.authenticate(acme.key).id == acme.tenant.id  # type: ignore[union-attr]
    assert ledger.authenticate(other.key).id == other.tenant.id  # type: ignore[union-attr]
    key_id, secret = split_key(acme.key)  # type: ignore[misc]
    assert ledger.authenticate(f"fs_{key_id}_{secret[:-1]}x") is None
    assert ledger.authenticate("Bearer nonsense") is None
    assert secret not in acme.tenant.key_hash  # only a hash is stored
    with pytest.raises(LedgerError, match="already exists"):
        ledger.create_tenant("acme")
    assert ledger.balance(acme.tenant.id).available == 50_000


def test_hold_charge_release_balance_and_are_idempotent(ledger: Ledger) -> None:
    tenant = ledger.create_tenant("acme", 100).tenant.id
    ledger.hold(tenant, "job1", 30_000, key="wf:run:1")
    ledger.hold(tenant, "job1", 30_000, key="wf:run:1")  # a retry: no second hold
    ledger.charge(tenant, "job1", 12_500, key="wf:run:7")
    ledger.charge(tenant, "job1", 12_500, key="wf:run:7")
    released = ledger.release(tenant, "job1", key="wf:run:9")
    assert ledger.release(tenant, "job1", key="wf:run:9").amount == released.amount == 17_500
    balance = ledger.balance(tenant)
    assert (balance.available, balance.held, balance.spent) == (87_500, 0, 12_500)
    assert balance.balanced
    job = ledger.job_credits("job1")
    assert job is not None and (job.estimated, job.held, job.spent) == (30_000, 0, 12_500)
    kinds = [entry.kind for entry in ledger.entries(tenant)]
    assert kinds == ["release", "charge", "hold", "grant"]


def test_a_hold_beyond_the_balance_is_refused_and_changes_nothing(ledger: Ledger) -> None:
    tenant = ledger.create_tenant("poor", 5).tenant.id
    with pytest.raises(InsufficientCreditsError, match="needs 6 credits; 5 available"):
        ledger.hold(tenant, "job", 6_000, key="k")
    assert ledger.balance(tenant).available == 5_000
    ledger.hold(tenant, "job", 5_000, key="k")  # the refused key was not used up
    assert ledger.balance(tenant).held == 5_000


def test_a_charge_beyond_the_hold_takes_what_is_there_and_never_goes_negative(
    ledger: Ledger,
) -> None:
    tenant = ledger.create_tenant("acme", 10).tenant.id
    ledger.hold(tenant, "job", 4_000, key="h")
    assert ledger.charge(tenant, "job", 6_000, key="c1").amount == 6_000  # 4 held + 2 more
    assert ledger.charge(tenant, "job", 50_000, key="c2").amount == 4_000  # all that is left
    balance = ledger.balance(tenant)
    assert (balance.available, balance.held, balance.spent) == (0, 0, 10_000)
    assert balance.balanced


def test_concurrent_operations_keep_the_invariant(ledger: Ledger) -> None:
    tenant = ledger.create_tenant("busy", 1_000).tenant.id
    for job in range(4):
        ledger.hold(tenant, f"job{job}", 100_000, key=f"hold-{job}")

    def work(job: int) -> None:
        for shot in range(25):  # every charge twice, as a retried activity would
            for _ in range(2):
                ledger.charge(tenant, f"job{job}", 3_001, key=f"charge-{job}-{shot}")
        ledger.release(tenant, f"job{job}", key=f"release-{job}")

    threads = [threading.Thread(target=work, args=(job,)) for job in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    balance = ledger.balance(tenant)
    assert balance.balanced
    assert (balance.held, balance.spent) == (0, 4 * 25 * 3_001)


def test_racing_retries_and_holds_for_the_last_credits_stay_exact(ledger: Ledger) -> None:
    """Two threads per job send the same charges at once (a retry racing the first try),
    and holds race for credits that cannot cover them all."""
    tenant = ledger.create_tenant("racy", 100).tenant.id
    start, held = threading.Barrier(8), threading.Barrier(8)
    refused: list[str] = []

    def hold_then_charge(job: int, twin: int) -> None:
        start.wait()
        try:
            ledger.hold(tenant, f"job{job}", 30_000, key=f"hold-{job}")
        except InsufficientCreditsError:
            refused.append(f"job{job}/{twin}")
        held.wait()  # every hold is decided before any job releases
        if f"job{job}/{twin}" in refused:
            return
        for shot in range(10):
            ledger.charge(tenant, f"job{job}", 1_003, key=f"charge-{job}-{shot}")
        ledger.release(tenant, f"job{job}", key=f"release-{job}")

    threads = [
        threading.Thread(target=hold_then_charge, args=(job, twin))
        for job in range(4)
        for twin in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    balance = ledger.balance(tenant)
    holds = [entry for entry in ledger.entries(tenant) if entry.kind == "hold"]
    charges = [entry for entry in ledger.entries(tenant) if entry.kind == "charge"]
    assert balance.balanced and balance.granted == 100_000
    assert len(holds) == 3  # 3 x 30 fit in 100; the fourth job is refused (both its twins)
    assert len(refused) == 2 and len({name.split("/")[0] for name in refused}) == 1
    assert len(charges) == 3 * 10  # each charge once, though sent twice at once
    assert (balance.held, balance.spent) == (0, 3 * 10 * 1_003)
