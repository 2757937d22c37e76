"""parse_script with Fountain: format choice and detection, errors, warnings, timing."""

from __future__ import annotations

import pytest

from screenplay.errors import ScriptError, ScriptIssue, ScriptWarning
from screenplay.limits import ScriptLimits
from screenplay.model import CameraMove, ShotType
from screenplay.parser import parse_script

SCENE = "INT. CAFE - DAY\n\nMaya waits.\n"


def issues_of(text: str, **options: object) -> list[ScriptIssue]:
    with pytest.raises(ScriptError) as caught:
        parse_script(text, **options)  # type: ignore[arg-type]
    return caught.value.issues


# --- choosing and detecting the format ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "detected"),
    [
        ("INT. CAFE - DAY\n\nMaya waits.", "fountain"),
        ("ext. park\nA dog runs.", "fountain"),
        ("EST. CITY - DUSK", "fountain"),
        ("INT./EXT. CAR - DAY", "fountain"),
        ("I/E CAR - DAY", "fountain"),
        (".FLASHBACK\n\nA memory.", "fountain"),
        ("Title: The Night\nAuthor: Me\n\nA candle burns.", "fountain"),
        ("A candle burns.\n\nMAYA\nHello.", "fountain"),
        ("A candle burns.\n\n@McCLANE\nHello.", "fountain"),
        ("MAYA (V.O.)\nI knew.", "fountain"),
        ("A candle burns.\nCUT TO:\nA street.", "fountain"),
        ("SCENE 1: INT. CAFE - DAY\nMAYA\nHello.", "scene_shot"),
        ("INT. CAFE - DAY\nSHOT 1: Wide - 3s\nA cup.", "scene_shot"),
        ("A candle burns.\n\nIt goes out.", "free_text"),
        ("MAYA: HELLO THERE\nBEN: Hi.", "free_text"),  # "NAME: words" is free-text dialogue
        ("THE END\n\nRoll credits.", "free_text"),  # caps, but nothing right below
        ("A candle burns.\nINT. CAFE - DAY", "free_text"),  # a heading needs a blank before
        ("...and then it rained.", "free_text"),
        ("Interior design matters.", "free_text"),
        ("TITLE: The Long Night\nA candle burns.", "free_text"),  # not a title page block
    ],
)
def test_detection(text: str, detected: str) -> None:
    assert parse_script(text).script_format == detected


@pytest.mark.parametrize("chosen", ["fountain", "scene_shot", "free_text"])
def test_format_can_be_chosen(chosen: str) -> None:
    plan = parse_script("SCENE 1: A room\n\nMAYA\nHello.", script_format=chosen)

    assert plan.script_format == chosen


def test_chosen_formats_read_the_same_text_differently() -> None:
    text = "INT. CAFE - DAY\n\nMAYA\nHello."

    fountain = parse_script(text, script_format="fountain")
    free = parse_script(text, script_format="free_text")

    assert [d.character for d in fountain.shots[-1].dialogue] == ["MAYA"]
    assert [shot.action for shot in free.shots] == ["INT. CAFE - DAY", "MAYA Hello."]


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="expected one of: auto, fountain, scene_shot"):
        parse_script(SCENE, script_format="final_draft")


# --- title -------------------------------------------------------------------------------


def test_title_page_with_indented_values() -> None:
    text = "Title:\n    **The** _Night_\n    Train\nAuthor: Me\nDraft date: today\n\n" + SCENE

    plan = parse_script(text)

    assert plan.title == "The Night Train"
    assert plan.scenes[0].line == 7


def test_title_line_without_a_title_page_still_names_the_film() -> None:
    plan = parse_script("Title: *Noir*\nINT. CAFE - DAY\n\nMaya waits.", script_format="fountain")

    assert plan.title == "Noir"
    assert plan.scenes[0].heading == "INT. CAFE - DAY"


def test_title_page_without_title_is_skipped_as_content() -> None:
    plan = parse_script("Author: Me\nContact: me@example.com\n\n" + SCENE, script_format="fountain")

    assert plan.title == "Untitled"
    assert [shot.action for shot in plan.shots] == ["Maya waits."]


