"""Artifacts in an S3-compatible object store (AWS S3, SeaweedFS, MinIO, Ceph, R2, ...).

A key `jobs/<job>/shots/01-02/clip.mp4` is the object `<prefix>/jobs/<job>/...` in the
bucket. Each machine keeps a scratch copy under its own folder: what it writes is
committed there first (temp name, then rename) and uploaded with one PUT, so readers see
the whole object or none and a retried activity overwrites the same key with the same
work; what it reads is fetched once and reused while the object's ETag is unchanged. The
scratch folder is only a cache: delete it and everything is fetched again, and past
SCRATCH_MAX_BYTES the copies used longest ago are deleted (storage/scratch.py).

boto3 is the client: the reference implementation of the S3 API (signature v4, multipart
uploads and ranged downloads built in, retries with backoff), kept by AWS and tested
against every S3-compatible server worth deploying.
"""

from __future__ import annotations

import mimetypes
import os
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from core.settings import Settings
from storage.artifacts import ArtifactStore
from storage.scratch import ScratchCache
from storage.store import ObjectInfo

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

CHUNK = 1 << 20
_MISSING = {"404", "NoSuchKey", "NotFound"}


class StoreConfigError(ValueError):
    """An artifact URL or store setting that cannot work."""


@dataclass(frozen=True)
class S3Location:
    bucket: str
    prefix: str

    @classmethod
    def parse(cls, url: str) -> S3Location:
        parts = urlparse(url)
        if parts.scheme != "s3" or not parts.netloc:
            raise StoreConfigError(f"artifact URL {url!r} must look like s3://bucket/prefix")
        return cls(parts.netloc, parts.path.strip("/"))

    def object_key(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key


def client_from_settings(settings: Settings) -> S3Client:
    key_id = settings.s3_access_key_id or None  # None: boto3's own credential chain
    secret = settings.s3_secret_access_key or None
    config = Config(
        signature_version="s3v4",
        s3={"addressing_style": settings.s3_addressing_style},
        retries={"max_attempts": 5, "mode": "standard"},
        max_pool_connections=32,
    )
    return boto3.client(
        "s3",
        endpoint_url=settings.s3_endpoint_url or None,
        region_name=settings.s3_region,
        config=config,
        aws_access_key_id=key_id,
        aws_secret_access_key=secret,
    )


class S3ArtifactStore(ArtifactStore):
    """An ArtifactStore whose truth is the bucket; `root` is this machine's scratch copy."""

    def __init__(
        self,
        client: S3Client,
        location: S3Location,
        scratch: Path,
        cache: ScratchCache | None = None,
    ) -> None:
        super().__init__(scratch)
        self.client = client
        self.location = location
        self.cache = cache or ScratchCache(scratch, max_bytes=0)
        self._etags: dict[str, str] = {}  # scratch copies known to match the object
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> S3ArtifactStore:
        location = S3Location.parse(settings.artifact_url)
        cache = ScratchCache(settings.scratch_root, settings.scratch_max_bytes)
        return cls(client_from_settings(settings), location, settings.scratch_root, cache)

    def check(self) -> None:
        """Fail fast, with the bucket's name, when the store cannot be reached."""
        try:
            self.client.head_bucket(Bucket=self.location.bucket)
        except ClientError as error:
            raise StoreConfigError(
                f"the artifact bucket {self.location.bucket!r} is not reachable: {error}"
            ) from error

    def _object(self, key: str) -> str:
        super().path(key)  # validates the key
        return self.location.object_key(key)

    # -- what activities use -------------------------------------------------------------

    def exists(self, key: str) -> bool:
        found = self.info(key)
        return found is not None and found.size > 0

    def path(self, key: str) -> Path:
        """The scratch copy of the key's object, fetched unless the copy is current. A key
        with no object yet gives a path that does not exist (as the local store does)."""
        local = super().path(key)
        found = self.info(key)
        if found is None:
            return local
        with self._lock:
            current = self._etags.get(key) == found.etag and local.is_file()
        if current:
            self.cache.used(local)
            return local
        local.parent.mkdir(parents=True, exist_ok=True)
        temp = local.with_name(f".{local.name}.{uuid.uuid4().hex[:8]}.download")
        try:
            self.client.download_file(self.location.bucket, self._object(key), str(temp))
            os.replace(temp, local)
        finally:
            temp.unlink(missing_ok=True)
        with self._lock:
            self._etags[key] = found.etag
        self.cache.maybe_trim()
        return local

    def temp_path(self, key: str) -> Path:
        """Unique per call: two threads of one worker may write the same key at once."""
        path = self.ensure_parent(key)
        return path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial{path.suffix}")

    def commit(self, temp: Path, key: str) -> None:
        """Into place in scratch, then one PUT (multipart for big files, still all or
        nothing for readers)."""
        local = self.ensure_parent(key)
        os.replace(temp, local)
        content_type = mimetypes.guess_type(local.name)[0] or "application/octet-stream"
        self.client.upload_file(
            str(local), self.location.bucket, self._object(key),
            ExtraArgs={"ContentType": content_type},
        )  # fmt: skip
        found = self.info(key)
        if found is not None:
            with self._lock:
                self._etags[key] = found.etag
        self.cache.maybe_trim()

    # -- what the API uses ---------------------------------------------------------------

    def info(self, key: str) -> ObjectInfo | None:
        try:
            head = self.client.head_object(Bucket=self.location.bucket, Key=self._object(key))
        except ClientError as error:
            if str(error.response.get("Error", {}).get("Code")) in _MISSING:
                return None
            raise
        return ObjectInfo(
            size=head["ContentLength"],
            etag=head["ETag"].strip('"'),
            content_type=head.get("ContentType") or "application/octet-stream",
        )

    def read(self, key: str, start: int, end: int) -> Iterator[bytes]:
        body = self.client.get_object(
            Bucket=self.location.bucket, Key=self._object(key), Range=f"bytes={start}-{end}"
        )["Body"]
        try:
            yield from body.iter_chunks(CHUNK)
        finally:
            body.close()

    def presigned_url(self, key: str, ttl_s: int, filename: str) -> str:
        return self.client.generate_presigned_url(
            "get_object",
            Params={
                "Bucket": self.location.bucket,
                "Key": self._object(key),
                "ResponseContentDisposition": f'inline; filename="{filename}"',
            },
            ExpiresIn=ttl_s,
        )
