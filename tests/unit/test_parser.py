"""Unit tests for the script parser: formats, vocabulary, timing, errors and limits."""

from __future__ import annotations

import pickle
import random

import pytest

from screenplay.errors import ScriptError, ScriptIssue
from screenplay.limits import DEFAULT_LIMITS, ScriptLimits
from screenplay.model import CameraMove, FilmPlan, ShotType
from screenplay.parser import parse_script

EXAMPLE = """\
SCENE 1: INT. COFFEE SHOP - MORNING
SHOT 1: Wide shot, pan left - 5s
Camera pans across the busy coffee shop.
MAYA: Two coffees, please.

SHOT 2: Close-up - 4s
Maya smiles.
BARISTA: Coming right up!
"""

INJECTION = 'He said "hi": 100% {x} %{pts} $(rm -rf /) ; \\ C:\\path'


def issues_of(text: str, limits: ScriptLimits = DEFAULT_LIMITS) -> list[ScriptIssue]:
    with pytest.raises(ScriptError) as caught:
        parse_script(text, limits=limits)
    return caught.value.issues


def only_shot(text: str) -> tuple[ShotType, CameraMove, float]:
    plan = parse_script(text)
    [shot] = plan.shots
    return shot.shot_type, shot.camera_move, shot.duration_s


# --- the SCENE/SHOT format ---------------------------------------------------------------


def test_example_script_exactly() -> None:
    plan = parse_script(EXAMPLE)

    assert plan.title == "Untitled"
    assert plan.script_format == "scene_shot"
    [scene] = plan.scenes
    assert (scene.number, scene.line) == (1, 1)
    assert scene.heading == "INT. COFFEE SHOP - MORNING"
    assert (scene.int_ext, scene.location, scene.time_of_day) == ("INT", "COFFEE SHOP", "MORNING")
    first, second = scene.shots
    assert (first.shot_id, first.number, first.line) == ("01-01", 1, 2)
    assert first.shot_type is ShotType.WIDE
    assert first.camera_move is CameraMove.PAN_LEFT
    assert first.duration_s == 5.0
    assert first.action == "Camera pans across the busy coffee shop."
    assert [(d.character, d.text, d.line) for d in first.dialogue] == [
        ("MAYA", "Two coffees, please.", 4)
    ]
    assert (second.shot_id, second.number, second.line) == ("01-02", 2, 6)
    assert second.shot_type is ShotType.CLOSE_UP
    assert second.camera_move is CameraMove.STATIC
    assert second.duration_s == 4.0
    assert second.action == "Maya smiles."
    assert [(d.character, d.text, d.line) for d in second.dialogue] == [
        ("BARISTA", "Coming right up!", 8)
    ]
    assert plan.characters == ["MAYA", "BARISTA"]
    assert plan.duration_s == 9.0


