"""Who is on screen and who is only heard (screenplay.voices, presence, shot_facts), and
the film grammar that follows from it: reverse shots only between on-screen characters."""

from __future__ import annotations

import pytest

from screenplay.model import FilmPlan, Shot, ShotType
from screenplay.parser import parse_script
from screenplay.presence import named_in
from screenplay.voices import Voice, is_device, voice_of

M = ShotType


def plan_of(body: str, heading: str = "INT. DINER - NIGHT") -> FilmPlan:
    return parse_script(f"{heading}\n\n{body}", script_format="fountain")


def speaking(plan: FilmPlan, name: str) -> list[Shot]:
    return [shot for shot in plan.shots if any(d.character == name for d in shot.dialogue)]


@pytest.mark.parametrize(
    ("character", "extension", "voice"),
    [
        ("MAYA", "", Voice.ON),
        ("MAYA", "CONT'D", Voice.ON),
        ("MAYA", "WHISPERING", Voice.ON),
        ("MAYA", "INTO PHONE", Voice.ON),
        ("MAYA", "V.O.", Voice.VOICE_OVER),
        ("MAYA", "V.O. CONT'D", Voice.VOICE_OVER),
        ("MAYA", "VO", Voice.VOICE_OVER),
        ("MAYA", "O.S.", Voice.OFF_SCREEN),
        ("MAYA", "O.C.", Voice.OFF_SCREEN),
        ("MAYA", "OFF", Voice.OFF_SCREEN),
        ("MAYA", "PRE-LAP", Voice.OFF_SCREEN),
        ("MAYA", "ON PHONE", Voice.OFF_SCREEN),
        ("MAYA", "OVER RADIO", Voice.OFF_SCREEN),
        ("MAYA", "FILTERED", Voice.OFF_SCREEN),
        ("RADIO", "", Voice.DEVICE),
        ("RADIO", "V.O.", Voice.DEVICE),
        ("PHONE", "", Voice.DEVICE),
        ("TV", "", Voice.DEVICE),
        ("INTERCOM", "", Voice.DEVICE),
        ("SPEAKER", "", Voice.DEVICE),
        ("VOICEMAIL", "", Voice.DEVICE),
        ("PA", "", Voice.DEVICE),
        ("LOUDSPEAKER", "", Voice.DEVICE),
        ("WALKIE-TALKIE", "", Voice.DEVICE),
        ("ANSWERING MACHINE", "", Voice.DEVICE),
        ("POLICE RADIO", "", Voice.DEVICE),
        ("TV ANCHOR", "", Voice.DEVICE),
        ("VOICE ON PHONE", "", Voice.DEVICE),
    ],
)
def test_how_a_line_is_heard(character: str, extension: str, voice: Voice) -> None:
    assert voice_of(character, extension) is voice


def test_people_are_not_devices() -> None:
    assert not any(is_device(name) for name in ("MAYA", "GUEST SPEAKER", "PA KETTLE", "RADIANT"))


def test_names_in_action_in_capitals_and_as_words() -> None:
    speakers = frozenset({"MAYA", "BEN", "DR. ELENA VOSS", "RADIO"})

    assert named_in("MAYA (30s) smiles at Ben.", speakers) == ["MAYA", "BEN"]
    assert named_in("Elena checks Maya's pulse.", speakers) == ["DR. ELENA VOSS", "MAYA"]
    assert named_in("The RADIO crackles. The Radio hums.", speakers) == []  # a device
    assert named_in("ben is lower case; BENCH is not Ben's.", speakers) == ["BEN"]
    assert named_in("CLOSE ON the barista's hands.", frozenset({"BARISTA"})) == ["BARISTA"]
    assert named_in("A barista, then barista.", frozenset({"BARISTA"})) == []


