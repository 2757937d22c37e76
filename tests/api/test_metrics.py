"""The API's /metrics: no key needed, requests counted by route template (never by raw
path), jobs by status from the index; a setting moves it to its own port or turns it off."""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families
from temporalio.client import Client

from api.main import create_app
from core.settings import Settings
from devstack.cluster import free_port
from tests.conftest import api_client


def _samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def test_metrics_need_no_key_and_count_by_route(app: FastAPI, api: httpx.AsyncClient) -> None:
    await api.get("/api/v1/jobs/not-a-job")
    await api.get("/api/v1/jobs/another-missing-job")
    async with api_client(app, None) as scraper:
        response = await scraper.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    samples = _samples(response.text)
    route = {("method", "GET"), ("route", "/api/v1/jobs/{job_id}"), ("status", "404")}
    assert samples[("filmstudio_http_requests_total", frozenset(route))] >= 2
    assert not any("not-a-job" in str(labels) for _, labels in samples)
    statuses = {dict(labels)["status"] for name, labels in samples if name == "filmstudio_jobs"}
    assert statuses == {"queued", "running", "completed", "failed", "cancelled"}
    assert any(name == "filmstudio_http_request_seconds_bucket" for name, _ in samples)


async def test_metrics_can_move_to_their_own_port_or_be_off(
    settings: Settings, client: Client
) -> None:
    port = free_port()
    apart = create_app(
        settings.model_copy(update={"api_metrics_address": f"127.0.0.1:{port}"}), temporal=client
    )
    async with apart.router.lifespan_context(apart), api_client(apart, None) as http:
        assert (await http.get("/metrics")).status_code in (401, 404)
        scraped = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10)
        assert scraped.status_code == 200 and "filmstudio_jobs{" in scraped.text
    off = create_app(settings.model_copy(update={"api_metrics": False}), temporal=client)
    async with off.router.lifespan_context(off), api_client(off, None) as http:
        assert (await http.get("/metrics")).status_code in (401, 404)
