"""The heading chooses a setting; the action names props; both name weather and light."""

from __future__ import annotations

import pytest

from screenplay.atmosphere import Atmosphere, atmosphere_in
from screenplay.parser import parse_script
from screenplay.props import Prop, props_in
from screenplay.settings import EXTERIORS, INTERIORS, Setting, setting_for

S = Setting

# One heading per setting, as scripts write them; every Setting but GENERIC is here.
HEADINGS: list[tuple[str, Setting]] = [
    ("INT. MAYA'S APARTMENT - NIGHT", S.APARTMENT),
    ("INT. HOTEL ROOM 12 - DAY", S.APARTMENT),
    ("INT. KITCHEN - MORNING", S.KITCHEN),
    ("INT. NEWSPAPER OFFICE - DAY", S.OFFICE),
    ("INT. HALLWAY - NIGHT", S.CORRIDOR),
    ("INT. ST. MARY'S HOSPITAL - WARD 4 - NIGHT", S.HOSPITAL),
    ("INT. CAR - MOVING - NIGHT", S.CAR),
    ("INT. TAXI - DAY", S.CAR),
    ("INT. BUS - DAY", S.BUS),
    ("INT. TRAIN CARRIAGE - DAWN", S.TRAIN),
    ("INT. SHIP'S CABIN - NIGHT", S.SHIP_CABIN),
    ("INT. FISHING BOAT - WHEELHOUSE - DAY", S.SHIP_BRIDGE),
    ("INT. SHIP - BRIDGE - NIGHT", S.SHIP_BRIDGE),
    ("INT. JOE'S BAR - NIGHT", S.BAR),
    ("INT. COFFEE SHOP - MORNING", S.BAR),
    ("INT. CORNER SHOP - DAY", S.SHOP),
    ("INT. CLASSROOM - DAY", S.CLASSROOM),
    ("INT. CHURCH - DAWN", S.CHURCH),
    ("INT. ABANDONED WAREHOUSE - NIGHT", S.WAREHOUSE),
    ("INT. LIGHTHOUSE - LAMP ROOM - NIGHT", S.LIGHTHOUSE),
    ("INT. BELL TOWER - DUSK", S.LIGHTHOUSE),
    ("INT. ATTIC - NIGHT", S.ATTIC),
    ("INT. BASEMENT - DAY", S.BASEMENT),
    ("INT. GENETICS LAB - NIGHT", S.LAB),
    ("INT. STAIRWELL - CONTINUOUS", S.STAIRWELL),
    ("EXT. MAIN STREET - DAY", S.STREET),
    ("EXT. ALLEY - NIGHT", S.STREET),
    ("EXT. HIGHWAY - DUSK", S.ROAD),
    ("EXT. CAR - DAY", S.ROAD),
    ("EXT. SUPERMARKET CAR PARK - NIGHT", S.PARKING_LOT),
    ("EXT. PARKING LOT - DAY", S.PARKING_LOT),
    ("EXT. OPEN SEA - NIGHT", S.OPEN_SEA),
    ("EXT. BOAT - DAY", S.OPEN_SEA),
    ("EXT. BEACH - SUNSET", S.COAST),
    ("EXT. HARBOUR - DAWN", S.COAST),
    ("EXT. PIER - NIGHT", S.COAST),
    ("EXT. LIGHTHOUSE - NIGHT", S.COAST),
    ("EXT. DESERT ISLAND - DAY", S.ISLAND),
    ("EXT. FOREST - NIGHT", S.FOREST),
    ("EXT. MOUNTAIN PASS - DAWN", S.MOUNTAIN),
    ("EXT. SAHARA DESERT - DAY", S.DESERT),
    ("EXT. WHEAT FIELD - DAY", S.FIELD),
    ("EXT. FARM - MORNING", S.FIELD),
    ("EXT. CITY PARK - DAY", S.PARK),
    ("EXT. ROOFTOP - NIGHT", S.ROOFTOP),
    ("EXT. GOLDEN GATE BRIDGE - DAY", S.BRIDGE),
    ("EXT. RIVERBANK - DUSK", S.RIVER),
    ("EXT. LAKE - DAY", S.RIVER),
    ("EXT. SNOWFIELD - DAY", S.SNOWFIELD),
    ("EXT. ARCTIC TUNDRA - NIGHT", S.SNOWFIELD),
]


def test_every_setting_has_a_heading_here_and_there_are_at_least_25() -> None:
    assert {setting for _, setting in HEADINGS} == set(Setting) - {Setting.GENERIC}
    assert len(INTERIORS) >= 19 and len(EXTERIORS) >= 15
    assert set(Setting) - {Setting.GENERIC} == INTERIORS | EXTERIORS
    assert all(value.value == value.name.lower() for value in Setting if value.value)


@pytest.mark.parametrize(("heading", "setting"), HEADINGS)
def test_the_heading_chooses_the_setting(heading: str, setting: Setting) -> None:
    [scene] = parse_script(f"{heading}\n\nSomething happens.", script_format="fountain").scenes

    assert scene.setting == setting.value


