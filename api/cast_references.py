"""options.cast references turned into stored pictures when a job is created."""

from __future__ import annotations

import asyncio

from api.breakdowns import cast_references, invalid_option
from api.references import (
    UPLOAD_PREFIX,
    InvalidReference,
    fetch_picture,
    store_picture,
    upload_key,
)
from api.schemas import JobCreate
from core.settings import Settings
from storage.artifacts import ArtifactStore


async def stored_references(
    body: JobCreate, tenant_id: str, store: ArtifactStore, settings: Settings
) -> dict[str, str]:
    """options.cast references as artifact keys: an upload of the tenant's, or an https
    picture fetched now (address rules as for webhooks) and stored like an upload."""
    keys: dict[str, str] = {}
    for name, reference in cast_references(body).items():
        try:
            if reference.startswith(UPLOAD_PREFIX):
                keys[name] = upload_key(store, tenant_id, reference)
                continue
            data = await asyncio.to_thread(
                fetch_picture, reference, settings.webhook_allow_private, settings.max_upload_bytes
            )
            keys[name] = store_picture(store, tenant_id, data).key
        except InvalidReference as error:
            raise invalid_option(f"options.cast.{name}.reference", str(error)) from None
    return keys
