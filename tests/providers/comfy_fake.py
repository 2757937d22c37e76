"""A ComfyUI server for tests, following ComfyUI's server.py routes and answers.

Pinned source: server.py, execution.py and comfy_api/latest/_ui.py of Comfy-Org/ComfyUI at
commit a125cd84b054a57729b5eecab930ca9408719832 (ComfyUI 0.3.64). Read, not copied, and
checked by hand against that commit running on CPU here (the same calls to both, answers
compared by status, content type and JSON shape: README "Checked against a real
ComfyUI"). POST /prompt takes {"prompt", "prompt_id"?, "client_id"?}, answers
{"prompt_id", "number", "node_errors"} or 400 {"error", "node_errors"}; GET /queue answers
{"queue_running", "queue_pending"} of [number, prompt_id, prompt, extra_data, outputs];
POST /queue {"delete": [ids]}; POST /interrupt {"prompt_id"?} (only a running prompt of
that id is interrupted); GET /history/{id} answers {id: {"prompt", "outputs", "status":
{"status_str", "completed", "messages"}, "meta"}} or {}; POST /upload/image (multipart
"image", "overwrite", "type", "subfolder") answers {"name", "subfolder", "type"}; GET
/view?filename&subfolder&type serves the file. Core video saves (SaveVideo) report their
file under "images" with "animated": [true] (_ui.PreviewVideo).

It runs weightless nodes for real (EmptyImage, LoadImage, ImageScale, ImageBlend,
RepeatImageBatch, CreateVideo, SaveImage, SaveVideo, and the primitives that hold text),
one prompt at a time, and records every submit, upload, delete and interrupt. Knobs:
`job_seconds`, `fail_5xx` (the next N calls answer 503), `rate_limited` (every call
answers 429 with Retry-After), `bad_output`.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from PIL import Image

from tests.providers.http_fake import FakeServer, Reply, Request

NODES: dict[str, tuple[str, ...]] = {  # class_type -> required inputs
    "EmptyImage": ("width", "height", "batch_size", "color"),
    "LoadImage": ("image",),
    "ImageScale": ("image", "upscale_method", "width", "height", "crop"),
    "ImageBlend": ("image1", "image2", "blend_factor", "blend_mode"),
    "RepeatImageBatch": ("image", "amount"),
    "CreateVideo": ("images", "fps"),
    "SaveImage": ("images", "filename_prefix"),
    "SaveVideo": ("video", "filename_prefix", "format", "codec"),
    # ComfyUI-VideoHelperSuite's Video Combine (a custom node): frames to an mp4, reported
    # under "gifs" in the history. Here it holds its one image for `clip_frames` frames.
    "VHS_VideoCombine": ("images", "frame_rate", "loop_count", "filename_prefix", "format"),
    "PrimitiveString": ("value",),
    "PrimitiveInt": ("value",),
}
OUTPUT_NODES = {"SaveImage", "SaveVideo", "VHS_VideoCombine"}


class FakeComfyUI:
    def __init__(self) -> None:
        self.job_seconds = 0.0
        self.fail_5xx = 0
        self.rate_limited = False
        self.retry_after = "1"
        self.bad_output = ""  # "not_png" | "wrong_size"
        self.clip_frames = 20
        self.submits: list[tuple[str, dict[str, Any]]] = []
        self.uploads: dict[str, bytes] = {}
        self.deletes: list[str] = []
        self.interrupts: list[str] = []
        self.loaded: dict[str, list[str]] = {}  # prompt id -> images its LoadImage nodes read
        self.seen: list[tuple[float, str, str]] = []  # (monotonic time, method, path)
        self._outputs: dict[str, bytes] = {}
        self._pending: list[list[Any]] = []
        self._running: list[Any] | None = None
        self._history: dict[str, dict[str, Any]] = {}
        self._interrupt = threading.Event()
        self._lock = threading.Condition()
        self._number = 0
        self._stop = False
        self.server = FakeServer(self.handle)
        self._runner = threading.Thread(target=self._run, daemon=True)

    @property
    def url(self) -> str:
        return self.server.url

    def __enter__(self) -> FakeComfyUI:
        self.server.__enter__()
        self._runner.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._stop = True
            self._lock.notify_all()
        self.server.__exit__(*exc)

    # -- routes ------------------------------------------------------------------------

    def handle(self, request: Request) -> Reply:
        self.seen.append((time.monotonic(), request.method, request.path))
        if self.rate_limited:
            return Reply.json(429, {"error": "slow down"}, {"Retry-After": self.retry_after})
        if self.fail_5xx > 0:
            self.fail_5xx -= 1
            return Reply(503, b"busy", "text/plain")
        route = (request.method, request.path.removeprefix("/api"))
        if route == ("POST", "/prompt"):
            return self._post_prompt(request.json())
        if route == ("GET", "/queue"):
            with self._lock:
                running = [self._running] if self._running else []
                return Reply.json(200, {"queue_running": running, "queue_pending": self._pending})
        if route == ("POST", "/queue"):
            with self._lock:
                for prompt_id in request.json().get("delete", []):
                    self.deletes.append(prompt_id)
                    self._pending = [item for item in self._pending if item[1] != prompt_id]
            return Reply(200, b"", "")
        if route == ("POST", "/interrupt"):
            prompt_id = (request.json() or {}).get("prompt_id", "")
            self.interrupts.append(prompt_id)
            with self._lock:
                if self._running and (not prompt_id or self._running[1] == prompt_id):
                    self._interrupt.set()
            return Reply(200, b"", "")
        if request.method == "GET" and request.path.startswith("/history/"):
            prompt_id = request.path.removeprefix("/history/")
            with self._lock:
                entry = self._history.get(prompt_id)
            return Reply.json(200, {prompt_id: entry} if entry else {})
        if route == ("POST", "/upload/image"):
            fields, files = request.form()
            if not files.get("image"):
                return Reply(400, b"", "text/plain")
            name, data = files["image"][0]
            self.uploads[name] = data
            return Reply.json(200, {"name": name, "subfolder": fields.get("subfolder", ""),
                                    "type": fields.get("type", "input")})  # fmt: skip
        if route == ("GET", "/view"):
            data = self._outputs.get(request.query.get("filename", ""))
            return Reply(200, data, "image/png") if data is not None else Reply(404)
        return Reply(404, b"404: Not Found", "text/plain")

    def _post_prompt(self, body: dict[str, Any]) -> Reply:
        if "prompt" not in body:
            error = {"type": "no_prompt", "message": "No prompt provided",
                     "details": "No prompt provided", "extra_info": {}}  # fmt: skip
            return Reply.json(400, {"error": error, "node_errors": {}})
        prompt: dict[str, Any] = body["prompt"]
        prompt_id = str(body.get("prompt_id", uuid.uuid4()))
        invalid, node_errors = self._validate(prompt)
        if invalid:
            return Reply.json(400, {"error": invalid, "node_errors": node_errors})
        with self._lock:
            self.submits.append((prompt_id, prompt))
            self._number += 1
            outputs = [nid for nid, node in prompt.items() if node["class_type"] in OUTPUT_NODES]
            extra = {"client_id": body.get("client_id"), "create_time": int(time.time() * 1000)}
            self._pending.append([self._number, prompt_id, prompt, extra, outputs])
            self._lock.notify_all()
        return Reply.json(200, {"prompt_id": prompt_id, "number": self._number, "node_errors": {}})

    def _validate(self, prompt: dict[str, Any]) -> tuple[dict[str, Any] | None, dict[str, Any]]:
        def fail(kind: str, message: str, details: str = "") -> dict[str, Any]:
            return {"type": kind, "message": message, "details": details, "extra_info": {}}

        for node_id, node in prompt.items():
            if node.get("class_type") not in NODES:
                why = f"Cannot execute because node {node.get('class_type')} does not exist."
                return fail("invalid_prompt", why, f"Node ID '#{node_id}'"), {}
        outputs = [nid for nid, node in prompt.items() if node["class_type"] in OUTPUT_NODES]
        if not outputs:
            return fail("prompt_no_outputs", "Prompt has no outputs"), {}
        node_errors: dict[str, Any] = {}
        for node_id, node in prompt.items():
            errors = []
            inputs = node.get("inputs", {})
            for name in NODES[node["class_type"]]:
                if name not in inputs:
                    missing = fail("required_input_missing", "Required input is missing", name)
                    errors.append({**missing, "extra_info": {"input_name": name}})
            if node["class_type"] == "LoadImage" and inputs.get("image") not in self.uploads:
                why = f"image - Invalid image file: {inputs.get('image')}"
                errors.append(fail("custom_validation_failed", "Custom validation failed", why))
            if errors:
                node_errors[node_id] = {"errors": errors, "dependent_outputs": outputs,
                                        "class_type": node["class_type"]}  # fmt: skip
        if node_errors:
            return fail(
                "prompt_outputs_failed_validation", "Prompt outputs failed validation"
            ), node_errors
        return None, {}

    # -- execution ---------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._lock:
                while not self._pending and not self._stop:
                    self._lock.wait()
                if self._stop:
                    return
                item = self._running = self._pending.pop(0)
                self._interrupt.clear()
            interrupted = self._interrupt.wait(self.job_seconds)
            entry = self._finish(item, interrupted)
            with self._lock:
                self._history[item[1]] = entry
                self._running = None

    def _finish(self, item: list[Any], interrupted: bool) -> dict[str, Any]:
        prompt_id, prompt = item[1], item[2]
        started = ["execution_start", {"prompt_id": prompt_id, "timestamp": 0}]
        if interrupted:
            last_id, last = [n for n in _in_order(prompt) if n[1]["class_type"] in OUTPUT_NODES][-1]
            message = ["execution_interrupted", {"prompt_id": prompt_id, "node_id": last_id,
                                                 "node_type": last["class_type"],
                                                 "executed": []}]  # fmt: skip
            status = {"status_str": "error", "completed": False, "messages": [started, message]}
            return {"prompt": item, "outputs": {}, "status": status, "meta": {}}
        images: dict[str, Image.Image] = {}
        batches: dict[str, int] = {}  # node id -> frames of a RepeatImageBatch / CreateVideo
        rates: dict[str, float] = {}  # CreateVideo node id -> its fps
        outputs: dict[str, Any] = {}
        meta: dict[str, Any] = {}
        self.loaded[prompt_id] = []

        def value(ref: Any) -> Image.Image:
            return images[str(ref[0])]

        for node_id, node in _in_order(prompt):
            inputs = node["inputs"]
            kind = node["class_type"]
            if kind == "EmptyImage":
                size, color = (int(inputs["width"]), int(inputs["height"])), int(inputs["color"])
                rgb = ((color >> 16) & 0xFF, (color >> 8) & 0xFF, color & 0xFF)
                images[node_id] = Image.new("RGB", size, rgb)
            elif kind == "ImageBlend":  # blend_mode "normal" only
                first, second = value(inputs["image1"]), value(inputs["image2"])
                images[node_id] = Image.blend(first, second, float(inputs["blend_factor"]))
            elif kind == "LoadImage":
                self.loaded[prompt_id].append(inputs["image"])
                images[node_id] = Image.open(io.BytesIO(self.uploads[inputs["image"]])).convert(
                    "RGB"
                )
            elif kind in ("RepeatImageBatch", "CreateVideo"):
                images[node_id] = value(inputs["image" if kind == "RepeatImageBatch" else "images"])
                source = str(inputs["image" if kind == "RepeatImageBatch" else "images"][0])
                batches[node_id] = int(inputs.get("amount", batches.get(source, 1)))
                if kind == "CreateVideo":
                    rates[node_id] = float(inputs["fps"])
            elif kind == "SaveVideo":  # core: reported under "images" with "animated"
                source = str(inputs["video"][0])
                filename = f"{inputs['filename_prefix'].replace('/', '_')}_00001_.mp4"
                self._outputs[filename] = self._video(
                    value(inputs["video"]), rates[source], batches[source]
                )
                video = {"filename": filename, "subfolder": "", "type": "output"}
                outputs[node_id] = {"images": [video], "animated": [True]}
            elif kind == "ImageScale":
                size = (int(inputs["width"]), int(inputs["height"]))
                images[node_id] = value(inputs["image"]).resize(size)
            elif kind == "SaveImage":
                filename = f"{inputs['filename_prefix'].replace('/', '_')}_00001_.png"
                self._outputs[filename] = self._encode(value(inputs["images"]))
                outputs[node_id] = {
                    "images": [{"filename": filename, "subfolder": "", "type": "output"}]
                }
            elif kind == "VHS_VideoCombine":
                filename = f"{inputs['filename_prefix'].replace('/', '_')}_00001.mp4"
                self._outputs[filename] = self._video(
                    value(inputs["images"]), inputs["frame_rate"], self.clip_frames
                )
                video = {"filename": filename, "subfolder": "", "type": "output"}
                outputs[node_id] = {"gifs": [{**video, "format": inputs["format"]}]}
            if node_id in outputs:
                meta[node_id] = {"node_id": node_id, "display_node": node_id,
                                 "parent_node": None, "real_node_id": node_id}  # fmt: skip
        done = ["execution_success", {"prompt_id": prompt_id, "timestamp": 0}]
        status = {"status_str": "success", "completed": True, "messages": [started, done]}
        return {"prompt": item, "outputs": outputs, "status": status, "meta": meta}

    def _video(self, image: Image.Image, rate: object, frames: int) -> bytes:
        with tempfile.TemporaryDirectory() as work:
            still, clip = Path(work) / "frame.png", Path(work) / "clip.mp4"
            image.save(still)
            subprocess.run(
                ["ffmpeg", "-v", "error", "-y", "-loop", "1", "-framerate", str(rate), "-i",
                 str(still), "-frames:v", str(frames), "-pix_fmt", "yuv420p",
                 "-c:v", "libx264", str(clip)],
                check=True,
            )  # fmt: skip
            return clip.read_bytes()

    def _encode(self, image: Image.Image) -> bytes:
        if self.bad_output == "not_png":
            return b"<html>not an image</html>"
        if self.bad_output == "wrong_size":
            image = image.resize((64, 64))
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue()


def _in_order(prompt: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Nodes after the nodes their links read from."""
    done: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()

    def visit(node_id: str) -> None:
        if node_id in seen:
            return
        seen.add(node_id)
        for value in prompt[node_id]["inputs"].values():
            if isinstance(value, list) and len(value) == 2 and str(value[0]) in prompt:
                visit(str(value[0]))
        done.append((node_id, prompt[node_id]))

    for node_id in prompt:
        visit(node_id)
    return done