# --- errors ------------------------------------------------------------------------------


def test_unterminated_boneyard_is_an_issue_at_its_opening() -> None:
    [issue] = issues_of(SCENE + "\nShe leaves. /* cut this\nand this\n")

    assert (issue.line, issue.column) == (5, 13)
    assert 'boneyard "/*" is never closed; expected "*/"' in issue.message


@pytest.mark.parametrize(
    ("text", "script_format"),
    [
        ("\n/*\n\nINT. CAFE - DAY\n\nMaya waits.\n*/\n[[only a note]]\n", "auto"),
        ("\n/*\nMaya waits.\n*/\n[[only a note]]\n", "fountain"),
    ],
)
def test_script_empty_once_boneyard_and_notes_are_removed(text: str, script_format: str) -> None:
    [issue] = issues_of(text, script_format=script_format)

    assert (issue.line, issue.column) == (2, 1)
    assert issue.message.startswith("the script has no shots once boneyard")


def test_title_page_alone_has_no_shots() -> None:
    [issue] = issues_of("Title: Only a title\nAuthor: Me")

    assert (issue.line, issue.column) == (1, 1)
    assert "no shots" in issue.message


def test_many_issues_at_once_with_original_line_numbers() -> None:
    text = "/* note\r\n*/\r\nINT. CAFE - DAY\r\n\r\nA bell\x07.\r\n\r\nEnd. /* open"

    issues = issues_of(text)

    assert [(i.line, i.column) for i in issues] == [(5, 7), (7, 6)]
    assert "U+0007" in issues[0].message


def test_fountain_scene_and_shot_limits() -> None:
    text = "".join(f"INT. ROOM {n} - DAY\n\nA chair.\n\n" for n in range(1, 5))

    [issue] = issues_of(text, limits=ScriptLimits(max_scenes=3))
    assert (issue.line, issue.message) == (13, "too many scenes; expected at most 3")

    [issue] = issues_of(text, limits=ScriptLimits(max_shots=2))
    assert (issue.line, issue.message) == (11, "too many shots; expected at most 2")


def test_a_sentence_longer_than_a_shot_is_an_issue() -> None:
    text = "INT. HALL - DAY\n\nMAYA\n" + " ".join(["la"] * 160) + "\n"

    [issue] = issues_of(text)

    assert (issue.line, issue.column) == (4, 1)
    assert "expected at most 60 seconds per shot" in issue.message


# --- warnings and the model --------------------------------------------------------------


def test_warnings_point_at_lines_and_are_sorted() -> None:
    text = "INT. HALL - DAY\n\nMONEY SHOT on the clock.\n\nDISSOLVE TO:\n\n~la la\n"

    plan = parse_script(text)

    assert [warning.line for warning in plan.warnings] == [3, 5, 7]
    assert all(isinstance(warning, ScriptWarning) for warning in plan.warnings)
    assert str(plan.warnings[1]).startswith('line 5: transition "DISSOLVE TO:"')


def test_unclosed_note_is_kept_as_text_with_a_warning() -> None:
    plan = parse_script("INT. HALL - DAY\n\nA clock [[ticks.\n\nA door opens.")

    assert plan.shots[0].action == "A clock [[ticks."
    assert [(w.line, w.message[:20]) for w in plan.warnings] == [(3, 'note "[[" is not clo')]


def test_warnings_are_capped() -> None:
    text = "INT. HALL - DAY\n\n" + "".join(f"~song {n}\n\n" for n in range(8))

    plan = parse_script(text, limits=ScriptLimits(max_issues=5))

    assert len(plan.warnings) == 6
    assert plan.warnings[-1].message == "3 more warnings not shown"


def test_new_model_fields_have_defaults() -> None:
    plan = parse_script("A candle burns.")

    [scene] = plan.scenes
    assert (scene.scene_number, scene.present, plan.warnings) == ("", [], [])
    assert plan.shots[0].extended_from_s is None


# --- speech rate and durations -----------------------------------------------------------


