"""Bounds on what a script may ask for, checked before anything is rendered."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScriptLimits:
    max_script_bytes: int = 200_000  # UTF-8, after line endings become "\n"
    max_scenes: int = 200
    max_shots: int = 1000
    max_line_chars: int = 2000
    min_shot_s: float = 1.0
    max_shot_s: float = 60.0
    max_issues: int = 100  # more than this are cut off with a closing note


DEFAULT_LIMITS = ScriptLimits()
