"""A whole stack in the test process for cancel and revision tests: the real workers
(real ffmpeg, espeak-ng, ledger and job index), the real app, and an interceptor that can
hold an activity at its start (so a cancel lands while it runs) or fail one on purpose
after it did its work (fault injection)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from temporalio.client import Client, WorkflowExecutionStatus
from temporalio.exceptions import ApplicationError
from temporalio.worker import (
    ActivityInboundInterceptor,
    ExecuteActivityInput,
    Interceptor,
)

from api.main import create_app
from core.settings import Settings
from tests.conftest import api_client, make_settings, temporal_binary, wait_for
from worker.assembly import build_workers

Match = Callable[[Any], bool]  # on the activity's input dataclass
COMPENSATION = {"release_credits", "record_job"}  # what may still run after a cancel


@dataclass
class Hold:
    activity: str
    match: Match = lambda _: True
    job_id: str = ""  # the job it held
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event = field(default_factory=asyncio.Event)


@dataclass
class Control:
    """What the interceptor does: hold one activity, inject faults, note outcomes."""

    holds: list[Hold] = field(default_factory=list)
    faults: dict[str, Match] = field(default_factory=dict)  # activity -> when to fail it
    outcomes: dict[tuple[str, str], str] = field(default_factory=dict)  # (job, activity)

    def hold(self, activity: str, match: Match = lambda _: True) -> Hold:
        """Hold the next start of `activity` (whose input matches) until released."""
        held = Hold(activity, match)
        self.holds.append(held)
        return held


class _Inbound(ActivityInboundInterceptor):
    def __init__(self, next: ActivityInboundInterceptor, control: Control) -> None:
        super().__init__(next)
        self._control = control

    async def execute_activity(self, input: ExecuteActivityInput) -> Any:
        name = getattr(input.fn, "__name__", "")
        request = input.args[0] if input.args else None
        job_id = str(getattr(request, "job_id", ""))
        for held in self._control.holds:
            if held.activity == name and not held.arrived.is_set() and held.match(request):
                held.job_id = job_id
                held.arrived.set()
                await held.release.wait()
        try:
            result = await super().execute_activity(input)
        except BaseException as error:
            self._control.outcomes[(job_id, name)] = type(error).__name__
            raise
        self._control.outcomes[(job_id, name)] = "completed"
        fault = self._control.faults.get(name)
        if fault is not None and fault(request):
            raise ApplicationError(f"fault injected after {name}", type="FaultInjected",
                                   non_retryable=True)  # fmt: skip
        return result


class ControlInterceptor(Interceptor):
    def __init__(self, control: Control) -> None:
        self._control = control

    def intercept_activity(self, next: ActivityInboundInterceptor) -> ActivityInboundInterceptor:
        return _Inbound(next, self._control)


@dataclass
class Stack:
    client: Client
    settings: Settings
    app: FastAPI
    http: httpx.AsyncClient
    control: Control
    tenant_id: str

    async def submit(self, script: str) -> str:
        answer = await self.http.post("/api/v1/jobs", json={"script": script})
        assert answer.status_code == 202, answer.text
        return str(answer.json()["job_id"])

    async def status(self, job_id: str) -> WorkflowExecutionStatus | None:
        return (await self.client.get_workflow_handle(f"film-{job_id}").describe()).status

    async def closed(self, job_id: str, timeout: float = 60) -> WorkflowExecutionStatus:
        async def done() -> WorkflowExecutionStatus | None:
            status = await self.status(job_id)
            return None if status is WorkflowExecutionStatus.RUNNING else status

        closed: WorkflowExecutionStatus = await wait_for(done, timeout=timeout, interval=0.1)
        return closed

    async def listed(self, job_id: str) -> dict[str, Any]:
        """The job as GET /api/v1/jobs lists it (a list never asks Temporal)."""
        page = (await self.http.get("/api/v1/jobs", params={"limit": 100})).json()
        found: dict[str, Any] = next(item for item in page["items"] if item["job_id"] == job_id)
        return found

    def job_dir(self, job_id: str) -> Path:
        return self.settings.artifact_root / "jobs" / job_id

    def balance(self) -> tuple[int, int, int, int]:
        tenant = self.app.state.ledger.tenant(self.tenant_id)
        return tenant.granted, tenant.available, tenant.held, tenant.spent


@asynccontextmanager
async def open_stack(
    client: Client, root: Path, control: Control | None = None, workers: bool = True,
    **overrides: object,
) -> AsyncIterator[Stack]:  # fmt: skip
    values: dict[str, object] = {"width": 160, "height": 96, "revision_window_s": 600}
    settings = make_settings(client, root, **(values | overrides))
    settings.artifact_root.mkdir(parents=True, exist_ok=True)
    control = control or Control()
    async with AsyncExitStack() as stack:
        app = create_app(settings, temporal=client)
        await stack.enter_async_context(app.router.lifespan_context(app))
        if workers:
            await start_workers(stack, client, settings, control)
        made = app.state.ledger.create_tenant(f"cancel-{uuid.uuid4().hex[:8]}", 100_000)
        http = await stack.enter_async_context(api_client(app, made.key))
        yield Stack(client, settings, app, http, control, made.tenant.id)


async def start_workers(
    stack: AsyncExitStack, client: Client, settings: Settings, control: Control
) -> None:
    queues = settings.task_queues().names()
    for worker in build_workers(client, settings, queues, [ControlInterceptor(control)]):
        await stack.enter_async_context(worker)


def history(settings: Settings, workflow_id: str) -> list[dict[str, Any]]:
    done = subprocess.run(
        [str(temporal_binary()), "workflow", "show", "--workflow-id", workflow_id,
         "--output", "json", "--address", settings.temporal_address],
        capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    events: list[dict[str, Any]] = json.loads(done.stdout)["events"]
    return events


def scheduled_after_cancel(events: list[dict[str, Any]]) -> list[str]:
    """Activities scheduled after the cancel request, compensation aside."""
    kinds = [event["eventType"] for event in events]
    asked = kinds.index("EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED")
    names = [
        event["activityTaskScheduledEventAttributes"]["activityType"]["name"]
        for event in events[asked:]
        if event["eventType"] == "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED"
    ]
    return [name for name in names if name not in COMPENSATION]


def children(names: tuple[str, ...] = ("ffmpeg", "ffprobe", "espeak-ng")) -> list[str]:
    """ffmpeg and espeak-ng processes whose parent is this test process (the workers)."""
    import os

    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            comm = (entry / "comm").read_text().strip()
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if parent == me and comm in names:
            found.append(f"{comm}:{entry.name}")
    return found


def partial_files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if ".partial" in path.name]