def test_speech_rate_sets_each_speakers_pace() -> None:
    words = "One two three four five six."
    text = f"INT. HALL - DAY\n\nMAYA\n{words}\n\nBEN\n{words}\n"
    asked: list[str] = []

    def rate(name: str) -> float:
        asked.append(name)
        return 1.0 if name == "MAYA" else 4.0

    plan = parse_script(text + "\nMAYA\nSeven.\n", speech_rate=rate)

    maya, ben, maya_again = plan.shots[1:]
    assert (maya.duration_s, ben.duration_s, maya_again.duration_s) == (6.5, 2.0, 2.0)
    assert asked == ["MAYA", "BEN"]  # once per character


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan"), float("inf")])
def test_speech_rate_must_be_positive(bad: float) -> None:
    with pytest.raises(ValueError, match="expected a positive number of words per second"):
        parse_script("INT. HALL - DAY\n\nMAYA\nHello.", speech_rate=lambda _: bad)


def test_scene_shot_duration_is_extended_to_fit_the_dialogue() -> None:
    text = "SCENE 1: X\nSHOT 1: Close-up - 2s\nMAYA: one two three four five six seven eight\n"

    plan = parse_script(text)

    [shot] = plan.shots
    assert (shot.duration_s, shot.extended_from_s) == (4.0, 2.0)  # 8 / 2.5 + 0.4 = 3.6 -> 4
    [warning] = plan.warnings
    assert warning.line == 2
    assert warning.message.startswith("shot duration extended from 2s to 4s so its dialogue fits")
    assert "8 words in 1 line take about 3.6s" in warning.message


def test_scene_shot_duration_that_cannot_fit_is_an_issue() -> None:
    [issue] = issues_of("SHOT 1: CU - 5s\nMAYA: " + "la " * 160)

    assert (issue.line, issue.column) == (1, 1)
    assert "expected at most 60 seconds" in issue.message


def test_scene_shot_written_duration_long_enough_is_kept() -> None:
    [shot] = parse_script("SHOT 1: CU - 10s\nMAYA: Hello there.").shots

    assert (shot.duration_s, shot.extended_from_s) == (10.0, None)


def test_scene_shot_scene_without_shot_lines_uses_the_film_grammar() -> None:
    text = (
        "SCENE 1: EXT. PARK - DAY\nMAYA (40s) walks in.\nMAYA: Hello.\nMAYA (V.O.): Again.\n"
        "BEN: Hi.\n\nCLOSE ON a bird.\nSCENE 2: INT. CAR - NIGHT\nSHOT 1: CU - 3s\nA hand.\n"
    )

    park, car = parse_script(text).scenes

    assert [(s.shot_type, s.camera_move) for s in park.shots] == [
        (ShotType.ESTABLISHING, CameraMove.PAN_RIGHT),
        (ShotType.OVER_THE_SHOULDER, CameraMove.STATIC),
        (ShotType.CLOSE_UP, CameraMove.ZOOM_IN),
        (ShotType.CLOSE_UP, CameraMove.ZOOM_IN),
    ]
    assert [(d.character, d.extension) for d in park.shots[1].dialogue] == [
        ("MAYA", ""),
        ("MAYA", "V.O."),
    ]
    assert park.present == ["MAYA", "BEN"]
    assert [(s.shot_type, s.duration_s) for s in car.shots] == [(ShotType.CLOSE_UP, 3.0)]


def test_free_text_scene_lists_who_is_present() -> None:
    [scene] = parse_script("LEO (8) runs in.\nMAYA: Slow down!").scenes

    assert scene.present == ["LEO", "MAYA"]
    assert scene.characters == ["MAYA"]


def test_parse_is_deterministic_and_line_endings_do_not_matter() -> None:
    text = "Title: T\n\nINT. A - DAY #3#\n\nMAYA\n(beat)\nHi.\n\nBEN ^\nHo.\n"

    assert parse_script(text) == parse_script(text)
    assert parse_script(text.replace("\n", "\r\n")) == parse_script(text)
