"""FilmWorkflow with the real workers and providers on the real dev server."""

from __future__ import annotations

import asyncio
import uuid

from temporalio.client import Client
from temporalio.worker import Replayer

from core.settings import Settings
from tests.e2e.film_checks import assert_watchable
from workflows.film import FilmWorkflow
from workflows.film_types import FilmInput, FilmOptions, FilmProgress, Stage

SCRIPT = """SCENE 1: INT. KITCHEN - MORNING
SHOT 1: Wide shot, pan right - 3s
Sunlight fills the kitchen.
ANA: Good morning!
SHOT 2: Close-up, zoom in - 2.5s
BEN: Is it? "Good", she says: 100% {sure} $(whoami) ; \\o/
SCENE 2: EXT. GARDEN - NIGHT
SHOT 1: Medium shot, dolly out - 3s
Crickets. Ана смотрит на звёзды. 星がきれい。
ANA: Звёзды. 星。
"""


async def test_film_renders_and_reports_progress(
    client: Client, settings: Settings, workers: None
) -> None:
    job_id = uuid.uuid4().hex
    handle = await client.start_workflow(
        FilmWorkflow.run,
        FilmInput(
            job_id, SCRIPT, title="Morning", options=FilmOptions(max_parallel_shots=2),
            profile=settings.render_profile(), queues=settings.task_queues(),
        ),
        id=f"film-{job_id}",
        task_queue=settings.orchestration_queue,
    )  # fmt: skip
    seen: list[FilmProgress] = []
    result_task = asyncio.ensure_future(handle.result())
    while not result_task.done():
        seen.append(await handle.query(FilmWorkflow.progress))
        await asyncio.sleep(0.1)
    result = await result_task

    assert result.shots == 3 and result.title == "Morning"
    percents = [p.percent for p in seen]
    assert percents == sorted(percents)
    # What a poller sees is in order (which stages it catches depends on timing: these
    # workers share the test's process; tests/e2e checks progress mid-run on real processes).
    stages = list(dict.fromkeys(p.stage for p in seen))
    assert stages == sorted(stages, key=list(Stage).index)
    final = await handle.query(FilmWorkflow.progress)
    assert (final.percent, final.stage, final.shots_done) == (100, Stage.COMPLETED, 3)
    assert [(s.shots_done, s.shots_total) for s in final.scenes] == [(2, 2), (1, 1)]

    state = await handle.query(FilmWorkflow.state)
    shots = [shot for scene in state.scenes for shot in scene.shots]
    assert [s.status for s in shots] == ["done"] * 3
    assert all(s.attempts == {"generate_visual": 1, "synthesize_dialogue": 1, "render_shot": 1}
               for s in shots)  # fmt: skip
    assert {"background", "overlay", "clip", "dialogue", "line_1"} <= set(shots[0].assets)
    assert {"video", "score", "soundtrack", "subtitles", "poster"} <= set(state.assets)
    assert sorted(state.cast) == ["ANA", "BEN"] and state.cast["ANA"] != state.cast["BEN"]

    # Shot 2 was written as 2.5 s, too short for its line: the plan extended it, and said so.
    assert shots[1].duration_s > 2.5 and shots[1].extended_from_s == 2.5
    video = settings.artifact_root / result.video_key
    assert_watchable(video, [s.duration_s for s in shots], (640, 360))
    srt = (settings.artifact_root / str(result.subtitles_key)).read_text().replace("\u200b", "")
    assert 'BEN: Is it? "Good", she says: 100% {sure} $(whoami) ; \\o/' in srt
    assert "ANA: Звёзды. 星。" in srt

    # The recorded history replays on today's code: the workflow is deterministic.
    history = await handle.fetch_history()
    await Replayer(workflows=[FilmWorkflow]).replay_workflow(history)
