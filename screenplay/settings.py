"""Where a scene is: the heading's location words -> a `Setting` the animatic draws.

Interiors and exteriors have a table each, so INT. CAR is a car and EXT. CAR PARK a parking
lot; INT/EXT reads the interior table first. The longest phrase found in the location wins
("PARKING LOT" over "LOT", "SHIP'S BRIDGE" over "BRIDGE"); a phrase matches whole words,
with a plural "S" allowed. Nothing found is "" (Setting.GENERIC): the generic room or
landscape. `Setting` is the contract with the painters (providers/animatic): names and
values stay stable; new settings are added at the end.
"""

from __future__ import annotations

from enum import StrEnum

from screenplay.phrases import PhraseTable, words_of


class Setting(StrEnum):
    GENERIC = ""  # the generic room (interior) or landscape (exterior)
    # Interiors
    APARTMENT = "apartment"  # a room, flat, bedroom, living room, hotel room
    KITCHEN = "kitchen"
    OFFICE = "office"
    CORRIDOR = "corridor"
    HOSPITAL = "hospital"
    CAR = "car"
    BUS = "bus"
    TRAIN = "train"
    SHIP_CABIN = "ship_cabin"
    SHIP_BRIDGE = "ship_bridge"
    BAR = "bar"  # a pub, café, diner, restaurant
    SHOP = "shop"
    CLASSROOM = "classroom"
    CHURCH = "church"
    WAREHOUSE = "warehouse"
    LIGHTHOUSE = "lighthouse"  # the lamp room of a lighthouse, a tower's top
    ATTIC = "attic"
    BASEMENT = "basement"
    LAB = "lab"
    STAIRWELL = "stairwell"
    # Exteriors
    STREET = "street"
    ROAD = "road"
    PARKING_LOT = "parking_lot"
    OPEN_SEA = "open_sea"
    COAST = "coast"  # a beach, harbour, pier, cliff over the sea
    ISLAND = "island"
    FOREST = "forest"
    MOUNTAIN = "mountain"
    DESERT = "desert"
    FIELD = "field"  # a field, farm, meadow
    PARK = "park"
    ROOFTOP = "rooftop"
    BRIDGE = "bridge"
    RIVER = "river"  # a river or lake
    SNOWFIELD = "snowfield"


INTERIORS: frozenset[Setting] = frozenset(
    {
        Setting.APARTMENT, Setting.KITCHEN, Setting.OFFICE, Setting.CORRIDOR,
        Setting.HOSPITAL, Setting.CAR, Setting.BUS, Setting.TRAIN, Setting.SHIP_CABIN,
        Setting.SHIP_BRIDGE, Setting.BAR, Setting.SHOP, Setting.CLASSROOM, Setting.CHURCH,
        Setting.WAREHOUSE, Setting.LIGHTHOUSE, Setting.ATTIC, Setting.BASEMENT, Setting.LAB,
        Setting.STAIRWELL,
    }
)  # fmt: skip
EXTERIORS: frozenset[Setting] = frozenset(Setting) - INTERIORS - {Setting.GENERIC}

