"""geo.resolve_spans: a body, building or quarter placed where the text writes its town or the story is."""

from __future__ import annotations

import pytest

from geo.gazetteer import Gazetteer
from geo.resolve import resolve_spans
from geo.types import Place

_PLACES = [
    Place("gn:6252001", "United States", 39.76, -98.5, "US", kind="country", population=327_167_434),
    Place("gn:4736286", "Texas", 31.25, -99.25, "US", "TX", kind="admin1", population=25_145_561),
    Place("gn:6254928", "Virginia", 37.5, -78.9, "US", "VA", kind="admin1", population=8_001_024),
    Place("gn:4717560", "Paris", 33.6609, -95.5555, "US", "TX", population=25_171),
    Place("gn:2988507", "Paris", 48.8534, 2.3488, "FR", "11", population=2_138_551),
    Place("gn:4744091", "Alexandria", 38.8048, -77.0469, "US", "VA", population=159_428),
    Place("gn:4180439", "Atlanta", 33.749, -84.388, "US", "GA", population=498_044),
    Place("gn:4140963", "Washington", 38.895, -77.0366, "US", "DC", population=689_545, capital=True),
    Place("gn:4407066", "St. Louis", 38.6273, -90.1979, "US", "MO", population=279_695),
    Place("gn:9000002", "Bramble", 40.0, -80.0, "US", "PA", population=900),
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_places(_PLACES)


@pytest.mark.parametrize(
    "text, span, place_id",
    [
        # the campus the text names, inside the state the body is named for
        ("She teaches at the University of Texas at Paris these days.", "University of Texas", "gn:4717560"),
        ("A dean at the University of Virginia, Alexandria, spoke.", "University of Virginia", "gn:4744091"),
        # a body named for a town, written in another sizeable town
        (
            "He studied at Washington University in St. Louis for years.",
            "Washington University",
            "gn:4407066",
        ),
        # a building the story would otherwise put at its own town
        ("The gala was at the Qwxyz Hall in Atlanta last week.", "Qwxyz Hall", "gn:4180439"),
        # negative: after a bare comma, a town outside the body's state is a list or a person
        (
            "The University of Virginia, Atlanta and St. Louis all bid.",
            "University of Virginia",
            "gn:6254928",
        ),
        # negative: a hamlet after "in" that lies in no area the story names is no campus
        ("He studied at Washington University in Bramble for years.", "Washington University", "gn:4140963"),
    ],
)
def test_written_town(gaz: Gazetteer, text: str, span: str, place_id: str) -> None:
    start = text.index(span)
    (t,) = resolve_spans(text, [(start, start + len(span))], gaz)
    assert t.place is not None and t.place.id == place_id


_QUARTERS = [
    Place("gn:2186224", "New Zealand", -42.0, 174.0, "NZ", kind="country", population=4_252_277),
    Place("gn:2185128", "North Shore", -36.8, 174.75, "NZ", "E7", population=205_605),
    Place("gn:5206379", "Pittsburgh", 40.4406, -79.9959, "US", "PA", population=304_391),
    Place("gn:6254927", "Pennsylvania", 40.9, -77.75, "US", "PA", kind="admin1", population=12_702_379),
]


@pytest.mark.parametrize(
    "text, names, place_id",
    [
        # a quarter named by its direction is the story's town's, not a namesake town abroad ...
        (
            "Fans filled bars on the North Shore before the game in Pittsburgh.",
            ["North Shore", "Pittsburgh"],
            "gn:5206379",
        ),
        # ... unless the story names that town's country
        (
            "Homes on the North Shore of Auckland, New Zealand, flooded.",
            ["North Shore", "New Zealand"],
            "gn:2185128",
        ),
    ],
)
def test_a_quarter_is_the_storys_town(text: str, names: list[str], place_id: str) -> None:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    t = resolve_spans(text, spans, Gazetteer.from_places(_QUARTERS))[0]
    assert t.place is not None and t.place.id == place_id


def test_a_village_written_with_an_area_that_holds_no_namesake_is_the_area_s() -> None:
    """ "Croft, Yorkshire": the gazetteer's Croft lies elsewhere; the written area holds the village."""
    places = [
        Place("t:qork", "Qorkshire", 54.0, -1.5, "GB", kind="region"),
        Place("t:qroft", "Qroft", 52.56, -1.25, "GB", "ENG", population=1_770),
    ]
    text = "The next round is at Qroft, Qorkshire, in June."
    spans = [
        (text.index("Qroft"), text.index("Qroft") + 5),
        (text.index("Qorkshire"), text.index("Qorkshire") + 9),
    ]
    got = resolve_spans(text, spans, Gazetteer.from_places(places))
    assert got[0].place is not None and got[0].place.id == "t:qork"
