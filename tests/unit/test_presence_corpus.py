"""The presence corpus: each tests/screenplays/presence/NAME.fountain is parsed and what
its plan says each scene and shot shows is checked exactly against NAME.facts: the
resolved INT/EXT and time, the setting, who is on screen (`present`) and only heard
(`heard`), props and atmosphere per shot, and the continuity assumptions.

lighthouse.fountain is the scene of issue 10: a radio voice in a lamp room, a keeper heard
before he climbs in, an inner voice, a forced ".THE LENS" that stays a night in the
lighthouse, an open sea CONTINUOUS from it. voices.fountain covers every kind of voice:
a device named in the action (TV ANCHOR, PHONE), a narrator, an inner voice, an O.S.
speaker who then speaks on screen, a dual line with a device, INTO PHONE and ON PHONE.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from screenplay.model import FilmPlan
from screenplay.parser import parse_script

CORPUS = Path(__file__).resolve().parents[1] / "screenplays" / "presence"
NAMES = sorted(path.stem for path in CORPUS.glob("*.fountain"))


def _listed(values: list[str]) -> str:
    return ", ".join(values) or "-"


def render_facts(plan: FilmPlan) -> str:
    """What the plan says the film shows, one line per scene and shot."""
    out = [f"title: {plan.title}"]
    for scene in plan.scenes:
        parts = " | ".join((scene.int_ext, scene.location, scene.time_of_day))
        out.append(f"scene {scene.number}: {scene.heading} [{parts}] setting={scene.setting}")
        out.append(
            f"  present: {_listed(scene.present)}; heard: {_listed(scene.heard)}; "
            f"atmosphere: {_listed(scene.atmosphere)}"
        )
        for shot in scene.shots:
            voices = [f"{d.character} ({d.extension})" if d.extension else d.character
                      for d in shot.dialogue]  # fmt: skip
            out.append(f"  shot {shot.shot_id}: {shot.shot_type.value}; lines: {_listed(voices)}")
            out.append(
                f"    present: {_listed(shot.present)}; heard: {_listed(shot.heard)}; "
                f"props: {_listed(shot.props)}; atmosphere: {_listed(shot.atmosphere)}"
            )
    out.extend(f"assumed @{a.line}:{a.column}: {a.message}" for a in plan.assumptions)
    return "\n".join(out) + "\n"


def parse_file(name: str) -> FilmPlan:
    return parse_script((CORPUS / f"{name}.fountain").read_text(encoding="utf-8"))


def test_presence_corpus_has_facts_for_every_script() -> None:
    assert len(NAMES) >= 2
    assert sorted(path.stem for path in CORPUS.glob("*.facts")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_presence_corpus_facts_exactly(name: str) -> None:
    expected = (CORPUS / f"{name}.facts").read_text(encoding="utf-8")

    assert render_facts(parse_file(name)) == expected
