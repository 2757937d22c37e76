"""What each shot shows and lets us hear: `present`, `heard`, `props`, `atmosphere`.

Per shot, in order, each name once:
- present: whom the film grammar framed (a reverse shot's speaker and, over the shoulder,
  the listener; a two shot's pair), the characters its action names (screenplay.presence)
  unless their only lines here are off screen, and whoever speaks on screen in it. A V.O.
  by someone the action names is their inner voice: they stay present.
- heard: everyone else whose lines the shot holds: O.S./O.C., devices, a V.O. by someone
  not on screen in this shot (screenplay.voices).
- props: what its action names (screenplay.props); and a device that speaks here when the
  scene's action names it ("MAYA tunes the radio" ... RADIO (V.O.)). A shot that shows an
  exterior heading draws the things the location names ("EXT. LIGHTHOUSE").
- atmosphere: its heading's weather and light, what earlier action in the scene brought
  (rain keeps falling after the cut; lightning flashes only where it is written) and its
  own action's (screenplay.atmosphere).
The scene's `present` is everyone present in one of its shots; its `heard` everyone heard
and never present; its `atmosphere` the heading's and everything its action names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from screenplay.atmosphere import PASSING, atmosphere_among
from screenplay.continuity import PlacedHeading
from screenplay.model import Shot
from screenplay.phrases import words_of
from screenplay.presence import named_in
from screenplay.props import props_among, props_in
from screenplay.voices import Voice, voice_of

T = TypeVar("T")


@dataclass
class SceneFacts:
    speakers: frozenset[str]  # everyone who speaks anywhere in the script
    heading: PlacedHeading
    actions: list[str]  # the scene's action paragraphs
    carried: list[str] = field(default_factory=list)  # weather earlier shots brought
    _named_props: frozenset[str] | None = None

    @classmethod
    def start(
        cls, heading: PlacedHeading, speakers: frozenset[str], actions: Iterable[str]
    ) -> SceneFacts:
        return cls(speakers, heading, list(actions))

    @property
    def named_props(self) -> frozenset[str]:
        """Props named anywhere in the scene's action (read once, when a device speaks)."""
        if self._named_props is None:
            found = (prop for text in self.actions for prop in props_in(text))
            self._named_props = frozenset(str(prop) for prop in found)
        return self._named_props

    def annotate(self, shot: Shot, framed: Sequence[str] = (), shows_heading: bool = False) -> Shot:
        """`shot` with its presence, props and atmosphere; shots are annotated in order."""
        action = "" if shows_heading else shot.action
        voices = [
            (line.character, voice_of(line.character, line.extension)) for line in shot.dialogue
        ]
        on = [name for name, voice in voices if voice is Voice.ON]
        off = {name for name, voice in voices if voice in (Voice.OFF_SCREEN, Voice.DEVICE)}
        named = (
            [n for n in named_in(action, self.speakers) if n in on or n not in off]
            if action
            else []
        )
        present = unique([*framed, *named, *on])
        heard = unique(name for name, _ in voices if name not in present)
        words = words_of(action)
        props = [str(prop) for prop in props_among(words)]
        for name, voice in voices:
            if voice is Voice.DEVICE:
                props.extend(str(p) for p in props_in(name) if str(p) in self.named_props)
        if shows_heading and self.heading.int_ext == "EXT":
            props.extend(str(prop) for prop in props_in(self.heading.location))
        own = [str(value) for value in atmosphere_among(words)]
        atmosphere = unique([*self.heading.atmosphere, *self.carried, *own])
        self.carried = unique([*self.carried, *(a for a in own if a not in PASSING)])
        return replace(
            shot, present=present, heard=heard, props=unique(props), atmosphere=atmosphere
        )

    def scene_fields(self, shots: list[Shot]) -> tuple[list[str], list[str], list[str]]:
        """(present, heard, atmosphere) of a scene made of these annotated shots."""
        present = unique(name for shot in shots for name in shot.present or [])
        heard = unique(n for shot in shots for n in shot.heard if n not in present)
        atmosphere = unique(
            [*self.heading.atmosphere, *(a for shot in shots for a in shot.atmosphere)]
        )
        return present, heard, atmosphere


def unique(items: Iterable[T]) -> list[T]:
    """`items` in order without repeats."""
    return list(dict.fromkeys(items))
