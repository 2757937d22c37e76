"""docker-compose.yml is a valid Compose file (`docker compose config` where the plugin is
installed, else the Compose specification's JSON schema that check-jsonschema ships) and
matches the production layout: migrations and the bucket before any process, an object
store and no shared folder, every /metrics scraped, settings that exist."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from core.settings import Settings
from tests.conftest import ROOT

COMPOSE = ROOT / "docker-compose.yml"
FILMSTUDIO = ("migrate", "orchestration", "models", "media", "providers", "api")


def _validate(path: Path) -> subprocess.CompletedProcess[str]:
    docker = shutil.which("docker")
    if (
        docker
        and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0
    ):
        argv = [docker, "compose", "-f", str(path), "config", "--quiet"]
    else:  # no Compose plugin here: the specification's schema
        tool = Path(sys.executable).with_name("check-jsonschema")
        argv = [str(tool), "--builtin-schema", "vendor.compose-spec", str(path)]
    return subprocess.run(argv, capture_output=True, text=True, timeout=60)


def _load() -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe").load(COMPOSE.read_text())
    return loaded


def test_the_compose_file_is_valid_and_a_broken_one_is_not(tmp_path: Path) -> None:
    checked = _validate(COMPOSE)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(COMPOSE.read_text().replace("    depends_on:\n", "    depends_on: 7\n", 1))
    assert _validate(broken).returncode != 0


def test_processes_start_after_the_migrations_and_share_no_folder() -> None:
    services = _load()["services"]
    assert {"postgres", "temporal-schema", "temporal", "seaweedfs", "prometheus", "jaeger"} <= set(
        services
    )
    assert "filmstudio db upgrade" in " ".join(services["migrate"]["command"])
    assert services["temporal"]["depends_on"]["temporal-schema"]["condition"] == (
        "service_completed_successfully"
    )
    for name in FILMSTUDIO:
        service = services[name]
        env = service["environment"]
        assert env["FILMSTUDIO_ARTIFACT_URL"].startswith("s3://"), name
        assert "volumes" not in service, f"{name} mounts a folder"
        if name != "migrate":
            assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_every_metrics_endpoint_is_scraped_and_every_setting_exists() -> None:
    document = _load()
    services = document["services"]
    for name in ("orchestration", "models", "media", "providers"):
        port = services[name]["environment"]["FILMSTUDIO_WORKER_METRICS_ADDRESS"].rpartition(":")[2]
        assert port in services[name]["expose"], name
    scrape = document["configs"]["prometheus"]["content"]
    assert (
        "api:8000" in scrape
        and "port: 9464" in scrape
        and "orchestration, models, media, providers" in scrape
    )
    known = {name.upper() for name in Settings.model_fields}
    for name in FILMSTUDIO:
        for variable in services[name]["environment"]:
            match = re.fullmatch(r"FILMSTUDIO_(\w+)", variable)
            assert match and match.group(1) in known, f"{name}: {variable} is no setting"


def test_the_remote_providers_worker_serves_their_own_queues_when_asked() -> None:
    providers = _load()["services"]["providers"]
    assert providers["profiles"] == ["providers"]  # off unless the profile is named
    command = providers["command"]
    default = re.fullmatch(r"\$\{PROVIDER_QUEUES:-(.+)\}", command[command.index("--queues") + 1])
    assert default is not None
    env = providers["environment"]
    visual = re.fullmatch(r"\$\{VISUAL_PROVIDER:-(.+)\}", env["FILMSTUDIO_VISUAL_PROVIDER"])
    assert visual is not None and visual.group(1) == "animatic"  # embedded by default
    chains = Settings(visual_provider="comfyui,animatic")
    assert default.group(1) == chains.provider_queues()["comfyui"]  # the queue it would name
