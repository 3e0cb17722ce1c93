"""Unlocated places: a listed village no gazetteer holds, kept at the area or governorate its clause
or list header names (basis "unlocated"), and nothing else.

Short sentences written for these tests, run through the real spaCy model over a small in-memory
gazetteer that holds the containers and one known village, but none of the listed villages.
"""

from __future__ import annotations

import pytest

from geo.gazetteer import Gazetteer
from geo.mentions import load_nlp
from geo.pipeline import Pipeline
from geo.registry import load_registry
from geo.types import Article, Place

PLACES = (
    Place("country:SY", "Syria", 35.0, 38.0, "SY", kind="country"),
    Place("admin1:SY-HM", "Hama", 35.2, 37.0, "SY", "10", kind="admin1"),
    Place("admin1:SY-ID", "Idlib", 35.8, 36.6, "SY", "12", kind="admin1"),
    Place("admin1:SY-DY", "Deir ez-Zor", 35.27, 40.24, "SY", "07", kind="admin1"),
    Place("gn:170063", "Hama", 35.13179, 36.75783, "SY", "10", population=696_863),
    Place("gn:169388", "Idlib", 35.93062, 36.63393, "SY", "12", population=128_840),
    Place("gn:170794", "Deir ez-Zor", 35.33588, 40.14084, "SY", "07", population=271_800),
    Place("gn:172994", "Ariha", 35.81, 36.61, "SY", "12", population=40_000),
    Place("sup:latamneh", "Latamneh", 35.321, 36.621, "SY", "10"),
    Place("gn:163779", "Talbiseh", 34.84072, 36.73092, "SY", "11", population=38_491),
    Place("gn:169577", "Homs", 34.72405, 36.72559, "SY", "11", population=775_404),
    # a namesake abroad of a village in the tests: what a looser spelling match may pick
    Place("gn:5372253", "Mrashdeh", 40.0, -100.0, "US", "KS", population=900),
    # a hamlet abroad under a village's own name: the resolver leaves it unresolved as a stray
    Place("gn:2000001", "Tell Bazam", 38.0, 23.0, "GR", "01", population=800),
)
ALTERNATES = {
    "admin1:SY-HM": ["Hama Governorate", "Hama Province"],
    "admin1:SY-ID": ["Idlib Governorate", "Idlib Province"],
    "admin1:SY-DY": ["Deir Ezzor Province", "Deir Ezzor Governorate"],
    "gn:170794": ["Deir Ezzor"],
}


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(load_nlp(), Gazetteer.from_places(PLACES, ALTERNATES), load_registry())


def placed(pipe: Pipeline, text: str) -> dict[str, tuple[str, str, str]]:
    """name as written -> (basis, precision, place id) of every target place."""
    claims = pipe.claims(Article(id="t.txt", title="", text=text, published="2015-10-01"))
    return {
        p.toponym.mention.text: (p.basis, p.toponym.precision, p.toponym.place.id)
        for c in claims
        for p in c.places
        if p.role == "target" and p.toponym.place is not None
    }


HAMA, IDLIB, ARIHA = "admin1:SY-HM", "admin1:SY-ID", "gn:172994"


