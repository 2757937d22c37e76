"""The shot-list corpus: tests/shotlists/NAME (SCENE/SHOT or Fountain camera cues) is
parsed and every shot's size, angle, move, direction, speed and duration checked exactly
against NAME.expected, written by hand, one line per shot.

vocabulary.shots writes every spelling of the vocabulary table once at least, and
vocabulary.fountain every term (as a CAPS cue); neither draws a warning, because
standard terms never do. Fountain durations come from the words: every cue paragraph
has at most 7 words, read at 3.3 words/s in at most 2.1 s, so each lasts the 2 s minimum.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from screenplay.model import FilmPlan
from screenplay.parser import parse_script
from screenplay.vocabulary import TERMS, normalize_phrase

CORPUS = Path(__file__).resolve().parents[1] / "shotlists"
NAMES = ["vocabulary.shots", "vocabulary.fountain"]


def shot_rows(plan: FilmPlan) -> list[str]:
    return [
        " ".join(
            (
                shot.shot_id,
                shot.shot_type.value,
                shot.angle.value,
                shot.move.value,
                shot.direction.value or "-",
                shot.speed.value or "-",
                f"{shot.duration_s:g}",
            )
        )
        for shot in plan.shots
    ]


def expected_rows(name: str) -> list[str]:
    text = (CORPUS / f"{name}.expected").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def parse(name: str) -> FilmPlan:
    return parse_script((CORPUS / name).read_text(encoding="utf-8"))


def test_every_file_has_its_expectations() -> None:
    written = sorted(path.name for path in CORPUS.iterdir() if path.suffix != ".expected")
    assert written == sorted(NAMES)
    assert all((CORPUS / f"{name}.expected").is_file() for name in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_shot_exactly_and_no_warnings(name: str) -> None:
    plan = parse(name)

    assert plan.script_format == ("fountain" if name.endswith(".fountain") else "scene_shot")
    assert shot_rows(plan) == expected_rows(name)
    assert plan.warnings == []


@pytest.mark.parametrize("name", NAMES)
def test_legacy_move_matches_the_separate_fields(name: str) -> None:
    combined = {"pan", "tilt", "zoom", "dolly"}
    for shot in parse(name).shots:
        if shot.move.value in combined:
            assert shot.camera_move.value == f"{shot.move.value}_{shot.direction.value}"
        else:
            assert shot.camera_move.value == "static"


def _headings(text: str) -> str:
    headings = " ".join(re.findall(r"SHOT \d+:(.*)", text))
    return normalize_phrase(re.sub(r"[,;/:()]", " ", headings))


def test_the_scene_shot_corpus_writes_every_spelling() -> None:
    written = f" {_headings((CORPUS / 'vocabulary.shots').read_text(encoding='utf-8'))} "
    missing = [
        spelling
        for term in TERMS
        for spelling in (term.name, *term.spellings)
        if f" {normalize_phrase(spelling)} " not in written
    ]
    assert missing == []


def test_the_fountain_corpus_cues_every_term() -> None:
    paragraphs = (CORPUS / "vocabulary.fountain").read_text(encoding="utf-8").split("\n\n")
    cues = " ".join(
        normalize_phrase(re.match(r"[A-Z0-9'\- ]*", p).group())  # type: ignore[union-attr]
        for p in paragraphs
    )
    written = f" {cues} "
    missing = [
        term.name
        for term in TERMS
        if not any(f" {normalize_phrase(s)} " in written for s in (term.name, *term.spellings))
    ]
    assert missing == []