@pytest.mark.parametrize(
    ("heading", "int_ext", "location", "time_of_day"),
    [
        ("INT. COFFEE SHOP - MORNING", "INT", "COFFEE SHOP", "MORNING"),
        ("EXT. PARK \u2013 NIGHT", "EXT", "PARK", "NIGHT"),
        ("INT./EXT. CAR \u2014 DAY", "INT/EXT", "CAR", "DAY"),
        ("INT/EXT CAR - DAY", "INT/EXT", "CAR", "DAY"),
        ("I/E. CAR - DAY", "INT/EXT", "CAR", "DAY"),
        ("I/E CAR - DAY", "INT/EXT", "CAR", "DAY"),
        ("EST. CITY SKYLINE - DUSK", "EXT", "CITY SKYLINE", "DUSK"),
        ("int. kitchen", "INT", "kitchen", ""),
        ("EXT ROOFTOP - SUNSET", "EXT", "ROOFTOP", "SUNSET"),
        ("SELF-STORAGE UNIT - NIGHT", "", "SELF-STORAGE UNIT", "NIGHT"),
        ("EXT. STREET - NIGHT - CONTINUOUS", "EXT", "STREET - NIGHT", "NIGHT"),
        ("EXTRA ROOM", "INT", "EXTRA ROOM", ""),  # read from ROOM: screenplay.continuity
        ("THE VOID", "", "THE VOID", ""),
        ("", "", "", ""),
    ],
)
def test_scene_headings(heading: str, int_ext: str, location: str, time_of_day: str) -> None:
    [scene] = parse_script(f"SCENE 7: {heading}\nA door opens.").scenes

    assert scene.heading == heading
    assert (scene.int_ext, scene.location, scene.time_of_day) == (int_ext, location, time_of_day)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("wide shot", ShotType.WIDE),
        ("Wide", ShotType.WIDE),
        ("long shot", ShotType.WIDE),
        ("WS", ShotType.WIDE),
        ("establishing", ShotType.ESTABLISHING),
        ("Establishing shot", ShotType.ESTABLISHING),
        ("medium", ShotType.MEDIUM),
        ("Medium shot", ShotType.MEDIUM),
        ("mid shot", ShotType.MEDIUM),
        ("MS", ShotType.MEDIUM),
        ("close-up", ShotType.CLOSE_UP),
        ("Close up", ShotType.CLOSE_UP),
        ("closeup", ShotType.CLOSE_UP),
        ("CU", ShotType.CLOSE_UP),
        ("extreme close-up", ShotType.EXTREME_CLOSE_UP),
        ("Extreme close up", ShotType.EXTREME_CLOSE_UP),
        ("ECU", ShotType.EXTREME_CLOSE_UP),
        ("over the shoulder", ShotType.OVER_THE_SHOULDER),
        ("Over-the-shoulder", ShotType.OVER_THE_SHOULDER),
        ("OTS", ShotType.OVER_THE_SHOULDER),
        ("POV", ShotType.POV),
        ("insert", ShotType.INSERT),
    ],
)
def test_shot_type_synonyms(written: str, expected: ShotType) -> None:
    assert only_shot(f"SCENE 1: X\nSHOT 1: {written} - 3s\nA cup.") == (
        expected,
        CameraMove.STATIC,
        3.0,
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("pan left", CameraMove.PAN_LEFT),
        ("Pan right", CameraMove.PAN_RIGHT),
        ("tilt up", CameraMove.TILT_UP),
        ("tilt down", CameraMove.TILT_DOWN),
        ("zoom in", CameraMove.ZOOM_IN),
        ("Zoom out", CameraMove.ZOOM_OUT),
        ("dolly in", CameraMove.DOLLY_IN),
        ("dolly out", CameraMove.DOLLY_OUT),
        ("push in", CameraMove.STATIC),  # a move of its own: no combined value
        ("pull back", CameraMove.STATIC),
        ("camera slowly pans left", CameraMove.PAN_LEFT),
        ("static", CameraMove.STATIC),
        ("locked off", CameraMove.STATIC),
        ("locked-off", CameraMove.STATIC),
    ],
)
def test_camera_moves(written: str, expected: CameraMove) -> None:
    shot_type, move, _ = only_shot(f"SHOT 1: Medium, {written} - 3s\nA cup.")

    assert (shot_type, move) == (ShotType.MEDIUM, expected)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("Wide shot, pan left", (ShotType.WIDE, CameraMove.PAN_LEFT)),
        ("Close-up, zoom in", (ShotType.CLOSE_UP, CameraMove.ZOOM_IN)),
        ("Medium, dolly out", (ShotType.MEDIUM, CameraMove.DOLLY_OUT)),
        ("tilt up, ECU", (ShotType.EXTREME_CLOSE_UP, CameraMove.TILT_UP)),
        ("Wide pan right", (ShotType.WIDE, CameraMove.PAN_RIGHT)),
        ("tilt up", (ShotType.WIDE, CameraMove.TILT_UP)),
        ("", (ShotType.WIDE, CameraMove.STATIC)),
    ],
)
def test_shot_line_combinations(spec: str, expected: tuple[ShotType, CameraMove]) -> None:
    shot_type, move, _ = only_shot(f"SHOT 1: {spec}\nA cup.")

    assert (shot_type, move) == expected


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        ("5s", 5.0),
        ("5 s", 5.0),
        ("5 sec", 5.0),
        ("5 seconds", 5.0),
        ("2.5s", 2.5),
        ("12", 12.0),
        ("1m", 60.0),
        ("(4s)", 4.0),
    ],
)
def test_duration_formats(written: str, seconds: float) -> None:
    assert only_shot(f"SHOT 1: Wide - {written}\nA cup.")[2] == seconds


