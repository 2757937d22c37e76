"""ffmpeg work: shot clips, the film, publishing. Hosted on the film-media queue.

Every activity heartbeats while it works (activities/heartbeat.py): when Temporal cancels
it, the ffmpeg child is killed before the error goes up (media.ffmpeg) and temp files are
removed. Outputs land under the keys of storage/keys.py (a shot's take, a film's
revision), written to temp names and renamed, so a retry after a crash starts clean, a
finished output is never rendered twice and a revision never overwrites a published film.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import wave
from pathlib import Path

from temporalio import activity
from temporalio.exceptions import ApplicationError

from activities.contracts import (
    ComposeFilmInput,
    ComposeFilmResult,
    MixSoundtrackInput,
    MixSoundtrackResult,
    PublishFilmInput,
    PublishFilmResult,
    RenderPlaceholderInput,
    RenderShotInput,
    RenderShotResult,
)
from activities.errors import MEDIA_CHECK_FAILED, failures_of
from activities.heartbeat import Beat, heartbeating
from media.camera import CameraPlan
from media.compose import (
    FilmComposePlan,
    SoundtrackPlan,
    compose_argv,
    concat_list,
    poster_argv,
    soundtrack_argv,
)
from media.ffmpeg import ProgressCallback, probe, run_ffmpeg
from media.picture import EffectSource, LayerSource, seed_for
from media.placeholder import PlaceholderPlan, placeholder_argv
from media.shot import ShotRenderPlan, shot_argv
from media.subtitles import to_srt, to_vtt
from media.timeline import TimelineShot, build_timeline
from screenplay.model import CameraMove, Move
from storage import keys
from storage.artifacts import ArtifactStore

DURATION_TOLERANCE_S = 0.2


def _heartbeat_progress(beat: Beat, total_s: float) -> ProgressCallback:
    def report(written_s: float) -> None:
        beat(round(min(written_s / max(total_s, 0.001), 1.0), 3))

    return report


def _camera(request: RenderShotInput) -> CameraPlan:
    """The shot's full move; a request from the first releases names only camera_move."""
    if request.move is Move.STATIC and request.camera_move is not CameraMove.STATIC:
        legacy = CameraPlan.legacy(request.camera_move)
        return CameraPlan(legacy.move, legacy.direction, request.speed, seed_for(request.shot_id))
    return CameraPlan(request.move, request.direction, request.speed, seed_for(request.shot_id))


