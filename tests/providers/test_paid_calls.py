"""A synchronous paid call (an OpenAI-compatible picture) cut off by a SIGKILLed worker is
retried as a new call with the same Idempotency-Key, and the ledger charges both calls;
the per-image price comes from settings."""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack
from dataclasses import replace
from pathlib import Path

from temporalio.client import Client

from accounts.ledger import Ledger
from storage.database import create_tables, make_engine
from tests.conftest import wait_for
from tests.e2e.processes import Processes
from tests.providers.films import KEY, film_input, remote_settings, serve, start, visual_results
from tests.providers.openai_fake import FakeOpenAI
from workflows.film import FilmWorkflow

SCRIPT = """SCENE 1: EXT. HARBOUR - NIGHT
SHOT 1: Wide shot - 1.5s
Lights on the water.
"""


async def test_a_call_cut_off_by_a_crash_is_charged_as_a_new_call(
    client: Client, tmp_path: Path
) -> None:
    with FakeOpenAI(KEY) as openai:
        openai.delay_s = 30  # the first call is still out when its worker dies
        settings = remote_settings(
            client, tmp_path, openai_url=openai.url, visual_provider="openai-images",
            openai_images_price_per_image=4.0,
        )  # fmt: skip
        engine = make_engine(settings.database_url)
        create_tables(engine)
        ledger = Ledger(engine)
        tenant = ledger.create_tenant("paid-calls", 1000).tenant.id
        queue = settings.provider_queues()["openai-images"]
        processes = Processes(settings, tmp_path)
        try:
            async with AsyncExitStack() as stack:
                await serve(stack, client, settings, list(settings.task_queues().names()))
                processes.worker("images-1", queue)
                request = replace(
                    film_input(settings, script=SCRIPT), tenant_id=tenant, credits_estimate=50_000
                )
                handle = await start(client, settings, request)

                async def called() -> bool:
                    return bool(openai.calls)

                await wait_for(called, timeout=90)
                processes.kill("images-1")  # SIGKILL while the call is out
                openai.delay_s = 0
                await serve(stack, client, settings, [queue])
                await asyncio.wait_for(handle.result(), timeout=120)
                state = await handle.query(FilmWorkflow.state)
                history = (await handle.fetch_history()).to_json()
        finally:
            processes.stop_all()
    first, retry = openai.calls_to("images/generations")
    assert first["idempotency_key"] == retry["idempotency_key"]  # a service may dedupe it
    [picture] = visual_results(history)
    assert picture["calls_cut_off"] == 1 and picture["credits"] == 8.0  # two calls at 4.0
    [shot] = [shot for scene in state.scenes for shot in scene.shots]
    assert shot.failovers == [
        "generate_visual: 1 call(s) to openai-images cut off by a crash,"
        " retried as new calls and charged"
    ]
    memos = {entry.memo: entry.amount for entry in ledger.entries(tenant) if entry.kind == "charge"}
    assert memos["shot 01-01 take 1"] >= 8_000  # the picture's 8 credits, and the render


async def test_an_unusable_picture_the_provider_bills_is_charged(
    client: Client, tmp_path: Path
) -> None:
    with FakeOpenAI(KEY) as openai:
        openai.bad_output = "not_png"
        settings = remote_settings(
            client, tmp_path, openai_url=openai.url, visual_provider="openai-images",
            openai_images_price_per_image=4.0,
        )  # fmt: skip
        engine = make_engine(settings.database_url)
        create_tables(engine)
        ledger = Ledger(engine)
        tenant = ledger.create_tenant("billed-failure", 1000).tenant.id
        async with AsyncExitStack() as stack:
            await serve(stack, client, settings, settings.worker_queues())
            request = replace(
                film_input(settings, script=SCRIPT, on_shot_failure="placeholder"),
                tenant_id=tenant, credits_estimate=50_000,
            )  # fmt: skip
            handle = await start(client, settings, request)
            await handle.result()
            state = await handle.query(FilmWorkflow.state)
    [shot] = [shot for scene in state.scenes for shot in scene.shots]
    assert shot.error is not None and shot.error.error_type == "ProviderOutputUnusable"
    assert shot.error.billed == 4.0 and len(openai.calls) == 1  # not retried
    memos = {entry.memo: entry.amount for entry in ledger.entries(tenant) if entry.kind == "charge"}
    assert memos["shot 01-01 take 1"] == 4_000