def test_minutes_and_seconds_duration() -> None:
    limits = ScriptLimits(max_shot_s=120)

    [shot] = parse_script("SHOT 1: Wide - 1m30s\nA cup.", limits=limits).shots

    assert shot.duration_s == 90.0


@pytest.mark.parametrize(
    ("body", "seconds"),
    [
        ("A cup.", 2.0),  # the minimum
        ("Camera pans across the busy coffee shop.\nMAYA: Two coffees, please.", 4.0),
        (" ".join(["word"] * 30), 10.0),  # 30 words read at 3 words a second
        ("MAYA: " + " ".join(["la"] * 10), 4.5),  # 10 words at 2.5/s and a 0.4 s pause
        ("ONE: a b c\nTWO: d e f g h", 4.0),  # 8 words and two pauses: 4.0
        ("李雷: " + "你好" * 10, 4.5),  # 20 CJK characters count as 10 words
    ],
)
def test_estimated_durations(body: str, seconds: float) -> None:
    assert only_shot(f"SHOT 1: Wide\n{body}")[2] == seconds


def test_shot_ids_follow_order_not_written_numbers() -> None:
    script = (
        "SCENE 9: A\nSHOT 4: Wide - 2s\nx\nSHOT 4: CU - 2s\ny\n"
        "SCENE 3: B\nSHOT 12: Medium - 2s\nz\n"
    )

    plan = parse_script(script)

    assert [scene.number for scene in plan.scenes] == [1, 2]
    assert [(shot.shot_id, shot.number) for shot in plan.shots] == [
        ("01-01", 1),
        ("01-02", 2),
        ("02-01", 1),
    ]


def test_keywords_are_case_insensitive_and_number_is_optional() -> None:
    plan = parse_script(
        "scene: INT. HALL - DAY\nshot 1 - CU - 3s\nA bell.\nShot: ECU\nThe clapper."
    )

    [scene] = plan.scenes
    assert scene.location == "HALL"
    assert [shot.shot_type for shot in scene.shots] == [
        ShotType.CLOSE_UP,
        ShotType.EXTREME_CLOSE_UP,
    ]


def test_text_before_first_shot_becomes_an_implicit_shot() -> None:
    plan = parse_script("SCENE 1: EXT. BEACH - DAY\nWaves roll in.\nSHOT 1: CU - 3s\nA shell.")

    first, second = plan.shots
    assert (first.shot_id, first.shot_type, first.camera_move) == (
        "01-01",
        ShotType.WIDE,
        CameraMove.STATIC,
    )
    assert (first.action, first.duration_s, first.line) == ("Waves roll in.", 2.0, 2)
    assert (second.shot_id, second.action) == ("01-02", "A shell.")


def test_shot_before_any_scene_opens_an_implicit_scene() -> None:
    plan = parse_script(
        "SHOT 1: Wide - 3s\nA road.\nSCENE 2: INT. CAR - NIGHT\nSHOT 1: CU\nA hand."
    )

    implicit, car = plan.scenes
    assert (implicit.number, implicit.heading, implicit.int_ext, implicit.location) == (
        1,
        "",
        "",
        "",
    )
    assert implicit.shots[0].action == "A road."
    assert (car.number, car.location, car.shots[0].shot_id) == (2, "CAR", "02-01")


def test_consecutive_action_lines_join_with_a_space() -> None:
    [shot] = parse_script("SHOT 1: Wide - 3s\n  The door opens.  \nRain falls.\n").shots

    assert shot.action == "The door opens. Rain falls."


