"""A name with its kind noun ("Aleppo City") is the name's place, and a part written with its town's
possessive ("Aleppo's historic Old City") is in that town, not at a namesake elsewhere."""

from __future__ import annotations

import re

import pytest

from geo.gazetteer import Gazetteer
from geo.resolve import resolve
from geo.types import Mention, Place

_PLACES = [
    Place("gn:163563", "Syria", 35.0, 38.0, "SY", kind="country", population=22_198_110),
    Place("gn:170063", "Aleppo", 36.2021, 37.1343, "SY", "09", population=1_602_264),
    Place("gn:169389", "Idlib", 35.9306, 36.6339, "SY", "12", population=128_840),
    Place("gn:170654", "Damascus", 33.5102, 36.2913, "SY", "13", population=1_569_394),
    Place("gn:6252001", "United States", 39.76, -98.5, "US", kind="country", population=327_167_434),
    Place("gn:4140963", "Washington", 38.8951, -77.0364, "US", "DC", population=689_545),
    Place("gn:4560349", "Philadelphia", 39.9523, -75.1638, "US", "PA", population=1_567_442),
    Place("gn:4559000", "Old City", 39.9529, -75.1454, "US", "PA", population=6_197),
    Place("gn:3130000", "Alpicat", 41.6667, 0.5565, "ES", "56", population=6_230),
    Place("gn:4273837", "Kansas City", 39.0997, -94.5786, "US", "MO", population=475_378),
    Place("gn:4273857", "Kansas", 38.5, -98.0, "US", "KS", kind="admin1", population=2_913_314),
]
_NAMES = sorted({p.name for p in _PLACES} | {"Aleppo City", "Aleppo's"}, key=len, reverse=True)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_places(_PLACES)


def _mentions(text: str) -> list[Mention]:
    taken: list[Mention] = []
    for name in _NAMES:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(t.start < m.end() and m.start() < t.end for t in taken):
                taken.append(Mention(name, m.start(), m.end()))
    return sorted(taken, key=lambda m: m.start)


_SYRIA = "Syrian jets struck Idlib on Monday. "


@pytest.mark.parametrize(
    "text, name, place_id",
    [
        # "X City" is X, though a looser spelling of the whole is a town elsewhere
        (_SYRIA + "Jets hit eastern Aleppo City.", "Aleppo City", "gn:170063"),
        # a place that goes by the whole name keeps it
        ("Fans in Kansas City and Kansas cheered.", "Kansas City", "gn:4273837"),
        # a part written with its town's possessive is in that town
        (_SYRIA + "Jets also hit Aleppo's historic Old City.", "Old City", "gn:170063"),
        (_SYRIA + "Jets also hit Aleppo's Old City.", "Old City", "gn:170063"),
        # ... and where the possessive town holds the part, it stays there
        ("Tourists walked Philadelphia's Old City.", "Old City", "gn:4559000"),
        # a possessive before a country or a sizeable town is not a part of the owner
        (_SYRIA + "Washington's Damascus policy failed.", "Damascus", "gn:170654"),
        (_SYRIA + "Washington's Syria policy failed.", "Syria", "gn:163563"),
        # no possessive: the name alone
        ("Tourists walked the Old City in Philadelphia.", "Old City", "gn:4559000"),
    ],
)
def test_parts_and_kind_nouns(gaz: Gazetteer, text: str, name: str, place_id: str) -> None:
    mentions = _mentions(text)
    (t,) = [t for t in resolve(text, mentions, gaz) if t.mention.text == name][-1:]
    assert t.place is not None and t.place.id == place_id


@pytest.mark.parametrize(
    "text, place_id",
    [
        # the owner's possessive is not a mention itself: the same name elsewhere stands for it
        (_SYRIA + "Jets hit Aleppo. They also hit Aleppo's historic Old City.", "gn:170063"),
        # a possessive of a name the article never places says nothing
        (_SYRIA + "Jets hit Aleppo. They also hit Smith's historic Old City.", None),
    ],
)
def test_owner_named_elsewhere(gaz: Gazetteer, text: str, place_id: str | None) -> None:
    first = text.index("Aleppo")
    part = text.index("Old City")
    mentions = [Mention("Aleppo", first, first + 6), Mention("Old City", part, part + 8)]
    t = resolve(text, mentions, gaz)[1]
    assert (t.place.id if t.place else None) == place_id
