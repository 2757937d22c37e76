"""Dependencies the routes share, as Annotated aliases."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlmodel import Session
from temporalio.client import Client

from accounts.ledger import Ledger
from accounts.models import Tenant
from api.problems import ProblemException
from api.signing import UrlSigner
from api.temporal_link import TemporalLink
from api.tenant_limits import RequestRate
from core.error_types import ErrorType
from core.settings import Settings
from storage.artifacts import ArtifactStore

_bearer = HTTPBearer(auto_error=False, description="An API key: `filmstudio tenant create`")


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    engine: Engine = request.app.state.engine
    with Session(engine) as session:
        yield session


def get_engine(request: Request) -> Engine:
    """The engine itself, for a route that awaits Temporal: it opens short sessions of its
    own around each await, never holding a connection while it waits."""
    engine: Engine = request.app.state.engine
    return engine


def get_link(request: Request) -> TemporalLink:
    link: TemporalLink = request.app.state.temporal_link
    return link


def get_client(request: Request) -> Client:
    """The Temporal client; 503 while the API has not reached Temporal yet."""
    return get_link(request).require()


def get_store(request: Request) -> ArtifactStore:
    store: ArtifactStore = request.app.state.store
    return store


def get_ledger(request: Request) -> Ledger:
    ledger: Ledger = request.app.state.ledger
    return ledger


def get_signer(request: Request) -> UrlSigner:
    signer: UrlSigner = request.app.state.signer
    return signer


def optional_tenant(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Tenant | None:
    """The tenant whose key came with the request (its request counted against its rate
    limit); None when no key came."""
    if credentials is None:
        return None
    tenant = get_ledger(request).authenticate(credentials.credentials)
    if tenant is None:
        raise ProblemException(
            ErrorType.UNAUTHENTICATED,
            "invalid API key",
            headers={"WWW-Authenticate": "Bearer"},
        )
    rate: RequestRate = request.app.state.request_rate
    rate.hit(tenant.id)
    return tenant


def current_tenant(tenant: Annotated[Tenant | None, Depends(optional_tenant)]) -> Tenant:
    """Every API call but /health (and signed file links) needs `Authorization: Bearer <key>`."""
    if tenant is None:
        raise ProblemException(
            ErrorType.UNAUTHENTICATED,
            "an API key is required: Authorization: Bearer <key>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return tenant


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
SessionDep = Annotated[Session, Depends(get_session)]
EngineDep = Annotated[Engine, Depends(get_engine)]
ClientDep = Annotated[Client, Depends(get_client)]
LinkDep = Annotated[TemporalLink, Depends(get_link)]
StoreDep = Annotated[ArtifactStore, Depends(get_store)]
LedgerDep = Annotated[Ledger, Depends(get_ledger)]
SignerDep = Annotated[UrlSigner, Depends(get_signer)]
TenantDep = Annotated[Tenant, Depends(current_tenant)]
OptionalTenantDep = Annotated[Tenant | None, Depends(optional_tenant)]
