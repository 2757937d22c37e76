"""/api/v1/jobs/{id}/files/...: a job's artifacts, with HTTP Range for video players.

Either the owner's API key or a signed, unexpired link (as `download` and `state` hand
out) opens a file; anything else is 404, as if the job did not exist. `film.mp4` (and the
film's other files) at the job's root name the published revision's.
"""

from __future__ import annotations

import time
from pathlib import PurePosixPath

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, Response
from starlette.responses import MalformedRangeHeader, RangeNotSatisfiable

from api.deps import OptionalTenantDep, SessionDep, SettingsDep, SignerDep, StoreDep
from api.models import Job
from api.object_files import object_response
from api.openapi import AUTHENTICATED, errors
from api.problems import ProblemException
from api.strict_json import ProblemRoute
from core.error_types import ErrorType
from storage import keys
from storage.artifacts import InvalidKeyError, job_key
from storage.store import objects

router = APIRouter(prefix="/api/v1/jobs", tags=["files"], route_class=ProblemRoute)

_MEDIA_TYPES = {
    ".mp4": "video/mp4",
    ".m4a": "audio/mp4",
    ".srt": "application/x-subrip; charset=utf-8",
    ".vtt": "text/vtt; charset=utf-8",
    ".otio": "application/json",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".wav": "audio/wav",
}


@router.get(
    "/{job_id}/files/{file_path:path}",
    response_class=FileResponse,
    responses={
        200: {"description": "The file, with HTTP Range", "content": {"*/*": {}}},
        **errors(*AUTHENTICATED, 404, 416, 422),
    },
)
def read_file(
    job_id: str,
    file_path: str,
    request: Request,
    tenant: OptionalTenantDep,
    session: SessionDep,
    store: StoreDep,
    signer: SignerDep,
    settings: SettingsDep,
    expires: int = Query(default=0, ge=0, le=2**53),
    sig: str = "",
) -> Response:
    job = session.get(Job, job_id)
    owner = job is not None and tenant is not None and job.tenant_id == tenant.id
    signed = bool(sig) and signer.valid(request.url.path, expires, sig)
    if job is None or not (owner or signed):
        if tenant is None and not sig:
            raise ProblemException(
                ErrorType.UNAUTHENTICATED,
                "an API key or a signed link is required",
                headers={"WWW-Authenticate": "Bearer"},
            )
        raise ProblemException(ErrorType.JOB_NOT_FOUND, f"no job {job_id!r}")
    if file_path in keys.PUBLISHED_FILES and job.video_key:  # film.mp4, ...: the published one
        file_path = keys.beside(job.video_key, file_path).removeprefix(f"jobs/{job_id}/")
    try:
        key = job_key(job_id, *file_path.split("/"))
    except InvalidKeyError as error:
        raise ProblemException(ErrorType.NOT_FOUND, "no such file") from error
    name = PurePosixPath(key)
    if name.name.startswith("."):
        raise ProblemException(ErrorType.NOT_FOUND, "no such file")
    media_type = _MEDIA_TYPES.get(name.suffix, "application/octet-stream")
    remote = objects(store)
    if remote is not None:  # from the object store: streamed with Range, or redirected
        redirect_ttl = max(expires - int(time.time()), 1) if signed else signer.ttl_s
        ttl = redirect_ttl if settings.artifact_redirect else None
        return object_response(remote, key, request, media_type, redirect_ttl_s=ttl)
    path = store.path(key)
    if not path.is_file():
        raise ProblemException(ErrorType.NOT_FOUND, "no such file")
    _check_range(request.headers.get("range"), path.stat().st_size)
    return FileResponse(path, media_type=media_type)


def _check_range(header: str | None, size: int) -> None:
    """A Range the file cannot serve is a 416 problem here; Starlette would answer it in
    plain text. Its own parser decides, so the check and the serving agree."""
    if header is None:
        return
    try:
        FileResponse._parse_range_header(header, size)
    except (MalformedRangeHeader, RangeNotSatisfiable):
        raise ProblemException(
            ErrorType.RANGE_NOT_SATISFIABLE,
            f"the Range header cannot be served from a file of {size} bytes",
            headers={"Content-Range": f"bytes */{size}"},
        ) from None
