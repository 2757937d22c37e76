"""Free text: one scene, one shot per paragraph, with shot types and moves in rotation."""

from __future__ import annotations

from collections.abc import Iterable

from screenplay.errors import ScriptIssue
from screenplay.limits import ScriptLimits
from screenplay.model import CameraMove, Scene, ShotType
from screenplay.shot_builder import ShotDraft
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


def parse_free_text(
    lines: Iterable[tuple[int, str]], limits: ScriptLimits, issues: list[ScriptIssue]
) -> list[Scene]:
    """One scene without a heading, or no scene at all when there is no text."""
    drafts: list[ShotDraft] = []
    for index, paragraph in enumerate(paragraphs(lines)):
        spec = ShotSpec(
            SHOT_TYPE_CYCLE[index % len(SHOT_TYPE_CYCLE)],
            CAMERA_MOVE_CYCLE[index % len(CAMERA_MOVE_CYCLE)],
        )
        draft = ShotDraft(paragraph[0][0], spec)
        for number, text in paragraph:
            draft.add_line(number, text, issues)
        drafts.append(draft)
        if len(drafts) == limits.max_shots + 1:
            issues.append(
                ScriptIssue(draft.line, 1, f"too many shots; expected at most {limits.max_shots}")
            )
    if not drafts:
        return []
    shots = [draft.build(1, number, limits, issues) for number, draft in enumerate(drafts, 1)]
    return [
        Scene(
            number=1,
            heading="",
            int_ext="",
            location="",
            time_of_day="",
            shots=shots,
            line=drafts[0].line,
        )
    ]