def test_voice_over_o_s_and_devices_are_heard_not_present() -> None:
    plan = plan_of(
        "MAYA (30s) waits by the window.\n\nMAYA\nWell?\n\nNARRATOR (V.O.)\nShe knew.\n\n"
        "WAITER (O.S.)\nClosing!\n\nCOOK (O.C.)\nTen minutes.\n\nRADIO\nRain tonight.\n\n"
        "PHONE (V.O.)\nOne new message.\n"
    )

    [scene] = plan.scenes
    assert scene.present == ["MAYA"]
    assert scene.heard == ["NARRATOR", "WAITER", "COOK", "RADIO", "PHONE"]
    assert scene.characters == ["MAYA", "NARRATOR", "WAITER", "COOK", "RADIO", "PHONE"]
    for shot in plan.shots:
        assert not {"NARRATOR", "WAITER", "COOK", "RADIO", "PHONE"} & set(shot.present)
    [voices] = speaking(plan, "NARRATOR")
    assert voices.heard == ["NARRATOR", "WAITER", "COOK", "RADIO", "PHONE"]


def test_off_screen_lines_play_over_the_current_shot() -> None:
    plan = plan_of(
        "MAYA and BEN sit.\n\nMAYA\nListen.\n\nRADIO\nStorm warning.\n\nBEN\nHeard it.\n"
    )

    _sit, maya, ben = plan.shots
    assert [d.character for d in maya.dialogue] == ["MAYA", "RADIO"]
    assert (maya.shot_type, maya.present, maya.heard) == (
        M.OVER_THE_SHOULDER,
        ["MAYA", "BEN"],
        ["RADIO"],
    )
    assert (ben.shot_type, ben.present, ben.heard) == (M.CLOSE_UP, ["BEN"], [])
    assert speaking(plan, "RADIO") == [maya]  # no reverse shot of a radio


def test_an_opening_off_screen_line_plays_over_the_heading_shot() -> None:
    plan = plan_of("RADIO (V.O.)\nAll stations.\n\nMAYA (30s) enters.\n", "EXT. HARBOUR - NIGHT")

    heading, enters = plan.shots
    assert (heading.shot_type, heading.action, heading.heard) == (
        M.ESTABLISHING, "EXT. HARBOUR - NIGHT", ["RADIO"],
    )  # fmt: skip
    assert heading.present == [] and enters.present == ["MAYA"]


def test_voice_over_of_someone_the_shot_names_is_their_inner_voice() -> None:
    plan = plan_of("Maya stares at the sea.\n\nMAYA (V.O.)\nWhere are you?\n\nBEN (V.O.)\nHere.\n")

    [shot] = plan.shots
    assert [d.character for d in shot.dialogue] == ["MAYA", "BEN"]
    assert (shot.present, shot.heard) == (["MAYA"], ["BEN"])
    assert plan.scenes[0].present == ["MAYA"] and plan.scenes[0].heard == ["BEN"]


def test_voice_over_of_someone_not_in_the_shot_is_heard_there() -> None:
    plan = plan_of("MAYA sits.\n\nThe door opens.\n\nMAYA (V.O.)\nToo late.\n")

    sits, door = plan.shots
    assert (sits.present, door.present, door.heard) == (["MAYA"], [], ["MAYA"])
    assert plan.scenes[0].present == ["MAYA"] and plan.scenes[0].heard == []


def test_heard_first_becomes_present_from_the_first_plain_line() -> None:
    plan = plan_of(
        "MAYA waits.\n\nMAYA\nHello?\n\nTOM (O.S.)\nUp here!\n\nMAYA\nCome down.\n\n"
        "TOM\nComing.\n\nMAYA\nGood.\n"
    )

    _waits, maya, tom, maya_again = plan.shots
    assert (maya.shot_type, maya.present, maya.heard) == (M.MEDIUM, ["MAYA"], ["TOM"])
    assert [d.character for d in maya.dialogue] == ["MAYA", "TOM", "MAYA"]
    assert (tom.shot_type, tom.present) == (M.OVER_THE_SHOULDER, ["TOM", "MAYA"])
    assert (maya_again.shot_type, maya_again.present) == (M.CLOSE_UP, ["MAYA"])
    assert plan.scenes[0].present == ["MAYA", "TOM"] and plan.scenes[0].heard == []


