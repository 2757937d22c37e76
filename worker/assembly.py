"""Builds the workers for the chosen task queues: the one place dependencies are made."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from temporalio.client import Client
from temporalio.worker import Worker

from accounts.ledger import Ledger
from activities.accounting import AccountingActivities
from activities.media_work import MediaActivities
from activities.model_work import ModelActivities
from activities.planning import PlanningActivities
from activities.webhooks import WebhookActivities
from core.settings import Settings
from observability.activity_metrics import ActivityMetricsInterceptor
from providers import registry
from storage.database import make_engine
from storage.migrate import require_current
from storage.store import open_store
from workflows.film import FilmWorkflow
from workflows.webhook import WebhookWorkflow

# On SIGTERM a worker stops taking work and lets what runs finish (a shot render takes
# seconds); anything still running after this is cancelled and retried elsewhere.
GRACEFUL_SHUTDOWN = timedelta(seconds=30)


def build_workers(client: Client, settings: Settings, queues: Sequence[str]) -> list[Worker]:
    names = settings.task_queues()
    unknown = sorted(set(queues) - set(names.names()))
    if unknown:
        raise ValueError(f"unknown task queues {unknown}; expected some of {names.names()}")
    # The local folder, or the object store and a scratch folder: for the queues that render.
    store = open_store(settings) if {names.models, names.media} & set(queues) else None
    workers = []
    if names.orchestration in queues:
        planning = PlanningActivities(
            registry.voice_provider(settings.voice_provider), settings.moderator()
        )
        engine = make_engine(settings.database_url)  # the ledger: shared with the API
        require_current(engine)  # `filmstudio db upgrade` runs before any process
        accounting = AccountingActivities(
            Ledger(engine), WebhookActivities(settings.webhook_allow_private)
        )
        workers.append(
            Worker(
                client,
                task_queue=names.orchestration,
                workflows=[FilmWorkflow, WebhookWorkflow],
                activities=[
                    planning.plan_film,
                    accounting.hold_credits,
                    accounting.charge_credits,
                    accounting.release_credits,
                    accounting.notify_webhook,
                ],
                activity_executor=ThreadPoolExecutor(settings.orchestration_concurrency),
                max_concurrent_activities=settings.orchestration_concurrency,
                graceful_shutdown_timeout=GRACEFUL_SHUTDOWN,
                interceptors=[ActivityMetricsInterceptor()],
            )
        )
    if names.models in queues:
        assert store is not None
        first_visual, *fallbacks = [
            registry.visual_provider(name) for name in registry.chain(settings.visual_provider)
        ]
        models = ModelActivities(
            store,
            visual=first_visual,
            voice=registry.voice_provider(settings.voice_provider),
            music=registry.music_provider(settings.music_provider),
            visual_fallbacks=fallbacks,
        )
        workers.append(
            Worker(
                client,
                task_queue=names.models,
                activities=[
                    models.cast_voices,
                    models.generate_visual,
                    models.synthesize_dialogue,
                    models.compose_score,
                ],
                activity_executor=ThreadPoolExecutor(settings.model_concurrency),
                max_concurrent_activities=settings.model_concurrency,
                graceful_shutdown_timeout=GRACEFUL_SHUTDOWN,
                interceptors=[ActivityMetricsInterceptor()],
            )
        )
    if names.media in queues:
        assert store is not None
        media = MediaActivities(
            store,
            settings.public_base_url,
            settings.media_concurrency,
            price_per_second=settings.render_price_per_second,
        )
        workers.append(
            Worker(
                client,
                task_queue=names.media,
                activities=[
                    media.render_shot,
                    media.render_placeholder,
                    media.mix_soundtrack,
                    media.compose_film,
                    media.publish_film,
                ],
                activity_executor=ThreadPoolExecutor(settings.media_concurrency),
                max_concurrent_activities=settings.media_concurrency,
                graceful_shutdown_timeout=GRACEFUL_SHUTDOWN,
                interceptors=[ActivityMetricsInterceptor()],
            )
        )
    return workers
