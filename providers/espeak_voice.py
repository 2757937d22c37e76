"""Voices from espeak-ng, offline.

The line's text is untrusted: it reaches espeak-ng only through a UTF-8 file (`-f`),
never through argv, and markup mode stays off. Output goes to a temp name and is
renamed into place, so a retried activity never sees half a file.
"""

from __future__ import annotations

import functools
import logging
import math
import os
import subprocess
import tempfile
import unicodedata
import wave
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from providers.base import VoiceClip
from providers.casting import DEFAULT_LANGUAGE, PALETTE, Voice, cast, voice_for

logger = logging.getLogger(__name__)

ESPEAK = "espeak-ng"
MAX_ESPEAK_SPEED = 450
MAX_SPEEDUP = 2.0
RUN_TIMEOUT_S = 60.0
_FIT_ATTEMPTS = 3
_STDERR_TAIL = 2000

# Leading words of Unicode character names -> script group.
_SCRIPT_PREFIXES: tuple[tuple[str, str], ...] = (
    ("LATIN", "latin"),
    ("CYRILLIC", "ru"),
    ("GREEK", "el"),
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("HIRAGANA", "kana"),
    ("KATAKANA", "kana"),
    ("CJK", "han"),
    ("HANGUL", "ko"),
)


MIN_OVERRIDE_SPEED, MAX_OVERRIDE_SPEED = 80, 300


class VoiceSynthesisError(Exception):
    """espeak-ng failed: the command, its exit code and the tail of its stderr."""

    def __init__(self, command: list[str], returncode: int, stderr_tail: str) -> None:
        self.command = command
        self.returncode = returncode
        self.stderr_tail = stderr_tail
        super().__init__(f"espeak-ng exited {returncode}: {stderr_tail.strip() or '(no stderr)'}")


def detect_language(text: str) -> str:
    """The espeak-ng language for the dominant script of the text; en-us by default."""
    counts: Counter[str] = Counter()
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        for prefix, group in _SCRIPT_PREFIXES:
            if name.startswith(prefix):
                counts[group] += 1
                break
    # Japanese mixes kana with kanji; Han without any kana reads as Mandarin.
    if counts["kana"]:
        counts["ja"] = counts.pop("kana") + counts.pop("han", 0)
    elif counts["han"]:
        counts["cmn"] = counts.pop("han")
    if not counts:
        return DEFAULT_LANGUAGE
    group, _ = max(counts.items(), key=lambda item: (item[1], item[0] == "latin"))
    return DEFAULT_LANGUAGE if group == "latin" else group


@functools.cache
def installed_languages() -> frozenset[str]:
    """Languages of the installed espeak-ng voices (`espeak-ng --voices`)."""
    try:
        listing = subprocess.run(
            [ESPEAK, "--voices"], capture_output=True, text=True, timeout=RUN_TIMEOUT_S
        ).stdout
    except (OSError, subprocess.SubprocessError):
        logger.warning("could not list espeak-ng voices", exc_info=True)
        return frozenset()
    rows = (line.split() for line in listing.splitlines()[1:])
    return frozenset(row[1] for row in rows if len(row) > 1)


def espeak_argv(
    voice: Voice, language: str, speed: int, text_file: Path, wav_file: Path
) -> list[str]:
    """The espeak-ng command for one line; the text stays in text_file."""
    return [
        ESPEAK,
        "-v",
        f"{language}+{voice.variant}",
        "-p",
        str(voice.pitch),
        "-s",
        str(speed),
        "-b",
        "1",  # the text file is UTF-8
        "-f",
        str(text_file),
        "-w",
        str(wav_file),
    ]


