"""Recorded FilmWorkflow histories replay on today's code.

A change to FilmWorkflow that would break a run already in flight fails here; guard such
a change with `workflow.patched(...)`. Record new histories with
`python -m tests.workflow.record_history` and check them in next to the old ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from temporalio.client import WorkflowHistory
from temporalio.worker import Replayer

from workflows.film import FilmWorkflow

HISTORIES = sorted((Path(__file__).resolve().parents[1] / "histories").glob("*.json"))


def test_there_are_recorded_histories() -> None:
    names = {path.stem for path in HISTORIES}
    for version in ("v1", "v2", "v3", "v4", "v5"):  # v1: no cast-in-plan; v2: with it;
        # v3: the ledger; v4: exact cancel, the job index and revision-numbered keys; v5:
        # books settled and the window open before the job reads completed
        assert {f"film-completed-{version}", f"film-failed-shot-{version}"} <= names
    for version in ("v4", "v5"):
        assert {f"film-cancelled-{version}", f"film-revised-cancelled-{version}"} <= names


@pytest.mark.parametrize("path", HISTORIES, ids=[path.stem for path in HISTORIES])
async def test_history_replays(path: Path) -> None:
    history = WorkflowHistory.from_json(path.stem, path.read_text())
    result = await Replayer(workflows=[FilmWorkflow]).replay_workflow(history)
    assert result.replay_failure is None
