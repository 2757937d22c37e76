"""A synthesized score, offline: one mood per scene, crossfaded, vectorised with numpy.

Each cue (scene) takes mode, progression and tempo from its time of day and its space
from INT/EXT: a detuned pad, a bass note per chord, a plucked arpeggio, echoes outdoors.
Wavetable oscillators take a 32-bit phase from the absolute sample index, so the same
(cues, seed) gives the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
import os
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from providers.base import ScoreCue, ScoreTrack

Audio = npt.NDArray[np.float32]
Pcm = npt.NDArray[np.int16]

PEAK_DBFS = -6.0
CROSSFADE_S = 1.0
FADE_IN_S = 1.5
FADE_OUT_S = 3.0
_TABLE_BITS = 13
_TABLE = np.arange(1 << _TABLE_BITS, dtype=np.float64) * (2 * np.pi / (1 << _TABLE_BITS))
_IONIAN = (0, 2, 4, 5, 7, 9, 11)
_AEOLIAN = (0, 2, 3, 5, 7, 8, 10)
_MIXOLYDIAN = (0, 2, 4, 5, 7, 9, 10)


@dataclass(frozen=True)
class Mood:
    scale: tuple[int, ...]
    tonic: int  # semitones above the film's home key
    progression: tuple[int, ...]  # scale degrees, 0-based, one chord per bar
    extension: int | None  # extra scale step above the chord root: 1 = add9, 6 = 7th
    bpm: float
    pluck_beats: float  # arpeggio step in beats
    pluck_rests: float  # chance an arpeggio step stays silent
    brightness: float  # 0 = pure sine pad, 1 = full triangle pad
    space: float  # 0 = close and narrow (INT), 1 = wide with delay (EXT)
    level: float


def mood_for(cue: ScoreCue) -> Mood:
    """The time of day picks the harmony and tempo; INT/EXT picks the space."""
    time = cue.time_of_day.upper()
    space = {"INT": 0.15, "EXT": 0.9, "INT/EXT": 0.5}.get(cue.int_ext.upper(), 0.4)
    level = 0.8 + 0.2 * space
    if "NIGHT" in time:
        return Mood(_AEOLIAN, 9, (0, 5, 2, 6), 6, 62, 1.0, 0.3, 0.25, space, level * 0.9)
    if any(word in time for word in ("EVENING", "DUSK", "SUNSET", "TWILIGHT")):
        return Mood(_MIXOLYDIAN, 7, (0, 6, 3, 0), 1, 74, 1.0, 0.15, 0.45, space, level)
    if any(word in time for word in ("MORNING", "DAWN", "SUNRISE")):
        return Mood(_IONIAN, 0, (0, 4, 5, 3), 1, 86, 0.5, 0.1, 0.7, space, level)
    if any(word in time for word in ("DAY", "NOON", "AFTERNOON")):
        return Mood(_IONIAN, 0, (0, 3, 5, 4), None, 96, 0.5, 0.2, 0.6, space, level)
    return Mood(_IONIAN, 0, (0, 5, 3, 4), None, 80, 1.0, 0.2, 0.45, space, level)


def _osc(table: Audio, freq: float, index: npt.NDArray[np.uint32], rate: float) -> Audio:
    """A wavetable at freq over the given sample indices (uint32, absolute in the film)."""
    step = np.uint32(round(freq / rate * 2**32) % 2**32)
    phase = index * step  # wraps modulo 2**32: exactly the phase in fixed point
    phase >>= 32 - _TABLE_BITS
    wave_: Audio = table[phase]
    return wave_


def _midi_hz(note: float) -> float:
    return float(440.0 * 2 ** ((note - 69) / 12))


def _place(pitch_class: int, low: int) -> int:
    """The note of this pitch class in the octave [low, low + 12)."""
    return low + (pitch_class - low) % 12


def _smoothstep(x: Audio) -> Audio:
    np.clip(x, 0.0, 1.0, out=x)
    return x * x * (3 - 2 * x)


def _chord(mood: Mood, key: int, degree: int) -> list[int]:
    steps = [degree, degree + 2, degree + 4]
    if mood.extension is not None:
        steps.append(degree + mood.extension)
    return [(key + mood.tonic + mood.scale[s % 7]) % 12 for s in steps]


@functools.lru_cache(maxsize=8)
def _wavetable(brightness: float) -> Audio:
    """Between a soft sine (with a touch of 2nd harmonic) and a band-limited triangle."""
    phase = _TABLE
    soft = np.sin(phase) + 0.1 * np.sin(2 * phase)
    triangle = sum((-1) ** (k // 2) * np.sin(k * phase) / (k * k) for k in (1, 3, 5, 7, 9))
    table = (1 - brightness) * soft + brightness * (triangle * (8 / np.pi**2))
    return np.asarray(table + brightness * 0.08 * np.sin(2 * phase), dtype=np.float32)


@functools.lru_cache(maxsize=64)
def _pluck(note: int, rate: float) -> Audio:
    """A soft plucked tone: upper harmonics die away faster than the fundamental."""
    n = round(1.2 * rate)
    index = np.arange(n, dtype=np.uint32)
    t = index.astype(np.float32) / np.float32(rate)
    tone = np.zeros(n, np.float32)
    for harmonic in range(1, 5):
        partial = _osc(_wavetable(0.0), _midi_hz(note) * harmonic, index, rate)
        partial *= np.exp(t * np.float32(-2.5 - 3.0 * harmonic))
        tone += partial * np.float32(1.0 / harmonic**1.5)
    tone *= np.minimum(t / np.float32(0.004), 1)
    return tone


class _Cue:
    """One scene's music over its window of the film, before the crossfade."""

    def __init__(self, mood: Mood, key: int, rng: np.random.Generator, rate: float) -> None:
        self.mood, self.key, self.rng, self.rate = mood, key, rng, rate
        self.beat = 60.0 / mood.bpm

    def render(self, first: int, n: int) -> Audio:
        mood, rate = self.mood, self.rate
        bar = round(4 * self.beat * rate)
        release = round(min(2.0, 0.5 * bar / rate) * rate)
        out, plucks = np.zeros((2, n), np.float32), np.zeros((2, n), np.float32)
        for index, start in enumerate(range(0, n, bar)):
            pitch_classes = _chord(mood, self.key, mood.progression[index % 4])
            length = min(bar + release, n - start)
            samples = np.arange(first + start, first + start + length, dtype=np.uint32)
            t = np.arange(length, dtype=np.float32) / np.float32(rate)
            fall = _smoothstep((np.float32((bar + release) / rate) - t) / (release / rate))
            fall *= np.float32(mood.level)
            chord = self._pad(pitch_classes, samples)
            chord *= _smoothstep(t / np.float32(min(1.0, 0.3 * bar / rate))) * fall
            # The bass: a soft thump on the chord's root that settles to half level.
            bass = _osc(_wavetable(0.0), _midi_hz(_place(pitch_classes[0], 36)), samples, rate)
            bass *= np.exp(t * np.float32(-1.5)) + np.float32(1)
            bass *= np.minimum(t * np.float32(1 / 0.06), np.float32(1)) * fall
            bass *= np.float32(0.45 / 2)
            chord += bass
            out[:, start : start + length] += chord
            self._arpeggio(plucks, start, min(bar, n - start), pitch_classes)
        self._add_echoes(out, plucks)
        out += plucks
        return out

    def _pad(self, pitch_classes: list[int], samples: npt.NDArray[np.uint32]) -> Audio:
        """Both channels of a chord, each note detuned one way left and the other right."""
        table = _wavetable(self.mood.brightness)
        spread = 0.0015 + 0.003 * self.mood.space  # wider outdoors
        out = np.zeros((2, len(samples)), np.float32)
        for voice, pitch_class in enumerate(pitch_classes):
            freq = _midi_hz(_place(pitch_class, 52))
            side = spread if voice % 2 else -spread
            out[0] += _osc(table, freq * (1 + side), samples, self.rate)
            out[1] += _osc(table, freq * (1 - side), samples, self.rate)
        out *= np.float32(0.9 / 4)
        return out

    def _arpeggio(self, out: Audio, start: int, length: int, pitch_classes: list[int]) -> None:
        mood, rate, rng = self.mood, self.rate, self.rng
        notes = sorted(_place(pc, 64) for pc in pitch_classes[:3])
        notes.append(notes[0] + 12)
        pattern = rng.permutation(len(notes)) if rng.random() < 0.5 else np.arange(len(notes))
        step = round(mood.pluck_beats * self.beat * rate)
        width = 0.2 + 0.6 * mood.space
        for index, offset in enumerate(range(0, length, step)):
            if index and rng.random() < mood.pluck_rests:
                continue
            note = notes[int(pattern[index % len(notes)])]
            at = start + offset + int(abs(rng.normal(0, 0.004)) * rate)
            tone = _pluck(note, rate)[: max(0, out.shape[1] - at)]
            gain = 0.35 * mood.level * rng.uniform(0.55, 1.0)
            pan = rng.uniform(-width, width)
            out[0, at : at + len(tone)] += tone * np.float32(gain * (1 - pan) / 2)
            out[1, at : at + len(tone)] += tone * np.float32(gain * (1 + pan) / 2)

    def _add_echoes(self, out: Audio, dry: Audio) -> None:
        """Outdoors: a dotted-eighth ping-pong; indoors: two faint close reflections."""
        rate, n = self.rate, dry.shape[1]
        if self.mood.space >= 0.5:
            mono = dry[0] + dry[1]
            for k in (1, 2, 3):  # the echoes alternate right, left, right
                delay = round(0.75 * self.beat * k * rate)
                if delay < n:
                    echo = np.float32(0.5 * 0.5**k * self.mood.space)
                    out[k % 2, delay:] += mono[: n - delay] * echo
        else:
            for delay_s, gain in ((0.023, 0.18), (0.041, 0.12)):
                delay = round(delay_s * rate)
                if delay < n:
                    out[:, delay:] += dry[:, : n - delay] * np.float32(gain)


