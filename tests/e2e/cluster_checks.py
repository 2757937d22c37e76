"""What the multi-host rehearsal measures: each host's open files, its metrics, the render
attempts in the workflow history, the run in Temporal's own database."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import httpx
import psycopg
from prometheus_client.parser import text_string_to_metric_families
from temporalio.api.enums.v1 import EventType
from temporalio.client import WorkflowHandle

from devstack.cluster import Host, open_files
from devstack.temporal_server import TemporalSqlServer


class FileAudit:
    """Samples every host's open files (its processes and their ffmpeg children)."""

    def __init__(self, base: Path, hosts: dict[str, Host]) -> None:
        self.base, self.hosts = str(base), hosts
        self.foreign: set[str] = set()
        self.own: dict[str, int] = dict.fromkeys(hosts, 0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            for name, host in self.hosts.items():
                for pid in list(host.pids()):
                    for path in open_files(pid):
                        if not path.startswith(self.base):
                            continue  # the code, the interpreter, /tmp of the shared services
                        if path.startswith(f"{host.dir}/") or path == str(host.dir):
                            self.own[name] += 1
                        else:
                            self.foreign.add(f"{name} opened {path}")

    def __enter__(self) -> FileAudit:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def scrape_metrics(address: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = httpx.get(f"http://{address}/metrics", timeout=10).text
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def metric_value(
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str
) -> float:
    wanted = tuple(sorted(labels.items()))
    return sum(
        amount
        for (found, labelled), amount in samples.items()
        if found == name and set(wanted) <= set(labelled)
    )


async def render_history(handle: WorkflowHandle) -> dict[str, dict[str, object]]:  # type: ignore[type-arg]
    """Per shot, from the history: how many render_shot were scheduled, the last attempt,
    which host ran each attempt, and when it completed."""
    history = await handle.fetch_history()
    scheduled: dict[int, str] = {}
    shots: dict[str, dict[str, object]] = {}
    for event in history.events:
        if event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
            attributes = event.activity_task_scheduled_event_attributes
            if attributes.activity_type.name == "render_shot":
                shot_id = str(json.loads(attributes.input.payloads[0].data)["shot_id"])
                entry = shots.setdefault(shot_id, {"scheduled": 0, "hosts": []})
                entry["scheduled"] = int(entry["scheduled"]) + 1  # type: ignore[call-overload]
                scheduled[event.event_id] = shot_id
        elif event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED:
            attributes = event.activity_task_started_event_attributes
            if attributes.scheduled_event_id in scheduled:
                entry = shots[scheduled[attributes.scheduled_event_id]]
                entry["attempt"] = attributes.attempt
                entry["hosts"].append(attributes.identity)  # type: ignore[attr-defined]
        elif event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
            attributes = event.activity_task_completed_event_attributes
            if attributes.scheduled_event_id in scheduled:
                entry = shots[scheduled[attributes.scheduled_event_id]]
                entry["completed_at"] = event.event_time.ToDatetime().timestamp()
                entry["completed_by"] = entry["hosts"][-1]  # type: ignore[index]
    return shots


def persisted_in_postgres(server: TemporalSqlServer, workflow_id: str) -> int:
    dsn = f"postgresql://postgres@127.0.0.1:{server.postgres.port}/{server.databases[0]}"
    with psycopg.connect(dsn) as connection:
        row = connection.execute(
            "SELECT count(*) FROM executions WHERE workflow_id = %s", (workflow_id,)
        ).fetchone()
    return int(row[0]) if row else 0