def test_prose_mentioning_shots_is_not_a_keyword_line() -> None:
    plan = parse_script("Shot 3 times, he falls.\n\nThe scene ends. Scenes change.")

    assert plan.script_format == "free_text"
    assert len(plan.shots) == 2


# --- dialogue ----------------------------------------------------------------------------


def test_injection_text_is_kept_byte_for_byte() -> None:
    plan = parse_script(f"SCENE 1: X\nSHOT 1: Wide - 3s\nMAYA: {INJECTION}\n")

    [line] = plan.shots[0].dialogue
    assert line.character == "MAYA"
    assert line.text == INJECTION
    assert line.text.encode() == INJECTION.encode()


def test_dialogue_keeps_colons_and_emoji() -> None:
    [line] = parse_script("DR. O'BRIEN-2: Ratio 3:1 \u2014 ok? \U0001f3ac \\n").shots[0].dialogue

    assert (line.character, line.text) == ("DR. O'BRIEN-2", "Ratio 3:1 \u2014 ok? \U0001f3ac \\n")


@pytest.mark.parametrize(
    ("line", "character", "text"),
    [
        (
            "\u0410\u041d\u041d\u0410: \u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440",
            "\u0410\u041d\u041d\u0410",
            "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440",
        ),
        ("李雷: 你好", "李雷", "你好"),
        ("李雷\uff1a你好", "李雷", "你好"),  # full-width colon, no space
        ("ÉLODIE: Bonjour", "ÉLODIE", "Bonjour"),
        ("NOTE: the coffee is cold", "NOTE", "the coffee is cold"),
        ("MAYA (V.O.): I knew.", "MAYA", "I knew."),
    ],
)
def test_dialogue_names_in_any_script(line: str, character: str, text: str) -> None:
    [spoken] = parse_script(f"SHOT 1: CU - 2s\n{line}").shots[0].dialogue

    assert (spoken.character, spoken.text) == (character, text)


@pytest.mark.parametrize(
    "line",
    [
        "Maya: lower-case names are action",
        "\u0410\u043d\u043d\u0430: \u043f\u0440\u0438\u0432\u0435\u0442",
        "At 10:30 the bell rings.",
        "HTTP://EXAMPLE.COM is on the sign.",
        "A VERY LONG NAME THAT GOES ON AND ON AND ON: words",
    ],
)
def test_lines_that_are_action_not_dialogue(line: str) -> None:
    [shot] = parse_script(f"SHOT 1: CU - 2s\n{line}").shots

    assert shot.dialogue == []
    assert shot.action == line


# --- free text and titles ----------------------------------------------------------------


def test_free_text_paragraphs_cycle_types_and_moves() -> None:
    script = "One.\n\nTwo.\nMAYA: Hello there.\n\n\nThree.\n   \nFour.\n\nFive.\n"

    plan = parse_script(script)

    assert plan.script_format == "free_text"
    [scene] = plan.scenes
    assert (scene.heading, scene.int_ext, scene.location, scene.time_of_day) == ("", "", "", "")
    assert [shot.shot_type for shot in scene.shots] == [
        ShotType.WIDE,
        ShotType.MEDIUM,
        ShotType.CLOSE_UP,
        ShotType.WIDE,
        ShotType.MEDIUM,
    ]
    assert [shot.camera_move for shot in scene.shots] == [
        CameraMove.STATIC,
        CameraMove.ZOOM_IN,
        CameraMove.PAN_RIGHT,
        CameraMove.DOLLY_IN,
        CameraMove.STATIC,
    ]
    assert [shot.line for shot in scene.shots] == [1, 3, 7, 9, 11]
    assert [shot.shot_id for shot in scene.shots] == ["01-01", "01-02", "01-03", "01-04", "01-05"]
    assert scene.shots[1].action == "Two."
    assert [(d.character, d.text, d.line) for d in scene.shots[1].dialogue] == [
        ("MAYA", "Hello there.", 4)
    ]


