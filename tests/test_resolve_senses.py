"""geo.resolve_rank.share_senses: a name the story writes as a state once is that state when bare."""

from __future__ import annotations

import pytest

from geo.gazetteer import Gazetteer
from geo.resolve import resolve_spans
from geo.types import Place

_PLACES = [
    Place("gn:6252001", "United States", 39.76, -98.5, "US", kind="country", population=327_167_434),
    Place("gn:5815135", "Washington", 47.5, -120.5, "US", "WA", kind="admin1", population=7_535_591),
    Place("gn:4138106", "District of Columbia", 38.91, -77.0, "US", "DC", kind="admin1", population=689_545),
    Place("gn:4140963", "Washington", 38.895, -77.0366, "US", "DC", population=689_545, capital=True),
    Place("gn:5805687", "Olympia", 47.0379, -122.9007, "US", "WA", population=51_609),
    Place("gn:163563", "Syria", 35.0, 38.0, "SY", kind="country", population=22_198_110),
    Place("gn:169388", "Idlib", 35.8, 36.6, "SY", "08", kind="admin1", population=1_500_000),
    Place("gn:169389", "Idlib", 35.9306, 36.6339, "SY", "08", population=128_840),
    Place("t:qcounty", "Qarrow County", 40.9, -72.7, "US", "NY", kind="admin2"),
    Place("t:qtown", "Qarrow", 36.7, -76.6, "US", "VA", population=88_000),
    Place("t:norbeck", "Norbeck", 36.85, -76.29, "US", "VA", population=240_000),
]
_ALT = {
    "gn:169388": ["Idlib", "Idlib Province"],
    "gn:4138106": ["D.C.", "Washington, D.C."],
    "t:qcounty": ["Qarrow"],
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_places(_PLACES, alternate_names=_ALT)


def _resolve(text: str, names: list[str], gaz: Gazetteer) -> dict[tuple[str, int], str]:
    spans, seen = [], 0
    for n in names:
        seen = text.index(n, seen)
        spans.append((seen, seen + len(n)))
        seen += len(n)
    return {
        (t.mention.text, i): t.place.id if t.place else ""
        for i, t in enumerate(resolve_spans(text, spans, gaz))
    }


@pytest.mark.parametrize(
    "text, names, nth, place_id",
    [
        # the dateline writes the state; the capital is written "Washington, D.C."
        (
            "CAMP QWXYZ, Wash. - The team trains at home in Washington and flew to Washington, D.C. once.",
            ["CAMP QWXYZ", "Wash.", "Washington", "Washington"],
            2,
            "gn:5815135",
        ),
        # negative: without the state written, a bare "Washington" is the capital
        (
            "The team trains at home in Washington and flew to Olympia once.",
            ["Washington", "Olympia"],
            0,
            "gn:4140963",
        ),
        # negative: a province with its own town of the name leaves the bare name the town
        (
            "Jets struck Idlib province on Monday, and shells hit Idlib on Tuesday.",
            ["Idlib", "Idlib"],
            1,
            "gn:169389",
        ),
    ],
)
def test_a_state_written_once_settles_the_bare_name(
    gaz: Gazetteer, text: str, names: list[str], nth: int, place_id: str
) -> None:
    got = _resolve(text, names, gaz)
    assert got[(names[nth], nth)] == place_id


@pytest.mark.parametrize(
    "text, names, nth, place_id",
    [
        # a county written in full settles its short name: the local paper, not a town elsewhere
        (
            "Police in Qarrow County searched the woods; Qarrow has had more such cases than Norbeck.",
            ["Qarrow County", "Qarrow", "Norbeck"],
            1,
            "t:qcounty",
        ),
        # negative: without the county written, the town wins on its own
        ("Qarrow has had more such cases than Norbeck.", ["Qarrow", "Norbeck"], 0, "t:qtown"),
    ],
)
def test_a_county_written_once_keeps_its_short_name(
    gaz: Gazetteer, text: str, names: list[str], nth: int, place_id: str
) -> None:
    got = _resolve(text, names, gaz)
    assert got[(names[nth], nth)] == place_id
