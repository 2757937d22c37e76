"""plan_film: the script becomes a plan. Bad scripts fail at once, naming the line."""

from __future__ import annotations

from dataclasses import asdict

from temporalio import activity
from temporalio.exceptions import ApplicationError

from activities.contracts import PlanFilmInput, PlanFilmResult
from activities.errors import INVALID_SCRIPT
from screenplay.errors import ScriptError
from screenplay.parser import parse_script


@activity.defn
def plan_film(request: PlanFilmInput) -> PlanFilmResult:
    try:
        plan = parse_script(request.script, title=request.title)
    except ScriptError as error:
        raise ApplicationError(
            f"the script does not parse: {error}",
            *[asdict(issue) for issue in error.issues],
            type=INVALID_SCRIPT,
            non_retryable=True,
        ) from error
    activity.logger.info("planned %d scenes, %d shots", len(plan.scenes), len(plan.shots))
    return PlanFilmResult(plan=plan)