def test_title_line_names_the_film_and_is_not_content() -> None:
    plan = parse_script("\nTITLE: The Long Night \nA candle burns.")

    assert plan.title == "The Long Night"
    assert [shot.action for shot in plan.shots] == ["A candle burns."]


def test_title_argument_wins_over_title_line() -> None:
    plan = parse_script("Title: Draft\nSCENE 1: X\nA candle burns.", title="Final Cut")

    assert plan.title == "Final Cut"
    assert plan.shots[0].action == "A candle burns."


def test_title_line_only_counts_first() -> None:
    plan = parse_script("A candle burns.\nTITLE: not a title")

    assert plan.title == "Untitled"
    assert plan.shots[0].dialogue[0].character == "TITLE"


def test_line_endings_are_normalized() -> None:
    plan = parse_script(EXAMPLE.replace("\n", "\r\n"))
    assert plan == parse_script(EXAMPLE)

    plan = parse_script("SHOT 1: CU - 2s\rA cup.\r\rSHOT 2: Wide - 2s\rA table.")
    assert [(shot.line, shot.action) for shot in plan.shots] == [(1, "A cup."), (4, "A table.")]


def test_parse_is_deterministic() -> None:
    assert parse_script(EXAMPLE) == parse_script(EXAMPLE)


# --- errors ------------------------------------------------------------------------------


def test_unknown_word_is_a_warning_naming_line_column_and_nearest_term() -> None:
    plan = parse_script("TITLE: T\nSCENE 1: X\nSHOT 1: widee - 5s\nA cup.")

    [warning] = plan.warnings
    assert (warning.line, warning.column) == (3, 9)
    assert warning.message.startswith('unknown word "widee" in the shot heading')
    assert '(did you mean "wide"?)' in warning.message
    assert str(warning).startswith('line 3, column 9: unknown word "widee"')
    [shot] = plan.shots
    assert (shot.shot_type, shot.camera_move, shot.duration_s) == (
        ShotType.WIDE,
        CameraMove.STATIC,
        5.0,
    )


def test_unknown_words_keep_the_recognised_parts() -> None:
    plan = parse_script("SHOT 1: Wide shot, spin around - 5s\nA cup.")

    [warning] = plan.warnings
    assert (warning.line, warning.column) == (1, 20)
    assert 'unknown word "spin around"' in warning.message
    assert only_shot("SHOT 1: Wide shot, spin around - 5s\nA cup.") == (
        ShotType.WIDE,
        CameraMove.STATIC,
        5.0,
    )


def test_zero_duration_is_an_issue() -> None:
    [issue] = issues_of("SCENE 1: X\nSHOT 1: Close-up - 0s\nA cup.")

    assert str(issue) == "line 2, column 20: duration 0s is zero; expected 1 to 60 seconds"


def test_short_duration_is_out_of_range() -> None:
    [issue] = issues_of("SCENE 1: X\nSHOT 1: Close-up - 0.5s\nA cup.")

    assert str(issue) == (
        "line 2, column 20: duration 0.5s is out of range; expected 1 to 60 seconds"
    )


def test_too_long_duration() -> None:
    [issue] = issues_of("SHOT 1: CU - 61 seconds\nA cup.")

    assert issue.message == "duration 61 seconds is out of range; expected 1 to 60 seconds"


def test_second_size_is_a_warning_and_second_duration_an_issue() -> None:
    [issue] = issues_of("SHOT 1: Wide, close-up - 3s 4s\nA cup.")
    assert (issue.line, issue.column) == (1, 29)
    assert "a second duration" in issue.message

    plan = parse_script("SHOT 1: Wide, close-up - 3s\nA cup.")
    [warning] = plan.warnings
    assert (warning.line, warning.column) == (1, 15)
    assert warning.message.startswith('a second size "close-up" after "Wide"')
    assert plan.shots[0].shot_type is ShotType.WIDE


def test_control_character_position() -> None:
    nul, bell = issues_of("SHOT 1: CU - 2s\nA c\x00up.\nMore\x07")

    assert (nul.line, nul.column) == (2, 4)
    assert nul.message == (
        "control character U+0000 is not allowed; expected printable text, tabs and line breaks"
    )
    assert (bell.line, bell.column) == (3, 5)
    assert "U+0007" in bell.message


