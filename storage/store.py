"""Where artifacts live, chosen by the settings: the local folder (the default, one machine
or a shared mount) or an S3-compatible object store (`FILMSTUDIO_ARTIFACT_URL=s3://...`).

Both are an `ArtifactStore`: activities ask for a key's local `path()` to read, write
through `writing()` / `commit()` (temp name, then into place: readers never see half a
file), and check `exists()`. The object store keeps a local scratch copy of what it reads
and writes; the API streams or redirects downloads through `objects()`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from core.settings import Settings
from storage.artifacts import ArtifactStore


@dataclass(frozen=True)
class ObjectInfo:
    size: int
    etag: str
    content_type: str


@runtime_checkable
class RemoteObjects(Protocol):
    """What the API needs of a store whose files are not on its disk."""

    def info(self, key: str) -> ObjectInfo | None: ...

    def read(self, key: str, start: int, end: int) -> Iterator[bytes]:
        """Bytes start..end (inclusive), in chunks."""
        ...

    def presigned_url(self, key: str, ttl_s: int, filename: str) -> str: ...


def objects(store: ArtifactStore) -> RemoteObjects | None:
    """The remote side of a store, or None for the local folder."""
    return store if isinstance(store, RemoteObjects) else None


def open_store(settings: Settings) -> ArtifactStore:
    """The store the settings name, its local folders made."""
    if not settings.artifact_url:
        settings.artifact_root.mkdir(parents=True, exist_ok=True)
        return ArtifactStore(settings.artifact_root)
    from storage.s3 import S3ArtifactStore

    settings.scratch_root.mkdir(parents=True, exist_ok=True)
    store = S3ArtifactStore.from_settings(settings)
    store.check()
    return store
