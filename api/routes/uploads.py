"""/api/v1/uploads: a picture (a character's reference) for `options.cast.NAME.reference`.

The body is the image itself (Content-Type image/png, image/jpeg or image/webp), at most
`FILMSTUDIO_MAX_UPLOAD_BYTES`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, status
from pydantic import BaseModel

from api.deps import StoreDep, TenantDep
from api.openapi import AUTHENTICATED, errors
from api.problems import ProblemException, ProblemLocation
from api.references import InvalidReference, store_picture
from core.error_types import ErrorType

router = APIRouter(prefix="/api/v1/uploads", tags=["uploads"])
IMAGE_TYPES = ("image/png", "image/jpeg", "image/webp")


class UploadOut(BaseModel):
    id: str
    width: int
    height: int


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=UploadOut,
    responses=errors(*AUTHENTICATED, 408, 413, 415, 422),
)
async def create_upload(request: Request, store: StoreDep, tenant: TenantDep) -> Any:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in IMAGE_TYPES:
        raise ProblemException(
            ErrorType.UNSUPPORTED_MEDIA_TYPE, f"send the picture as one of {IMAGE_TYPES}"
        )
    try:
        upload = store_picture(store, tenant.id, await request.body())
    except InvalidReference as error:
        raise ProblemException(
            ErrorType.INVALID_INPUT,
            str(error),
            errors=[ProblemLocation(field="body", message=str(error))],
        ) from None
    return UploadOut(id=upload.id, width=upload.width, height=upload.height)
