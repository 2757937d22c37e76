"""/api/v1/scripts/preview: the whole breakdown and its cost, free, before any spend."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from api.breakdowns import priced_breakdown
from api.deps import TenantDep
from api.openapi import AUTHENTICATED, WITH_BODY, errors
from api.reference_plan import planned_references, reference_maker
from api.schemas import Preview, PreviewRequest
from api.strict_json import ProblemRoute
from providers.prompts import shot_prompt
from workflows.cut import scene_context

router = APIRouter(prefix="/api/v1/scripts", tags=["scripts"], route_class=ProblemRoute)


@router.post("/preview", response_model=Preview, responses=errors(*AUTHENTICATED, *WITH_BODY))
async def preview_script(body: PreviewRequest, request: Request, tenant: TenantDep) -> Any:
    """Parse, moderate, cast and price a script. Starts nothing and costs nothing."""
    planned = await priced_breakdown(request, body)
    breakdown, priced = planned.breakdown, planned.estimate
    plan = breakdown.plan
    lines: dict[str, int] = {}
    for shot in plan.shots:
        for line in shot.dialogue:
            lines[line.character] = lines.get(line.character, 0) + 1
    scenes = []
    for scene in plan.scenes:
        shown = asdict(scene)
        shown["characters"] = scene.characters
        context = scene_context(scene)
        for shot, out in zip(scene.shots, shown["shots"], strict=True):
            out["size"] = out["shot_type"]  # the vocabulary's name; shot_type stays
            # what a generative provider is asked to draw (the animatic draws the plan)
            out["prompt"] = shot_prompt(context, shot, body.options.style)
        scenes.append(shown)
    maker = await run_in_threadpool(reference_maker, request.app.state.visuals)
    references = planned_references(body, list(breakdown.cast), maker)
    return Preview(
        format=plan.script_format,
        title=plan.title,
        scenes=scenes,
        characters=[
            {
                "name": name,
                "voice": voice,
                "provider": planned.voices[0],
                "lines": lines.get(name, 0),
                "reference": references[name],
            }
            for name, voice in breakdown.cast.items()
        ],
        duration_s=plan.duration_s,
        shots=len(plan.shots),
        estimate=asdict(priced),
        warnings=[asdict(warning) for warning in getattr(plan, "warnings", [])],
        assumptions=[asdict(note) for note in plan.assumptions],
    )
