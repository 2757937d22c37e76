"""Continuity: a heading that leaves out the time or INT/EXT keeps the scene before's, or
reads it from its words, and the plan notes each assumption with its line and column."""

from __future__ import annotations

import pytest

from providers.animatic.palette import TimeOfDay, is_interior, time_of_day
from screenplay.errors import ScriptWarning
from screenplay.limits import ScriptLimits
from screenplay.model import FilmPlan
from screenplay.parser import parse_script


def plan_of(*headings: str) -> FilmPlan:
    body = "\n\n".join(f"{heading}\n\nSomething happens." for heading in headings)
    return parse_script(body, script_format="fountain")


@pytest.mark.parametrize(
    "second",
    [
        "INT. HALL",
        "INT. HALL - CONTINUOUS",
        "INT. HALL - LATER",
        "INT. HALL - MOMENTS LATER",
        "INT. HALL - SAME",
        "INT. HALL - SAME TIME",
        "INT. HALL - A FEW MINUTES LATER",
        "INT. CAR - MOVING",
    ],
)
def test_a_heading_without_a_time_keeps_the_previous_scenes(second: str) -> None:
    first, kept = plan_of("EXT. DOCK - NIGHT", second).scenes

    assert (first.time_of_day, kept.time_of_day) == ("NIGHT", "NIGHT")
    assert time_of_day(kept.time_of_day) is TimeOfDay.NIGHT  # the animatic paints it night


def test_a_kept_time_carries_on_through_several_scenes() -> None:
    scenes = plan_of("INT. A - DUSK", "INT. B - CONTINUOUS", "INT. C", "EXT. D - DAY").scenes

    assert [scene.time_of_day for scene in scenes] == ["DUSK", "DUSK", "DUSK", "DAY"]


def test_a_time_the_heading_names_stands() -> None:
    scenes = plan_of("INT. A - NIGHT", "INT. B - DAY", "INT. C - FLASHBACK", "INT. D").scenes

    assert [scene.time_of_day for scene in scenes] == ["NIGHT", "DAY", "FLASHBACK", "FLASHBACK"]


def test_continuous_after_a_time_in_the_same_heading() -> None:
    [scene] = plan_of("EXT. STREET - NIGHT - CONTINUOUS").scenes

    assert scene.time_of_day == "NIGHT"


def test_the_first_scene_has_nothing_to_keep() -> None:
    plan = plan_of("INT. HALL")

    assert (plan.scenes[0].time_of_day, plan.assumptions) == ("", [])


@pytest.mark.parametrize(
    ("forced", "int_ext"),
    [
        (".LAMP ROOM", "INT"),
        (".LIGHTHOUSE LAMP ROOM", "INT"),  # LAMP ROOM is longer than LIGHTHOUSE
        (".KITCHEN", "INT"),
        (".INSIDE THE VAN", "INT"),
        (".BEACH", "EXT"),
        (".OUTSIDE", "EXT"),
        (".THE OPEN SEA", "EXT"),
        (".THE LENS", "INT"),  # neither: kept from the lamp room before
        (".CAR", "INT"),  # both, as strongly: kept
    ],
)
def test_a_forced_heading_reads_inside_or_outside_from_its_words(forced: str, int_ext: str) -> None:
    _before, scene = plan_of("INT. LIGHTHOUSE - LAMP ROOM - NIGHT", forced).scenes

    assert scene.int_ext == int_ext and is_interior(scene.int_ext) is (int_ext == "INT")
    assert scene.time_of_day == "NIGHT"


def test_a_forced_heading_after_an_exterior_keeps_it() -> None:
    _, scene = plan_of("EXT. PIER - DAWN", ".THE LENS").scenes

    assert (scene.int_ext, scene.time_of_day, scene.setting) == ("EXT", "DAWN", "coast")


def test_the_lens_is_a_night_in_the_lamp_room_and_every_assumption_is_noted() -> None:
    text = (
        "INT. LIGHTHOUSE - LAMP ROOM - NIGHT\n\nThe lamp turns.\n\n"
        "  .THE LENS\n\nThe lens gleams.\n\n"
        "EXT. OPEN SEA - CONTINUOUS\n\nWaves.\n"
    )

    plan = parse_script(text)

    _lamp, lens, sea = plan.scenes
    assert (lens.int_ext, lens.time_of_day, lens.setting) == ("INT", "NIGHT", "lighthouse")
    assert (sea.int_ext, sea.time_of_day, sea.setting) == ("EXT", "NIGHT", "open_sea")
    assert plan.assumptions == [
        ScriptWarning(5, 'no INT. or EXT., and "THE LENS" says neither; kept INT from scene 1', 4),
        ScriptWarning(5, '"THE LENS" names no setting; kept "lighthouse" from scene 1', 4),
        ScriptWarning(5, "no time of day; kept NIGHT from scene 1", 12),
        ScriptWarning(9, '"CONTINUOUS"; kept NIGHT from scene 2', 17),
    ]
    assert plan.warnings == []  # notes, not warnings
    assert lens.heading == "THE LENS"  # the heading as written


