"""Failure types a client can act on. Workflows list the non-retryable ones by type."""

from __future__ import annotations

INVALID_SCRIPT = "InvalidScript"  # the script does not parse: fix it, do not retry
INVALID_INPUT = "InvalidInput"  # a payload or option the system cannot use
CONTENT_REFUSED = "ContentRefused"  # the content policy refused lines of the script
MEDIA_CHECK_FAILED = "MediaCheckFailed"  # a rendered file is not what was asked for
SHOT_FAILED = "ShotFailed"  # a shot failed every attempt: fails the film
FILM_FAILED = "FilmFailed"  # a film-level stage (score, compose, publish) failed

NON_RETRYABLE = [INVALID_SCRIPT, INVALID_INPUT, CONTENT_REFUSED]
