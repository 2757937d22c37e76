"""Synchronous paid calls (an OpenAI-compatible picture) that a crash cut off.

Such a service has no job id to look up before it answers: a worker that died mid-call
leaves no trace there, and the retry is a new call that may be billed again. So each call
leaves a marker in the artifact store while it is out, removed when an answer comes; a
retry that finds an earlier attempt's marker counts that call as made, and the ledger
charges it (README: "Paid calls are made once where the provider allows it").
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from providers.errors import ProviderError
from storage.artifacts import ArtifactStore


class PaidCalls:
    def __init__(self, store: ArtifactStore, prefix: str, provider: str) -> None:
        self._store = store
        self._prefix = prefix  # e.g. "jobs/<job>/shots/<shot>/calls"
        self._provider = provider

    def _key(self, attempt: int) -> str:
        return f"{self._prefix}/{self._provider}-{attempt:03d}.open"

    @contextmanager
    def call(self, attempt: int) -> Iterator[None]:
        """Mark the call out; an answer (a picture or an error) clears the mark."""
        marker = self._store.ensure_parent(self._key(attempt))
        marker.write_text("out\n", encoding="utf-8")
        try:
            yield
        except ProviderError as error:
            if not error.maybe_billed:  # an answer came: the call was refused, not made
                marker.unlink(missing_ok=True)
            raise
        except ValueError:
            marker.unlink(missing_ok=True)
            raise
        marker.unlink(missing_ok=True)

    def cut_off(self) -> int:
        """Calls of earlier attempts that never got an answer; they are counted once."""
        folder = self._store.path(self._prefix)
        if not folder.is_dir():
            return 0
        markers = sorted(folder.glob(f"{self._provider}-*.open"))
        for marker in markers:
            marker.unlink(missing_ok=True)
        return len(markers)