def test_heard_first_becomes_present_from_the_first_action_naming_them() -> None:
    plan = plan_of(
        "MAYA waits.\n\nTOM (O.S.)\nUp here!\n\nMAYA\nTom?\n\nTOM climbs down.\n\n"
        "MAYA\nThere you are.\n"
    )

    waits, maya, climbs, maya_again = plan.shots
    assert (waits.heard, maya.shot_type, maya.present) == (["TOM"], M.MEDIUM, ["MAYA"])
    assert climbs.present == ["TOM"]
    assert (maya_again.shot_type, maya_again.present) == (M.OVER_THE_SHOULDER, ["MAYA", "TOM"])


def test_reverse_shots_only_between_on_screen_characters() -> None:
    plan = plan_of(
        "MAYA holds the phone.\n\nMAYA\nMum?\n\nMUM (ON PHONE)\nYes, love.\n\nMAYA\nI'm sorry.\n\n"
        "MUM (V.O.)\nI know.\n"
    )

    holds, maya = plan.shots
    assert maya.shot_type is M.MEDIUM
    assert [d.character for d in maya.dialogue] == ["MAYA", "MUM", "MAYA", "MUM"]
    assert (maya.present, maya.heard, holds.props) == (["MAYA"], ["MUM"], ["phone"])
    for shot in plan.shots:
        if shot.shot_type in (M.OVER_THE_SHOULDER, M.CLOSE_UP):
            assert set(shot.present) <= set(plan.scenes[0].present)


def test_over_the_shoulder_frames_the_speaker_and_the_last_one_who_spoke() -> None:
    plan = plan_of(
        "MAYA, BEN and LEO sit.\n\nMAYA\nSo.\n\nLEO\nSo what?\n\nMAYA\nSo nothing.\n\n"
        "BEN\nEnough.\n"
    )

    _, maya, leo, maya_again, ben = plan.shots
    assert maya.present == ["MAYA", "BEN"]  # nobody spoke yet: the first other on screen
    assert leo.present == ["LEO"]
    assert maya_again.present == ["MAYA", "LEO"]
    assert ben.present == ["BEN"]


def test_a_two_shot_counts_only_present_characters() -> None:
    plan = plan_of("MAYA stands.\n\nMAYA\nNow!\n\nINTERCOM ^\nDoors closing.\n")

    _, both = plan.shots
    assert all(d.dual for d in both.dialogue)
    assert (both.shot_type, both.present, both.heard) == (M.MEDIUM, ["MAYA"], ["INTERCOM"])


def test_a_shot_naming_nobody_has_nobody_present() -> None:
    plan = plan_of("MAYA (30s) sits.\n\nThe kettle boils.\n\nMAYA\nTea?\n\nBEN\nPlease.\n")

    sits, kettle, *_ = plan.shots
    assert (sits.present, kettle.present) == (["MAYA"], [])


def test_a_device_that_speaks_is_a_prop_where_the_scene_names_it() -> None:
    plan = plan_of("MAYA (30s) tunes the RADIO.\n\nThe window rattles.\n\nRADIO\nGale warning.\n")

    tunes, window = plan.shots
    assert (tunes.props, tunes.present) == (["radio"], ["MAYA"])
    assert (window.props, window.heard) == (["window", "radio"], ["RADIO"])


def test_scene_shot_and_free_text_shots_know_who_is_present() -> None:
    scene_shot = parse_script(
        "SCENE 1: INT. OFFICE - DAY\nSHOT 1: Wide\nMAYA types.\nBOSS (O.S.): Maya!\n"
        "SHOT 2: CU\nMAYA: Coming.\n"
    )
    first, second = scene_shot.shots
    assert (first.present, first.heard, second.present) == (["MAYA"], ["BOSS"], ["MAYA"])
    assert scene_shot.scenes[0].heard == ["BOSS"] and scene_shot.scenes[0].setting == "office"

    free = parse_script("Leo reads a book by candlelight.\n\nLEO: Quiet.\nRADIO: Static.")
    reads, quiet = free.shots
    assert (reads.present, reads.props, reads.atmosphere) == (["LEO"], ["book"], ["candlelight"])
    assert (quiet.present, quiet.heard) == (["LEO"], ["RADIO"])
