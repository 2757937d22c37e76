"""Limits on a request body, before the app parses it: its size (413) and the time it takes
to arrive (408).

The body is read here, never past the size limit, then handed to the app unchanged. Bodies
are small (scripts), so holding up to the limit in memory is the simple, safe choice. A
client that declares a body and trickles it (or stops) is answered 408 and the connection
closed once `timeout_s` has passed since the request began. Slow *headers* never reach the
app: see the README (uvicorn has no header timeout; a proxy's client_header_timeout does it).
"""

from __future__ import annotations

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import problem_response
from core.error_types import ErrorType


class BodyLimits:
    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        timeout_s: float,
        paths: dict[str, int] | None = None,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s
        self.paths = paths or {}  # path -> its own limit (picture uploads)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.paths.get(scope.get("path", ""), self.max_bytes)
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, receive, send, ErrorType.BODY_TOO_LARGE, limit)
            return
        chunks: list[bytes] = []
        size = 0
        deadline = anyio.current_time() + self.timeout_s
        while True:
            message = await _receive_by(receive, deadline)
            if message is None:
                await self._refuse(scope, receive, send, ErrorType.REQUEST_TIMEOUT)
                return
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._refuse(scope, receive, send, ErrorType.BODY_TOO_LARGE, limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(
        self, scope: Scope, receive: Receive, send: Send, code: ErrorType, limit: int = 0
    ) -> None:
        detail = (
            f"the request body is over {limit or self.max_bytes} bytes"
            if code is ErrorType.BODY_TOO_LARGE
            else f"the request body did not arrive within {self.timeout_s:g} s"
        )
        response = problem_response(code, detail, headers={"Connection": "close"})
        await response(scope, receive, send)


async def _receive_by(receive: Receive, deadline: float) -> Message | None:
    """The next message, or None if it has not come by the deadline."""
    with anyio.move_on_after(max(0.0, deadline - anyio.current_time())):
        return await receive()
    return None
