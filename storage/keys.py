"""The artifact key layout: every key the system writes is built here, once.

    jobs/<job>/score.wav                              the score (made once per film)
    jobs/<job>/shots/<shot>/take-<T>/background.png   a take's picture (and overlay.png)
    jobs/<job>/shots/<shot>/take-<T>/clip.mp4         the take's clip (or placeholder.mp4)
    jobs/<job>/shots/<shot>/take-<T>/dialogue.wav     the take's dialogue stem, line-NN.wav
    jobs/<job>/r<N>/soundtrack.m4a                    revision N's soundtrack
    jobs/<job>/r<N>/film.mp4                          revision N's film, with film.srt,
                                                      film.vtt, timeline.otio, poster.jpg
    jobs/<job>/work/...                               scratch, removed when a step ends

Nothing is ever written twice under one key: a regenerated shot is a new take, a revised
film is a new revision, and the job points at a revision only once its checks passed, so a
revision that fails cannot touch the published film. Revision 0 is the flat layout of runs
that began before revisions had keys of their own (jobs/<job>/film.mp4, ...).
"""

from __future__ import annotations

from storage.artifacts import job_key

FILM = "film.mp4"
SUBTITLES = "film.srt"
VTT = "film.vtt"
TIMELINE = "timeline.otio"
POSTER = "poster.jpg"
SOUNDTRACK = "soundtrack.m4a"
SCORE = "score.wav"
FILM_FILES = (FILM, SUBTITLES, VTT, TIMELINE, POSTER, SOUNDTRACK)
PUBLISHED_FILES = (FILM, SUBTITLES, VTT, TIMELINE, POSTER)  # every revision writes these
LEGACY_REVISION = 0


def revision_folder(revision: int) -> tuple[str, ...]:
    return () if revision == LEGACY_REVISION else (f"r{revision}",)


def film_key(job_id: str, revision: int, name: str) -> str:
    """A file of one revision of the film (FILM, SUBTITLES, ..., SOUNDTRACK)."""
    return job_key(job_id, *revision_folder(revision), name)


def shot_key(job_id: str, shot_id: str, take: int, name: str) -> str:
    """A file of one take of one shot."""
    return job_key(job_id, "shots", shot_id, f"take-{max(1, take)}", name)


def line_name(index: int) -> str:
    """The file of a shot's line, 1-based."""
    return f"line-{index:02d}.wav"


def score_key(job_id: str) -> str:
    return job_key(job_id, SCORE)


def work_key(job_id: str, *parts: str) -> str:
    """A scratch folder; emptied when made, removed when its step ends."""
    return job_key(job_id, "work", *parts)


def beside(key: str, name: str) -> str:
    """Another file of the same revision (or take) as `key`."""
    folder, _, _ = key.rpartition("/")
    return f"{folder}/{name}"
