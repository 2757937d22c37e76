"""Things the action names that the animatic can draw: "She lifts the RADIO" -> "radio".

`Prop` is the contract with the painters (providers/animatic/props.py): names and values
stay stable; new props are added at the end. PROP_WORDS maps the words an action uses
(upper case, a plural "S" allowed; screenplay.phrases) to the prop drawn.
"""

from __future__ import annotations

from enum import StrEnum

from screenplay.phrases import PhraseTable, words_of


class Prop(StrEnum):
    BOAT = "boat"
    CAR = "car"
    BUS = "bus"
    LIGHTHOUSE = "lighthouse"
    RADIO = "radio"
    PHONE = "phone"
    CUP = "cup"
    DOOR = "door"
    WINDOW = "window"
    LAMP = "lamp"
    GUN = "gun"
    LETTER = "letter"
    BOOK = "book"
    BOTTLE = "bottle"
    GLASS = "glass"
    KNIFE = "knife"
    TABLE = "table"
    CHAIR = "chair"
    BAG = "bag"
    KEY = "key"
    CANDLE = "candle"
    CLOCK = "clock"
    COMPUTER = "computer"  # a laptop or a desktop with its screen
    TV = "tv"
    BED = "bed"
    UMBRELLA = "umbrella"
    FLASHLIGHT = "flashlight"
    MAP = "map"
    PHOTO = "photo"


