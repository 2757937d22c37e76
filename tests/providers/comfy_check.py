"""Check the ComfyUI adapter and the test server against a real ComfyUI, by hand.

    .venv/bin/python -m tests.providers.comfy_check --url http://127.0.0.1:8188 [--slow]

CI has no ComfyUI, so tests/providers/comfy_fake.py stands in for it; this keeps the fake
honest. It sends the same calls to the real server and to the fake and compares each
answer's status, content type and JSON shape, then runs the adapter against the real
server with the model-free workflows in examples/: a still with a reference, a retry that
must find its prompt, a clip (CreateVideo + SaveVideo), a missing input, a value over a
node's maximum and a reference that is not an image. With --slow it also cancels a
prompt while it waits in the queue and while it runs (a CPU-heavy upscale, about half a
minute). Run ComfyUI with --cpu on loopback; nothing here needs a model.
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from PIL import Image

from providers.comfyui.provider import ComfyConfig, ComfyUIVisualProvider, prompt_id_for
from providers.errors import NodeError, ProviderCancelled
from tests.providers.comfy_fake import FakeComfyUI
from tests.providers.frames import CLIP_WORKFLOW, WORKFLOW, frame_request

Shape = Any


def shape(value: Any) -> Shape:
    """A JSON value's shape: keys kept, values as type names, lists by their first item."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), (9, 9, 9)).save(out, format="PNG")
    return out.getvalue()


def conversation(url: str) -> list[tuple[str, int, str, Shape]]:
    """The same calls the adapter makes, and the refusals it must read."""
    seen: list[tuple[str, int, str, Shape]] = []

    def note(name: str, response: httpx.Response) -> Any:
        try:
            body = response.json()
        except ValueError:
            body = "<text>"
        ctype = response.headers.get("content-type", "").split(";")[0]
        seen.append((name, response.status_code, ctype, shape(body)))
        return body

    with httpx.Client(base_url=url, timeout=30) as http:
        files = {"image": (f"check-{uuid.uuid4().hex[:6]}.png", _png(), "image/png")}
        uploaded = note("upload", http.post("/upload/image", files=files, data={"type": "input"}))
        load = {"class_type": "LoadImage", "inputs": {"image": uploaded["name"]}}
        save = {"class_type": "SaveImage", "inputs": {"images": ["1", 0], "filename_prefix": "c"}}
        prompt_id = str(uuid.uuid4())
        body = {"prompt": {"1": load, "3": save}, "prompt_id": prompt_id, "client_id": "check"}
        note("prompt", http.post("/prompt", json=body))
        missing = {"3": {"class_type": "SaveImage", "inputs": {"filename_prefix": "x"}}}
        note("prompt, an input missing", http.post("/prompt", json={"prompt": missing}))
        unknown = {"1": {"class_type": "NoSuchNode", "inputs": {}}}
        note("prompt, an unknown node", http.post("/prompt", json={"prompt": unknown}))
        note("prompt, no output", http.post("/prompt", json={"prompt": {"1": load}}))
        note("prompt, no prompt", http.post("/prompt", json={}))
        deadline = time.monotonic() + 30
        while not http.get(f"/history/{prompt_id}").json() and time.monotonic() < deadline:
            time.sleep(0.2)
        note("queue", http.get("/queue"))
        history = note("history", http.get(f"/history/{prompt_id}"))
        note("history, unknown id", http.get(f"/history/{uuid.uuid4()}"))
        [image] = history[prompt_id]["outputs"]["3"]["images"]
        note("view", http.get("/view", params=image))
        note("queue delete", http.post("/queue", json={"delete": [str(uuid.uuid4())]}))
        note("interrupt", http.post("/interrupt", json={"prompt_id": str(uuid.uuid4())}))
    for n, (name, status, ctype, found) in enumerate(seen):
        if name == "history":  # keyed by the prompt id, which differs from run to run
            seen[n] = (name, status, ctype, list(found.values()))
        if name == "view":
            seen[n] = (name, status, ctype, "<bytes>")
    return seen


def compare(url: str) -> bool:
    real = conversation(url)
    with FakeComfyUI() as fake:
        faked = conversation(fake.url)
    alike = True
    for mine, theirs in zip(real, faked, strict=True):
        same = mine[1:] == theirs[1:]
        alike &= same
        print(f"{'same' if same else 'DIFFERENT':9} {mine[0]:24} {mine[1]} {mine[2] or '-'}")
        if not same:
            print(f"{'':9} real: {mine[1:]}\n{'':9} fake: {theirs[1:]}")
    return alike


