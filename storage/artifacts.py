"""Artifact store: media files addressed by keys the system builds itself.

Payloads carry keys ("jobs/<job_id>/shots/01-02/clip.mp4"), never bytes and never paths
from users. Each machine resolves a key against its own root, so a shared mount (or, later,
an S3-compatible store behind the same methods) serves every worker and the API.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_JOB_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_KEY_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")


class InvalidKeyError(ValueError):
    """A key or job id that the system did not build."""


def check_job_id(job_id: str) -> str:
    if not _JOB_ID.match(job_id):
        raise InvalidKeyError(f"job id {job_id!r} must be 1-64 letters, digits, '-' or '_'")
    return job_id


def job_key(job_id: str, *parts: str) -> str:
    check_job_id(job_id)
    for part in parts:
        if not _KEY_PART.match(part) or ".." in part:
            raise InvalidKeyError(f"key part {part!r} is not a safe name")
    return "/".join(("jobs", job_id, *parts))


class ArtifactStore:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def path(self, key: str) -> Path:
        """The local file for a key; refuses keys that escape the root."""
        parts = key.split("/")
        if len(parts) < 3 or parts[0] != "jobs":
            raise InvalidKeyError(f"artifact key {key!r} is not a job key")
        job_key(parts[1], *parts[2:])
        return self.root.joinpath(*parts)

    def ensure_parent(self, key: str) -> Path:
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def exists(self, key: str) -> bool:
        path = self.path(key)
        return path.is_file() and path.stat().st_size > 0

    def temp_path(self, key: str) -> Path:
        """A sibling temp name: written first, then renamed into place by `commit`."""
        path = self.ensure_parent(key)
        return path.with_name(f".{path.name}.{os.getpid()}.partial{path.suffix}")

    def commit(self, temp: Path, key: str) -> None:
        os.replace(temp, self.ensure_parent(key))

    @contextmanager
    def writing(self, key: str) -> Iterator[Path]:
        """A temp path to write the key's file at: renamed into place if the block ends
        well, removed if it raises. Readers never see half a file; retries start clean."""
        temp = self.temp_path(key)
        try:
            yield temp
            self.commit(temp, key)
        finally:
            temp.unlink(missing_ok=True)

    def work_dir(self, key: str) -> Path:
        """A scratch directory for a key, emptied first: retries start clean."""
        path = self.path(key)
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return path
