"""The artifact store: keys the system built, files that appear whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.artifacts import ArtifactStore, InvalidKeyError, job_key


def test_writing_renames_into_place_only_on_success(tmp_path: Path) -> None:
    store = ArtifactStore(tmp_path)
    key = job_key("job1", "shots", "01-01", "clip.mp4")
    with store.writing(key) as temp:
        assert temp != store.path(key) and temp.parent == store.path(key).parent
        temp.write_bytes(b"frames")
        assert not store.exists(key)  # readers never see a half-written file
    assert store.path(key).read_bytes() == b"frames"

    failed = job_key("job1", "shots", "01-02", "clip.mp4")
    with pytest.raises(RuntimeError), store.writing(failed) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("ffmpeg died")
    assert not store.path(failed).exists()
    assert list(store.path(failed).parent.iterdir()) == []  # no partial file left behind


@pytest.mark.parametrize(
    "key", ["jobs/../etc/passwd", "/etc/passwd", "jobs/job1/../../x", "other/job1/a", "jobs/j b/a"]
)
def test_keys_cannot_escape_the_root(tmp_path: Path, key: str) -> None:
    with pytest.raises(InvalidKeyError):
        ArtifactStore(tmp_path).path(key)


def test_job_ids_are_checked() -> None:
    assert job_key("abc_1-2", "film.mp4") == "jobs/abc_1-2/film.mp4"
    for bad in ("", "-x", "a/b", "x" * 65, "é"):
        with pytest.raises(InvalidKeyError):
            job_key(bad, "film.mp4")
