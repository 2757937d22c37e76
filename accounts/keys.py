"""API keys: `fs_<key id>_<secret>`. The key id finds the tenant; only a hash of the
secret is stored, and it is compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

PREFIX = "fs"


@dataclass(frozen=True)
class NewKey:
    key: str  # shown once, to the person who made it
    key_id: str
    secret_hash: str


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_key() -> NewKey:
    key_id, secret = secrets.token_hex(8), secrets.token_urlsafe(32)
    return NewKey(f"{PREFIX}_{key_id}_{secret}", key_id, hash_secret(secret))


def split_key(key: str) -> tuple[str, str] | None:
    """(key id, secret), or None for anything that is not shaped like our keys."""
    prefix, _, rest = key.partition("_")
    key_id, _, secret = rest.partition("_")
    if prefix != PREFIX or len(key_id) != 16 or not secret or len(key) > 200:
        return None
    return key_id, secret


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)
