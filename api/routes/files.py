"""/api/v1/jobs/{id}/files/...: a job's artifacts, with HTTP Range for video players."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status
from fastapi.responses import FileResponse

from api.deps import SessionDep, StoreDep
from api.models import Job
from storage.artifacts import InvalidKeyError, job_key

router = APIRouter(prefix="/api/v1/jobs", tags=["files"])

_MEDIA_TYPES = {
    ".mp4": "video/mp4",
    ".srt": "application/x-subrip; charset=utf-8",
    ".vtt": "text/vtt; charset=utf-8",
    ".otio": "application/json",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".wav": "audio/wav",
}


@router.get("/{job_id}/files/{file_path:path}")
def read_file(job_id: str, file_path: str, session: SessionDep, store: StoreDep) -> FileResponse:
    if session.get(Job, job_id) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no job {job_id!r}")
    try:
        path = store.path(job_key(job_id, *file_path.split("/")))
    except InvalidKeyError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such file") from error
    if not path.is_file() or path.name.startswith("."):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such file")
    return FileResponse(path, media_type=_MEDIA_TYPES.get(path.suffix, "application/octet-stream"))
