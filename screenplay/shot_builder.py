"""Collecting the lines of one written shot (SHOT line or free-text paragraph) into a `Shot`.

Without a written duration the shot lasts as long as its words need (screenplay.timing).
A written duration shorter than the time its dialogue takes to speak is extended to fit
(to the next half second), with a warning; beyond the limits' maximum it is an issue.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from screenplay.context import ParseContext
from screenplay.dialogue import split_dialogue
from screenplay.model import (
    CameraAngle,
    DialogueLine,
    Move,
    MoveDirection,
    MoveSpeed,
    Shot,
    ShotType,
    legacy_move,
)
from screenplay.shot_spec import ShotSpec
from screenplay.timing import (
    PAUSE_PER_LINE_S,
    ceil_to_step,
    count_words,
    estimate_duration,
    format_seconds,
    speech_seconds,
)


@dataclass
class ShotDraft:
    line: int  # where the shot starts: its SHOT line or its first line of text
    spec: ShotSpec
    size_column: int = 0  # where the heading names the size (for framing notes), 0: nowhere
    action_lines: list[tuple[int, str]] = field(default_factory=list)
    dialogue: list[DialogueLine] = field(default_factory=list)

    def add_line(self, number: int, text: str, context: ParseContext) -> None:
        """Add one non-blank line: dialogue when it reads "NAME: words", else action."""
        spoken = split_dialogue(text)
        if spoken is None:
            self.action_lines.append((number, text.strip()))
        elif not spoken.text:
            context.issue(
                number,
                spoken.text_column,
                f"dialogue by {spoken.character} has no words; expected text after the colon",
            )
        else:
            self.dialogue.append(
                DialogueLine(spoken.character, spoken.text, number, extension=spoken.extension)
            )

    def build(self, scene_number: int, shot_number: int, context: ParseContext) -> Shot:
        limits = context.limits
        action = " ".join(text for _, text in self.action_lines)
        rates = [context.pace.words_per_s(spoken.character) for spoken in self.dialogue]
        texts = [spoken.text for spoken in self.dialogue]
        written = self.spec.duration_s
        duration = written
        if written is None:
            custom_rates = rates if context.pace.is_custom else None
            duration = estimate_duration(action, texts, speech_words_per_s=custom_rates)
            duration = max(duration, limits.min_shot_s)
            if duration > limits.max_shot_s:
                context.issue(
                    self.line,
                    1,
                    f"shot needs about {format_seconds(duration)}s for its words; "
                    f"expected at most {format_seconds(limits.max_shot_s)} seconds "
                    "(split it into more shots)",
                )
        else:
            duration = self._fit_speech(written, texts, rates, context)
        framing = self.spec.framing
        move = framing.move or Move.STATIC
        direction = framing.direction or MoveDirection.NONE
        return Shot(
            shot_id=f"{scene_number:02d}-{shot_number:02d}",
            number=shot_number,
            shot_type=framing.size or ShotType.WIDE,
            camera_move=legacy_move(move, direction),
            duration_s=duration,
            action=action,
            dialogue=list(self.dialogue),
            line=self.line,
            extended_from_s=None if duration == written else written,
            angle=framing.angle or CameraAngle.EYE_LEVEL,
            move=move,
            direction=direction,
            speed=framing.speed or MoveSpeed.NORMAL,
        )

    def _fit_speech(
        self, written: float, texts: list[str], rates: list[float], context: ParseContext
    ) -> float:
        """The written duration, or the time the dialogue needs when that is longer."""
        speech = sum(map(speech_seconds, texts, rates))
        needed = ceil_to_step(speech)
        if needed <= written:
            return written
        limit = context.limits.max_shot_s
        if needed > limit:
            context.issue(
                self.line,
                1,
                f"the dialogue of this shot needs about {format_seconds(needed)}s to speak; "
                f"expected at most {format_seconds(limit)} seconds (split it into more shots)",
            )
            return written
        words = sum(count_words(text) for text in texts)
        lines = "line" if len(texts) == 1 else "lines"
        context.warn(
            self.line,
            f"shot duration extended from {format_seconds(written)}s to "
            f"{format_seconds(needed)}s so its dialogue fits: {words:g} words in "
            f"{len(texts)} {lines} take about {speech:.1f}s to speak (at the speakers' pace, "
            f"with a {format_seconds(PAUSE_PER_LINE_S)}s breath after each line)",
        )
        return needed
