"""Character reference pictures users supply: uploaded (`POST /api/v1/uploads`), or an
https URL fetched under the same address rules as webhooks. Either way the picture is
checked (an image, within the size limits), stored once as an artifact the tenant owns,
and named by an upload id that `options.cast.NAME.reference` takes."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass

import httpx
from PIL import Image, UnidentifiedImageError

from notify.webhooks import WebhookTargetError, check_target
from storage.artifacts import ArtifactStore, job_key

MAX_SIDE = 4096
UPLOAD_PREFIX = "upl_"


class InvalidReference(ValueError):
    """A reference the API cannot use; the message says why (no URL paths or queries)."""


@dataclass(frozen=True)
class Upload:
    id: str
    key: str  # the artifact key of the stored picture
    width: int
    height: int


def _folder(upload_id: str) -> str:
    return f"upload-{upload_id.removeprefix(UPLOAD_PREFIX)}"


def store_picture(store: ArtifactStore, tenant_id: str, data: bytes) -> Upload:
    """Check `data` is a picture and keep it as an RGB PNG the tenant owns."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = image.convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise InvalidReference("the file is not a picture (PNG, JPEG or WebP)") from None
    if max(picture.size) > MAX_SIDE:
        raise InvalidReference(
            f"the picture is {picture.width}x{picture.height}; at most {MAX_SIDE} a side"
        )
    upload_id = UPLOAD_PREFIX + uuid.uuid4().hex
    key = job_key(_folder(upload_id), "reference.png")
    with store.writing(key) as temp:
        picture.save(temp, format="PNG")
    with store.writing(job_key(_folder(upload_id), "tenant.txt")) as temp:
        temp.write_text(tenant_id, encoding="utf-8")
    return Upload(upload_id, key, picture.width, picture.height)


def upload_key(store: ArtifactStore, tenant_id: str, upload_id: str) -> str:
    """The artifact key of one of the tenant's uploads; another tenant's is not found."""
    if not upload_id.startswith(UPLOAD_PREFIX) or not upload_id[4:].isalnum():
        raise InvalidReference("not an upload id (upl_...) or an https URL")
    owner = job_key(_folder(upload_id), "tenant.txt")
    if not store.exists(owner) or store.path(owner).read_text(encoding="utf-8") != tenant_id:
        raise InvalidReference(f"no upload {upload_id}")
    return job_key(_folder(upload_id), "reference.png")


def check_reference(reference: str, allow_private: bool) -> None:
    """What the preview checks without fetching anything."""
    if reference.startswith(UPLOAD_PREFIX):
        return
    if not reference.lower().startswith("https://"):
        raise InvalidReference("a reference is an upload id (upl_...) or an https URL")
    try:
        check_target(reference, allow_private)
    except WebhookTargetError as error:
        raise InvalidReference(str(error).replace("webhook URL", "reference URL")) from None


def fetch_picture(url: str, allow_private: bool, max_bytes: int) -> bytes:
    """GET an https reference under the webhook address rules, no redirects, size-limited."""
    check_reference(url, allow_private)
    host = httpx.URL(url).host
    try:
        with httpx.stream("GET", url, timeout=15, follow_redirects=False) as response:
            if response.status_code != 200:
                raise InvalidReference(f"{host} answered {response.status_code}")
            data = b""
            for chunk in response.iter_bytes():
                data += chunk
                if len(data) > max_bytes:
                    raise InvalidReference(f"the picture at {host} is over {max_bytes} bytes")
    except httpx.HTTPError as error:
        raise InvalidReference(
            f"cannot fetch the picture from {host}: {type(error).__name__}"
        ) from None
    return data
