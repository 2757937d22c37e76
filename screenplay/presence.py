"""Who is on screen: the characters an action names, and when each enters a scene.

Screenplays write a character's name in capitals where the character first appears
("MAYA (30s) pours coffee."). A run of CAPS words in action counts as a character when
it (or one of its words, less a possessive "'S") is a speaker anywhere in the script,
or when an age follows it: "MAYA (30s)", "DR. ELENA VOSS, 50s", "BEN (late 20s)". Other
CAPS words (sounds, props, "BANG") do not count. After that, action writes names as
words ("Ben looks at the door"): a capitalised word that is a speaker's name, or the one
speaker whose name has that word ("Elena" for DR. ELENA VOSS), counts too; so does a
speaker's role after "the" ("the barista pours" when BARISTA speaks).
A device that speaks (screenplay.voices) is never a character on screen: named in the
action it is a prop.

A character is on screen in a scene from its start, unless they are first heard (O.S.,
V.O., a device): then from the first action that names them or the first line they say
on screen (`entrances`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from screenplay.dialogue import MAX_NAME_CHARS
from screenplay.elements import ActionBlock, DialogueBlock, Element
from screenplay.voices import Voice, is_device, voice_of

_WORD = re.compile(r"[^\W_][\w'\u2019.\-]*")
_AGE_AFTER = re.compile(
    r"\s*(?:\(\s*|,\s*)(?:\d|early\b|mid\b|mid-|late\b|teen|twenties|thirties|forties|fifties|sixties)",
    re.IGNORECASE,
)
_POSSESSIVE = ("'S", "\u2019S")
# Words of a longer name that say what someone is, not who: never a name by themselves.
_TITLES = frozenset(
    {
        "DR", "DR.", "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "MISS", "SIR", "LADY", "LORD",
        "THE", "OLD", "YOUNG", "LITTLE", "BIG", "OFFICER", "DETECTIVE", "CAPTAIN", "AGENT",
        "NURSE", "DOCTOR", "PROFESSOR", "SERGEANT", "SGT.", "MAN", "WOMAN", "GIRL", "BOY",
        "FATHER", "MOTHER", "UNCLE", "AUNT", "KING", "QUEEN", "PRINCE", "PRINCESS",
    }
)  # fmt: skip


def named_in(text: str, speakers: frozenset[str]) -> list[str]:
    """The characters an action names, in order, each once; devices are not characters."""
    return list(_named(text, speakers))


@functools.lru_cache(maxsize=256)  # the film grammar and the shot both ask of one text
def _named(text: str, speakers: frozenset[str]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for name in [*caps_names(text, speakers), *_word_names(text, speakers)]:
        if not is_device(name):
            found.setdefault(name, None)
    return tuple(found)


def entrances(elements: Iterable[Element], speakers: frozenset[str]) -> dict[str, int]:
    """For each character on screen in a scene, the element where they are first on screen:
    0 unless they were heard before (then their first naming action or on-screen line)."""
    entered: dict[str, int] = {}
    heard: set[str] = set()
    for index, element in enumerate(elements):
        if isinstance(element, ActionBlock):
            if not element.centered:
                for name in named_in(element.text, speakers):
                    entered.setdefault(name, index if name in heard else 0)
            continue
        for block in _blocks(element):
            name = block.character
            if voice_of(name, block.extension) is Voice.ON:
                entered.setdefault(name, index if name in heard else 0)
            elif name not in entered:
                heard.add(name)
    return entered


def _blocks(element: Element) -> list[DialogueBlock]:
    if isinstance(element, DialogueBlock):
        return [element]
    assert not isinstance(element, ActionBlock)
    return [element.first, element.second]


def _word_names(text: str, speakers: frozenset[str]) -> list[str]:
    """Speakers named by capitalised words ("Ben", "Elena Voss", "Maya's"), and by a role
    after "the" ("the barista's hands" when BARISTA speaks)."""
    parts = _name_parts(speakers)
    found: list[str] = []
    after_the = False
    for match in _WORD.finditer(text):
        word = match.group()
        role, after_the = after_the and word.islower(), word.lower() == "the"
        if word.isupper() or not (role or word[0].isupper()):
            continue  # CAPS (caps_names reads those), or lower case
        bare = _bare(word.upper())
        if bare in speakers:
            found.append(bare)
        elif not role and (owner := parts.get(bare)):
            found.append(owner)
    return found


@functools.lru_cache(maxsize=64)
def _name_parts(speakers: frozenset[str]) -> dict[str, str]:
    """Each word of a longer name that names one speaker only, and that speaker."""
    owners: dict[str, set[str]] = {}
    for speaker in speakers:
        for word in speaker.split():
            if word not in _TITLES and len(word) > 1:
                owners.setdefault(word, set()).add(speaker)
    return {word: min(names) for word, names in owners.items() if len(names) == 1}


def caps_names(text: str, speakers: frozenset[str]) -> list[str]:
    """The characters an action text names in CAPS, in order."""
    found: list[str] = []
    for run, end in _caps_runs(text):
        name = _bare(" ".join(word for word, _ in run))
        if name in speakers:
            found.append(name)
            continue
        words = [bare for word, _ in run if (bare := _bare(word)) in speakers]
        if words:
            found.extend(words)
        elif len(name) <= MAX_NAME_CHARS and _AGE_AFTER.match(text, end):
            found.append(name)
    return found


def _caps_runs(text: str) -> list[tuple[list[tuple[str, int]], int]]:
    """Runs of CAPS words separated by single spaces, each with where the run ends."""
    runs: list[tuple[list[tuple[str, int]], int]] = []
    current: list[tuple[str, int]] = []
    last_end = -1
    for match in _WORD.finditer(text):
        word = match.group()
        if not _is_caps(word):
            if current:
                runs.append((current, last_end))
                current = []
            continue
        if current and text[last_end : match.start()] != " ":
            runs.append((current, last_end))
            current = []
        current.append((word, match.start()))
        last_end = match.end()
    if current:
        runs.append((current, last_end))
    return runs


def _is_caps(word: str) -> bool:
    """Upper-case letters and no lower-case: two letters or more, or an initial ("J.")."""
    return word.isupper() and (word.endswith(".") or sum(map(str.isalpha, word)) >= 2)


def _bare(name: str) -> str:
    name = name.rstrip(".,")
    for possessive in _POSSESSIVE:
        if name.endswith(possessive):
            return name[: -len(possessive)]
    return name
