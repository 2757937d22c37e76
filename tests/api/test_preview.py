"""POST /api/v1/scripts/preview: the breakdown and its cost, free, before any spend."""

from __future__ import annotations

import httpx
from temporalio.client import Client

FOUNTAIN = """Title: The Coffee Shop
Author: Film Studio

EXT. CITY STREET - EVENING

Maya walks home under the streetlights.

MAYA (V.O.)
I always buy two coffees.

INT. COFFEE SHOP - MORNING

LEO
(smiling)
You remembered.

MAYA
Of course.
"""


async def test_preview_shows_the_whole_breakdown_and_its_cost(
    api: httpx.AsyncClient, client: Client
) -> None:
    before = [w async for w in client.list_workflows()]
    response = await api.post("/api/v1/scripts/preview", json={"script": FOUNTAIN})
    assert response.status_code == 200, response.text
    preview = response.json()
    assert preview["format"] == "fountain" and preview["title"] == "The Coffee Shop"
    assert [s["heading"] for s in preview["scenes"]] == [
        "EXT. CITY STREET - EVENING",
        "INT. COFFEE SHOP - MORNING",
    ]
    first = preview["scenes"][0]
    assert (first["int_ext"], first["location"], first["time_of_day"]) == (
        "EXT", "CITY STREET", "EVENING",
    )  # fmt: skip
    shot = first["shots"][0]
    assert {"shot_type", "camera_move", "duration_s", "action", "dialogue"} <= set(shot)
    voice_over = [
        line for s in first["shots"] for line in s["dialogue"] if line["character"] == "MAYA"
    ]
    assert voice_over and voice_over[0]["extension"] == "V.O."
    characters = {c["name"]: c for c in preview["characters"]}
    assert set(characters) == {"MAYA", "LEO"}
    assert characters["MAYA"]["lines"] == 2 and characters["LEO"]["lines"] == 1
    assert characters["MAYA"]["voice"] != characters["LEO"]["voice"]
    shots = [s for scene in preview["scenes"] for s in scene["shots"]]
    assert abs(preview["duration_s"] - sum(s["duration_s"] for s in shots)) < 0.01
    estimate = preview["estimate"]
    assert estimate["credits"] >= 1 and estimate["render_seconds"] > 0
    assert estimate["credits"] >= estimate["picture"] + estimate["voice"]
    assert isinstance(preview["warnings"], list)
    after = [w async for w in client.list_workflows()]
    assert len(after) == len(before)  # a preview starts nothing


async def test_preview_is_deterministic_and_honours_overrides(api: httpx.AsyncClient) -> None:
    first = (await api.post("/api/v1/scripts/preview", json={"script": FOUNTAIN})).json()
    again = (await api.post("/api/v1/scripts/preview", json={"script": FOUNTAIN})).json()
    assert first == again
    wanted = "en-us+f2 p=70 s=150"
    chosen = (
        await api.post(
            "/api/v1/scripts/preview",
            json={"script": FOUNTAIN, "options": {"cast": {"Leo": wanted}}},
        )
    ).json()
    voices = {c["name"]: c["voice"] for c in chosen["characters"]}
    assert voices["LEO"] == wanted
    slower = sum(s["duration_s"] for sc in chosen["scenes"] for s in sc["shots"])
    assert slower >= sum(s["duration_s"] for sc in first["scenes"] for s in sc["shots"])


async def test_preview_errors_name_line_column_or_field(api: httpx.AsyncClient) -> None:
    broken = "SCENE 1: INT. ROOM - DAY\nSHOT 1: Sideways - 2s\nA.\nSHOT 2: Wide - -2s\nB.\n"
    body = (await api.post("/api/v1/scripts/preview", json={"script": broken})).json()
    assert [(e["line"], e["column"]) for e in body["errors"]] == [(4, 16)]
    assert "negative" in body["errors"][0]["message"]
    strict = {"script": broken, "options": {"strict": True}}
    body = (await api.post("/api/v1/scripts/preview", json=strict)).json()
    assert [(e["line"], e["column"]) for e in body["errors"]] == [(2, 9), (4, 16)]
    assert all(e["message"] for e in body["errors"])

    bad_voice = {"script": FOUNTAIN, "options": {"cast": {"LEO": "nonsense"}}}
    response = await api.post("/api/v1/scripts/preview", json=bad_voice)
    assert response.status_code == 422
    assert response.json()["code"] == "InvalidOption"
    assert response.json()["errors"][0]["field"] == "options.cast.LEO"

    bad_format = {"script": FOUNTAIN, "options": {"format": "docx"}}
    assert (await api.post("/api/v1/scripts/preview", json=bad_format)).status_code == 422


