"""A shot's text prompt for generative models, built from the plan.

Place, time of day, interior or exterior, shot size, angle and move, the action, the
characters on screen, then the film's style; a regenerated take's notes come last, so a
director's word amends the plan's. Pure and deterministic: the workflow shows the same
prompt in the preview and in `state` that the provider is sent.
"""

from __future__ import annotations

import hashlib

from providers.base import SceneContext
from screenplay.model import CameraAngle, Move, Shot

DEFAULT_NEGATIVE = "text, watermark, logo, captions, blurry, deformed hands, extra limbs"
_PLACES = {"INT": "interior", "EXT": "exterior", "INT/EXT": "interior and exterior"}
_ANGLES = {
    CameraAngle.EYE_LEVEL: "eye-level",
    CameraAngle.HIGH: "high angle",
    CameraAngle.LOW: "low angle",
    CameraAngle.OVERHEAD: "overhead top shot",
    CameraAngle.WORMS_EYE: "worm's-eye view",
    CameraAngle.AERIAL: "aerial drone view",
    CameraAngle.DUTCH: "dutch angle",
}


def _words(value: str) -> str:
    return value.replace("_", " ").strip()


def shot_prompt(scene: SceneContext, shot: Shot, style: str = "", notes: str = "") -> str:
    """One paragraph: the frame as a cinematographer would brief it."""
    place = _PLACES.get(scene.int_ext.upper(), "")
    where = ", ".join(
        part
        for part in (
            f"{place} {scene.location.lower()}".strip() if scene.location else place,
            scene.time_of_day.lower(),
        )
        if part
    )
    camera = f"{_words(shot.shot_type.value)} shot, {_ANGLES.get(shot.angle, _words(shot.angle))}"
    if shot.move is not Move.STATIC:
        # as a cinematographer says it: "slow pan left", "zoom in", "crane up"
        move = " ".join(
            part
            for part in (shot.speed.value, _words(shot.move.value), shot.direction.value)
            if part
        )
        camera += f", camera {move}"
    parts = [f"Film still, {camera}", where]
    present = shot.present or []
    if present:
        parts.append("showing " + ", ".join(name.title() for name in present))
    if shot.action.strip():
        parts.append(" ".join(shot.action.split()))
    if scene.atmosphere or shot.atmosphere:
        parts.append(", ".join(dict.fromkeys([*scene.atmosphere, *shot.atmosphere])))
    if style.strip():
        parts.append(style.strip())
    if notes.strip():
        parts.append(f"Direction: {notes.strip()}")
    return ". ".join(part.rstrip(". ") for part in parts if part.rstrip(". ")) + "."


def character_prompt(character: str, style: str = "") -> str:
    """A character sheet: the reference every later shot of the character is drawn from."""
    parts = [
        f"Character reference sheet of {character.title()}, full figure and face, "
        "neutral pose, even studio light, plain background",
        style.strip(),
    ]
    return ". ".join(part for part in parts if part) + "."


def shown(shot: Shot) -> list[str]:
    """Who a shot shows: its `present` characters, else the ones who speak in it."""
    names = shot.present or [line.character for line in shot.dialogue]
    return list(dict.fromkeys(names))


def negative_prompt(extra: str = "") -> str:
    return ", ".join(part for part in (DEFAULT_NEGATIVE, extra.strip()) if part)


def character_seed(film: str, character: str) -> int:
    """A character's seed: the same in every take of the film, so a model draws them alike.
    Seeds stay below 2**24, which every sampler takes (and ComfyUI's EmptyImage color)."""
    key = f"{film}\x00{' '.join(character.split()).casefold()}".encode()
    return int.from_bytes(hashlib.sha256(key).digest()[:3], "big")


def shot_seed(film: str, shot: Shot, take: int, asked: int | None) -> int:
    """The seed a shot's request uses: the one asked for, else the first present
    character's (stable across takes), else one from the shot and take."""
    if asked is not None:
        return asked
    if shot.present:
        return character_seed(film, shot.present[0])
    key = f"{film}\x00{shot.shot_id}\x00{take}".encode()
    return int.from_bytes(hashlib.sha256(key).digest()[:3], "big")