PROP_WORDS: dict[str, Prop] = {
    "BOAT": Prop.BOAT, "SHIP": Prop.BOAT, "YACHT": Prop.BOAT, "DINGHY": Prop.BOAT,
    "ROWBOAT": Prop.BOAT, "LIFEBOAT": Prop.BOAT, "CANOE": Prop.BOAT, "KAYAK": Prop.BOAT,
    "FERRY": Prop.BOAT, "TRAWLER": Prop.BOAT, "SAILBOAT": Prop.BOAT, "VESSEL": Prop.BOAT,
    "FISHING BOAT": Prop.BOAT, "TUGBOAT": Prop.BOAT,
    "CAR": Prop.CAR, "TAXI": Prop.CAR, "CAB": Prop.CAR, "SEDAN": Prop.CAR, "JEEP": Prop.CAR,
    "VAN": Prop.CAR, "TRUCK": Prop.CAR, "POLICE CAR": Prop.CAR, "CONVERTIBLE": Prop.CAR,
    "BUS": Prop.BUS, "MINIBUS": Prop.BUS, "SCHOOL BUS": Prop.BUS,
    "LIGHTHOUSE": Prop.LIGHTHOUSE,
    "RADIO": Prop.RADIO, "TRANSMITTER": Prop.RADIO, "WALKIE-TALKIE": Prop.RADIO,
    "WALKIE": Prop.RADIO, "TRANSCEIVER": Prop.RADIO, "CB RADIO": Prop.RADIO,
    "INTERCOM": Prop.RADIO,
    "PHONE": Prop.PHONE, "TELEPHONE": Prop.PHONE, "CELLPHONE": Prop.PHONE,
    "CELL PHONE": Prop.PHONE, "MOBILE PHONE": Prop.PHONE, "SMARTPHONE": Prop.PHONE,
    "PAYPHONE": Prop.PHONE, "RECEIVER": Prop.PHONE, "ANSWERING MACHINE": Prop.PHONE,
    "CUP": Prop.CUP, "MUG": Prop.CUP, "TEACUP": Prop.CUP, "COFFEE CUP": Prop.CUP,
    "DOOR": Prop.DOOR, "DOORWAY": Prop.DOOR, "HATCH": Prop.DOOR, "TRAPDOOR": Prop.DOOR,
    "WINDOW": Prop.WINDOW, "PORTHOLE": Prop.WINDOW, "WINDOWPANE": Prop.WINDOW,
    "LAMP": Prop.LAMP, "LANTERN": Prop.LAMP, "LIGHT BULB": Prop.LAMP, "BULB": Prop.LAMP,
    "GUN": Prop.GUN, "PISTOL": Prop.GUN, "REVOLVER": Prop.GUN, "RIFLE": Prop.GUN,
    "SHOTGUN": Prop.GUN, "HANDGUN": Prop.GUN, "FLARE GUN": Prop.GUN,
    "LETTER": Prop.LETTER, "ENVELOPE": Prop.LETTER, "TELEGRAM": Prop.LETTER,
    "POSTCARD": Prop.LETTER, "NOTE": Prop.LETTER,
    "BOOK": Prop.BOOK, "NOTEBOOK": Prop.BOOK, "DIARY": Prop.BOOK, "JOURNAL": Prop.BOOK,
    "LOGBOOK": Prop.BOOK, "LEDGER": Prop.BOOK, "BIBLE": Prop.BOOK, "NOVEL": Prop.BOOK,
    "BOTTLE": Prop.BOTTLE, "FLASK": Prop.BOTTLE, "WINE BOTTLE": Prop.BOTTLE,
    "GLASS": Prop.GLASS, "WINEGLASS": Prop.GLASS, "WINE GLASS": Prop.GLASS,
    "TUMBLER": Prop.GLASS,
    "KNIFE": Prop.KNIFE, "KNIVES": Prop.KNIFE, "DAGGER": Prop.KNIFE, "SCALPEL": Prop.KNIFE,
    "TABLE": Prop.TABLE, "DESK": Prop.TABLE, "WORKBENCH": Prop.TABLE,
    "CHAIR": Prop.CHAIR, "ARMCHAIR": Prop.CHAIR, "STOOL": Prop.CHAIR,
    "ROCKING CHAIR": Prop.CHAIR,
    "BAG": Prop.BAG, "BACKPACK": Prop.BAG, "HANDBAG": Prop.BAG, "PURSE": Prop.BAG,
    "RUCKSACK": Prop.BAG, "SATCHEL": Prop.BAG, "BRIEFCASE": Prop.BAG, "SUITCASE": Prop.BAG,
    "DUFFEL BAG": Prop.BAG,
    "KEY": Prop.KEY, "KEYRING": Prop.KEY,
    "CANDLE": Prop.CANDLE, "CANDLESTICK": Prop.CANDLE,
    "CLOCK": Prop.CLOCK, "WRISTWATCH": Prop.CLOCK, "POCKET WATCH": Prop.CLOCK,
    "ALARM CLOCK": Prop.CLOCK,
    "COMPUTER": Prop.COMPUTER, "LAPTOP": Prop.COMPUTER, "MONITOR": Prop.COMPUTER,
    "KEYBOARD": Prop.COMPUTER,
    "TV": Prop.TV, "TELEVISION": Prop.TV, "TV SET": Prop.TV, "TELLY": Prop.TV,
    "BED": Prop.BED, "BUNK": Prop.BED, "COT": Prop.BED, "HOSPITAL BED": Prop.BED,
    "UMBRELLA": Prop.UMBRELLA,
    "FLASHLIGHT": Prop.FLASHLIGHT, "TORCH": Prop.FLASHLIGHT,
    "MAP": Prop.MAP, "CHART": Prop.MAP, "SEA CHART": Prop.MAP,
    "PHOTO": Prop.PHOTO, "PHOTOGRAPH": Prop.PHOTO, "SNAPSHOT": Prop.PHOTO,
    "POLAROID": Prop.PHOTO,
}  # fmt: skip
_PROPS = PhraseTable(PROP_WORDS)


def props_in(text: str) -> list[Prop]:
    """The props an action names, in the order it names them, each once."""
    return props_among(words_of(text))


def props_among(words: list[str]) -> list[Prop]:
    """`props_in` for text already split by screenplay.phrases.words_of."""
    return _PROPS.all_in(words)
