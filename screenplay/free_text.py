"""Free text: one scene, one shot per paragraph, with shot types and moves in rotation."""

from __future__ import annotations

from collections.abc import Iterable

from screenplay.context import ParseContext
from screenplay.framing import Framing
from screenplay.model import LEGACY_MOVES, CameraMove, Scene, ShotType
from screenplay.shot_builder import ShotDraft
from screenplay.shot_facts import SceneFacts
from screenplay.shot_spec import ShotSpec

SHOT_TYPE_CYCLE = (ShotType.WIDE, ShotType.MEDIUM, ShotType.CLOSE_UP)
CAMERA_MOVE_CYCLE = (
    CameraMove.STATIC,
    CameraMove.ZOOM_IN,
    CameraMove.PAN_RIGHT,
    CameraMove.DOLLY_IN,
)


def paragraphs(lines: Iterable[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines; blank or whitespace-only lines separate them."""
    found: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, text in lines:
        if text.strip():
            current.append((number, text))
        elif current:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def parse_free_text(lines: Iterable[tuple[int, str]], context: ParseContext) -> list[Scene]:
    """One scene without a heading, or no scene at all when there is no text."""
    drafts: list[ShotDraft] = []
    for index, paragraph in enumerate(paragraphs(lines)):
        move, direction = LEGACY_MOVES[CAMERA_MOVE_CYCLE[index % len(CAMERA_MOVE_CYCLE)]]
        size = SHOT_TYPE_CYCLE[index % len(SHOT_TYPE_CYCLE)]
        spec = ShotSpec(Framing(size=size, move=move, direction=direction))
        draft = ShotDraft(paragraph[0][0], spec)
        for number, text in paragraph:
            draft.add_line(number, text, context)
        drafts.append(draft)
    if not drafts:
        return []
    speakers = frozenset(spoken.character for draft in drafts for spoken in draft.dialogue)
    heading = context.continuity.place(1, "", drafts[0].line, 1)
    facts = SceneFacts.start(heading, speakers, (t for d in drafts for _, t in d.action_lines))
    shots = [
        facts.annotate(draft.build(1, number, context)) for number, draft in enumerate(drafts, 1)
    ]
    present, heard, atmosphere = facts.scene_fields(shots)
    return [
        Scene(
            number=1,
            heading="",
            int_ext="",
            location="",
            time_of_day="",
            shots=shots,
            line=drafts[0].line,
            present=present,
            heard=heard,
            atmosphere=atmosphere,
        )
    ]
