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
