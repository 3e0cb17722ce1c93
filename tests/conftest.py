"""Shared fixtures: a tiny in-memory gazetteer every test module can use without the real index, the
hostile claims file, and the `--fuzz` option for long fuzz runs."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from geo.gazetteer import Gazetteer
from geo.resolve import resolve_spans
from geo.types import Place, Toponym

FUZZ_CI_EXAMPLES = 30  # per fuzz test: a few hundred cases in all, a few seconds


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz",
        type=int,
        nargs="?",
        const=1000,
        default=0,
        metavar="N",
        help=f"each fuzz test on N generated inputs (1000 if N is left out; {FUZZ_CI_EXAMPLES} without)",
    )


def pytest_configure(config: pytest.Config) -> None:
    examples = config.getoption("--fuzz") or FUZZ_CI_EXAMPLES
    # No example database: a run leaves no files behind, and a failure prints the input that caused it.
    settings.register_profile(
        "claimatlas",
        max_examples=examples,
        deadline=None,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    settings.load_profile("claimatlas")


TINY_PLACES = (
    Place("country:SY", "Syria", 35.0, 38.0, "SY", kind="country", population=22_000_000),
    Place("country:RU", "Russia", 61.5, 105.3, "RU", kind="country", population=144_000_000),
    Place("country:US", "United States", 39.8, -98.6, "US", kind="country", population=327_000_000),
    Place("admin1:SY-HI", "Homs", 34.47, 38.15, "SY", "11", kind="admin1", population=1_000_000),
    Place("admin1:SY-ID", "Idlib", 35.86, 36.57, "SY", "12", kind="admin1", population=1_000_000),
    Place("gn:169577", "Homs", 34.72405, 36.72559, "SY", "11", population=775_404, geonameid=169577),
    Place("gn:173334", "Tallbīsah", 34.84, 36.73, "SY", "11", population=30_000, geonameid=173334),
    Place("gn:170063", "Ḩamāh", 35.13179, 36.75783, "SY", "10", population=696_863, geonameid=170063),
    Place("gn:169388", "Idlib", 35.93062, 36.63393, "SY", "12", population=128_840, geonameid=169388),
    Place("gn:172515", "Ma‘arrat an Nu‘mān", 35.64, 36.67, "SY", "12", population=58_008, geonameid=172515),
    Place("gn:173730", "Jisr ash Shughūr", 35.81, 36.32, "SY", "12", population=44_322, geonameid=173730),
    Place("gn:170794", "Deir ez-Zor", 35.33, 40.14, "SY", "07", population=242_565, geonameid=170794),
    Place("gn:163915", "Ar Raqqah", 35.95, 39.01, "SY", "04", population=177_636, geonameid=163915),
    Place("gn:173576", "Latakia", 35.52, 35.79, "SY", "02", population=340_181, geonameid=173576),
    Place("sup:sy:latamneh", "Latamneh", 35.321, 36.621, "SY", "10"),
    Place("gn:2988507", "Paris", 48.85, 2.35, "FR", "11", population=2_138_551, geonameid=2988507),
    Place("gn:4717560", "Paris", 33.66, -95.56, "US", "TX", population=24_782, geonameid=4717560),
    Place("gn:4409896", "Springfield", 37.22, -93.30, "US", "MO", population=166_810, geonameid=4409896),
    Place("gn:4250542", "Springfield", 39.80, -89.64, "US", "IL", population=116_565, geonameid=4250542),
    Place("gn:2639577", "Reading", 51.46, -0.97, "GB", "ENG", population=318_014, geonameid=2639577),
    Place("sup:xx:middle-east", "Middle East", 29.0, 42.0, "", kind="region"),
    Place("sup:xx:mediterranean-sea", "Mediterranean Sea", 35.0, 18.0, "", kind="feature"),
)

TINY_ALTERNATES = {
    "country:SY": ["Syrian Arab Republic"],
    "country:RU": ["Russian Federation"],
    "country:US": ["US", "U.S.", "USA", "United States of America"],
    "admin1:SY-HI": ["Homs Governorate", "Homs Province"],
    "admin1:SY-ID": ["Idlib Governorate", "Idlib Province"],
    "gn:169577": ["Hims", "Ḩimş"],
    "gn:173334": ["Talbiseh", "Tall Bisah"],
    "sup:sy:latamneh": ["Al-Lataminah", "Latamna"],
    "sup:xx:mediterranean-sea": ["Mediterranean"],
}


@pytest.fixture(scope="session")
def tiny_gazetteer() -> Gazetteer:
    """About twenty places, with the ambiguities and spellings the real data has, in memory."""
    return Gazetteer.from_places(TINY_PLACES, TINY_ALTERNATES)


# --- hostile input (issue 15) ---------------------------------------------------------------------

CLAIMS_FIXTURE = Path(__file__).parent / "fixtures" / "claims_small.geojson"
SCRIPT_SIDE = "<img src=x onerror=alert(document.domain)>"
# (what is wrong, how the feature is spoiled, the start of the message about it)
BAD_FEATURES = [
    (
        "NaN coordinates",
        lambda f: f["geometry"].update(coordinates=[float("nan"), 35.0]),
        "Point coordinates",
    ),
    ("empty coordinates", lambda f: f["geometry"].update(coordinates=[]), "Point coordinates"),
    ("latitude 999", lambda f: f["geometry"].update(coordinates=[36.7, 999]), "Point coordinates: longitude"),
    ("words for casualties", lambda f: f["properties"].update(casualties="many"), "casualties is 'many'"),
    ("no geometry", lambda f: f.update(geometry=None), "no geometry"),
    ("unknown claim type", lambda f: f["properties"].update(claim_type="bombed"), "claim_type 'bombed'"),
    ("no side", lambda f: f["properties"].pop("side"), "lacks side"),
]
# A side whose name, were it rendered as Markdown, would fetch an image from another machine.
MARKDOWN_SIDE = "![x](http://203.0.113.9/track.png) :red[red] $x^2$"
HOSTILE_GOOD = 3  # features in the hostile file that follow the schema, besides the fixture's


def hostile_collection() -> dict:
    """The fixture's claims plus three with markup in every text field and one feature per BAD_FEATURES."""
    fc = json.loads(CLAIMS_FIXTURE.read_text(encoding="utf-8"))
    template = next(f for f in fc["features"] if f["properties"]["claim_id"] == "fx-06")
    for n, side in enumerate([SCRIPT_SIDE, "us", MARKDOWN_SIDE], start=1):
        f = copy.deepcopy(template)
        f["properties"].update(
            claim_id=f"hostile-{n}",
            side=side,
            side_label=side if side != "us" else "<script>alert('label')</script>",
            speaker="<img src=x onerror=alert('speaker')>",
            place="<svg onload=alert('place')>",
            title="</title><script>alert('title')</script>",
            evidence="<iframe src=javascript:alert('evidence')>",
            article="<b onmouseover=alert('article')>a</b>",
        )
        fc["features"].append(f)
    for n, (_, spoil, _) in enumerate(BAD_FEATURES, start=1):
        f = copy.deepcopy(template)
        f["properties"]["claim_id"] = f"bad-{n}"
        spoil(f)
        fc["features"].append(f)
    return fc


@pytest.fixture
def hostile_geojson(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.geojson"
    path.write_text(json.dumps(hostile_collection()), encoding="utf-8")  # NaN is written as NaN
    return path


def resolve_alone(text: str, name: str, gazetteer: Gazetteer) -> Toponym:
    """The first `name` in `text` resolved as the only given span: a rule's whole context is its
    sentence."""
    start = text.index(name)
    (t,) = resolve_spans(text, [(start, start + len(name))], gazetteer)
    return t