def _boundaries(cues: list[ScoreCue], rate: float) -> list[int]:
    """Cue starts in samples, rounded from the running sum, ending at the total length."""
    ends = np.cumsum([0.0, *(cue.duration_s for cue in cues)])
    return [round(float(end) * rate) for end in ends]


def _crossfade_lengths(bounds: list[int], rate: float) -> list[int]:
    """Samples of crossfade at each inner boundary (none at the film's ends)."""
    lengths = [b - a for a, b in itertools.pairwise(bounds)]
    fades = [0]
    for before, after in itertools.pairwise(lengths):
        fades.append(int(min(CROSSFADE_S * rate, before / 2, after / 2)))
    return [*fades, 0]


def _ramp(n: int, rising: bool) -> Audio:
    x = (np.arange(n, dtype=np.float32) + np.float32(0.5)) / np.float32(max(n, 1))
    x *= np.float32(np.pi / 2)
    ramp: Audio = np.sin(x) if rising else np.cos(x)
    return ramp


def _synthesize(cues: list[ScoreCue], seed: str, rate: float, length: int) -> Audio:
    """The score at `rate`, shape (2, length), peaking at PEAK_DBFS."""
    bounds = _boundaries(cues, rate)
    bounds[-1] = length
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    key = digest[0] % 12
    mix = np.zeros((2, length), np.float32)
    fades = _crossfade_lengths(bounds, rate)
    for index, cue in enumerate(cues):
        head, tail = fades[index], fades[index + 1]
        first = bounds[index] - head // 2
        last = bounds[index + 1] + (tail - tail // 2)
        if last <= first:
            continue
        cue_seed = hashlib.sha256(digest + index.to_bytes(4, "big")).digest()
        rng = np.random.default_rng(int.from_bytes(cue_seed[:8], "big"))
        music = _Cue(mood_for(cue), key, rng, rate).render(first, last - first)
        music[:, :head] *= _ramp(head, rising=True)
        if tail:
            music[:, -tail:] *= _ramp(tail, rising=False)
        mix[:, first:last] += music
    fade_in = min(round(FADE_IN_S * rate), length // 4)
    fade_out = min(round(FADE_OUT_S * rate), length // 3)
    mix[:, :fade_in] *= _ramp(fade_in, rising=True) ** 2
    mix[:, length - fade_out :] *= _ramp(fade_out, rising=False) ** 2
    peak = max(float(mix.max()), -float(mix.min()))
    if peak > 0:
        mix *= np.float32(10 ** (PEAK_DBFS / 20) / peak)
    return mix


def render_score(cues: list[ScoreCue], seed: str, rate: int) -> Pcm:
    """The score as 16-bit stereo frames, shape (samples, 2), peaking at PEAK_DBFS.

    Everything in the score sits below 4 kHz, so it is synthesized at half the rate
    and doubled by linear interpolation: half the work, images far below hearing.
    """
    if not cues:
        raise ValueError("no cues to score")
    if rate <= 0 or not all(0 <= cue.duration_s < math.inf for cue in cues):
        raise ValueError("sample rate must be positive and cue durations finite, not negative")
    total = _boundaries(cues, rate)[-1]
    if total <= 0:
        raise ValueError("the cues add up to no time")
    half = _synthesize(cues, seed, rate / 2, total // 2 + 1)
    half *= np.float32(32767)
    frames = np.empty((total, 2), np.int16)
    odd = total // 2
    for channel in (0, 1):
        frames[0::2, channel] = np.rint(half[channel, : total - odd])
        between = half[channel, :odd] + half[channel, 1 : odd + 1]
        between *= np.float32(0.5)
        frames[1::2, channel] = np.rint(between)
    return frames


def write_wav(frames: Pcm, rate: int, out_path: Path) -> None:
    """16-bit stereo WAV through a temp name, so readers never see half a file."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".wav", dir=out_path.parent)
    os.close(handle)
    try:
        with wave.open(name, "wb") as wav:
            wav.setnchannels(2)
            wav.setsampwidth(2)
            wav.setframerate(rate)
            wav.writeframes(np.ascontiguousarray(frames, "<i2").data.cast("B"))
        os.replace(name, out_path)
    finally:
        Path(name).unlink(missing_ok=True)


class SynthScoreProvider:
    name = "synth-score"
    price_per_second = 0.1  # credits per second of film

    def compose(
        self, cues: list[ScoreCue], seed: str, out_path: Path, sample_rate: int
    ) -> ScoreTrack:
        frames = render_score(cues, seed, sample_rate)
        write_wav(frames, sample_rate, Path(out_path))
        return ScoreTrack(Path(out_path), len(frames) / sample_rate)
