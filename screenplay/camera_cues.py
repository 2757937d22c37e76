"""Camera directions written in CAPS at the start of an action paragraph.

A cue is a run of shot-vocabulary terms (screenplay.vocabulary: the same table SCENE/SHOT
headings read) in capitals, in any order, with punctuation or filler words between
them: "CLOSE ON", "LOW ANGLE - SLOW PUSH IN", "WIDE SHOT - PAN LEFT", "MAYA'S POV".
Only upper-case words count, as screenwriters write them, so "Wide awake, she..." stays
plain action, and a term joined to more by a hyphen ("WIDE-EYED") is no cue. A cue
needs a size, an angle or a move; what it leaves out, the film grammar plans (the size
by the paragraph's place in the scene, the move by the size).

A lone word that screenplays also capitalise as a sound, prop or adjective ("BOOM!",
"TRUCK roars past", "HIGH ABOVE") is a cue only when a dash or colon follows it
("STATIC - the room"). A CAPS phrase at the start that ends in SHOT, ANGLE or VIEW but is not in the
vocabulary ("MONEY SHOT") is warned about, with the nearest term, and the shot stays as
the grammar plans it; so are conflicting terms and directions a move cannot take.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from screenplay.framing import Framing, ReadTerm, TermNote, resolve
from screenplay.model import CameraMove, ShotType, legacy_move
from screenplay.vocabulary import (
    FILLER_PATTERN,
    TERM_PATTERN,
    lookup,
    nearest_term,
    normalize_phrase,
)

_OWNER = re.compile(r"[A-Z][A-Z0-9.\-]*(?:\s+[A-Z][A-Z0-9.\-]*)?['\u2019]S\s+")
_BETWEEN = re.compile(r"[\s,;:/\u2013\u2014-]*")
_LEADING_FILLERS = frozenset({"camera", "cam"})  # "CAMERA PANS LEFT"
# Single words that are camera terms but also sounds, props or plain adjectives in CAPS.
_ORDINARY_WORDS = frozenset(
    {
        "high", "low", "long", "full", "close", "tight", "single", "fixed", "locked", "mid",
        "waist", "drone", "static", "boom", "booms", "truck", "trucks", "track", "tracks",
        "push", "rack", "whip", "crane", "cranes", "jib", "ped", "arc", "orbit", "master",
    }
)  # fmt: skip
_UNKNOWN = re.compile(
    r"(?P<phrase>(?:[A-Z][A-Z'\u2019.\-]*\s+){1,2}(?:SHOT|ANGLE|VIEW))(?![\w'\u2019-])"
)


@dataclass(frozen=True)
class CameraCue:
    framing: Framing = field(default_factory=Framing)
    notes: tuple[TermNote, ...] = ()  # offsets into the text as given

    @property
    def shot_type(self) -> ShotType | None:
        return self.framing.size

    @property
    def camera_move(self) -> CameraMove | None:
        """The first releases' combined move, None when the cue names no move."""
        if self.framing.move is None or self.framing.direction is None:
            return None
        return legacy_move(self.framing.move, self.framing.direction)

    @property
    def warning(self) -> str:
        return "; ".join(note.message for note in self.notes)


def _is_caps(text: str) -> bool:
    return any(char.isalpha() for char in text) and not any(char.islower() for char in text)


def _term_at(text: str, position: int) -> re.Match[str] | None:
    match = TERM_PATTERN.match(text, position)
    if match is None or not _is_caps(match.group()):
        return None
    if re.match(r"-\w", text[match.end() : match.end() + 2]):
        return None  # "WIDE-EYED"
    return match


def read_camera_cue(text: str) -> CameraCue:
    """The camera direction at the start of `text`, if any."""
    start = len(text) - len(text.lstrip())
    first_word = text[start:].split(" ", 1)[0]
    if not first_word or (not _is_caps(first_word) and not first_word[0].isdigit()):
        return CameraCue()  # most paragraphs: "Maya runs."
    position = start
    owner = _OWNER.match(text, position)
    term = _term_at(text, owner.end()) if owner else None
    if owner and term and lookup(term.group()).size is ShotType.POV:
        position = owner.end()  # "MAYA'S POV"
    terms: list[ReadTerm] = []
    fillers = 0  # filler words read after the first term: "CLOSE ON", "LONG SHOT"
    while position < len(text):
        if terms and (between := _BETWEEN.match(text, position)):
            position = between.end()
        if match := _term_at(text, position):
            terms.append(ReadTerm(lookup(match.group()), position, match.group()))
        elif (match := FILLER_PATTERN.match(text, position)) and _is_caps(match.group()):
            if not terms and normalize_phrase(match.group()) not in _LEADING_FILLERS:
                break  # "A TRUCK roars past": a noun, not a cue
            fillers += bool(terms)
        else:
            break
        position = match.end()
        if not terms and (space := re.match(r"\s+", text[position:])):
            position += space.end()
    if not any(read.term.kind in ("size", "angle", "move") for read in terms):
        return _unknown(text, start)
    if len(terms) == 1 and not fillers and not _stands_alone(terms[0], text):
        return CameraCue()  # "BOOM! The door gives.", "HIGH ABOVE, a hawk."
    framing, notes = resolve(terms)
    return CameraCue(framing, tuple(notes))


def _stands_alone(read: ReadTerm, text: str) -> bool:
    """A lone term is a cue unless it is a word screenplays also capitalise as a sound,
    a prop or an adjective, and nothing after it ("-", ":", the end) marks it a cue."""
    if normalize_phrase(read.written) not in _ORDINARY_WORDS:
        return True
    after = text[read.offset + len(read.written) :].lstrip()
    return not after or after[0] in "-:\u2013\u2014"


def _unknown(text: str, start: int) -> CameraCue:
    unknown = _UNKNOWN.match(text, start)
    if unknown is None:
        return CameraCue()
    phrase = " ".join(unknown.group("phrase").split())
    nearest = nearest_term(phrase)
    hint = f' (did you mean "{nearest.upper()}"?)' if nearest else ""
    message = (
        f'unknown camera direction "{phrase}"{hint}; the shot keeps its planned size and '
        "move; expected a term of the shot vocabulary (see the README)"
    )
    return CameraCue(notes=(TermNote(start, message),))
