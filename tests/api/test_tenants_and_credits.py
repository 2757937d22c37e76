"""API keys, tenant isolation, signed links, 402 and the credits endpoint, on the real app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi import FastAPI

from cli.admin import ensure_dev_tenant, ledger_of
from core.settings import Settings
from tests.conftest import ROOT, api_client, migrate, wait_for

pytestmark = pytest.mark.usefixtures("workers")

SCRIPT = """SCENE 1: INT. KITCHEN - DAY
SHOT 1 (WIDE, STATIC, 2s): A kettle boils.
SHOT 2 (CLOSE, PUSH_IN, 2s): MAYA: Tea?
"""


async def test_every_call_but_health_needs_a_valid_key(app: FastAPI) -> None:
    async with api_client(app, None) as anonymous, api_client(app, "fs_bad_key") as wrong:
        assert (await anonymous.get("/health")).status_code == 200
        for http in (anonymous, wrong):
            for method, path in [
                ("GET", "/api/v1/jobs"),
                ("POST", "/api/v1/jobs"),
                ("GET", "/api/v1/credits"),
                ("POST", "/api/v1/scripts/preview"),
                ("GET", "/api/v1/jobs/abc"),
                ("POST", "/api/v1/jobs/abc/cancel"),
                ("GET", "/api/v1/jobs/abc/files/film.mp4"),
            ]:
                response = await http.request(method, path, json={"script": SCRIPT})
                assert response.status_code == 401, (method, path)
                assert response.headers["www-authenticate"] == "Bearer"
                assert response.json()["code"] == "Unauthenticated", (method, path)


async def test_another_tenants_job_is_404_everywhere(app: FastAPI, api: httpx.AsyncClient) -> None:
    job = (await api.post("/api/v1/jobs", json={"script": SCRIPT})).json()["job_id"]
    await wait_for(
        lambda: _status_is(api, job, "completed"),
        timeout=120,
    )
    other_key = app.state.ledger.create_tenant("tenant-b", 100).key
    async with api_client(app, other_key) as tenant_b:
        for method, path in [
            ("GET", f"/api/v1/jobs/{job}"),
            ("GET", f"/api/v1/jobs/{job}/state"),
            ("GET", f"/api/v1/jobs/{job}/download"),
            ("GET", f"/api/v1/jobs/{job}/files/film.mp4"),
            ("POST", f"/api/v1/jobs/{job}/pause"),
            ("POST", f"/api/v1/jobs/{job}/cancel"),
            ("POST", f"/api/v1/jobs/{job}/retry"),
            ("POST", f"/api/v1/jobs/{job}/shots/01-01/regenerate"),
        ]:
            refused = await tenant_b.request(method, path)
            assert refused.status_code == 404, path
            assert refused.json()["code"] == "JobNotFound", path
        assert (await tenant_b.get("/api/v1/jobs")).json()["items"] == []
    assert (await api.get(f"/api/v1/jobs/{job}/files/film.mp4")).status_code == 200


async def _status_is(api: httpx.AsyncClient, job: str, wanted: str) -> bool:
    return bool((await api.get(f"/api/v1/jobs/{job}")).json()["status"] == wanted)


async def test_download_links_are_signed_and_expire(app: FastAPI, api: httpx.AsyncClient) -> None:
    job = (await api.post("/api/v1/jobs", json={"script": SCRIPT})).json()["job_id"]
    await wait_for(lambda: _status_is(api, job, "completed"), timeout=120)
    download = (await api.get(f"/api/v1/jobs/{job}/download")).json()
    assert download["expires_in_s"] == 3600
    async with api_client(app, None) as player:  # a <video> tag sends no key
        assert (await player.get(download["url"])).content[4:8] == b"ftyp"
        parts = urlsplit(download["url"])
        query = parse_qs(parts.query)
        forged = f"{parts.path}?expires={int(query['expires'][0]) + 10}&sig={query['sig'][0]}"
        assert (await player.get(forged)).status_code == 404
        other_file = download["url"].replace("film.mp4", "poster.jpg")
        assert (await player.get(other_file)).status_code == 404
        expired = app.state.signer.sign(parts.path, now=0)
        assert (await player.get(expired)).status_code == 404


async def test_402_shows_the_estimate_and_the_balance(app: FastAPI) -> None:
    key = app.state.ledger.create_tenant("short-of-credits", 1).key
    async with api_client(app, key) as http:
        refused = await http.post("/api/v1/jobs", json={"script": SCRIPT})
        assert refused.status_code == 402
        body = refused.json()
        assert refused.headers["content-type"] == "application/problem+json"
        assert (body["code"], body["type"]) == (
            "InsufficientCredits",
            "/problems/insufficient-credits",
        )
        assert body["estimate"]["credits"] > 1
        assert body["balance"] == {"granted": 1.0, "available": 1.0, "held": 0.0, "spent": 0.0}
        assert (await http.get("/api/v1/jobs")).json()["total"] == 0  # nothing started


async def test_a_film_holds_charges_and_releases_exactly(app: FastAPI) -> None:
    key = app.state.ledger.create_tenant("exact", 100).key
    async with api_client(app, key) as http:
        preview = (await http.post("/api/v1/scripts/preview", json={"script": SCRIPT})).json()
        job = (await http.post("/api/v1/jobs", json={"script": SCRIPT})).json()["job_id"]
        await wait_for(lambda: _status_is(http, job, "completed"), timeout=120)
        body = (await http.get(f"/api/v1/jobs/{job}")).json()
        cost, shots = body["cost"], body["progress"]["shots_total"]
        credits = (await http.get("/api/v1/credits")).json()
    estimate = preview["estimate"]
    exact = sum(estimate[part] for part in ("picture", "voice", "music", "render"))
    assert cost == {"estimated": estimate["credits"], "held": 0.0, "spent": round(exact, 3)}
    assert credits["granted"] == 100
    assert credits["available"] + credits["held"] + credits["spent"] == credits["granted"]
    assert credits["spent"] == cost["spent"] and credits["held"] == 0
    kinds = sorted(entry["kind"] for entry in credits["entries"] if entry["job_id"] == job)
    assert kinds == ["charge"] * (shots + 1) + ["hold", "release"]  # every shot, the score


def test_the_cli_creates_tenants_and_grants_credits(tmp_path: Path) -> None:
    env = {**os.environ, "FILMSTUDIO_DATABASE_URL": f"sqlite:///{tmp_path}/admin.db"}

    def filmstudio(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "cli.main", *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    refused = filmstudio("tenant", "create", "acme")  # before the database is migrated
    assert refused.returncode != 0 and "run `filmstudio db upgrade`" in refused.stderr
    assert filmstudio("db", "upgrade").returncode == 0
    created = filmstudio("tenant", "create", "acme", "--credits", "40")
    assert created.returncode == 0, created.stderr
    assert created.stdout.startswith("fs_") and len(created.stdout.strip()) > 40
    assert filmstudio("credits", "grant", "acme", "2.5").stdout.strip() == (
        "acme: 42.5 credits available"
    )
    again = filmstudio("tenant", "create", "acme")
    assert again.returncode != 0 and "already exists" in again.stderr
    unknown = filmstudio("credits", "grant", "nobody", "1")
    assert unknown.returncode != 0 and "no tenant named 'nobody'" in unknown.stderr


def test_make_up_keeps_one_dev_key_and_replaces_a_lost_one(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/dev.db")
    migrate(settings.database_url)
    key_file = tmp_path / "dev-api-key"
    first = ensure_dev_tenant(settings, key_file)
    assert key_file.read_text().strip() == first
    assert ensure_dev_tenant(settings, key_file) == first  # the same key on every `make up`
    key_file.unlink()
    second = ensure_dev_tenant(settings, key_file)  # a lost file: a new key, same tenant
    ledger = ledger_of(settings)
    assert second != first and ledger.authenticate(first) is None
    tenant = ledger.authenticate(second)
    assert tenant is not None and tenant.name == "dev"
    assert ledger.balance(tenant.id).available == 10_000_000
