"""Signed, expiring links to a job's files, for players and browsers that cannot send an
API key: `...?expires=<unix time>&sig=<HMAC-SHA256 of path and expiry>`."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import time
from pathlib import Path
from urllib.parse import urlencode


class UrlSigner:
    def __init__(self, secret: bytes, ttl_s: int) -> None:
        self._secret = secret
        self.ttl_s = ttl_s

    def _signature(self, path: str, expires: int) -> str:
        message = f"{path}\n{expires}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def sign(self, path: str, now: float | None = None) -> str:
        """`path` (from the root, e.g. /api/v1/jobs/x/files/film.mp4) with its query."""
        expires = int(now if now is not None else time.time()) + self.ttl_s
        query = urlencode({"expires": expires, "sig": self._signature(path, expires)})
        return f"{path}?{query}"

    def valid(self, path: str, expires: int, signature: str, now: float | None = None) -> bool:
        if expires < (now if now is not None else time.time()):
            return False
        # bytes: compare_digest refuses str with non-ASCII characters, and `sig` is anyone's
        wanted = self._signature(path, expires).encode()
        return hmac.compare_digest(wanted, signature.encode("utf-8", "replace"))


def load_or_create_secret(configured: str, key_file: Path) -> bytes:
    """The configured secret; else one kept in `key_file` (made once, readable by us only),
    so every API process on the shared data folder signs alike."""
    if configured:
        return configured.encode()
    if not key_file.is_file():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        temp = key_file.with_name(f".{key_file.name}.{secrets.token_hex(4)}")
        temp.write_text(secrets.token_hex(32))
        temp.chmod(0o600)
        with contextlib.suppress(FileExistsError):  # another process made it first
            os.link(temp, key_file)
        temp.unlink()
    return key_file.read_text().strip().encode()
