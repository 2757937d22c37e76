"""Unit tests for the animatic provider: real Pillow drawing, sizes, palettes, text."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from media.profile import RenderProfile
from providers.animatic import AnimaticProvider, CaptionLine, caption_lines
from providers.animatic.fonts import (
    DEJAVU_SANS,
    WQY_MICROHEI,
    FontFamily,
    FontNotFoundError,
    find_chain,
    font_for,
    font_runs,
)
from providers.animatic.framing import WorldPainter, cast_for, render_background, render_layers
from providers.animatic.glyphs import glyph_move, move_arrows
from providers.animatic.overlay import header_lines, render_overlay
from providers.animatic.palette import Palette, TimeOfDay, character_look, time_of_day
from providers.animatic.text import ELLIPSIS, TextStyle, draw_text, is_rtl, measure_for, wrap
from providers.animatic.weather import EffectTexture
from providers.animatic.world import WorldLayers, WorldView, paint_world
from providers.base import FrameRequest, SceneContext, VisualProvider
from providers.registry import visual_provider
from screenplay.model import (
    CameraAngle,
    CameraMove,
    DialogueLine,
    Move,
    MoveDirection,
    MoveSpeed,
    Shot,
    ShotType,
)

INJECTION = 'He said "hi": 100% {x} %{pts} $(rm -rf /) \\n ; C:\\path'
SMALL = RenderProfile(width=640, height=360)
STYLE = TextStyle(22)


def make_request(
    shot_type: ShotType = ShotType.MEDIUM,
    move: CameraMove = CameraMove.STATIC,
    action: str = "Maya crosses the room.",
    dialogue: tuple[tuple[str, str], ...] = (("MAYA", "Two coffees, please."),),
    time: str = "MORNING",
    int_ext: str = "INT",
    location: str = "COFFEE SHOP",
    characters: tuple[str, ...] = ("MAYA", "BARISTA"),
    profile: RenderProfile = SMALL,
) -> FrameRequest:
    heading = f"{int_ext}. {location} - {time}" if time else f"{int_ext}. {location}"
    shot = Shot(
        shot_id="01-02",
        number=2,
        shot_type=shot_type,
        camera_move=move,
        duration_s=4.0,
        action=action,
        dialogue=[DialogueLine(name, text, 3) for name, text in dialogue],
    )
    scene = SceneContext(1, heading, int_ext, location, time, list(characters))
    return FrameRequest("Test Film", scene, shot, profile)


def mean_colour(image: Image.Image) -> tuple[float, ...]:
    return tuple(ImageStat.Stat(image.convert("RGB")).mean)


def alpha_at(image: Image.Image, xy: tuple[int, int]) -> int:
    value = image.getchannel("A").getpixel(xy)
    assert isinstance(value, int)
    return value


def shot_with(action: str = "", dialogue: tuple[tuple[str, str], ...] = ()) -> Shot:
    return make_request(action=action, dialogue=dialogue).shot


# --- the provider's files --------------------------------------------------------------


def test_render_frame_writes_exact_sizes_and_modes(tmp_path: Path) -> None:
    provider: VisualProvider = AnimaticProvider()
    request = make_request(profile=RenderProfile())

    art = provider.render_frame(request, tmp_path)

    assert provider.name == "animatic"
    assert art.background == tmp_path / "background.png"
    assert art.overlay == tmp_path / "overlay.png"
    with Image.open(art.background) as background, Image.open(art.overlay) as overlay:
        assert (background.mode, background.size) == ("RGB", (1920, 1080))
        assert (overlay.mode, overlay.size) == ("RGBA", (1280, 720))
    assert [(layer.role, layer.depth) for layer in art.layers] == [("far", 0.0), ("figures", 0.6)]
    for layer in art.layers:
        with Image.open(layer.path) as plane:
            assert (plane.mode, plane.size) == ("RGBA", (1920, 1080))
    written = ["background.png", "layer-far.png", "layer-figures.png", "overlay.png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == written


def test_registry_builds_the_animatic_provider() -> None:
    assert isinstance(visual_provider("animatic"), AnimaticProvider)


def test_same_request_gives_identical_bytes(tmp_path: Path) -> None:
    request = make_request(shot_type=ShotType.WIDE, time="NIGHT", int_ext="EXT")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()

    first = AnimaticProvider().render_frame(request, tmp_path / "a")
    second = AnimaticProvider().render_frame(request, tmp_path / "b")

    assert first.background.read_bytes() == second.background.read_bytes()
    assert first.overlay is not None and second.overlay is not None
    assert first.overlay.read_bytes() == second.overlay.read_bytes()


def test_small_profile_is_drawn_to_its_own_sizes(tmp_path: Path) -> None:
    art = AnimaticProvider().render_frame(make_request(profile=SMALL), tmp_path)

    with Image.open(art.background) as background:
        assert background.size == SMALL.art_size == (960, 540)
    assert art.overlay is not None
    with Image.open(art.overlay) as overlay:
        assert overlay.size == (640, 360)
        assert alpha_at(overlay, (320, 330)) > 100  # the caption box, inside the frame


# --- the background --------------------------------------------------------------------


def test_each_shot_type_frames_the_scene_differently() -> None:
    digests = {
        shot_type: hashlib.sha256(render_background(make_request(shot_type)).tobytes()).digest()
        for shot_type in ShotType
    }

    assert len(set(digests.values())) == len(ShotType)


@pytest.mark.parametrize("int_ext", ["EXT", "INT"])
def test_time_of_day_sets_the_palette(int_ext: str) -> None:
    means = {
        time: mean_colour(
            render_background(make_request(ShotType.WIDE, time=time, int_ext=int_ext))
        )
        for time in ("MORNING", "DAY", "EVENING", "NIGHT", "CONTINUOUS")
    }

    values = list(means.values())
    for index, first in enumerate(values):
        for second in values[index + 1 :]:
            assert sum(abs(a - b) for a, b in zip(first, second, strict=True)) > 12
    assert sum(means["NIGHT"]) < min(sum(m) for t, m in means.items() if t != "NIGHT")
    assert means["EVENING"][0] > means["EVENING"][2]  # warm: more red than blue
    if int_ext == "EXT":
        assert means["DAY"][2] > means["DAY"][0]  # a blue sky


def test_interior_and_exterior_differ() -> None:
    inside = render_background(make_request(ShotType.WIDE, int_ext="INT"))
    outside = render_background(make_request(ShotType.WIDE, int_ext="EXT"))

    assert inside.tobytes() != outside.tobytes()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("MORNING", TimeOfDay.MORNING),
        ("dawn", TimeOfDay.MORNING),
        ("DAY", TimeOfDay.DAY),
        ("LATE AFTERNOON", TimeOfDay.DAY),
        ("NOON", TimeOfDay.DAY),
        ("DUSK", TimeOfDay.EVENING),
        ("SUNSET", TimeOfDay.EVENING),
        ("NIGHT", TimeOfDay.NIGHT),
        ("MIDNIGHT", TimeOfDay.NIGHT),
        ("CONTINUOUS", TimeOfDay.NEUTRAL),
        ("", TimeOfDay.NEUTRAL),
    ],
)
def test_time_of_day_words(words: str, expected: TimeOfDay) -> None:
    assert time_of_day(words) is expected


def test_cast_is_speakers_first_then_the_scene_at_most_four() -> None:
    request = make_request(
        dialogue=(("LEO", "Hi."), ("MAYA", "Hey."), ("LEO", "Again.")),
        characters=("MAYA", "SAM", "ANA", "BO", "LEO"),
    )

    assert cast_for(request) == ["LEO", "MAYA", "SAM", "ANA"]


def test_character_colour_is_stable_across_interpreters() -> None:
    code = "from providers.animatic.palette import character_look; print(character_look('MAYA'))"
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(Path(__file__).parents[2])},
        ).stdout
        for seed in ("1", "2")
    }

    assert seen == {f"{character_look('MAYA')}\n"}
    assert character_look("MAYA").colour != character_look("LEO").colour


# --- the overlay -----------------------------------------------------------------------


def test_overlay_is_transparent_except_for_its_notes() -> None:
    overlay = render_overlay(make_request(profile=RenderProfile()))
    alpha = overlay.getchannel("A")

    clear = alpha.point(lambda value: 255 if value == 0 else 0).histogram()[255]
    assert clear / (overlay.width * overlay.height) > 0.55
    assert alpha_at(overlay, (640, 360)) == 0  # the middle of the picture
    assert alpha_at(overlay, (640, 690)) > 150  # the caption box
    assert alpha_at(overlay, (640, 10)) > 150  # the header band


def test_overlay_without_action_or_dialogue_has_no_caption_box() -> None:
    overlay = render_overlay(make_request(action="", dialogue=(), profile=RenderProfile()))

    assert overlay.getchannel("A").crop((0, 560, 1280, 720)).getbbox() is None


def test_camera_marks_differ_by_move() -> None:
    frame = (0.0, 100.0, 1280.0, 600.0)

    assert move_arrows(CameraMove.STATIC, frame, 720) == []
    [(start, end)] = move_arrows(CameraMove.PAN_RIGHT, frame, 720)
    assert end[0] > start[0] and end[1] == start[1]
    [(start, end)] = move_arrows(CameraMove.TILT_UP, frame, 720)
    assert end[1] < start[1] and end[0] == start[0]
    inward = move_arrows(CameraMove.ZOOM_IN, frame, 720)
    outward = move_arrows(CameraMove.DOLLY_OUT, frame, 720)
    assert len(inward) == len(outward) == 4
    assert all(abs(e[0] - 640) < abs(s[0] - 640) for s, e in inward)
    assert all(abs(e[0] - 640) > abs(s[0] - 640) for s, e in outward)
    static = render_overlay(make_request(move=CameraMove.STATIC))
    panning = render_overlay(make_request(move=CameraMove.PAN_LEFT))
    assert static.tobytes() != panning.tobytes()


def test_header_reads_like_a_storyboard() -> None:
    request = make_request(ShotType.CLOSE_UP, CameraMove.PAN_LEFT, time="NIGHT")

    assert header_lines(request) == (
        "SCENE 1 \u00b7 INT. COFFEE SHOP - NIGHT",
        "SHOT 2 \u00b7 CLOSE UP \u00b7 PAN LEFT \u00b7 4s",
    )


# --- caption text ----------------------------------------------------------------------


def test_injection_text_is_drawn_literally(tmp_path: Path) -> None:
    shot = shot_with(INJECTION, (("MAYA", INJECTION),))

    lines = caption_lines(shot, 2000, STYLE)

    assert lines == [
        CaptionLine(INJECTION),
        CaptionLine(INJECTION, "MAYA", "MAYA: ", lines[1].indent),
    ]
    assert lines[1].drawn == f"MAYA: {INJECTION}"
    request = make_request(action=INJECTION, dialogue=(("MAYA", INJECTION),))
    AnimaticProvider().render_frame(request, tmp_path)  # draws without complaint


def test_wrapped_action_keeps_every_word_in_order() -> None:
    action = "The quick brown fox jumps over the lazy dog while the kettle sings softly."
    measure = measure_for(STYLE)

    lines = caption_lines(shot_with(action), 330, STYLE)

    assert len(lines) > 1
    assert " ".join(line.text for line in lines) == action
    assert all(measure(line.text) <= 330 for line in lines)


def test_long_action_is_cut_to_three_lines_with_an_ellipsis() -> None:
    action = " ".join(f"word{number}" for number in range(200))

    lines = caption_lines(shot_with(action), 400, STYLE)

    assert len(lines) == 3
    assert lines[-1].text.endswith(ELLIPSIS)
    assert action.startswith(" ".join(line.text for line in lines).removesuffix(ELLIPSIS))


def test_unbroken_text_is_cut_by_characters() -> None:
    measure = measure_for(STYLE)

    lines = caption_lines(shot_with("a" * 5000), 400, STYLE)

    assert len(lines) == 3
    assert all(set(line.text) == {"a"} for line in lines[:2])
    assert lines[-1].text.endswith(ELLIPSIS)
    assert all(measure(line.text) <= 400 for line in lines)


def test_line_breaks_start_new_caption_lines() -> None:
    lines = caption_lines(shot_with("First beat.\r\nSecond beat.\n\nThird."), 1000, STYLE)

    assert [line.text for line in lines] == ["First beat.", "Second beat.", "Third."]


def test_line_breaks_in_names_and_headings_still_draw() -> None:
    request = make_request(
        location="ROOM\nTWO",
        dialogue=(("MA\rYA", "Hi\u2029there"),),
        characters=("MA\rYA", "LEO\x85"),
        shot_type=ShotType.WIDE,
    )

    assert render_overlay(request).getchannel("A").getbbox() is not None
    assert render_background(request).size == SMALL.art_size


def test_cjk_wraps_by_characters() -> None:
    text = "我们今天去公园散步然后在湖边吃午饭天气非常好大家都很开心"

    lines = wrap(text, 200, measure_for(STYLE))

    assert len(lines) > 1
    assert "".join(lines) == text


def test_dialogue_is_two_lines_at_most_with_an_ellipsis() -> None:
    shot = shot_with(dialogue=(("LEO", "Don't."), ("MAYA", "Why not?"), ("LEO", "Because.")))

    lines = caption_lines(shot, 1000, STYLE)

    assert [line.drawn for line in lines] == ["LEO: Don't.", f"MAYA: Why not?{ELLIPSIS}"]


# --- fonts -----------------------------------------------------------------------------

SCRIPTS = {
    "Cyrillic": ("\u041f\u0440\u0438\u0432\u0435\u0442", DEJAVU_SANS),  # Привет
    "Greek": ("\u0393\u03b5\u03b9\u03b1 \u03c3\u03bf\u03c5", DEJAVU_SANS),
    "Arabic": ("\u0645\u0631\u062d\u0628\u0627", DEJAVU_SANS),  # مرحبا
    "Hebrew": ("\u05e9\u05dc\u05d5\u05dd", DEJAVU_SANS),
    "Japanese": ("\u3053\u3093\u306b\u3061\u306f", WQY_MICROHEI),  # こんにちは
    "Chinese": ("\u4f60\u597d", WQY_MICROHEI),  # 你好
    "Korean": ("\uc548\ub155", WQY_MICROHEI),
}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_every_script_finds_a_font_and_draws_ink(script: str) -> None:
    text, family = SCRIPTS[script]

    for char in text.replace(" ", ""):
        assert font_for(char) in family.paths
    [run] = font_runs(text, 24)
    assert run.text == text
    image = Image.new("RGB", (300, 60), (0, 0, 0))
    draw_text(image, (10, 10), text, TextStyle(24), (255, 255, 255, 255))
    ink = image.convert("L").point(lambda value: 255 if value > 128 else 0).histogram()[255]
    assert ink > 40


def test_mixed_text_splits_into_runs_by_font() -> None:
    runs = font_runs("MAYA: \u4f60\u597d, world", 24)

    assert [run.text for run in runs] == ["MAYA: ", "\u4f60\u597d, ", "world"]
    assert runs[0].font.path != runs[1].font.path


def test_right_to_left_detection() -> None:
    assert is_rtl("\u0645\u0631\u062d\u0628\u0627 123")
    assert not is_rtl("MAYA: \u0645\u0631\u062d\u0628\u0627")


def test_missing_fonts_name_the_package_to_install() -> None:
    nowhere = FontFamily("Nowhere Sans", "fonts-nowhere", ("/nonexistent/NowhereSans.ttf",))

    with pytest.raises(FontNotFoundError, match="fonts-nowhere"):
        find_chain((nowhere,))


# --- who is drawn (presence) and the layers ---------------------------------------------


def _present(
    present: tuple[str, ...] | None = None,
    heard: tuple[str, ...] = (),
    dialogue: tuple[tuple[str, str, str], ...] = (("MAYA", "Hi.", ""),),
    characters: tuple[str, ...] = ("MAYA", "BARISTA"),
    shot_type: ShotType = ShotType.MEDIUM,
) -> FrameRequest:
    request = make_request(shot_type=shot_type, characters=characters)
    lines = [DialogueLine(name, text, 3, extension=ext) for name, text, ext in dialogue]
    shot = replace(
        request.shot,
        dialogue=lines,
        present=None if present is None else list(present),
        heard=list(heard),
    )
    return replace(request, shot=shot)


def test_figures_follow_the_plans_present() -> None:
    assert cast_for(_present(present=("LEO",))) == ["LEO"]  # MAYA speaks, LEO is seen
    assert cast_for(_present()) == ["MAYA", "BARISTA"]  # an older plan: speakers, then scene
    assert cast_for(_present(present=())) == []  # the plan says nobody: the setting alone


def test_off_screen_voices_are_never_drawn() -> None:
    assert cast_for(_present(heard=("MAYA",))) == ["BARISTA"]
    assert cast_for(_present(present=("MAYA", "BO"), heard=("MAYA",))) == ["BO"]
    off = (("MAYA", "Hi.", "O.S."),)
    assert cast_for(_present(dialogue=off)) == ["BARISTA"]


def test_nobody_on_screen_frames_the_setting_without_a_figure(tmp_path: Path) -> None:
    for shot_type in (ShotType.MEDIUM, ShotType.CLOSE_UP, ShotType.WIDE):
        request = _present(heard=("MAYA",), characters=("MAYA",), shot_type=shot_type)
        (tmp_path / shot_type).mkdir()
        art = AnimaticProvider().render_frame(request, tmp_path / shot_type)
        assert [layer.role for layer in art.layers] == ["far"]  # no anonymous grey figure


def test_background_is_the_layers_flattened(tmp_path: Path) -> None:
    request = _present(shot_type=ShotType.OVER_THE_SHOULDER)
    art = AnimaticProvider().render_frame(request, tmp_path)
    assert [layer.role for layer in art.layers] == ["far", "figures", "foreground"]
    picture = Image.open(art.layers[0].path).convert("RGBA")
    for layer in art.layers[1:]:
        picture.alpha_composite(Image.open(layer.path))
    with Image.open(art.background) as background:
        assert picture.convert("RGB").tobytes() == background.tobytes()


def test_angles_ask_the_setting_painters_for_their_horizon(tmp_path: Path) -> None:
    """The compositor asks the world painters (providers.animatic.world) for the horizon
    where the shot's window shows it at the angle's height; overhead looks straight down."""
    asked: dict[CameraAngle, WorldView] = {}

    def spy(angle: CameraAngle) -> WorldPainter:
        def paint(
            scene: SceneContext,
            palette: Palette,
            seed: int,
            size: tuple[int, int],
            view: WorldView,
            atmosphere: list[str] | None = None,
        ) -> WorldLayers:
            asked[angle] = view
            return paint_world(scene, palette, seed, size, view, atmosphere)

        return paint

    for angle in CameraAngle:
        request = make_request(ShotType.WIDE)
        shot = replace(request.shot, angle=angle)
        render_layers(replace(request, shot=shot), spy(angle))
    eye = asked[CameraAngle.EYE_LEVEL].horizon
    assert asked[CameraAngle.AERIAL].horizon < asked[CameraAngle.HIGH].horizon < eye
    assert eye < asked[CameraAngle.LOW].horizon < asked[CameraAngle.WORMS_EYE].horizon
    assert asked[CameraAngle.OVERHEAD].overhead and not asked[CameraAngle.HIGH].overhead
    assert asked[CameraAngle.DUTCH].horizon == eye


def test_weather_textures_become_effects_the_render_can_scroll(tmp_path: Path) -> None:
    def drizzle(
        scene: SceneContext, shot: Shot, palette: Palette, size: tuple[int, int], seed: int
    ) -> list[EffectTexture]:
        tile = Image.new("RGBA", (size[0] // 4, size[1] // 4), (200, 210, 255, 90))
        return [EffectTexture(tile, "rain/../x", dy_per_s=1.5, flicker=0.1, opacity=0.7)]

    art = AnimaticProvider(weather=drizzle).render_frame(make_request(), tmp_path)
    [effect] = art.effects
    assert effect.path == tmp_path / "effect-0.png"  # named by its place, never by its kind
    assert (effect.kind, effect.dy_per_s, effect.flicker, effect.opacity) == (
        "rain/../x",
        1.5,
        0.1,
        0.7,
    )
    with Image.open(effect.path) as texture:
        assert (texture.mode, texture.size) == ("RGBA", (160, 90))


def test_storyboard_marks_and_header_name_the_full_move() -> None:
    def shot(move: Move, direction: MoveDirection = MoveDirection.NONE) -> Shot:
        return replace(make_request().shot, move=move, direction=direction)

    assert glyph_move(shot(Move.TRUCK, MoveDirection.LEFT)) is CameraMove.PAN_LEFT
    assert glyph_move(shot(Move.CRANE, MoveDirection.UP)) is CameraMove.TILT_UP
    assert glyph_move(shot(Move.PUSH_IN)) is CameraMove.ZOOM_IN
    assert glyph_move(shot(Move.PULL_OUT)) is CameraMove.ZOOM_OUT
    assert glyph_move(shot(Move.HANDHELD)) is CameraMove.STATIC
    request = make_request(ShotType.TWO_SHOT)
    low = replace(request.shot, angle=CameraAngle.LOW, move=Move.PUSH_IN, speed=MoveSpeed.SLOW)
    assert header_lines(replace(request, shot=low))[1] == (
        "SHOT 2 \u00b7 TWO SHOT \u00b7 LOW \u00b7 SLOW PUSH IN \u00b7 4s"
    )
