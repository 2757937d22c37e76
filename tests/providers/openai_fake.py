"""An OpenAI-compatible server for tests, held to the `openai` package's own types.

Pinned source: the `openai` package 3.57.0 from PyPI (a dev dependency): request bodies are
checked against openai/types/image_generate_params.py (ImageGenerateParamsNonStreaming),
openai/types/image_edit_params.py (ImageEditParamsNonStreaming; multipart, files as
"image[]", the SDK's bracket array format in openai/_base_client.py) and
openai/types/audio/speech_create_params.py (SpeechCreateParams): an unknown field or a
missing Required one is a 400 as the real API answers. Answers are built as
openai/types/images_response.py ImagesResponse (validated with the model itself) and raw
audio bytes for speech; errors as the API's {"error": {"message", "type", "param",
"code"}}. Knobs: `rate_limit` (N answers 429 with Retry-After; -1 for ever), `fail_5xx`,
`bad_output`, words that the content policy refuses.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import struct
import time
import wave
from typing import Any

from openai.types.audio.speech_create_params import SpeechCreateParams
from openai.types.image_edit_params import ImageEditParamsNonStreaming
from openai.types.image_generate_params import ImageGenerateParamsNonStreaming
from openai.types.images_response import ImagesResponse
from PIL import Image

from tests.providers.http_fake import FakeServer, Reply, Request


def _keys(params: Any) -> tuple[set[str], set[str]]:
    hints = {}
    for klass in reversed(params.__mro__):
        hints.update(getattr(klass, "__annotations__", {}))

    def text(hint: Any) -> str:  # a ForwardRef under `from __future__ import annotations`
        return str(getattr(hint, "__forward_arg__", hint))

    required = {name for name, hint in hints.items() if text(hint).startswith("Required[")}
    return required, set(hints)


def _error(status: int, message: str, kind: str, code: str | None) -> Reply:
    body = {"error": {"message": message, "type": kind, "param": None, "code": code}}
    return Reply.json(status, body)


class FakeOpenAI:
    def __init__(self, api_key: str) -> None:
        self.api_key = api_key
        self.rate_limit = 0
        self.retry_after = "1"
        self.fail_5xx = 0
        self.bad_output = ""  # "not_png" | "wrong_size" | "empty_audio"
        self.refused_words = ("forbidden",)
        self.speech_budget: int | None = None  # that many speech answers, then 429 for ever
        self.delay_s = 0.0  # a picture takes this long to answer
        self.calls: list[dict[str, Any]] = []  # route, body fields, idempotency key, refs
        self.server = FakeServer(self.handle)

    @property
    def url(self) -> str:
        return f"{self.server.url}/v1"

    def __enter__(self) -> FakeOpenAI:
        self.server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.__exit__(*exc)

    def calls_to(self, route: str) -> list[dict[str, Any]]:
        return [call for call in self.calls if call["route"] == route]

    def handle(self, request: Request) -> Reply:
        if request.headers.get("authorization") != f"Bearer {self.api_key}":
            given = request.headers.get("authorization", "").removeprefix("Bearer ")
            return _error(401, f"Incorrect API key provided: {given}.", "invalid_request_error",
                          "invalid_api_key")  # fmt: skip
        if self.rate_limit:
            self.rate_limit -= 1 if self.rate_limit > 0 else 0
            reply = _error(
                429, "Rate limit reached for requests", "requests", "rate_limit_exceeded"
            )
            reply.headers["Retry-After"] = self.retry_after
            return reply
        if self.fail_5xx > 0:
            self.fail_5xx -= 1
            return _error(500, "The server had an error while processing your request.",
                          "server_error", None)  # fmt: skip
        routes = {
            "/v1/images/generations": self._generate,
            "/v1/images/edits": self._edit,
            "/v1/audio/speech": self._speech,
        }
        handler = routes.get(request.path)
        if request.method != "POST" or handler is None:
            return _error(404, f"Invalid URL ({request.method} {request.path})",
                          "invalid_request_error", None)  # fmt: skip
        return handler(request)

    def _check(self, body: dict[str, Any], params: Any) -> Reply | None:
        required, known = _keys(params)
        unknown = sorted(set(body) - known)
        if unknown:
            return _error(400, f"Unrecognized request argument supplied: {unknown[0]}",
                          "invalid_request_error", "unknown_parameter")  # fmt: skip
        missing = sorted(required - set(body))
        if missing:
            return _error(400, f"Missing required parameter: '{missing[0]}'.",
                          "invalid_request_error", "missing_required_parameter")  # fmt: skip
        return None

    def _record(self, route: str, request: Request, body: dict[str, Any], **more: Any) -> None:
        key = request.headers.get("idempotency-key", "")
        self.calls.append({"route": route, "body": body, "idempotency_key": key, **more})

    def _image_answer(self, body: dict[str, Any]) -> Reply:
        prompt = str(body.get("prompt", ""))
        if any(word in prompt.lower() for word in self.refused_words):
            return _error(400, "Your request was rejected by the safety system.",
                          "image_generation_user_error", "moderation_blocked")  # fmt: skip
        width, height = (int(side) for side in str(body.get("size", "1024x1024")).split("x"))
        if width % 16 or height % 16:
            return _error(400, f"Invalid size '{body['size']}': sides must be multiples of 16.",
                          "invalid_request_error", "invalid_value")  # fmt: skip
        if self.bad_output == "wrong_size":
            width, height = 1024, 1024
        shade = hashlib.sha256(prompt.encode()).digest()[:3]
        out = io.BytesIO()
        Image.new("RGB", (width, height), tuple(shade)).save(out, format="PNG")
        data = out.getvalue() if self.bad_output != "not_png" else b"GIF89a-not-really"
        answer = {
            "created": int(time.time()),
            "data": [{"b64_json": base64.b64encode(data).decode()}],
            "output_format": "png",
            "size": f"{width}x{height}",
        }
        ImagesResponse.model_validate(answer)  # the shape the SDK reads
        return Reply.json(200, answer)

    def _generate(self, request: Request) -> Reply:
        body = request.json()
        bad = self._check(body, ImageGenerateParamsNonStreaming)
        if bad:
            return bad
        self._record("images/generations", request, body)
        time.sleep(self.delay_s)
        return self._image_answer(body)

    def _edit(self, request: Request) -> Reply:
        fields, files = request.form()
        body: dict[str, Any] = dict(fields)
        if "image[]" in files:
            body["image"] = files["image[]"]
        bad = self._check(body, ImageEditParamsNonStreaming)
        if bad:
            return bad
        references = [hashlib.sha256(data).hexdigest() for _, data in files.get("image[]", [])]
        self._record("images/edits", request, fields, references=references)
        return self._image_answer(body)

    def _speech(self, request: Request) -> Reply:
        if self.speech_budget is not None:
            if self.speech_budget <= 0:
                reply = _error(429, "Rate limit reached", "requests", "rate_limit_exceeded")
                reply.headers["Retry-After"] = self.retry_after
                return reply
            self.speech_budget -= 1
        body = request.json()
        bad = self._check(body, SpeechCreateParams)
        if bad:
            return bad
        self._record("audio/speech", request, body)
        if body.get("response_format", "mp3") != "wav":
            return _error(400, "this fake serves wav only", "invalid_request_error", None)
        words = len(str(body["input"]).split())
        seconds = 0.0 if self.bad_output == "empty_audio" else max(0.4, words / 2.6)
        return Reply(200, _tone(seconds, str(body["voice"])), "audio/wav")


def _tone(seconds: float, voice: str) -> bytes:
    rate = 24_000
    pitch = 120 + int(hashlib.sha256(voice.encode()).digest()[0])
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * pitch * n / rate)))
        for n in range(int(seconds * rate))
    )
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(frames)
    return out.getvalue()


def as_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True)
