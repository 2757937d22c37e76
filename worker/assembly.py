"""Builds the workers for the chosen task queues: the one place dependencies are made."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from temporalio.client import Client
from temporalio.worker import Interceptor, Worker

from accounts.ledger import Ledger
from activities.accounting import AccountingActivities
from activities.job_index import JobIndexActivities
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
# Heartbeats reach the server at least this often, so a cancel reaches an activity within
# about a second (the SDK would otherwise wait up to 80% of the heartbeat timeout).
HEARTBEAT_THROTTLE = timedelta(seconds=1)


def build_workers(
    client: Client,
    settings: Settings,
    queues: Sequence[str],
    interceptors: Sequence[Interceptor] = (),
) -> list[Worker]:
    names = settings.task_queues()
    known = settings.worker_queues()
    unknown = sorted(set(queues) - set(known))
    if unknown:
        raise ValueError(f"unknown task queues {unknown}; expected some of {known}")
    # The local folder, or the object store and a scratch folder: for the queues that render
    # (every queue but orchestration's: models, media and the remote providers' own).
    store = open_store(settings) if set(queues) - {names.orchestration} else None
    remote = settings.remote_providers()
    activity_interceptors: list[Interceptor] = [ActivityMetricsInterceptor(), *interceptors]
    workers = []
    if names.orchestration in queues:
        voice_chain = [
            registry.voice_provider(name, remote)
            for name in registry.chain(settings.voice_provider)
        ]
        planning = PlanningActivities(voice_chain[0], settings.moderator(), voice_chain[1:])
        engine = make_engine(  # the ledger: shared with the API
            settings.database_url,
            settings.database_pool_size,
            settings.database_pool_overflow,
            settings.database_pool_timeout_s,
        )
        require_current(engine)  # `filmstudio db upgrade` runs before any process
        accounting = AccountingActivities(
            Ledger(engine), WebhookActivities(settings.webhook_allow_private)
        )
        index = JobIndexActivities(engine)
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
                    index.record_job,
                ],
                activity_executor=ThreadPoolExecutor(settings.orchestration_concurrency),
                max_concurrent_activities=settings.orchestration_concurrency,
                graceful_shutdown_timeout=GRACEFUL_SHUTDOWN,
                max_heartbeat_throttle_interval=HEARTBEAT_THROTTLE,
                interceptors=activity_interceptors,
                default_heartbeat_throttle_interval=HEARTBEAT_THROTTLE,
            )
        )
    provider_queues = {
        queue: name for name, queue in settings.provider_queues().items() if queue in queues
    }
    if names.models in queues or provider_queues:
        assert store is not None
        first_visual, *fallbacks = [
            registry.visual_provider(name, remote)
            for name in registry.chain(settings.visual_provider)
        ]
        musics = [registry.music_provider(n) for n in registry.chain(settings.music_provider)]
        first_voice, *voice_fallbacks = [
            registry.voice_provider(name, remote)
            for name in registry.chain(settings.voice_provider)
        ]
        models = ModelActivities(
            store,
            visual=first_visual,
            voice=first_voice,
            music=musics[0],
            visual_fallbacks=fallbacks,
            music_fallbacks=musics[1:],
            voice_fallbacks=voice_fallbacks,
        )
        for queue, name in provider_queues.items():
            # A remote provider's own queue: its limits keep one GPU or one API account
            # from being flooded, across every worker that serves the queue.
            concurrency, rate = settings.provider_limits(name)
            workers.append(
                Worker(
                    client,
                    task_queue=queue,
                    activities=[
                        models.generate_visual,
                        models.synthesize_dialogue,
                        models.make_character_references,
                        models.cast_voices,
                    ],
                    activity_executor=ThreadPoolExecutor(concurrency),
                    max_concurrent_activities=concurrency,
                    max_task_queue_activities_per_second=rate,
                    graceful_shutdown_timeout=GRACEFUL_SHUTDOWN,
                    max_heartbeat_throttle_interval=HEARTBEAT_THROTTLE,
                    interceptors=activity_interceptors,
                    default_heartbeat_throttle_interval=HEARTBEAT_THROTTLE,
                )
            )
    if names.models in queues:
        workers.append(
            Worker(
                client,
                task_queue=names.models,
                activities=[
                    models.cast_voices,
                    models.generate_visual,
                    models.make_character_references,
                    models.synthesize_dialogue,
                    models.compose_score,
                ],
                activity_executor=ThreadPoolExecutor(settings.model_concurrency),
                max_concurrent_activities=settings.model_concurrency,
                graceful_shutdown_timeout=GRACEFUL_SHUTDOWN,
                max_heartbeat_throttle_interval=HEARTBEAT_THROTTLE,
                interceptors=activity_interceptors,
                default_heartbeat_throttle_interval=HEARTBEAT_THROTTLE,
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
                max_heartbeat_throttle_interval=HEARTBEAT_THROTTLE,
                interceptors=activity_interceptors,
                default_heartbeat_throttle_interval=HEARTBEAT_THROTTLE,
            )
        )
    return workers
