"""geo.resolve_strays: a name read only as a small foreign namesake that the story does not back is
left unresolved (or given its backed reading); real foreign places a story names still resolve."""

from __future__ import annotations

import re

import pytest

from geo.gazetteer import Gazetteer
from geo.resolve import resolve, resolve_spans
from geo.types import Mention, Place

_PLACES = [
    Place("gn:163563", "Syria", 35.0, 38.0, "SY", kind="country", population=22_198_110),
    Place("gn:170063", "Aleppo", 36.2021, 37.1343, "SY", "09", population=1_602_264),
    Place("gn:169389", "Idlib", 35.9306, 36.6339, "SY", "12", population=128_840),
    Place("gn:170017", "Tadmur", 34.5604, 38.2805, "SY", "11", population=51_015),
    Place("gn:6252001", "United States", 39.76, -98.5, "US", kind="country", population=327_167_434),
    Place("gn:5128581", "New York City", 40.7143, -74.006, "US", "NY", population=8_804_190),
    Place("gn:5206300", "Palmyra", 40.0, -76.6, "US", "PA", population=7_451),
    Place("gn:2658434", "Switzerland", 47.0, 8.0, "CH", kind="country", population=8_516_543),
    Place("gn:2660646", "Geneva", 46.2022, 6.1457, "CH", "GE", population=183_981),
    Place("gn:798549", "Romania", 46.0, 25.0, "RO", kind="country", population=19_473_936),
    Place("gn:683506", "Bucharest", 44.4323, 26.1063, "RO", "10", population=1_877_155),
    Place("gn:665100", "Tabara", 47.2, 27.3, "RO", "22", population=1_010),
    Place("gn:357994", "Egypt", 27.0, 30.0, "EG", kind="country", population=98_423_595),
    Place("gn:359000", "Al Husayniyah", 30.86, 31.92, "EG", "03", population=50_651),
]
_ALT = {
    "gn:5128581": ["New York"],
    "gn:170017": ["Palmyra"],
    "gn:359000": ["Husseiniya"],
}
_NAMES = sorted({n for p in _PLACES for n in (p.name, *_ALT.get(p.id, ()))}, key=len, reverse=True)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_places(_PLACES, alternate_names=_ALT)


def _mentions(text: str) -> list[Mention]:
    """Every fixture name in `text`, longest first and without overlaps, as the recogniser gives them."""
    taken: list[Mention] = []
    for name in _NAMES:
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(t.start < m.end() and m.start() < t.end for t in taken):
                taken.append(Mention(name, m.start(), m.end()))
    return sorted(taken, key=lambda m: m.start)


_SYRIA = "Syrian jets struck Aleppo and Idlib on Monday, and Syria said Aleppo and Idlib were quiet later. "


@pytest.mark.parametrize(
    "text, name, place_id",
    [
        # a small namesake abroad, far from every place of a story about another country: none
        (_SYRIA + "Jets also hit the village of Tabara.", "Tabara", None),
        (_SYRIA + "Jets also hit Husseiniya.", "Husseiniya", None),
        # ... or the name's reading the story backs, when it has one
        (_SYRIA + "Jets also hit Palmyra.", "Palmyra", "gn:170017"),
        # a country the story mentions in passing does not back a hamlet in it
        (_SYRIA + "A spokesman in New York spoke of Tabara and Palmyra.", "Palmyra", "gn:170017"),
        # real foreign places a story names still resolve: big enough, spelt as written
        (_SYRIA + "Talks in Geneva went on.", "Geneva", "gn:2660646"),
        (_SYRIA + "A speaker in New York said so.", "New York", "gn:5128581"),
        # the hamlet in a story about its own country, or written with its container
        (
            "Romania's farmers in Tabara and Bucharest met. Romania and Bucharest agreed.",
            "Tabara",
            "gn:665100",
        ),
        (_SYRIA + "He was born in Tabara, Romania.", "Tabara", "gn:665100"),
        # a story with no other place to weigh it against keeps it
        ("Farmers met in Tabara on Monday.", "Tabara", "gn:665100"),
        ("Crowds gathered in Husseiniya.", "Husseiniya", "gn:359000"),
    ],
)
def test_stray_foreign_namesake(gaz: Gazetteer, text: str, name: str, place_id: str | None) -> None:
    mentions = _mentions(text)
    (t,) = [t for t in resolve(text, mentions, gaz) if t.mention.text == name][-1:]
    assert (t.place.id if t.place else None) == place_id


def test_given_spans_keep_their_own_fallbacks(gaz: Gazetteer) -> None:
    """The benchmarks' spans are places: the stray step (unresolved) is the claims pipeline's only;
    a given span gets the story's locality instead (tests/test_resolve_foreign.py)."""
    text = _SYRIA + "Jets also hit Husseiniya."
    start = text.index("Husseiniya")
    spans = [(m.start, m.end) for m in _mentions(text)]
    (t,) = [t for t in resolve_spans(text, spans, gaz) if t.mention.start == start]
    assert t.place is not None and t.place.country_code == "SY"


def test_a_province_is_no_small_foreign_namesake() -> None:
    # a story datelined abroad names a province of the war's country by a looser spelling: the
    # gazetteer gives a province no population, but it is no small stray
    places = [
        Place("gn:2017370", "Russia", 60.0, 100.0, "RU", kind="country", population=140_702_000),
        Place("gn:524901", "Moscow", 55.75, 37.62, "RU", "48", population=10_381_222),
        Place("gn:170792", "Dayr az Zawr", 35.0, 40.5, "SY", "05", kind="admin1"),
        Place("gn:170794", "Deir ez-Zor", 35.33, 40.14, "SY", "05", population=242_565),
    ]
    gaz = Gazetteer.from_places(places)
    text = "Moscow, 26 January. Russian aircraft attacked bands close to the Syrian province of Deir Ezzor."
    mentions = [Mention(n, text.index(n), text.index(n) + len(n)) for n in ("Moscow", "Deir Ezzor")]
    province = resolve(text, mentions, gaz)[1]
    assert province.place is not None and province.place.kind == "admin1"


def test_a_looser_spellings_reading_abroad_is_a_guess_however_large() -> None:
    # "Khirbet" (a ruin, the first word of many a village's name) is Kiribati only by a looser
    # spelling: a country abroad that nothing in the story backs makes no such guess a place
    gaz = Gazetteer.from_places(
        [*_PLACES, Place("gn:4030945", "Kiribati", 1.42, 173.0, "KI", kind="country", population=115_847)],
        alternate_names=_ALT,
    )
    assert [c.place.name for c in gaz.candidates("Khirbet", limit=5)] == ["Kiribati"]
    text = _SYRIA + "Jets also hit Khirbet Has."
    mentions = [*_mentions(text), Mention("Khirbet", text.index("Khirbet"), text.index("Khirbet") + 7)]
    (t,) = [
        t for t in resolve(text, sorted(mentions, key=lambda m: m.start), gaz) if t.mention.text == "Khirbet"
    ]
    assert t.place is None
