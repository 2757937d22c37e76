"""Unit tests for espeak-ng voices: casting, real synthesis, untrusted text, scripts, fit."""

from __future__ import annotations

import os
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from providers.casting import PALETTE, Voice, cast
from providers.espeak_voice import (
    EspeakVoiceProvider,
    VoiceSynthesisError,
    detect_language,
    espeak_argv,
    run_espeak,
)

ROOT = Path(__file__).resolve().parents[2]
LINE = "Two coffees, please. And make them strong, it has been a very long night."
PWNED = Path("/tmp/pwned_filmstudio")
INJECTION = 'He said "hi": 100% %{pts} $(touch /tmp/pwned_filmstudio) ; \\ C:\\path'


@pytest.fixture
def voices() -> EspeakVoiceProvider:
    return EspeakVoiceProvider()


def read_mono(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        frames = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
        return frames.astype(np.float64) / 32768, wav.getframerate()


def median_pitch_hz(samples: np.ndarray, rate: int) -> float:
    """Median F0 over voiced 40 ms frames, by autocorrelation."""
    size, found = int(0.04 * rate), []
    for begin in range(0, len(samples) - size, size // 2):
        frame = samples[begin : begin + size] - samples[begin : begin + size].mean()
        if np.sqrt((frame**2).mean()) < 0.02:
            continue
        corr = np.correlate(frame, frame, "full")[size - 1 :]
        low, high = int(rate / 400), int(rate / 60)
        lag = low + int(np.argmax(corr[low:high]))
        if corr[lag] > 0.3 * corr[0]:
            found.append(rate / lag)
    return float(np.median(found))


def test_voice_for_is_stable_across_instances_and_processes(
    voices: EspeakVoiceProvider,
) -> None:
    names = ["MAYA", "BARISTA", "Dr. Ødegård", "李雷"]
    here = [voices.voice_for(name) for name in names]
    assert here == [EspeakVoiceProvider().voice_for(name) for name in names]
    code = (
        "import sys\nfrom providers.espeak_voice import EspeakVoiceProvider\n"
        "sys.stdout.write('\\n'.join(EspeakVoiceProvider().voice_for(n) for n in sys.argv[1:]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    fresh = subprocess.run(
        [sys.executable, "-c", code, *names],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert fresh.stdout.split("\n") == here
    assert voices.voice_for("maya") == voices.voice_for(" MAYA ")


def test_cast_gives_six_distinct_voices_whatever_the_order(voices: EspeakVoiceProvider) -> None:
    names = ["MAYA", "BARISTA", "JOHN", "ANNA", "DETECTIVE RUIZ", "OLD MAN"]
    cast_list = voices.cast(names)
    assert set(cast_list) == set(names)
    assert len(set(cast_list.values())) == len(names)
    parsed = [Voice.parse(v) for v in cast_list.values()]
    assert len({(v.variant, v.pitch) for v in parsed}) == len(names)
    assert voices.cast(list(reversed(names))) == cast_list
    crowd = [f"EXTRA {i}" for i in range(len(PALETTE) + 5)]  # more than the palette holds
    crowd_voices = cast(crowd)
    assert len({(v.variant, v.pitch) for v in crowd_voices.values()}) == len(crowd)


def test_palette_variants_exist_in_this_espeak() -> None:
    listing = subprocess.run(
        ["espeak-ng", "--voices=variant"], capture_output=True, text=True, check=True
    ).stdout
    files = {row.split()[4].removeprefix("!v/") for row in listing.splitlines()[1:]}
    assert {variant for variant, _ in PALETTE} <= files
    assert all(0 <= pitch <= 99 for _, pitch in PALETTE)


def test_synthesize_writes_an_audible_wav(voices: EspeakVoiceProvider, tmp_path: Path) -> None:
    out = tmp_path / "line.wav"
    clip = voices.synthesize("MAYA", LINE, out)
    samples, rate = read_mono(out)
    assert clip.path == out.absolute()
    assert clip.duration_s == pytest.approx(len(samples) / rate)
    assert 2.0 < clip.duration_s < 8.0  # 14 words at ~150-185 wpm
    assert np.sqrt((samples**2).mean()) > 0.02
    assert clip.voice == voices.voice_for("MAYA")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["line.wav"]  # temps cleaned up


def test_untrusted_text_is_only_spoken(voices: EspeakVoiceProvider, tmp_path: Path) -> None:
    PWNED.unlink(missing_ok=True)
    clip = voices.synthesize("MAYA", INJECTION, tmp_path / "line.wav")
    assert not PWNED.exists()
    assert clip.duration_s > 1.0
    assert voices.synthesize("MAYA", "<speak>$(id)</speak>\x00\n", tmp_path / "m.wav")
    assert not PWNED.exists()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Привет! Как твои дела сегодня?", "ru"),
        ("こんにちは、元気ですか。", "ja"),
        ("你好。今天天气很好。", "cmn"),
        ("Καλημέρα σας", "el"),
        ("안녕하세요", "ko"),
        ("Hi, да", "en-us"),  # a tie goes to Latin
        ("Ok, привет", "ru"),
    ],
)
def test_language_follows_the_script(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [("Привет! Как твои дела сегодня?", "ru"), ("こんにちは、元気ですか。", "ja")],
)
def test_other_scripts_are_spoken(
    voices: EspeakVoiceProvider, tmp_path: Path, text: str, language: str
) -> None:
    clip = voices.synthesize("MAYA", text, tmp_path / "line.wav")
    samples, _ = read_mono(clip.path)
    assert clip.voice.startswith(f"{language}+")
    assert clip.duration_s > 0.5
    assert np.sqrt((samples**2).mean()) > 0.02


def test_max_duration_speeds_up_a_long_line(voices: EspeakVoiceProvider, tmp_path: Path) -> None:
    natural = voices.synthesize("MAYA", LINE, tmp_path / "natural.wav")
    budget = natural.duration_s * 0.7
    fitted = voices.synthesize("MAYA", LINE, tmp_path / "fitted.wav", max_duration_s=budget)
    assert fitted.duration_s <= budget
    assert Voice.parse(fitted.voice).speed > Voice.parse(natural.voice).speed
    # An impossible budget keeps the fastest take (2x) rather than failing.
    squeezed = voices.synthesize("MAYA", LINE, tmp_path / "fast.wav", max_duration_s=0.3)
    assert Voice.parse(squeezed.voice).speed == 2 * Voice.parse(natural.voice).speed
    assert squeezed.duration_s < fitted.duration_s


def test_two_characters_sound_different(voices: EspeakVoiceProvider, tmp_path: Path) -> None:
    film = voices.cast(["MAYA", "JOHN"])
    maya = voices.synthesize("MAYA", LINE, tmp_path / "maya.wav", voice=film["MAYA"])
    john = voices.synthesize("JOHN", LINE, tmp_path / "john.wav", voice=film["JOHN"])
    assert maya.voice != john.voice
    maya_pitch = median_pitch_hz(*read_mono(maya.path))
    john_pitch = median_pitch_hz(*read_mono(john.path))
    high, low = max(maya_pitch, john_pitch), min(maya_pitch, john_pitch)
    assert high > 1.3 * low


@pytest.mark.parametrize("text", ["", "   \n\t", "\x00\x01"])
def test_nothing_to_say_is_rejected(voices: EspeakVoiceProvider, tmp_path: Path, text: str) -> None:
    with pytest.raises(ValueError):
        voices.synthesize("MAYA", text, tmp_path / "line.wav")
    assert not list(tmp_path.iterdir())


def test_espeak_failures_are_typed(tmp_path: Path) -> None:
    voice = Voice("m3", 50, 170)
    missing = espeak_argv(voice, "en-us", 170, tmp_path / "nope.txt", tmp_path / "a.wav")
    with pytest.raises(VoiceSynthesisError) as failed:
        run_espeak(missing, tmp_path / "a.wav")
    assert failed.value.returncode != 0
    assert failed.value.command == missing
    assert "nope.txt" in failed.value.stderr_tail
    text = tmp_path / "line.txt"
    text.write_text("hello", encoding="utf-8")
    unwritable = tmp_path / "no-such-dir" / "a.wav"
    with pytest.raises(VoiceSynthesisError) as empty:
        run_espeak(espeak_argv(voice, "en-us", 170, text, unwritable), unwritable)
    assert empty.value.returncode == 0  # espeak-ng exits 0 but writes nothing


def test_bad_voice_description_is_rejected(voices: EspeakVoiceProvider, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        voices.synthesize("MAYA", "hi", tmp_path / "line.wav", voice="m3 -p 50; rm -rf /")
