"""OpenAPI for the problem contract: each route lists its error answers, each as
application/problem+json with the Problem schema (the 402 with CreditsProblem)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.problems import MEDIA_TYPE, CreditsProblem, HealthProblem, Problem

_DESCRIPTIONS = {
    400: "The body is not UTF-8",
    401: "No API key, or not a valid one",
    402: "Not enough credits: the estimate and the balance",
    404: "No such job, shot or file (another tenant's job is 404 too)",
    405: "Method not allowed",
    408: "The body did not arrive in time",
    409: "The run will not take this now",
    413: "The body is over the size limit",
    415: "The body is not application/json",
    416: "The file cannot serve that Range",
    422: "A field, the script or an option is not valid; `errors` locates each",
    429: "Over the tenant's requests per minute or films in flight; see Retry-After",
    500: "Internal error",
    503: "Temporal (or the database) is not reachable; see Retry-After",
}

AUTHENTICATED = (401, 429, 500)  # every call that takes an API key
WITH_BODY = (400, 408, 413, 415, 422)  # every call that takes a JSON body


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: one entry per error status it can answer."""
    models: dict[int, type[Problem]] = {402: CreditsProblem}
    return {
        status: {"model": models.get(status, Problem), "description": _DESCRIPTIONS[status]}
        for status in sorted(set(statuses))
    }


def health_errors() -> dict[int | str, dict[str, Any]]:
    return {503: {"model": HealthProblem, "description": "The database or Temporal is down"}}


def install_problem_openapi(app: FastAPI) -> None:
    """Error answers are documented as application/problem+json, and FastAPI's own 422
    schema (HTTPValidationError) gives way to Problem."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                routes=app.routes,
            )
            _problem_content(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _problem_content(schema: dict[str, Any]) -> None:
    problem_ref: dict[str, Any] = {"$ref": "#/components/schemas/Problem"}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for code, answer in operation.get("responses", {}).items():
                if not code.isdigit() or int(code) < 400:
                    continue
                content = answer.get("content", {})
                first: dict[str, Any] = next(iter(content.values()), {})
                found = first.get("schema", problem_ref)
                if "HTTPValidationError" in json.dumps(found):
                    found = problem_ref
                answer["content"] = {MEDIA_TYPE: {"schema": found}}
                answer["description"] = _DESCRIPTIONS.get(int(code), answer.get("description"))
    components = schema.get("components", {}).get("schemas", {})
    text = json.dumps(schema.get("paths", {}))
    for unused in ("HTTPValidationError", "ValidationError"):
        if f"/{unused}" not in text:
            components.pop(unused, None)
