"""The REST gateway: builds the app, one Temporal client and one engine per process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from temporalio.client import Client

from api.db import create_tables, make_engine
from api.limits import BodySizeLimit
from api.routes import files, health, jobs
from core.settings import Settings, get_settings
from storage.artifacts import ArtifactStore


def create_app(settings: Settings | None = None, temporal: Client | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.engine = make_engine(settings.database_url)
        create_tables(app.state.engine)
        app.state.store = ArtifactStore(settings.artifact_root)
        app.state.temporal = temporal or await Client.connect(
            settings.temporal_address, namespace=settings.temporal_namespace
        )
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
    app.include_router(files.router)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    return app


def app() -> FastAPI:
    """uvicorn's factory: `uvicorn api.main:app --factory`."""
    return create_app()
