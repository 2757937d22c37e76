"""The OTIO cut: read back with OpenTimelineIO itself, so an editor sees what we meant."""

from __future__ import annotations

from typing import Any

import opentimelineio as otio  # type: ignore[import-untyped]
import pytest

from media.timeline import TimelineShot, build_timeline

FPS = 24


def _shot(number: int, duration_s: float, heading: str = "INT. CAFE — DAY") -> TimelineShot:
    return TimelineShot(
        shot_id=f"01-{number:02d}",
        name=f"1.{number} CLOSE UP — The barista smiles",
        clip_url=f"/films/f1/shots/01-{number:02d}/clip.mp4",
        dialogue_url=f"/films/f1/shots/01-{number:02d}/dialogue.wav",
        duration_s=duration_s,
        scene_heading=heading,
    )


SHOTS = [
    _shot(1, 2.5),
    _shot(2, 4.0),
    _shot(3, 3.0, "EXT. STREET — NIGHT"),
]


def _read(text: str) -> Any:
    return otio.adapters.read_from_string(text, "otio_json")


def _clips(track: Any) -> list[Any]:
    return list(track.find_clips())


def test_tracks_clips_and_ranges() -> None:
    timeline = _read(build_timeline("Coffee", SHOTS, FPS))
    assert timeline.name == "Coffee"
    assert [(t.name, t.kind) for t in timeline.tracks] == [
        ("Picture", otio.schema.TrackKind.Video),
        ("Dialogue", otio.schema.TrackKind.Audio),
    ]
    picture, dialogue = timeline.tracks
    assert len(_clips(picture)) == len(_clips(dialogue)) == len(SHOTS)
    for shot, frames, clip, stem in zip(
        SHOTS, [60, 96, 72], _clips(picture), _clips(dialogue), strict=True
    ):
        assert clip.name == shot.name
        assert clip.media_reference.target_url == shot.clip_url
        assert stem.media_reference.target_url == shot.dialogue_url
        for item in (clip, stem):
            assert item.source_range.start_time.value == 0
            assert item.duration() == otio.opentime.RationalTime(frames, FPS)
            assert item.available_range().duration.value == frames
            assert item.metadata["filmstudio"] == {
                "shot_id": shot.shot_id,
                "scene_heading": shot.scene_heading,
            }
    assert timeline.duration() == otio.opentime.RationalTime(60 + 96 + 72, FPS)


def test_fractional_duration_counts_frames() -> None:
    timeline = _read(build_timeline("Short", [_shot(1, 2.5)], FPS))
    (clip,) = _clips(timeline.tracks[0])
    assert clip.duration().value == 60
    assert clip.duration().rate == FPS


def test_scene_changes_are_markers() -> None:
    timeline = _read(build_timeline("Coffee", SHOTS, FPS))
    markers = [[m.name for m in clip.markers] for clip in _clips(timeline.tracks[0])]
    assert markers == [["INT. CAFE — DAY"], [], ["EXT. STREET — NIGHT"]]


def test_soundtrack_spans_the_film_and_film_url_is_kept() -> None:
    text = build_timeline(
        "Coffee", SHOTS, FPS, soundtrack_url="/films/f1/mix.wav", film_url="/films/f1/film.mp4"
    )
    timeline = _read(text)
    assert [t.name for t in timeline.tracks] == ["Picture", "Dialogue", "Mix"]
    mix = timeline.tracks[2]
    assert mix.kind == otio.schema.TrackKind.Audio
    (clip,) = _clips(mix)
    assert clip.media_reference.target_url == "/films/f1/mix.wav"
    assert clip.duration() == timeline.tracks[0].duration() == timeline.duration()
    assert timeline.metadata["filmstudio"]["film_url"] == "/films/f1/film.mp4"


def test_zero_shots_raise() -> None:
    with pytest.raises(ValueError):
        build_timeline("Empty", [], FPS)


def test_bad_duration_or_fps_raise() -> None:
    with pytest.raises(ValueError):
        build_timeline("Bad", [_shot(1, 0.0)], FPS)
    with pytest.raises(ValueError):
        build_timeline("Bad", [_shot(1, 1.0)], 0)


def test_non_latin_and_quotes_survive() -> None:
    title = "Кофе «утром» — \"咖啡\" 'n' \\ 😀"
    shot = TimelineShot(
        shot_id="01-01",
        name='1.1 CLOSE UP — Майя says "hi" 你好',
        clip_url='/films/фильм/clip "1".mp4',
        dialogue_url="/films/фильм/dialogue.wav",
        duration_s=1.0,
        scene_heading="INT. КАФЕ — ДЕНЬ",
    )
    timeline = _read(build_timeline(title, [shot], FPS))
    (clip,) = _clips(timeline.tracks[0])
    assert timeline.name == title
    assert clip.name == shot.name
    assert clip.media_reference.target_url == shot.clip_url
    assert clip.metadata["filmstudio"]["scene_heading"] == shot.scene_heading
    assert [m.name for m in clip.markers] == [shot.scene_heading]


def test_clip_metadata_names_the_shots_framing() -> None:
    framing = {
        "size": "two_shot",
        "angle": "low",
        "move": "push_in",
        "direction": "in",
        "speed": "slow",
    }
    shot = TimelineShot(
        shot_id="01-03",
        name="1.3 TWO SHOT",
        clip_url="/films/f1/shots/01-03/clip.mp4",
        dialogue_url="/films/f1/shots/01-03/dialogue.wav",
        duration_s=4.0,
        scene_heading="INT. CAFE — DAY",
        framing=framing,
    )
    timeline = _read(build_timeline("Coffee", [shot], FPS))
    picture, dialogue = (_clips(track)[0] for track in timeline.tracks)
    for clip in (picture, dialogue):
        assert dict(clip.metadata["filmstudio"]) == {
            "shot_id": "01-03",
            "scene_heading": "INT. CAFE — DAY",
            **framing,
        }
