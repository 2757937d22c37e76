"""The OpenAI-compatible image and speech adapters against a local server held to the
`openai` package's types (tests/providers/openai_fake.py names the modules and version)."""

from __future__ import annotations

import hashlib
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from providers.errors import (
    OutputUnusable,
    ProviderAuthFailed,
    ProviderRefused,
    ProviderUnavailable,
    RateLimited,
)
from providers.openai.images import OpenAIImagesProvider
from providers.openai.service import ServiceConfig
from providers.openai.speech import OpenAISpeechProvider
from tests.providers.frames import PROFILE, frame_request
from tests.providers.openai_fake import FakeOpenAI

KEY = "sk-test-3f9a0c2e77d1"


@pytest.fixture
def service() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(KEY) as server:
        yield server


def images(service: FakeOpenAI, key: str = KEY) -> OpenAIImagesProvider:
    return OpenAIImagesProvider(ServiceConfig(service.url, "gpt-image-2", key), 4.0)


def speech(service: FakeOpenAI) -> OpenAISpeechProvider:
    return OpenAISpeechProvider(ServiceConfig(service.url, "gpt-4o-mini-tts", KEY), 15.0)


def test_a_still_is_generated_and_fitted(service: FakeOpenAI, tmp_path: Path) -> None:
    art = images(service).render_frame(frame_request(), tmp_path)
    with Image.open(art.background) as picture:
        assert picture.size == PROFILE.art_size
    [call] = service.calls_to("images/generations")
    assert call["body"]["size"] == "480x272" and call["body"]["model"] == "gpt-image-2"
    assert "Avoid: text, watermark" in call["body"]["prompt"]
    assert call["idempotency_key"].startswith("filmstudio-")


def test_references_go_to_edits(service: FakeOpenAI, tmp_path: Path) -> None:
    ref = tmp_path / "mara.png"
    Image.new("RGB", (64, 64), (9, 9, 9)).save(ref)
    images(service).render_frame(frame_request(references={"MARA": ref}), tmp_path)
    [call] = service.calls_to("images/edits")
    assert call["references"] == [hashlib.sha256(ref.read_bytes()).hexdigest()]


def test_the_same_work_sends_the_same_idempotency_key(service: FakeOpenAI, tmp_path: Path) -> None:
    images(service).render_frame(frame_request(), tmp_path)
    images(service).render_frame(frame_request(), tmp_path)
    images(service).render_frame(frame_request("film-1/01-01/2/openai-images"), tmp_path)
    keys = [call["idempotency_key"] for call in service.calls]
    assert keys[0] == keys[1] != keys[2]


def test_429_carries_retry_after(service: FakeOpenAI, tmp_path: Path) -> None:
    service.rate_limit, service.retry_after = 1, "3"
    with pytest.raises(RateLimited) as raised:
        images(service).render_frame(frame_request(), tmp_path)
    assert raised.value.retry_after_s == 3.0
    assert images(service).render_frame(frame_request(), tmp_path).background.exists()


def test_5xx_is_unavailable_then_success(service: FakeOpenAI, tmp_path: Path) -> None:
    service.fail_5xx = 1
    with pytest.raises(ProviderUnavailable, match="HTTP 500"):
        images(service).render_frame(frame_request(), tmp_path)
    assert images(service).render_frame(frame_request(), tmp_path).background.exists()


def test_a_bad_key_fails_for_good_without_showing_it(service: FakeOpenAI, tmp_path: Path) -> None:
    wrong = "sk-wrong-81b2c4d5e6f7"
    with pytest.raises(ProviderAuthFailed) as raised:
        images(service, wrong).render_frame(frame_request(), tmp_path)
    assert "HTTP 401" in str(raised.value) and wrong not in str(raised.value)


def test_a_refusal_carries_the_providers_message(service: FakeOpenAI, tmp_path: Path) -> None:
    with pytest.raises(ProviderRefused, match="rejected by the safety system"):
        images(service).render_frame(frame_request(prompt="a forbidden thing"), tmp_path)


@pytest.mark.parametrize("bad", ["not_png", "wrong_size"])
def test_an_unusable_picture(service: FakeOpenAI, tmp_path: Path, bad: str) -> None:
    service.bad_output = bad
    with pytest.raises(OutputUnusable):
        images(service).render_frame(frame_request(), tmp_path)


def test_speech_is_spoken_in_the_cast_voice_and_fitted(service: FakeOpenAI, tmp_path: Path) -> None:
    voices = speech(service)
    cast = voices.cast(["MARA", "JONAH"])
    assert cast["MARA"] != cast["JONAH"] and cast == voices.cast(["JONAH", "MARA"])
    text = "the tide will not wait for any of us tonight, not for you"
    clip = voices.synthesize("MARA", text, tmp_path / "line.wav", 4.0, voice=cast["MARA"])
    with wave.open(str(clip.path)) as wav:
        assert wav.getframerate() == 48_000 and wav.getnchannels() == 1
    [call] = service.calls_to("audio/speech")
    assert call["body"]["voice"] == cast["MARA"] and call["body"]["response_format"] == "wav"
    assert 3.95 < clip.duration_s < 4.01  # 13 words at 2.6/s = 5 s, sped up 1.25x to fit
    assert voices.price_per_character == 0.015


def test_empty_audio_is_unusable(service: FakeOpenAI, tmp_path: Path) -> None:
    service.bad_output = "empty_audio"
    with pytest.raises(OutputUnusable, match="no speech"):
        speech(service).synthesize("MARA", "Hello.", tmp_path / "line.wav")
