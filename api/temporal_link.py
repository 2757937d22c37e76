"""The API's one Temporal client, connected in the background: the API starts (and answers
503 for what needs Temporal) while the server is down, and works as soon as it is up.
Once connected, the SDK's client reconnects on its own; a call that fails meanwhile is an
RPCError, mapped to 503 by api/temporal_errors.py."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from temporalio.client import Client, Interceptor
from temporalio.service import RPCError

from api.temporal_errors import unreachable

log = logging.getLogger(__name__)
FIRST_RETRY_S = 0.25
LAST_RETRY_S = 5.0


class TemporalLink:
    def __init__(
        self,
        address: str,
        namespace: str,
        client: Client | None = None,
        interceptors: Sequence[Interceptor] = (),
    ) -> None:
        self.address, self.namespace = address, namespace
        self.client = client
        self.interceptors = list(interceptors)  # traces requests into workflows
        self.last_error = ""

    def require(self) -> Client:
        """The client, or a 503 problem while it is not connected yet."""
        if self.client is None:
            raise unreachable(f"not connected to {self.address} yet ({self.last_error})")
        return self.client

    async def keep_connecting(self) -> None:
        delay = FIRST_RETRY_S
        while self.client is None:
            try:
                self.client = await Client.connect(
                    self.address, namespace=self.namespace, interceptors=self.interceptors
                )
            except (RuntimeError, RPCError, OSError) as error:  # connect failures are untyped
                self.last_error = str(error).splitlines()[0][:200]
                log.warning("Temporal at %s: %s; retrying", self.address, self.last_error)
                await asyncio.sleep(delay)
                delay = min(delay * 2, LAST_RETRY_S)
        log.info("connected to Temporal at %s", self.address)