def wav_duration(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


@dataclass(frozen=True)
class _Take:
    speed: int
    duration_s: float


class EspeakVoiceProvider:
    name = "espeak-ng"
    price_per_character = 0.01  # credits per character spoken

    def check_voice(self, voice: str) -> str:
        """A voice a user asked for, checked and normalized; ValueError says what is wrong."""
        parsed = Voice.parse(voice)
        if parsed.variant not in {variant for variant, _ in PALETTE}:
            known = ", ".join(sorted({variant for variant, _ in PALETTE}))
            raise ValueError(f"unknown voice variant {parsed.variant!r}; known: {known}")
        if not MIN_OVERRIDE_SPEED <= parsed.speed <= MAX_OVERRIDE_SPEED:
            raise ValueError(
                f"speed s={parsed.speed} is out of range; expected "
                f"{MIN_OVERRIDE_SPEED} to {MAX_OVERRIDE_SPEED} words per minute"
            )
        return parsed.describe()

    def speech_rate(self, voice: str) -> float:
        """Words per second this voice speaks, for timing lines before they are spoken."""
        return Voice.parse(voice).speed / 60.0

    def voice_for(self, character: str) -> str:
        return voice_for(character).describe()

    def cast(self, characters: list[str]) -> dict[str, str]:
        """Voices for one film's characters, no two alike; pass one back as `voice=`."""
        return {name: voice.describe() for name, voice in cast(characters).items()}

    def synthesize(
        self,
        character: str,
        text: str,
        out_path: Path,
        max_duration_s: float | None = None,
        *,
        voice: str | None = None,
    ) -> VoiceClip:
        """Speak one line into out_path (WAV); `voice` overrides the character's own."""
        spoken_text = _clean(text)
        if not spoken_text.strip():
            raise ValueError(f"nothing to say for {character!r}")
        if max_duration_s is not None and max_duration_s <= 0:
            raise ValueError(f"max_duration_s must be positive, got {max_duration_s}")
        chosen = Voice.parse(voice) if voice is not None else voice_for(character)
        language = detect_language(text)
        if language not in installed_languages():
            logger.warning("espeak-ng has no %r voice; speaking en-us", language)
            language = DEFAULT_LANGUAGE
        out_path = Path(out_path).absolute()
        out_path.parent.mkdir(parents=True, exist_ok=True)
        text_file = _write_temp(out_path, ".txt", spoken_text)
        wav_file = _write_temp(out_path, ".wav", "")
        try:
            take = self._fit(chosen, language, text_file, wav_file, max_duration_s)
            os.replace(wav_file, out_path)
        finally:
            text_file.unlink(missing_ok=True)
            wav_file.unlink(missing_ok=True)
        spoken = Voice(chosen.variant, chosen.pitch, take.speed)
        return VoiceClip(out_path, take.duration_s, spoken.describe(language))

    def _fit(
        self,
        voice: Voice,
        language: str,
        text_file: Path,
        wav_file: Path,
        max_duration_s: float | None,
    ) -> _Take:
        """Speak at the voice's speed; if too long, faster (up to 2x) until it fits."""
        take = _run(voice, language, voice.speed, text_file, wav_file)
        if max_duration_s is None or take.duration_s <= max_duration_s:
            return take
        ceiling = min(MAX_ESPEAK_SPEED, math.floor(voice.speed * MAX_SPEEDUP))
        for _ in range(_FIT_ATTEMPTS):
            if take.speed >= ceiling:
                break
            # Pauses do not shrink with speed, so aim a little faster than proportional.
            wanted = math.ceil(take.speed * take.duration_s / max_duration_s * 1.05)
            take = _run(voice, language, min(ceiling, wanted), text_file, wav_file)
            if take.duration_s <= max_duration_s:
                return take
        logger.warning(
            "line still %.2fs at %d wpm, over its %.2fs budget",
            take.duration_s,
            take.speed,
            max_duration_s,
        )
        return take


def run_espeak(argv: list[str], wav_file: Path) -> float:
    """Run one espeak-ng command; the seconds of audio it wrote to wav_file."""
    try:
        done = subprocess.run(argv, capture_output=True, timeout=RUN_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as timeout:
        raise VoiceSynthesisError(argv, -1, _tail(timeout.stderr) + "\n(timed out)") from None
    except OSError as error:
        raise VoiceSynthesisError(argv, -1, str(error)) from error
    if done.returncode != 0:
        raise VoiceSynthesisError(argv, done.returncode, _tail(done.stderr))
    try:
        duration = wav_duration(wav_file)
    except (OSError, EOFError, wave.Error):
        duration = 0.0
    if duration <= 0:
        raise VoiceSynthesisError(argv, 0, _tail(done.stderr) or "no audio written")
    return duration


def _run(voice: Voice, language: str, speed: int, text_file: Path, wav_file: Path) -> _Take:
    argv = espeak_argv(voice, language, speed, text_file, wav_file)
    return _Take(speed, run_espeak(argv, wav_file))


def _write_temp(out_path: Path, suffix: str, content: str) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=suffix, dir=out_path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(content)
    return Path(name)


def _clean(text: str) -> str:
    """Drop control characters (NUL and the like); keep line breaks and tabs."""
    return "".join(char for char in text if char in "\n\t" or unicodedata.category(char) != "Cc")


def _tail(stderr: bytes | str | None) -> str:
    if stderr is None:
        return ""
    if isinstance(stderr, bytes):
        stderr = stderr.decode("utf-8", errors="replace")
    return stderr[-_STDERR_TAIL:]
