"""The character bible: each character's reference picture, made once per film.

Drawn by the first visual provider of the chain that takes references, stored as an
artifact beside the film, and passed with every later request that shows the character.
A reference already stored (an earlier attempt made it) is kept, never drawn again.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable

from activities.contracts import CharacterReferencesInput, CharacterReferencesResult
from activities.errors import failures_of
from providers.base import FrameRequest, SceneContext, VisualProvider
from providers.prompts import character_prompt, character_seed, negative_prompt
from providers.registry import picture_price
from screenplay.model import CameraMove, Shot, ShotType
from storage.artifacts import ArtifactStore, job_key


def reference_key(job_id: str, character: str) -> str:
    digest = hashlib.sha256(" ".join(character.split()).casefold().encode()).hexdigest()[:16]
    return job_key(job_id, "cast", f"{digest}.png")


def make_references(
    store: ArtifactStore,
    visual: VisualProvider,
    request: CharacterReferencesInput,
    workflow_id: str,
    beat: Callable[[], None],
    cancelled: Callable[[], bool],
) -> CharacterReferencesResult:
    if not getattr(visual, "takes_references", False):
        return CharacterReferencesResult({}, visual.name)
    scene = SceneContext(0, "CHARACTER SHEET", "INT", "STUDIO", "DAY")
    references: dict[str, str] = {}
    for character in request.characters:
        key = reference_key(request.job_id, character)
        references[character] = key
        if store.exists(key):
            continue
        sheet = Shot(
            f"cast-{key.rsplit('/', 1)[-1][:-4]}", 1, ShotType.MEDIUM, CameraMove.STATIC, 1.0,
            character_prompt(character),
        )  # fmt: skip
        frame = FrameRequest(
            request.film_title, scene, sheet, request.profile,
            seed=character_seed(request.job_id, character),
            request_id=f"{workflow_id}/cast/{character}/{visual.name}",
            prompt=character_prompt(character, request.style),
            negative_prompt=negative_prompt(),
            progress=beat, cancelled=cancelled,
        )  # fmt: skip
        scratch = store.work_dir(job_key(request.job_id, "cast", "work"))
        try:
            with failures_of(visual.name):
                art = visual.render_frame(frame, scratch)
            store.commit(art.background, key)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        beat()
    credits = picture_price(visual, 0.0) * len(references)  # each made once, for the film
    return CharacterReferencesResult(references, visual.name, round(credits, 3))
