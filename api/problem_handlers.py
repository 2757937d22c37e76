"""Every error leaves the app as problem+json: ours, FastAPI's validation, Starlette's
404/405 and HTTPException, and any bug (500, without its text)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response

from api.problems import BY_STATUS, ProblemException, ProblemLocation, problem_response
from core.error_types import ErrorType

log = logging.getLogger(__name__)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemException, _problem)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _bug)


async def _problem(_request: Request, error: ProblemException) -> Response:
    return error.response()


async def _http(_request: Request, error: HTTPException) -> Response:
    code = BY_STATUS.get(error.status_code, ErrorType.INTERNAL_ERROR)
    return problem_response(code, str(error.detail), headers=error.headers)


async def _validation(_request: Request, error: RequestValidationError) -> Response:
    """Which field and why, never the input itself (it may be a whole script, or a secret)."""
    located = [
        ProblemLocation(
            field=".".join(str(part) for part in issue.get("loc", ())) or None,
            message=str(issue.get("msg", "not valid")),
        )
        for issue in error.errors()
    ]
    fields = ", ".join(sorted({issue.field for issue in located if issue.field}))
    return problem_response(
        ErrorType.INVALID_REQUEST, f"the request is not valid: {fields}", errors=located
    )


async def _bug(request: Request, error: Exception) -> Response:
    log.exception("unhandled error in %s %s", request.method, request.url.path, exc_info=error)
    return problem_response(ErrorType.INTERNAL_ERROR, "an internal error; it has been logged")