def test_tabs_are_allowed() -> None:
    assert parse_script("SHOT 1:\tCU\t-\t2s\n\tA cup.").shots[0].action == "A cup."


def test_lone_surrogate_is_an_issue_not_a_crash() -> None:
    [issue] = issues_of("A cup\ud800.")

    assert (issue.line, issue.column) == (1, 6)
    assert "U+D800" in issue.message


def test_too_long_line() -> None:
    limits = ScriptLimits(max_line_chars=50)

    [issue] = issues_of("SHOT 1: CU - 2s\n" + "x" * 51, limits=limits)

    assert (issue.line, issue.column) == (2, 51)
    assert issue.message == "line is 51 characters long; expected at most 50"


def test_empty_scene() -> None:
    [issue] = issues_of("SCENE 1: A\nSHOT 1: Wide - 2s\nx\n\nSCENE 2: INT. EMPTY - DAY\n\n")

    assert (issue.line, issue.column) == (5, 1)
    assert "scene 2 has no shots" in issue.message


def test_empty_dialogue_is_an_issue() -> None:
    [issue] = issues_of("SHOT 1: CU - 2s\nMAYA:")

    assert (issue.line, issue.column) == (2, 6)


def test_bad_scene_numbers() -> None:
    issues = issues_of("SCENE 0: A\nx\nSHOT one: CU\ny")

    assert [(i.line, i.column) for i in issues] == [(1, 7), (3, 6)]


def test_many_issues_are_reported_at_once_in_order() -> None:
    script = (
        "SCENE 1: INT. A - DAY\n"
        "SHOT 1: widee - 0s\n"
        "Text with a bell\x07.\n"
        "SCENE 2: EMPTY\n"
        "SCENE 3: B\n"
        "SHOT 2: Medium, zoomm in - 99s\n"
        "x\n"
    )

    with pytest.raises(ScriptError) as caught:
        parse_script(script, strict=True)  # strict: the unknown words are issues too
    error = caught.value

    assert [(i.line, i.column) for i in error.issues] == [
        (2, 9),
        (2, 17),
        (3, 17),
        (4, 1),
        (6, 17),
        (6, 23),  # "in" without a move, once "zoomm" is not one
        (6, 28),
    ]
    assert str(error).splitlines()[0].startswith('line 2, column 9: unknown word "widee"')
    assert len(str(error).splitlines()) == 7


def test_issue_count_is_capped() -> None:
    issues = issues_of("\x01" * 500, limits=ScriptLimits(max_issues=10))

    assert len(issues) == 11
    assert "more issues not shown" in issues[-1].message


def test_no_shots() -> None:
    for text in ("", "\n  \n", "TITLE: Only a title"):
        [issue] = issues_of(text)
        assert (issue.line, issue.column) == (1, 1)
        assert "no shots" in issue.message


def test_script_error_is_a_value_error_and_pickles() -> None:
    error = ScriptError([ScriptIssue(1, 2, "bad"), ScriptIssue(3, 4, "worse")])

    assert isinstance(error, ValueError)
    assert str(error) == "line 1, column 2: bad\nline 3, column 4: worse"
    copy = pickle.loads(pickle.dumps(error))
    assert copy.issues == error.issues
    assert str(copy) == str(error)


# --- limits ------------------------------------------------------------------------------


def test_script_size_limit_counts_utf8_bytes() -> None:
    limits = ScriptLimits(max_script_bytes=20)
    assert parse_script("ab\n" + "é" * 8, limits=limits).shots  # 3 + 16 bytes

    [issue] = issues_of("ab\n" + "é" * 9, limits=limits)  # 3 + 18 bytes

    assert (issue.line, issue.column) == (2, 9)
    assert "21 bytes" in issue.message


def test_default_size_limit() -> None:
    [issue] = issues_of(("x" * 99 + "\n") * 2001)

    assert "expected at most 200000 bytes" in issue.message
    assert issue.line == 2001


