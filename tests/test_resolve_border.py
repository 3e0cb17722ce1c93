"""geo.resolve_cues: a name before "border" or "state line" is the area's ("the New York border")."""

from __future__ import annotations

import pytest
from conftest import resolve_alone

from geo.gazetteer import Gazetteer
from geo.types import Place

_PLACES = [
    Place("gn:5128638", "New York", 43.0, -75.5, "US", "NY", kind="admin1", population=19_274_244),
    Place("gn:5128581", "New York", 40.714, -74.006, "US", "NY", population=8_175_133),
    Place("gn:9000010", "Qwxabad", 36.7, 38.9, "SY", "09", population=60_000),
    Place("gn:9000011", "Qwxabad", 36.5, 39.0, "SY", "09", kind="admin1", population=180_000),
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_places(_PLACES)


@pytest.mark.parametrize(
    "text, name, place_id",
    [
        ("The crash closed the road near the New York border on Friday.", "New York", "gn:5128638"),
        ("Exit 6 lies a mile from the New York state line.", "New York", "gn:5128638"),
        ("Traffic backed up toward the Qwxabad border for hours.", "Qwxabad", "gn:9000011"),
        # negative: a crossing or a town at the border is the town's
        ("Trucks waited at the Qwxabad border crossing for hours.", "Qwxabad", "gn:9000010"),
        ("She moved to New York last year.", "New York", "gn:5128581"),
    ],
)
def test_a_border_is_the_areas(gaz: Gazetteer, text: str, name: str, place_id: str) -> None:
    t = resolve_alone(text, name, gaz)
    assert t.place is not None and t.place.id == place_id
