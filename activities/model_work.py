"""Model work: pictures, voices, music. Hosted on the film-models queue.

A shot's dialogue stem is mixed here, right after its lines are spoken (ffmpeg, a few
tens of milliseconds), so the soundtrack never waits for pictures.

Each activity writes to a key derived from the job and shot, through a temp name, so a
retried or repeated activity is idempotent.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path

from PIL import Image
from temporalio import activity
from temporalio.exceptions import ApplicationError

from activities.character_bible import make_references
from activities.contracts import (
    CastVoicesInput,
    CastVoicesResult,
    CharacterReferencesInput,
    CharacterReferencesResult,
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
from activities.errors import failures_of, provider_named
from activities.heartbeat import Beat, heartbeating
from activities.paid_calls import PaidCalls
from core.error_types import ErrorType
from media.clip_fit import ClipFitPlan, clip_fit_argv
from media.dialogue import DialogueMixPlan, VoiceCue, dialogue_argv, treatment_for
from media.dialogue_timing import line_budgets, line_starts
from media.ffmpeg import run_ffmpeg
from providers.base import FrameArt, FrameRequest, MusicProvider, VisualProvider, VoiceProvider
from providers.errors import ProviderCancelled
from providers.prompts import negative_prompt, shot_prompt, shot_seed
from providers.registry import is_remote, picture_price
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
        voice_fallbacks: Sequence[VoiceProvider] = (),
        music_fallbacks: Sequence[MusicProvider] = (),
    ) -> None:
        self._musics = {provider.name: provider for provider in (music, *music_fallbacks)}
        self._voices = {provider.name: provider for provider in (voice, *voice_fallbacks)}
        self._store = store
        self._visuals = {provider.name: provider for provider in (visual, *visual_fallbacks)}
        self._visual = visual
        self._voice = voice
        self._music = music

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def generate_visual(self, request: GenerateVisualInput) -> GenerateVisualResult:
        shot_id = request.shot.shot_id
        visual = provider_named(self._visuals, request.provider or self._visual.name, "visual")
        job_id, take = request.job_id, request.take
        background_key = keys.shot_key(job_id, shot_id, take, "background.png")
        overlay_key = keys.shot_key(job_id, shot_id, take, "overlay.png")
        scratch = self._store.work_dir(keys.work_key(job_id, f"frame-{shot_id}-{take}"))
        prompt = shot_prompt(request.scene, request.shot, request.style, request.notes)
        remote = is_remote(visual.name)
        try:
            frame = FrameRequest(
                request.film_title,
                request.scene,
                request.shot,
                request.profile,
                notes=request.notes,
                seed=shot_seed(request.job_id, request.shot, request.take, request.seed)
                if remote
                else request.seed,
                request_id=f"{activity.info().workflow_id}/{shot_id}/{request.take}/{visual.name}",
                prompt=prompt,
                negative_prompt=negative_prompt(request.negative_prompt),
                references={who: self._store.path(key) for who, key in request.references.items()},
                progress=_heartbeat_or_stop if remote else None,
                cancelled=_cancelled if remote else None,
            )
            paid = PaidCalls(
                self._store, keys.shot_key(job_id, shot_id, take, "calls"), visual.name
            )
            synchronous = getattr(visual, "synchronous", False)
            attempt = activity.info().attempt
            try:
                with (
                    heartbeating(),
                    failures_of(visual.name),
                    paid.call(attempt) if synchronous else nullcontext(),
                ):
                    art = visual.render_frame(frame, scratch)
            except ApplicationError as error:
                if remote and error.type == ErrorType.PROVIDER_OUTPUT_UNUSABLE:
                    # the provider answered, and bills the answer: the shot is charged for it
                    billed = round(picture_price(visual, request.shot.duration_s), 3)
                    details = {"provider": visual.name, "billed": billed}
                    raise ApplicationError(
                        error.message, details, type=error.type, non_retryable=True
                    ) from error
                raise
            lost = paid.cut_off() if synchronous else 0
            if art.clip is not None:
                clip_key = keys.shot_key(job_id, shot_id, take, "provider-clip.mp4")
                self._fit_clip(art.clip, clip_key, request, visual.name)
            self._store.commit(art.background, background_key)
            if art.overlay is not None:
                self._store.commit(art.overlay, overlay_key)
            layers, effects = self._commit_layers(art, job_id, shot_id, take)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return GenerateVisualResult(
            background_key=background_key,
            overlay_key=overlay_key if art.overlay is not None else None,
            provider=visual.name,
            attempt=activity.info().attempt,
            credits=round(
                picture_price(visual, request.shot.duration_s, art.clip is not None) * (1 + lost),
                3,
            ),
            prompt=prompt,
            calls_cut_off=lost,
            clip_key=clip_key if art.clip is not None else None,
            frames=request.profile.frames_for(request.shot.duration_s),
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

    def _fit_clip(self, clip: Path, key: str, request: GenerateVisualInput, provider: str) -> None:
        """The provider's clip re-encoded to the clip profile and the shot's exact length."""
        with self._store.writing(key) as temp, failures_of(provider):
            plan = ClipFitPlan(clip, request.shot.duration_s, temp, request.profile)
            run_ffmpeg(clip_fit_argv(plan), on_progress=lambda _: activity.heartbeat())

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def make_character_references(
        self, request: CharacterReferencesInput
    ) -> CharacterReferencesResult:
        visual = provider_named(self._visuals, request.provider, "visual")
        workflow_id = activity.info().workflow_id or request.job_id
        with heartbeating():
            return make_references(
                self._store, visual, request, workflow_id, _heartbeat_or_stop, _cancelled
            )

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def cast_voices(self, request: CastVoicesInput) -> CastVoicesResult:
        voice = self._voice_named(request.provider)
        with heartbeating():
            return CastVoicesResult(voice.cast(request.characters), voice.name)

    def _voice_named(self, name: str) -> VoiceProvider:
        return provider_named(self._voices, name or self._voice.name, "voice")

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def synthesize_dialogue(self, request: SynthesizeDialogueInput) -> SynthesizeDialogueResult:
        """Speak the shot's lines, place them within the shot, mix them into its stem."""
        with heartbeating() as beat:
            return self._speak(request, beat)

    def _speak(self, request: SynthesizeDialogueInput, beat: Beat) -> SynthesizeDialogueResult:
        job_id, shot_id, take = request.job_id, request.shot_id, request.take
        stem_key = keys.shot_key(job_id, shot_id, take, "dialogue.wav")
        budgets = line_budgets(request.duration_s, [line.text for line in request.lines])
        speaker = self._voice_named(request.provider)
        takes = []
        for index, (line, budget) in enumerate(zip(request.lines, budgets, strict=True)):
            key = keys.shot_key(job_id, shot_id, take, keys.line_name(index + 1))
            with self._store.writing(key) as temp, failures_of(speaker.name):
                clip = speaker.synthesize(
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
            provider=speaker.name,
            lines=[
                SpokenLine(key, start, round(clip.duration_s, 3), clip.voice)
                for (key, clip), start in zip(takes, starts, strict=True)
            ],
            attempt=activity.info().attempt,
            credits=round(
                speaker.price_per_character * sum(len(line.text) for line in request.lines), 3
            ),
        )

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def compose_score(self, request: ComposeScoreInput) -> ComposeScoreResult:
        score_key = keys.score_key(request.job_id)
        music = provider_named(self._musics, request.provider or self._music.name, "music")
        with (
            self._store.writing(score_key) as temp,
            heartbeating(),
            failures_of(music.name),
        ):
            track = music.compose(request.cues, request.job_id, temp, request.profile.audio_rate)
        seconds = sum(cue.duration_s for cue in request.cues)
        return ComposeScoreResult(
            score_key=score_key,
            duration_s=track.duration_s,
            provider=music.name,
            credits=round(music.price_per_second * seconds, 3),
        )


def _cancelled() -> bool:
    return activity.is_cancelled() and not activity.is_worker_shutdown()


def _heartbeat_or_stop() -> None:
    """While a remote job runs: say we are alive, and stop when Temporal cancelled us."""
    activity.heartbeat()
    if activity.is_cancelled():  # a worker shutting down leaves the job to its retry
        raise ProviderCancelled("the picture was cancelled")
