"""The places the animatic knows how to draw, one painter each, keyed by the plan's
`setting` names (lower_snake words such as "lighthouse", "open_sea"), with their aliases."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from providers.animatic.settings import (
    city,
    land,
    passages,
    public,
    rooms,
    tower,
    vehicles,
    water,
    works,
)
from providers.animatic.settings.canvas import Canvas


@dataclass(frozen=True)
class SettingArt:
    paint: Callable[[Canvas], None]
    interior: bool
    ground: str  # what the floor or ground is, as seen from overhead


SETTINGS: dict[str, SettingArt] = {
    "room": SettingArt(rooms.paint_room, True, "boards"),
    "kitchen": SettingArt(rooms.paint_kitchen, True, "checks"),
    "office": SettingArt(rooms.paint_office, True, "carpet"),
    "classroom": SettingArt(rooms.paint_classroom, True, "tiles"),
    "attic": SettingArt(rooms.paint_attic, True, "boards"),
    "basement": SettingArt(rooms.paint_basement, True, "concrete"),
    "hospital": SettingArt(public.paint_hospital, True, "tiles"),
    "bar": SettingArt(public.paint_bar, True, "boards"),
    "shop": SettingArt(public.paint_shop, True, "tiles"),
    "church": SettingArt(public.paint_church, True, "tiles"),
    "warehouse": SettingArt(works.paint_warehouse, True, "concrete"),
    "lab": SettingArt(works.paint_lab, True, "tiles"),
    "corridor": SettingArt(passages.paint_corridor, True, "tiles"),
    "stairwell": SettingArt(passages.paint_stairwell, True, "concrete"),
    "car": SettingArt(vehicles.paint_car, True, "seats"),
    "bus": SettingArt(vehicles.paint_bus, True, "seats"),
    "train": SettingArt(vehicles.paint_train, True, "seats"),
    "ship_cabin": SettingArt(vehicles.paint_ship_cabin, True, "boards"),
    "ship_bridge": SettingArt(vehicles.paint_ship_bridge, True, "boards"),
    "lighthouse": SettingArt(tower.paint_lighthouse, True, "iron"),
    "street": SettingArt(city.paint_street, False, "asphalt"),
    "road": SettingArt(city.paint_road, False, "asphalt"),
    "parking_lot": SettingArt(city.paint_parking_lot, False, "bays"),
    "rooftop": SettingArt(city.paint_rooftop, False, "roof"),
    "bridge": SettingArt(city.paint_bridge, False, "asphalt"),
    "open_sea": SettingArt(water.paint_open_sea, False, "water"),
    "coast": SettingArt(water.paint_coast, False, "sand"),
    "island": SettingArt(water.paint_island, False, "water"),
    "river": SettingArt(water.paint_river, False, "water"),
    "forest": SettingArt(land.paint_forest, False, "treetops"),
    "mountain": SettingArt(land.paint_mountain, False, "rock"),
    "desert": SettingArt(land.paint_desert, False, "sand"),
    "field": SettingArt(land.paint_field, False, "crops"),
    "park": SettingArt(land.paint_park, False, "grass"),
    "snowfield": SettingArt(land.paint_snowfield, False, "snow"),
}

# Other words the plan may use for the same places.
ALIASES: dict[str, str] = {
    "apartment": "room",
    "flat": "room",
    "bedroom": "room",
    "living_room": "room",
    "house": "room",
    "home": "room",
    "cafe": "bar",
    "café": "bar",
    "coffee_shop": "bar",
    "coffeeshop": "bar",
    "pub": "bar",
    "restaurant": "bar",
    "diner": "bar",
    "store": "shop",
    "supermarket": "shop",
    "school": "classroom",
    "chapel": "church",
    "cathedral": "church",
    "factory": "warehouse",
    "hangar": "warehouse",
    "tower": "lighthouse",
    "lamp_room": "lighthouse",
    "cellar": "basement",
    "laboratory": "lab",
    "stairs": "stairwell",
    "staircase": "stairwell",
    "hallway": "corridor",
    "hall": "corridor",
    "ward": "hospital",
    "clinic": "hospital",
    "cabin": "ship_cabin",
    "ship": "ship_cabin",
    "ships_bridge": "ship_bridge",
    "wheelhouse": "ship_bridge",
    "taxi": "car",
    "truck": "car",
    "subway": "train",
    "metro": "train",
    "highway": "road",
    "motorway": "road",
    "parking": "parking_lot",
    "car_park": "parking_lot",
    "sea": "open_sea",
    "ocean": "open_sea",
    "beach": "coast",
    "harbour": "coast",
    "harbor": "coast",
    "pier": "coast",
    "shore": "coast",
    "dock": "coast",
    "lake": "river",
    "woods": "forest",
    "jungle": "forest",
    "mountains": "mountain",
    "farm": "field",
    "meadow": "field",
    "garden": "park",
    "roof": "rooftop",
    "snow": "snowfield",
    "tundra": "snowfield",
    "glacier": "snowfield",
    "city": "street",
    "alley": "street",
}

# Seen from outside (EXT), a place that is a room inside is drawn as its surroundings,
# with the thing itself standing there as a prop.
EXTERIOR_OF: dict[str, tuple[str, str]] = {
    "lighthouse": ("coast", "lighthouse"),
    "car": ("road", "car"),
    "bus": ("street", "bus"),
    "train": ("field", "train"),
    "ship_cabin": ("open_sea", "boat"),
}


def canonical(setting: str) -> str:
    """The painter's name for a setting word: itself, an alias's target, or for a compound
    the last word the animatic knows ("hospital_corridor" is a corridor); else as given."""
    name = setting.strip().lower().replace(" ", "_").replace("-", "_").replace("'", "")
    if name in SETTINGS or name in ALIASES:
        return ALIASES.get(name, name)
    for word in reversed(name.split("_")):
        if word in SETTINGS or word in ALIASES:
            return ALIASES.get(word, word)
    return name


def setting_name(setting: str, interior: bool) -> str:
    """The setting actually drawn: seen from outside, a vehicle or a lighthouse is drawn
    as its surroundings; "" when the animatic does not know the place."""
    name = canonical(setting)
    if not interior and name in EXTERIOR_OF:
        name = EXTERIOR_OF[name][0]
    return name if name in SETTINGS else ""


def resolve_setting(setting: str, interior: bool) -> SettingArt | None:
    """The painter for a setting name (or an alias); None for "" and unknown names."""
    return SETTINGS.get(setting_name(setting, interior))


def exterior_prop(setting: str, interior: bool) -> str:
    """The thing to stand in an exterior counterpart (a lighthouse on the coast), or ""."""
    name = canonical(setting)
    return EXTERIOR_OF[name][1] if not interior and name in EXTERIOR_OF else ""
