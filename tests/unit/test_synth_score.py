"""Unit tests for the synthesized score: exact length, format, level, moods, no clicks."""

from __future__ import annotations

import time
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from providers.base import ScoreCue, ScoreTrack
from providers.synth_score import PEAK_DBFS, SynthScoreProvider, mood_for

RATE = 48_000


def cues_of(*scenes: tuple[float, str, str]) -> list[ScoreCue]:
    cues, start = [], 0.0
    for duration, int_ext, time_of_day in scenes:
        cues.append(ScoreCue(start, duration, int_ext, time_of_day))
        start += duration
    return cues


@dataclass(frozen=True)
class Wav:
    channels: int
    width: int
    rate: int
    frames: int


def read_wav(path: Path) -> tuple[Wav, np.ndarray]:
    with wave.open(str(path), "rb") as wav:
        info = Wav(wav.getnchannels(), wav.getsampwidth(), wav.getframerate(), wav.getnframes())
        frames = np.frombuffer(wav.readframes(info.frames), dtype="<i2")
    return info, frames.reshape(-1, info.channels).astype(np.float64)


def compose(
    tmp_path: Path, cues: list[ScoreCue], seed: str = "job-1", rate: int = RATE
) -> tuple[ScoreTrack, Wav, np.ndarray]:
    out = tmp_path / f"score-{len(list(tmp_path.iterdir()))}.wav"
    track = SynthScoreProvider().compose(cues, seed, out, rate)
    info, samples = read_wav(track.path)
    return track, info, samples


def spectral_centroid(samples: np.ndarray, rate: int) -> float:
    magnitude = np.abs(np.fft.rfft(samples.mean(axis=1)))
    freqs = np.fft.rfftfreq(len(samples), 1 / rate)
    return float((magnitude * freqs).sum() / magnitude.sum())


@pytest.mark.parametrize(
    ("durations", "rate"),
    [((2.37, 5.0), 48_000), ((0.6, 0.40003), 48_000), ((1.234, 3.3, 0.05), 44_100)],
)
def test_length_is_sample_exact(tmp_path: Path, durations: tuple[float, ...], rate: int) -> None:
    scenes = [(d, "INT", "DAY") for d in durations]
    track, params, samples = compose(tmp_path, cues_of(*scenes), rate=rate)
    expected = round(sum(durations) * rate)
    assert params.frames == expected == len(samples)
    assert track.duration_s == pytest.approx(expected / rate, abs=1e-12)
    assert params.rate == rate


def test_stereo_16_bit_audible_and_below_full_scale(tmp_path: Path) -> None:
    track, params, samples = compose(tmp_path, cues_of((6.0, "EXT", "MORNING")))
    assert (params.channels, params.width) == (2, 2)
    assert track.path.exists() and not list(tmp_path.glob(".*"))  # no temp left behind
    peak = np.abs(samples).max() / 32768
    rms = np.sqrt((samples**2).mean()) / 32768
    assert 20 * np.log10(peak) == pytest.approx(PEAK_DBFS, abs=0.5)
    assert peak < 1.0
    assert rms > 0.02
    assert not np.array_equal(samples[:, 0], samples[:, 1])  # really stereo


def test_same_cues_and_seed_give_the_same_bytes(tmp_path: Path) -> None:
    cues = cues_of((3.0, "INT", "NIGHT"), (4.5, "EXT", "DAWN"))
    first, _, _ = compose(tmp_path, cues)
    second, _, _ = compose(tmp_path, cues)
    other, _, _ = compose(tmp_path, cues, seed="job-2")
    assert first.path.read_bytes() == second.path.read_bytes()
    assert first.path.read_bytes() != other.path.read_bytes()


def test_moods_sound_different(tmp_path: Path) -> None:
    _, _, morning = compose(tmp_path, cues_of((8.0, "INT", "MORNING")))
    _, _, night = compose(tmp_path, cues_of((8.0, "EXT", "NIGHT")))
    assert spectral_centroid(morning, RATE) > 1.1 * spectral_centroid(night, RATE)
    assert (
        mood_for(cues_of((1.0, "INT", "NIGHT"))[0]).bpm
        < mood_for(cues_of((1.0, "INT", "DAY"))[0]).bpm
    )
    assert (
        mood_for(cues_of((1.0, "EXT", "DAY"))[0]).space
        > mood_for(cues_of((1.0, "INT", "DAY"))[0]).space
    )


def test_no_clicks_at_scene_boundaries(tmp_path: Path) -> None:
    scenes = [(3.0, "INT", "MORNING"), (4.0, "EXT", "NIGHT"), (0.3, "EXT", "DAY")]
    scenes.append((3.0, "INT", "EVENING"))
    _, _, samples = compose(tmp_path, cues_of(*scenes))
    peak = np.abs(samples).max()
    jumps = np.abs(np.diff(samples, axis=0)).max(axis=1)
    assert jumps.max() < 0.15 * peak
    for boundary in (3.0, 7.0, 7.3):
        at = round(boundary * RATE)
        assert jumps[at - 2400 : at + 2400].max() < 0.08 * peak
    # Fades in and out: the first and last samples are (near) silent.
    assert np.abs(samples[:10]).max() < 0.01 * peak
    assert np.abs(samples[-10:]).max() < 0.01 * peak


def test_three_minute_film_composes_quickly(tmp_path: Path) -> None:
    moods = [("INT", "MORNING"), ("EXT", "DAY"), ("EXT", "EVENING"), ("INT", "NIGHT")]
    scenes = [(15.0, *moods[i % len(moods)]) for i in range(12)]
    started = time.perf_counter()
    track = SynthScoreProvider().compose(cues_of(*scenes), "job-1", tmp_path / "s.wav", RATE)
    elapsed = time.perf_counter() - started
    assert track.duration_s == pytest.approx(180.0)
    assert elapsed < 10.0  # typically ~0.5 s; generous for a loaded CI machine


@pytest.mark.parametrize(
    "cues",
    [
        [],
        cues_of((0.0, "INT", "DAY")),
        cues_of((1.0, "INT", "DAY"), (-2.0, "EXT", "DAY")),
        cues_of((float("nan"), "INT", "DAY")),
    ],
)
def test_rejects_no_time(tmp_path: Path, cues: list[ScoreCue]) -> None:
    with pytest.raises(ValueError):
        SynthScoreProvider().compose(cues, "job-1", tmp_path / "s.wav", RATE)
    assert not list(tmp_path.iterdir())
