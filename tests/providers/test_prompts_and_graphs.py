"""Prompts from the plan, seeds per character, and the plan-to-graph mapping of ComfyUI
workflow files (the shipped examples included): pure functions, no server."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from providers.comfyui.graph import GraphInputs, fill, load_workflow, reference_slots
from providers.errors import ProviderRejected
from providers.prompts import character_seed, shot_prompt, shot_seed, shown
from screenplay.model import (
    CameraMove,
    DialogueLine,
    Move,
    MoveDirection,
    MoveSpeed,
    Shot,
    ShotType,
)
from tests.providers.frames import SCENE, SHOT, WORKFLOW

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def inputs(**changes: object) -> GraphInputs:
    values: dict[str, object] = dict(
        prompt="a pier", negative_prompt="text", seed=7, width=480, height=272, frames=36,
        fps=24, duration_s=1.5, filename_prefix="filmstudio/x", references=["ref.png"],
    )  # fmt: skip
    values.update(changes)
    return GraphInputs(**values)  # type: ignore[arg-type]


def test_the_prompt_reads_the_plan() -> None:
    prompt = shot_prompt(SCENE, SHOT, "35mm film", notes="warmer light")
    assert prompt == (
        "Film still, medium shot, low angle, camera push in. exterior pier, dusk. "
        "showing Mara. Mara coils a wet rope. 35mm film. Direction: warmer light."
    )


@pytest.mark.parametrize(
    ("move", "direction", "speed", "said"),
    [
        (Move.ZOOM, MoveDirection.IN, MoveSpeed.NORMAL, "camera zoom in"),
        (Move.DOLLY, MoveDirection.OUT, MoveSpeed.NORMAL, "camera dolly out"),
        (Move.PAN, MoveDirection.LEFT, MoveSpeed.SLOW, "camera slow pan left"),
        (Move.CRANE, MoveDirection.UP, MoveSpeed.FAST, "camera fast crane up"),
        (Move.WHIP_PAN, MoveDirection.RIGHT, MoveSpeed.NORMAL, "camera whip pan right"),
    ],
)
def test_the_move_is_said_as_a_cinematographer_says_it(
    move: Move, direction: MoveDirection, speed: MoveSpeed, said: str
) -> None:
    shot = replace(SHOT, move=move, direction=direction, speed=speed)
    assert f"low angle, {said}. exterior pier" in shot_prompt(SCENE, shot)


def test_who_a_shot_shows_falls_back_to_its_speakers() -> None:
    line = DialogueLine("JONAH", "Go.", 3)
    talking = Shot("01-02", 2, ShotType.CLOSE_UP, CameraMove.STATIC, 1.0, "", [line, line])
    assert shown(talking) == ["JONAH"] and shown(SHOT) == ["MARA"]


def test_seeds_are_stable_per_character_and_below_2_24() -> None:
    assert character_seed("job", "Mara") == character_seed("job", " MARA ") < 2**24
    assert character_seed("job", "MARA") != character_seed("other-job", "MARA")
    assert shot_seed("job", SHOT, 1, None) == shot_seed("job", SHOT, 2, None)  # present MARA
    assert shot_seed("job", SHOT, 2, 99) == 99


@pytest.mark.parametrize("name", ["comfyui-workflow.json", "comfyui-workflow-references.json"])
def test_the_examples_fill_completely(name: str) -> None:
    graph = load_workflow(EXAMPLES / name)
    filled = fill(graph, inputs())
    assert "{{" not in str(filled)
    assert filled["3"]["inputs"]["seed"] == 7 and filled["6"]["inputs"]["text"] == "a pier"
    assert reference_slots(graph) == (1 if "references" in name else 0)


def test_text_around_a_placeholder_is_substituted() -> None:
    graph = {"1": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}, by night"}}}
    assert fill(graph, inputs())["1"]["inputs"]["text"] == "a pier, by night"


def test_an_unknown_placeholder_is_refused(tmp_path: Path) -> None:
    graph = load_workflow(WORKFLOW)
    graph["4"]["inputs"]["value"] = "{{lens}}"
    with pytest.raises(ProviderRejected, match="no value: lens"):
        fill(graph, inputs())


def test_a_ui_format_file_is_refused(tmp_path: Path) -> None:
    ui = tmp_path / "ui.json"
    ui.write_text('{"nodes": [], "links": [], "version": 0.4}')
    with pytest.raises(ProviderRejected, match="not an API-format workflow"):
        load_workflow(ui)
