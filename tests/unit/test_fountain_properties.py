"""Property tests: any text parses to a FilmPlan or fails with a ScriptError, and only so.

Every issue and warning points at a line of the input, and the same text always gives
the same result.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screenplay.errors import ScriptError
from screenplay.limits import ScriptLimits
from screenplay.model import FilmPlan
from screenplay.parser import parse_script

FORMATS = ("auto", "fountain", "scene_shot", "free_text")
SMALL = ScriptLimits(max_scenes=5, max_shots=12, max_line_chars=120, max_script_bytes=4000)

FRAGMENTS = [
    "Title: A Film",
    "Title:",
    "    _**Indented Title**_",
    "Credit: Written by",
    "Author: Someone",
    "Draft date: 1/1/2030",
    "Contact:",
    "INT. KITCHEN - NIGHT",
    "EXT. PARK - DAY #12#",
    "EST. CITY SKYLINE - DUSK",
    "INT./EXT. CAR - MOVING",
    "I/E TRAIN - DAY #1A#",
    "int. lower case - day",
    ".FORCED HEADING",
    "...ellipsis action",
    "MAYA",
    "MAYA (V.O.)",
    "BEN (O.S.)",
    "MAYA (CONT'D)",
    "BEN ^",
    "@McCLANE",
    "@李雷",
    "(beat)",
    "(",
    ")",
    "Two coffees, please.",
    "Maya pours coffee. MAYA (30s) is tired.",
    "CLOSE ON the ring.",
    "PAN LEFT across the valley.",
    "PAN UP to the sky.",
    "LOW ANGLE on the tower.",
    "ZOOM OUT",
    "~La la la, the song goes on",
    "~",
    "CUT TO:",
    "> FADE OUT.",
    ">THE END<",
    "><",
    ">",
    "===",
    "# Act One",
    "## Sequence",
    "= A synopsis.",
    "=",
    "[[a note]]",
    "[[a note that",
    "goes on]]",
    "]]",
    "/* boneyard",
    "INT. BONEYARD SCENE - DAY",
    "*/",
    "/**/",
    "*italic* **bold** ***both*** _under_ \\*escaped\\*",
    "!FORCED ACTION",
    "!",
    "@",
    "^",
    "#",
    "  ",
    "\t",
    "SCENE 1: INT. CAFE - DAY",
    "SHOT 1: Wide shot, pan left - 5s",
    "SHOT 2: widee - 0s",
    "TITLE: The Long Night",
    "MAYA: Two coffees, please.",
    "АННА",  # noqa: RUF001
    "Привет, мир.",
    "你好" * 20,
    "la " * 100,
    "word. " * 60,
    "\x00",
    "\ufeff",
    "\ud800",
]

fountain_text = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(["\n", "\n\n", "\r\n", " ", ""])),
    max_size=40,
).map(lambda parts: "".join(fragment + end for fragment, end in parts))

any_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("\n\n\n  */[]#=~>.<!@^()_:ITNEX")),
    ),
    max_size=300,
)


def line_count(text: str) -> int:
    return text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


def check(text: str, script_format: str, limits: ScriptLimits) -> FilmPlan | ScriptError:
    lines = line_count(text)
    try:
        plan = parse_script(text, limits=limits, script_format=script_format)
    except ScriptError as error:
        assert error.issues
        for issue in error.issues:
            assert 1 <= issue.line <= lines, (text, issue)
            assert issue.column >= 1, (text, issue)
        return error
    assert isinstance(plan, FilmPlan)
    assert plan.shots
    assert plan.script_format in ("fountain", "scene_shot", "free_text")
    for warning in plan.warnings:
        assert 1 <= warning.line <= lines, (text, warning)
    for scene in plan.scenes:
        assert scene.shots, (text, scene)
        assert 1 <= scene.line <= lines, (text, scene)
    for shot in plan.shots:
        assert 1 <= shot.line <= lines, (text, shot)
        assert all(1 <= spoken.line <= lines for spoken in shot.dialogue), (text, shot)
        assert limits.min_shot_s <= shot.duration_s <= limits.max_shot_s
        assert shot.duration_s * 2 == int(shot.duration_s * 2)  # half seconds
    return plan


def outcome(result: FilmPlan | ScriptError) -> object:
    return result.issues if isinstance(result, ScriptError) else result


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, script_format=st.sampled_from(FORMATS))
def test_arbitrary_text_parses_or_raises_script_error(text: str, script_format: str) -> None:
    first = check(text, script_format, SMALL)
    assert outcome(first) == outcome(check(text, script_format, SMALL))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=fountain_text, script_format=st.sampled_from(FORMATS))
def test_fountain_fragments_parse_or_raise_script_error(text: str, script_format: str) -> None:
    first = check(text, script_format, ScriptLimits())
    assert outcome(first) == outcome(check(text, script_format, ScriptLimits()))
    check(text, script_format, SMALL)
