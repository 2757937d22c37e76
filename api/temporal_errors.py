"""Temporal's errors as problems: by gRPC status or by the ApplicationError type a
workflow's update validator gave, never by message text."""

from __future__ import annotations

from temporalio.client import WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError
from temporalio.exceptions import ApplicationError
from temporalio.service import RPCError, RPCStatusCode

from api.problems import ProblemException, code_of
from core.error_types import ErrorType

# The server or the network is not answering: try again later.
_UNREACHABLE = frozenset(
    {
        RPCStatusCode.UNAVAILABLE,
        RPCStatusCode.DEADLINE_EXCEEDED,
        RPCStatusCode.CANCELLED,
        RPCStatusCode.UNKNOWN,
        RPCStatusCode.INTERNAL,
        RPCStatusCode.RESOURCE_EXHAUSTED,
        RPCStatusCode.UNAUTHENTICATED,
        RPCStatusCode.PERMISSION_DENIED,
        RPCStatusCode.UNIMPLEMENTED,
    }
)


def temporal_problem(error: Exception) -> ProblemException:
    """The problem for an error of a Temporal call the API made on a client's behalf."""
    if isinstance(error, WorkflowUpdateFailedError):
        cause = error.cause
        if isinstance(cause, ApplicationError):
            code = code_of(cause.type) or ErrorType.CONFLICT
            return ProblemException(code, cause.message)
        return ProblemException(ErrorType.CONFLICT, "the run would not take this update")
    if isinstance(error, WorkflowUpdateRPCTimeoutOrCancelledError):
        return unreachable("the update did not complete in time")
    if isinstance(error, RPCError):
        if error.status in _UNREACHABLE:
            return unreachable(error.message)
        return ProblemException(ErrorType.CONFLICT, f"the run would not take it: {error.message}")
    raise TypeError(f"not a Temporal error: {type(error).__name__}") from error


def unreachable(why: str) -> ProblemException:
    return ProblemException(
        ErrorType.TEMPORAL_UNAVAILABLE,
        f"Temporal is not reachable: {why}",
        headers={"Retry-After": "5"},
    )


TEMPORAL_ERRORS = (RPCError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError)
