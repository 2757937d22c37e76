"""Providers by name, as settings choose them. The embedded ones are the defaults."""

from __future__ import annotations

from pathlib import Path

from providers.base import ModerationProvider, MusicProvider, VisualProvider, VoiceProvider
from providers.remote import REMOTE_PROVIDERS, RemoteProviders


class UnknownProviderError(ValueError):
    pass


def chain(names: str) -> list[str]:
    """A kind's providers in order of preference: "outage,animatic" -> ["outage", "animatic"]."""
    return [name.strip() for name in names.split(",") if name.strip()]


def is_remote(name: str) -> bool:
    """A provider on a remote service: it runs on its own task queue (film-models-<name>)."""
    return name in REMOTE_PROVIDERS


def picture_price(provider: VisualProvider, seconds: float, clip: bool = False) -> float:
    """What a provider charges for one shot's picture: per second, plus per image (a
    still) or per second of a moving clip it made."""
    if clip:
        per_clip_second: float = getattr(provider, "price_per_clip_second", 0.0)
        return (provider.price_per_second + per_clip_second) * seconds
    per_image: float = getattr(provider, "price_per_image", 0.0)
    return provider.price_per_second * seconds + per_image


def visual_provider(name: str, remote: RemoteProviders | None = None) -> VisualProvider:
    if name == "comfyui":
        from providers.comfyui.provider import ComfyUIVisualProvider

        return ComfyUIVisualProvider((remote or RemoteProviders()).comfyui)
    if name == "openai-images":
        from providers.openai.images import OpenAIImagesProvider

        config = remote or RemoteProviders()
        return OpenAIImagesProvider(config.images, config.images_price_per_image)
    if name == "animatic":
        from providers.animatic import AnimaticProvider

        return AnimaticProvider()
    if name == "outage":
        from providers.outage import OutageVisualProvider

        return OutageVisualProvider()
    raise UnknownProviderError(
        f"unknown visual provider {name!r}; available: animatic, outage, comfyui, openai-images"
    )


def voice_provider(name: str, remote: RemoteProviders | None = None) -> VoiceProvider:
    if name == "openai-speech":
        from providers.openai.speech import OpenAISpeechProvider

        config = remote or RemoteProviders()
        return OpenAISpeechProvider(
            config.speech, config.speech_price_per_1k_characters, config.speech_voices
        )
    if name == "espeak-ng":
        from providers.espeak_voice import EspeakVoiceProvider

        return EspeakVoiceProvider()
    raise UnknownProviderError(
        f"unknown voice provider {name!r}; available: espeak-ng, openai-speech"
    )


def music_provider(name: str) -> MusicProvider:
    if name == "outage":
        from providers.outage import OutageMusicProvider

        return OutageMusicProvider()
    if name == "synth-score":
        from providers.synth_score import SynthScoreProvider

        return SynthScoreProvider()
    raise UnknownProviderError(f"unknown music provider {name!r}; available: synth-score, outage")


def moderation_provider(name: str, terms: list[str], deny_file: Path | None) -> ModerationProvider:
    if name == "deny-list":
        from providers.moderation import DEFAULT_LIST, DenyListModerator, load_terms

        return DenyListModerator([*load_terms(deny_file or DEFAULT_LIST), *terms])
    raise UnknownProviderError(f"unknown moderation provider {name!r}; available: deny-list")
