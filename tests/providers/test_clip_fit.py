"""The provider clip's re-encode as argv (golden), and for real: any rate and length in,
the clip profile and the shot's exact frame count out."""

from __future__ import annotations

import subprocess
from pathlib import Path

from media.clip_fit import ClipFitPlan, clip_fit_argv
from media.ffmpeg import probe, run_ffmpeg
from media.profile import RenderProfile
from media.shot import x264_args

PROFILE = RenderProfile(width=320, height=180)


def test_the_argv_holds_numbers_only_and_the_clip_profile(tmp_path: Path) -> None:
    argv = clip_fit_argv(ClipFitPlan(tmp_path / "in.mp4", 1.5, tmp_path / "out.mp4", PROFILE))
    graph = argv[argv.index("-vf") + 1]
    assert graph == (
        "fps=24,scale=320:180:force_original_aspect_ratio=increase,crop=320:180,setsar=1,"
        "tpad=stop_mode=clone:stop_duration=1.500"
    )
    assert argv[argv.index("-frames:v") + 1] == "36" and "-an" in argv
    joined = " ".join(argv)
    assert " ".join(x264_args(PROFILE)) in joined


def test_a_short_wide_clip_becomes_the_shot_exactly(tmp_path: Path) -> None:
    source = tmp_path / "in.mp4"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=640x240:rate=8",
         "-frames:v", "6", "-pix_fmt", "yuv420p", str(source)],
        check=True,
    )  # fmt: skip
    out = tmp_path / "out.mp4"
    run_ffmpeg(clip_fit_argv(ClipFitPlan(source, 2.0, out, PROFILE)))
    info = probe(out)
    assert (info.width, info.height, info.video_frames) == (320, 180, 48)
    assert info.frame_rate == 24 and abs(info.duration_s - 2.0) < 0.01
