"""The media layer compiles data to argv: checked without running ffmpeg."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from media.camera import CameraPlan, zoompan_for, zoompan_for_layer
from media.compose import (
    FilmComposePlan,
    SoundtrackPlan,
    compose_argv,
    concat_list,
    soundtrack_argv,
)
from media.dialogue import DialogueMixPlan, Treatment, VoiceCue, dialogue_argv, treatment_for
from media.picture import EffectSource, LayerSource
from media.profile import RenderProfile
from media.shot import VIDEO_TIMESCALE, ShotRenderPlan, shot_argv
from media.subtitles import SubtitleCue, literal, to_srt
from screenplay.model import CameraMove, Move, MoveDirection, MoveSpeed

HOSTILE = "He said \"hi\": 100% {x} %{pts} $(rm -rf /) ; \\ C:\\path 'quote'"


def _plan(**changes: object) -> ShotRenderPlan:
    values: dict[str, object] = {
        "background": Path("/a/background.png"),
        "overlay": Path("/a/overlay.png"),
        "camera_move": CameraMove.PAN_LEFT,
        "duration_s": 5.0,
        "clip_out": Path("/a/clip.mp4"),
        "profile": RenderProfile(),
    }
    values.update(changes)
    return ShotRenderPlan(**values)  # type: ignore[arg-type]


def _after(argv: list[str], flag: str) -> list[str]:
    return [argv[i + 1] for i, value in enumerate(argv[:-1]) if value == flag]


def test_shot_argv_encodes_identically_and_exactly() -> None:
    argv = shot_argv(_plan())
    assert argv[0] == "ffmpeg"
    assert _after(argv, "-frames:v") == ["120"]  # 5 s at 24 fps, exactly
    assert _after(argv, "-c:v") == ["libx264"]
    assert _after(argv, "-pix_fmt") == ["yuv420p"]
    assert _after(argv, "-video_track_timescale") == [str(VIDEO_TIMESCALE)]
    assert _after(argv, "-i") == ["/a/background.png", "/a/overlay.png"]
    assert _after(argv, "-map") == ["[v]"] and "-an" in argv  # picture only
    graph = _after(argv, "-filter_complex")[0]
    assert "s=1280x720" in graph and "d=120" in graph and "overlay=0:0" in graph
    assert argv[-1] == "/a/clip.mp4"


def test_dialogue_stem_places_lines_sample_exact() -> None:
    plan = DialogueMixPlan(
        duration_s=5.0,
        out=Path("/a/dialogue.wav"),
        profile=RenderProfile(),
        voices=[VoiceCue(Path("/a/line-01.wav"), 0.4), VoiceCue(Path("/a/line-02.wav"), 2.1)],
    )
    argv = dialogue_argv(plan)
    assert _after(argv, "-i") == ["anullsrc=r=48000:cl=stereo", "/a/line-01.wav", "/a/line-02.wav"]
    graph = _after(argv, "-filter_complex")[0]
    assert "adelay=delays=400:all=1" in graph and "adelay=delays=2100:all=1" in graph
    assert "amix=inputs=3" in graph
    assert "atrim=end_sample=240000" in graph  # 5 s of 48 kHz audio, sample-exact
    assert _after(argv, "-c:a") == ["pcm_s16le"] and argv[-1] == "/a/dialogue.wav"
    silent = dialogue_argv(DialogueMixPlan(2.5, Path("/a/d.wav"), RenderProfile()))
    assert "amix=inputs=1" in _after(silent, "-filter_complex")[0]


def test_voice_over_and_off_screen_lines_are_treated() -> None:
    assert treatment_for("V.O.") is Treatment.VOICE_OVER
    assert (
        treatment_for("o.s.") is Treatment.OFF_SCREEN
        and treatment_for("O.C.") is Treatment.OFF_SCREEN
    )
    assert (
        treatment_for("CONT'D") is Treatment.ON_SCREEN and treatment_for("") is Treatment.ON_SCREEN
    )
    voices = [
        VoiceCue(Path("/a/1.wav"), 0.4, Treatment.VOICE_OVER),
        VoiceCue(Path("/a/2.wav"), 2.0, Treatment.OFF_SCREEN),
        VoiceCue(Path("/a/3.wav"), 3.0),
    ]
    graph = _after(dialogue_argv(DialogueMixPlan(5.0, Path("/a/d.wav"), RenderProfile(), voices)),
                   "-filter_complex")[0]  # fmt: skip
    first, second, third = graph.split(";")[:3]
    assert "acompressor" in first and "lowpass" not in first
    assert "lowpass=f=2200" in second and "aecho" in second
    assert "lowpass" not in third and "acompressor" not in third


def test_thread_budget_applies_to_filters_and_encoder() -> None:
    assert "-threads" not in shot_argv(_plan())
    argv = shot_argv(_plan(threads=1))
    assert _after(argv, "-threads") == ["1"] and _after(argv, "-filter_complex_threads") == ["1"]
    assert argv.index("-filter_complex_threads") < argv.index("-filter_complex")


def test_shot_without_overlay() -> None:
    argv = shot_argv(_plan(overlay=None, duration_s=2.5))
    assert "overlay" not in _after(argv, "-filter_complex")[0]
    assert _after(argv, "-frames:v") == ["60"] and _after(argv, "-i") == ["/a/background.png"]


def test_every_shot_shares_encoding_parameters() -> None:
    def encoding(argv: list[str]) -> list[str]:
        start = argv.index("-c:v")
        return argv[start : argv.index("-frames:v")]

    moves = list(CameraMove)
    first = encoding(shot_argv(_plan(camera_move=moves[0])))
    for move in moves[1:]:
        assert encoding(shot_argv(_plan(camera_move=move, duration_s=3.0))) == first
    for kind in Move:
        layered = _plan(layers=LAYERS, effects=(RAIN,), camera=CameraPlan(kind), duration_s=3.0)
        assert encoding(shot_argv(layered)) == first
        assert _after(shot_argv(layered), "-frames:v") == ["72"]


LAYERS = (
    LayerSource(Path("/a/layer-figures.png"), 0.6, "figures"),
    LayerSource(Path("/a/layer-far.png"), 0.0, "far"),
    LayerSource(Path("/a/layer-foreground.png"), 1.0, "foreground"),
)
RAIN = EffectSource(Path("/a/rain.png"), 256, 200, dx_per_s=0.1, dy_per_s=1.2, flicker=0.3)


def test_a_move_through_space_moves_each_layer_a_pan_the_flattened_art() -> None:
    truck = shot_argv(_plan(layers=LAYERS, camera=CameraPlan(Move.TRUCK, MoveDirection.LEFT)))
    assert _after(truck, "-i") == [
        "/a/layer-far.png", "/a/layer-figures.png", "/a/layer-foreground.png", "/a/overlay.png"
    ]  # fmt: skip
    graph = _after(truck, "-filter_complex")[0]
    assert graph.count("zoompan=") == 3 and graph.count("overlay=0:0") == 3
    pan = shot_argv(_plan(layers=LAYERS, camera=CameraPlan(Move.PAN, MoveDirection.LEFT)))
    assert _after(pan, "-i") == ["/a/background.png", "/a/overlay.png"]
    assert _after(pan, "-filter_complex")[0].count("zoompan=") == 1


def test_effects_come_after_the_picture_and_before_the_notes() -> None:
    argv = shot_argv(_plan(effects=(RAIN,), camera=CameraPlan(Move.STATIC)))
    assert _after(argv, "-i") == ["/a/background.png", "/a/rain.png", "/a/overlay.png"]
    graph = _after(argv, "-filter_complex")[0]
    # 1280x720 needs 5x4 tiles of 256x200; 1.2 frame heights a second is 0.045 of 800 px
    # per frame (down, so negative for scroll); flicker sends numbers, nothing else.
    assert "loop=loop=19:size=1,tile=5x4" in graph and "scroll=h=-0.004167:v=-0.045" in graph
    assert graph.index("[fx0]overlay") < graph.index("[ov]overlay")
    assert "/a/" not in graph  # paths only ever as -i arguments
    commands = graph.split("sendcmd=c='")[1].split("'")[0]
    assert re.fullmatch(r"([0-9.]+ colorchannelmixer@fx0 aa [0-9.]+;?)+", commands)


def test_still_shots_are_cut_once_and_moving_ones_resampled_smoothly() -> None:
    still = _after(shot_argv(_plan(camera=CameraPlan(Move.STATIC))), "-filter_complex")[0]
    assert "zoompan" not in still and "loop=loop=119:size=1" in still
    moving = _after(shot_argv(_plan(camera=CameraPlan(Move.PAN))), "-filter_complex")[0]
    # art enlarged 1.5x in RGB, moved in 4:4:4: steps under half an output pixel
    assert "scale=2880:1620:flags=bicubic,format=yuv444p,zoompan=" in moving


def test_a_whip_pan_blurs_only_its_rush() -> None:
    graph = _after(shot_argv(_plan(camera=CameraPlan(Move.WHIP_PAN))), "-filter_complex")[0]
    assert "gblur=sigma=25.6:sigmaV=0.01:enable='between(n,36,44)'" in graph


@pytest.mark.parametrize("move", list(Move))
def test_camera_expressions_are_numeric(move: Move) -> None:
    """Every move, direction, speed and depth compiles to numbers, operators and the few
    names zoompan knows: nothing else can reach the filter."""
    names = {"on", "iw", "ih", "zoom", "clip", "sin"}
    for direction in MoveDirection:
        for speed in MoveSpeed:
            camera = CameraPlan(move, direction, speed, seed=0xDEADBEEF)
            for depth in (0.0, 0.35, 0.6, 1.0):
                zoom = zoompan_for_layer(camera, 120, depth, subject=depth == 0.6)
                for expression in (zoom.z, zoom.x, zoom.y):
                    tokens = re.findall(r"[a-z]+|[0-9.]+|[-+*/(),]", expression)
                    assert "".join(tokens) == expression.replace(" ", ""), expression
                    assert {t for t in tokens if t.isalpha()} <= names, expression


def test_moves_differ() -> None:
    assert len({zoompan_for(move, 96) for move in CameraMove}) == len(CameraMove)


def test_soundtrack_ducks_the_score_under_the_dialogue(tmp_path: Path) -> None:
    plan = SoundtrackPlan(
        tmp_path / "stems.ffconcat", tmp_path / "score.wav", tmp_path / "s.m4a", RenderProfile()
    )
    argv = soundtrack_argv(plan)
    graph = _after(argv, "-filter_complex")[0]
    assert "[music][key]sidechaincompress" in graph and "alimiter" in graph
    assert _after(argv, "-c:a") == ["aac"] and _after(argv, "-map") == ["[mix]"]


def test_compose_is_a_remux(tmp_path: Path) -> None:
    plan = FilmComposePlan(
        clips_list=tmp_path / "clips.ffconcat",
        soundtrack=tmp_path / "soundtrack.m4a",
        subtitles=tmp_path / "film.srt",
        video_out=tmp_path / "film.mp4",
    )
    argv = compose_argv(plan)
    assert _after(argv, "-c:v") == ["copy"] and _after(argv, "-c:a") == ["copy"]
    assert _after(argv, "-c:s") == ["mov_text"]
    assert _after(argv, "-map") == ["0:v:0", "1:a:0", "2:s:0"]
    assert _after(argv, "-movflags") == ["+faststart"]
    assert "-filter_complex" not in argv
    no_subs = compose_argv(FilmComposePlan(**{**plan.__dict__, "subtitles": None}))
    assert "-c:s" not in no_subs and "2:s:0" not in no_subs


def test_concat_list_quotes_paths(tmp_path: Path) -> None:
    odd = tmp_path / "it's here.mp4"
    text = concat_list([odd])
    assert text.startswith("ffconcat version 1.0\n")
    assert "file '" + str(odd.resolve()).replace("'", "'\\''") + "'" in text


def test_srt_keeps_text_literal() -> None:
    srt = to_srt(
        [
            SubtitleCue(61.5, 63.25, "MAYA", HOSTILE),
            SubtitleCue(0.4, 2.0, "", "Привет, мир · 你好 <i>x</i> {\\b1}"),
        ]
    )
    blocks = srt.split("\n\n")
    assert blocks[0].startswith("1\n00:00:00,400 --> 00:00:02,000\n")
    assert blocks[1].startswith("2\n00:01:01,500 --> 00:01:03,250\nMAYA: ")
    visible = srt.replace("\u200b", "")
    assert HOSTILE in visible and "Привет, мир · 你好 <i>x</i> {\\b1}" in visible
    assert "<i>" not in srt and "{\\b1}" not in srt  # neutralised for players
    assert literal("a{b<c") == "a{\u200bb<\u200bc"
