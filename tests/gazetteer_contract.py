"""The gazetteer's contract, run against every store (as geopy's geocoders share one test base):
the same fixture, with the ids production uses (`gn:<geonameid>`, `country:<CC>`, `admin1:<CC>-<ISO>`,
`admin2:US-<ST>-<slug>`, `sup:<cc>:<slug>`), in the in-memory store and in a SQLite index built by the
real builder, must answer every question alike. A subclass says how to make its gazetteer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TINY_ALTERNATES, TINY_PLACES

from geo.errors import PlacesFileError
from geo.gazetteer import Gazetteer
from geo.types import Place

COUNTY_PLACES = (
    Place("admin2:US-KY-laurel-county", "Laurel County", 37.11, -84.12, "US", "KY", kind="admin2"),
    Place("gn:4297983", "Laurel", 39.099, -76.848, "US", "MD", population=25_115, geonameid=4297983),
    Place("admin2:US-NJ-union-county", "Union County", 40.66, -74.30, "US", "NJ", kind="admin2"),
    Place("gn:2955817", "Apen", 53.22, 7.81, "DE", "06", population=11_000, geonameid=2955817),
    Place("gn:2749553", "Oosseld", 51.86, 6.44, "NL", "03", population=500, geonameid=2749553),
)
COUNTY_ALTERNATES = {
    "admin2:US-KY-laurel-county": ["Laurel Co.", "Laurel"],
    "admin2:US-NJ-union-county": ["Union Co.", "Union"],
    "gn:2955817": ["Aap"],  # the same key as "AP"
}
PLACES = (*TINY_PLACES, *COUNTY_PLACES)
ALTERNATES = {**TINY_ALTERNATES, **COUNTY_ALTERNATES}

GOOD_CSV = """name,alternate_names,lat,lon,country,kind,source
Tell Ghazal,Tal Ghazal|Tel Ghazal,35.05,36.82,SY,populated_place,my own survey
Qasr al-Hayr,,34.39,37.60,SY,feature,
"""


class GazetteerContract:
    """What every gazetteer answers, whichever store holds its places."""

    @staticmethod
    def make(places: tuple[Place, ...], alternates: dict[str, list[str]], where: Path) -> Gazetteer:
        raise NotImplementedError

    @pytest.fixture(scope="class")
    @classmethod
    def gaz(cls, tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
        return cls.make(PLACES, ALTERNATES, tmp_path_factory.mktemp("gazetteer"))

    @pytest.mark.parametrize(
        "name, country, expected_id, match",
        [
            ("Talbiseh", "SY", "gn:173334", "exact"),
            ("Talbisah", "SY", "gn:173334", "exact"),
            ("Tall Bisah", "SY", "gn:173334", "exact"),
            ("Telbisa", "SY", "gn:173334", "exact"),
            ("Homs", "SY", "gn:169577", "exact"),  # the city before its same-named governorate
            ("Hims", None, "gn:169577", "exact"),
            ("Homs Province", "SY", "admin1:SY-HI", "exact"),
            ("Homs Governorate", None, "admin1:SY-HI", "exact"),
            ("Hama", "SY", "gn:170063", "exact"),
            ("Hamah", None, "gn:170063", "exact"),
            ("Idleb", "SY", "gn:169388", "variant"),
            ("Idlib", "SY", "gn:169388", "exact"),
            ("Jisr al-Shughour", "SY", "gn:173730", "exact"),
            ("Maarat al-Numan", "SY", "gn:172515", "exact"),
            ("Ma'arrat an-Nu'man", "SY", "gn:172515", "exact"),
            ("Dayr az-Zawr", "SY", "gn:170794", "exact"),
            ("Raqqa", "SY", "gn:163915", "exact"),
            ("Ar-Raqqah", None, "gn:163915", "exact"),
            ("Lattakia", "SY", "gn:173576", "exact"),
            ("Latamneh", "SY", "sup:sy:latamneh", "exact"),
            ("Lataminah", "SY", "sup:sy:latamneh", "exact"),
            ("Syria", None, "country:SY", "exact"),
            ("Syrian Arab Republic", None, "country:SY", "exact"),
            ("Russian Federation", None, "country:RU", "exact"),
            ("U.S.", None, "country:US", "exact"),
            ("Middle East", None, "sup:xx:middle-east", "exact"),
            ("the Mediterranean", None, None, None),  # "the" is not part of a name; callers strip it
            ("Mediterranean", None, "sup:xx:mediterranean-sea", "exact"),
            ("Latamnehh", "SY", "sup:sy:latamneh", "fuzzy"),  # a typo: only fuzzy finds it
            ("Talbisseh", "SY", "gn:173334", "exact"),
            ("Jisr al-Shugur", "SY", "gn:173730", "variant"),
            ("Latamnah", "SY", "sup:sy:latamneh", "exact"),
        ],
    )
    def test_spelling_resolves(
        self, gaz: Gazetteer, name: str, country: str | None, expected_id: str | None, match: str | None
    ) -> None:
        cands = gaz.candidates(name, country=country)
        if expected_id is None:
            assert all(c.place.id != "sup:xx:mediterranean-sea" or c.match != "exact" for c in cands)
            return
        assert cands, name
        assert cands[0].place.id == expected_id
        assert cands[0].match == match

    @pytest.mark.parametrize(
        "name",
        ["", "   ", "\t", "-", "Homes", "Harm", "Tallies", "Bomb", "Said", "Forces", "Xyzzyville", "Qqqqqq"],
    )
    def test_no_place_for_blank_names_or_english_words(self, gaz: Gazetteer, name: str) -> None:
        assert gaz.candidates(name) == []
        assert gaz.candidates(name, country="SY") == []
        assert gaz.lookup(name) == []

    @pytest.mark.parametrize(
        "text, expected",
        [
            ("Homs", True),
            ("Talbiseh", True),
            ("Idleb", True),  # variant key
            ("Syria", True),
            ("Reading", True),  # an English word, but literally a big city's name
            ("Homes", False),  # variant of Homs, but an English word
            ("Harm", False),
            ("Tallies", False),
            ("Bomb", False),
            ("Said", False),
            ("Forces", False),
            ("", False),
            ("   ", False),
            ("Putin", False),
        ],
    )
    def test_is_name(self, gaz: Gazetteer, text: str, expected: bool) -> None:
        assert gaz.is_name(text) is expected

    def test_ambiguous_name_returns_every_namesake(self, gaz: Gazetteer) -> None:
        ids = {p.id for p in gaz.lookup("Paris")}
        assert ids == {"gn:2988507", "gn:4717560"}
        assert gaz.lookup("Paris")[0].country_code == "FR"  # bigger first
        assert [p.id for p in gaz.lookup("Paris", country="US")] == ["gn:4717560"]
        assert [p.id for p in gaz.lookup("Paris", country="us")] == ["gn:4717560"]
        assert len(gaz.lookup("Springfield")) == 2

    def test_country_restriction_excludes_other_countries(self, gaz: Gazetteer) -> None:
        assert gaz.lookup("Paris", country="SY") == []
        assert all(p.country_code == "SY" for p in gaz.lookup("Homs", country="SY"))

    def test_limit_and_scores(self, gaz: Gazetteer) -> None:
        assert len(gaz.lookup("Homs", limit=1)) == 1
        assert gaz.candidates("Homs", limit=0) == []
        for c in gaz.candidates("Talbiseh"):
            assert 0.0 <= c.score <= 1.0

    def test_fuzzy_needs_length_and_finds_misspellings(self, gaz: Gazetteer) -> None:
        cands = gaz.candidates("Latakiya", country="SY")
        assert cands and cands[0].place.id == "gn:173576"
        # Short names never go fuzzy: "Hom" is not Homs.
        assert gaz.candidates("Hom", country="SY") == []

    def test_helpers(self, gaz: Gazetteer) -> None:
        sy = gaz.country("sy")
        assert sy is not None and sy.kind == "country"
        assert gaz.country("ZZ") is None
        ru = gaz.country_by_name("Russian Federation")
        assert ru is not None and ru.id == "country:RU"
        assert gaz.country_by_name("Homs") is None
        homs = gaz.admin1("SY", "11")
        assert homs is not None and homs.id == "admin1:SY-HI"
        stats = gaz.stats()
        assert stats["total"] == len(gaz) > 20
        assert stats["country"] == 3

    @pytest.mark.parametrize(
        "geonameid, expected_id", [(169577, "gn:169577"), (4717560, "gn:4717560"), (1, None)]
    )
    def test_by_geonameid(self, gaz: Gazetteer, geonameid: int, expected_id: str | None) -> None:
        place = gaz.by_geonameid(geonameid)
        assert (place.id if place else None) == expected_id

    def test_a_user_row_with_a_geonameid_adds_spellings_to_that_place(
        self, gaz: Gazetteer, tmp_path: Path
    ) -> None:
        f = tmp_path / "aliases.csv"
        row = "Talbisa al-Kubra,34.8,36.7,SY,173334"
        f.write_text(f"name,lat,lon,country,geonameid\n{row}\n", encoding="utf-8")
        mine = gaz.with_places_file(f)
        assert [p.id for p in mine.lookup("Talbisa al-Kubra")] == ["gn:173334"]
        assert gaz.lookup("Talbisa al-Kubra") == []  # the gazetteer underneath is unchanged

    def test_user_places_file_adds_places(self, gaz: Gazetteer, tmp_path: Path) -> None:
        f = tmp_path / "places.csv"
        f.write_text(GOOD_CSV, encoding="utf-8")
        gaz = gaz.with_places_file(f)
        assert gaz.user_places_errors == []
        hit = gaz.lookup("Tel Ghazal", country="SY")
        assert hit and hit[0].name == "Tell Ghazal" and hit[0].id.startswith("user:")
        assert gaz.lookup("Qasr al-Hayr")[0].kind == "feature"
        assert gaz.lookup("Homs", country="SY")[0].id == "gn:169577"  # built-in still there
        assert gaz.is_name("Tal Ghazal")

    @pytest.mark.parametrize(
        "text, line, problem",
        [
            ("name,lat,lon,country\nA,35,36,SY\nB,north,36,SY\n", 3, "lat/lon must be numbers"),
            ("name,lat,lon,country\nA,135,36,SY\n", 2, "out of range"),
            ("name,lat,lon,country\nA,35,36,Syria\n", 2, "ISO 3166-1"),
            ("name,lat,lon,country,kind\nA,35,36,SY,village\n", 2, "kind must be one of"),
            ("name,lat,lon,country\n,35,36,SY\n", 2, "empty name"),
            ("name,lat,lon,country\nA,35,36,SY,extra\n", 2, "more fields"),
            ("name,latitude,lon,country\nA,35,36,SY\n", 1, "lacks column(s) lat"),
            ("", 1, "empty file"),
        ],
    )
    def test_malformed_user_file_names_file_line_problem(
        self, gaz: Gazetteer, tmp_path: Path, text: str, line: int, problem: str
    ) -> None:
        f = tmp_path / "bad.csv"
        f.write_text(text, encoding="utf-8")
        gaz = gaz.with_places_file(f)
        assert gaz.user_places_errors, text
        err = gaz.user_places_errors[0]
        assert isinstance(err, PlacesFileError)
        assert err.path == str(f) and err.line == line and problem in err.reason
        assert str(f) in str(err) and f"line {line}" in str(err)
        assert gaz.lookup("Homs", country="SY")[0].id == "gn:169577"  # built-in keeps working

    @pytest.mark.parametrize(
        "name, expected_ids, score",
        [
            ("Laurel County", ["admin2:US-KY-laurel-county"], 1.0),
            ("Laurel Co.", ["admin2:US-KY-laurel-county"], 0.9),
            ("Laurel", ["gn:4297983", "admin2:US-KY-laurel-county"], 1.0),  # the town before the county
            ("U.S.-led", [], None),  # an English compound is never spelt like a Dutch hamlet
            ("Iran-backed", [], None),
            ("AP", [], None),  # an acronym only matches itself, never a name sharing its key
            ("Apen", ["gn:2955817"], 1.0),
        ],
    )
    def test_counties_acronyms_compounds(
        self, gaz: Gazetteer, name: str, expected_ids: list[str], score: float | None
    ) -> None:
        cands = gaz.candidates(name)
        assert [c.place.id for c in cands] == expected_ids
        if score is not None:
            assert cands[0].score == score

    @pytest.mark.parametrize(
        "text, expected",
        [
            ("Union County", True),
            ("Union", False),  # only a county's short form: the English word stays a word
            ("Laurel", True),  # a town of 25,000 is named so: a name, as in the built index
            ("Apen", True),
            ("Bomb", False),
        ],
    )
    def test_bare_county_name_that_is_an_english_word_is_not_a_name(
        self, gaz: Gazetteer, text: str, expected: bool
    ) -> None:
        assert gaz.is_name(text) is expected

    def test_missing_user_file(self, gaz: Gazetteer, tmp_path: Path) -> None:
        gaz = gaz.with_places_file(tmp_path / "nope.csv")
        assert [e.reason for e in gaz.user_places_errors] == ["file not found"]