async def test_content_policy_refuses_before_any_spend(api: httpx.AsyncClient) -> None:
    script = "SCENE 1: INT. ROOM - DAY\nSHOT 1: Wide - 2s\nThey film a snuff film.\n"
    for path in ("/api/v1/scripts/preview", "/api/v1/jobs"):
        response = await api.post(path, json={"script": script})
        assert response.status_code == 422
        body = response.json()
        assert body["code"] == "ContentRefused" and body["errors"][0]["line"] == 3
        assert body["type"] == "/problems/content-refused"


async def test_format_can_be_forced(api: httpx.AsyncClient) -> None:
    text = "INT. KITCHEN - DAY\n\nAna cooks.\n"
    auto = (await api.post("/api/v1/scripts/preview", json={"script": text})).json()
    forced = (
        await api.post(
            "/api/v1/scripts/preview", json={"script": text, "options": {"format": "free_text"}}
        )
    ).json()
    assert auto["format"] == "fountain" and forced["format"] == "free_text"
    assert forced["scenes"][0]["heading"] == ""


SHOT_LIST = """SCENE 1: INT. COFFEE SHOP - MORNING
SHOT 1: Low angle two shot, slow push in - 4s
MAYA (30s) waits at the counter.
SHOT 2: Dutch MCU, whip pan left - tow shot - 3s
Maya stares.
"""


async def test_preview_shows_size_angle_move_and_located_warnings(api: httpx.AsyncClient) -> None:
    response = await api.post("/api/v1/scripts/preview", json={"script": SHOT_LIST})
    assert response.status_code == 200, response.text
    preview = response.json()
    first, second = preview["scenes"][0]["shots"]
    parts = ("size", "angle", "move", "direction", "speed", "shot_type", "camera_move")
    assert tuple(first[p] for p in parts) == (
        "two_shot", "low", "push_in", "in", "slow", "two_shot", "static",
    )  # fmt: skip
    assert tuple(second[p] for p in parts) == (
        "medium_close_up", "dutch", "whip_pan", "left", "", "medium_close_up", "static",
    )  # fmt: skip
    assert [(w["line"], w["column"]) for w in preview["warnings"]] == [(2, 19), (4, 36)]
    note, unknown = preview["warnings"]
    assert "frames 2 characters but 1 is in the scene (MAYA)" in note["message"]
    assert '(did you mean "two shot"?)' in unknown["message"]

    strict = {"script": SHOT_LIST, "options": {"strict": True}}
    for path in ("/api/v1/scripts/preview", "/api/v1/jobs"):
        refused = await api.post(path, json=strict)
        assert refused.status_code == 422, refused.text
        assert [(e["line"], e["column"]) for e in refused.json()["errors"]] == [(4, 36)]


LIGHTHOUSE = """INT. LIGHTHOUSE - LAMP ROOM - NIGHT

Rain on the glass. MAYA (40s) tunes the radio.

RADIO (V.O.)
Harbour to lamp.

MAYA
Go ahead.

TOM (O.S.)
Maya?

.THE LENS

Lightning. The lens turns.
"""


async def test_preview_shows_presence_settings_and_continuity_assumptions(
    api: httpx.AsyncClient,
) -> None:
    response = await api.post("/api/v1/scripts/preview", json={"script": LIGHTHOUSE})
    assert response.status_code == 200, response.text
    preview = response.json()

    lamp, lens = preview["scenes"]
    assert (lamp["setting"], lamp["present"], lamp["heard"]) == (
        "lighthouse", ["MAYA"], ["RADIO", "TOM"],
    )  # fmt: skip
    assert lamp["atmosphere"] == ["rain"]
    first, second = lamp["shots"]
    assert (first["present"], first["heard"], first["props"]) == (
        ["MAYA"],
        ["RADIO"],
        ["glass", "radio"],
    )
    assert (second["shot_type"], second["present"], second["heard"]) == (
        "medium", ["MAYA"], ["TOM"],
    )  # fmt: skip
    assert [line["character"] for line in second["dialogue"]] == ["MAYA", "TOM"]
    assert first["atmosphere"] == ["rain"]
    assert (lens["int_ext"], lens["time_of_day"], lens["setting"]) == ("INT", "NIGHT", "lighthouse")
    assert lens["shots"][0]["atmosphere"] == ["lightning"]
    assert preview["assumptions"] == [
        {
            "line": 14,
            "column": 2,
            "message": 'no INT. or EXT., and "THE LENS" says neither; kept INT from scene 1',
        },
        {
            "line": 14,
            "column": 2,
            "message": '"THE LENS" names no setting; kept "lighthouse" from scene 1',
        },
        {"line": 14, "column": 10, "message": "no time of day; kept NIGHT from scene 1"},
    ]
    assert preview["warnings"] == []
