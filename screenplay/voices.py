"""How a line is heard: spoken on screen, as a voice-over, off screen, or through a device.

- DEVICE: the speaker's name is a device (DEVICE_NAMES: RADIO, PHONE, TV, INTERCOM,
  SPEAKER, VOICEMAIL, PA, ANSWERING MACHINE, ...; or a name with a device word in it,
  DEVICE_WORDS: "POLICE RADIO", "VOICE ON PHONE", "TV ANCHOR"). Never on screen.
- OFF_SCREEN: the extension says so: O.S., O.C., OFF, OFF SCREEN, PRE-LAP, FILTERED, or
  a voice ON/OVER/THROUGH a device ("ON PHONE", "OVER RADIO"). "INTO PHONE" is someone on
  screen talking into one.
- VOICE_OVER: V.O. (VO, V/O, VOICE OVER). On screen only as the inner voice of someone the
  shot's action names (screenplay.shot_facts).
- ON: anything else ("", CONT'D, a manner such as WHISPERING).
"""

from __future__ import annotations

import functools
import re
from enum import StrEnum


class Voice(StrEnum):
    ON = "on"
    VOICE_OVER = "voice_over"
    OFF_SCREEN = "off_screen"
    DEVICE = "device"


DEVICE_NAMES = frozenset(
    {
        "RADIO", "PHONE", "TELEPHONE", "CELLPHONE", "CELL PHONE", "MOBILE", "MOBILE PHONE",
        "TV", "TELEVISION", "INTERCOM", "SPEAKER", "SPEAKERPHONE", "LOUDSPEAKER", "PA",
        "P.A.", "PA SYSTEM", "P.A. SYSTEM", "PUBLIC ADDRESS", "TANNOY", "VOICEMAIL",
        "VOICE MAIL", "ANSWERING MACHINE", "WALKIE-TALKIE", "WALKIE TALKIE", "WALKIE",
        "CB", "CB RADIO", "SCANNER", "POLICE SCANNER", "MEGAPHONE", "BULLHORN", "RECORDING",
        "TAPE", "TAPE RECORDER", "DICTAPHONE", "GPS", "SAT NAV", "SATNAV", "COMPUTER",
        "COMPUTER VOICE", "ANNOUNCEMENT", "BROADCAST", "HEADSET", "COMMS", "MONITOR",
        "BABY MONITOR", "ALARM", "AUTOMATED VOICE", "RECORDED VOICE", "PHONOGRAPH",
        "GRAMOPHONE", "RECORD PLAYER", "JUKEBOX", "SPEAKERS",
    }
)  # fmt: skip
# A name with one of these words speaks through a device: "POLICE RADIO", "TV ANCHOR".
DEVICE_WORDS = frozenset(
    {
        "RADIO", "PHONE", "TELEPHONE", "CELLPHONE", "TV", "TELEVISION", "INTERCOM",
        "LOUDSPEAKER", "SPEAKERPHONE", "TANNOY", "VOICEMAIL", "WALKIE-TALKIE", "SCANNER",
        "ANSWERPHONE", "MEGAPHONE", "BULLHORN",
    }
)  # fmt: skip

_CONTINUED = re.compile(r"\bCONT(?:'D|INUED|INUING|D|\.)?(?=\s|$)")
_VOICE_OVER = re.compile(r"\b(?:VO|V/O|VOICE[ -]?OVER)\b")
_OFF_SCREEN = re.compile(
    r"\b(?:OS|OC|OFF|OFF[ -]?SCREEN|OFF[ -]?CAMERA|PRE[ -]?LAP|FILTERED|BEHIND DOOR)\b"
    r"|\b(?:ON|OVER|THROUGH|VIA|FROM)\s+(?:THE\s+|A\s+)?"
    r"(?:PHONE|TELEPHONE|CELL|RADIO|SPEAKER|SPEAKERPHONE|INTERCOM|TV|TELEVISION|PA|"
    r"LOUDSPEAKER|WALKIE[ -]?TALKIE|COMMS?|HEADSET|RECORDING|TAPE|SCREEN|MONITOR|"
    r"VOICEMAIL|DOOR|WALL)\b"
)


@functools.lru_cache(maxsize=1024)
def voice_of(character: str, extension: str) -> Voice:
    """How the line of `character` (a cue name) with `extension` ("V.O.", ...) is heard."""
    if is_device(character):
        return Voice.DEVICE
    shown = _CONTINUED.sub(" ", extension.upper().replace("\u2019", "'")).replace(".", "")
    if _OFF_SCREEN.search(shown):
        return Voice.OFF_SCREEN
    if _VOICE_OVER.search(shown):
        return Voice.VOICE_OVER
    return Voice.ON


def is_device(name: str) -> bool:
    """A speaker whose name is a device: heard, never drawn."""
    name = " ".join(name.upper().replace("\u2019", "'").split())
    if name in DEVICE_NAMES:
        return True
    return any(word in DEVICE_WORDS for word in re.split(r"[\s/]+", name))
