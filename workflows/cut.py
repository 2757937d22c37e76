"""The cut's arithmetic: where scenes, lines and subtitles fall in the film. Pure."""

from __future__ import annotations

from activities.contracts import CutShot, RenderShotResult, SpokenLine
from media.subtitles import SubtitleCue
from providers.base import SceneContext, ScoreCue
from screenplay.model import FilmPlan, Scene

MIN_SUBTITLE_S = 0.8


def scene_context(scene: Scene) -> SceneContext:
    return SceneContext(
        scene.number, scene.heading, scene.int_ext, scene.location, scene.time_of_day,
        scene.characters, scene.setting, list(scene.atmosphere), list(scene.present),
        list(scene.heard),
    )  # fmt: skip


def score_cues(plan: FilmPlan) -> list[ScoreCue]:
    """One cue per scene, end to end: the score follows the film's moods."""
    cues, start = [], 0.0
    for scene in plan.scenes:
        length = sum(shot.duration_s for shot in scene.shots)
        cues.append(ScoreCue(round(start, 3), round(length, 3), scene.int_ext, scene.time_of_day))
        start += length
    return cues


def subtitle_cues(plan: FilmPlan, spoken: dict[str, list[SpokenLine]]) -> list[SubtitleCue]:
    """A cue per spoken line, timed by its real voice clip, kept inside its shot."""
    cues, shot_start = [], 0.0
    for shot in plan.shots:
        for line, take in zip(shot.dialogue, spoken.get(shot.shot_id, []), strict=True):
            begin = shot_start + take.start_s
            end = min(begin + max(take.duration_s, MIN_SUBTITLE_S), shot_start + shot.duration_s)
            cues.append(SubtitleCue(round(begin, 3), round(end, 3), line.character, line.text))
        shot_start += shot.duration_s
    return cues


def editor_cut(
    plan: FilmPlan, rendered: list[RenderShotResult], stems: dict[str, str]
) -> list[CutShot]:
    """Every shot as an editor sees it: clip, dialogue stem, length and a readable name."""
    cut, clips = [], iter(rendered)
    for scene in plan.scenes:
        for shot in scene.shots:
            clip = next(clips)
            words = shot.action or " / ".join(line.text for line in shot.dialogue)
            name = f"{scene.number}.{shot.number} {shot.shot_type.value.replace('_', ' ').upper()}"
            cut.append(
                CutShot(
                    shot.shot_id,
                    f"{name} - {words[:60]}" if words else name,
                    clip.clip_key,
                    stems[shot.shot_id],
                    clip.duration_s,
                    scene.heading,
                    shot.shot_type.value,
                    shot.angle.value,
                    shot.move.value,
                    shot.direction.value,
                    shot.speed.value,
                )
            )
    return cut
