"""OpenTelemetry traces: one trace from the API request through the workflow to every
activity. The SDK's TracingInterceptor on each Temporal client starts and links the
workflow and activity spans (through Temporal headers); spans go to an OTLP endpoint
when one is set, and nowhere otherwise."""

from __future__ import annotations

from opentelemetry import trace
from temporalio.client import Interceptor
from temporalio.contrib.opentelemetry import TracingInterceptor

from core.settings import Settings


def configure_tracing(settings: Settings, default_service: str) -> None:
    """Install the process's tracer provider, exporting over OTLP/HTTP, when
    FILMSTUDIO_OTLP_ENDPOINT is set."""
    if not settings.otlp_endpoint:
        return
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    resource = Resource.create({"service.name": settings.service_name or default_service})
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(settings.otlp_endpoint)))
    trace.set_tracer_provider(provider)


def client_interceptors() -> list[Interceptor]:
    """For Client.connect: traces the client's calls and, on a worker, its workflows and
    activities (a client interceptor that is also a worker interceptor serves both)."""
    return [TracingInterceptor()]