# Location words, as written in headings (upper case), inside a building or vehicle.
INTERIOR_WORDS: dict[str, Setting] = {
    # apartment and other rooms people live in
    "APARTMENT": Setting.APARTMENT, "FLAT": Setting.APARTMENT,
    "BEDROOM": Setting.APARTMENT, "LIVING ROOM": Setting.APARTMENT,
    "SITTING ROOM": Setting.APARTMENT, "LOUNGE": Setting.APARTMENT,
    "HOTEL ROOM": Setting.APARTMENT, "MOTEL": Setting.APARTMENT,
    "DEN": Setting.APARTMENT,
    "STUDY": Setting.APARTMENT, "NURSERY": Setting.APARTMENT, "DINING ROOM": Setting.APARTMENT,
    "COTTAGE": Setting.APARTMENT, "CABIN": Setting.APARTMENT, "BATHROOM": Setting.APARTMENT,
    "KITCHEN": Setting.KITCHEN, "GALLEY": Setting.KITCHEN, "KITCHENETTE": Setting.KITCHEN,
    "OFFICE": Setting.OFFICE, "CUBICLE": Setting.OFFICE, "BOARDROOM": Setting.OFFICE,
    "CONFERENCE ROOM": Setting.OFFICE, "MEETING ROOM": Setting.OFFICE,
    "NEWSROOM": Setting.OFFICE, "PRECINCT": Setting.OFFICE, "POLICE STATION": Setting.OFFICE,
    "CORRIDOR": Setting.CORRIDOR, "HALLWAY": Setting.CORRIDOR,
    "PASSAGE": Setting.CORRIDOR, "TUNNEL": Setting.CORRIDOR, "LOBBY": Setting.CORRIDOR,
    "HOSPITAL": Setting.HOSPITAL, "WARD": Setting.HOSPITAL, "CLINIC": Setting.HOSPITAL,
    "OPERATING ROOM": Setting.HOSPITAL, "OPERATING THEATRE": Setting.HOSPITAL,
    "EMERGENCY ROOM": Setting.HOSPITAL, "ICU": Setting.HOSPITAL, "INFIRMARY": Setting.HOSPITAL,
    "HOSPITAL CORRIDOR": Setting.HOSPITAL, "SICKBAY": Setting.HOSPITAL,
    "CAR": Setting.CAR, "TAXI": Setting.CAR, "CAB": Setting.CAR, "SEDAN": Setting.CAR,
    "VAN": Setting.CAR, "TRUCK": Setting.CAR, "JEEP": Setting.CAR, "POLICE CAR": Setting.CAR,
    "SQUAD CAR": Setting.CAR, "CAR PARK": Setting.PARKING_LOT,
    "PARKING GARAGE": Setting.PARKING_LOT, "LIMO": Setting.CAR, "LIMOUSINE": Setting.CAR,
    "BUS": Setting.BUS, "COACH": Setting.BUS, "MINIBUS": Setting.BUS,
    "TRAIN": Setting.TRAIN, "CARRIAGE": Setting.TRAIN, "SUBWAY": Setting.TRAIN,
    "SUBWAY CAR": Setting.TRAIN, "METRO": Setting.TRAIN, "TRAM": Setting.TRAIN,
    "COMPARTMENT": Setting.TRAIN, "TRAIN CAR": Setting.TRAIN, "DINING CAR": Setting.TRAIN,
    "SHIP": Setting.SHIP_CABIN, "SHIP'S CABIN": Setting.SHIP_CABIN,
    "SHIP CABIN": Setting.SHIP_CABIN, "BOAT": Setting.SHIP_CABIN, "YACHT": Setting.SHIP_CABIN,
    "FERRY": Setting.SHIP_CABIN, "SUBMARINE": Setting.SHIP_CABIN, "HOLD": Setting.SHIP_CABIN,
    "BERTH": Setting.SHIP_CABIN, "STATEROOM": Setting.SHIP_CABIN,
    "BRIDGE": Setting.SHIP_BRIDGE, "SHIP'S BRIDGE": Setting.SHIP_BRIDGE,
    "WHEELHOUSE": Setting.SHIP_BRIDGE, "COCKPIT": Setting.SHIP_BRIDGE,
    "BAR": Setting.BAR, "PUB": Setting.BAR, "CAFE": Setting.BAR, "CAFÉ": Setting.BAR,
    "COFFEE SHOP": Setting.BAR, "DINER": Setting.BAR, "RESTAURANT": Setting.BAR,
    "TAVERN": Setting.BAR, "SALOON": Setting.BAR, "NIGHTCLUB": Setting.BAR,
    "CLUB": Setting.BAR, "CANTEEN": Setting.BAR, "CAFETERIA": Setting.BAR, "INN": Setting.BAR,
    "SHOP": Setting.SHOP, "STORE": Setting.SHOP, "SUPERMARKET": Setting.SHOP,
    "BOUTIQUE": Setting.SHOP, "PHARMACY": Setting.SHOP, "BAKERY": Setting.SHOP,
    "BOOKSHOP": Setting.SHOP, "BOOKSTORE": Setting.SHOP, "GROCERY": Setting.SHOP,
    "MARKET": Setting.SHOP, "PAWNSHOP": Setting.SHOP, "CORNER SHOP": Setting.SHOP,
    "CLASSROOM": Setting.CLASSROOM, "SCHOOL": Setting.CLASSROOM,
    "LECTURE HALL": Setting.CLASSROOM, "SCHOOLROOM": Setting.CLASSROOM,
    "CHURCH": Setting.CHURCH, "CHAPEL": Setting.CHURCH, "CATHEDRAL": Setting.CHURCH,
    "TEMPLE": Setting.CHURCH, "MOSQUE": Setting.CHURCH, "SYNAGOGUE": Setting.CHURCH,
    "WAREHOUSE": Setting.WAREHOUSE, "FACTORY": Setting.WAREHOUSE, "HANGAR": Setting.WAREHOUSE,
    "GARAGE": Setting.WAREHOUSE, "BARN": Setting.WAREHOUSE, "WORKSHOP": Setting.WAREHOUSE,
    "MILL": Setting.WAREHOUSE, "STOREROOM": Setting.WAREHOUSE,
    "LIGHTHOUSE": Setting.LIGHTHOUSE, "LAMP ROOM": Setting.LIGHTHOUSE,
    "LANTERN ROOM": Setting.LIGHTHOUSE, "TOWER": Setting.LIGHTHOUSE,
    "BELL TOWER": Setting.LIGHTHOUSE, "WATCHTOWER": Setting.LIGHTHOUSE,
    "ATTIC": Setting.ATTIC, "LOFT": Setting.ATTIC, "GARRET": Setting.ATTIC,
    "BASEMENT": Setting.BASEMENT, "CELLAR": Setting.BASEMENT, "BUNKER": Setting.BASEMENT,
    "VAULT": Setting.BASEMENT, "CRYPT": Setting.BASEMENT, "DUNGEON": Setting.BASEMENT,
    "LAB": Setting.LAB, "LABORATORY": Setting.LAB,
    "STAIRWELL": Setting.STAIRWELL, "STAIRCASE": Setting.STAIRWELL, "STAIRS": Setting.STAIRWELL,
    "STAIRWAY": Setting.STAIRWELL, "LANDING": Setting.STAIRWELL,
    "FIRE ESCAPE": Setting.STAIRWELL,
}  # fmt: skip

