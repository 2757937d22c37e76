"""The preview shows each character's reference as the workflow will choose it (issue 11):
the user's own as given, else one made by the first visual provider of the chain that
takes references (named), else none (the animatic draws from the plan)."""

from __future__ import annotations

from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import httpx
from temporalio.client import Client

from api.main import create_app
from tests.conftest import ROOT, api_client, make_settings

SCRIPT = """INT. KITCHEN - DAY

MAYA
Coffee?

LEO
Please.
"""
MINE = {"script": SCRIPT, "options": {"cast": {"maya": {"reference": "upl_0123abcd"}}}}


async def _references(client: Client, root: Path, **settings: object) -> dict[str, Any]:
    app = create_app(make_settings(client, root, **settings), temporal=client)
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(app.router.lifespan_context(app))
        key = app.state.ledger.create_tenant("previewer", 10).key
        http = await stack.enter_async_context(api_client(app, key))
        answer = await http.post("/api/v1/scripts/preview", json=MINE)
        assert answer.status_code == 200, answer.text
        return {c["name"]: c["reference"] for c in answer.json()["characters"]}


async def test_the_animatic_alone_makes_no_reference_and_yours_is_shown_as_given(
    api: httpx.AsyncClient,
) -> None:
    answer = await api.post("/api/v1/scripts/preview", json=MINE)
    assert answer.status_code == 200, answer.text
    references = {c["name"]: c["reference"] for c in answer.json()["characters"]}
    assert references["MAYA"] == {"source": "yours", "reference": "upl_0123abcd", "provider": None}
    assert references["LEO"] == {"source": "none", "reference": None, "provider": None}


async def test_the_first_provider_of_the_chain_that_takes_references_makes_them(
    client: Client, tmp_path: Path
) -> None:
    chain = "comfyui,openai-images,animatic"
    plain = ROOT / "examples/comfyui-workflow.json"  # no reference placeholder
    skipped = await _references(
        client, tmp_path / "a", visual_provider=chain, comfyui_workflow=plain
    )
    assert skipped["LEO"] == {"source": "made", "reference": None, "provider": "openai-images"}
    assert skipped["MAYA"]["source"] == "yours"  # the user's own stands
    with_slots = ROOT / "examples/comfyui-workflow-references.json"
    first = await _references(
        client, tmp_path / "b", visual_provider=chain, comfyui_workflow=with_slots
    )
    assert first["LEO"]["provider"] == "comfyui"
    unreadable = await _references(  # the workflow's activity would fail: it moves on too
        client, tmp_path / "c", visual_provider=chain, comfyui_workflow=tmp_path / "missing.json"
    )
    assert unreadable["LEO"]["provider"] == "openai-images"
