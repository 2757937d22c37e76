"""/api/v1/jobs/{id}/files/...: a job's artifacts, with HTTP Range for video players.

Either the owner's API key or a signed, unexpired link (as `download` and `state` hand
out) opens a file; anything else is 404, as if the job did not exist. `film.mp4` (and the
film's other files) at the job's root name the published revision's.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import FileResponse

from api.deps import OptionalTenantDep, SessionDep, SignerDep, StoreDep
from api.models import Job
from storage import keys
from storage.artifacts import InvalidKeyError, job_key

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
    expires: int = 0,
    sig: str = "",
) -> FileResponse:
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
    if file_path in keys.PUBLISHED_FILES and job.video_key:  # film.mp4, ...: the published one
        file_path = keys.beside(job.video_key, file_path).removeprefix(f"jobs/{job_id}/")
    try:
        path = store.path(job_key(job_id, *file_path.split("/")))
    except InvalidKeyError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such file") from error
    if not path.is_file() or path.name.startswith("."):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such file")
    return FileResponse(path, media_type=_MEDIA_TYPES.get(path.suffix, "application/octet-stream"))
