"""`filmstudio storage init` and `filmstudio storage check`: the artifact store itself.

`init` makes the bucket FILMSTUDIO_ARTIFACT_URL names when it is missing (a prestart
step, beside `filmstudio db upgrade`); `check` says whether this machine reaches it.
"""

from __future__ import annotations

import argparse

from botocore.exceptions import ClientError

from core.settings import Settings
from storage.s3 import S3Location, client_from_settings


def _location(settings: Settings) -> S3Location:
    if not settings.artifact_url:
        raise SystemExit(
            f"filmstudio: artifacts are in the local folder {settings.artifact_root}; "
            "set FILMSTUDIO_ARTIFACT_URL=s3://bucket/prefix for an object store"
        )
    return S3Location.parse(settings.artifact_url)


def storage_init(_args: argparse.Namespace, settings: Settings) -> None:
    location, client = _location(settings), client_from_settings(settings)
    try:
        client.head_bucket(Bucket=location.bucket)
        print(f"bucket {location.bucket} is there")
    except ClientError:
        client.create_bucket(Bucket=location.bucket)
        print(f"bucket {location.bucket} created")


def storage_check(_args: argparse.Namespace, settings: Settings) -> None:
    location, client = _location(settings), client_from_settings(settings)
    try:
        client.head_bucket(Bucket=location.bucket)
    except ClientError as error:
        raise SystemExit(f"filmstudio: bucket {location.bucket} not reachable: {error}") from None
    print(f"bucket {location.bucket} reachable at {settings.s3_endpoint_url or 'AWS S3'}")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    storage = commands.add_parser("storage", help="the artifact object store (on the server)")
    storage_commands = storage.add_subparsers(dest="storage_command", required=True)
    init = storage_commands.add_parser("init", help="make the artifact bucket if it is missing")
    init.set_defaults(handler=storage_init)
    check = storage_commands.add_parser("check", help="can this machine reach the bucket")
    check.set_defaults(handler=storage_check)
