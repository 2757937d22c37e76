"""Casting: which espeak-ng voice each character speaks with.

A voice is an espeak-ng variant, a pitch and a speed. Names map to voices through
SHA-256, never Python's salted hash(), so a name keeps its voice across processes and
runs. Variant and pitch come from a fixed palette of well-separated pairs; `cast` hands
out palette entries so that no two characters of one film share one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

DEFAULT_LANGUAGE = "en-us"
MIN_SPEED_WPM = 150
MAX_SPEED_WPM = 185

# (variant, pitch): variants differ in formants and timbre, pitches spread the voices
# across the range (approximate F0 for en-us in the comment).
PALETTE: tuple[tuple[str, int], ...] = (
    ("m1", 35),  # ~78 Hz, deep
    ("f1", 50),  # ~172 Hz
    ("m3", 60),  # ~110 Hz
    ("f2", 35),  # ~158 Hz
    ("m2", 45),  # ~93 Hz
    ("f3", 65),  # ~230 Hz
    ("m4", 70),  # ~120 Hz
    ("f4", 40),  # ~155 Hz
    ("m6", 25),  # ~78 Hz
    ("f5", 55),  # ~205 Hz
    ("m7", 52),  # ~100 Hz
    ("Annie", 45),  # ~212 Hz
    ("m8", 62),  # ~90 Hz, older
    ("linda", 60),  # ~240 Hz
    ("m5", 80),  # ~135 Hz, light
    ("steph", 30),  # ~165 Hz
    ("klatt", 40),  # ~88 Hz, Klatt synthesis
    ("david", 50),  # ~72 Hz
)

_DESCRIPTION = re.compile(
    r"^(?:(?P<language>[a-z]{2,3}(?:-[a-z0-9]+)*)\+)?(?P<variant>[A-Za-z][A-Za-z0-9_]*)"
    r" p=(?P<pitch>\d{1,2}) s=(?P<speed>\d{2,3})$"
)


@dataclass(frozen=True)
class Voice:
    variant: str
    pitch: int  # espeak-ng -p, 0..99
    speed: int  # espeak-ng -s, words per minute

    def describe(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The description the provider reports, e.g. "en-us+m3 p=60 s=165"."""
        return f"{language}+{self.variant} p={self.pitch} s={self.speed}"

    @classmethod
    def parse(cls, description: str) -> Voice:
        """Read back a description made by `describe`; the language part is ignored."""
        match = _DESCRIPTION.match(description.strip())
        if match is None:
            raise ValueError(f"not a voice description: {description!r}")
        return cls(match["variant"], int(match["pitch"]), int(match["speed"]))


def _digest(character: str) -> bytes:
    key = " ".join(character.split()).casefold()
    return hashlib.sha256(key.encode("utf-8")).digest()


def _speed(digest: bytes) -> int:
    span = MAX_SPEED_WPM - MIN_SPEED_WPM + 1
    return MIN_SPEED_WPM + int.from_bytes(digest[8:12], "big") % span


def _preferred_slot(digest: bytes) -> int:
    return int.from_bytes(digest[:8], "big") % len(PALETTE)


def _voice(slot: int, digest: bytes, round_: int = 0) -> Voice:
    variant, pitch = PALETTE[slot]
    # Past the palette size, later rounds shift the pitch so voices stay distinct.
    shifted = (pitch + 17 * round_) % 100
    return Voice(variant, shifted, _speed(digest))


def voice_for(character: str) -> Voice:
    """A character's own voice, the same for a name (case and spacing aside) everywhere."""
    digest = _digest(character)
    return _voice(_preferred_slot(digest), digest)


def cast(characters: list[str]) -> dict[str, Voice]:
    """Voices for one film's characters, no two sharing a palette entry.

    Names are placed in digest order, each at its preferred slot or the next free one,
    so the result depends on the set of names only, not on their order in the list.
    Names that differ only in case or spacing are one character and share a voice.
    """
    by_key: dict[bytes, list[str]] = {}
    for name in characters:
        by_key.setdefault(_digest(name), []).append(name)
    taken: set[tuple[int, int]] = set()
    voices: dict[str, Voice] = {}
    for digest in sorted(by_key):
        round_, slot = 0, _preferred_slot(digest)
        while (round_, slot) in taken:
            slot += 1
            if slot == len(PALETTE):
                slot = 0
            if slot == _preferred_slot(digest):
                round_ += 1
        taken.add((round_, slot))
        voice = _voice(slot, digest, round_)
        for name in by_key[digest]:
            voices[name] = voice
    return voices