# Location words outdoors.
EXTERIOR_WORDS: dict[str, Setting] = {
    "STREET": Setting.STREET, "ALLEY": Setting.STREET, "ALLEYWAY": Setting.STREET,
    "AVENUE": Setting.STREET, "SIDEWALK": Setting.STREET, "PAVEMENT": Setting.STREET,
    "SQUARE": Setting.STREET,
    "DOWNTOWN": Setting.STREET, "MAIN STREET": Setting.STREET, "BOULEVARD": Setting.STREET,
    "ROAD": Setting.ROAD, "HIGHWAY": Setting.ROAD, "MOTORWAY": Setting.ROAD,
    "FREEWAY": Setting.ROAD, "INTERSTATE": Setting.ROAD, "COUNTRY ROAD": Setting.ROAD,
    "DIRT ROAD": Setting.ROAD, "BUS STOP": Setting.STREET, "BUS STATION": Setting.STREET,
    "CAR": Setting.ROAD, "TRUCK": Setting.ROAD, "GAS STATION": Setting.ROAD,
    "PARKING LOT": Setting.PARKING_LOT, "CAR PARK": Setting.PARKING_LOT,
    "PARKING GARAGE": Setting.PARKING_LOT, "PARKING": Setting.PARKING_LOT,
    "OPEN SEA": Setting.OPEN_SEA, "SEA": Setting.OPEN_SEA, "OCEAN": Setting.OPEN_SEA,
    "OPEN WATER": Setting.OPEN_SEA, "AT SEA": Setting.OPEN_SEA, "DECK": Setting.OPEN_SEA,
    "BOAT": Setting.OPEN_SEA, "SHIP": Setting.OPEN_SEA, "YACHT": Setting.OPEN_SEA,
    "LIFEBOAT": Setting.OPEN_SEA, "RAFT": Setting.OPEN_SEA, "WAVES": Setting.OPEN_SEA,
    "COAST": Setting.COAST, "BEACH": Setting.COAST, "SHORE": Setting.COAST,
    "HARBOUR": Setting.COAST, "HARBOR": Setting.COAST, "PIER": Setting.COAST,
    "DOCK": Setting.COAST, "DOCKS": Setting.COAST, "PORT": Setting.COAST,
    "MARINA": Setting.COAST, "JETTY": Setting.COAST, "QUAY": Setting.COAST,
    "WHARF": Setting.COAST, "SEAFRONT": Setting.COAST, "CLIFF": Setting.COAST,
    "CLIFFS": Setting.COAST, "BAY": Setting.COAST, "COVE": Setting.COAST,
    "LIGHTHOUSE": Setting.COAST, "BOARDWALK": Setting.COAST, "PROMENADE": Setting.COAST,
    "ISLAND": Setting.ISLAND, "ISLE": Setting.ISLAND, "ATOLL": Setting.ISLAND,
    "FOREST": Setting.FOREST, "WOODS": Setting.FOREST,
    "JUNGLE": Setting.FOREST, "GROVE": Setting.FOREST, "CLEARING": Setting.FOREST,
    "MOUNTAIN": Setting.MOUNTAIN, "MOUNTAINS": Setting.MOUNTAIN, "PEAK": Setting.MOUNTAIN,
    "SUMMIT": Setting.MOUNTAIN, "RIDGE": Setting.MOUNTAIN, "CANYON": Setting.MOUNTAIN,
    "MOUNTAINSIDE": Setting.MOUNTAIN, "VALLEY": Setting.MOUNTAIN,
    "DESERT": Setting.DESERT, "DUNES": Setting.DESERT, "SAND DUNES": Setting.DESERT,
    "BADLANDS": Setting.DESERT, "WASTELAND": Setting.DESERT, "OASIS": Setting.DESERT,
    "FIELD": Setting.FIELD, "FIELDS": Setting.FIELD, "FARM": Setting.FIELD,
    "FARMYARD": Setting.FIELD, "FARMHOUSE": Setting.FIELD, "MEADOW": Setting.FIELD,
    "PASTURE": Setting.FIELD, "RANCH": Setting.FIELD, "COUNTRYSIDE": Setting.FIELD,
    "PRAIRIE": Setting.FIELD, "VINEYARD": Setting.FIELD, "ORCHARD": Setting.FIELD,
    "PARK": Setting.PARK, "GARDEN": Setting.PARK, "GARDENS": Setting.PARK,
    "PLAYGROUND": Setting.PARK, "BACKYARD": Setting.PARK, "YARD": Setting.PARK,
    "CEMETERY": Setting.PARK, "GRAVEYARD": Setting.PARK, "COURTYARD": Setting.PARK,
    "ROOFTOP": Setting.ROOFTOP, "ROOF": Setting.ROOFTOP, "TERRACE": Setting.ROOFTOP,
    "BALCONY": Setting.ROOFTOP,
    "BRIDGE": Setting.BRIDGE, "FOOTBRIDGE": Setting.BRIDGE, "OVERPASS": Setting.BRIDGE,
    "VIADUCT": Setting.BRIDGE,
    "RIVER": Setting.RIVER, "LAKE": Setting.RIVER, "RIVERBANK": Setting.RIVER,
    "LAKESIDE": Setting.RIVER, "POND": Setting.RIVER, "CANAL": Setting.RIVER,
    "STREAM": Setting.RIVER, "CREEK": Setting.RIVER, "WATERFALL": Setting.RIVER,
    "SNOWFIELD": Setting.SNOWFIELD, "SNOW": Setting.SNOWFIELD, "TUNDRA": Setting.SNOWFIELD,
    "GLACIER": Setting.SNOWFIELD, "ICE FIELD": Setting.SNOWFIELD, "ICEFIELD": Setting.SNOWFIELD,
    "ARCTIC": Setting.SNOWFIELD, "ANTARCTIC": Setting.SNOWFIELD, "FROZEN LAKE": Setting.SNOWFIELD,
    "SKI SLOPE": Setting.SNOWFIELD,
}  # fmt: skip

