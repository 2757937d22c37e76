"""`filmstudio render --strict` sends options.strict (issue 8), in a body the API takes."""

from __future__ import annotations

from api.schemas import JobCreate
from cli.main import build_parser, render_request

SCRIPT = "SCENE 1: INT. ROOM - DAY\nSHOT 1: Wide - 2s\nA quiet room.\n"


def test_strict_reaches_the_request_body() -> None:
    args = build_parser().parse_args(["render", "film.txt", "--strict", "--title", "T"])
    body = render_request(args, SCRIPT)
    assert body["options"] == {"strict": True}
    created = JobCreate.model_validate(body)  # the API's own request model
    assert created.options.strict is True and created.title == "T"


def test_without_the_flag_the_api_default_stands() -> None:
    args = build_parser().parse_args(["render", "film.txt"])
    body = render_request(args, SCRIPT)
    assert "options" not in body
    assert JobCreate.model_validate(body).options.strict is False
