"""Film grammar: which shots tell a scene, planned from its elements.

For Fountain scenes and SCENE/SHOT scenes without SHOT lines. Deterministic rules:
- The scene opens on an establishing shot for an exterior heading (EXT., EST.) and on
  a wide shot otherwise, made from the first action paragraph; when the scene starts
  with something else (dialogue, an insert card) the opening shot shows the heading.
- Every further action paragraph is a medium shot.
- Camera directions in CAPS at the start of an action paragraph (CLOSE ON, LOW ANGLE,
  SLOW PUSH IN, ...; see screenplay.camera_cues) set that shot's size, angle and move
  instead; what a cue leaves out, these rules plan.
- Dialogue is shot / reverse shot between characters on screen (screenplay.presence):
  each time the speaker changes, a new shot, over the shoulder and close-up in turn,
  starting over the shoulder after every action paragraph. Consecutive blocks by the
  same speaker stay in one shot. A speaker alone on screen gets a medium shot instead.
- A line heard off screen (O.S., O.C., a device, a V.O.; screenplay.voices) makes no shot
  of its own: it plays over the current shot (a V.O. by someone its action names is
  their inner voice). Nobody heard is framed over a shoulder or in a reverse close-up.
- Dual dialogue is one static two shot with both speeches (marked dual), framing both
  speakers; when one of them is heard off screen it is a medium shot of the other.
- Centered text (">THE END<") is an insert card, static.
Unless a direction says otherwise, each size moves gently as DEFAULT_MOVES says:
establishing pans right, close-ups zoom in, point-of-view shots dolly in, the rest hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from screenplay.camera_cues import read_camera_cue
from screenplay.context import ParseContext
from screenplay.elements import ActionBlock, DialogueBlock, Element, Piece, SceneDraft
from screenplay.errors import ScriptWarning
from screenplay.model import LEGACY_MOVES, CameraMove, MoveDirection, ShotType
from screenplay.presence import entrances
from screenplay.shot_plan import PlannedShot, SpokenDraft
from screenplay.voices import Voice, voice_of

DEFAULT_MOVES: dict[ShotType, CameraMove] = {
    ShotType.ESTABLISHING: CameraMove.PAN_RIGHT,
    ShotType.CLOSE_UP: CameraMove.ZOOM_IN,
    ShotType.EXTREME_CLOSE_UP: CameraMove.ZOOM_IN,
    ShotType.POV: CameraMove.DOLLY_IN,
}  # every other size holds still
REVERSE_SHOTS = (ShotType.OVER_THE_SHOULDER, ShotType.CLOSE_UP)


def opening_shot_type(int_ext: str) -> ShotType:
    return ShotType.ESTABLISHING if int_ext == "EXT" else ShotType.WIDE


def plan_scene(
    scene: SceneDraft,
    int_ext: str,
    context: ParseContext,
    speakers: frozenset[str] = frozenset(),
) -> list[PlannedShot]:
    """The shots of one scene, in order; at least one when the scene has a heading.

    `speakers` are everyone who speaks in the script (to find names in action)."""
    planner = _Planner(scene, opening_shot_type(int_ext), context)
    planner.entered = entrances(scene.elements, speakers)
    for index, element in enumerate(scene.elements):
        planner.index = index
        planner.add(element)
    planner.open_on_heading()
    return planner.shots


@dataclass
class _Planner:
    scene: SceneDraft
    opening: ShotType
    context: ParseContext
    shots: list[PlannedShot] = field(default_factory=list)
    opened: bool = False
    turn: int = 0  # reverse shots taken since the last action paragraph
    speaker: str | None = None  # whose dialogue the last shot holds
    # Presence (issue 10): when each on-screen character enters, where the scene is now,
    # and who spoke on screen, the latest last (the listener of an over-the-shoulder).
    entered: dict[str, int] = field(default_factory=dict)
    index: int = 0
    talkers: list[str] = field(default_factory=list)

    def add(self, element: Element) -> None:
        if isinstance(element, ActionBlock):
            if element.centered:
                self.open_on_heading()
                self._new(element.line, ShotType.INSERT).action.extend(element.pieces)
            else:
                self._action(element)
            self.turn, self.speaker = 0, None
        elif isinstance(element, DialogueBlock):
            self.open_on_heading()
            self._dialogue(element)
        else:
            self.open_on_heading()
            framed = [
                block.character
                for block in (element.first, element.second)
                if voice_of(block.character, block.extension) is Voice.ON
            ]
            # both on screen: a two shot; one of them heard off screen: a medium on the other
            size = ShotType.TWO_SHOT if len(set(framed)) == 2 else ShotType.MEDIUM
            two_shot = self._new(element.line, size)
            two_shot.framed = framed
            two_shot.dialogue.extend(_spoken(element.first, dual=True))
            two_shot.dialogue.extend(_spoken(element.second, dual=True))
            self.speaker = None

    def open_on_heading(self) -> None:
        """The opening shot shows the heading when the scene does not open on action."""
        if self.opened:
            return
        self.opened = True
        if self.scene.heading:
            shot = self._new(self.scene.line, self.opening)
            shot.action.append(Piece(self.scene.line, self.scene.heading))
            shot.shows_heading = True

    def _action(self, block: ActionBlock) -> None:
        shot_type = ShotType.MEDIUM if self.opened else self.opening
        self.opened = True
        cue = read_camera_cue(block.pieces[0].text)
        indent = self.context.indent_of(block.line)
        for note in cue.notes:
            warning = ScriptWarning(block.line, note.message, indent + note.offset + 1)
            self.context.vocabulary_warning(warning)
        framing = cue.framing
        shot = self._new(block.line, framing.size or shot_type)
        if framing.move is not None:
            shot.move, shot.direction = framing.move, framing.direction or MoveDirection.NONE
        shot.angle = framing.angle or shot.angle
        shot.speed = framing.speed or shot.speed
        if framing.size_offset >= 0:
            shot.size_column = indent + framing.size_offset + 1
        shot.action.extend(block.pieces)

    def _dialogue(self, block: DialogueBlock) -> None:
        speaker = block.character
        if voice_of(speaker, block.extension) is not Voice.ON:
            # Heard, not seen: over the current shot, or a medium of the place if none.
            shot = self.shots[-1] if self.shots else self._new(block.line, ShotType.MEDIUM)
            shot.dialogue.extend(_spoken(block, dual=False))
            return
        if self.speaker != speaker:
            others = [
                name
                for name, entered in self.entered.items()
                if entered <= self.index and name != speaker
            ]
            if others:
                shot_type = REVERSE_SHOTS[self.turn % len(REVERSE_SHOTS)]
                self.turn += 1
                listener = next((n for n in reversed(self.talkers) if n in others), others[0])
                framed = [speaker, listener] if shot_type is ShotType.OVER_THE_SHOULDER else []
            else:
                shot_type, framed = ShotType.MEDIUM, []
            self._new(block.line, shot_type).framed = framed or [speaker]
            self.speaker = speaker
        if speaker in self.talkers:
            self.talkers.remove(speaker)
        self.talkers.append(speaker)
        self.shots[-1].dialogue.extend(_spoken(block, dual=False))

    def _new(self, line: int, shot_type: ShotType) -> PlannedShot:
        move, direction = LEGACY_MOVES[DEFAULT_MOVES.get(shot_type, CameraMove.STATIC)]
        shot = PlannedShot(line, shot_type, move, direction)
        self.shots.append(shot)
        return shot


def _spoken(block: DialogueBlock, dual: bool) -> list[SpokenDraft]:
    return [
        SpokenDraft(block.character, block.extension, speech.parenthetical, dual, speech.pieces)
        for speech in block.speeches
    ]
