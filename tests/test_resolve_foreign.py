"""geo.resolve_spans: a small town abroad in a story that keeps to one other country is the story's
own locality (a suburb the gazetteer lacks), not the namesake abroad."""

from __future__ import annotations

import pytest

from geo.gazetteer import Gazetteer
from geo.resolve import resolve_spans
from geo.types import Place

_PLACES = [
    Place("t:za", "South Africa", -29.0, 24.0, "ZA", kind="country", population=57_000_000),
    Place("t:cpt", "Cape Town", -33.92, 18.42, "ZA", "11", population=3_400_000),
    Place("t:stel", "Stellenbosch", -33.93, 18.86, "ZA", "11", population=77_000),
    Place("t:paarl", "Paarl", -33.73, 18.96, "ZA", "11", population=112_000),
    Place("t:wcape", "Western Cape", -33.0, 20.0, "ZA", "11", kind="admin1", population=6_000_000),
    Place("t:nl", "Netherlands", 52.25, 5.75, "NL", kind="country", population=17_000_000),
    Place("t:qelft", "Qelft", 52.01, 4.36, "NL", "11", population=95_000),
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_places(_PLACES)


def _placed(text: str, names: list[str], gaz: Gazetteer) -> dict[str, str]:
    spans, seen = [], 0
    for n in names:
        seen = text.index(n, seen)
        spans.append((seen, seen + len(n)))
        seen += len(n)
    return {t.mention.text: t.place.id if t.place else "" for t in resolve_spans(text, spans, gaz)}


def test_a_small_town_abroad_in_a_one_country_story_is_the_story_s_locality(gaz: Gazetteer) -> None:
    text = (
        "She left Cape Town to live in Qelft, then worked in Stellenbosch and Paarl. "
        "Police in the Western Cape say South Africa has failed her."
    )
    names = ["Cape Town", "Qelft", "Stellenbosch", "Paarl", "Western Cape", "South Africa"]
    assert _placed(text, names, gaz)["Qelft"] == "t:cpt"


def test_a_small_town_abroad_read_by_its_own_bodies_is_still_the_story_s_locality(gaz: Gazetteer) -> None:
    """ "the Delft police station": a town's own body says it is a town, not that it is abroad."""
    text = (
        "She went to the Qelft police station, near Cape Town, then to Stellenbosch and Paarl. "
        "Police in the Western Cape say South Africa has failed her."
    )
    names = ["Qelft", "Cape Town", "Stellenbosch", "Paarl", "Western Cape", "South Africa"]
    assert _placed(text, names, gaz)["Qelft"] == "t:cpt"


def test_a_town_abroad_stays_when_the_story_names_its_country(gaz: Gazetteer) -> None:
    text = (
        "She left Cape Town to live in Qelft in the Netherlands, then worked in Stellenbosch and "
        "Paarl. Police in the Western Cape say South Africa has failed her."
    )
    names = ["Cape Town", "Qelft", "Netherlands", "Stellenbosch", "Paarl", "Western Cape", "South Africa"]
    assert _placed(text, names, gaz)["Qelft"] == "t:qelft"


def test_a_township_read_outside_the_story_s_states_is_the_story_s_locality() -> None:
    """ "Washington Township" in a New Jersey story is one of New Jersey's, not the capital."""
    places = [
        Place("t:nj", "New Jersey", 40.17, -74.5, "US", "NJ", kind="admin1", population=8_900_000),
        Place("t:pat", "Paterson", 40.92, -74.17, "US", "NJ", population=145_000),
        Place("t:dc", "Washington", 38.9, -77.04, "US", "DC", population=690_000, capital=True),
    ]
    gaz = Gazetteer.from_places(places)
    text = "The benefit is on Friday at Seasons restaurant in Washington Township, near Paterson, New Jersey."
    got = _placed(text, ["Seasons restaurant", "Washington Township", "Paterson", "New Jersey"], gaz)
    assert got["Washington Township"] == "t:pat"
    # and a venue written in that township follows it, not the capital its name begins with
    assert got["Seasons restaurant"] == "t:pat"


def test_a_town_that_only_shares_the_span_s_key_far_from_the_story_is_the_story_s_town() -> None:
    """ "Anfield" (a stadium) only folds like Enfield, 280 km from the story's Liverpool."""
    places = [
        Place("t:eng", "England", 52.5, -1.5, "GB", "ENG", kind="admin1", population=55_000_000),
        Place("t:liv", "Liverpool", 53.41, -2.98, "GB", "ENG", population=860_000),
        Place("t:qen", "Qenfield", 51.65, -0.08, "GB", "ENG", population=156_000),
    ]
    gaz = Gazetteer.from_places(places)
    text = "Fans set off fireworks inside Qanfield, Liverpool's ground, and police in England charged three."
    got = _placed(text, ["Qanfield", "Liverpool", "England"], gaz)
    assert got["Qanfield"] == "t:liv"


def test_a_small_town_far_outside_the_story_s_state_is_a_venue_of_the_story_s_town() -> None:
    """A park named like a Pennsylvania borough of 13,000 in a New Orleans story is the park."""
    places = [
        Place("t:la", "Louisiana", 31.0, -92.0, "US", "LA", kind="admin1", population=4_600_000),
        Place("t:nola", "New Orleans", 29.95, -90.07, "US", "LA", population=390_000),
        Place("t:wsq", "Qashington Square", 39.95, -75.16, "US", "PA", population=13_400),
    ]
    gaz = Gazetteer.from_places(places)
    text = "The grand avenue had an adjacent park (Qashington Square) in New Orleans, Louisiana."
    got = _placed(text, ["Qashington Square", "New Orleans", "Louisiana"], gaz)
    assert got["Qashington Square"] == "t:nola"


def test_a_common_word_after_the_is_the_story_s_ground_not_a_town_so_named() -> None:
    """ "atop the Mesa" in a Santa Barbara story is a neighbourhood there, not Mesa, Arizona."""
    places = [
        Place("t:sb", "Santa Barbara", 34.42, -119.7, "US", "CA", population=90_000),
        Place("t:mesa", "Mesa", 33.42, -111.82, "US", "AZ", population=470_000),
    ]
    gaz = Gazetteer.from_places(places)
    text = "From her home in Santa Barbara, atop the Mesa, she hosted a tasting."
    got = _placed(text, ["Santa Barbara", "Mesa"], gaz)
    assert got["Mesa"] == "t:sb"


def test_a_stray_village_in_a_state_the_story_does_not_name_is_a_venue_though_its_country_is_named() -> None:
    """ "America" in a South Carolina story does not make a Florida village of 5,700 the story's."""
    places = [
        Place("t:usa", "United States", 39.76, -98.5, "US", kind="country", population=327_000_000),
        Place("t:sc", "South Carolina", 34.0, -81.0, "US", "SC", kind="admin1", population=5_000_000),
        Place("t:gc", "Garden City", 33.59, -79.0, "US", "SC", population=9_000),
        Place("t:qs", "Qurfside", 25.88, -80.13, "US", "FL", population=5_700),
    ]
    gaz = Gazetteer.from_places(places)
    text = (
        "Across America the homeless struggle. In Garden City, South Carolina, he moved to the Qurfside area."
    )
    got = _placed(text, ["America", "Garden City", "South Carolina", "Qurfside"], gaz)
    assert got["Qurfside"] == "t:gc"


def test_a_venue_goes_to_a_town_in_the_state_the_story_names_not_one_its_country_holds() -> None:
    """ "America" named once does not make a Charlotte aside as likely a home for a street as the
    South Carolina town the story is about."""
    places = [
        Place("t:usa", "United States", 39.76, -98.5, "US", kind="country", population=327_000_000),
        Place("t:sc", "South Carolina", 34.0, -81.0, "US", "SC", kind="admin1", population=5_000_000),
        Place("t:gc", "Garden City", 33.59, -79.0, "US", "SC", population=9_000),
        Place("t:ch", "Charlotte", 35.23, -80.84, "US", "NC", population=900_000),
    ]
    gaz = Gazetteer.from_places(places)
    text = (
        "In Garden City, South Carolina, a man sleeps rough. Across America the homeless struggle. "
        "He left Charlotte for a bench on Qatlantic Avenue."
    )
    got = _placed(text, ["Garden City", "South Carolina", "America", "Charlotte", "Qatlantic Avenue"], gaz)
    assert got["Qatlantic Avenue"] == "t:gc"