@pytest.mark.parametrize(
    ("int_ext", "location", "setting"),
    [
        ("INT", "CAR", S.CAR),
        ("EXT", "CAR PARK", S.PARKING_LOT),
        ("INT", "MULTI-STOREY CAR PARK", S.PARKING_LOT),  # a parking garage, not a car
        ("INT", "BRIDGE", S.SHIP_BRIDGE),
        ("EXT", "BRIDGE", S.BRIDGE),
        ("INT/EXT", "CAR", S.CAR),
        ("INT/EXT", "PIER", S.COAST),  # no interior word: the exterior table
        ("INT", "LAB - BACK ROOM", S.LAB),  # ROOM counts only when nothing else does
        ("INT", "MAYA'S ROOM", S.APARTMENT),
        ("EXT", "DOCKS", S.COAST),  # plural
        ("INT", "CAFÉ", S.BAR),
        ("int", "kitchen", S.KITCHEN),  # any case
        ("INT", "THE VOID", S.GENERIC),
        ("EXT", "SOMEWHERE", S.GENERIC),
        ("", "THE LENS", S.GENERIC),
    ],
)
def test_interior_and_exterior_tables(int_ext: str, location: str, setting: Setting) -> None:
    assert setting_for(int_ext, location) is setting


def test_unmatched_words_fall_back_to_the_generic_room_or_landscape() -> None:
    room, land = parse_script(
        "INT. THE VOID - DAY\n\nNothing.\n\nEXT. NOWHERE - DAY\n\nNone."
    ).scenes

    assert (room.setting, land.setting) == ("", "")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Rain lashes the windows.", [Atmosphere.RAIN]),
        ("It is raining. A storm builds.", [Atmosphere.RAIN, Atmosphere.STORM]),
        ("A THUNDERSTORM breaks.", [Atmosphere.STORM, Atmosphere.LIGHTNING]),
        ("Snow falls in the blizzard.", [Atmosphere.SNOW, Atmosphere.WIND]),
        ("Fog, then mist, then haze.", [Atmosphere.FOG]),
        ("The barn is ablaze; flames everywhere.", [Atmosphere.FIRE]),
        ("She opens fire. He fires back.", []),
        ("At dawn the neon signs flicker off.", [Atmosphere.DAWN, Atmosphere.NEON]),
        (
            "Dusk. Candlelight. Moonlight.",
            [Atmosphere.DUSK, Atmosphere.CANDLELIGHT, Atmosphere.MOONLIGHT],
        ),
        ("Smoke fills the room in the blackout.", [Atmosphere.SMOKE, Atmosphere.DARKNESS]),
        ("A quiet afternoon.", []),
    ],
)
def test_weather_and_light_words(text: str, values: list[Atmosphere]) -> None:
    assert atmosphere_in(text) == values


def test_atmosphere_per_shot_keeps_the_heading_and_the_weather_already_seen() -> None:
    plan = parse_script(
        "EXT. HARBOUR - DUSK\n\nRain begins.\n\nLightning flashes.\n\nMAYA (30s) waits.\n\n"
        "INT. CAR - NIGHT\n\nDry in here.",
        script_format="fountain",
    )

    harbour, car = plan.scenes
    assert [shot.atmosphere for shot in harbour.shots] == [
        ["dusk", "rain"],
        ["dusk", "rain", "lightning"],
        ["dusk", "rain"],  # lightning is only where it is written; rain keeps falling
    ]
    assert harbour.atmosphere == ["dusk", "rain", "lightning"]
    assert car.atmosphere == [] and car.shots[0].atmosphere == []


@pytest.mark.parametrize(
    ("text", "props"),
    [
        ("A boat, a car and a bus.", [Prop.BOAT, Prop.CAR, Prop.BUS]),
        ("The lighthouse beam sweeps the sea.", [Prop.LIGHTHOUSE]),
        ("She picks up the phone, then the RADIO.", [Prop.PHONE, Prop.RADIO]),
        ("Two cups and a mug on the table.", [Prop.CUP, Prop.TABLE]),
        ("He opens the door and the window.", [Prop.DOOR, Prop.WINDOW]),
        ("A lamp, a pistol, a letter, a book.", [Prop.LAMP, Prop.GUN, Prop.LETTER, Prop.BOOK]),
        ("A bottle and a glass. A knife.", [Prop.BOTTLE, Prop.GLASS, Prop.KNIFE]),
        ("She sits on a chair with her bag and keys.", [Prop.CHAIR, Prop.BAG, Prop.KEY]),
        ("Candles. The clock ticks.", [Prop.CANDLE, Prop.CLOCK]),
        ("Her laptop and the TV glow.", [Prop.COMPUTER, Prop.TV]),
        ("An umbrella, a torch, a map, a photograph, a bed.",
         [Prop.UMBRELLA, Prop.FLASHLIGHT, Prop.MAP, Prop.PHOTO, Prop.BED]),
        ("She rolls up the carpet.", []),  # whole words: no car
        ("Nothing here.", []),
    ],
)  # fmt: skip
def test_props_the_action_names(text: str, props: list[Prop]) -> None:
    assert props_in(text) == props


def test_props_belong_to_the_shot_whose_action_names_them() -> None:
    plan = parse_script(
        "INT. KITCHEN - DAY\n\nMAYA (30s) pours a cup of tea.\n\nShe opens the window.\n\n"
        "MAYA\nBetter.",
        script_format="fountain",
    )

    assert [shot.props for shot in plan.shots] == [["cup"], ["window"], []]


def test_an_exterior_heading_shot_draws_what_its_location_names() -> None:
    plan = parse_script("EXT. LIGHTHOUSE - NIGHT\n\nKEEPER\nWho's there?", script_format="fountain")

    heading, line = plan.shots
    assert (plan.scenes[0].setting, heading.props, line.props) == ("coast", ["lighthouse"], [])
