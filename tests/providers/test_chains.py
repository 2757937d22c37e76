"""The score takes a provider chain like pictures and voices: a music provider that stays
unavailable hands the score to the next, and `state` says so."""

from __future__ import annotations

from contextlib import AsyncExitStack
from pathlib import Path

from temporalio.client import Client

from tests.providers.films import film_input, remote_settings, serve, start
from workflows.film import FilmWorkflow

SCRIPT = """SCENE 1: EXT. PIER - DUSK
SHOT 1: Wide shot - 1.5s
Gulls.
"""


async def test_the_score_fails_over_to_the_next_music_provider(
    client: Client, tmp_path: Path
) -> None:
    settings = remote_settings(client, tmp_path, music_provider="outage,synth-score")
    async with AsyncExitStack() as stack:
        await serve(stack, client, settings, settings.worker_queues())
        handle = await start(client, settings, film_input(settings, script=SCRIPT))
        result = await handle.result()
        state = await handle.query(FilmWorkflow.state)
    assert result.shots == 1 and state.score_provider == "synth-score"
    assert state.score_failovers == ["compose_score: outage -> synth-score (ProviderUnavailable)"]
