"""One error contract for every route: RFC 9457 problem details, from one table.

Each `ErrorType` has one HTTP status, one problem type URI and one title (`PROBLEMS`); the
answer's `code` is the ErrorType's value, the name clients already switch on. Errors are
told apart by type, never by message text: a Temporal error by its gRPC status or by the
`ApplicationError` type a workflow gave it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from core.error_types import ErrorType

MEDIA_TYPE = "application/problem+json"


@dataclass(frozen=True)
class ProblemKind:
    status: int
    slug: str  # the type URI is /problems/<slug>
    title: str

    @property
    def type_uri(self) -> str:
        return f"/problems/{self.slug}"


def _kind(status: int, slug: str, title: str) -> ProblemKind:
    return ProblemKind(status, slug, title)


PROBLEMS: dict[ErrorType, ProblemKind] = {
    ErrorType.MALFORMED_BODY: _kind(400, "malformed-body", "The body is not UTF-8 JSON"),
    ErrorType.UNAUTHENTICATED: _kind(401, "unauthenticated", "An API key is required"),
    ErrorType.INSUFFICIENT_CREDITS: _kind(402, "insufficient-credits", "Not enough credits"),
    ErrorType.QUOTA_EXCEEDED: _kind(402, "quota-exceeded", "A provider's quota is used up"),
    ErrorType.NOT_FOUND: _kind(404, "not-found", "No such resource"),
    ErrorType.JOB_NOT_FOUND: _kind(404, "job-not-found", "No such job"),
    ErrorType.UNKNOWN_SHOT: _kind(404, "unknown-shot", "The film has no such shot"),
    ErrorType.METHOD_NOT_ALLOWED: _kind(405, "method-not-allowed", "Method not allowed"),
    ErrorType.REQUEST_TIMEOUT: _kind(408, "request-timeout", "The body did not arrive in time"),
    ErrorType.CONFLICT: _kind(409, "conflict", "The run will not take this now"),
    ErrorType.NOT_READY: _kind(409, "not-ready", "The film is not ready"),
    ErrorType.NOT_REVISABLE: _kind(409, "not-revisable", "The film is not open for revisions"),
    ErrorType.BODY_TOO_LARGE: _kind(413, "body-too-large", "The body is too large"),
    ErrorType.UNSUPPORTED_MEDIA_TYPE: _kind(
        415, "unsupported-media-type", "The body must be application/json"
    ),
    ErrorType.RANGE_NOT_SATISFIABLE: _kind(416, "range-not-satisfiable", "Range not satisfiable"),
    ErrorType.INVALID_REQUEST: _kind(422, "invalid-request", "The request is not valid"),
    ErrorType.INVALID_INPUT: _kind(422, "invalid-input", "The input cannot be used"),
    ErrorType.INVALID_OPTION: _kind(422, "invalid-option", "An option is not valid"),
    ErrorType.INVALID_SCRIPT: _kind(422, "invalid-script", "The script does not parse"),
    ErrorType.CONTENT_REFUSED: _kind(422, "content-refused", "The content policy refused it"),
    ErrorType.RATE_LIMITED: _kind(429, "rate-limited", "Too many requests"),
    ErrorType.TOO_MANY_FILMS: _kind(429, "too-many-films-in-flight", "Too many films in flight"),
    # Outcomes of a film, not answers to a request; here so that the table is complete.
    ErrorType.MEDIA_CHECK_FAILED: _kind(500, "media-check-failed", "A rendered file is wrong"),
    ErrorType.SHOT_FAILED: _kind(500, "shot-failed", "A shot failed every attempt"),
    ErrorType.FILM_FAILED: _kind(500, "film-failed", "A film stage failed"),
    ErrorType.INTERNAL_ERROR: _kind(500, "internal-error", "Internal error"),
    ErrorType.PROVIDER_UNAVAILABLE: _kind(503, "provider-unavailable", "A provider is down"),
    # A remote provider refused a shot for good (a film's outcome, shown in its failure).
    ErrorType.PROVIDER_REJECTED: _kind(502, "provider-rejected", "A provider refused the request"),
    ErrorType.PROVIDER_AUTH_FAILED: _kind(
        502, "provider-auth-failed", "A provider refused the key"
    ),
    ErrorType.PROVIDER_REFUSED: _kind(502, "provider-refused", "A provider's policy refused it"),
    ErrorType.PROVIDER_OUTPUT_UNUSABLE: _kind(
        502, "provider-output-unusable", "A provider's answer is unusable"
    ),
    ErrorType.PROVIDER_NODE_ERROR: _kind(502, "provider-node-error", "A ComfyUI node failed"),
    ErrorType.TEMPORAL_UNAVAILABLE: _kind(503, "temporal-unavailable", "Temporal is unreachable"),
    ErrorType.DATABASE_UNAVAILABLE: _kind(503, "database-unavailable", "The database is down"),
}

# The code an HTTP status gets when Starlette or FastAPI raise it without one.
BY_STATUS: dict[int, ErrorType] = {
    status.HTTP_400_BAD_REQUEST: ErrorType.MALFORMED_BODY,
    status.HTTP_401_UNAUTHORIZED: ErrorType.UNAUTHENTICATED,
    status.HTTP_404_NOT_FOUND: ErrorType.NOT_FOUND,
    status.HTTP_405_METHOD_NOT_ALLOWED: ErrorType.METHOD_NOT_ALLOWED,
    status.HTTP_408_REQUEST_TIMEOUT: ErrorType.REQUEST_TIMEOUT,
    status.HTTP_409_CONFLICT: ErrorType.CONFLICT,
    status.HTTP_413_CONTENT_TOO_LARGE: ErrorType.BODY_TOO_LARGE,
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: ErrorType.UNSUPPORTED_MEDIA_TYPE,
    status.HTTP_416_RANGE_NOT_SATISFIABLE: ErrorType.RANGE_NOT_SATISFIABLE,
    status.HTTP_422_UNPROCESSABLE_CONTENT: ErrorType.INVALID_REQUEST,
    status.HTTP_429_TOO_MANY_REQUESTS: ErrorType.RATE_LIMITED,
    status.HTTP_503_SERVICE_UNAVAILABLE: ErrorType.TEMPORAL_UNAVAILABLE,
}


def code_of(value: str | None) -> ErrorType | None:
    """The ErrorType named by a Temporal failure's type, if it is one."""
    try:
        return ErrorType(value) if value else None
    except ValueError:
        return None


