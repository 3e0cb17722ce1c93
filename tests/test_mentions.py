"""Recognition: sentences -> the place names found, with the look-alikes that must stay out."""

from __future__ import annotations

import pytest

from geo.gazetteer import Gazetteer
from geo.mentions import find_mentions, load_nlp
from geo.types import Place

PLACES = (
    Place("country:SY", "Syria", 35.0, 38.0, "SY", kind="country"),
    Place("country:NO", "Norway", 61.0, 8.0, "NO", kind="country"),
    Place("country:US", "United States", 39.8, -98.6, "US", kind="country"),
    Place("gn:169577", "Homs", 34.72405, 36.72559, "SY", "11", population=775_404),
    Place("gn:170063", "Hama", 35.13179, 36.75783, "SY", "10", population=696_863),
    Place("gn:163779", "Tallbīsah", 34.84072, 36.73092, "SY", "11", population=38_491),
    Place("gn:172946", "Ar Rastan", 34.92667, 36.73241, "SY", "11", population=53_152),
    Place("gn:3143244", "Oslo", 59.91, 10.75, "NO", "12", population=580_000),
    Place("sup:kafr-zita", "Kafr Zita", 35.374, 36.603, "SY", "10"),
    Place("sup:ghab", "Ghab plain", 35.6, 36.35, "SY", kind="feature"),
    Place("gn:000001", "Lavrov", 50.0, 40.0, "RU", population=600),  # a namesake village
)
ALTERNATES = {
    "gn:163779": ["Talbiseh", "Talbisah"],
    "gn:172946": ["Rastan"],
    "sup:ghab": ["Ghab", "al-Ghab"],
    "country:US": ["US", "U.S."],
}


@pytest.fixture(scope="module")
def found():
    nlp, gaz = load_nlp(), Gazetteer.from_places(PLACES, ALTERNATES)

    def run(text: str) -> list[str]:
        return [m.text for m in find_mentions(nlp(text), gaz)]

    return run


@pytest.mark.parametrize(
    "text, expected",
    [
        # spaCy calls Talbiseh an organisation and Kafr Zita a person; the gazetteer corrects it
        (
            "Khaled Khoja said at the UN that Russian airstrikes in four areas, including Talbiseh, "
            "killed 36.",
            ["Talbiseh"],
        ),
        ("Activists said jets struck Kafr Zita and Hama on Thursday.", ["Kafr Zita", "Hama"]),
        (
            "Government forces shelled positions near Talbisah and Rastan in the Homs countryside.",
            ["Talbisah", "Rastan", "Homs"],
        ),
        ("An activist in the Ghab plain spoke by telephone.", ["Ghab"]),
        # look-alikes: demonyms, organisations containing a place, armed groups, people
        ("The Syrian Observatory for Human Rights said Syrian troops advanced.", []),
        ("Pavel Baev, research director at the Peace Research Institute Oslo, said so.", []),
        ("His group counts itself as part of the Free Syrian Army.", []),
        ("Russia says it is fighting Islamic State.", ["Russia"]),
        ("Lavrov said the strikes were precise.", []),
        # possessives keep only the place; "U.S.-led" is no fuzzy place
        ("The U.S.-led coalition has bombed Syria's east.", ["Syria"]),
    ],
)
def test_mentions(found, text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_offsets_point_at_the_name(found) -> None:
    nlp, gaz = load_nlp(), Gazetteer.from_places(PLACES, ALTERNATES)
    text = "Jets struck Talbiseh, north of Homs."
    for m in find_mentions(nlp(text), gaz):
        assert text[m.start : m.end] == m.text
