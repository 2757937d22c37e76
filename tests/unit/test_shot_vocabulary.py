"""The shot vocabulary: one table read by headings and cues, shown in the README; truthful
durations; unknown words as warnings with line, column and the nearest term; strict mode;
notes on two, three and group shots with too few characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from screenplay.camera_cues import read_camera_cue
from screenplay.errors import ScriptError, ScriptIssue
from screenplay.model import CameraAngle, Move, MoveDirection, MoveSpeed, ShotType
from screenplay.parser import parse_script
from screenplay.vocabulary import MOVE_DIRECTIONS, TERMS, Term
from screenplay.vocabulary_doc import END, START, vocabulary_markdown

README = Path(__file__).resolve().parents[2] / "README.md"
PARTS = [(term, spelling) for term in TERMS for spelling in (term.name, *term.spellings)]


def issues_of(text: str, strict: bool = False) -> list[ScriptIssue]:
    with pytest.raises(ScriptError) as caught:
        parse_script(text, strict=strict)
    return caught.value.issues


def _heading_for(term: Term, spelling: str) -> str:
    if term.direction is not None and term.move is None:
        move = next(m for m, ds in MOVE_DIRECTIONS.items() if term.direction in ds)
        return f"{move.value.replace('_', ' ')} {spelling}"
    if term.speed is not None:
        return f"{spelling} pan"
    return spelling


def test_readme_holds_the_table_made_from_the_code() -> None:
    text = README.read_text(encoding="utf-8")
    start, end = text.index(START), text.index(END) + len(END)

    assert text[start:end] + "\n" == vocabulary_markdown(), (
        "README's shot vocabulary differs from screenplay/vocabulary.py; "
        "paste `python -m screenplay.vocabulary_doc` between its markers"
    )


@pytest.mark.parametrize(("term", "spelling"), PARTS, ids=[s for _, s in PARTS])
def test_every_spelling_in_a_heading_sets_its_part_and_never_warns(
    term: Term, spelling: str
) -> None:
    for written in (spelling, spelling.upper(), spelling.replace(" ", "-")):
        heading = _heading_for(term, written)
        plan = parse_script(f"SHOT 1: {heading} - 3s\nA cup.\nMAYA: Hi.\nBEN: Hi.\nLEO: Hi.")
        [shot] = plan.shots

        assert plan.warnings == [], written
        assert term.size in (None, shot.shot_type)
        assert term.angle in (None, shot.angle)
        assert term.move in (None, shot.move)
        assert term.direction in (None, shot.direction)
        assert term.speed in (None, shot.speed)


@pytest.mark.parametrize(("term", "spelling"), PARTS, ids=[s for _, s in PARTS])
def test_every_spelling_in_caps_is_a_camera_cue(term: Term, spelling: str) -> None:
    cue = read_camera_cue(f"{_heading_for(term, spelling).upper()} - the door.")
    framing = cue.framing

    assert cue.warning == ""
    assert term.size in (None, framing.size)
    assert term.angle in (None, framing.angle)
    assert term.move in (None, framing.move)
    assert term.direction in (None, framing.direction)
    assert term.speed in (None, framing.speed)


def test_parts_combine_in_any_order() -> None:
    for heading in (
        "Low angle two shot, slow push in - 4s",
        "slow push in / two-shot (low angle) 4s",
        "4 seconds: PUSH IN SLOWLY, LOW, 2-SHOT",
    ):
        [shot] = parse_script(f"SCENE 1: X\nSHOT 3: {heading}\nMAYA and BEN.\nMAYA: Hi.\n").shots
        assert (shot.shot_type, shot.angle, shot.move, shot.direction, shot.speed) == (
            ShotType.TWO_SHOT,
            CameraAngle.LOW,
            Move.PUSH_IN,
            MoveDirection.IN,
            MoveSpeed.SLOW,
        ), heading
        assert shot.duration_s == 4.0


# --- truthful numbers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "column", "message"),
    [
        ("Wide - -5s", 16, "duration -5s is negative; expected a positive number of seconds"),
        ("Wide -5s", 14, "duration -5s is negative"),
        ("Wide - \u22123s", 16, "duration \u22123s is negative"),
        ("Wide - 0s", 16, "duration 0s is zero; expected 1 to 60 seconds"),
        ("Wide - 0", 16, "duration 0 is zero"),
        ("Wide - five seconds", 16, 'duration "five seconds" is not a number; expected a'),
        ("Wide - 4.5.2s", 16, 'duration "4.5.2s" is not a number'),
        ("Wide - 1e3s", 16, 'duration "1e3s" is not a number'),
        ("Wide - 0.5s", 16, "duration 0.5s is out of range; expected 1 to 60 seconds"),
        ("Wide - 1m30s", 16, "duration 1m30s is out of range; expected 1 to 60 seconds"),
        ("Wide - 9" + "9" * 400 + "s", 16, "is out of range"),
    ],
)
def test_bad_durations_are_issues_at_their_column(heading: str, column: int, message: str) -> None:
    [issue] = issues_of(f"SHOT 1: {heading}\nA cup.")

    assert (issue.line, issue.column) == (1, column)
    assert message in issue.message


def test_a_hyphen_joined_to_a_word_is_no_sign() -> None:
    [shot] = parse_script("SHOT 1: Wide-5s\nA cup.").shots

    assert (shot.shot_type, shot.duration_s) == (ShotType.WIDE, 5.0)


def test_all_duration_errors_come_back_at_once() -> None:
    script = "SCENE 1: X\nSHOT 1: CU - -5s\nA.\nSHOT 2: Wide - 0s\nB.\nSHOT 3: ECU - ten secs\nC.\n"

    assert [(i.line, i.column) for i in issues_of(script)] == [(2, 14), (4, 16), (6, 15)]


# --- warnings ----------------------------------------------------------------------------


def test_unknown_word_suggests_the_nearest_term_and_keeps_the_rest() -> None:
    plan = parse_script("SCENE 1: X\nSHOT 1: Low angle tow shot, whip pam left - 4s\nA cup.\n")

    assert [(w.line, w.column) for w in plan.warnings] == [(2, 19), (2, 34)]
    tow, pam = plan.warnings
    assert tow.message == (
        'unknown word "tow" in the shot heading (did you mean "two shot"?); expected a '
        "size, angle, move or duration (see the README's shot vocabulary); ignored"
    )
    assert '"pam"' in pam.message and '(did you mean "pan"?)' in pam.message
    [shot] = plan.shots
    assert (shot.shot_type, shot.angle, shot.move, shot.direction, shot.duration_s) == (
        ShotType.WIDE,
        CameraAngle.LOW,
        Move.WHIP_PAN,  # "whip" alone is a whip pan, and "left" is its direction
        MoveDirection.LEFT,
        4.0,
    )


def test_a_direction_without_a_move_is_a_warning() -> None:
    plan = parse_script("SHOT 1: Close-up, left - 3s\nA cup.")

    [warning] = plan.warnings
    assert (warning.line, warning.column) == (1, 19)
    assert warning.message.startswith('direction "left" without a camera move')
    assert (plan.shots[0].move, plan.shots[0].direction) == (Move.STATIC, MoveDirection.NONE)


def test_a_direction_the_move_cannot_take_keeps_the_default() -> None:
    plan = parse_script("SHOT 1: Pan up - 3s\nA cup.")

    [warning] = plan.warnings
    assert (warning.line, warning.column) == (1, 13)
    assert (
        warning.message
        == 'direction "up" does not go with "Pan"; expected right or left; using right'
    )
    assert (plan.shots[0].move, plan.shots[0].direction) == (Move.PAN, MoveDirection.RIGHT)


def test_a_second_move_is_a_warning_and_the_first_stays() -> None:
    plan = parse_script("SHOT 1: Handheld, tracking - 3s\nA cup.")

    [warning] = plan.warnings
    assert (warning.column, plan.shots[0].move) == (19, Move.HANDHELD)
    assert 'a second move "tracking" after "Handheld"' in warning.message


def test_a_fountain_cue_warning_names_its_column() -> None:
    plan = parse_script("INT. HALL - DAY\n\n  PAN UP to the sky.\n\n    MONEY SHOT of it.\n")

    assert [(w.line, w.column) for w in plan.warnings] == [(3, 7), (5, 5)]
    assert 'did you mean "MONEY'.lower() not in plan.warnings[1].message.lower()


def test_strict_makes_vocabulary_warnings_issues() -> None:
    script = "SHOT 1: Wide shot, spin around - 5s\nA cup.\nSHOT 2: Pan up - 3s\nA mug."

    assert parse_script(script).warnings
    issues = issues_of(script, strict=True)
    assert [(i.line, i.column) for i in issues] == [(1, 20), (3, 13)]
    assert all(i.message.endswith("(strict)") for i in issues)


def test_strict_keeps_standard_terms_and_other_warnings() -> None:
    script = "SHOT 1: Dutch tilt MCU, whip pan left - 1s\nMAYA: A few words here to say."

    plan = parse_script(script, strict=True)
    assert [w.message.split()[0:3] for w in plan.warnings] == [["shot", "duration", "extended"]]


def test_strict_in_fountain_refuses_unknown_cues() -> None:
    [issue] = issues_of("INT. HALL - DAY\n\nMONEY SHOT of the sky.\n", strict=True)

    assert (issue.line, issue.column) == (3, 1)


# --- framing notes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "speakers", "noted"),
    [
        ("Two shot", ["MAYA"], True),
        ("Two shot", ["MAYA", "BEN"], False),
        ("Three shot", ["MAYA", "BEN"], True),
        ("Three shot", ["MAYA", "BEN", "LEO"], False),
        ("Group shot", ["MAYA"], True),
        ("Group shot", ["MAYA", "BEN", "LEO"], False),
        ("Wide", [], False),
    ],
)
def test_sizes_framing_more_characters_than_present_are_noted(
    size: str, speakers: list[str], noted: bool
) -> None:
    lines = "".join(f"{name}: Hi.\n" for name in speakers)
    plan = parse_script(
        f"SCENE 1: INT. HALL - DAY\nSHOT 1: Low angle {size} - 4s\nA hall.\n{lines}"
    )

    notes = [w for w in plan.warnings if "characters but" in w.message]
    assert [(w.line, w.column) for w in notes] == ([(2, 19)] if noted else [])
    assert plan.shots[0].shot_type is not ShotType.WIDE or size == "Wide"


def test_an_empty_scene_two_shot_note_says_nobody_is_there() -> None:
    plan = parse_script("INT. HALL - DAY\n\nTWO SHOT - the empty hall.\n")

    [note] = plan.warnings
    assert (note.line, note.column) == (3, 1)
    assert note.message == (
        "a two shot frames 2 characters but 0 are in the scene; the picture shows the setting"
    )


def test_the_word_before_a_unit_is_its_number_and_earlier_words_stay_words() -> None:
    issues = issues_of("SHOT 1: Wide zap ten seconds\nA cup.", strict=True)

    assert [(i.column, i.message.split(" ")[0:2]) for i in issues] == [
        (14, ["unknown", "word"]),
        (18, ["duration", '"ten']),
    ]


def test_a_second_duration_is_one_issue_whatever_its_sign() -> None:
    [issue] = issues_of("SHOT 1: Wide - 5s - -3s\nA cup.")

    assert (issue.column, issue.message) == (
        21,
        'a second duration "-3s"; expected one duration per shot',
    )


def test_the_readme_shot_list_example_parses_as_it_says() -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split("**SCENE/SHOT**, when you direct", 1)[1].split("```", 2)[1]

    plan = parse_script(block.strip("\n"))

    assert plan.warnings == []
    assert [
        (s.shot_type.value, s.angle.value, s.move.value, s.direction.value, s.speed.value)
        for s in plan.shots
    ] == [
        ("wide", "eye_level", "pan", "left", ""),
        ("two_shot", "low", "push_in", "in", "slow"),
        ("wide", "overhead", "crane", "up", ""),
        ("medium_close_up", "dutch", "handheld", "", ""),
    ]
    assert [s.duration_s for s in plan.shots] == [5.0, 4.0, 6.0, 3.0]


@pytest.mark.parametrize(
    ("written", "size", "move"),
    [
        ("\u017ftatic", ShotType.WIDE, Move.STATIC),
        ("trac\u212aing", ShotType.WIDE, Move.TRACKING),
        ("\u0130nsert", ShotType.INSERT, Move.STATIC),
        ("t\u0131ght", ShotType.CLOSE_UP, Move.STATIC),
    ],
)
def test_letters_the_matcher_takes_for_ascii_ones_read_as_those(
    written: str, size: ShotType, move: Move
) -> None:
    plan = parse_script(f"SHOT 1: {written} - 3s\nA.")

    assert plan.warnings == []
    assert (plan.shots[0].shot_type, plan.shots[0].move) == (size, move)
    assert read_camera_cue(f"{written.upper()} - a door.").framing.size in (None, size)


def test_a_heading_may_name_who_the_shot_is_on() -> None:
    script = (
        "SCENE 1: INT. LAB - NIGHT\nSHOT 1: CU on Maya - 3s\nA.\nMAYA: Hi.\n"
        "SHOT 2: OTS Dr. Elena Voss - 3s\nDR. ELENA VOSS: Well.\nSHOT 3: CU on Mayya - 3s\nB.\n"
    )

    plan = parse_script(script)

    assert [(w.line, w.column, w.message[:20]) for w in plan.warnings] == [
        (7, 15, 'unknown word "Mayya"')
    ]
    assert [s.shot_type for s in plan.shots] == [
        ShotType.CLOSE_UP,
        ShotType.OVER_THE_SHOULDER,
        ShotType.CLOSE_UP,
    ]
