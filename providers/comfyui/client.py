"""ComfyUI's HTTP protocol (server.py routes): upload, queue, follow, download, stop.

A prompt id is chosen by the caller and sent with POST /prompt, so the same piece of work
always has the same id: `status` looks it up in /queue and /history before anything is
submitted again. Nothing here knows about films.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import httpx

from providers.errors import NodeError, OutputUnusable, ProviderUnavailable
from providers.http_calls import check, send


class JobStatus(StrEnum):
    UNKNOWN = "unknown"  # never submitted (or forgotten by a restarted server)
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class OutputFile:
    node_id: str
    filename: str
    subfolder: str
    type: str
    kind: str  # "images", "gifs", "videos": the history's key for it
    animated: bool = False  # core video nodes report "images" with "animated": [true]

    @property
    def moving(self) -> bool:
        """A moving picture: VideoHelperSuite's "gifs", a "videos" key, or core ComfyUI's
        SaveVideo / SaveWEBM / animated saves (`"images": [...], "animated": [true]`)."""
        return self.kind != "images" or self.animated


class ComfyClient:
    def __init__(self, base_url: str, http: httpx.Client, name: str = "comfyui") -> None:
        self._base = base_url.rstrip("/")
        self._http = http
        self.name = name

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return send(self._http, method, f"{self._base}{path}", self.name, **kwargs)

    def upload_image(self, path: Path, name: str) -> str:
        """Put a reference image in ComfyUI's input folder; returns the name LoadImage takes."""
        with path.open("rb") as image:
            answer = self._call(
                "POST",
                "/upload/image",
                files={"image": (name, image, "image/png")},
                data={"overwrite": "true", "type": "input"},
            ).json()
        folder = answer.get("subfolder") or ""
        return f"{folder}/{answer['name']}" if folder else str(answer["name"])

    def submit(self, prompt_id: str, graph: dict[str, Any], client_id: str) -> None:
        """Queue the graph under our prompt id; a graph ComfyUI refuses raises NodeError."""
        body = {"prompt": graph, "prompt_id": prompt_id, "client_id": client_id}
        try:
            response = self._http.post(f"{self._base}/prompt", json=body)
        except httpx.HTTPError as error:  # a retry looks the prompt id up before resubmitting
            raise ProviderUnavailable(f"{self.name}: submit failed: {error}") from None
        if response.status_code == 400:  # validation: {"error": {...}, "node_errors": {...}}
            answer = _json(response)
            errors = answer.get("node_errors") or {}
            if errors:
                raise NodeError(f"{self.name}: {describe_node_errors(errors, graph)}")
            refusal = answer.get("error")
            message = refusal.get("message", refusal) if isinstance(refusal, dict) else refusal
            raise NodeError(f"{self.name}: the workflow was refused: {message}")
        check(response, self.name)

    def status(self, prompt_id: str) -> JobStatus:
        # The queue first: ComfyUI writes a finished prompt's history before it leaves the
        # queue, so a prompt in neither was never submitted (or the server restarted).
        queue = self._call("GET", "/queue").json()
        if any(_item_id(item) == prompt_id for item in queue.get("queue_running", [])):
            return JobStatus.RUNNING
        if any(_item_id(item) == prompt_id for item in queue.get("queue_pending", [])):
            return JobStatus.PENDING
        history = self.history(prompt_id)
        if history is None:
            return JobStatus.UNKNOWN
        state = history.get("status") or {}
        if state.get("status_str") == "error":
            return JobStatus.FAILED
        return JobStatus.DONE

    def history(self, prompt_id: str) -> dict[str, Any] | None:
        entry = self._call("GET", f"/history/{prompt_id}").json().get(prompt_id)
        return entry if isinstance(entry, dict) else None

    def failure(self, prompt_id: str) -> str:
        """What the history says went wrong: the execution_error message, naming the node."""
        history = self.history(prompt_id) or {}
        for message in (history.get("status") or {}).get("messages", []):
            if not (isinstance(message, list) and len(message) == 2):
                continue
            kind, info = message
            node = f"node {info.get('node_id')} ({info.get('node_type')})"
            if kind == "execution_error":
                return f"{node}: {info.get('exception_message', '').strip()}"
            if kind == "execution_interrupted":  # someone stopped it on the ComfyUI machine
                return f"the prompt was interrupted on the server at {node}"
        return "the prompt failed"

    def outputs(self, prompt_id: str) -> list[OutputFile]:
        history = self.history(prompt_id) or {}
        found = []
        for node_id, output in (history.get("outputs") or {}).items():
            animated = any(flag is True for flag in output.get("animated") or [])
            for kind in ("images", "gifs", "videos"):
                for item in output.get(kind, []) or []:
                    found.append(
                        OutputFile(
                            str(node_id),
                            str(item["filename"]),
                            str(item.get("subfolder", "")),
                            str(item.get("type", "output")),
                            kind,
                            animated,
                        )
                    )
        if not found:
            raise OutputUnusable(f"{self.name}: prompt {prompt_id} finished with no outputs")
        return found

    def download(self, output: OutputFile) -> bytes:
        params = {"filename": output.filename, "subfolder": output.subfolder, "type": output.type}
        return self._call("GET", "/view", params=params).content

    def stop(self, prompt_id: str) -> None:
        """Cancel our prompt: delete it from the queue, interrupt it if it is running."""
        self._call("POST", "/queue", json={"delete": [prompt_id]})
        self._call("POST", "/interrupt", json={"prompt_id": prompt_id})


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {"error": response.text[:300]}
    return body if isinstance(body, dict) else {"error": str(body)[:300]}


def _item_id(item: object) -> str:
    # A queue item is [number, prompt_id, prompt, extra_data, outputs_to_execute].
    return str(item[1]) if isinstance(item, list) and len(item) > 1 else ""


def describe_node_errors(errors: dict[str, Any], graph: dict[str, Any]) -> str:
    """ "node 6 (CLIPTextEncode): Required input is missing: text" for each failing node."""
    parts = []
    for node_id, info in errors.items():
        kind = info.get("class_type") or graph.get(node_id, {}).get("class_type", "?")
        messages = "; ".join(
            f"{error.get('message', '')}: {error.get('details', '')}".strip(": ")
            for error in info.get("errors", [])
        )
        parts.append(f"node {node_id} ({kind}): {messages or 'failed validation'}")
    return "; ".join(parts) or "the workflow failed validation"
