"""geo.resolve_lookup: a name written with "Saint", "Mount", "Fort" finds a place indexed as
"St.", "Mt.", "Ft." (and back), before any looser spelling is tried."""

from __future__ import annotations

import pytest

from geo.gazetteer import Gazetteer
from geo.resolve import resolve_spans
from geo.types import Place

_PLACES = [
    Place("t:county", "St. Qroix County", 45.03, -92.45, "US", "WI", kind="admin2"),
    Place("t:mount", "Mount Qernon", 40.91, -73.84, "US", "NY", population=68_000),
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_places(_PLACES)


@pytest.mark.parametrize(
    "text, name, place_id",
    [
        ("The trial moved to Saint Qroix County after the publicity.", "Saint Qroix County", "t:county"),
        ("She grew up in Mt. Qernon before the war.", "Mt. Qernon", "t:mount"),
    ],
)
def test_abbreviated_words_are_respelt(gaz: Gazetteer, text: str, name: str, place_id: str) -> None:
    start = text.index(name)
    (t,) = resolve_spans(text, [(start, start + len(name))], gaz)
    assert t.place is not None and t.place.id == place_id


def test_an_airport_s_own_name_is_its_primary_name() -> None:
    """ "Heathrow" is London Heathrow Airport's own name once its town and airport words are dropped."""
    places = [
        Place("t:us", "United States", 39.76, -98.5, "US", kind="country", population=327_000_000),
        Place("t:air", "Qondon Qeathrow Airport", 51.47, -0.46, "GB", "ENG", kind="feature"),
        Place("t:town", "Qeathrow", 28.76, -81.37, "US", "FL", population=5_900),
        Place("t:qondon", "Qondon", 52.0, -0.13, "GB", "ENG", population=8_900_000),
        Place("t:kc", "Qansas City", 39.1, -94.58, "US", "MO", population=500_000),
    ]
    gaz = Gazetteer.from_places(places, alternate_names={"t:air": ["Qeathrow"]})
    text = "U.S. pets fly from Qansas City to Qondon, and millions of fish pass through Qeathrow."
    spans = []
    for name in ("U.S.", "Qansas City", "Qondon", "Qeathrow"):
        start = text.index(name)
        spans.append((start, start + len(name)))
    got = resolve_spans(text, spans, gaz)
    assert got[3].place is not None and got[3].place.id == "t:air"
