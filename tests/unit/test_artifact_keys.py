"""The artifact key layout (storage/keys.py): every revision and take has its own keys."""

from __future__ import annotations

import pytest

from storage import keys
from storage.artifacts import InvalidKeyError


def test_revisions_and_takes_never_share_a_key() -> None:
    assert keys.film_key("j1", 1, keys.FILM) == "jobs/j1/r1/film.mp4"
    assert keys.film_key("j1", 2, keys.POSTER) == "jobs/j1/r2/poster.jpg"
    assert keys.film_key("j1", keys.LEGACY_REVISION, keys.FILM) == "jobs/j1/film.mp4"
    assert keys.shot_key("j1", "01-02", 1, "clip.mp4") == "jobs/j1/shots/01-02/take-1/clip.mp4"
    assert keys.shot_key("j1", "01-02", 3, keys.line_name(2)) == (
        "jobs/j1/shots/01-02/take-3/line-02.wav"
    )
    assert keys.beside("jobs/j1/r4/film.mp4", keys.VTT) == "jobs/j1/r4/film.vtt"
    assert keys.score_key("j1") == "jobs/j1/score.wav"
    assert keys.work_key("j1", "compose-2") == "jobs/j1/work/compose-2"
    made = {keys.film_key("j1", r, name) for r in (1, 2, 3) for name in keys.FILM_FILES}
    assert len(made) == 3 * len(keys.FILM_FILES)


@pytest.mark.parametrize("shot_id", ["../x", "a/b", ""])
def test_keys_refuse_names_the_system_did_not_build(shot_id: str) -> None:
    with pytest.raises(InvalidKeyError):
        keys.shot_key("j1", shot_id, 1, "clip.mp4")
