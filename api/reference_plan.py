"""What the preview says about each character's reference picture, decided as the film's
workflow will decide it (workflows/cast_steps.py `character_bible`): the user's own
(options.cast.NAME.reference) stands; else one is made once per film by the first visual
provider of the chain that runs on its own queue (a remote one) and takes references;
else there is none and the animatic draws the character from the plan."""

from __future__ import annotations

from collections.abc import Sequence

from api.breakdowns import cast_references
from api.schemas import JobCreate, ReferenceOut
from providers import registry
from providers.base import VisualProvider
from providers.errors import ProviderRejected


def reference_maker(visuals: Sequence[VisualProvider]) -> str | None:
    """The provider the character bible will ask first, or None. Blocking (a ComfyUI
    provider reads its workflow file): call from a thread."""
    for provider in visuals:
        if not registry.is_remote(provider.name):
            continue  # no provider queue: the workflow does not ask it
        try:
            if getattr(provider, "takes_references", False):
                return provider.name
        except ProviderRejected:  # an unreadable workflow file: the workflow skips it too
            continue
    return None


def planned_references(
    body: JobCreate, characters: Sequence[str], maker: str | None
) -> dict[str, ReferenceOut]:
    """Character -> the reference its shots will be drawn with."""
    given = cast_references(body)
    planned: dict[str, ReferenceOut] = {}
    for name in characters:
        if name in given:
            planned[name] = ReferenceOut(source="yours", reference=given[name])
        elif maker is not None:
            planned[name] = ReferenceOut(source="made", provider=maker)
        else:
            planned[name] = ReferenceOut(source="none")
    return planned
