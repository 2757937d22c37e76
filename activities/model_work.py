"""Model work: pictures, voices, music. Hosted on the film-models queue.

A shot's dialogue stem is mixed here, right after its lines are spoken (ffmpeg, a few
tens of milliseconds), so the soundtrack never waits for pictures.

Each activity writes to a key of storage/keys.py (the shot's take), through a temp name, so
a retried or repeated activity is idempotent; each heartbeats while it works, so a cancel
stops it (activities/heartbeat.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence

from PIL import Image
from temporalio import activity
from temporalio.exceptions import ApplicationError

from activities.contracts import (
    CastVoicesInput,
    CastVoicesResult,
    ComposeScoreInput,
    ComposeScoreResult,
    EffectKey,
    GenerateVisualInput,
    GenerateVisualResult,
    LayerKey,
    SpokenLine,
    SynthesizeDialogueInput,
    SynthesizeDialogueResult,
)
from activities.errors import INVALID_INPUT, failures_of
from activities.heartbeat import Beat, heartbeating
from media.dialogue import DialogueMixPlan, VoiceCue, dialogue_argv, treatment_for
from media.dialogue_timing import line_budgets, line_starts
from media.ffmpeg import run_ffmpeg
from providers.base import FrameArt, FrameRequest, MusicProvider, VisualProvider, VoiceProvider
from storage import keys
from storage.artifacts import ArtifactStore


class ModelActivities:
    def __init__(
        self,
        store: ArtifactStore,
        visual: VisualProvider,
        voice: VoiceProvider,
        music: MusicProvider,
        visual_fallbacks: Sequence[VisualProvider] = (),
    ) -> None:
        self._store = store
        self._visuals = {provider.name: provider for provider in (visual, *visual_fallbacks)}
        self._visual = visual
        self._voice = voice
        self._music = music

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def generate_visual(self, request: GenerateVisualInput) -> GenerateVisualResult:
        shot_id = request.shot.shot_id
        visual = self._visuals.get(request.provider or self._visual.name)
        if visual is None:
            raise ApplicationError(
                f"this worker has no visual provider {request.provider!r}",
                type=INVALID_INPUT,
                non_retryable=True,
            )
        background_key = keys.shot_key(request.job_id, shot_id, request.take, "background.png")
        overlay_key = keys.shot_key(request.job_id, shot_id, request.take, "overlay.png")
        scratch_key = keys.work_key(request.job_id, f"frame-{shot_id}-{request.take}")
        scratch = self._store.work_dir(scratch_key)
        try:
            frame = FrameRequest(
                request.film_title,
                request.scene,
                request.shot,
                request.profile,
                notes=request.notes,
                seed=request.seed,
            )
            with heartbeating(), failures_of(visual.name):
                art = visual.render_frame(frame, scratch)
            self._store.commit(art.background, background_key)
            if art.overlay is not None:
                self._store.commit(art.overlay, overlay_key)
            layers, effects = self._commit_layers(art, request.job_id, shot_id, request.take)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return GenerateVisualResult(
            background_key=background_key,
            overlay_key=overlay_key if art.overlay is not None else None,
            provider=visual.name,
            attempt=activity.info().attempt,
            credits=round(visual.price_per_second * request.shot.duration_s, 3),
            layers=layers,
            effects=effects,
        )

    def _commit_layers(
        self, art: FrameArt, job_id: str, shot_id: str, take: int
    ) -> tuple[list[LayerKey], list[EffectKey]]:
        """The depth layers and moving textures, under keys named by their place in the
        list (the provider's file names are its own)."""
        layers = []
        for index, layer in enumerate(art.layers):
            key = keys.shot_key(job_id, shot_id, take, f"layer-{index}.png")
            self._store.commit(layer.path, key)
            layers.append(LayerKey(key, layer.depth, layer.role))
        effects = []
        for index, effect in enumerate(art.effects):
            with Image.open(effect.path) as texture:  # reads the header only
                width, height = texture.size
            key = keys.shot_key(job_id, shot_id, take, f"effect-{index}.png")
            self._store.commit(effect.path, key)
            effects.append(
                EffectKey(
                    key,
                    effect.kind,
                    width,
                    height,
                    effect.dx_per_s,
                    effect.dy_per_s,
                    effect.flicker,
                    effect.opacity,
                )
            )
        return layers, effects

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def cast_voices(self, request: CastVoicesInput) -> CastVoicesResult:
        with heartbeating():
            return CastVoicesResult(self._voice.cast(request.characters), self._voice.name)

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def synthesize_dialogue(self, request: SynthesizeDialogueInput) -> SynthesizeDialogueResult:
        """Speak the shot's lines, place them within the shot, mix them into its stem."""
        with heartbeating() as beat:
            return self._speak(request, beat)

    def _speak(self, request: SynthesizeDialogueInput, beat: Beat) -> SynthesizeDialogueResult:
        job_id, shot_id, take = request.job_id, request.shot_id, request.take
        stem_key = keys.shot_key(job_id, shot_id, take, "dialogue.wav")
        budgets = line_budgets(request.duration_s, [line.text for line in request.lines])
        takes = []
        for index, (line, budget) in enumerate(zip(request.lines, budgets, strict=True)):
            key = keys.shot_key(job_id, shot_id, take, keys.line_name(index + 1))
            with self._store.writing(key) as temp, failures_of(self._voice.name):
                clip = self._voice.synthesize(
                    line.character, line.text, temp, max_duration_s=budget, voice=line.voice
                )
            takes.append((key, clip))
            beat(index + 1)
        starts = line_starts([clip.duration_s for _, clip in takes])
        voices = [
            VoiceCue(self._store.path(key), start, treatment_for(line.extension))
            for (key, _), start, line in zip(takes, starts, request.lines, strict=True)
        ]
        with self._store.writing(stem_key) as stem_temp, failures_of("ffmpeg"):
            run_ffmpeg(
                dialogue_argv(
                    DialogueMixPlan(request.duration_s, stem_temp, request.profile, voices)
                )
            )
        return SynthesizeDialogueResult(
            stem_key=stem_key,
            provider=self._voice.name,
            lines=[
                SpokenLine(key, start, round(clip.duration_s, 3), clip.voice)
                for (key, clip), start in zip(takes, starts, strict=True)
            ],
            attempt=activity.info().attempt,
            credits=round(
                self._voice.price_per_character * sum(len(line.text) for line in request.lines), 3
            ),
        )

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def compose_score(self, request: ComposeScoreInput) -> ComposeScoreResult:
        score_key = keys.score_key(request.job_id)
        with (
            self._store.writing(score_key) as temp,
            heartbeating(),
            failures_of(self._music.name),
        ):
            track = self._music.compose(
                request.cues, request.job_id, temp, request.profile.audio_rate
            )
        seconds = sum(cue.duration_s for cue in request.cues)
        return ComposeScoreResult(
            score_key=score_key,
            duration_s=track.duration_s,
            provider=self._music.name,
            credits=round(self._music.price_per_second * seconds, 3),
        )
