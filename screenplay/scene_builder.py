"""A scene draft -> a `Scene`: heading placed (screenplay.continuity), shots planned by the
film grammar and timed, each with who and what it shows (screenplay.shot_facts)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from screenplay.context import ParseContext
from screenplay.elements import ActionBlock, SceneDraft, speakers_of
from screenplay.film_grammar import plan_scene
from screenplay.framing_notes import note_framing
from screenplay.model import Scene
from screenplay.shot_facts import SceneFacts
from screenplay.shot_plan import build_shots


def speakers_in(scenes: Iterable[SceneDraft]) -> frozenset[str]:
    return frozenset(
        name for scene in scenes for element in scene.elements for name in speakers_of(element)
    )


def build_scene(
    number: int, draft: SceneDraft, speakers: frozenset[str], context: ParseContext
) -> Scene:
    """Scene `number` (1-based, by order); `speakers` are everyone who speaks in the script."""
    actions = list(_actions(draft))
    heading = context.continuity.place(number, draft.heading, draft.line, draft.column, actions)
    planned = plan_scene(draft, heading.int_ext, context, speakers)
    facts = SceneFacts.start(heading, speakers, actions)
    shots = build_shots(number, planned, context, facts)
    present, heard, atmosphere = facts.scene_fields(shots)
    note_framing(
        [(plan.shot_type, plan.line, plan.size_column) for plan in planned], present, context
    )
    return Scene(
        number=number,
        heading=draft.heading,
        int_ext=heading.int_ext,
        location=heading.location,
        time_of_day=heading.time_of_day,
        shots=shots,
        line=draft.line,
        scene_number=draft.scene_number,
        present=present,
        heard=heard,
        setting=heading.setting.value,
        atmosphere=atmosphere,
    )


def _actions(draft: SceneDraft) -> Iterator[str]:
    for element in draft.elements:
        if isinstance(element, ActionBlock) and not element.centered:
            yield element.text
