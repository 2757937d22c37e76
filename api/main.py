"""The REST gateway: builds the app, one Temporal client and one engine per process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from temporalio.client import Client

from accounts.ledger import Ledger
from api.limits import BodySizeLimit
from api.routes import control, credits, files, health, jobs, revisions, scripts
from api.signing import UrlSigner, load_or_create_secret
from core.estimate import Prices
from core.settings import Settings, get_settings
from observability.http import RequestMetrics, app_metrics, mount_metrics, serve_metrics_apart
from observability.logs import configure_logging
from observability.tracing import client_interceptors, configure_tracing
from providers import registry
from storage.database import make_engine
from storage.migrate import require_current
from storage.store import objects, open_store


def create_app(settings: Settings | None = None, temporal: Client | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.engine = make_engine(settings.database_url)
        require_current(app.state.engine)  # `filmstudio db upgrade` runs before any process
        app.state.ledger = Ledger(app.state.engine)
        app.state.store = open_store(settings)
        if objects(app.state.store) is not None and not settings.url_signing_secret:
            raise RuntimeError(  # no shared folder to keep one in: every API must sign alike
                "FILMSTUDIO_URL_SIGNING_SECRET must be set when artifacts are in an object store"
            )
        secret = load_or_create_secret(
            settings.url_signing_secret, settings.artifact_root / ".url-signing-key"
        )
        app.state.signer = UrlSigner(secret, settings.download_url_ttl_s)
        app.state.voice = registry.voice_provider(settings.voice_provider)
        app.state.moderator = settings.moderator()
        app.state.prices = Prices(
            picture_per_second=max(  # a shot may fail over to any provider of the chain
                registry.visual_provider(name).price_per_second
                for name in registry.chain(settings.visual_provider)
            ),
            voice_per_character=app.state.voice.price_per_character,
            music_per_second=registry.music_provider(settings.music_provider).price_per_second,
            render_per_second=settings.render_price_per_second,
        )
        configure_tracing(settings, "filmstudio-api")
        app.state.temporal = temporal or await Client.connect(
            settings.temporal_address,
            namespace=settings.temporal_namespace,
            interceptors=client_interceptors(),  # traces requests into workflows
        )
        if settings.api_metrics and settings.api_metrics_address:
            serve_metrics_apart(metrics, settings.api_metrics_address)
        yield
        app.state.engine.dispose()

    app = FastAPI(
        title="Film Studio",
        version="0.1.0",
        summary="Script in, film out: durable script-to-film rendering on Temporal.",
        lifespan=lifespan,
    )
    app.include_router(health.router)
    app.include_router(jobs.router)
    app.include_router(control.router)
    app.include_router(revisions.router)
    app.include_router(scripts.router)
    app.include_router(credits.router)
    app.include_router(files.router)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    app.add_middleware(RequestMetrics)  # outermost: every request is counted and timed
    metrics = app_metrics(app)
    if settings.api_metrics and not settings.api_metrics_address:
        mount_metrics(app, metrics)
    return app


def app() -> FastAPI:
    """uvicorn's factory: `uvicorn api.main:app --factory`."""
    settings = get_settings()
    configure_logging(settings.log_format, settings.log_level)
    return create_app(settings)
