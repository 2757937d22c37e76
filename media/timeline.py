"""The film's cut as an OpenTimelineIO timeline, so an editor can open and re-cut it.

opentimelineio ships no type stubs: every untyped call stays in this module, behind typed
helpers, and only JSON text leaves it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import opentimelineio as otio  # type: ignore[import-untyped]

PICTURE_TRACK = "Picture"
DIALOGUE_TRACK = "Dialogue"
MIX_TRACK = "Mix"
METADATA_KEY = "filmstudio"


@dataclass(frozen=True)
class TimelineShot:
    shot_id: str  # "01-02"
    name: str  # "1.2 CLOSE UP — The barista smiles"
    clip_url: str  # the shot's picture clip (URL or absolute path)
    dialogue_url: str  # the shot's dialogue stem WAV
    duration_s: float
    scene_heading: str
    # The shot's size, angle, move, direction and speed, as clip metadata for editors.
    framing: dict[str, str] = field(default_factory=dict)


def shot_frames(duration_s: float, fps: int) -> int:
    # As RenderProfile.frames_for: a rendered clip is never shorter than one frame.
    return max(1, round(duration_s * fps))


def _frames_range(frames: int, fps: int) -> Any:
    return otio.opentime.TimeRange(
        start_time=otio.opentime.RationalTime(0, fps),
        duration=otio.opentime.RationalTime(frames, fps),
    )


def _clip(name: str, url: str, frames: int, fps: int, metadata: dict[str, str]) -> Any:
    reference = otio.schema.ExternalReference(
        target_url=url, available_range=_frames_range(frames, fps)
    )
    return otio.schema.Clip(
        name=name,
        media_reference=reference,
        source_range=_frames_range(frames, fps),
        metadata={METADATA_KEY: metadata},
    )


def _scene_marker(heading: str, fps: int) -> Any:
    # A zero-length marker on the first frame of a scene's first shot.
    return otio.schema.Marker(
        name=heading,
        marked_range=_frames_range(0, fps),
        color=otio.schema.MarkerColor.GREEN,
    )


def _track(name: str, kind: Any, clips: list[Any]) -> Any:
    track = otio.schema.Track(name=name, kind=kind)
    track.extend(clips)
    return track


def _check(shots: list[TimelineShot], fps: int) -> None:
    if not shots:
        raise ValueError("a timeline needs at least one shot")
    if fps <= 0:
        raise ValueError(f"fps must be positive, got {fps}")
    for shot in shots:
        if not shot.duration_s > 0:
            raise ValueError(f"shot {shot.shot_id} has duration {shot.duration_s}s")


def build_timeline(
    title: str,
    shots: list[TimelineShot],
    fps: int,
    soundtrack_url: str | None = None,
    film_url: str | None = None,
) -> str:
    """The cut as OTIO JSON: picture and dialogue clips per shot, and the mix if given."""
    _check(shots, fps)
    pictures: list[Any] = []
    dialogue: list[Any] = []
    previous_heading: str | None = None
    for shot in shots:
        frames = shot_frames(shot.duration_s, fps)
        metadata = {
            "shot_id": shot.shot_id,
            "scene_heading": shot.scene_heading,
            **shot.framing,
        }
        picture = _clip(shot.name, shot.clip_url, frames, fps, metadata)
        if shot.scene_heading != previous_heading:
            picture.markers.append(_scene_marker(shot.scene_heading, fps))
            previous_heading = shot.scene_heading
        pictures.append(picture)
        dialogue.append(_clip(shot.name, shot.dialogue_url, frames, fps, metadata))
    tracks = [
        _track(PICTURE_TRACK, otio.schema.TrackKind.Video, pictures),
        _track(DIALOGUE_TRACK, otio.schema.TrackKind.Audio, dialogue),
    ]
    if soundtrack_url is not None:
        total = sum(shot_frames(shot.duration_s, fps) for shot in shots)
        mix = _clip(title, soundtrack_url, total, fps, {"role": "soundtrack"})
        tracks.append(_track(MIX_TRACK, otio.schema.TrackKind.Audio, [mix]))
    film_metadata: dict[str, object] = {"fps": fps}
    if film_url is not None:
        film_metadata["film_url"] = film_url
    timeline = otio.schema.Timeline(
        name=title,
        global_start_time=otio.opentime.RationalTime(0, fps),
        metadata={METADATA_KEY: film_metadata},
    )
    timeline.tracks.extend(tracks)
    text: str = otio.adapters.write_to_string(timeline, "otio_json")
    return text
