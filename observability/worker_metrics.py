"""A worker's /metrics: the Temporal SDK's own series (its Prometheus exporter, on a
private loopback port) and the project's (prometheus_client), served together on the
one address FILMSTUDIO_WORKER_METRICS_ADDRESS names."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
from prometheus_client import REGISTRY, start_http_server
from prometheus_client.metrics_core import Metric
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.registry import Collector
from temporalio.runtime import PrometheusConfig, Runtime, TelemetryConfig


class SdkMetrics(Collector):
    """Re-exposes what the SDK's exporter serves, read at each scrape."""

    def __init__(self, url: str) -> None:
        self.url = url

    def collect(self) -> Iterator[Metric]:
        try:
            text = httpx.get(self.url, timeout=5).text
        except httpx.HTTPError:
            return
        yield from text_string_to_metric_families(text)


def _loopback_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def split_address(address: str) -> tuple[str, int]:
    host, _, port = address.rpartition(":")
    return host or "0.0.0.0", int(port)


def serve_worker_metrics(address: str) -> Runtime:
    """Start the endpoint; returns the Temporal runtime whose SDK metrics it includes (pass
    it to Client.connect)."""
    sdk_address = f"127.0.0.1:{_loopback_port()}"
    runtime = Runtime(
        telemetry=TelemetryConfig(
            metrics=PrometheusConfig(
                bind_address=sdk_address, counters_total_suffix=True, durations_as_seconds=True
            )
        )
    )
    REGISTRY.register(SdkMetrics(f"http://{sdk_address}/metrics"))
    host, port = split_address(address)
    start_http_server(port, addr=host)
    return runtime
