"""The Fountain corpus: each tests/screenplays/NAME.fountain is parsed and its breakdown
checked exactly against NAME.breakdown, one line per scene, shot, dialogue line and warning.

Together the files exercise every Fountain element: title page, headings of each kind,
forced headings and scene numbers, action and forced action, character cues with each
extension and forced @names, parentheticals, dual dialogue, lyrics, transitions (forced
too), centered text, page breaks, sections, synopses, notes (multi-line too), boneyard
(with a heading inside), emphasis and non-Latin scripts. Shots follow the film grammar
(screenplay.film_grammar) and durations the words: camera.fountain shot 01-01 reads 9
words at 3.3 words/s = 2.7 s -> 2.5 s; dialogue.fountain shot 01-03 speaks 4 + 3 words
at 2.5 words/s plus two 0.4 s breaths = 3.6 s -> 3.5 s; long_speech.fountain splits a
speech of more than 60 s at a sentence end into 53 s and 12 s.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from screenplay.model import FilmPlan, ShotType
from screenplay.parser import parse_script

CORPUS = Path(__file__).resolve().parents[1] / "screenplays"
NAMES = sorted(path.stem for path in CORPUS.glob("*.fountain"))


def render_breakdown(plan: FilmPlan) -> str:
    """The plan as text: exact values, one element per line, indented by level."""
    out = [f"title: {plan.title}", f"format: {plan.script_format}"]
    for scene in plan.scenes:
        parts = " | ".join((scene.int_ext, scene.location, scene.time_of_day))
        out.append(f"scene {scene.number} @{scene.line}: {scene.heading} [{parts}]")
        if scene.scene_number:
            out.append(f"  scene number: {scene.scene_number}")
        out.append(f"  present: {', '.join(scene.present) or '-'}")
        for shot in scene.shots:
            out.append(
                f"  shot {shot.shot_id} @{shot.line}: {shot.shot_type.value}, "
                f"{shot.camera_move.value}, {shot.duration_s}s"
            )
            if shot.action:
                out.append(f"    action: {shot.action}")
            for spoken in shot.dialogue:
                notes = [f"ext={spoken.extension}"] if spoken.extension else []
                notes += [f"paren={spoken.parenthetical}"] if spoken.parenthetical else []
                notes += ["dual"] if spoken.dual else []
                shown = f" [{'; '.join(notes)}]" if notes else ""
                out.append(f"    {spoken.character}{shown} @{spoken.line}: {spoken.text}")
    out.extend(f"warning @{warning.line}: {warning.message}" for warning in plan.warnings)
    return "\n".join(out) + "\n"


def parse_file(name: str) -> FilmPlan:
    return parse_script((CORPUS / f"{name}.fountain").read_text(encoding="utf-8"))


def test_corpus_has_a_breakdown_for_every_script() -> None:
    assert len(NAMES) >= 12
    assert sorted(path.stem for path in CORPUS.glob("*.breakdown")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_corpus_breakdown_exactly(name: str) -> None:
    expected = (CORPUS / f"{name}.breakdown").read_text(encoding="utf-8")

    assert render_breakdown(parse_file(name)) == expected


def test_boneyard_is_ignored_entirely() -> None:
    plan = parse_file("notes_boneyard")

    [scene] = plan.scenes
    shown = " ".join(shot.action for shot in plan.shots)
    assert scene.heading == "INT. ATTIC - NIGHT"
    assert "GARAGE" not in shown and "PORSCHE" not in shown and "Finally" not in shown
    assert "[[" not in shown and "props" not in shown


def test_title_page_names_the_film_unless_a_title_is_given() -> None:
    text = (CORPUS / "title_page.fountain").read_text(encoding="utf-8")

    assert parse_script(text).title == "BRICK & STEEL FULL RETIRED"
    assert parse_script(text, title="Retired").title == "Retired"


def test_dialogue_metadata_and_the_dual_two_shot() -> None:
    dialogue = parse_file("dialogue")
    assert dialogue.characters == ["MAYA", "BEN", "NARRATOR", "WAITRESS", "COOK", "MCCLANE"]
    extensions = {d.character: d.extension for shot in dialogue.shots for d in shot.dialogue}
    assert (extensions["NARRATOR"], extensions["WAITRESS"], extensions["COOK"]) == (
        "V.O.",
        "O.S.",
        "O.C.",
    )

    dual = parse_file("dual_dialogue")
    [two_shot] = [shot for shot in dual.shots if any(d.dual for d in shot.dialogue)]
    assert two_shot.shot_type is ShotType.TWO_SHOT
    assert [(d.character, d.dual) for d in two_shot.dialogue] == [("BRICK", True), ("STEEL", True)]


def test_corpus_durations_stay_in_bounds_and_on_half_seconds() -> None:
    for name in NAMES:
        for shot in parse_file(name).shots:
            assert 2.0 <= shot.duration_s <= 60.0
            assert (shot.duration_s * 2).is_integer()
