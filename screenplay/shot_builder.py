"""Collecting the lines of one shot and turning them into a `Shot`."""

from __future__ import annotations

from dataclasses import dataclass, field

from screenplay.dialogue import split_dialogue
from screenplay.errors import ScriptIssue
from screenplay.limits import ScriptLimits
from screenplay.model import CameraMove, DialogueLine, Shot, ShotType
from screenplay.shot_spec import ShotSpec
from screenplay.timing import estimate_duration, format_seconds


@dataclass
class ShotDraft:
    line: int  # where the shot starts: its SHOT line or its first line of text
    spec: ShotSpec
    action: list[str] = field(default_factory=list)
    dialogue: list[DialogueLine] = field(default_factory=list)

    def add_line(self, number: int, text: str, issues: list[ScriptIssue]) -> None:
        """Add one non-blank line: dialogue when it reads "NAME: words", else action."""
        spoken = split_dialogue(text)
        if spoken is None:
            self.action.append(text.strip())
        elif not spoken.text:
            issues.append(
                ScriptIssue(
                    number,
                    spoken.text_column,
                    f"dialogue by {spoken.character} has no words; expected text after the colon",
                )
            )
        else:
            self.dialogue.append(DialogueLine(spoken.character, spoken.text, number))

    def build(
        self, scene_number: int, shot_number: int, limits: ScriptLimits, issues: list[ScriptIssue]
    ) -> Shot:
        action = " ".join(self.action)
        duration = self.spec.duration_s
        if duration is None:
            duration = estimate_duration(action, [spoken.text for spoken in self.dialogue])
            duration = max(duration, limits.min_shot_s)
            if duration > limits.max_shot_s:
                issues.append(
                    ScriptIssue(
                        self.line,
                        1,
                        f"shot needs about {format_seconds(duration)}s for its words; "
                        f"expected at most {format_seconds(limits.max_shot_s)} seconds "
                        "(split it into more shots)",
                    )
                )
        return Shot(
            shot_id=f"{scene_number:02d}-{shot_number:02d}",
            number=shot_number,
            shot_type=ShotType.WIDE if self.spec.shot_type is None else self.spec.shot_type,
            camera_move=(
                CameraMove.STATIC if self.spec.camera_move is None else self.spec.camera_move
            ),
            duration_s=duration,
            action=action,
            dialogue=list(self.dialogue),
            line=self.line,
        )
