"""Pure workflow helpers: where lines sit in a shot, and what the progress bar says."""

from __future__ import annotations

from media.dialogue_timing import GAP_S, LEAD_IN_S, TAIL_S, line_budgets, line_starts
from screenplay.parser import parse_script
from workflows.film_types import ShotStatus, Stage
from workflows.tracker import FilmTracker

SCRIPT = """SCENE 1: INT. A - DAY
SHOT 1: Wide - 2s
One.
SHOT 2: Medium - 6s
Two.
ANA: A short line.
BEN: A much, much longer line than the first one.
SCENE 2: EXT. B - NIGHT
SHOT 1: Close-up - 4s
Three.
"""


def test_budgets_share_the_room_by_length_and_fit_the_shot() -> None:
    budgets = line_budgets(6.0, ["short", "a much longer line here"])
    assert budgets[1] > budgets[0]
    assert abs(sum(budgets) - (6.0 - LEAD_IN_S - TAIL_S - GAP_S)) < 0.01
    assert line_budgets(1.0, ["x", "y", "z"]) == [0.6, 0.6, 0.6]  # a floor, never zero
    assert line_budgets(5.0, []) == []


def test_lines_start_after_the_lead_in_and_never_overlap() -> None:
    starts = line_starts([1.2, 0.8, 2.0])
    assert starts == [
        LEAD_IN_S,
        round(LEAD_IN_S + 1.2 + GAP_S, 3),
        round(LEAD_IN_S + 2.0 + 2 * GAP_S, 3),
    ]


def test_progress_moves_with_the_work_and_weighs_screen_time() -> None:
    film = FilmTracker("job")
    assert film.percent() == 0 and film.progress().shots_total == 0
    film.planned(parse_script(SCRIPT))
    film.stage = Stage.RENDERING
    assert film.percent() == 5
    long_shot = film.shot("01-02")
    long_shot.picture_done = True
    after_picture = film.percent()
    long_shot.dialogue_done = True
    after_voices = film.percent()
    long_shot.clip_done, long_shot.status = True, ShotStatus.DONE
    after_clip = film.percent()
    assert 5 < after_picture < after_voices < after_clip
    assert after_clip == 5 + int(80 * 6 / 12)  # half the screen time rendered
    progress = film.progress()
    assert (progress.shots_done, progress.shots_total) == (1, 3)
    assert [(s.shots_done, s.shots_total) for s in progress.scenes] == [(1, 2), (0, 1)]
    for track in film.shots.values():
        track.picture_done = track.dialogue_done = track.clip_done = True
    film.score_done = True
    assert film.percent() == 86
    film.soundtrack_done = True
    assert film.percent() == 89
    film.stage = Stage.PUBLISHING
    assert film.percent() == 97
    film.stage = Stage.COMPLETED
    assert film.percent() == 100


def test_state_and_summary_carry_what_users_need() -> None:
    film = FilmTracker("job")
    film.planned(parse_script(SCRIPT))
    film.stage = Stage.RENDERING
    film.shot("01-01").attempts["render_shot"] = 2
    state = film.state()
    assert [scene.heading for scene in state.scenes] == ["INT. A - DAY", "EXT. B - NIGHT"]
    first = state.scenes[0].shots[0]
    assert (first.shot_id, first.status, first.attempts) == ("01-01", "pending", {"render_shot": 2})
    assert state.duration_s == 12.0
    assert film.summary().startswith("**Rendering** · 5%")
    assert "Shots: 0/3" in film.summary()


def test_state_shows_presence_settings_props_and_assumptions() -> None:
    film = FilmTracker("job")
    film.planned(
        parse_script(
            "SCENE 1: INT. KITCHEN - NIGHT\nSHOT 1: Wide\nANA pours from a bottle in the rain.\n"
            "RADIO: Storm warning.\nSCENE 2: INT. KITCHEN - LATER\nSHOT 1: Close-up\nANA: Hush.\n"
        )
    )

    kitchen, later = film.state().scenes
    assert (kitchen.setting, kitchen.present, kitchen.heard) == ("kitchen", ["ANA"], ["RADIO"])
    assert kitchen.atmosphere == ["rain"]
    [wide] = kitchen.shots
    assert (wide.present, wide.heard, wide.props, wide.atmosphere) == (
        ["ANA"], ["RADIO"], ["bottle"], ["rain"],
    )  # fmt: skip
    assert (later.time_of_day, later.present, later.shots[0].present) == ("NIGHT", ["ANA"], ["ANA"])
    [note] = film.state().assumptions
    assert (note.line, note.message) == (5, '"LATER"; kept NIGHT from scene 1')
