"""Property tests: whatever a script says, the plan's presence is consistent.

On screen and heard never overlap; every line's speaker is one or the other; a device or
an off-screen line never puts its speaker on screen; a reverse shot frames only people on
screen; every assumption points at a line and column of the script.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screenplay.errors import ScriptError
from screenplay.model import FilmPlan, ShotType
from screenplay.parser import parse_script
from screenplay.voices import Voice, is_device, voice_of

FRAGMENTS = [
    "INT. LIGHTHOUSE - LAMP ROOM - NIGHT",
    "EXT. OPEN SEA - CONTINUOUS",
    "INT. KITCHEN",
    "EXT. HARBOUR - DAWN",
    ".THE LENS",
    ".LAMP ROOM",
    "INT. CAR - MOVING",
    "MAYA",
    "MAYA (V.O.)",
    "MAYA (O.S.)",
    "TOM",
    "TOM (O.S.)",
    "TOM (ON PHONE)",
    "RADIO",
    "RADIO (V.O.)",
    "PHONE",
    "INTERCOM ^",
    "TOM ^",
    "NARRATOR (V.O.)",
    "Harbour to lamp, come in.",
    "I know.",
    "MAYA (40s) tunes the radio.",
    "Tom climbs in with a lantern.",
    "The lamp turns. Rain on the glass.",
    "Lightning. Fog rolls in.",
    "CLOSE ON the radio.",
    "Nobody is here.",
    ">THE END<",
]

script_text = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(["\n", "\n\n"])), max_size=30
).map(lambda parts: "".join(fragment + end for fragment, end in parts))


def check_presence(plan: FilmPlan, lines: int) -> None:
    for scene in plan.scenes:
        assert not set(scene.present) & set(scene.heard)
        shown = [name for shot in scene.shots for name in shot.present]
        assert set(scene.present) == set(shown)
        for shot in scene.shots:
            assert not set(shot.present) & set(shot.heard), shot
            speakers = {line.character for line in shot.dialogue}
            assert speakers <= set(shot.present) | set(shot.heard), shot
            assert set(shot.heard) <= speakers, shot
            assert not any(is_device(name) for name in shot.present), shot
            voices = {(d.character, voice_of(d.character, d.extension)) for d in shot.dialogue}
            off = {name for name, voice in voices if voice in (Voice.OFF_SCREEN, Voice.DEVICE)}
            on = {name for name, voice in voices if voice is Voice.ON}
            assert not (off - on) & set(shot.present), shot
            if shot.shot_type in (ShotType.OVER_THE_SHOULDER, ShotType.CLOSE_UP) and on:
                assert set(shot.present) <= set(scene.present), shot
    for note in plan.assumptions:
        assert 1 <= note.line <= lines and note.column >= 1, note


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=script_text)
def test_presence_is_consistent_for_any_script(text: str) -> None:
    try:
        plan = parse_script(text, script_format="fountain")
    except ScriptError:
        return
    check_presence(plan, text.count("\n") + 1)
    assert plan == parse_script(text, script_format="fountain")
