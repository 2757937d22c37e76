"""The REST API's contract for input it must refuse, and for listing jobs."""

from __future__ import annotations

import httpx
from temporalio.client import Client, WorkflowExecutionStatus

from core.settings import Settings

VALID = "SCENE 1: INT. ROOM - DAY\nSHOT 1: Wide - 2s\nA quiet room.\n"


async def test_health_reports_ready(api: httpx.AsyncClient) -> None:
    response = await api.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "temporal": "ok"}


async def test_unparseable_script_is_422_naming_the_line(api: httpx.AsyncClient) -> None:
    script = "SCENE 1: INT. ROOM - DAY\nSHOT 1: Wide - 2s\nA room.\nSHOT 2: Widee - 3s\nMore.\n"
    # An unknown word is a warning unless the job asks for strict shot headings.
    response = await api.post("/api/v1/jobs", json={"script": script, "options": {"strict": True}})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "InvalidScript" and "line 4" in body["detail"]
    assert body["errors"][0]["line"] == 4 and '"Widee"' in body["errors"][0]["message"]


async def test_many_errors_are_reported_at_once(api: httpx.AsyncClient) -> None:
    script = "SCENE 1: INT. ROOM - DAY\nSHOT 1: Wide - 0s\nA.\nSHOT 2: Blurry - -2s\nB.\n"
    body = (await api.post("/api/v1/jobs", json={"script": script})).json()
    assert sorted({error["line"] for error in body["errors"]}) == [2, 4]


async def test_missing_or_bad_fields_are_422(api: httpx.AsyncClient) -> None:
    assert (await api.post("/api/v1/jobs", json={})).status_code == 422
    assert (await api.post("/api/v1/jobs", json={"script": ""})).status_code == 422
    long_title = {"script": VALID, "title": "x" * 201}
    response = await api.post("/api/v1/jobs", json=long_title)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "InvalidRequest"
    assert [error["field"] for error in body["errors"]] == ["body.title"]
    assert "x" * 201 not in response.text  # the input is never echoed


async def test_body_that_is_not_json_is_4xx(api: httpx.AsyncClient) -> None:
    response = await api.post(
        "/api/v1/jobs", content=b"SCENE 1: not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "line": 1, "column": 1, "field": "body", "message": "Expecting value"
    }  # fmt: skip


async def test_oversize_body_is_413(api: httpx.AsyncClient, settings: Settings) -> None:
    script = VALID + "A very long action line. " * (settings.max_request_bytes // 20)
    response = await api.post("/api/v1/jobs", json={"script": script})
    assert response.status_code == 413
    assert response.json()["code"] == "BodyTooLarge"

    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(settings.max_request_bytes // 1000 + 2):
            yield b"x" * 1000

    streamed = await api.post("/api/v1/jobs", content=chunks())
    assert streamed.status_code == 413


async def test_unknown_job_is_404(api: httpx.AsyncClient) -> None:
    for path in ("", "/state", "/download", "/files/film.mp4"):
        assert (await api.get(f"/api/v1/jobs/nosuchjob{path}")).status_code == 404


async def test_submit_starts_a_workflow_and_lists_newest_first(
    api: httpx.AsyncClient, client: Client
) -> None:
    ids = []
    for number in range(3):
        created = await api.post("/api/v1/jobs", json={"script": VALID, "title": f"T{number}"})
        assert created.status_code == 202
        body = created.json()
        assert body["workflow_id"] == f"film-{body['job_id']}" and body["status"] == "queued"
        ids.append(body["job_id"])
    description = await client.get_workflow_handle(f"film-{ids[0]}").describe()
    assert description.status in (
        WorkflowExecutionStatus.RUNNING,
        WorkflowExecutionStatus.COMPLETED,
    )

    page = (await api.get("/api/v1/jobs", params={"limit": 2})).json()
    assert [item["job_id"] for item in page["items"]] == ids[::-1][:2]
    assert page["total"] >= 3 and page["limit"] == 2
    second = (await api.get("/api/v1/jobs", params={"limit": 2, "offset": 1})).json()
    assert second["items"][0]["job_id"] == ids[1]
    assert (await api.get("/api/v1/jobs", params={"limit": 0})).status_code == 422


async def test_download_is_409_until_the_film_exists(api: httpx.AsyncClient) -> None:
    job = (await api.post("/api/v1/jobs", json={"script": VALID})).json()
    response = await api.get(f"/api/v1/jobs/{job['job_id']}/download")
    assert response.status_code == 409
    assert response.json()["code"] == "NotReady" and "not ready" in response.json()["detail"]


async def test_files_route_refuses_paths_outside_the_job(api: httpx.AsyncClient) -> None:
    job = (await api.post("/api/v1/jobs", json={"script": VALID})).json()
    for path in ("../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", ".hidden", "a/../../b"):
        response = await api.get(f"/api/v1/jobs/{job['job_id']}/files/{path}")
        assert response.status_code == 404, path
