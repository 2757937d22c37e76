"""Shots and films rendered by the real ffmpeg from the argv the media layer builds."""

from __future__ import annotations

import wave
from pathlib import Path

from media.compose import FilmComposePlan, compose_argv, concat_list
from media.ffmpeg import FfmpegError, probe, run_ffmpeg
from media.profile import RenderProfile
from media.shot import ShotRenderPlan, VoiceCue, shot_argv
from media.subtitles import SubtitleCue, to_srt
from screenplay.model import CameraMove
from tests.media.conftest import mean_volume_db, run, speech, still, video_packet_hashes

PROFILE = RenderProfile(width=640, height=360)
HOSTILE = (
    'He said "hi": 100% {x} %{pts} $(touch /tmp/filmstudio-pwned) ; \\ C:\\p <i>i</i> Привет 你好'
)


def _shot(
    work: Path, name: str, color: str, move: CameraMove, seconds: float, voices: list[VoiceCue]
) -> ShotRenderPlan:
    return ShotRenderPlan(
        background=still(work / f"{name}.png", color),
        overlay=None,
        camera_move=move,
        duration_s=seconds,
        clip_out=work / f"{name}.mp4",
        stem_out=work / f"{name}.wav",
        profile=PROFILE,
        voices=voices,
    )


def test_shot_has_exact_frames_and_samples(work: Path) -> None:
    voice = speech(work / "line.wav", "Two coffees, please.")
    plan = _shot(work, "a", "navy", CameraMove.DOLLY_IN, 2.5, [VoiceCue(voice, 0.4)])
    seen: list[float] = []
    run_ffmpeg(shot_argv(plan), on_progress=seen.append)
    info = probe(plan.clip_out)
    assert (info.video_codec, info.audio_codec) == ("h264", "aac")
    assert (info.width, info.height, info.video_frames) == (640, 360, 60)
    with wave.open(str(plan.stem_out)) as stem:
        assert stem.getnframes() == 120_000 and stem.getnchannels() == 2
    assert seen and max(seen) > 0


def test_film_joins_clips_without_reencoding(work: Path) -> None:
    plans = [
        _shot(work, "s1", "darkgreen", CameraMove.PAN_LEFT, 2.0,
              [VoiceCue(speech(work / "v1.wav", HOSTILE), 0.2)]),
        _shot(work, "s2", "maroon", CameraMove.ZOOM_OUT, 1.5, []),
        _shot(work, "s3", "indigo", CameraMove.STATIC, 2.25, []),
    ]  # fmt: skip
    for plan in plans:
        run_ffmpeg(shot_argv(plan))
    (work / "clips.ffconcat").write_text(concat_list([p.clip_out for p in plans]))
    (work / "stems.ffconcat").write_text(concat_list([p.stem_out for p in plans]))
    run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=f=330:d=5.75:r=48000", "-ac", "2",
         str(work / "score.wav")])  # fmt: skip
    (work / "film.srt").write_text(to_srt([SubtitleCue(0.2, 1.9, "MAYA", HOSTILE)]))
    film = work / "film.mp4"
    run_ffmpeg(
        compose_argv(
            FilmComposePlan(
                work / "clips.ffconcat", work / "stems.ffconcat", work / "score.wav",
                work / "film.srt", film, PROFILE,
            )
        )
    )  # fmt: skip

    info = probe(film)
    assert abs(info.duration_s - 5.75) <= 0.2
    assert info.video_frames == 48 + 36 + 54
    assert info.subtitle_codec == "mov_text"
    # Every video packet of the film is a packet of a clip, in order: nothing re-encoded.
    clip_packets = [packet for p in plans for packet in video_packet_hashes(p.clip_out)]
    assert video_packet_hashes(film) == clip_packets
    assert mean_volume_db(film) > -45.0

    track = run(["ffmpeg", "-v", "error", "-i", str(film), "-map", "0:s:0", "-f", "srt", "-"])
    assert "MAYA: " + HOSTILE in track.replace("\u200b", "")
    assert not Path("/tmp/filmstudio-pwned").exists()


def test_ffmpeg_failure_is_typed(work: Path) -> None:
    plan = _shot(work, "bad", "black", CameraMove.STATIC, 1.0, [])
    plan.background.write_bytes(b"not a png")
    try:
        run_ffmpeg(shot_argv(plan))
    except FfmpegError as error:
        assert error.returncode != 0 and error.argv[0] == "ffmpeg" and error.stderr_tail
    else:
        raise AssertionError("ffmpeg should have failed on a broken picture")
