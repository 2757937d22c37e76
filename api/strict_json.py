"""Request bodies are strict JSON: UTF-8, finite numbers, no lone surrogates, and sent as
application/json. Python's json module accepts NaN, Infinity and 1e999 (as inf) and keeps
"\\ud800" as a string no encoder can write; each of those is a 422 here, before any route
sees it. Every router uses `ProblemRoute`."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from api.problems import ProblemException, ProblemLocation
from core.error_types import ErrorType


def _invalid(message: str, line: int | None = None, column: int | None = None) -> Exception:
    return ProblemException(
        ErrorType.INVALID_REQUEST,
        f"the body is not valid JSON: {message}",
        errors=[ProblemLocation(line=line, column=column, field="body", message=message)],
    )


def _refuse_constant(name: str) -> Any:
    raise _invalid(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _invalid(f"{text[:40]} is out of range for a number")
    return value


def _refuse_surrogates(value: Any) -> None:
    pending = [value]
    while pending:  # no recursion: a deep document cannot overflow the stack
        item = pending.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise _invalid("a string holds a lone surrogate (\\ud800-\\udfff)") from None
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)


def strict_loads(body: bytes) -> Any:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProblemException(
            ErrorType.MALFORMED_BODY,
            f"the body is not UTF-8: byte {error.start} cannot be decoded",
        ) from None
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        raise _invalid(error.msg, error.lineno, error.colno) from None
    except RecursionError:
        raise _invalid("nested too deeply") from None
    except ValueError as error:  # e.g. an integer of more digits than Python converts
        raise _invalid(str(error).split(";")[0][:120]) from None
    _refuse_surrogates(value)
    return value


def is_json(content_type: str | None) -> bool:
    media = (content_type or "").split(";")[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


class StrictJsonRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = strict_loads(await self.body())
        return self._json


class ProblemRoute(APIRoute):
    """Decodes bodies strictly and answers 415 for a body that is not JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        takes_body = self.body_field is not None

        async def strict_handler(request: Request) -> Response:
            strict = StrictJsonRequest(request.scope, request.receive)
            not_json = takes_body and not is_json(strict.headers.get("content-type"))
            if not_json and await strict.body():
                raise ProblemException(
                    ErrorType.UNSUPPORTED_MEDIA_TYPE,
                    "send the body as application/json",
                    headers={"Accept-Post": "application/json"},
                )
            return await handler(strict)

        return strict_handler
