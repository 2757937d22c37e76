"""What the remote providers need from settings, in one value the registry takes.

Settings builds it (core/settings.py `remote_providers`); keys live only here and in
settings, never in a workflow's input, history or state."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from providers.comfyui.provider import ComfyConfig
from providers.openai.service import ServiceConfig

REMOTE_PROVIDERS = ("comfyui", "openai-images", "openai-speech")


@dataclass(frozen=True)
class RemoteProviders:
    comfyui: ComfyConfig = field(
        default_factory=lambda: ComfyConfig(
            "http://127.0.0.1:8188", Path("examples/comfyui-workflow.json")
        )
    )
    images: ServiceConfig = field(
        default_factory=lambda: ServiceConfig("https://api.openai.com/v1", "gpt-image-2")
    )
    images_price_per_image: float = 0.0
    speech: ServiceConfig = field(
        default_factory=lambda: ServiceConfig("https://api.openai.com/v1", "gpt-4o-mini-tts")
    )
    speech_price_per_1k_characters: float = 0.0
    speech_voices: tuple[str, ...] = ()
