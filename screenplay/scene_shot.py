"""The SCENE/SHOT format: "SCENE 1: INT. CAFE - DAY", then "SHOT 1: Close-up - 4s".

Text before a scene's first SHOT line is an implicit wide, static shot. A scene with text
but no SHOT line at all is planned by the film grammar (screenplay.film_grammar): its
paragraphs of action and "NAME: words" lines become elements, as Fountain ones do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from screenplay.context import ParseContext
from screenplay.dialogue import split_dialogue
from screenplay.elements import ActionBlock, DialogueBlock, Element, Piece, SceneDraft, Speech
from screenplay.framing_notes import note_framing
from screenplay.free_text import paragraphs
from screenplay.model import Scene
from screenplay.scene_builder import build_scene, speakers_in
from screenplay.shot_builder import ShotDraft
from screenplay.shot_facts import SceneFacts
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
    before_shots: list[tuple[int, str]] = field(default_factory=list)  # blank lines too
    shots: list[ShotDraft] = field(default_factory=list)
    column: int = 1  # where the heading starts on its line


@dataclass
class _Reader:
    context: ParseContext
    names: frozenset[str] = frozenset()  # who speaks anywhere in the script
    scenes: list[_SceneDraft] = field(default_factory=list)

    def read(self, number: int, text: str) -> None:
        keyword = match_keyword(text) if text.strip() else None
        if keyword is None:
            if not text.strip() and not self.scenes:
                return
            scene = self._current_scene(number)
            if scene.shots:
                if text.strip():
                    scene.shots[-1].add_line(number, text, self.context)
            else:
                scene.before_shots.append((number, text))
            return
        self._check_number(number, keyword)
        if keyword.keyword == "scene":
            rest = keyword.rest
            column = keyword.rest_column + len(rest) - len(rest.lstrip())
            self.scenes.append(_SceneDraft(number, rest.strip(), column=column))
        else:
            spec, spec_issues, spec_warnings = parse_shot_spec(
                keyword.rest, number, keyword.rest_column, self.context.limits, self.names
            )
            self.context.issues.extend(spec_issues)
            for warning in spec_warnings:
                self.context.vocabulary_warning(warning)
            offset = spec.framing.size_offset
            size_column = keyword.rest_column + offset if offset >= 0 else 0
            self._current_scene(number).shots.append(ShotDraft(number, spec, size_column))

    def _current_scene(self, number: int) -> _SceneDraft:
        if not self.scenes:
            # Shots or text before any SCENE line: an implicit scene without a heading.
            self.scenes.append(_SceneDraft(number, ""))
        return self.scenes[-1]

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
        self.context.issue(line, keyword.number_column, message)


def parse_scene_shot(lines: Iterable[tuple[int, str]], context: ParseContext) -> list[Scene]:
    """Scenes from numbered lines; problems go to `context`. Numbers are by order."""
    numbered = list(lines)
    reader = _Reader(context, _speakers(numbered))
    for number, text in numbered:
        reader.read(number, text)
    planned: dict[int, SceneDraft] = {}
    for index, draft in enumerate(reader.scenes):
        if draft.shots:
            written = [(number, text) for number, text in draft.before_shots if text.strip()]
            if written:
                # Text before the first SHOT line: an implicit wide, static shot.
                implicit = ShotDraft(written[0][0], ShotSpec())
                for number, text in written:
                    implicit.add_line(number, text, context)
                draft.shots.insert(0, implicit)
        else:
            elements = _elements(draft.before_shots, context)
            if elements:
                planned[index] = SceneDraft(
                    draft.line, draft.heading, "", elements, column=draft.column
                )
    speakers = speakers_in(planned.values()) | frozenset(
        spoken.character
        for draft in reader.scenes
        for shot in draft.shots
        for spoken in shot.dialogue
    )
    scenes: list[Scene] = []
    for index, draft in enumerate(reader.scenes):
        number = index + 1
        if index in planned:
            scenes.append(build_scene(number, planned[index], speakers, context))
        else:
            scenes.append(_written_scene(number, draft, speakers, context))
    return scenes


def _speakers(lines: list[tuple[int, str]]) -> frozenset[str]:
    """Everyone with a "NAME: words" line, so a heading may name them ("CU on Maya")."""
    found: set[str] = set()
    for _, text in lines:
        if match_keyword(text) is None and (spoken := split_dialogue(text)) and spoken.text:
            found.add(spoken.character)
    return frozenset(found)


def _written_scene(
    number: int, draft: _SceneDraft, speakers: frozenset[str], context: ParseContext
) -> Scene:
    if not draft.shots:
        context.issue(
            draft.line,
            1,
            f"scene {number} has no shots; expected a SHOT line or some action after the heading",
        )
    actions = [text for shot in draft.shots for _, text in shot.action_lines]
    heading = context.continuity.place(number, draft.heading, draft.line, draft.column, actions)
    facts = SceneFacts.start(heading, speakers, actions)
    shots = [
        facts.annotate(shot.build(number, shot_number, context))
        for shot_number, shot in enumerate(draft.shots, start=1)
    ]
    present, heard, atmosphere = facts.scene_fields(shots)
    written = [(shot.spec.framing.size, shot.line, shot.size_column) for shot in draft.shots]
    note_framing(written, present, context)
    return Scene(
        number=number,
        heading=draft.heading,
        int_ext=heading.int_ext,
        location=heading.location,
        time_of_day=heading.time_of_day,
        shots=shots,
        line=draft.line,
        present=present,
        heard=heard,
        setting=heading.setting.value,
        atmosphere=atmosphere,
    )


def _elements(lines: list[tuple[int, str]], context: ParseContext) -> list[Element]:
    """Action paragraphs and dialogue blocks of a scene without SHOT lines."""
    elements: list[Element] = []
    for paragraph in paragraphs(lines):
        action: list[Piece] = []
        for number, text in paragraph:
            spoken = split_dialogue(text)
            if spoken is None:
                action.append(Piece(number, text.strip()))
                continue
            if action:
                elements.append(ActionBlock(tuple(action)))
                action = []
            if not spoken.text:
                context.issue(
                    number,
                    spoken.text_column,
                    f"dialogue by {spoken.character} has no words; expected text after the colon",
                )
                continue
            speech = Speech((Piece(number, spoken.text),))
            elements.append(DialogueBlock(number, spoken.character, spoken.extension, (speech,)))
        if action:
            elements.append(ActionBlock(tuple(action)))
    return elements
