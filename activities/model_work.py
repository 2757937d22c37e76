"""Model work: pictures, voices, music. Hosted on the film-models queue.

Each activity writes to a key derived from the job and shot, through a temp name, so a
retried or repeated activity is idempotent.
"""

from __future__ import annotations

import shutil

from temporalio import activity

from activities.contracts import (
    CastVoicesInput,
    CastVoicesResult,
    ComposeScoreInput,
    ComposeScoreResult,
    GenerateVisualInput,
    GenerateVisualResult,
    SynthesizeVoiceInput,
    SynthesizeVoiceResult,
)
from providers.base import FrameRequest, MusicProvider, VisualProvider, VoiceProvider
from storage.artifacts import ArtifactStore, job_key


class ModelActivities:
    def __init__(
        self,
        store: ArtifactStore,
        visual: VisualProvider,
        voice: VoiceProvider,
        music: MusicProvider,
    ) -> None:
        self._store = store
        self._visual = visual
        self._voice = voice
        self._music = music

    @activity.defn
    def generate_visual(self, request: GenerateVisualInput) -> GenerateVisualResult:
        shot_id = request.shot.shot_id
        background_key = job_key(request.job_id, "shots", shot_id, "background.png")
        overlay_key = job_key(request.job_id, "shots", shot_id, "overlay.png")
        scratch = self._store.work_dir(job_key(request.job_id, "shots", shot_id, "frame-work"))
        try:
            frame = FrameRequest(request.film_title, request.scene, request.shot, request.profile)
            art = self._visual.render_frame(frame, scratch)
            self._store.commit(art.background, background_key)
            if art.overlay is not None:
                self._store.commit(art.overlay, overlay_key)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return GenerateVisualResult(
            background_key=background_key,
            overlay_key=overlay_key if art.overlay is not None else None,
            provider=self._visual.name,
            attempt=activity.info().attempt,
        )

    @activity.defn
    def cast_voices(self, request: CastVoicesInput) -> CastVoicesResult:
        return CastVoicesResult(self._voice.cast(request.characters), self._voice.name)

    @activity.defn
    def synthesize_voice(self, request: SynthesizeVoiceInput) -> SynthesizeVoiceResult:
        audio_key = job_key(
            request.job_id, "shots", request.shot_id, f"line-{request.line_index:02d}.wav"
        )
        temp = self._store.temp_path(audio_key)
        try:
            clip = self._voice.synthesize(
                request.character,
                request.text,
                temp,
                max_duration_s=request.max_duration_s,
                voice=request.voice,
            )
            self._store.commit(clip.path, audio_key)
        finally:
            temp.unlink(missing_ok=True)
        return SynthesizeVoiceResult(
            audio_key=audio_key,
            duration_s=clip.duration_s,
            voice=clip.voice,
            provider=self._voice.name,
            attempt=activity.info().attempt,
        )

    @activity.defn
    def compose_score(self, request: ComposeScoreInput) -> ComposeScoreResult:
        score_key = job_key(request.job_id, "score.wav")
        temp = self._store.temp_path(score_key)
        try:
            track = self._music.compose(
                request.cues, request.job_id, temp, request.profile.audio_rate
            )
            self._store.commit(track.path, score_key)
        finally:
            temp.unlink(missing_ok=True)
        return ComposeScoreResult(
            score_key=score_key, duration_s=track.duration_s, provider=self._music.name
        )
