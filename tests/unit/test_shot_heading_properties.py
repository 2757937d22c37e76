"""Property tests for shot headings and camera cues: any heading yields a plan (with
warnings) or a ScriptError, never another exception, and every line and column any
issue or warning names points inside the script as written."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screenplay.errors import ScriptError
from screenplay.model import FilmPlan
from screenplay.parser import parse_script
from screenplay.vocabulary import FILLERS, TERMS

SPELLINGS = [spelling for term in TERMS for spelling in (term.name, *term.spellings)]
TRICKY = [
    "-", "- -5s", "-5s", "\u22123s", "0s", "0", "5", "2.5 sec", "1m30s", "1 min 30 sec",
    "4.5.2s", "4,5s", "1e3s", "five seconds", "seconds", "secs", "9" * 30 + "s", "61s",
    "Maya's", "MAYA'S POV", "p.o.v.", "bird\u2019s-eye", "2-shot", "(", ")", "[", "/", ",",
    ";", ":", ".", "\u2013", "\u2014", "'", "widee", "tow", "pam", "\t", "\x00", "\u00e9",
    "\u4f60\u597d", "shot", "SHOT", "slow", "left", "\u017ftatic", "trac\u212aing", "\u0130nsert",
    "t\u0131ght",
]  # fmt: skip

word = st.one_of(
    st.sampled_from(SPELLINGS),
    st.sampled_from(list(FILLERS)),
    st.sampled_from(TRICKY),
    st.text(alphabet=st.characters(exclude_characters="\n\r"), max_size=6),
)
heading = st.lists(
    st.tuples(word, st.sampled_from([" ", "", ", ", " - ", "-", "/"])), max_size=12
).map(lambda parts: "".join(w + sep for w, sep in parts))


def check_inside(text: str, strict: bool, script_format: str) -> FilmPlan | ScriptError:
    lines = text.split("\n")
    try:
        plan = parse_script(text, strict=strict, script_format=script_format)
    except ScriptError as error:
        assert error.issues
        for issue in error.issues:
            assert 1 <= issue.line <= len(lines), (text, issue)
            assert 1 <= issue.column <= len(lines[issue.line - 1]) + 1, (text, issue)
        return error
    for warning in plan.warnings:
        assert 1 <= warning.line <= len(lines), (text, warning)
        assert 0 <= warning.column <= len(lines[warning.line - 1]) + 1, (text, warning)
    if strict:
        assert not any("unknown word" in w.message for w in plan.warnings)
    for shot in plan.shots:
        assert 1 <= shot.duration_s <= 60
    return plan


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(heading, st.booleans())
def test_any_scene_shot_heading_plans_or_fails_with_located_issues(
    written: str, strict: bool
) -> None:
    text = f"SCENE 1: INT. HALL - DAY\nSHOT 1: {written}\nMAYA watches BEN.\nMAYA: Hi.\n"

    first = check_inside(text, strict, "scene_shot")
    again = check_inside(text, strict, "scene_shot")
    assert type(first) is type(again)
    if isinstance(first, FilmPlan):
        assert first == again
        [shot] = first.shots
        assert shot.line == 2


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(heading, st.booleans(), st.sampled_from(["", "  ", "\t"]))
def test_any_fountain_cue_plans_or_fails_with_located_issues(
    written: str, strict: bool, indent: str
) -> None:
    text = f"INT. HALL - DAY\n\n{indent}{written.upper()} the hall.\n\nMAYA\nHi.\n"

    check_inside(text, strict, "fountain")


@settings(max_examples=200, deadline=None)
@given(heading)
def test_strict_refuses_exactly_what_warns_about_vocabulary(written: str) -> None:
    text = f"SHOT 1: {written}\nA cup.\n"
    try:
        plan = parse_script(text, script_format="scene_shot")
    except ScriptError:
        return  # issues either way
    vocabulary = [w for w in plan.warnings if w.line == 1 and "characters but" not in w.message]
    try:
        parse_script(text, script_format="scene_shot", strict=True)
    except ScriptError as error:
        refused = {(i.line, i.column, i.message.removesuffix(" (strict)")) for i in error.issues}
        assert refused == {(w.line, w.column, w.message) for w in vocabulary}
        return
    assert vocabulary == []
