"""The SCENE/SHOT format: "SCENE 1: INT. CAFE - DAY", then "SHOT 1: Close-up - 4s"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from screenplay.errors import ScriptIssue
from screenplay.heading import parse_heading
from screenplay.limits import ScriptLimits
from screenplay.model import Scene
from screenplay.shot_builder import ShotDraft
from screenplay.shot_spec import ShotSpec, parse_shot_spec

_SEPARATORS = ":\uff1a.-\u2013\u2014"
_KEYWORD = re.compile(
    rf"\s*(?P<keyword>scene|shot)(?![^\W\d_])\s*"
    rf"(?P<number>[^\s{re.escape(_SEPARATORS)}]*)\s*(?P<separator>[{re.escape(_SEPARATORS)}]|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class KeywordLine:
    keyword: str  # "scene" or "shot"
    number: str  # as written; "" when left out
    number_column: int
    rest: str  # the heading or the shot spec
    rest_column: int


def match_keyword(text: str) -> KeywordLine | None:
    """A SCENE or SHOT line, or None.

    "SCENE 1: ...", "SCENE: ..." and "Shot 2 - ..." are keyword lines; "Shot 3 times, he
    falls." is not. A colon makes any word after the keyword a (possibly bad) number.
    """
    match = _KEYWORD.match(text)
    if match is None:
        return None
    number = match.group("number")
    if match.group("separator") not in ":\uff1a" and not (number.isascii() and number.isdigit()):
        return None
    return KeywordLine(
        keyword=match.group("keyword").lower(),
        number=number,
        number_column=match.start("number") + 1,
        rest=text[match.end() :],
        rest_column=match.end() + 1,
    )


def uses_scene_shot(lines: Iterable[tuple[int, str]]) -> bool:
    return any(match_keyword(text) is not None for _, text in lines)


@dataclass
class _SceneDraft:
    line: int
    heading: str
    shots: list[ShotDraft] = field(default_factory=list)


@dataclass
class _Reader:
    limits: ScriptLimits
    issues: list[ScriptIssue]
    scenes: list[_SceneDraft] = field(default_factory=list)
    shot_count: int = 0

    def read(self, number: int, text: str) -> None:
        keyword = match_keyword(text)
        if keyword is None:
            scene = self._current_scene(number)
            if not scene.shots:
                # Text before any SHOT line: an implicit wide, static shot.
                self._add_shot(scene, ShotDraft(number, ShotSpec()))
            scene.shots[-1].add_line(number, text, self.issues)
            return
        self._check_number(number, keyword)
        if keyword.keyword == "scene":
            self._add_scene(_SceneDraft(number, keyword.rest.strip()))
        else:
            spec, spec_issues = parse_shot_spec(
                keyword.rest, number, keyword.rest_column, self.limits
            )
            self.issues.extend(spec_issues)
            self._add_shot(self._current_scene(number), ShotDraft(number, spec))

    def _current_scene(self, number: int) -> _SceneDraft:
        if not self.scenes:
            # Shots or text before any SCENE line: an implicit scene without a heading.
            self._add_scene(_SceneDraft(number, ""))
        return self.scenes[-1]

    def _add_scene(self, scene: _SceneDraft) -> None:
        self.scenes.append(scene)
        if len(self.scenes) == self.limits.max_scenes + 1:
            self.issues.append(
                ScriptIssue(
                    scene.line,
                    1,
                    f"too many scenes; expected at most {self.limits.max_scenes}",
                )
            )

    def _add_shot(self, scene: _SceneDraft, shot: ShotDraft) -> None:
        scene.shots.append(shot)
        self.shot_count += 1
        if self.shot_count == self.limits.max_shots + 1:
            self.issues.append(
                ScriptIssue(
                    shot.line, 1, f"too many shots; expected at most {self.limits.max_shots}"
                )
            )

    def _check_number(self, line: int, keyword: KeywordLine) -> None:
        word = keyword.keyword.upper()
        if keyword.number == "":
            return
        if keyword.number.isascii() and keyword.number.isdigit():
            if keyword.number.strip("0"):
                return
            message = f"{word} number {keyword.number} is not positive; expected 1 or more"
        else:
            shown = keyword.number[:20]
            message = f'expected a {word} number such as "{word} 1:"; got "{shown}"'
        self.issues.append(ScriptIssue(line, keyword.number_column, message))


def parse_scene_shot(
    lines: Iterable[tuple[int, str]], limits: ScriptLimits, issues: list[ScriptIssue]
) -> list[Scene]:
    """Scenes from numbered lines; problems go to `issues`. Numbers are by order."""
    reader = _Reader(limits, issues)
    for number, text in lines:
        if text.strip():
            reader.read(number, text)
    scenes: list[Scene] = []
    for scene_number, draft in enumerate(reader.scenes, start=1):
        if not draft.shots:
            issues.append(
                ScriptIssue(
                    draft.line,
                    1,
                    f"scene {scene_number} has no shots; "
                    "expected a SHOT line or some action after the heading",
                )
            )
        heading = parse_heading(draft.heading)
        shots = [
            shot.build(scene_number, shot_number, limits, issues)
            for shot_number, shot in enumerate(draft.shots, start=1)
        ]
        scenes.append(
            Scene(
                number=scene_number,
                heading=draft.heading,
                int_ext=heading.int_ext,
                location=heading.location,
                time_of_day=heading.time_of_day,
                shots=shots,
                line=draft.line,
            )
        )
    return scenes
