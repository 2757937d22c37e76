"""Stems, shots, soundtrack and film rendered by the real ffmpeg from the media layer's argv."""

from __future__ import annotations

import wave
from pathlib import Path

from media.compose import (
    FilmComposePlan,
    SoundtrackPlan,
    compose_argv,
    concat_list,
    soundtrack_argv,
)
from media.dialogue import DialogueMixPlan, VoiceCue, dialogue_argv
from media.ffmpeg import FfmpegError, probe, run_ffmpeg
from media.profile import RenderProfile
from media.shot import ShotRenderPlan, shot_argv
from media.subtitles import SubtitleCue, to_srt
from screenplay.model import CameraMove
from tests.media.conftest import mean_volume_db, run, speech, still, video_packet_hashes

PROFILE = RenderProfile(width=640, height=360)
HOSTILE = (
    'He said "hi": 100% {x} %{pts} $(touch /tmp/filmstudio-pwned) ; \\ C:\\p <i>i</i> Привет 你好'
)


def _stem(work: Path, name: str, seconds: float, voices: list[VoiceCue]) -> Path:
    out = work / f"{name}.wav"
    run_ffmpeg(dialogue_argv(DialogueMixPlan(seconds, out, PROFILE, voices)))
    return out


def _shot(work: Path, name: str, color: str, move: CameraMove, seconds: float) -> ShotRenderPlan:
    return ShotRenderPlan(
        background=still(work / f"{name}.png", color),
        overlay=None,
        camera_move=move,
        duration_s=seconds,
        clip_out=work / f"{name}.mp4",
        profile=PROFILE,
    )


def test_stem_and_shot_have_exact_samples_and_frames(work: Path) -> None:
    voice = speech(work / "line.wav", "Two coffees, please.")
    stem = _stem(work, "stem", 2.5, [VoiceCue(voice, 0.4)])
    with wave.open(str(stem)) as audio:
        assert audio.getnframes() == 120_000 and audio.getnchannels() == 2
    assert mean_volume_db(stem) > -45.0
    plan = ShotRenderPlan(
        still(work / "a.png", "navy"), None, CameraMove.DOLLY_IN, 2.5, work / "a.mp4", PROFILE,
        threads=1,
    )  # fmt: skip
    seen: list[float] = []
    run_ffmpeg(shot_argv(plan), on_progress=seen.append)
    info = probe(plan.clip_out)
    assert (info.video_codec, info.audio_codec) == ("h264", None)  # sound lives in the stem
    assert (info.width, info.height, info.video_frames) == (640, 360, 60)
    assert seen and max(seen) > 0


def test_film_joins_clips_without_reencoding(work: Path) -> None:
    plans = [
        _shot(work, "s1", "darkgreen", CameraMove.PAN_LEFT, 2.0),
        _shot(work, "s2", "maroon", CameraMove.ZOOM_OUT, 1.5),
        _shot(work, "s3", "indigo", CameraMove.STATIC, 2.25),
    ]
    for plan in plans:
        run_ffmpeg(shot_argv(plan))
    stems = [_stem(work, "d1", 2.0, [VoiceCue(speech(work / "v1.wav", HOSTILE), 0.2)]),
             _stem(work, "d2", 1.5, []), _stem(work, "d3", 2.25, [])]  # fmt: skip
    (work / "stems.ffconcat").write_text(concat_list(stems))
    run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=f=330:d=5.75:r=48000", "-ac", "2",
         str(work / "score.wav")])  # fmt: skip
    soundtrack = work / "soundtrack.m4a"
    run_ffmpeg(soundtrack_argv(SoundtrackPlan(work / "stems.ffconcat", work / "score.wav",
                                              soundtrack, PROFILE)))  # fmt: skip
    assert abs(probe(soundtrack).duration_s - 5.75) <= 0.05

    (work / "clips.ffconcat").write_text(concat_list([p.clip_out for p in plans]))
    (work / "film.srt").write_text(to_srt([SubtitleCue(0.2, 1.9, "MAYA", HOSTILE)]))
    film = work / "film.mp4"
    run_ffmpeg(compose_argv(FilmComposePlan(work / "clips.ffconcat", soundtrack,
                                            work / "film.srt", film)))  # fmt: skip

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
    plan = _shot(work, "bad", "black", CameraMove.STATIC, 1.0)
    plan.background.write_bytes(b"not a png")
    try:
        run_ffmpeg(shot_argv(plan))
    except FfmpegError as error:
        assert error.returncode != 0 and error.argv[0] == "ffmpeg" and error.stderr_tail
    else:
        raise AssertionError("ffmpeg should have failed on a broken picture")


def test_off_screen_lines_sound_muffled_and_voice_over_present(work: Path) -> None:
    from media.dialogue import Treatment

    voice = speech(work / "line.wav", "Somebody is calling from the other room, listen.")
    levels = {}
    for treatment in Treatment:
        stem = _stem(work, treatment.value, 4.0, [VoiceCue(voice, 0.2, treatment)])
        highs = run(["ffmpeg", "-v", "info", "-i", str(stem), "-af", "highpass=f=3000,volumedetect",
                     "-f", "null", "-"])  # fmt: skip
        levels[treatment] = (mean_volume_db(stem), _mean_db(highs))
    on, off, over = (
        levels[Treatment.ON_SCREEN],
        levels[Treatment.OFF_SCREEN],
        levels[Treatment.VOICE_OVER],
    )
    assert off[0] < on[0] - 3  # further away: quieter
    assert off[1] < on[1] - 10  # through a wall: the highs are gone
    assert over[0] > off[0]  # a voice-over stays present


def _mean_db(volumedetect_output: str) -> float:
    import re

    match = re.search(r"mean_volume: (-?[\d.]+) dB", volumedetect_output)
    assert match, volumedetect_output
    return float(match.group(1))


def test_placeholder_card_joins_like_any_clip(work: Path) -> None:
    from media.placeholder import PlaceholderPlan, filter_path, placeholder_argv

    shot = _shot(work, "real", "teal", CameraMove.STATIC, 1.0)
    run_ffmpeg(shot_argv(shot))
    text = work / "card.txt"
    text.write_text(f"SHOT 01-02\ncould not be rendered\n{HOSTILE}", encoding="utf-8")
    card = work / "card.mp4"
    run_ffmpeg(placeholder_argv(PlaceholderPlan(text, 1.5, card, PROFILE)))
    info = probe(card)
    assert (info.video_codec, info.audio_codec, info.video_frames) == ("h264", None, 36)
    (work / "clips.ffconcat").write_text(concat_list([shot.clip_out, card]))
    joined = work / "joined.mp4"
    run(["ffmpeg", "-v", "error", "-f", "concat", "-safe", "0", "-auto_convert", "0",
         "-i", str(work / "clips.ffconcat"), "-c", "copy", str(joined)])  # fmt: skip
    assert video_packet_hashes(joined) == video_packet_hashes(shot.clip_out) + video_packet_hashes(
        card
    )
    run(["ffmpeg", "-v", "error", "-i", str(joined), "-f", "null", "-"])  # decodes cleanly
    assert not Path("/tmp/filmstudio-pwned").exists()
    for unsafe in ("/data/a:b.txt", "/data/it's.txt", "/data/a,b.txt", "/data/[x].txt"):
        try:
            filter_path(unsafe)
        except ValueError:
            continue
        raise AssertionError(f"{unsafe} should be refused in a filter string")
