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
    continuity: Continuity = field(default_factory=Continuity)  # headings read so far

    def issue(self, line: int, column: int, message: str) -> None:
        self.issues.append(ScriptIssue(line, column, message))

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ScriptWarning(line, message))
