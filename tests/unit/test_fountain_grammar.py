"""The film grammar and the Fountain pieces under it: cues, emphasis, presence, lines."""

from __future__ import annotations

import pytest

from screenplay.camera_cues import read_camera_cue
from screenplay.emphasis import strip_emphasis
from screenplay.fountain_lines import Cue, heading_of, is_transition, read_cue, split_scene_number
from screenplay.framing import Framing
from screenplay.model import CameraAngle, CameraMove, Move, MoveDirection, ShotType
from screenplay.parser import parse_script
from screenplay.presence import caps_names

C, M, A, Mv, D = CameraMove, ShotType, CameraAngle, Move, MoveDirection


def shots_of(body: str, heading: str = "INT. HALL - DAY") -> list[tuple[ShotType, CameraMove]]:
    plan = parse_script(f"{heading}\n\n{body}", script_format="fountain")
    return [(shot.shot_type, shot.camera_move) for shot in plan.shots]


# --- camera directions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shot_type", "move"),
    [
        ("CLOSE ON the ring.", M.CLOSE_UP, None),
        ("CLOSE-UP - the ring.", M.CLOSE_UP, None),
        ("TIGHT ON her hands.", M.CLOSE_UP, None),
        ("EXTREME CLOSE-UP on an eye.", M.EXTREME_CLOSE_UP, None),
        ("ECU: the trigger.", M.EXTREME_CLOSE_UP, None),
        ("ANGLE ON the door.", M.MEDIUM, None),
        ("WIDE SHOT - the valley.", M.WIDE, None),
        ("WIDE on the crowd.", M.WIDE, None),
        ("ESTABLISHING - the town.", M.ESTABLISHING, None),
        ("AERIAL SHOT of the coast.", None, None),  # an angle now: see test_cue_angles
        ("OTS - Maya watches Ben.", M.OVER_THE_SHOULDER, None),
        ("POV - through the binoculars.", M.POV, None),
        ("MAYA'S POV: the road.", M.POV, None),
        ("INSERT - the letter.", M.INSERT, None),
        ("PAN LEFT across the room.", None, C.PAN_LEFT),
        ("PAN RIGHT to the door.", None, C.PAN_RIGHT),
        ("PAN across the room.", None, C.PAN_RIGHT),
        ("PANNING LEFT over roofs.", None, C.PAN_LEFT),
        ("TILT DOWN to the floor.", None, C.TILT_DOWN),
        ("TILT to the sky.", None, C.TILT_UP),
        ("DOLLY OUT from the table.", None, C.DOLLY_OUT),
        ("DOLLY toward the window.", None, C.DOLLY_IN),
        ("ZOOM IN on the clock.", None, C.ZOOM_IN),
        ("ZOOM OUT slowly.", None, C.ZOOM_OUT),
        # Moves of their own: no combined value of the first releases matches them.
        ("PUSH IN on Maya.", None, C.STATIC),
        ("PULL BACK to reveal the room.", None, C.STATIC),
        ("TRACKING SHOT - Maya runs.", None, C.STATIC),
        ("TRACK WITH Maya.", None, C.STATIC),
        ("STATIC - the room.", None, C.STATIC),
        ("CLOSE ON the cup - ZOOM OUT.", M.CLOSE_UP, None),  # the move must follow the type
        ("CLOSE ON - ZOOM OUT from the cup.", M.CLOSE_UP, C.ZOOM_OUT),
        ("Close on the ring.", None, None),  # directions are written in CAPS
        ("Wide awake, she runs.", None, None),
        ("WIDE-EYED, Maya freezes.", None, None),
        ("PANAMA hats everywhere.", None, None),
        ("MAYA enters.", None, None),
        # Sounds, props and adjectives in CAPS that are also camera words:
        ("BOOM! The door gives.", None, None),
        ("TRUCK roars past.", None, None),
        ("A TRUCK roars past.", None, None),
        ("STATIC crackles on the radio.", None, None),
        ("HIGH ABOVE, a hawk circles.", None, None),
        ("FULL MOON over the bay.", None, None),
        ("THE CRANE lifts a crate.", None, None),
        ("CAMERA PANS LEFT.", None, C.PAN_LEFT),
        ("LONG SHOT - the road.", M.WIDE, None),
        ("TIGHT ON her hands.", M.CLOSE_UP, None),
    ],
)
def test_camera_cues(text: str, shot_type: ShotType | None, move: CameraMove | None) -> None:
    cue = read_camera_cue(text)

    assert (cue.shot_type, cue.camera_move, cue.warning) == (shot_type, move, "")


