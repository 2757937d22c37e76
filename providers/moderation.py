"""Content policy before any spend: the embedded deny-list moderator.

A ModerationProvider reads the script and names each line it refuses. The embedded one
matches whole words and phrases from a configurable list, case- and width-insensitively
(NFKC + casefold), so full-width and mixed-case spellings match too. A hosted moderation
service plugs in behind the same interface.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DEFAULT_LIST = Path(__file__).with_name("moderation_default.txt")


@dataclass(frozen=True)
class ModerationFinding:
    line: int
    column: int
    message: str


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def load_terms(path: Path) -> list[str]:
    """One term or phrase per line; blank lines and # comments are skipped."""
    terms = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        term = raw.split("#", 1)[0].strip()
        if term:
            terms.append(term)
    return terms


class DenyListModerator:
    name = "deny-list"

    def __init__(self, terms: list[str]) -> None:
        folded = sorted({_fold(term) for term in terms if term.strip()}, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, t.split())) for t in folded)
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if folded else None

    def review(self, text: str) -> list[ModerationFinding]:
        if self._pattern is None:
            return []
        findings = []
        for number, line in enumerate(text.splitlines(), start=1):
            folded = _fold(line)
            if len(folded) != len(line):  # folding changed the length: report column 1
                match = self._pattern.search(folded)
                if match:
                    findings.append(_finding(number, 1, match.group(0)))
                continue
            for match in self._pattern.finditer(folded):
                findings.append(_finding(number, match.start() + 1, match.group(0)))
        return findings


def _finding(line: int, column: int, term: str) -> ModerationFinding:
    return ModerationFinding(line, column, f'refused by the content policy: "{term}"')
