"""geo.resolve_cues: a country's name written as a town's ("a Lebanon woman", "400 Locust St., Lebanon")."""

from __future__ import annotations

import pytest
from conftest import resolve_alone

from geo.gazetteer import Gazetteer
from geo.resolve import resolve_spans
from geo.types import Place

_PLACES = [
    Place("gn:272103", "Lebanon", 33.83, 35.83, "LB", kind="country", population=6_848_925),
    Place("gn:5197159", "Lebanon", 40.341, -76.411, "US", "PA", population=25_771),
    Place("gn:6254927", "Pennsylvania", 40.9, -77.75, "US", "PA", kind="admin1", population=12_702_379),
    Place("gn:614540", "Georgia", 42.0, 43.5, "GE", kind="country", population=3_731_000),
    Place("gn:4197000", "Georgia", 32.75, -83.5, "US", "GA", kind="admin1", population=9_687_653),
    Place("gn:5234480", "Georgia", 44.73, -73.12, "US", "VT", population=4_515),
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_places(_PLACES)


@pytest.mark.parametrize(
    "text, name, place_id",
    [
        ("The Lebanon resident was flown to a hospital after the crash.", "Lebanon", "gn:5197159"),
        ("Police said a Lebanon woman was charged on Friday.", "Lebanon", "gn:5197159"),
        ("Services will be held at 508 Cumberland St., Lebanon, on Friday.", "Lebanon", "gn:5197159"),
        # negative: the country, in a story about it
        ("Troops crossed into Lebanon on Friday, officials said.", "Lebanon", "gn:272103"),
        # negative: a name that is a state's too is no town's for it ("a Georgia man"; "!": not this place)
        ("Police said a Georgia man was charged on Friday.", "Georgia", "!gn:5234480"),
    ],
)
def test_a_countrys_name_as_a_towns(gaz: Gazetteer, text: str, name: str, place_id: str) -> None:
    t = resolve_alone(text, name, gaz)
    assert t.place is not None
    assert t.place.id != place_id[1:] if place_id.startswith("!") else t.place.id == place_id


@pytest.mark.realdata
@pytest.mark.parametrize(
    "text, name, country",
    [
        ("He fought for the end of Austro-Hungarian rule in Bosnia.", "Austro", "AT"),
        ("The Sino-Japanese talks resumed on Monday.", "Sino", "CN"),
    ],
)
def test_a_combining_form_is_its_country(text: str, name: str, country: str) -> None:
    start = text.index(name)
    (t,) = resolve_spans(text, [(start, start + len(name))], Gazetteer.load())
    assert t.place is not None and (t.place.country_code, t.place.kind) == (country, "country")


_RICHMONDS = [
    Place("gn:4781708", "Richmond", 37.5538, -77.4603, "US", "VA", population=226_610),
    Place("gn:2639389", "Richmond", 51.4613, -0.3037, "GB", "ENG", population=21_469),
    Place("gn:2635167", "United Kingdom", 54.76, -2.70, "GB", kind="country", population=66_488_991),
    Place("gn:6252001", "United States", 39.76, -98.5, "US", kind="country", population=327_167_434),
]


@pytest.mark.parametrize(
    "text, place_id",
    [
        # the story's own words set it in a country: its currency, its courts
        ("The council said the £2m recycling scheme in Richmond starts in May.", "gn:2639389"),
        ("He appeared at Isleworth Crown Court, accused of a burglary in Richmond.", "gn:2639389"),
        # negative: without them, the larger namesake
        ("The council said the $2m recycling scheme in Richmond starts in May.", "gn:4781708"),
    ],
)
def test_a_countrys_own_words_set_the_story(text: str, place_id: str) -> None:
    start = text.index("Richmond")
    (t,) = resolve_spans(text, [(start, start + len("Richmond"))], Gazetteer.from_places(_RICHMONDS))
    assert t.place is not None and t.place.id == place_id