def test_scene_limit() -> None:
    script = "".join(f"SCENE {n}: S\nx\n" for n in range(1, 5))

    [issue] = issues_of(script, limits=ScriptLimits(max_scenes=3))

    assert (issue.line, issue.message) == (7, "too many scenes; expected at most 3")


def test_shot_limit_in_both_formats() -> None:
    limits = ScriptLimits(max_shots=2)

    [issue] = issues_of("SHOT 1: CU\na\nSHOT 2: CU\nb\nSHOT 3: CU\nc", limits=limits)
    assert (issue.line, issue.message) == (5, "too many shots; expected at most 2")

    [issue] = issues_of("a\n\nb\n\nc", limits=limits)
    assert (issue.line, issue.message) == (5, "too many shots; expected at most 2")


def test_estimated_duration_over_the_limit() -> None:
    [issue] = issues_of("SHOT 1: CU\n" + "MAYA: " + "la " * 200)

    assert (issue.line, issue.column) == (1, 1)
    assert "expected at most 60 seconds" in issue.message


def test_custom_duration_limits() -> None:
    limits = ScriptLimits(min_shot_s=3, max_shot_s=10)

    [shot] = parse_script("SHOT 1: CU\nA cup.", limits=limits).shots
    assert shot.duration_s == 3.0  # the estimate is raised to the minimum

    [issue] = issues_of("SHOT 1: CU - 2s\nA cup.", limits=limits)
    assert issue.message == "duration 2s is out of range; expected 3 to 10 seconds"


# --- robustness --------------------------------------------------------------------------

_FRAGMENTS = [
    "SCENE 1: INT. COFFEE SHOP - MORNING",
    "SCENE : ",
    "scene 0:",
    "SHOT 1: Wide shot, pan left - 5s",
    "SHOT 2: Close-up - 4s",
    "SHOT x: ecu, zoom in, 1m30s",
    "SHOT 3: widee - 0s",
    "SHOT 4: - 999999999999999999999999999999s",
    "MAYA: Two coffees, please.",
    "MAYA:",
    "АННА: Привет, мир",  # noqa: RUF001
    "李雷: 你好",
    "TITLE: A Film",
    "NOTE: the coffee",
    INJECTION,
    "Camera pans across the busy coffee shop.",
    "INT./EXT. CAR \u2014 DAY",
    "(V.O.):",
    ":",
    ": :",
    "-",
    "\u2013\u2014",
    "\ufeff",
    "\U0001f3ac\U0001f600",
    "\u202e\u2028\u2029",
    "5s 5 s 2.5s",
    "1" * 50,
]
_JUNK = "\x00\x07\x1b\x7f\x85\t \r\n\r\n:;,.-()[]|/\\%{}$\"'"


def _random_script(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(0, 30)):
        roll = rng.random()
        if roll < 0.6:
            parts.append(rng.choice(_FRAGMENTS))
        elif roll < 0.8:
            parts.append("".join(rng.choice(_JUNK) for _ in range(rng.randint(1, 6))))
        else:
            parts.append("".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 4))))
        parts.append(rng.choice(["\n", "\n", "\n\n", " ", "", "\r\n", "\r"]))
    return "".join(parts)


def test_random_inputs_parse_or_raise_script_error() -> None:
    rng = random.Random(20240601)
    small = ScriptLimits(max_scenes=3, max_shots=5, max_line_chars=80, max_script_bytes=2000)
    for _ in range(500):
        text = _random_script(rng)
        line_count = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        for limits in (ScriptLimits(), small):
            try:
                plan = parse_script(text, limits=limits)
            except ScriptError as error:
                assert error.issues
                for issue in error.issues:
                    assert 1 <= issue.line <= line_count, (text, issue)
                    assert issue.column >= 1, (text, issue)
            else:
                assert isinstance(plan, FilmPlan)
                assert plan.shots
                assert all(
                    limits.min_shot_s <= shot.duration_s <= limits.max_shot_s for shot in plan.shots
                )
