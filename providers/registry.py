"""Providers by name, as settings choose them. The embedded ones are the defaults."""

from __future__ import annotations

from pathlib import Path

from providers.base import ModerationProvider, MusicProvider, VisualProvider, VoiceProvider


class UnknownProviderError(ValueError):
    pass


def chain(names: str) -> list[str]:
    """A kind's providers in order of preference: "outage,animatic" -> ["outage", "animatic"]."""
    return [name.strip() for name in names.split(",") if name.strip()]


def visual_provider(name: str) -> VisualProvider:
    if name == "animatic":
        from providers.animatic import AnimaticProvider

        return AnimaticProvider()
    if name == "outage":
        from providers.outage import OutageVisualProvider

        return OutageVisualProvider()
    raise UnknownProviderError(f"unknown visual provider {name!r}; available: animatic, outage")


def voice_provider(name: str) -> VoiceProvider:
    if name == "espeak-ng":
        from providers.espeak_voice import EspeakVoiceProvider

        return EspeakVoiceProvider()
    raise UnknownProviderError(f"unknown voice provider {name!r}; available: espeak-ng")


def music_provider(name: str) -> MusicProvider:
    if name == "synth-score":
        from providers.synth_score import SynthScoreProvider

        return SynthScoreProvider()
    raise UnknownProviderError(f"unknown music provider {name!r}; available: synth-score")


def moderation_provider(name: str, terms: list[str], deny_file: Path | None) -> ModerationProvider:
    if name == "deny-list":
        from providers.moderation import DEFAULT_LIST, DenyListModerator, load_terms

        return DenyListModerator([*load_terms(deny_file or DEFAULT_LIST), *terms])
    raise UnknownProviderError(f"unknown moderation provider {name!r}; available: deny-list")
