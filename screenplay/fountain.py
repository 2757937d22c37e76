"""The Fountain format (fountain.io): title page, scenes, dialogue, and the film grammar.

Reading goes: boneyard and notes out (screenplay.fountain_source), the title page
(screenplay.fountain_title), the body into scene drafts (screenplay.fountain_reader),
then each scene into shots (screenplay.scene_builder). Line numbers stay those of the
script as written throughout.
"""

from __future__ import annotations

from screenplay.context import ParseContext
from screenplay.fountain_reader import clean, read_fountain_body
from screenplay.fountain_source import remove_boneyard_and_notes
from screenplay.fountain_title import read_title_page
from screenplay.model import Scene
from screenplay.scene_builder import build_scene, speakers_in
from screenplay.title_line import take_title_line


def parse_fountain(text: str, context: ParseContext) -> tuple[str, list[Scene]]:
    """The written title ("" when none) and the scenes of a Fountain script."""
    source = remove_boneyard_and_notes(text, context)
    lines = source.lines
    page = read_title_page(lines)
    if page is not None:
        title, start = page.title, page.next_index
    else:
        title, lines = take_title_line(lines)
        title, start = clean(title), 0
    drafts = read_fountain_body(lines, start, context)
    if not drafts:
        if source.first_removed_line:
            context.issue(
                source.first_removed_line,
                1,
                "the script has no shots once boneyard /* */ and notes [[ ]] are removed; "
                "expected a scene heading or some action outside them",
            )
        else:
            context.issue(
                1, 1, "the script has no shots; expected a scene heading, action or dialogue"
            )
        return title, []
    speakers = speakers_in(drafts)
    scenes = [
        build_scene(number, draft, speakers, context) for number, draft in enumerate(drafts, 1)
    ]
    return title, scenes
