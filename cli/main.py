"""`filmstudio`: submit scripts and follow their films from the terminal.

filmstudio render SCRIPT [--title T] [--strict]
                                       submit, show progress, print the film's path;
                                       --strict: unknown shot or camera words are errors
filmstudio status JOB_ID               one job's status as JSON
filmstudio jobs                        the latest jobs
filmstudio credits                     the balance and latest ledger entries
filmstudio tenant create NAME --credits N   (server side) a tenant; prints its API key
filmstudio credits grant NAME N             (server side) add credits
filmstudio db upgrade                       (server side) migrate the database to this release
filmstudio storage init                     (server side) make the artifact bucket if missing

The API key comes from --key, FILMSTUDIO_API_KEY, or .data/dev-api-key (`make up`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from cli import admin, database, storage_admin
from cli.progress import ProgressBar
from core.settings import Settings, get_settings
from storage.migrate import DatabaseNotCurrentError

POLL_S = 0.5


def _api(settings: Settings, args: argparse.Namespace) -> httpx.Client:
    key = args.key or settings.api_key
    if not key and admin.DEV_KEY_FILE.is_file():
        key = admin.DEV_KEY_FILE.read_text().strip()
    if not key:
        _fail("no API key: pass --key, set FILMSTUDIO_API_KEY, or run `make up` for a dev key")
    return httpx.Client(
        base_url=args.api or settings.public_base_url,
        headers={"Authorization": f"Bearer {key}"},
        timeout=30,
    )


def _fail(message: str) -> None:
    print(f"filmstudio: {message}", file=sys.stderr)
    raise SystemExit(1)


def _checked(response: httpx.Response) -> Any:
    if response.status_code >= 400:
        try:
            body = response.json()
        except ValueError:
            body = {"detail": response.text}
        detail = body.get("detail", body)
        if isinstance(body, dict) and "errors" in body:
            detail = "\n".join(
                f"  line {e['line']}, column {e['column']}: {e['message']}" for e in body["errors"]
            )
            detail = f"the script does not parse:\n{detail}"
        _fail(f"HTTP {response.status_code}: {detail}")
    return response.json()


def render_request(args: argparse.Namespace, script: str) -> dict[str, Any]:
    """The POST /api/v1/jobs body for `filmstudio render`."""
    body: dict[str, Any] = {"script": script, "title": args.title}
    if args.strict:
        body["options"] = {"strict": True}
    return body


def render(args: argparse.Namespace, settings: Settings) -> None:
    script = Path(args.script).read_text(encoding="utf-8")
    with _api(settings, args) as api:
        created = _checked(api.post("/api/v1/jobs", json=render_request(args, script)))
        job_id, workflow_id = created["job_id"], created["workflow_id"]
        namespace = settings.temporal_namespace
        ui = f"{settings.temporal_ui_url}/namespaces/{namespace}/workflows/{workflow_id}"
        print(f"job {job_id}\n  Temporal UI: {ui}", file=sys.stderr)
        bar = ProgressBar()
        while True:
            job = _checked(api.get(f"/api/v1/jobs/{job_id}"))
            progress = job["progress"]
            label = (
                f"{progress['stage']} · {progress['shots_done']}/{progress['shots_total']} shots"
            )
            bar.update(progress["percent"], label)
            if job["status"] in ("completed", "failed", "cancelled"):
                break
            time.sleep(POLL_S)
        bar.close()
        if job["status"] != "completed":
            error = job.get("error") or {}
            where = f" at {error.get('step')}" if error.get("step") else ""
            shot = f" (shot {error['shot_id']})" if error.get("shot_id") else ""
            _fail(f"the film {job['status']}{where}{shot}: {error.get('message', 'no detail')}")
        download = _checked(api.get(f"/api/v1/jobs/{job_id}/download"))
    published = str(download["url"]).split("?")[0].partition("/files/")[2] or "film.mp4"
    local = (settings.artifact_root / "jobs" / job_id / published).resolve()
    print(f"film ready: {download['duration_s']:.1f} s, {download['size_bytes']} bytes")
    if local.is_file():
        print(f"  file:        {local}")
    print(f"  download:    {download['url']}\n  subtitles:   {download['subtitles_url']}")
    print(f"  Temporal UI: {ui}")


def status(args: argparse.Namespace, settings: Settings) -> None:
    with _api(settings, args) as api:
        print(json.dumps(_checked(api.get(f"/api/v1/jobs/{args.job_id}")), indent=2))


def jobs(args: argparse.Namespace, settings: Settings) -> None:
    with _api(settings, args) as api:
        page = _checked(api.get("/api/v1/jobs", params={"limit": args.limit}))
    for job in page["items"]:
        progress = job["progress"]
        print(f"{job['job_id']}  {job['status']:10} {progress['percent']:3d}%  {job['title']}")


def credits(args: argparse.Namespace, settings: Settings) -> None:
    with _api(settings, args) as api:
        body = _checked(api.get("/api/v1/credits", params={"limit": args.limit}))
    print(
        f"granted {body['granted']:g} = available {body['available']:g}"
        f" + held {body['held']:g} + spent {body['spent']:g}"
    )
    for entry in body["entries"]:
        job = entry["job_id"] or ""
        print(f"  {entry['created_at'][:19]}  {entry['kind']:8} {entry['amount']:>10g}  {job}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="filmstudio", description="Film Studio from the terminal")
    parser.add_argument("--api", help="API base URL (default: FILMSTUDIO_PUBLIC_BASE_URL)")
    parser.add_argument("--key", help="API key (default: FILMSTUDIO_API_KEY, .data/dev-api-key)")
    commands = parser.add_subparsers(dest="command", required=True)
    render_cmd = commands.add_parser("render", help="submit a script and follow it to the film")
    render_cmd.add_argument("script", help="path to a script file")
    render_cmd.add_argument("--title")
    render_cmd.add_argument(
        "--strict",
        action="store_true",
        help="words a shot heading or camera cue does not know are errors, not warnings",
    )
    status_cmd = commands.add_parser("status", help="one job's status")
    status_cmd.add_argument("job_id")
    jobs_cmd = commands.add_parser("jobs", help="the latest jobs")
    jobs_cmd.add_argument("--limit", type=int, default=20)
    admin.add_commands(commands)
    database.add_commands(commands)
    storage_admin.add_commands(commands)
    return parser


def main() -> None:
    handlers = {"render": render, "status": status, "jobs": jobs}
    args = build_parser().parse_args()
    handler = getattr(args, "handler", None) or handlers.get(args.command, credits)
    try:
        handler(args, get_settings())
    except DatabaseNotCurrentError as error:
        _fail(str(error))


if __name__ == "__main__":
    main()
