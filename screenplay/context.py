"""What every part of a parse shares: the limits, the pace, where problems go, and the
continuity of headings read so far (with what it assumed)."""

from __future__ import annotations

from dataclasses import dataclass, field

from screenplay.continuity import Continuity
from screenplay.errors import ScriptIssue, ScriptWarning
from screenplay.limits import ScriptLimits
from screenplay.pace import Pace


@dataclass
class ParseContext:
    limits: ScriptLimits
    pace: Pace = field(default_factory=Pace)
    issues: list[ScriptIssue] = field(default_factory=list)
    warnings: list[ScriptWarning] = field(default_factory=list)
    strict: bool = False  # words outside the shot vocabulary are issues, not warnings
    lines: list[str] = field(default_factory=list)  # the script's lines as written
    continuity: Continuity = field(default_factory=Continuity)  # headings read so far

    def issue(self, line: int, column: int, message: str) -> None:
        self.issues.append(ScriptIssue(line, column, message))

    def warn(self, line: int, message: str, column: int = 0) -> None:
        self.warnings.append(ScriptWarning(line, message, column))

    def vocabulary_warning(self, warning: ScriptWarning) -> None:
        """A word a heading or cue did not understand: an issue in strict mode."""
        if self.strict:
            column = max(1, warning.column)
            self.issues.append(ScriptIssue(warning.line, column, f"{warning.message} (strict)"))
        else:
            self.warnings.append(warning)

    def indent_of(self, line: int) -> int:
        """Characters of leading whitespace on `line` as written (0 when unknown)."""
        if not 1 <= line <= len(self.lines):
            return 0
        text = self.lines[line - 1]
        return len(text) - len(text.lstrip())
