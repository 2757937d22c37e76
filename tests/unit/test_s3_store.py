"""The object-store artifact store against a real S3 server (SeaweedFS): write then
commit, retries that overwrite the same key, another machine reading through its own
scratch copy, and a scratch copy refreshed when the object changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import Settings
from devstack.seaweedfs import SeaweedServer
from storage.artifacts import InvalidKeyError
from storage.s3 import S3ArtifactStore, S3Location, StoreConfigError
from storage.store import objects, open_store
from tests.conftest import s3_overrides


def _host(seaweed: SeaweedServer, base: dict[str, object], scratch: Path) -> S3ArtifactStore:
    """One machine's store: the shared bucket, its own scratch folder."""
    store = open_store(Settings(**{**base, "scratch_root": scratch}))  # type: ignore[arg-type]
    assert isinstance(store, S3ArtifactStore)
    return store


@pytest.fixture
def hosts(seaweed: SeaweedServer, tmp_path: Path) -> tuple[S3ArtifactStore, S3ArtifactStore]:
    base = s3_overrides(seaweed, tmp_path)
    return _host(seaweed, base, tmp_path / "a"), _host(seaweed, base, tmp_path / "b")


def test_written_on_one_machine_read_on_another(
    hosts: tuple[S3ArtifactStore, S3ArtifactStore], seaweed: SeaweedServer
) -> None:
    a, b = hosts
    key = "jobs/j1/shots/01-01/clip.mp4"
    assert not a.exists(key) and not b.path(key).exists()
    with a.writing(key) as temp:
        temp.write_bytes(b"\x00\x00\x00\x18ftypisom" + bytes(range(256)) * 40)
        assert not b.exists(key)  # nothing is visible before the block ends
    assert b.exists(key)
    copy = b.path(key)
    assert copy.is_relative_to(b.root) and copy.read_bytes() == a.path(key).read_bytes()
    head = seaweed.client().head_object(
        Bucket=a.location.bucket, Key=f"filmstudio/{key}"
    )  # the object sits under the URL's prefix, typed for players
    assert head["ContentLength"] == 12 + 256 * 40 and head["ContentType"] == "video/mp4"
    remote = objects(b)
    assert remote is not None
    assert b"".join(remote.read(key, 4, 11)) == b"ftypisom"


def test_a_failed_write_leaves_nothing_and_a_retry_overwrites(
    hosts: tuple[S3ArtifactStore, S3ArtifactStore],
) -> None:
    a, b = hosts
    key = "jobs/j2/score.wav"
    with pytest.raises(RuntimeError), a.writing(key) as temp:
        temp.write_bytes(b"half a file")
        raise RuntimeError("ffmpeg died")
    assert not a.exists(key) and not list(a.root.rglob("*.partial*"))
    for attempt in (b"attempt 1", b"attempt 2"):  # a retried activity: same key, same work
        with a.writing(key) as temp:
            temp.write_bytes(attempt)
    listed = a.client.list_objects_v2(Bucket=a.location.bucket, Prefix="filmstudio/jobs/j2/")
    assert [item["Key"] for item in listed["Contents"]] == ["filmstudio/jobs/j2/score.wav"]
    assert b.path(key).read_bytes() == b"attempt 2"


def test_a_scratch_copy_is_refreshed_when_the_object_changes(
    hosts: tuple[S3ArtifactStore, S3ArtifactStore],
) -> None:
    a, b = hosts
    key = "jobs/j3/film.mp4"
    with a.writing(key) as temp:
        temp.write_bytes(b"revision 1")
    assert b.path(key).read_bytes() == b"revision 1"
    with a.writing(key) as temp:
        temp.write_bytes(b"revision 2, longer")
    assert b.path(key).read_bytes() == b"revision 2, longer"
    b.path(key).unlink()  # the scratch folder deleted: fetched again
    assert b.path(key).read_bytes() == b"revision 2, longer"


def test_keys_are_checked_and_bad_urls_refused(
    hosts: tuple[S3ArtifactStore, S3ArtifactStore], seaweed: SeaweedServer, tmp_path: Path
) -> None:
    a, _ = hosts
    for key in ("jobs/../etc/passwd", "other/x", "jobs/j/../../x"):
        with pytest.raises(InvalidKeyError):
            a.exists(key)
    with pytest.raises(StoreConfigError, match="s3://bucket/prefix"):
        S3Location.parse("https://bucket/prefix")
    missing = {**s3_overrides(seaweed, tmp_path), "artifact_url": "s3://no-such-bucket/x"}
    with pytest.raises(StoreConfigError, match="no-such-bucket"):
        open_store(Settings(**missing))  # type: ignore[arg-type]


def test_the_scratch_copy_stays_under_its_limit_and_refetches_what_it_dropped(
    seaweed: SeaweedServer, tmp_path: Path
) -> None:
    base = {**s3_overrides(seaweed, tmp_path), "scratch_max_bytes": 2500}
    worker = _host(seaweed, base, tmp_path / "worker")
    worker.cache.grace_s = worker.cache.interval_s = 0  # every write and read may trim
    keys = [f"jobs/j4/shots/01-0{n}/clip.mp4" for n in range(1, 6)]
    for n, key in enumerate(keys):
        with worker.writing(key) as temp:
            temp.write_bytes(bytes([n]) * 1000)
        held = sum(p.stat().st_size for p in worker.root.rglob("*") if p.is_file())
        assert held <= 2500  # five 1000-byte clips written, never more than two kept
    kept = [key for key in keys if (worker.root / key).exists()]
    assert kept and keys[0] not in kept  # the one used longest ago went first
    assert worker.path(keys[0]).read_bytes() == bytes([0]) * 1000  # fetched again
    listed = worker.client.list_objects_v2(
        Bucket=worker.location.bucket, Prefix="filmstudio/jobs/j4/"
    )
    assert len(listed["Contents"]) == 5  # the bucket, the truth, lost nothing
