"""/api/v1/jobs/{id}/files/...: a job's artifacts, with HTTP Range for video players.

Either the owner's API key or a signed, unexpired link (as `download` and `state` hand
out) opens a file; anything else is 404, as if the job did not exist.
"""

from __future__ import annotations

import time
from pathlib import PurePosixPath

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import FileResponse, Response

from api.deps import OptionalTenantDep, SessionDep, SettingsDep, SignerDep, StoreDep
from api.models import Job
from api.object_files import object_response
from storage.artifacts import InvalidKeyError, job_key
from storage.store import objects

router = APIRouter(prefix="/api/v1/jobs", tags=["files"])

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


@router.get("/{job_id}/files/{file_path:path}")
def read_file(
    job_id: str,
    file_path: str,
    request: Request,
    session: SessionDep,
    store: StoreDep,
    signer: SignerDep,
    tenant: OptionalTenantDep,
    settings: SettingsDep,
    expires: int = 0,
    sig: str = "",
) -> Response:
    job = session.get(Job, job_id)
    owner = job is not None and tenant is not None and job.tenant_id == tenant.id
    signed = bool(sig) and signer.valid(request.url.path, expires, sig)
    if job is None or not (owner or signed):
        if tenant is None and not sig:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "an API key or a signed link is required",
                headers={"WWW-Authenticate": "Bearer"},
            )
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no job {job_id!r}")
    try:
        key = job_key(job_id, *file_path.split("/"))
    except InvalidKeyError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such file") from error
    name = PurePosixPath(key)
    if name.name.startswith("."):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such file")
    media_type = _MEDIA_TYPES.get(name.suffix, "application/octet-stream")
    remote = objects(store)
    if remote is not None:  # from the object store: streamed with Range, or redirected
        redirect_ttl = max(expires - int(time.time()), 1) if signed else signer.ttl_s
        ttl = redirect_ttl if settings.artifact_redirect else None
        return object_response(remote, key, request, media_type, redirect_ttl_s=ttl)
    path = store.path(key)
    if not path.is_file():
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such file")
    return FileResponse(path, media_type=media_type)
