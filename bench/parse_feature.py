"""Benchmark: parse a 300-page feature screenplay in Fountain vs just reading the file.

    .venv/bin/python -m bench.parse_feature            (--pages 300 --runs 5)

Writes a deterministic feature (about 55 lines a page: title page, scene headings,
action, dialogue with parentheticals and extensions, transitions, a few notes, emphasis
and a boneyard) to a scratch file, then measures in one run the time (best of --runs)
and the peak traced memory (tracemalloc, one separate run each) of
- the baseline: Path.read_text + str.splitlines, and
- the parser: Path.read_text + parse_script,
and prints both and the ratio (parser / baseline). The default limits (200 KB, 200
scenes, 1000 shots) are for short films; the feature uses FEATURE_LIMITS.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from screenplay.limits import ScriptLimits
from screenplay.model import FilmPlan
from screenplay.parser import parse_script

LINES_PER_PAGE = 55
FEATURE_LIMITS = ScriptLimits(max_script_bytes=2_000_000, max_scenes=1_000, max_shots=10_000)

PLACES = ["KITCHEN", "PRECINCT", "HARBOR", "ROOFTOP", "DINER", "WAREHOUSE", "TRAIN", "FIELD"]
TIMES = ["DAY", "NIGHT", "DAWN", "DUSK", "LATER", "CONTINUOUS"]
NAMES = ["MAYA", "BEN", "DR. ELENA VOSS", "LEO", "CAPTAIN REYES", "JUNE"]
EXTENSIONS = ["", "", "", "", " (V.O.)", " (O.S.)", " (CONT'D)"]
PARENTHETICALS = ["(beat)", "(quietly)", "(to Ben)", "(smiling)", "(re: the letter)"]
TRANSITIONS = ["CUT TO:", "SMASH CUT TO:", "DISSOLVE TO:", "MATCH CUT TO:"]
CUES = ["", "", "", "", "", "CLOSE ON ", "ANGLE ON ", "WIDE SHOT - ", "PAN LEFT ", "INSERT - "]
NOUNS = ["door", "light", "rain", "window", "street", "car", "coffee", "letter", "phone", "badge"]
VERBS = ["runs", "turns", "looks", "waits", "opens", "closes", "falls", "stops", "knows", "stays"]
LINKS = ["the", "a", "across", "under", "behind", "toward", "into", "over", "her", "his", "we"]
MOODS = ["slowly", "quietly", "again", "never", "always", "cold", "old", "empty", "late", "long"]
WORDS = NOUNS + VERBS + LINKS + MOODS


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.1:
        words[0] = f"*{words[0]}*"
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "!"])


def feature(pages: int, seed: int = 300) -> str:
    """A deterministic Fountain feature of about `pages` pages."""
    rng = random.Random(seed)
    lines = ["Title: **THE LONG NIGHT**", "Credit: Written by", "Author: Bench Mark", ""]
    lines += ["FADE IN:", ""]
    target = pages * LINES_PER_PAGE
    scene = 0
    while len(lines) < target:
        scene += 1
        prefix = rng.choice(["INT.", "INT.", "EXT.", "INT./EXT."])
        lines += [f"{prefix} {rng.choice(PLACES)} - {rng.choice(TIMES)} #{scene}#", ""]
        for _ in range(rng.randint(6, 16)):
            if rng.random() < 0.4:
                lines += _action(rng)
            else:
                lines += _dialogue(rng)
        if rng.random() < 0.3:
            lines += [rng.choice(TRANSITIONS), ""]
        if scene % 40 == 0:
            lines += ["/*", "INT. DELETED SCENE - DAY", "", "Nobody will see this.", "*/", ""]
    lines += ["FADE OUT.", "", ">THE END<", ""]
    return "\n".join(lines)


def _action(rng: random.Random) -> list[str]:
    first = rng.choice(CUES) + sentence(rng, 5, 14)
    body = [first] + [sentence(rng, 5, 14) for _ in range(rng.randint(0, 3))]
    if rng.random() < 0.05:
        body.append("[[check continuity]]")
    return [*body, ""]


def _dialogue(rng: random.Random) -> list[str]:
    name = rng.choice(NAMES)
    block = [name + rng.choice(EXTENSIONS)]
    if rng.random() < 0.3:
        block.append(rng.choice(PARENTHETICALS))
    block.append(sentence(rng, 3, 16))
    if rng.random() < 0.2:
        block += [rng.choice(PARENTHETICALS), sentence(rng, 3, 10)]
    return [*block, ""]


def read_baseline(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def read_and_parse(path: Path) -> FilmPlan:
    return parse_script(path.read_text(encoding="utf-8"), limits=FEATURE_LIMITS)


def best_time(run: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def peak_memory(run: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--pages", type=int, default=300)
    options.add_argument("--runs", type=int, default=5)
    args = options.parse_args()
    text = feature(args.pages)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "feature.fountain"
        path.write_text(text, encoding="utf-8")
        size = path.stat().st_size
        plan = read_and_parse(path)  # warm up, and the numbers to report
        read_s = best_time(lambda: read_baseline(path), args.runs)
        parse_s = best_time(lambda: read_and_parse(path), args.runs)
        read_peak = peak_memory(lambda: read_baseline(path))
        parse_peak = peak_memory(lambda: read_and_parse(path))
    print(f"feature: {args.pages} pages, {len(text.splitlines())} lines, {size / 1e6:.2f} MB")
    print(
        f"plan: {len(plan.scenes)} scenes, {len(plan.shots)} shots, "
        f"{len(plan.characters)} speakers, {plan.duration_s / 60:.1f} min, "
        f"{len(plan.warnings)} warnings"
    )
    print(f"read (read_text + splitlines): {read_s * 1000:8.1f} ms  peak {read_peak / 1e6:6.1f} MB")
    print(
        f"parse (read_text + parse)    : {parse_s * 1000:8.1f} ms  peak {parse_peak / 1e6:6.1f} MB"
    )
    print(f"ratio parse/read: time {parse_s / read_s:.0f}x, memory {parse_peak / read_peak:.1f}x")
    print(
        f"limits used: max_script_bytes={FEATURE_LIMITS.max_script_bytes}, "
        f"max_scenes={FEATURE_LIMITS.max_scenes}, max_shots={FEATURE_LIMITS.max_shots}"
    )


if __name__ == "__main__":
    main()