def adapter_checks(url: str, slow: bool) -> bool:
    work = Path(tempfile.mkdtemp(prefix="comfy-check-"))
    run = uuid.uuid4().hex[:8]
    reference = work / "mara.png"
    Image.new("RGB", (64, 96), (200, 40, 40)).save(reference)
    refs = {"MARA": reference}

    def provider(workflow: Path) -> ComfyUIVisualProvider:
        return ComfyUIVisualProvider(ComfyConfig(url, workflow, 1.0, poll_interval_s=0.1))

    def folder(name: str) -> Path:
        path = work / name
        path.mkdir(exist_ok=True)
        return path

    def history() -> set[str]:
        return set(httpx.get(f"{url}/history", params={"max_items": 100000}).json())

    def still() -> str:
        before = history()
        art = provider(WORKFLOW).render_frame(
            frame_request(f"{run}/still", references=refs), folder("still")
        )
        with Image.open(art.background) as picture:
            size, pixel = picture.size, picture.getpixel((10, 10))
        new = history() - before
        assert new == {prompt_id_for(f"{run}/still")}, new
        return f"{size[0]}x{size[1]}, pixel {pixel}, one prompt"

    def retry() -> str:
        before = history()
        provider(WORKFLOW).render_frame(
            frame_request(f"{run}/still", references=refs), folder("again")
        )
        assert history() == before
        return "found in the history, nothing submitted"

    def clip() -> str:
        request = frame_request(f"{run}/clip", references=refs)
        art = provider(CLIP_WORKFLOW).render_frame(request, folder("clip"))
        assert art.clip is not None and art.clip.stat().st_size > 0
        return f"a clip of {art.clip.stat().st_size} bytes and its first frame"

    def refused(graph_change: Callable[[dict[str, Any]], None], **changes: object) -> str:
        graph = json.loads(WORKFLOW.read_text())
        graph_change(graph)
        path = work / f"{uuid.uuid4().hex[:6]}.json"
        path.write_text(json.dumps(graph))
        request = frame_request(f"{run}/{path.stem}", references=refs, **changes)
        try:
            provider(path).render_frame(request, folder(path.stem))
        except NodeError as error:
            return str(error)
        raise AssertionError("no NodeError")

    def not_an_image() -> str:
        bad = work / "not-an-image.png"
        bad.write_bytes(b"<html>not an image</html>")
        try:
            provider(WORKFLOW).render_frame(
                frame_request(f"{run}/bad", references={"MARA": bad}), folder("bad")
            )
        except NodeError as error:
            return str(error)
        raise AssertionError("no NodeError")

    checks: list[tuple[str, Callable[[], str]]] = [
        ("a still with a reference", still),
        ("a retry of the same shot", retry),
        ("a clip (CreateVideo + SaveVideo)", clip),
        ("an input missing", lambda: refused(lambda g: g["2"]["inputs"].pop("crop"))),
        ("a value over a node's maximum", lambda: refused(lambda g: None, seed=2**40)),
        ("a reference that is not an image", not_an_image),
    ]
    if slow:
        checks.append(("a cancel, queued and running", lambda: _cancels(url, run, work)))
    passed = True
    for name, check in checks:
        started = time.monotonic()
        try:
            print(f"ok        {name}: {check()} ({time.monotonic() - started:.1f} s)")
        except Exception as error:  # a hand check reports every case, then fails
            passed = False
            print(f"FAILED    {name}: {type(error).__name__}: {error}")
    return passed


SLOW = {  # an upscale CPU-heavy enough to stay running for a while
    "7": {"class_type": "EmptyImage",
          "inputs": {"width": 4096, "height": 4096, "batch_size": 4, "color": "{{seed}}"}},
    "2": {"class_type": "ImageScale",
          "inputs": {"image": ["7", 0], "upscale_method": "lanczos", "width": 8192,
                     "height": 8192, "crop": "disabled"}},
    "9": {"class_type": "ImageScale",
          "inputs": {"image": ["2", 0], "upscale_method": "lanczos", "width": "{{width}}",
                     "height": "{{height}}", "crop": "disabled"}},
    "3": {"class_type": "SaveImage",
          "inputs": {"images": ["9", 0], "filename_prefix": "{{filename_prefix}}"}},
}  # fmt: skip


def _cancels(url: str, run: str, work: Path) -> str:
    """One prompt running, a second queued behind it: cancel both through the adapter."""
    workflow = work / "slow.json"
    workflow.write_text(json.dumps(SLOW))
    adapter = ComfyUIVisualProvider(ComfyConfig(url, workflow, 1.0, poll_interval_s=0.1))
    outcome: dict[str, str] = {}

    def render(name: str, seed: int, beats_before_cancel: int) -> None:
        beats: list[int] = []

        def beat() -> None:
            beats.append(1)
            if len(beats) == beats_before_cancel:
                raise ProviderCancelled("cancelled")

        out = work / name
        out.mkdir(exist_ok=True)
        try:
            adapter.render_frame(frame_request(f"{run}/{name}", seed=seed, progress=beat), out)
            outcome[name] = "finished"
        except ProviderCancelled:
            outcome[name] = "cancelled"

    running = threading.Thread(target=render, args=("running", 101, 40))
    running.start()
    time.sleep(1.0)
    queued = threading.Thread(target=render, args=("queued", 102, 10))
    queued.start()
    running.join()
    queued.join()
    deadline = time.monotonic() + 120
    entries: dict[str, Any] = {}
    while time.monotonic() < deadline:  # the running prompt stops at its next node
        queue = httpx.get(f"{url}/queue").json()
        if not queue["queue_running"] and not queue["queue_pending"]:
            break
        time.sleep(0.5)
    for name in ("running", "queued"):
        prompt_id = prompt_id_for(f"{run}/{name}")
        entries[name] = httpx.get(f"{url}/history/{prompt_id}").json().get(prompt_id)
    assert outcome == {"running": "cancelled", "queued": "cancelled"}, outcome
    assert entries["queued"] is None  # deleted from the queue: it never ran
    said = [message[0] for message in entries["running"]["status"]["messages"]]
    assert "execution_interrupted" in said, said
    return "the queued prompt deleted, the running one interrupted"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8188")
    parser.add_argument("--slow", action="store_true", help="also cancel a running prompt")
    options = parser.parse_args()
    stats = httpx.get(f"{options.url}/system_stats").json()
    print(f"ComfyUI {stats['system']['comfyui_version']} at {options.url}")
    alike = compare(options.url)
    works = adapter_checks(options.url, options.slow)
    raise SystemExit(0 if alike and works else 1)


if __name__ == "__main__":
    main()