class ProblemLocation(BaseModel):
    line: int | None = Field(default=None, description="1-based line in the script")
    column: int | None = Field(default=None, description="1-based column in the script")
    field: str | None = Field(default=None, description="dotted path, e.g. options.cast.LEO")
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details, with `code` (an ErrorType value) for clients to switch on."""

    type: str = Field(description="a problem type URI, e.g. /problems/insufficient-credits")
    title: str
    status: int
    detail: str
    code: str = Field(description="InsufficientCredits, InvalidScript, ContentRefused, ...")
    errors: list[ProblemLocation] | None = Field(
        default=None, description="every location at fault, where there is one"
    )


class Balance(BaseModel):
    granted: float
    available: float
    held: float
    spent: float


class CreditsEstimate(BaseModel):
    credits: int
    render_seconds: float
    picture: float
    voice: float
    music: float
    render: float


class CreditsProblem(Problem):
    estimate: CreditsEstimate
    balance: Balance


class HealthProblem(Problem):
    database: str
    temporal: str


class ProblemException(HTTPException):
    """Raise anywhere in a request to answer with this problem (an HTTPException, so that
    FastAPI lets it through its body parsing unchanged)."""

    def __init__(
        self,
        code: ErrorType,
        detail: str,
        *,
        errors: list[ProblemLocation] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(PROBLEMS[code].status, detail, headers)
        self.code, self.errors, self.extra = code, errors, extra

    def response(self) -> JSONResponse:
        return problem_response(
            self.code, self.detail, errors=self.errors, headers=self.headers, extra=self.extra
        )


def problem_body(
    code: ErrorType,
    detail: str,
    errors: list[ProblemLocation] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    kind = PROBLEMS[code]
    body: dict[str, Any] = {
        "type": kind.type_uri,
        "title": kind.title,
        "status": kind.status,
        "detail": detail,
        "code": code.value,
    }
    if errors:
        body["errors"] = [error.model_dump(exclude_none=True) for error in errors]
    body.update(extra or {})
    return body


def problem_response(
    code: ErrorType,
    detail: str,
    *,
    errors: list[ProblemLocation] | None = None,
    headers: Mapping[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    return JSONResponse(
        problem_body(code, detail, errors, extra),
        status_code=PROBLEMS[code].status,
        headers=headers,
        media_type=MEDIA_TYPE,
    )
