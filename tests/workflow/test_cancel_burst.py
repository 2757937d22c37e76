"""A burst: 30 one-shot films, each cancelled at a random (seeded) moment, on the real
workers. A film cancelled before it was published ends `cancelled` (Temporal: Canceled); one
published first ends `completed`, its revision window closed by the cancel (Temporal:
Completed). Nothing is held afterwards, and no ffmpeg or espeak-ng child is left."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import Counter
from pathlib import Path

from temporalio.client import Client, WorkflowExecutionStatus

from tests.workflow.real_stack import Stack, children, open_stack, partial_files

FILMS = 30
SEED = 9
LATEST_CANCEL_S = 30.0
SCRIPT = """SCENE 1: EXT. HARBOUR - DAWN
SHOT 1: Wide shot, pan right - 1.5s
Boats drift past, number {n}.
CAPTAIN: Line {n}.
"""
log = logging.getLogger(__name__)


async def _cancel_later(
    stack: Stack, job_id: str, delay_s: float
) -> tuple[str, WorkflowExecutionStatus]:
    await asyncio.sleep(delay_s)
    answer = await stack.http.post(f"/api/v1/jobs/{job_id}/cancel")
    assert answer.status_code == 202, answer.text
    return job_id, await stack.closed(job_id, timeout=120)


async def test_thirty_films_cancelled_at_random_moments(client: Client, tmp_path: Path) -> None:
    delays = [random.Random(SEED + n).uniform(0, LATEST_CANCEL_S) for n in range(FILMS)]
    async with open_stack(client, tmp_path, width=128, height=72) as stack:
        began = time.monotonic()
        cancels = []
        for n, delay_s in enumerate(delays):  # submitted one after another, as fast as it takes
            job_id = await stack.submit(SCRIPT.format(n=n))
            cancels.append(asyncio.ensure_future(_cancel_later(stack, job_id, delay_s)))
        ended = await asyncio.gather(*cancels)
        took = time.monotonic() - began
        outcomes: Counter[str] = Counter()
        for job_id, status in ended:
            listed = await stack.listed(job_id)
            if status is WorkflowExecutionStatus.CANCELED:
                assert listed["status"] == "cancelled", listed
            else:  # published before the cancel came: the cancel closed its window
                assert status is WorkflowExecutionStatus.COMPLETED, (job_id, status)
                assert (listed["status"], listed["revisable"]) == ("completed", False), listed
                download = (await stack.http.get(f"/api/v1/jobs/{job_id}/download")).json()
                assert (await stack.http.get(download["url"])).status_code == 200
            assert listed["cost"]["held"] == 0
            assert partial_files(stack.job_dir(job_id)) == []
            outcomes[listed["status"]] += 1
        granted, available, held, spent = stack.balance()
        assert held == 0 and granted == available + held + spent
        assert children() == []
        log.warning("burst of %d films: %s in %.1f s", FILMS, dict(outcomes), took)
        assert outcomes["cancelled"] > 0 and outcomes["completed"] > 0  # the seed does both
