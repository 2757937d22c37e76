"""OpenAI-compatible images as a visual provider.

A shot without character references is drawn by /images/generations; one that shows
characters with references goes to /images/edits with those images, so each character
looks the same from shot to shot. The answer's base64 PNG is checked (an image, of the
size asked) and fitted to the art size; the compositor moves the camera across it."""

from __future__ import annotations

import base64
import binascii
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx

from providers.base import FrameArt, FrameRequest
from providers.errors import OutputUnusable
from providers.http_calls import while_waiting
from providers.openai.service import Service, ServiceConfig, idempotency_key
from providers.picture_fit import fit_picture, model_size
from providers.prompts import shot_prompt

SIZE_MULTIPLE = 16  # GPT image models take WIDTHxHEIGHT in multiples of 16
HEARTBEAT_EVERY_S = 2.0


class OpenAIImagesProvider:
    name = "openai-images"
    price_per_second = 0.0  # priced per image
    takes_references = True  # through /images/edits
    synchronous = True  # no job id before the answer: a call cut off is a new call

    def __init__(
        self, config: ServiceConfig, price_per_image: float = 0.0, http: httpx.Client | None = None
    ) -> None:
        self.price_per_image = price_per_image
        self._service = Service(config, self.name, http)

    def render_frame(self, request: FrameRequest, out_dir: Path) -> FrameArt:
        width, height = model_size(request.profile.art_size, SIZE_MULTIPLE)
        prompt = request.prompt or shot_prompt(request.scene, request.shot, notes=request.notes)
        if request.negative_prompt:  # the API has no negative prompt: say it in words
            prompt += f" Avoid: {request.negative_prompt}."
        fields: dict[str, Any] = {
            "model": self._service.model,
            "prompt": prompt,
            "n": 1,
            "size": f"{width}x{height}",
            "output_format": "png",
        }
        key = idempotency_key(self.name, request.request_id or prompt)
        references = list(request.references.values())

        def call() -> httpx.Response:
            if not references:
                return self._service.post("images/generations", key, json=fields)
            with ExitStack() as files:
                parts = [
                    ("image[]", (path.name, files.enter_context(path.open("rb")), "image/png"))
                    for path in references
                ]
                data = {k: str(v) for k, v in fields.items()}
                return self._service.post("images/edits", key, data=data, files=parts)

        answer = while_waiting(call, request.progress, HEARTBEAT_EVERY_S)
        background = out_dir / "background.png"
        fit_picture(_image_bytes(answer, self.name), (width, height), request.profile.art_size,
                    background, self.name)  # fmt: skip
        return FrameArt(background=background, overlay=None)


def _image_bytes(answer: httpx.Response, provider: str) -> bytes:
    """The first image of an ImagesResponse ({"created", "data": [{"b64_json"}]})."""
    try:
        body = answer.json()
        encoded = body["data"][0]["b64_json"]
        return base64.b64decode(encoded, validate=True)
    except (ValueError, KeyError, IndexError, TypeError, binascii.Error):
        raise OutputUnusable(f"{provider}: the answer holds no base64 image") from None
