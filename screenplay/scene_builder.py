"""A scene draft -> a `Scene`: heading split, shots planned by the film grammar and timed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from screenplay.context import ParseContext
from screenplay.elements import ActionBlock, SceneDraft, speakers_of
from screenplay.film_grammar import plan_scene
from screenplay.framing_notes import note_framing
from screenplay.heading import parse_heading
from screenplay.model import Scene
from screenplay.presence import present
from screenplay.shot_plan import build_shots


def speakers_in(scenes: Iterable[SceneDraft]) -> frozenset[str]:
    return frozenset(
        name for scene in scenes for element in scene.elements for name in speakers_of(element)
    )


def build_scene(
    number: int, draft: SceneDraft, speakers: frozenset[str], context: ParseContext
) -> Scene:
    """Scene `number` (1-based, by order); `speakers` are everyone who speaks in the script."""
    heading = parse_heading(draft.heading)
    planned = plan_scene(draft, heading.int_ext, context)
    names = present(_appearances(draft), speakers)
    note_framing(
        [(plan.shot_type, plan.line, plan.size_column) for plan in planned], names, context
    )
    return Scene(
        number=number,
        heading=draft.heading,
        int_ext=heading.int_ext,
        location=heading.location,
        time_of_day=heading.time_of_day,
        shots=build_shots(number, planned, context),
        line=draft.line,
        scene_number=draft.scene_number,
        present=names,
    )


def _appearances(draft: SceneDraft) -> Iterator[tuple[str, str]]:
    for element in draft.elements:
        if isinstance(element, ActionBlock):
            if not element.centered:
                yield "action", element.text
        else:
            for name in speakers_of(element):
                yield "speaker", name
