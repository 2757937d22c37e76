"""ComfyUI as a visual provider: a shot's still from the user's workflow file.

One prompt id per piece of work (uuid5 of the request id: workflow, shot, take), so a
retried activity or a worker that died mid-job finds its prompt in the queue or the
history and waits for it; nothing is submitted twice. Cancellation deletes the prompt
from the queue and interrupts it. The still becomes the shot's background: the camera
move is applied by the compositor as for every picture.
"""

from __future__ import annotations

import hashlib
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
from PIL import Image

from media.clip_fit import first_frame_argv
from providers.base import FrameArt, FrameRequest
from providers.comfyui.client import ComfyClient, JobStatus, OutputFile
from providers.comfyui.graph import GraphInputs, fill, load_workflow, reference_slots
from providers.errors import NodeError, OutputUnusable, ProviderCancelled, ProviderUnavailable
from providers.picture_fit import fit_picture, model_size
from providers.prompts import negative_prompt, shot_prompt

PROMPT_NAMESPACE = uuid.UUID("6f1d3c55-41a7-4c61-9a4e-2d0f6b0e8a11")
CLIENT_ID = "filmstudio"
SIZE_MULTIPLE = 8  # latent models work in 8-pixel blocks


@dataclass(frozen=True)
class ComfyConfig:
    url: str
    workflow: Path
    price_per_image: float = 0.0
    price_per_clip_second: float = 0.0  # a moving clip is priced by its seconds instead
    poll_interval_s: float = 0.5
    job_timeout_s: float = 600.0  # then the activity retries and resumes waiting
    http_timeout_s: float = 30.0


def prompt_id_for(request_id: str) -> str:
    return str(uuid.uuid5(PROMPT_NAMESPACE, request_id))


class ComfyUIVisualProvider:
    name = "comfyui"
    price_per_second = 0.0  # a still is priced per image

    def __init__(self, config: ComfyConfig, http: httpx.Client | None = None) -> None:
        self._config = config
        self.price_per_image = config.price_per_image
        self.price_per_clip_second = config.price_per_clip_second
        self._http = http or httpx.Client(timeout=config.http_timeout_s)
        self._client = ComfyClient(config.url, self._http, self.name)

    @property
    def takes_references(self) -> bool:
        """Whether the workflow file has reference image placeholders."""
        return reference_slots(load_workflow(self._config.workflow)) > 0

    def render_frame(self, request: FrameRequest, out_dir: Path) -> FrameArt:
        graph = load_workflow(self._config.workflow)
        width, height = model_size(request.profile.art_size, SIZE_MULTIPLE)
        request_id = request.request_id or _fallback_id(request)
        prompt_id = prompt_id_for(request_id)
        status = self._client.status(prompt_id)
        if status is JobStatus.UNKNOWN:
            references = self._upload_references(request, reference_slots(graph), out_dir)
            inputs = GraphInputs(
                prompt=request.prompt
                or shot_prompt(request.scene, request.shot, notes=request.notes),
                negative_prompt=request.negative_prompt or negative_prompt(),
                seed=request.seed if request.seed is not None else 0,
                width=width,
                height=height,
                frames=request.profile.frames_for(request.shot.duration_s),
                fps=request.profile.fps,
                duration_s=request.shot.duration_s,
                filename_prefix=f"filmstudio/{prompt_id}",
                references=references,
            )
            self._client.submit(prompt_id, fill(graph, inputs), CLIENT_ID)
        self._wait(prompt_id, request)
        outputs = self._client.outputs(prompt_id)
        video = next((out for out in outputs if out.moving), None)
        if video is not None:
            return self._clip(video, request, out_dir)
        image = next((out for out in outputs if not out.moving), None)
        if image is None:
            raise OutputUnusable(f"{self.name}: prompt {prompt_id} made no image")
        background = out_dir / "background.png"
        fit_picture(
            self._client.download(image), (width, height), request.profile.art_size,
            background, self.name,
        )  # fmt: skip
        return FrameArt(background=background, overlay=None)

    def _clip(self, video: OutputFile, request: FrameRequest, out_dir: Path) -> FrameArt:
        """A moving clip: kept as made (the activity re-encodes it), its first frame the
        background; a file ffmpeg cannot read is unusable."""
        clip = out_dir / f"provider-clip{Path(video.filename).suffix or '.mp4'}"
        clip.write_bytes(self._client.download(video))
        background = out_dir / "background.png"
        argv = first_frame_argv(clip, background, request.profile.art_size)
        done = subprocess.run(argv, capture_output=True, check=False)
        if done.returncode != 0 or not background.exists():
            tail = done.stderr.decode("utf-8", "replace").strip()[-200:]
            raise OutputUnusable(f"{self.name}: the clip is not a video ({tail})")
        return FrameArt(background=background, overlay=None, clip=clip)

    def _wait(self, prompt_id: str, request: FrameRequest) -> None:
        try:
            self._follow(prompt_id, request)
        except BaseException as error:  # a Temporal cancel is raised in this thread
            cancelled = request.cancelled is not None and request.cancelled()
            if isinstance(error, ProviderCancelled) or cancelled:
                self._client.stop(prompt_id)
            raise

    def _follow(self, prompt_id: str, request: FrameRequest) -> None:
        deadline = time.monotonic() + self._config.job_timeout_s
        while True:
            status = self._client.status(prompt_id)
            if status is JobStatus.DONE:
                return
            if status is JobStatus.FAILED:
                raise NodeError(f"{self.name}: {self._client.failure(prompt_id)}")
            if status is JobStatus.UNKNOWN:
                raise ProviderUnavailable(
                    f"{self.name}: prompt {prompt_id} vanished from the server"
                )
            if time.monotonic() > deadline:
                raise ProviderUnavailable(f"{self.name}: prompt {prompt_id} is still {status}")
            if request.progress is not None:
                request.progress()
            time.sleep(self._config.poll_interval_s)

    def _upload_references(self, request: FrameRequest, slots: int, out_dir: Path) -> list[str]:
        if slots == 0:
            return []
        names = [self._upload(path) for path in request.references.values()][:slots]
        if len(names) < slots:
            blank = out_dir / "reference-blank.png"
            Image.new("RGB", (512, 512), (128, 128, 128)).save(blank)
            names += [self._upload(blank)] * (slots - len(names))
        return names

    def _upload(self, path: Path) -> str:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:20]
        return self._client.upload_image(path, f"filmstudio-{digest}.png")


def _fallback_id(request: FrameRequest) -> str:
    """Without a request id (a direct call), the request's content names the work."""
    key = f"{request.film_title}/{request.shot.shot_id}/{request.seed}/{request.notes}"
    return hashlib.sha256(key.encode()).hexdigest()