def test_scene_shot_headings_are_read_the_same_way() -> None:
    plan = parse_script(
        "SCENE 1: EXT. HARBOUR - NIGHT\nSHOT 1: Wide\nBoats.\nSCENE 2:  Lamp room\nA lamp."
    )

    _, lamp = plan.scenes
    assert (lamp.int_ext, lamp.time_of_day, lamp.setting) == ("INT", "NIGHT", "lighthouse")
    assert [(note.line, note.column) for note in plan.assumptions] == [(4, 11), (4, 20)]


def test_assumptions_are_capped_like_warnings() -> None:
    headings = ["INT. A - NIGHT", *(f"INT. ROOM {n}" for n in range(6))]
    body = "\n\n".join(f"{heading}\n\nSomething happens." for heading in headings)

    plan = parse_script(body, limits=ScriptLimits(max_issues=3), script_format="fountain")

    assert [note.message for note in plan.assumptions[:3]] == [
        "no time of day; kept NIGHT from scene 1",
        "no time of day; kept NIGHT from scene 2",
        "no time of day; kept NIGHT from scene 3",
    ]
    assert plan.assumptions[3].message == "3 more assumptions not shown"
    assert all(scene.time_of_day == "NIGHT" for scene in plan.scenes)


def _weather_plan(*scenes: tuple[str, str]) -> FilmPlan:
    body = "\n\n".join(f"{heading}\n\n{action}" for heading, action in scenes)
    return parse_script(body, script_format="fountain")


@pytest.mark.parametrize("follow", ["CONTINUOUS", "SAME", "MOMENTS LATER", "SAME TIME"])
def test_weather_carries_into_a_scene_that_follows_on(follow: str) -> None:
    plan = _weather_plan(
        ("EXT. DOCK - NIGHT", "Rain hammers the boards. Fog rolls in."),
        (f"INT. SHED - {follow}", "MAYA slams the door."),
    )

    dock, shed = plan.scenes
    assert {"rain", "fog"} <= set(dock.atmosphere)
    assert shed.atmosphere == ["rain", "fog"]
    assert all(shot.atmosphere == ["rain", "fog"] for shot in shed.shots)
    column = len(f"INT. SHED - {follow}") - len(follow) + 1
    assert plan.assumptions[-1] == ScriptWarning(
        5, f'"{follow}" names no weather; kept rain, fog from scene 1', column
    )
    assert plan.warnings == []


def test_weather_carries_on_through_scenes_and_stops_where_it_is_not_at_once() -> None:
    plan = _weather_plan(
        ("EXT. DOCK - NIGHT", "Snow falls on the harbour."),
        ("INT. SHED - CONTINUOUS", "MAYA lights a lamp."),
        ("EXT. YARD - MOMENTS LATER", "Neon flickers over the gate."),
        ("INT. SHED - LATER", "MAYA waits."),
        ("INT. SHED - DAY", "MAYA waits."),
    )

    atmospheres = [scene.atmosphere for scene in plan.scenes]
    # Neon is light, not weather: the snow still falls in the yard. LATER is not at once.
    assert atmospheres == [["snow"], ["snow"], ["snow", "neon"], [], []]


def test_a_scene_that_names_its_own_weather_or_a_passing_flash_keeps_only_its_own() -> None:
    plan = _weather_plan(
        ("EXT. DOCK - NIGHT", "Rain pours down."),
        ("EXT. CLIFF - CONTINUOUS", "Fog everywhere."),
        ("INT. HUT - NIGHT", "Lightning flashes."),
        ("INT. HUT - CONTINUOUS", "Quiet."),
        ("INT. HUT - DAY", "A lamp burns."),
        ("EXT. HUT - CONTINUOUS", "MAYA steps out."),
    )

    atmospheres = [scene.atmosphere for scene in plan.scenes]
    assert atmospheres == [["rain"], ["fog"], ["lightning"], [], [], []]
    assert not any("weather" in note.message for note in plan.assumptions)
