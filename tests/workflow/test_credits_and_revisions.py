"""The ledger, the revision window and webhooks, driven through FilmWorkflow on the real dev
server and a real SQLite ledger; stand-ins do the model and media work."""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from collections.abc import Awaitable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from temporalio.api.enums.v1 import EventType
from temporalio.client import (
    Client,
    WorkflowFailureError,
    WorkflowHandle,
    WorkflowUpdateFailedError,
)
from temporalio.exceptions import ApplicationError, CancelledError

from accounts.ledger import Ledger
from core.task_queues import TaskQueues
from notify.webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify
from storage.database import create_tables, make_engine
from tests.conftest import wait_for
from tests.workflow.standins import StandIns, standin_workers
from workflows.film import FilmWorkflow
from workflows.film_types import FilmInput, FilmOptions, RegenerateShotInput, ShotStatus, Stage

SCRIPT = """SCENE 1: INT. KITCHEN - MORNING
SHOT 1: Wide shot - 2s
Sunlight.
ANA: Good morning!
SHOT 2: Close-up - 2s
BEN: Is it?
"""
HOLD = 20_000  # millicredits


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    engine = make_engine(f"sqlite:///{tmp_path}/books.db")
    create_tables(engine)
    return Ledger(engine)


async def _start(
    client: Client, queues: TaskQueues, tenant_id: str, **options: Any
) -> WorkflowHandle[Any, Any]:
    job_id = uuid.uuid4().hex
    film = FilmInput(
        job_id, SCRIPT, options=FilmOptions(**options), queues=queues,
        tenant_id=tenant_id, credits_estimate=HOLD,
    )  # fmt: skip
    return await client.start_workflow(
        FilmWorkflow.run, film, id=f"film-{job_id}", task_queue=queues.orchestration
    )


def _settled(ledger: Ledger, tenant_id: str, job_id: str) -> tuple[int, int]:
    balance = ledger.balance(tenant_id)
    assert balance.balanced, balance
    job = ledger.job_credits(job_id)
    assert job is not None and job.held == 0
    return job.spent, balance.held


async def test_a_completed_film_is_charged_per_shot_and_releases_the_rest(
    client: Client, ledger: Ledger, tmp_path: Path
) -> None:
    tenant = ledger.create_tenant("complete", 100).tenant.id
    async with standin_workers(client, StandIns(), f"sqlite:///{tmp_path}/books.db") as queues:
        handle = await _start(client, queues, tenant)
        await handle.result()
    job_id = handle.id.removeprefix("film-")
    spent, held = _settled(ledger, tenant, job_id)
    assert (spent, held) == (2 * 250, 0)  # the stand-in clips cost 0.25 each
    kinds = [entry.kind for entry in reversed(ledger.entries(tenant)) if entry.job_id == job_id]
    assert kinds == ["hold", "charge", "charge", "release"]
    assert ledger.entries(tenant)[0].amount == HOLD - 500


async def test_a_failed_film_and_a_cancelled_film_release_their_hold(
    client: Client, ledger: Ledger, tmp_path: Path
) -> None:
    tenant = ledger.create_tenant("unlucky", 100).tenant.id
    books = f"sqlite:///{tmp_path}/books.db"
    async with standin_workers(client, StandIns(failing_shot="01-02"), books) as queues:
        failed = await _start(client, queues, tenant)
        with pytest.raises(WorkflowFailureError):
            await failed.result()
    async with standin_workers(client, StandIns(render_delay_s=5), books) as queues:
        cancelled = await _start(client, queues, tenant)
        job_id = cancelled.id.removeprefix("film-")
        await wait_for(lambda: _holds(ledger, job_id))
        await cancelled.cancel()
        with pytest.raises(WorkflowFailureError) as raised:
            await cancelled.result()
        assert isinstance(raised.value.cause, CancelledError)
    for handle in (failed, cancelled):
        spent, _ = _settled(ledger, tenant, handle.id.removeprefix("film-"))
        assert spent <= 500
    assert ledger.balance(tenant).held == 0


async def _holds(ledger: Ledger, job_id: str) -> bool:
    job = ledger.job_credits(job_id)
    return job is not None and job.held > 0


async def test_a_tenant_short_of_credits_fails_before_any_render(
    client: Client, ledger: Ledger, tmp_path: Path
) -> None:
    tenant = ledger.create_tenant("broke", 1).tenant.id
    standins = StandIns()
    async with standin_workers(client, standins, f"sqlite:///{tmp_path}/books.db") as queues:
        handle = await _start(client, queues, tenant)
        with pytest.raises(WorkflowFailureError) as raised:
            await handle.result()
    cause = raised.value.cause
    assert isinstance(cause, ApplicationError) and cause.type == "InsufficientCredits"
    assert not any(name.startswith("render_shot") for name in standins.calls)
    assert ledger.balance(tenant).available == 1_000


