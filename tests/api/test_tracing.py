"""One trace from the API request through the workflow to every activity: the request's
server span (FastAPI's own) is the root, the SDK's tracing interceptor links the workflow
and the activities to it through Temporal's headers (spans kept in memory here)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AsyncExitStack
from pathlib import Path

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from temporalio.client import Client

from api.main import create_app
from observability.tracing import client_interceptors
from tests.conftest import api_client, make_settings, wait_for
from worker.assembly import build_workers

SCRIPT = """SCENE 1: INT. STUDIO - NIGHT
SHOT 1 (WIDE, STATIC, 2s): A lamp flickers.
SHOT 2 (CLOSE, STATIC, 2s): ADA: Rolling.
"""


@pytest.fixture(scope="module")
def spans() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)  # the process's provider: once, for this module
    assert trace.get_tracer_provider() is provider, "another test set a tracer provider"
    yield exporter
    provider.shutdown()  # later tests' spans go nowhere


async def test_one_trace_spans_api_workflow_and_activities(
    spans: InMemorySpanExporter, client: Client, tmp_path: Path
) -> None:
    traced = await Client.connect(
        client.service_client.config.target_host, interceptors=client_interceptors()
    )
    settings = make_settings(traced, tmp_path)
    app = create_app(settings, temporal=traced)
    async with AsyncExitStack() as stack:
        for worker in build_workers(traced, settings, settings.task_queues().names()):
            await stack.enter_async_context(worker)
        await stack.enter_async_context(app.router.lifespan_context(app))
        key = app.state.ledger.create_tenant("traced", 100).key
        async with api_client(app, key) as http:
            job_id = (await http.post("/api/v1/jobs", json={"script": SCRIPT})).json()["job_id"]

            async def completed() -> bool:
                body = (await http.get(f"/api/v1/jobs/{job_id}")).json()
                return bool(body["status"] == "completed")

            await wait_for(completed, timeout=120)
    finished: list[ReadableSpan] = list(spans.get_finished_spans())
    root = next(s for s in finished if s.name == "POST /api/v1/jobs")
    assert root.parent is None and root.kind == trace.SpanKind.SERVER
    trace_id = root.context.trace_id
    in_trace = {s.name for s in finished if s.context.trace_id == trace_id}
    assert "StartWorkflow:FilmWorkflow" in in_trace
    assert "RunWorkflow:FilmWorkflow" in in_trace
    activities = {"plan_film", "hold_credits", "generate_visual", "synthesize_dialogue",
                  "compose_score", "render_shot", "mix_soundtrack", "compose_film",
                  "publish_film", "charge_credits", "release_credits"}  # fmt: skip
    for name in activities:
        assert f"StartActivity:{name}" in in_trace, name
        assert f"RunActivity:{name}" in in_trace, name
    polls = [s for s in finished if s.name == "GET /api/v1/jobs/{job_id}"]
    assert polls and all(s.context.trace_id != trace_id for s in polls)  # their own traces
