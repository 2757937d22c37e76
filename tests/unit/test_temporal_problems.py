"""Temporal's errors map to problems by kind: gRPC status or ApplicationError type."""

from __future__ import annotations

import pytest
from temporalio.client import WorkflowUpdateFailedError
from temporalio.exceptions import ApplicationError
from temporalio.service import RPCError, RPCStatusCode

from api.temporal_errors import temporal_problem
from core.error_types import ErrorType


@pytest.mark.parametrize(
    ("error_type", "status", "code"),
    [
        (ErrorType.UNKNOWN_SHOT, 404, "UnknownShot"),
        (ErrorType.NOT_REVISABLE, 409, "NotRevisable"),
        ("ValueError", 409, "Conflict"),  # an untyped rejection is still never a 5xx
        (None, 409, "Conflict"),
    ],
)
def test_an_update_rejection_maps_by_its_type(
    error_type: str | None, status: int, code: str
) -> None:
    cause = ApplicationError("no shot '09-09' in this film", type=error_type)
    problem = temporal_problem(WorkflowUpdateFailedError(cause))
    assert (problem.status_code, problem.code.value) == (status, code)
    assert problem.detail == "no shot '09-09' in this film"


@pytest.mark.parametrize(
    ("rpc_status", "http_status"),
    [
        (RPCStatusCode.UNAVAILABLE, 503),
        (RPCStatusCode.DEADLINE_EXCEEDED, 503),
        (RPCStatusCode.NOT_FOUND, 409),
        (RPCStatusCode.FAILED_PRECONDITION, 409),
        (RPCStatusCode.ALREADY_EXISTS, 409),
    ],
)
def test_an_unreachable_server_is_503_never_409(
    rpc_status: RPCStatusCode, http_status: int
) -> None:
    problem = temporal_problem(RPCError("the same words either way", rpc_status, b""))
    assert problem.status_code == http_status
    if http_status == 503:
        assert problem.code is ErrorType.TEMPORAL_UNAVAILABLE and problem.headers
