"""A shot's FrameRequest for provider tests."""

from __future__ import annotations

from pathlib import Path

from media.profile import RenderProfile
from providers.base import FrameRequest, SceneContext
from providers.prompts import shot_prompt
from screenplay.model import CameraAngle, CameraMove, Move, MoveDirection, Shot, ShotType

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WORKFLOW = EXAMPLES / "comfyui-weightless.json"  # needs no model: EmptyImage, LoadImage, ...
CLIP_WORKFLOW = EXAMPLES / "comfyui-weightless-clip.json"  # core CreateVideo + SaveVideo
PROFILE = RenderProfile(width=320, height=180)
SCENE = SceneContext(1, "EXT. PIER - DUSK", "EXT", "PIER", "DUSK", ["MARA"])
SHOT = Shot(
    "01-01", 1, ShotType.MEDIUM, CameraMove.STATIC, 1.5, "Mara coils a wet rope.",
    angle=CameraAngle.LOW, move=Move.PUSH_IN, direction=MoveDirection.NONE, present=["MARA"],
)  # fmt: skip


def frame_request(request_id: str = "film-1/01-01/1/comfyui", **changes: object) -> FrameRequest:
    values: dict[str, object] = {
        "request_id": request_id,
        "prompt": shot_prompt(SCENE, SHOT, "35mm film, muted colours"),
        "negative_prompt": "text, watermark",
        "seed": 1234,
    }
    values.update(changes)
    return FrameRequest("Pier", SCENE, SHOT, PROFILE, **values)  # type: ignore[arg-type]
