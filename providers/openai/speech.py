"""OpenAI-compatible speech (/audio/speech) as a voice provider: a voice per character.

Voices are the service's named voices (OpenAI's built-in ones by default, or a list from
settings for a self-hosted server); a film's cast gets distinct ones while they last,
chosen through SHA-256 so a name keeps its voice across runs. The answer (WAV) is
checked, converted to 48 kHz mono PCM and, when longer than the line's slot, sped up to
fit (ffmpeg atempo, at most 1.5x; the slot is then overrun rather than the voice mangled).
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import wave
from pathlib import Path

import httpx

from providers.base import VoiceClip
from providers.errors import OutputUnusable
from providers.openai.service import Service, ServiceConfig, idempotency_key

# From the `openai` package's SpeechCreateParams.voice (openai/types/audio/speech_create_params.py)
OPENAI_VOICES = (
    "alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer",
    "verse", "marin", "cedar", "fable", "onyx", "nova",
)  # fmt: skip
_VOICE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
WORDS_PER_SECOND = 2.6
MAX_TEMPO = 1.5
SAMPLE_RATE = 48_000


def _digest(name: str) -> bytes:
    return hashlib.sha256(" ".join(name.split()).casefold().encode()).digest()


class OpenAISpeechProvider:
    name = "openai-speech"
    price_per_character = 0.0  # set from settings: credits per character

    def __init__(
        self,
        config: ServiceConfig,
        price_per_1k_characters: float = 0.0,
        voices: tuple[str, ...] = OPENAI_VOICES,
        http: httpx.Client | None = None,
    ) -> None:
        self.price_per_character = price_per_1k_characters / 1000
        self._voices = voices or OPENAI_VOICES
        self._service = Service(config, self.name, http)

    def check_voice(self, voice: str) -> str:
        voice = voice.strip()
        if not _VOICE_NAME.match(voice):
            raise ValueError(f"not a voice name for {self.name}: {voice!r}")
        return voice

    def speech_rate(self, voice: str) -> float:
        return WORDS_PER_SECOND

    def voice_for(self, character: str) -> str:
        digest = _digest(character)
        return self._voices[int.from_bytes(digest[:8], "big") % len(self._voices)]

    def cast(self, characters: list[str]) -> dict[str, str]:
        """Distinct voices while they last, placed in digest order (order of names aside)."""
        taken: set[str] = set()
        chosen: dict[bytes, str] = {}
        for digest in sorted({_digest(name) for name in characters}):
            start = int.from_bytes(digest[:8], "big") % len(self._voices)
            for step in range(len(self._voices)):
                voice = self._voices[(start + step) % len(self._voices)]
                if voice not in taken or len(taken) == len(self._voices):
                    break
            taken.add(voice)
            chosen[digest] = voice
        return {name: chosen[_digest(name)] for name in characters}

    def synthesize(
        self,
        character: str,
        text: str,
        out_path: Path,
        max_duration_s: float | None = None,
        *,
        voice: str | None = None,
    ) -> VoiceClip:
        spoken = voice or self.voice_for(character)
        body = {
            "model": self._service.model,
            "input": text,
            "voice": spoken,
            "response_format": "wav",
        }
        key = idempotency_key(self.name, f"{character}\x00{spoken}\x00{text}")
        audio = self._service.post("audio/speech", key, json=body).content
        raw = out_path.with_name(out_path.name + ".answer")
        raw.write_bytes(audio)
        try:
            duration = _convert(raw, out_path, 1.0, self.name)
            if max_duration_s is not None and duration > max_duration_s:
                tempo = min(MAX_TEMPO, duration / max_duration_s)
                duration = _convert(raw, out_path, tempo, self.name)
        finally:
            raw.unlink(missing_ok=True)
        return VoiceClip(out_path, duration, spoken)


def _convert(answer: Path, out: Path, tempo: float, provider: str) -> float:
    """The answer as 48 kHz mono 16-bit WAV at `tempo`; its duration. Empty -> unusable."""
    argv = ["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", str(answer), "-ac", "1",
            "-ar", str(SAMPLE_RATE), "-c:a", "pcm_s16le"]  # fmt: skip
    if tempo != 1.0:
        argv += ["-af", f"atempo={tempo:.4f}"]
    argv += ["-f", "wav", str(out)]
    done = subprocess.run(argv, capture_output=True, check=False)
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace").strip()[-200:]
        raise OutputUnusable(f"{provider}: the answer is not audio ({tail})")
    with wave.open(str(out), "rb") as wav:
        duration = wav.getnframes() / wav.getframerate()
    if duration <= 0.05:
        raise OutputUnusable(f"{provider}: the answer holds no speech ({duration:.2f} s)")
    return duration
