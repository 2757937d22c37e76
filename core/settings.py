"""The one settings object. Nothing else reads the environment.

Every field can be set as FILMSTUDIO_<NAME> in the environment or in `.env`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from core.task_queues import MEDIA, MODELS, ORCHESTRATION, TaskQueues
from media.profile import RenderProfile
from providers.base import ModerationProvider
from providers.comfyui.provider import ComfyConfig
from providers.openai.service import ServiceConfig
from providers.registry import chain, is_remote, moderation_provider
from providers.remote import RemoteProviders


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FILMSTUDIO_", env_file=".env", extra="ignore")

    # Temporal
    temporal_address: str = "127.0.0.1:7233"
    temporal_namespace: str = "default"
    temporal_ui_url: str = "http://127.0.0.1:8233"

    # The REST API, as `make up` serves it
    api_host: str = "127.0.0.1"
    api_port: int = 8000

    # Job index: SQLite by default, PostgreSQL with postgresql+psycopg://user:pw@host/db
    database_url: str = "sqlite:///.data/filmstudio.db"
    # Connections per process (SQLAlchemy's pool): a route never holds one while it waits
    # on Temporal, so the pool bounds concurrent queries, not requests in flight.
    database_pool_size: int = 5
    database_pool_overflow: int = 10
    database_pool_timeout_s: float = 30.0

    # Artifacts: a folder every worker and the API can read (a shared mount across machines)
    artifact_root: Path = Path(".data/artifacts")
    public_base_url: str = "http://127.0.0.1:8000"
    # ... or an S3-compatible object store, s3://bucket/prefix: then nothing is shared but
    # the store. Workers render in scratch_root (a local cache, safe to delete) and upload.
    # Empty credentials use boto3's own chain (AWS_* variables, an instance role).
    artifact_url: str = ""
    s3_endpoint_url: str = ""  # e.g. http://seaweedfs:8333; empty: AWS itself
    s3_region: str = "us-east-1"
    s3_access_key_id: str = ""
    s3_secret_access_key: str = ""
    s3_addressing_style: Literal["path", "virtual", "auto"] = "path"
    scratch_root: Path = Path(".data/scratch")
    # past this the copies used longest ago are deleted (none used in the last 10 minutes);
    # 0 keeps everything
    scratch_max_bytes: int = 20 * 1024**3
    # Signed download links stream through the API (with Range); true: they redirect to
    # presigned object-store URLs instead (the store must be reachable by the clients)
    artifact_redirect: bool = False

    # API limits. A body must arrive whole within request_body_timeout_s (else 408). Per
    # tenant: requests per minute (a page previewing as its user types stays well under)
    # and films queued or running at once (a burst of 20 fits); 0 turns a limit off.
    max_request_bytes: int = 256_000
    request_body_timeout_s: float = 30.0
    max_upload_bytes: int = 4_000_000  # a character reference picture (POST /api/v1/uploads)
    page_size_max: int = 100
    requests_per_minute: int = 600
    films_in_flight: int = 32

    # Access: the CLI's API key (else .data/dev-api-key, which `make up` writes), and the
    # secret that signs expiring file links (else one kept beside the artifacts)
    api_key: str = ""
    url_signing_secret: str = ""
    download_url_ttl_s: int = 3600

    # A completed film stays open this long to regenerate shots or retry failed ones
    revision_window_s: int = 3600

    # Webhooks: private and loopback targets are refused unless this is set
    webhook_allow_private: bool = False

    # Observability. Logs: plain lines or one JSON object a line, with job/workflow/shot ids.
    log_format: Literal["text", "json"] = "text"
    log_level: str = "INFO"
    # host:port where a worker serves /metrics (the Temporal SDK's and the project's);
    # empty: none. The API serves /metrics (no key) unless api_metrics is false, or on
    # api_metrics_address (host:port) instead when that is set.
    worker_metrics_address: str = ""
    api_metrics: bool = True
    api_metrics_address: str = ""
    # OTLP/HTTP endpoint for traces (e.g. http://collector:4318/v1/traces); empty: none
    otlp_endpoint: str = ""
    worker_identity: str = ""  # how a worker names itself to Temporal; default pid@host
    service_name: str = ""  # OpenTelemetry service.name; default filmstudio-api/-worker

    # Rendering
    width: int = 1280
    height: int = 720
    fps: int = 24
    crf: int = 20
    x264_preset: str = "veryfast"
    max_parallel_shots: int = 4
    render_price_per_second: float = 0.2  # credits per second of film the media workers render

    # Task queues: one per kind of work, so each scales on its own machines
    orchestration_queue: str = ORCHESTRATION
    models_queue: str = MODELS
    media_queue: str = MEDIA

    # Worker concurrency per process
    media_concurrency: int = 2
    model_concurrency: int = 4
    orchestration_concurrency: int = 8

    # Providers by name; the embedded ones need no accounts and no network. A comma list is
    # a chain: a shot whose provider stays rate-limited, unavailable or out of quota moves
    # to the next (pictures; e.g. "outage,animatic" drills it)
    visual_provider: str = "animatic"
    voice_provider: str = "espeak-ng"
    music_provider: str = "synth-score"
    moderation_provider: str = "deny-list"
    # Extra refused terms (comma-separated in the environment) and a list file replacing
    # the embedded one (providers/moderation_default.txt).
    moderation_deny_terms: Annotated[list[str], NoDecode] = []
    moderation_deny_file: Path | None = None

    # Remote providers (README "Generative models"). Prices are credits: per image, per
    # 1,000 characters of speech. Each remote provider runs on its own task queue,
    # "<models_queue>-<name>", at most `*_concurrency` jobs per worker process and
    # `*_rate_per_s` jobs started per second across the queue (0: no rate limit).
    comfyui_url: str = "http://127.0.0.1:8188"
    comfyui_workflow: Path = Path("examples/comfyui-workflow.json")
    comfyui_price_per_image: float = 1.0
    comfyui_price_per_clip_second: float = 0.5  # a moving clip (image-to-video) instead
    comfyui_concurrency: int = 1  # one GPU runs one prompt at a time
    comfyui_rate_per_s: float = 0.0
    comfyui_job_timeout_s: float = 600.0
    provider_poll_interval_s: float = 0.5
    openai_base_url: str = "https://api.openai.com/v1"
    openai_api_key: SecretStr = SecretStr("")
    openai_image_model: str = "gpt-image-2"
    openai_images_price_per_image: float = 4.0
    openai_images_concurrency: int = 2
    openai_images_rate_per_s: float = 1.0
    openai_speech_model: str = "gpt-4o-mini-tts"
    openai_speech_voices: Annotated[list[str], NoDecode] = []  # [] : OpenAI's own voices
    openai_speech_price_per_1k_chars: float = 1.5
    openai_speech_concurrency: int = 4
    openai_speech_rate_per_s: float = 2.0

    @field_validator("moderation_deny_terms", "openai_speech_voices", mode="before")
    @classmethod
    def _split_terms(cls, value: object) -> object:
        return (
            [t.strip() for t in value.split(",") if t.strip()] if isinstance(value, str) else value
        )

    def moderator(self) -> ModerationProvider:
        return moderation_provider(
            self.moderation_provider, self.moderation_deny_terms, self.moderation_deny_file
        )

    def remote_providers(self) -> RemoteProviders:
        key = self.openai_api_key.get_secret_value()
        return RemoteProviders(
            comfyui=ComfyConfig(
                self.comfyui_url,
                self.comfyui_workflow,
                self.comfyui_price_per_image,
                price_per_clip_second=self.comfyui_price_per_clip_second,
                poll_interval_s=self.provider_poll_interval_s,
                job_timeout_s=self.comfyui_job_timeout_s,
            ),
            images=ServiceConfig(self.openai_base_url, self.openai_image_model, key),
            images_price_per_image=self.openai_images_price_per_image,
            speech=ServiceConfig(self.openai_base_url, self.openai_speech_model, key),
            speech_price_per_1k_characters=self.openai_speech_price_per_1k_chars,
            speech_voices=tuple(self.openai_speech_voices),
        )

    def provider_queues(self) -> dict[str, str]:
        """Remote provider -> its own task queue, for the providers the chains name."""
        names = [*chain(self.visual_provider), *chain(self.voice_provider)]
        return {name: f"{self.models_queue}-{name}" for name in names if is_remote(name)}

    def provider_limits(self, name: str) -> tuple[int, float | None]:
        """(concurrent jobs per worker, jobs started per second on the queue) for a provider."""
        key = name.replace("-", "_")
        concurrency = int(getattr(self, f"{key}_concurrency", self.model_concurrency))
        rate = float(getattr(self, f"{key}_rate_per_s", 0.0))
        return concurrency, (rate or None)

    def worker_queues(self) -> list[str]:
        """Every queue this deployment uses: the three kinds and the providers' own."""
        return [*self.task_queues().names(), *self.provider_queues().values()]

    def task_queues(self) -> TaskQueues:
        return TaskQueues(self.orchestration_queue, self.models_queue, self.media_queue)

    def render_profile(self) -> RenderProfile:
        return RenderProfile(
            width=self.width,
            height=self.height,
            fps=self.fps,
            crf=self.crf,
            x264_preset=self.x264_preset,
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
