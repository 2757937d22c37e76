"""A job's file from the object store: streamed with HTTP Range (players seek), or a
redirect to a presigned object URL when the settings ask for one."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from fastapi import Request, status
from fastapi.responses import RedirectResponse, Response, StreamingResponse

from api.problems import ProblemException
from core.error_types import ErrorType
from storage.store import ObjectInfo, RemoteObjects

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(start, end) inclusive for one `bytes=` range; None for the whole file (no header,
    or several ranges, which a server may answer whole). 416 when it cannot be served."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if match is None:
        if header.strip().startswith("bytes=") and "," in header:
            return None
        raise _unsatisfiable(size)
    first, last = match.groups()
    if first:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
    elif last:
        start, end = max(size - int(last), 0), size - 1
    else:
        raise _unsatisfiable(size)
    if start >= size or start > end:
        raise _unsatisfiable(size)
    return start, end


def _unsatisfiable(size: int) -> ProblemException:
    return ProblemException(
        ErrorType.RANGE_NOT_SATISFIABLE,
        f"the range asked for is outside the file's {size} bytes",
        headers={"Content-Range": f"bytes */{size}"},
    )


def object_response(
    objects: RemoteObjects,
    key: str,
    request: Request,
    media_type: str,
    redirect_ttl_s: int | None = None,
) -> Response:
    info: ObjectInfo | None = objects.info(key)
    if info is None or info.size == 0:
        raise ProblemException(ErrorType.NOT_FOUND, "no such file")
    if redirect_ttl_s is not None:
        url = objects.presigned_url(key, redirect_ttl_s, PurePosixPath(key).name)
        return RedirectResponse(url, status_code=status.HTTP_307_TEMPORARY_REDIRECT)
    wanted = byte_range(request.headers.get("range"), info.size)
    start, end = wanted or (0, info.size - 1)
    headers = {
        "Accept-Ranges": "bytes",
        "Content-Length": str(end - start + 1),
        "ETag": f'"{info.etag}"',
    }
    if wanted is not None:
        headers["Content-Range"] = f"bytes {start}-{end}/{info.size}"
    return StreamingResponse(
        objects.read(key, start, end),
        status_code=status.HTTP_206_PARTIAL_CONTENT if wanted else status.HTTP_200_OK,
        media_type=media_type,
        headers=headers,
    )
