"""The REST gateway: builds the app, one Temporal client and one engine per process.

The Temporal client connects in the background (api/temporal_link.py): the API starts, and
answers 503 problems for what needs Temporal, while the server is down.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from temporalio.client import Client

from accounts.ledger import Ledger
from api.limits import BodyLimits
from api.openapi import install_problem_openapi
from api.problem_handlers import install_problem_handlers
from api.routes import control, credits, files, health, jobs, revisions, scripts, uploads
from api.signing import UrlSigner, load_or_create_secret
from api.temporal_link import TemporalLink
from api.tenant_limits import RequestRate
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
        app.state.engine = make_engine(
            settings.database_url,
            settings.database_pool_size,
            settings.database_pool_overflow,
            settings.database_pool_timeout_s,
        )
        require_current(app.state.engine)  # `filmstudio db upgrade` runs before any process
        app.state.ledger = Ledger(app.state.engine)
        app.state.request_rate = RequestRate(app.state.engine, settings.requests_per_minute)
        app.state.store = open_store(settings)
        if objects(app.state.store) is not None and not settings.url_signing_secret:
            raise RuntimeError(  # no shared folder to keep one in: every API must sign alike
                "FILMSTUDIO_URL_SIGNING_SECRET must be set when artifacts are in an object store"
            )
        secret = load_or_create_secret(
            settings.url_signing_secret, settings.artifact_root / ".url-signing-key"
        )
        app.state.signer = UrlSigner(secret, settings.download_url_ttl_s)
        remote = settings.remote_providers()
        app.state.voices = [  # the first that takes a film's cast casts and times it
            registry.voice_provider(name, remote)
            for name in registry.chain(settings.voice_provider)
        ]
        app.state.moderator = settings.moderator()
        visuals = [
            registry.visual_provider(name, remote)
            for name in registry.chain(settings.visual_provider)
        ]
        app.state.visuals = visuals  # the preview names the one that makes references
        app.state.prices = Prices(
            # a shot may fail over to any provider of the chain: hold for the dearest
            picture_per_second=max(
                registry.picture_price(provider, 1.0, clip=True) for provider in visuals
            ),
            picture_per_shot=max(registry.picture_price(provider, 0.0) for provider in visuals),
            voice_per_character=max(voice.price_per_character for voice in app.state.voices),
            music_per_second=max(
                registry.music_provider(name).price_per_second
                for name in registry.chain(settings.music_provider)
            ),
            render_per_second=settings.render_price_per_second,
        )
        configure_tracing(settings, "filmstudio-api")
        link = TemporalLink(
            settings.temporal_address,
            settings.temporal_namespace,
            temporal,
            interceptors=client_interceptors(),  # traces requests into workflows
        )
        app.state.temporal_link = link
        connecting = asyncio.create_task(link.keep_connecting())
        if settings.api_metrics and settings.api_metrics_address:
            serve_metrics_apart(metrics, settings.api_metrics_address)
        try:
            yield
        finally:
            connecting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await connecting
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
    app.include_router(uploads.router)
    app.add_middleware(
        BodyLimits,
        max_bytes=settings.max_request_bytes,
        timeout_s=settings.request_body_timeout_s,
        paths={"/api/v1/uploads": settings.max_upload_bytes},
    )
    app.add_middleware(RequestMetrics)  # outermost: every request is counted and timed
    install_problem_handlers(app)
    install_problem_openapi(app)
    metrics = app_metrics(app)
    if settings.api_metrics and not settings.api_metrics_address:
        mount_metrics(app, metrics)
    return app


def app() -> FastAPI:
    """uvicorn's factory: `uvicorn api.main:app --factory`."""
    settings = get_settings()
    configure_logging(settings.log_format, settings.log_level)
    return create_app(settings)
