"""What the system is doing: Prometheus metrics, OpenTelemetry traces, structured logs.

Every worker serves the Temporal SDK's own metrics and the project's on one endpoint
(`WORKER_METRICS_ADDRESS`); the API serves its own on `/metrics` (or `API_METRICS_ADDRESS`).
Traces run from the API request through the workflow to every activity (the SDK's tracing
interceptor), exported over OTLP when `OTLP_ENDPOINT` is set.
"""