async def test_retry_renders_only_the_failed_shot_as_a_new_take(
    client: Client, ledger: Ledger, tmp_path: Path
) -> None:
    tenant = ledger.create_tenant("retry", 100).tenant.id
    standins = StandIns(failing_shot="01-02", failures_left=3, render_delay_s=0.3)
    async with standin_workers(client, standins, f"sqlite:///{tmp_path}/books.db") as queues:
        handle = await _start(
            client, queues, tenant, on_shot_failure="placeholder", revision_window_s=300
        )
        # Still rendering: no revision is taken, and the refusal never reaches the history.
        assert "still being made" in await _refused(handle.execute_update(
            FilmWorkflow.retry_failed_shots))  # fmt: skip
        await wait_for(lambda: _revisable(handle))
        state = await handle.query(FilmWorkflow.state)
        assert state.scenes[0].shots[1].status is ShotStatus.PLACEHOLDER
        assert "no shot '09-09'" in await _refused(handle.execute_update(
            FilmWorkflow.regenerate_shot, RegenerateShotInput("09-09")))  # fmt: skip
        accepted = await handle.execute_update(FilmWorkflow.retry_failed_shots)
        assert (accepted.revision, accepted.shot_ids, accepted.takes) == (
            2,
            ["01-02"],
            {"01-02": 2},
        )
        await wait_for(lambda: _revision(handle, 2))
        state = await handle.query(FilmWorkflow.state)
        first, second = state.scenes[0].shots
        assert (first.take, first.status) == (1, ShotStatus.DONE)
        assert (second.take, second.status, second.error) == (2, ShotStatus.DONE, None)
        assert second.assets["clip"].endswith("/take-2/clip.mp4")
        assert "no failed shots" in await _refused(handle.execute_update(
            FilmWorkflow.retry_failed_shots))  # fmt: skip
        await handle.signal(FilmWorkflow.finish)
        await handle.result()
        final = await handle.query(FilmWorkflow.progress)
    assert (final.stage, final.revision, final.revisable) == (Stage.COMPLETED, 2, False)
    assert standins.calls["render_shot:01-01"] == 1  # the good shot was never rendered again
    assert standins.calls["render_shot:01-02"] == 4  # 3 failed attempts, then the new take
    history = await handle.fetch_history()
    accepted_updates = [
        event for event in history.events
        if event.event_type == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED
    ]  # fmt: skip
    assert len(accepted_updates) == 1  # the refused ones left no trace
    job_id = handle.id.removeprefix("film-")
    spent, _ = _settled(ledger, tenant, job_id)
    assert spent == 2 * 250  # the first take's card cost nothing; each real clip 0.25


async def _refused(update: Awaitable[Any]) -> str:
    """The validator's reason for refusing an update."""
    with pytest.raises(WorkflowUpdateFailedError) as raised:
        await update
    cause = raised.value.cause
    assert isinstance(cause, ApplicationError)
    return cause.message


async def _revisable(handle: WorkflowHandle[Any, Any]) -> bool:
    return bool((await handle.query(FilmWorkflow.progress)).revisable)


async def _revision(handle: WorkflowHandle[Any, Any], number: int) -> bool:
    progress = await handle.query(FilmWorkflow.progress)
    return progress.revision >= number and progress.stage is Stage.COMPLETED


class _Receiver(BaseHTTPRequestHandler):
    answers: list[int] = []
    received: list[tuple[dict[str, str], bytes]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((dict(self.headers.items()), body))
        self.send_response(self.answers.pop(0) if self.answers else 200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[tuple[str, type[_Receiver]]]:
    handler = type("Receiver", (_Receiver,), {"answers": [500], "received": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hooks/film", handler
    finally:
        server.shutdown()


async def test_webhooks_are_signed_and_retried_by_temporal(
    client: Client, ledger: Ledger, tmp_path: Path, receiver: tuple[str, type[_Receiver]]
) -> None:
    url, handler = receiver
    created = ledger.create_tenant("hooked", 100)
    tenant = created.tenant
    async with standin_workers(client, StandIns(), f"sqlite:///{tmp_path}/books.db") as queues:
        handle = await _start(client, queues, tenant.id, webhook_url=url)
        result = await handle.result()
        await wait_for(lambda: _arrived(handler, 2), timeout=30)  # a 500, then the retry
    (first_headers, first_body), (headers, body) = handler.received
    assert (
        first_body == body
        and first_headers["X-FilmStudio-Delivery"] == (headers["X-FilmStudio-Delivery"])
    )
    secret = ledger.tenant(tenant.id).webhook_secret
    assert verify(body, secret, int(headers[TIMESTAMP_HEADER]), headers[SIGNATURE_HEADER])
    assert not verify(body, "another secret", int(headers[TIMESTAMP_HEADER]),
                      headers[SIGNATURE_HEADER])  # fmt: skip
    event = json.loads(body)
    assert (event["event"], event["status"]) == ("film.completed", "completed")
    assert event["job_id"] == result.job_id and event["data"]["sha256"] == result.sha256
    assert secret not in (await handle.fetch_history()).to_json()


async def _arrived(handler: type[_Receiver], count: int) -> bool:
    await asyncio.sleep(0)
    return len(handler.received) >= count
