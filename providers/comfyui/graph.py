"""A shot's request as a ComfyUI graph: the user's API-format workflow with its named
placeholders filled.

Any string input of a node may hold `{{name}}`. A value that is exactly one placeholder
takes the value's own type (a seed stays a number); otherwise the text is substituted.
Names: prompt, negative_prompt, seed, width, height, frames, fps, duration,
filename_prefix, and reference_1, reference_2, ... (`reference` is reference_1) for
LoadImage nodes: the uploaded character references, in the order of the shot's present
characters (a neutral image when the shot shows fewer characters than the slots).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from providers.errors import ProviderRejected

_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_0-9]+)\s*\}\}")
_REFERENCE = re.compile(r"^reference(?:_(\d+))?$")
FIXED = ("prompt", "negative_prompt", "seed", "width", "height", "frames", "fps", "duration")


@dataclass(frozen=True)
class GraphInputs:
    prompt: str
    negative_prompt: str
    seed: int
    width: int
    height: int
    frames: int
    fps: int
    duration_s: float
    filename_prefix: str
    references: list[str] = field(default_factory=list)  # names ComfyUI's LoadImage takes


def load_workflow(path: Path) -> dict[str, Any]:
    """An API-format workflow file ("Export (API)"): {node id: {class_type, inputs}}."""
    try:
        graph = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ProviderRejected(f"comfyui: cannot read the workflow file {path}: {error}") from None
    if not isinstance(graph, dict) or not all(
        isinstance(node, dict) and "class_type" in node for node in graph.values()
    ):
        raise ProviderRejected(
            f"comfyui: {path} is not an API-format workflow (export it with 'Export (API)')"
        )
    return graph


def placeholders(graph: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for node in graph.values():
        for value in node.get("inputs", {}).values():
            if isinstance(value, str):
                found.update(_PLACEHOLDER.findall(value))
    return found


def reference_slots(graph: dict[str, Any]) -> int:
    """How many reference images the workflow takes."""
    slots = 0
    for name in placeholders(graph):
        match = _REFERENCE.match(name)
        if match:
            slots = max(slots, int(match[1] or 1))
    return slots


def _values(inputs: GraphInputs) -> dict[str, object]:
    values: dict[str, object] = {
        "prompt": inputs.prompt,
        "negative_prompt": inputs.negative_prompt,
        "seed": inputs.seed,
        "width": inputs.width,
        "height": inputs.height,
        "frames": inputs.frames,
        "fps": inputs.fps,
        "duration": inputs.duration_s,
        "filename_prefix": inputs.filename_prefix,
    }
    for index, name in enumerate(inputs.references, start=1):
        values[f"reference_{index}"] = name
    if inputs.references:
        values["reference"] = inputs.references[0]
    return values


def fill(graph: dict[str, Any], inputs: GraphInputs) -> dict[str, Any]:
    """A copy of the graph with every placeholder replaced; an unknown one is an error."""
    values = _values(inputs)
    unknown = sorted(placeholders(graph) - set(values))
    if unknown:
        raise ProviderRejected(
            f"comfyui: the workflow has placeholders with no value: {', '.join(unknown)}"
            f" (known: {', '.join(FIXED)}, filename_prefix, reference_N)"
        )
    filled = copy.deepcopy(graph)
    for node in filled.values():
        node_inputs = node.get("inputs", {})
        for key, value in node_inputs.items():
            if not isinstance(value, str):
                continue
            whole = _PLACEHOLDER.fullmatch(value.strip())
            if whole:
                node_inputs[key] = values[whole[1]]
            else:
                node_inputs[key] = _PLACEHOLDER.sub(lambda m: str(values[m[1]]), value)
    return filled
