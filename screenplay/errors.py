"""Problems found in a script, each pointing at a line and a column of its text.

Issues stop the parse (a ScriptError lists them all); warnings ride along on the plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ScriptIssue:
    line: int  # 1-based
    column: int  # 1-based, counted in characters (code points)
    message: str  # what is wrong and what was expected

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


class ScriptError(ValueError):
    """The script cannot become a film plan; `issues` says where and why, all at once."""

    def __init__(self, issues: Iterable[ScriptIssue]) -> None:
        self.issues: list[ScriptIssue] = list(issues)
        # The list is the only argument, so the error pickles and unpickles intact.
        super().__init__(self.issues)

    def __str__(self) -> str:
        return "\n".join(str(issue) for issue in self.issues)


@dataclass(frozen=True, order=True)
class ScriptWarning:
    """Something the parser changed or left out on purpose; the plan is still made."""

    line: int  # 1-based, in the script as written
    message: str  # what happened and why
    column: int = 0  # 1-based; 0 where a warning is about a whole line (older plans)

    def __str__(self) -> str:
        if self.column:
            return f"line {self.line}, column {self.column}: {self.message}"
        return f"line {self.line}: {self.message}"
