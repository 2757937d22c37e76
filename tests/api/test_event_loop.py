"""Parsing, moderation and pricing run off the event loop: /health keeps answering while
a large script is broken down."""

from __future__ import annotations

import asyncio
import time

import httpx

from core.settings import Settings
from tests.conftest import ROOT


def _large_script(limit: int) -> str:
    """The example screenplay again and again, up to the parser's size limit: about half a
    second of parsing and checking (it is refused in the end for too many scenes)."""
    one = (ROOT / "examples/coffee_shop.fountain").read_text()
    return one * (limit // len(one.encode()))


async def test_health_stays_responsive_while_a_large_script_is_parsed(
    api: httpx.AsyncClient, settings: Settings
) -> None:
    script = _large_script(min(190_000, settings.max_request_bytes * 3 // 4))
    latencies: list[float] = []
    done = asyncio.Event()

    async def poll_health() -> None:
        while not done.is_set():
            started = time.perf_counter()
            assert (await api.get("/health")).status_code == 200
            latencies.append(time.perf_counter() - started)
            await asyncio.sleep(0.01)

    async def preview() -> float:
        started = time.perf_counter()
        try:
            response = await api.post("/api/v1/scripts/preview", json={"script": script})
            assert response.status_code in (200, 422), response.text[:300]
            return time.perf_counter() - started
        finally:
            done.set()

    poller = asyncio.create_task(poll_health())
    took = await preview()
    await poller
    print(f"preview {took:.2f} s; /health {len(latencies)} calls, max {max(latencies):.3f} s")
    assert took > 0.3  # long enough that a blocked loop would show
    # On the loop, the parse would stall /health for all of it. On a thread, /health is
    # answered throughout; a stall is bounded by the longest single C call (a regex over
    # the whole script) that holds the GIL, never the whole parse.
    assert len(latencies) >= 5
    assert max(latencies) < took * 0.75
