"""One OpenAI-compatible service: where it is, which model, the key, and the calls.

The key goes in the Authorization header only; it is scrubbed from every error message.
Each call sends an Idempotency-Key derived from the piece of work, so a service that
honours it answers a retried call from its record instead of billing it again; one that
does not makes a new call, which the ledger records as such (README)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import httpx

from providers.http_calls import send


@dataclass(frozen=True)
class ServiceConfig:
    base_url: str  # e.g. "https://api.openai.com/v1"
    model: str
    api_key: str = field(default="", repr=False)
    timeout_s: float = 120.0


def idempotency_key(kind: str, request_id: str) -> str:
    return "filmstudio-" + hashlib.sha256(f"{kind}\x00{request_id}".encode()).hexdigest()[:32]


class Service:
    def __init__(self, config: ServiceConfig, name: str, http: httpx.Client | None = None) -> None:
        self._config = config
        self._name = name
        self._http = http or httpx.Client(timeout=config.timeout_s)

    @property
    def model(self) -> str:
        return self._config.model

    def post(self, path: str, key: str, **kwargs: Any) -> httpx.Response:
        headers = {"Idempotency-Key": key}
        if self._config.api_key:
            headers["Authorization"] = f"Bearer {self._config.api_key}"
        url = f"{self._config.base_url.rstrip('/')}/{path.lstrip('/')}"
        return send(
            self._http, "POST", url, self._name, secrets=[self._config.api_key],
            headers=headers, **kwargs,
        )  # fmt: skip