@pytest.mark.parametrize(
    ("text", "move", "warned"),
    [
        ("PAN UP to the sky.", C.PAN_RIGHT, 'direction "UP" does not go with "PAN"'),
        ("ZOOM LEFT.", C.ZOOM_IN, "expected in or out; using in"),
    ],
)
def test_directions_a_move_cannot_take_are_warned_about(
    text: str, move: CameraMove | None, warned: str
) -> None:
    cue = read_camera_cue(text)

    assert (cue.shot_type, cue.camera_move) == (None, move)
    assert warned in cue.warning


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("LOW ANGLE on the tower.", (None, A.LOW, None, None)),
        ("DUTCH ANGLE on the clock.", (None, A.DUTCH, None, None)),
        ("CRANE UP over the city.", (None, None, Mv.CRANE, D.UP)),
        ("STEADICAM follows Maya.", (None, None, Mv.STEADICAM, D.NONE)),
        ("AERIAL SHOT of the coast.", (None, A.AERIAL, None, None)),
        ("PUSH IN on Maya.", (None, None, Mv.PUSH_IN, D.IN)),
        ("TRACK WITH Maya.", (None, None, Mv.TRACKING, D.NONE)),
        ("LOW ANGLE TWO SHOT - SLOW PUSH IN on them.", (M.TWO_SHOT, A.LOW, Mv.PUSH_IN, D.IN)),
    ],
)
def test_cues_name_size_angle_and_move(
    text: str,
    parts: tuple[ShotType | None, CameraAngle | None, Move | None, MoveDirection | None],
) -> None:
    cue = read_camera_cue(text)
    framing = cue.framing

    assert (framing.size, framing.angle, framing.move, framing.direction) == parts
    assert cue.warning == ""


def test_caps_phrase_ending_in_shot_that_is_no_term_is_warned_about() -> None:
    cue = read_camera_cue("MONEY SHOT of the sky.")

    assert cue.framing == Framing()
    assert 'unknown camera direction "MONEY SHOT"' in cue.warning


# --- the grammar -------------------------------------------------------------------------


def test_opening_shot_by_heading() -> None:
    assert shots_of("A room.", "INT. HALL - DAY") == [(M.WIDE, C.STATIC)]
    assert shots_of("A field.", "EXT. FIELD - DAY") == [(M.ESTABLISHING, C.PAN_RIGHT)]
    assert shots_of("A city.", "EST. CITY - DUSK") == [(M.ESTABLISHING, C.PAN_RIGHT)]
    assert shots_of("A car.", "INT./EXT. CAR - DAY") == [(M.WIDE, C.STATIC)]
    assert shots_of("A dream.", ".DREAM") == [(M.WIDE, C.STATIC)]


def test_further_action_is_medium_and_cues_override() -> None:
    body = "A room.\n\nMaya sits.\n\nCLOSE ON her hands.\n\nPOV - the door.\n\nINSERT - a key.\n"

    assert shots_of(body) == [
        (M.WIDE, C.STATIC),
        (M.MEDIUM, C.STATIC),
        (M.CLOSE_UP, C.ZOOM_IN),
        (M.POV, C.DOLLY_IN),
        (M.INSERT, C.STATIC),
    ]


def test_a_cue_on_the_first_paragraph_replaces_the_opening_shot() -> None:
    assert shots_of("CLOSE ON a ring.\n\nMaya sits.") == [
        (M.CLOSE_UP, C.ZOOM_IN),
        (M.MEDIUM, C.STATIC),
    ]
    assert shots_of("PAN LEFT over the hall.") == [(M.WIDE, C.PAN_LEFT)]


