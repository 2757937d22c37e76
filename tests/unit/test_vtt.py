"""WebVTT output: valid structure, and cue text that browsers and ffmpeg show literally."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from media.subtitles import SubtitleCue, to_vtt, vtt_cue_text

HOSTILE = 'He said "hi": 100% {x} %{pts} $(rm -rf /) ; \\ C:\\path <i>x</i> & --> Привет 你好'
GREETING = "Привет, мир · 你好"
TIMING = re.compile(r"^\d{2,}:\d{2}:\d{2}\.\d{3} --> \d{2,}:\d{2}:\d{2}\.\d{3}$")


def _visible(payload: str) -> str:
    """What a WebVTT renderer shows: tags dropped, then the three escapes undone."""
    text = re.sub(r"<[^>]*>", "", payload)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _payloads(vtt: str) -> list[str]:
    blocks = vtt.split("\n\n")[1:]
    return ["\n".join(block.split("\n")[2:]).rstrip("\n") for block in blocks]


def test_header_and_timestamps() -> None:
    vtt = to_vtt(
        [
            SubtitleCue(3725.5, 3727.25, "MAYA", "Later."),
            SubtitleCue(0.4, 2.0, "", "Hello."),
        ]
    )
    assert vtt == (
        "WEBVTT\n"
        "\n"
        "1\n"
        "00:00:00.400 --> 00:00:02.000\n"
        "Hello.\n"
        "\n"
        "2\n"
        "01:02:05.500 --> 01:02:07.250\n"
        "<v MAYA>MAYA: Later.</v>\n"
    )


def test_empty_list_is_just_the_header() -> None:
    assert to_vtt([]) == "WEBVTT\n"


def test_cues_sorted_by_start() -> None:
    cues = [SubtitleCue(float(start), start + 0.5, "", f"cue {start}") for start in (9, 1, 5)]
    vtt = to_vtt(cues)
    lines = vtt.split("\n")
    timings = [line for line in lines if TIMING.match(line)]
    assert timings[0].startswith("00:00:01.000") and timings[2].startswith("00:00:09.000")
    assert _payloads(vtt) == ["cue 1", "cue 5", "cue 9"]
    assert [lines[i - 1] for i, line in enumerate(lines) if TIMING.match(line)] == ["1", "2", "3"]


def test_hostile_text_renders_literally() -> None:
    vtt = to_vtt([SubtitleCue(1.0, 2.0, "", HOSTILE), SubtitleCue(3.0, 4.0, "MAYA", HOSTILE)])
    plain, spoken = _payloads(vtt)
    assert _visible(plain) == HOSTILE
    assert _visible(spoken) == f"MAYA: {HOSTILE}"
    assert spoken.startswith("<v MAYA>") and spoken.endswith("</v>")
    # Only our voice span is markup; the arrow cannot start a new timing line.
    assert "<i>" not in vtt and "-->" not in plain and "-->" not in spoken
    assert sum(1 for line in vtt.split("\n") if "-->" in line) == 2


def test_newlines_collapse_so_a_cue_cannot_end_early() -> None:
    cue = SubtitleCue(0.0, 1.0, "", "one\n\ntwo\r\nthree")
    assert vtt_cue_text(cue) == "one two three"
    assert _payloads(to_vtt([cue])) == ["one two three"]


def test_speaker_needing_escapes_uses_a_plain_prefix() -> None:
    cue = SubtitleCue(0.0, 1.0, "R&D <BOT>", "Beep.")
    text = vtt_cue_text(cue)
    assert not text.startswith("<v")
    assert _visible(text) == "R&D <BOT>: Beep."


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg not installed")
def test_ffmpeg_parses_the_file(tmp_path: Path) -> None:
    path = tmp_path / "film.vtt"
    path.write_text(
        to_vtt(
            [
                SubtitleCue(3725.5, 3727.0, "MAYA", HOSTILE),
                SubtitleCue(0.4, 2.0, "", GREETING),
            ]
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-f", "srt", "-"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    srt = result.stdout.decode("utf-8")
    assert f"00:00:00,400 --> 00:00:02,000\n{GREETING}\n" in srt
    assert "01:02:05,500 --> 01:02:07,000\nMAYA: He said" in srt
    # ffmpeg goes through ASS, which re-escapes "{" as "\{"; the rest arrives unescaped.
    assert "$(rm -rf /) ; \\ C:\\path <i>x</i> & --> Привет 你好" in srt
