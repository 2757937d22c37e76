"""Logging for every process: plain lines, or one JSON object a line (`LOG_FORMAT=json`),
each carrying the job, workflow, activity and shot it belongs to when there is one."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

_IDS: ContextVar[dict[str, str]] = ContextVar("filmstudio_log_ids", default={})  # noqa: B039


@contextmanager
def bind_ids(**ids: str) -> Iterator[None]:
    """Put ids (job_id, workflow_id, shot_id, ...) on every record logged in this block."""
    current = {**_IDS.get(), **{name: value for name, value in ids.items() if value}}
    workflow_id = current.get("workflow_id", "")
    if workflow_id.startswith("film-") and "job_id" not in current:
        current["job_id"] = workflow_id.removeprefix("film-")
    token = _IDS.set(current)
    try:
        yield
    finally:
        _IDS.reset(token)


def record_ids(record: logging.LogRecord) -> dict[str, str]:
    """The ids a record carries: bound ones, and those the Temporal SDK's loggers add."""
    ids = dict(_IDS.get())
    for extra in ("temporal_activity", "temporal_workflow"):
        details: Any = getattr(record, extra, None)
        if isinstance(details, dict):
            for name in (
                "workflow_id",
                "run_id",
                "workflow_run_id",
                "activity_id",
                "activity_type",
            ):
                if details.get(name):
                    ids.setdefault(name, str(details[name]))
    workflow_id = ids.get("workflow_id", "")
    if workflow_id.startswith("film-"):
        ids.setdefault("job_id", workflow_id.removeprefix("film-"))
    for name in ("job_id", "shot_id"):  # passed as extra={...} by our own code
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            ids[name] = value
    return ids


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **record_ids(record),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        ids = record_ids(record)
        shown = " ".join(
            f"{k}={ids[k]}" for k in ("job_id", "shot_id", "activity_type") if k in ids
        )
        return f"{text} [{shown}]" if shown else text


def configure_logging(log_format: str = "text", level: str = "INFO") -> None:
    handler = logging.StreamHandler()
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(TextFormatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("httpx").setLevel(logging.WARNING)  # a line per scrape is noise