def test_shot_reverse_shot_alternates_and_restarts_after_action() -> None:
    body = (
        "A room.\n\nMAYA\nHi.\n\nBEN\nHey.\n\nBEN\nWhat now?\n\nLEO\nMe too.\n\n"
        "MAYA\nStop.\n\nThey freeze.\n\nLEO\nWell.\n"
    )

    plan = parse_script(f"INT. HALL - DAY\n\n{body}")

    assert [(s.shot_type, [d.character for d in s.dialogue]) for s in plan.shots] == [
        (M.WIDE, []),
        (M.OVER_THE_SHOULDER, ["MAYA"]),
        (M.CLOSE_UP, ["BEN", "BEN"]),  # consecutive blocks by one speaker: one shot
        (M.OVER_THE_SHOULDER, ["LEO"]),
        (M.CLOSE_UP, ["MAYA"]),
        (M.MEDIUM, []),
        (M.OVER_THE_SHOULDER, ["LEO"]),
    ]


def test_scene_opening_on_dialogue_first_shows_the_heading() -> None:
    plan = parse_script("EXT. DOCK - NIGHT\n\nMAYA\nCold.\n")

    first, second = plan.shots
    assert (first.shot_type, first.action, first.line) == (M.ESTABLISHING, "EXT. DOCK - NIGHT", 1)
    assert second.shot_type is M.MEDIUM  # alone on screen: nobody's shoulder to look over


def test_text_before_the_first_heading_is_a_scene_without_heading() -> None:
    plan = parse_script("A black screen.\n\nMAYA\nHello?\n\nINT. HALL - DAY\n\nLight.")

    first, second = plan.scenes
    assert (first.heading, first.line, [s.shot_type for s in first.shots]) == (
        "",
        1,
        [M.WIDE, M.MEDIUM],
    )
    assert second.heading == "INT. HALL - DAY"


def test_dual_dialogue_is_one_two_shot() -> None:
    plan = parse_script("INT. HALL - DAY\n\nA room.\n\nMAYA\nNow!\n\nBEN ^\nNow!\n\nLEO\nWhat?")

    _, both, leo = plan.shots
    assert (both.shot_type, both.camera_move) == (M.TWO_SHOT, C.STATIC)
    assert [(d.character, d.dual) for d in both.dialogue] == [("MAYA", True), ("BEN", True)]
    assert both.present == ["MAYA", "BEN"]
    assert leo.shot_type is M.OVER_THE_SHOULDER


def test_dual_dialogue_with_one_voice_off_screen_is_a_medium_shot_of_the_other() -> None:
    plan = parse_script("INT. HALL - DAY\n\nA room.\n\nMAYA\nNow!\n\nBEN (O.S.) ^\nNow!")

    _, both = plan.shots
    assert (both.shot_type, both.present, both.heard) == (M.MEDIUM, ["MAYA"], ["BEN"])


def test_long_action_is_split_at_sentences() -> None:
    sentence = "The rain keeps falling on the empty street outside the old station tonight."
    plan = parse_script("INT. HALL - DAY\n\n" + " ".join([sentence] * 20))

    shots = plan.shots
    # 13 words read at 3.3 words/s take 3.94 s: 15 sentences fit in 60 s (59.1 s), 5 remain.
    assert [shot.duration_s for shot in shots] == [59.0, 19.5]
    assert [shot.shot_type for shot in shots] == [M.WIDE, M.WIDE]
    assert " ".join(shot.action for shot in shots) == " ".join([sentence] * 20)


# --- dialogue blocks ---------------------------------------------------------------------


def test_parentheticals_split_speech_and_two_spaces_continue_it() -> None:
    text = "INT. HALL - DAY\n\nMAYA\n(softly)\n(smiling)\nHello.\n  \nStill me.\n(beat)\nBye.\n"

    [_, shot] = parse_script(text).shots

    assert [(d.text, d.parenthetical, d.line) for d in shot.dialogue] == [
        ("Hello. Still me.", "softly; smiling", 6),
        ("Bye.", "beat", 10),
    ]


def test_trailing_parenthetical_is_left_out_with_a_warning() -> None:
    plan = parse_script("INT. HALL - DAY\n\nMAYA\nHello.\n(nods)\n")

    assert [d.text for d in plan.shots[-1].dialogue] == ["Hello."]
    assert [(w.line, w.message) for w in plan.warnings] == [
        (3, "parenthetical (nods) ends the dialogue of MAYA with no words after it; left out")
    ]


