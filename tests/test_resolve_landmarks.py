"""Landmarks news writes for an institution ("Congress", "Broadway"): supplement rows, read in context."""

from __future__ import annotations

import pytest
from conftest import resolve_alone

from geo.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def real_gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.realdata
@pytest.mark.parametrize(
    "text, name, country, kind",
    [
        # the institution's seat, not the Arizona or Virginia hamlet of the same name
        ("The senator will testify before Congress next week.", "Congress", "US", "feature"),
        ("She starred on Broadway before the film role.", "Broadway", "US", "feature"),
        ("Ministers at Holyrood rejected the budget.", "Holyrood", "GB", "feature"),
        # negative: a town's own name written with its state stays that town
        ("He grew up in Broadway, Virginia, near the river.", "Broadway", "US", "populated_place"),
    ],
)
def test_landmark_for_an_institution(
    real_gaz: Gazetteer, text: str, name: str, country: str, kind: str
) -> None:
    t = resolve_alone(text, name, real_gaz)
    assert t.place is not None
    assert (t.place.country_code, t.place.kind) == (country, kind)


@pytest.mark.realdata
@pytest.mark.parametrize(
    "text, name, kind",
    [
        # seas, lakes, ranges and regions news names, not a hamlet or a fuzzy county
        ("Warships patrolled the South China Sea on Monday.", "South China Sea", "feature"),
        ("Tourists floated in the Dead Sea last summer.", "Dead Sea", "feature"),
        ("The mayor went sailing on Lake Ontario in rough waters.", "Lake Ontario", "feature"),
        ("Farm incomes fell across the Midwest this year.", "Midwest", "region"),
        ("Nomads crossed the Sahara in winter.", "Sahara", "region"),
        # negative: the hamlet written with its state stays the hamlet
        ("He grew up in North Sea, New York, near the beach.", "North Sea", "populated_place"),
    ],
)
def test_a_sea_or_region_news_names(real_gaz: Gazetteer, text: str, name: str, kind: str) -> None:
    t = resolve_alone(text, name, real_gaz)
    assert t.place is not None and t.place.kind == kind


@pytest.mark.realdata
@pytest.mark.parametrize(
    "text, name, near",
    [
        # a university's campus, not the state it is named for nor the story's nearest town
        (
            "The forecast, said a scientist at Colorado State University, was grim.",
            "Colorado State University",
            (40.59, -105.08),
        ),
        (
            "Economists at Cornell University doubt the tariffs will work.",
            "Cornell University",
            (42.44, -76.50),
        ),
        (
            "A law professor at Witwatersrand University disagreed.",
            "Witwatersrand University",
            (-26.20, 28.04),
        ),
    ],
)
def test_a_university_is_at_its_campus(
    real_gaz: Gazetteer, text: str, name: str, near: tuple[float, float]
) -> None:
    from geo.geodesy import haversine_km

    t = resolve_alone(text, name, real_gaz)
    assert t.lat is not None and t.lon is not None
    assert haversine_km(t.lat, t.lon, *near) < 50