# Words that name a kind of place only when nothing more particular does: "LAB - BACK
# ROOM" is a lab, "CITY PARK" a park.
INTERIOR_FALLBACK_WORDS: dict[str, Setting] = {
    "ROOM": Setting.APARTMENT, "HOUSE": Setting.APARTMENT, "HOME": Setting.APARTMENT,
    "STUDIO": Setting.APARTMENT, "HALL": Setting.CORRIDOR, "BUILDING": Setting.CORRIDOR,
}  # fmt: skip
EXTERIOR_FALLBACK_WORDS: dict[str, Setting] = {
    "CITY": Setting.STREET, "TOWN": Setting.STREET, "VILLAGE": Setting.STREET,
    "BUILDING": Setting.STREET, "LANE": Setting.ROAD, "TRACK": Setting.ROAD,
    "PASS": Setting.MOUNTAIN, "WOOD": Setting.FOREST, "ICE": Setting.SNOWFIELD,
    "WATER": Setting.OPEN_SEA, "HILLS": Setting.FIELD, "HILL": Setting.FIELD,
}  # fmt: skip


INTERIOR_TABLE = PhraseTable(INTERIOR_WORDS)
INTERIOR_FALLBACK_TABLE = PhraseTable(INTERIOR_FALLBACK_WORDS)
EXTERIOR_TABLE = PhraseTable(EXTERIOR_WORDS)
EXTERIOR_FALLBACK_TABLE = PhraseTable(EXTERIOR_FALLBACK_WORDS)
_INSIDE = (INTERIOR_TABLE, INTERIOR_FALLBACK_TABLE)
_OUTSIDE = (EXTERIOR_TABLE, EXTERIOR_FALLBACK_TABLE)


def setting_for(int_ext: str, location: str) -> Setting:
    """The setting a heading's location names; GENERIC when its words name none.

    `int_ext` is the resolved "INT", "EXT" or "INT/EXT" (screenplay.continuity)."""
    if int_ext.upper().startswith("INT"):
        tables = _INSIDE + _OUTSIDE if "/" in int_ext else _INSIDE
    else:
        tables = _OUTSIDE
    words = words_of(location)
    for table in tables:
        if (found := table.longest_in(words)) is not None:
            return found[2]
    return Setting.GENERIC


def best_match(
    words: list[str], tables: list[PhraseTable[Setting]]
) -> tuple[tuple[int, int], str] | None:
    """How strongly `words` name a place in `tables` (earlier tables count more, then longer
    phrases) and the phrase found; None when no table has any of them."""
    for rank, table in enumerate(tables):
        if (match := table.longest_in(words)) is not None:
            return (len(tables) - rank, match[0]), match[1]
    return None