class MediaActivities:
    def __init__(
        self,
        store: ArtifactStore,
        public_base_url: str,
        concurrency: int = 1,
        price_per_second: float = 0.0,
    ) -> None:
        self._store = store
        self._price_per_second = price_per_second  # credits per second of clip rendered
        self._base_url = public_base_url.rstrip("/")
        # Each concurrent render gets its share of this machine's cores.
        self._threads_per_render = max(1, (os.cpu_count() or 1) // max(1, concurrency))

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def render_shot(self, request: RenderShotInput) -> RenderShotResult:
        clip_key = keys.shot_key(request.job_id, request.shot_id, request.take, "clip.mp4")
        frames = request.profile.frames_for(request.duration_s)
        seconds = frames / request.profile.fps
        attempt = activity.info().attempt
        credits = round(self._price_per_second * request.duration_s, 3)
        if self._store.exists(clip_key):
            activity.logger.info("shot %s already rendered; reusing it", request.shot_id)
            return RenderShotResult(clip_key, frames, seconds, attempt, True, credits)
        with self._store.writing(clip_key) as clip_temp, heartbeating(0.0) as beat:
            plan = ShotRenderPlan(
                background=self._store.path(request.background_key),
                overlay=self._store.path(request.overlay_key) if request.overlay_key else None,
                camera_move=request.camera_move,
                duration_s=request.duration_s,
                clip_out=clip_temp,
                profile=request.profile,
                threads=self._threads_per_render,
                layers=tuple(
                    LayerSource(self._store.path(layer.key), layer.depth, layer.role)
                    for layer in request.layers
                ),
                effects=tuple(
                    EffectSource(
                        self._store.path(e.key),
                        e.width,
                        e.height,
                        e.dx_per_s,
                        e.dy_per_s,
                        e.flicker,
                        e.opacity,
                    )
                    for e in request.effects
                ),
                camera=_camera(request),
            )
            with failures_of("ffmpeg"):
                run_ffmpeg(shot_argv(plan), on_progress=_heartbeat_progress(beat, seconds))
        return RenderShotResult(clip_key, frames, seconds, attempt, credits=credits)

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def render_placeholder(self, request: RenderPlaceholderInput) -> RenderShotResult:
        """A titled card for a shot that failed every attempt, when the film goes on."""
        job_id, shot_id = request.job_id, request.shot_id
        clip_key = keys.shot_key(job_id, shot_id, request.take, "placeholder.mp4")
        frames = request.profile.frames_for(request.duration_s)
        work = self._store.work_dir(keys.work_key(job_id, f"card-{shot_id}-{request.take}"))
        text_file = work / "card.txt"
        text_file.write_text("\n".join(request.lines), encoding="utf-8")
        try:
            with self._store.writing(clip_key) as temp, heartbeating(), failures_of("ffmpeg"):
                run_ffmpeg(
                    placeholder_argv(
                        PlaceholderPlan(text_file, request.duration_s, temp, request.profile)
                    )
                )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        seconds = frames / request.profile.fps
        return RenderShotResult(clip_key, frames, seconds, activity.info().attempt)

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def mix_soundtrack(self, request: MixSoundtrackInput) -> MixSoundtrackResult:
        soundtrack_key = keys.film_key(request.job_id, request.revision, keys.SOUNDTRACK)
        work = self._store.work_dir(keys.work_key(request.job_id, f"soundtrack-{request.revision}"))
        stems_list = work / "stems.ffconcat"
        stems_list.write_text(concat_list([self._store.path(k) for k in request.stem_keys]))
        score = self._store.path(request.score_key)
        total_s = sum(_wav_seconds(self._store.path(k)) for k in request.stem_keys)
        try:
            with (
                self._store.writing(soundtrack_key) as temp,
                heartbeating(0.0) as beat,
                failures_of("ffmpeg"),
            ):
                plan = SoundtrackPlan(stems_list, score, temp, request.profile)
                run_ffmpeg(soundtrack_argv(plan), on_progress=_heartbeat_progress(beat, total_s))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return MixSoundtrackResult(soundtrack_key, round(total_s, 3))

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def compose_film(self, request: ComposeFilmInput) -> ComposeFilmResult:
        with heartbeating(0.0) as beat:
            return self._compose(request, beat)

    def _compose(self, request: ComposeFilmInput, beat: Beat) -> ComposeFilmResult:
        job_id, revision = request.job_id, request.revision
        video_key = keys.film_key(job_id, revision, keys.FILM)
        subtitled = bool(request.subtitles)
        subtitles_key = keys.film_key(job_id, revision, keys.SUBTITLES) if subtitled else None
        work = self._store.work_dir(keys.work_key(job_id, f"compose-{revision}"))
        clips_list = work / "clips.ffconcat"
        clips_list.write_text(concat_list([self._store.path(k) for k in request.clip_keys]))
        vtt_key = keys.film_key(job_id, revision, keys.VTT) if subtitled else None
        if subtitles_key is not None and vtt_key is not None:
            self._write_text(subtitles_key, to_srt(request.subtitles))
            self._write_text(vtt_key, to_vtt(request.subtitles))
        timeline_key = keys.film_key(job_id, revision, keys.TIMELINE) if request.cut else None
        if timeline_key is not None:
            self._write_text(timeline_key, self._timeline(request))
        try:
            with self._store.writing(video_key) as video_temp, failures_of("ffmpeg"):
                plan = FilmComposePlan(
                    clips_list=clips_list,
                    soundtrack=self._store.path(request.soundtrack_key),
                    subtitles=self._store.path(subtitles_key) if subtitles_key else None,
                    video_out=video_temp,
                )
                progress = _heartbeat_progress(beat, request.duration_s)
                run_ffmpeg(compose_argv(plan), on_progress=progress)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        # publish_film probes the film and checks its length; no second probe here.
        return ComposeFilmResult(
            video_key, subtitles_key, request.duration_s, vtt_key, timeline_key
        )

    def _write_text(self, key: str, text: str) -> None:
        with self._store.writing(key) as temp:
            temp.write_text(text, encoding="utf-8")

    def _timeline(self, request: ComposeFilmInput) -> str:
        """The cut for editors, pointing at each shot's clip and stem by public URL."""
        return build_timeline(
            request.title,
            [
                TimelineShot(
                    shot.shot_id,
                    shot.name,
                    self.url_of(shot.clip_key),
                    self.url_of(shot.dialogue_key),
                    shot.duration_s,
                    shot.scene_heading,
                    framing={
                        "size": shot.size,
                        "angle": shot.angle,
                        "move": shot.move,
                        "direction": shot.direction,
                        "speed": shot.speed,
                    },
                )
                for shot in request.cut
            ],
            request.fps,
            soundtrack_url=self.url_of(request.soundtrack_key),
            film_url=self.url_of(keys.film_key(request.job_id, request.revision, keys.FILM)),
        )

    def url_of(self, key: str) -> str:
        job_id, _, rest = key.removeprefix("jobs/").partition("/")
        return f"{self._base_url}/api/v1/jobs/{job_id}/files/{rest}"

    @activity.defn(no_thread_cancel_exception=True)  # cooperative: activities/heartbeat.py
    def publish_film(self, request: PublishFilmInput) -> PublishFilmResult:
        """Check the film, then make its poster and checksum; the job switches to this
        revision only once this returns."""
        with heartbeating() as beat:
            return self._publish(request, beat)

    def _publish(self, request: PublishFilmInput, beat: Beat) -> PublishFilmResult:
        video = self._store.path(request.video_key)
        info = probe(video)
        if info.video_codec != "h264" or info.audio_codec != "aac":
            raise ApplicationError(
                f"film has {info.video_codec}/{info.audio_codec}, expected h264/aac",
                type=MEDIA_CHECK_FAILED,
            )
        if abs(info.duration_s - request.expected_duration_s) > DURATION_TOLERANCE_S:
            raise ApplicationError(
                f"film lasts {info.duration_s:.3f} s, expected {request.expected_duration_s:.3f} s",
                type=MEDIA_CHECK_FAILED,
            )
        poster_key = keys.film_key(request.job_id, request.revision, keys.POSTER)
        with self._store.writing(poster_key) as poster_temp:
            run_ffmpeg(
                poster_argv(video, min(1.0, info.duration_s / 2), poster_temp),
                on_progress=lambda _: beat("poster"),
            )
        return PublishFilmResult(
            video_key=request.video_key,
            subtitles_key=request.subtitles_key,
            poster_key=poster_key,
            video_url=self.url_of(request.video_key),
            subtitles_url=self.url_of(request.subtitles_key) if request.subtitles_key else None,
            duration_s=info.duration_s,
            size_bytes=video.stat().st_size,
            sha256=_sha256(video, beat),
        )


def _wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as stem:
        frames: int = stem.getnframes()
        rate: int = stem.getframerate()
    return frames / rate


def _sha256(path: Path, beat: Beat) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 22), b""):
            digest.update(block)
            beat("checksum")  # throttled by the SDK; keeps a long hash alive
    return digest.hexdigest()
