"""The API's metrics: requests and latency per route (ASGI middleware), jobs by status read
from the job index at each scrape, and /metrics itself."""

from __future__ import annotations

import time
from collections.abc import Iterator

from fastapi import FastAPI
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest, start_http_server
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.models import Job, JobStatus
from observability import metrics


class RequestMetrics:
    """Outermost middleware: every request counted and timed by its route template (never
    the raw path, which would make a series per job). Its span is FastAPI's own: FastAPI
    traces each request as a server span once a tracer provider is installed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500
        started = time.monotonic()

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            method = scope["method"]
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            metrics.HTTP_REQUESTS.labels(method, route, str(status)).inc()
            metrics.HTTP_SECONDS.labels(method, route).observe(time.monotonic() - started)


class JobsByStatus(Collector):
    """Read at each scrape from the app's job index (its engine is made at startup)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def collect(self) -> Iterator[Metric]:
        engine: Engine | None = getattr(self.app.state, "engine", None)
        if engine is None:
            return
        gauge = GaugeMetricFamily(
            "filmstudio_jobs", "Jobs in the index, by status", labels=["status"]
        )
        counts = {status: 0 for status in JobStatus}
        with Session(engine) as session:
            query = select(Job.status, func.count(col(Job.id))).group_by(Job.status)
            for status, count in session.exec(query):
                counts[JobStatus(status)] = int(count)
        for status, count in counts.items():
            gauge.add_metric([status.value], count)
        yield gauge


class _AppMetrics(Collector):
    """The process's series plus this app's jobs gauge."""

    def __init__(self, jobs: JobsByStatus) -> None:
        self.jobs = jobs

    def collect(self) -> Iterator[Metric]:
        yield from REGISTRY.collect()
        yield from self.jobs.collect()


def app_metrics(app: FastAPI) -> Collector:
    return _AppMetrics(JobsByStatus(app))


def serve_metrics_apart(collector: Collector, address: str) -> None:
    """The API's metrics on their own host:port instead of /metrics."""
    from observability.worker_metrics import split_address

    host, port = split_address(address)
    start_http_server(port, addr=host, registry=collector)


def mount_metrics(app: FastAPI, collector: Collector) -> None:
    """GET /metrics on the API, with no key (scrapers send none)."""

    @app.get("/metrics", include_in_schema=False)
    def read_metrics() -> Response:
        return Response(generate_latest(collector), media_type=CONTENT_TYPE_LATEST)
