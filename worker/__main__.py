"""`python -m worker --queues film-models,film-media`: run workers until SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal

from temporalio.client import Client

from core.settings import get_settings
from observability.logs import configure_logging
from observability.tracing import client_interceptors, configure_tracing
from observability.worker_metrics import serve_worker_metrics
from storage.migrate import DatabaseNotCurrentError
from worker.assembly import build_workers

log = logging.getLogger("worker")


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m worker", description=__doc__)
    parser.add_argument(
        "--queues",
        default="",
        help="comma-separated task queues to serve, of the settings' orchestration, models and "
        "media queues and the remote providers' own queues (default: all of them)",
    )
    return parser.parse_args()


async def _serve(queues: list[str]) -> None:
    settings = get_settings()
    configure_tracing(settings, "filmstudio-worker")
    address = settings.worker_metrics_address
    client = await Client.connect(
        settings.temporal_address,
        namespace=settings.temporal_namespace,
        interceptors=client_interceptors(),  # spans for workflows and activities
        identity=settings.worker_identity or None,
        runtime=serve_worker_metrics(address) if address else None,
    )
    workers = build_workers(client, settings, queues)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    log.info("serving %s on %s", ", ".join(queues), settings.temporal_address)
    if address:
        log.info("metrics on http://%s/metrics", address)
    runs = [asyncio.create_task(worker.run()) for worker in workers]
    await stop.wait()
    log.info("shutting down: letting running activities finish")
    await asyncio.gather(*(worker.shutdown() for worker in workers))
    await asyncio.gather(*runs, return_exceptions=True)


def main() -> None:
    settings = get_settings()
    configure_logging(settings.log_format, settings.log_level)
    queues = [queue.strip() for queue in _parse_args().queues.split(",") if queue.strip()]
    queues = queues or get_settings().worker_queues()
    try:
        asyncio.run(_serve(queues))
    except DatabaseNotCurrentError as error:
        raise SystemExit(f"worker: {error}") from None


if __name__ == "__main__":
    main()
