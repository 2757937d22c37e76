"""Traces leave the process over OTLP/HTTP when FILMSTUDIO_OTLP_ENDPOINT is set: a real API
process sends its request spans, named for their routes and for the service, to a local
receiver that decodes the protocol's protobuf messages."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from temporalio.client import Client

from tests.conftest import make_settings
from tests.e2e.processes import Processes, free_port

pytestmark = pytest.mark.e2e


class Receiver(BaseHTTPRequestHandler):
    exports: list[ExportTraceServiceRequest] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        request = ExportTraceServiceRequest()
        request.ParseFromString(body)
        Receiver.exports.append(request)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        pass


def test_the_api_exports_its_spans_over_otlp(client: Client, tmp_path: Path) -> None:
    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    endpoint = f"http://127.0.0.1:{receiver.server_address[1]}/v1/traces"
    settings = make_settings(client, tmp_path, otlp_endpoint=endpoint, service_name="films-api")
    processes = Processes(settings, tmp_path)
    try:
        base = processes.api(free_port())
        assert httpx.get(f"{base}/api/v1/jobs", timeout=10).status_code == 401
        deadline = time.monotonic() + 30  # the batch processor sends within seconds
        while time.monotonic() < deadline:
            spans = {
                (span.name, attribute.value.string_value)
                for export in Receiver.exports
                for resource in export.resource_spans
                for attribute in resource.resource.attributes
                if attribute.key == "service.name"
                for scope in resource.scope_spans
                for span in scope.spans
            }
            if ("GET /api/v1/jobs", "films-api") in spans:
                break
            time.sleep(0.5)
        assert ("GET /api/v1/jobs", "films-api") in spans, spans
        assert ("GET /health", "films-api") in spans  # the harness's readiness polls
    finally:
        processes.stop_all()
        receiver.shutdown()