@pytest.mark.parametrize(
    ("line", "cue"),
    [
        ("MAYA", Cue("MAYA", "", False)),
        ("MAYA (V.O.)", Cue("MAYA", "V.O.", False)),
        ("MAYA (O.S.)", Cue("MAYA", "O.S.", False)),
        ("MAYA (O.C.)", Cue("MAYA", "O.C.", False)),
        ("MAYA (CONT'D)", Cue("MAYA", "CONT'D", False)),
        ("MAYA (V.O.) (CONT'D)", Cue("MAYA", "V.O. CONT'D", False)),
        ("HANS (on the radio)", Cue("HANS", "ON THE RADIO", False)),
        ("BRICK ^", Cue("BRICK", "", True)),
        ("@McCLANE", Cue("MCCLANE", "", False)),
        ("@李雷 (V.O.)", Cue("李雷", "V.O.", False)),
        ("DR. O'BRIEN", Cue("DR. O'BRIEN", "", False)),
        ("R2D2", Cue("R2D2", "", False)),
        ("АННА", Cue("АННА", "", False)),  # noqa: RUF001
        ("Maya", None),
        ("李雷", None),  # no letter case: needs "@"
        ("BANG!", None),
        ("CUT TO:", None),
        ("23", None),
        ("(V.O.)", None),
        ("A VERY LONG LINE OF CAPITALS THAT IS SURELY NOT A NAME", None),
    ],
)
def test_character_cues(line: str, cue: Cue | None) -> None:
    assert read_cue(line) == cue


# --- headings, transitions, emphasis, presence -------------------------------------------


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("INT. HOUSE - DAY", "INT. HOUSE - DAY"),
        ("ext. house", "ext. house"),
        ("EST. CITY", "EST. CITY"),
        ("INT./EXT. CAR", "INT./EXT. CAR"),
        ("INT/EXT CAR", "INT/EXT CAR"),
        ("I/E CAR", "I/E CAR"),
        (".FLASHBACK", "FLASHBACK"),
        (".1987", "1987"),
        ("...and then", None),
        (". spaced", None),
        ("INTERIOR DESIGN", None),
        ("EXTRA", None),
        ("EST", None),
    ],
)
def test_headings(line: str, heading: str | None) -> None:
    assert heading_of(line) == heading


def test_scene_numbers() -> None:
    assert split_scene_number("INT. HOUSE - DAY #1#") == ("INT. HOUSE - DAY", "1")
    assert split_scene_number("INT. HOUSE - DAY #1A#") == ("INT. HOUSE - DAY", "1A")
    assert split_scene_number("INT. HOUSE - DAY #I-1-A#") == ("INT. HOUSE - DAY", "I-1-A")
    assert split_scene_number("INT. HOUSE #2 - DAY") == ("INT. HOUSE #2 - DAY", "")


@pytest.mark.parametrize(
    ("line", "expected"),
    [("CUT TO:", True), ("SMASH CUT TO:", True), ("FADE OUT.", True), ("Cut to:", False)],
)
def test_transitions(line: str, expected: bool) -> None:
    assert is_transition(line) is expected


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("*italic*", "italic"),
        ("**bold**", "bold"),
        ("***bold italic***", "bold italic"),
        ("_underline_", "underline"),
        ("**bold *and italic* text**", "bold and italic text"),
        ("_*underlined italic*_", "underlined italic"),
        ("\\*not italic\\*", "*not italic*"),
        ("snake_case_name", "snake_case_name"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("* not emphasis *", "* not emphasis *"),
        ("*unclosed", "*unclosed"),
    ],
)
def test_emphasis_markers_are_removed(written: str, shown: str) -> None:
    assert strip_emphasis(written) == shown


@pytest.mark.parametrize(
    ("action", "names"),
    [
        ("MAYA (30s) pours coffee.", ["MAYA"]),
        ("DR. ELENA VOSS, 50s, enters.", ["DR. ELENA VOSS"]),
        ("BEN (late 20s) and JO (40) sit.", ["BEN", "JO"]),
        ("BEN SLAMS the door.", ["BEN"]),  # a speaker inside a run of capitals
        ("MAYA'S hand shakes.", ["MAYA"]),
        ("A LOUD BANG, then silence.", []),
        ("We see the HOUSE.", []),
    ],
)
def test_caps_names_in_action(action: str, names: list[str]) -> None:
    assert caps_names(action, frozenset({"MAYA", "BEN"})) == names