@pytest.mark.parametrize(
    "text, name, expected",
    [
        # a monitor's list in a governorate's countryside: at that part of the governorate
        (
            "Warplanes struck the villages of Um Zaytouna, al-Qasabiyeh and Tell Sikkin in the northern "
            "countryside of Hama.",
            "al-Qasabiyeh",
            ("unlocated", "region", f"unlocated:{HAMA}:"),
        ),
        # state media's "A and B towns in Hama northwestern countryside"
        (
            "Warplanes bombed Zaizoun and Qalidin towns in Hama northwestern countryside.",
            "Qalidin",
            ("unlocated", "region", f"unlocated:{HAMA}:"),
        ),
        # a province: the governorate, drawn as its outline
        (
            "Russian jets bombed the village of Kafr Ouweid in Idlib province.",
            "Kafr Ouweid",
            ("unlocated", "admin1", f"unlocated:{IDLIB}:"),
        ),
        # a list under a province header line
        (
            "Idlib Province:\nThe warplanes carried out raids on areas in the village of Maarzaf.",
            "Maarzaf",
            ("unlocated", "admin1", f"unlocated:{IDLIB}:"),
        ),
        # ... and the governorate that holds the village is struck through it (containment)
        (
            "Idlib Province:\nThe warplanes carried out raids on areas in the village of Maarzaf.",
            "Idlib Province",
            ("container", "admin1", IDLIB),
        ),
        # "X, Idlib": the town that names its governorate stands for the governorate
        (
            "Airstrikes hit the village of Beinin, Idlib.",
            "Beinin",
            ("unlocated", "admin1", f"unlocated:{IDLIB}:"),
        ),
        # "near Y": the area around the town
        (
            "Jets struck the village of Ain Laroz near Ariha.",
            "Ain Laroz",
            ("unlocated", "region", f"unlocated:{ARIHA}:"),
        ),
        # a province the sentence opens with
        (
            "In Hama province, warplanes struck the village of Tell Hawash.",
            "Tell Hawash",
            ("unlocated", "admin1", f"unlocated:{HAMA}:"),
        ),
        # a name listed with a known place, which the model tags as no place
        (
            "Russian jets hit Latamneh and al-Arbaeen in Hama province.",
            "al-Arbaeen",
            ("unlocated", "admin1", f"unlocated:{HAMA}:"),
        ),
        # an "al-" name the model tags as a person, in a list of struck places, is a place of the list
        (
            "Warplanes struck Latamneh, Talbiseh, al-Abzamo, Al-Azamu and Ariha in Hama province.",
            "Al-Azamu",
            ("unlocated", "admin1", f"unlocated:{HAMA}:"),
        ),
        # a known place in the list is skipped on the way to the list's container
        (
            "Warplanes struck Um Zaytouna, Latamneh and Tell Sikkin in Hama province.",
            "Um Zaytouna",
            ("unlocated", "admin1", f"unlocated:{HAMA}:"),
        ),
        # a namesake abroad is no reading of a village its clause puts in a Syrian governorate
        (
            "Warplanes carried out raids on areas in al-Mrashdeh town in the western countryside of "
            "Deir Ezzor.",
            "al-Mrashdeh",
            ("unlocated", "region", "unlocated:"),
        ),
        # a name the gazetteer knows only abroad, which the resolver leaves unresolved, still has the
        # container its clause gives it
        (
            "Warplanes bombed the village of Tell Bazam in the western countryside of Deir Ezzor.",
            "Tell Bazam",
            ("unlocated", "region", "unlocated:"),
        ),
        # a container behind a hyphenated modifier: "in rebel-held Idlib"
        (
            "Strikes hit a district of the town of Maarzaf in rebel-held Idlib, the monitor said.",
            "Maarzaf",
            ("unlocated", "region", "unlocated:"),
        ),
        # the same name placed elsewhere in the article, when its own clause gives no container
        (
            "Strikes hit the town of Maarzaf in rebel-held Idlib. Several houses in Maarzaf were hit.",
            "Maarzaf",
            ("unlocated", "region", "unlocated:"),
        ),
        # "the northern countryside" and "In the eastern countryside," go back to the governorate
        # named before, in another paragraph too
        (
            "Jets pounded the countryside of Hama province.\n\nWarplanes also hit the villages of "
            "al-Qasabiyeh and Um Zaytouna in the northern countryside.",
            "al-Qasabiyeh",
            ("unlocated", "admin1", f"unlocated:{HAMA}:"),
        ),
        (
            "Jets pounded the countryside of Hama province.\n\nIn the eastern countryside, warplanes "
            "raided the villages of Um Zaytouna and al-Qasabiyeh.",
            "al-Qasabiyeh",
            ("unlocated", "admin1", f"unlocated:{HAMA}:"),
        ),
        # with no area named before, such a countryside holds nothing
        (
            "In the eastern countryside, warplanes raided the villages of Um Zaytouna and al-Qasabiyeh.",
            "al-Qasabiyeh",
            None,
        ),
        # the place a list is given as belonging to: "Idlib's A, B and C districts"
        (
            "Local sources said Russian planes attacked Idlib's Bebile, Temena, Maaret Hurma and Meriyen "
            "districts.",
            "Temena",
            ("unlocated", "admin1", f"unlocated:{IDLIB}:"),
        ),
        # a listed name the mention finder missed is read as the gazetteer spells it in the country
        # the article's places lie in
        (
            "Besides its raids over Idlib, the air force is also striking the al-Qaeda-held cities of "
            "Latamneh, Kafr Nabl, Sarmeen and Ariha, and other areas.",
            "Ariha",
            ("explicit", "point", ARIHA),
        ),
        # a known village resolves as it always did
        (
            "Russian jets struck the village of Latamneh in Hama province.",
            "Latamneh",
            ("explicit", "point", "sup:latamneh"),
        ),
        # a person's name in a list of places
        ("Russian jets struck Ariha, Latamneh and Joseph Haddad in Hama province.", "Joseph Haddad", None),
        # armed groups and units
        (
            "Warplanes struck the villages of Um Zaytouna, Liwa al-Haqq and Tell Sikkin in Hama province.",
            "Liwa al-Haqq",
            None,
        ),
        ("Warplanes hit positions of Liwa al-Haq in the northern countryside of Hama.", "Liwa al-Haq", None),
        # a title, a unit, a medium the registry knows, English words
        (
            "Warplanes struck the villages of Um Zaytouna and Gen. Hassan in Hama province.",
            "Gen. Hassan",
            None,
        ),
        (
            "Warplanes struck the villages of Um Zaytouna and Hamdan Brigade in Hama province.",
            "Hamdan Brigade",
            None,
        ),
        (
            "Warplanes struck the villages of Um Zaytouna and Nour al-Din al-Zenki in Hama province.",
            "Nour al-Din al-Zenki",
            None,
        ),
        ("Russian jets hit Latamneh and Monday Market in Hama province.", "Monday Market", None),
        # an acronym
        ("Warplanes struck the villages of Um Zaytouna and HTS in Hama province.", "HTS", None),
        # no container in the clause, no header
        (
            "Warplanes struck the villages of Um Zaytouna and al-Qasabiyeh, activists said.",
            "Um Zaytouna",
            None,
        ),
        # a list with no container of its own is in the governorate the text was just speaking of
        (
            "Russian aircraft entered the fighting in the southern Idlib countryside yesterday. The "
            "bombing hit the villages of (Kadar, al-Wudayhi, Huwayr) and several other sites.",
            "al-Wudayhi",
            ("unlocated", "region", f"unlocated:{IDLIB}:"),
        ),
        # but not one spoken of long before
        (
            "Russian aircraft entered the fighting in the southern Idlib countryside yesterday. "
            + "The offensive has gone on for days, and the front has moved back and forth many times. " * 8
            + "The bombing hit the villages of (Kadar, al-Wudayhi, Huwayr) and several other sites.",
            "al-Wudayhi",
            None,
        ),
        # a country is no container
        ("Jets hit the village of Um Zaytouna in Syria.", "Um Zaytouna", None),
        # "A and the town of B": B is the list going on, not where A is
        ("Warplanes struck the village of Bsanqoul and the city of Idlib.", "Bsanqoul", None),
        # two places after "near": which holds the village is not said
        ("Warplanes struck the villages of Um Zaytouna and Maarzaf near Hama and Idlib.", "Maarzaf", None),
        # the speakers' village is no target
        (
            "Activists in the village of Kafr Ouweid in Idlib province said jets struck Ariha.",
            "Kafr Ouweid",
            None,
        ),
    ],
)
def test_unlocated_place(pipe: Pipeline, text: str, name: str, expected: tuple[str, str, str] | None) -> None:
    got = placed(pipe, text).get(name)
    if expected is None:
        assert got is None
        return
    assert got is not None
    basis, precision, place_id = got
    assert (basis, precision) == expected[:2]
    assert place_id.startswith(expected[2])


def test_a_village_told_of_right_after_a_struck_town_is_in_its_governorate(pipe: Pipeline) -> None:
    text = (
        "Russian jets struck the town of Ariha on Monday, activists said. Another civilian was killed "
        "in a similar raid on the village of Kafr Blayfoun."
    )
    found = placed(pipe, text)
    assert found["Kafr Blayfoun"][:2] == ("unlocated", "admin1")
    assert found["Kafr Blayfoun"][2].startswith(f"unlocated:{IDLIB}:")
