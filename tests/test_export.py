"""The GeoJSON writer: RFC 7946 structure, the property list, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from geo import export
from geo.registry import load_sides
from geo.types import Article, Claim, ClaimPlace, Mention, Place, Source, Toponym

PROPERTIES = [
    "claim_id",
    "article",
    "title",
    "published",
    "outlet",
    "side",
    "side_label",
    "speaker",
    "claim_type",
    "casualties",
    "event_date",
    "evidence",
    "place",
    "place_as_written",
    "place_id",
    "admin1_name",
    "precision",
    "location_basis",
    "role",
    "confidence",
]

_POSITION = {
    "type": "array",
    "minItems": 2,
    "maxItems": 3,
    "prefixItems": [
        {"type": "number", "minimum": -180, "maximum": 180},
        {"type": "number", "minimum": -90, "maximum": 90},
    ],
}
_RING = {"type": "array", "minItems": 4, "items": _POSITION}
# RFC 7946, sections 3.1-3.3, for the geometry types ClaimAtlas writes.
RFC7946 = {
    "type": "object",
    "required": ["type", "features"],
    "not": {"required": ["crs"]},
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "id": {"type": ["string", "number"]},
                    "properties": {"type": "object", "required": PROPERTIES},
                    "geometry": {
                        "oneOf": [
                            {"properties": {"type": {"const": "Point"}, "coordinates": _POSITION}},
                            {
                                "properties": {
                                    "type": {"const": "Polygon"},
                                    "coordinates": {"type": "array", "minItems": 1, "items": _RING},
                                }
                            },
                            {
                                "properties": {
                                    "type": {"const": "MultiPolygon"},
                                    "coordinates": {
                                        "type": "array",
                                        "items": {"type": "array", "items": _RING},
                                    },
                                }
                            },
                        ],
                        "required": ["type", "coordinates"],
                    },
                },
            },
        },
    },
}


def assert_rfc7946(fc: dict) -> None:
    jsonschema.validate(fc, RFC7946)
    for f in fc["features"]:
        g = f["geometry"]
        polys = (
            [g["coordinates"]]
            if g["type"] == "Polygon"
            else g["coordinates"]
            if g["type"] == "MultiPolygon"
            else []
        )
        for poly in polys:
            for ring in poly:
                assert ring[0] == ring[-1], "linear rings are closed"


SQUARE = {
    "type": "Polygon",
    "coordinates": [[[36.0, 34.0], [37.5, 34.0], [37.5, 35.0], [36.0, 35.0], [36.0, 34.0]]],
}
HOMS_GOV = Place("admin1:SY-11", "Homs", 34.5, 36.8, "SY", "11", kind="admin1", polygon=SQUARE)
TALBISEH = Place("gn:163779", "Tallbīsah", 34.84072, 36.73092, "SY", "11", admin1_name="Homs")
ARTICLE = Article(
    id="a.txt", title="T", text="Strikes hit Talbiseh and northern Homs.", published="2015-10-01"
)


def _claim(places: tuple[ClaimPlace, ...], side: str = "opposition") -> Claim:
    return Claim(
        "c1", "a.txt", Source("Khaled Khoja", side), "civilians_killed", ARTICLE.text, 0, 39, places, 36
    )


def _topo(place: Place, text: str, start: int, precision: str = "point", qualifier: str = "") -> Toponym:
    lat, lon = (place.lat + 0.1, place.lon) if precision == "region" else (place.lat, place.lon)
    return Toponym(Mention(text, start, start + len(text)), place, precision, lat, lon, 0.9, qualifier)  # type: ignore[arg-type]


def test_features_are_rfc7946_with_the_property_list() -> None:
    places = (
        ClaimPlace(_topo(TALBISEH, "Talbiseh", 12), "target", "explicit"),
        ClaimPlace(_topo(HOMS_GOV, "Homs", 34, "admin1"), "target", "explicit"),
    )
    fc = export.feature_collection([_claim(places)], {"a.txt": ARTICLE}, load_sides())
    assert_rfc7946(fc)
    point, poly = sorted(fc["features"], key=lambda f: f["geometry"]["type"])
    assert point["geometry"] == {"type": "Point", "coordinates": [36.73092, 34.84072]}  # [lon, lat]
    assert poly["geometry"]["type"] == "Polygon"
    assert point["properties"]["side_label"] == load_sides()["opposition"].label
    assert point["properties"]["casualties"] == 36


def test_region_is_named_with_its_cue_and_drawn_as_a_point() -> None:
    places = (ClaimPlace(_topo(HOMS_GOV, "Homs", 34, "region", "northern"), "target", "explicit"),)
    [f] = export.feature_collection([_claim(places)], {"a.txt": ARTICLE}, load_sides())["features"]
    assert f["geometry"]["type"] == "Point"
    assert (f["properties"]["place"], f["properties"]["place_as_written"]) == (
        "northern Homs",
        "northern Homs",
    )


@pytest.mark.parametrize(
    "place, precision, expected",
    [
        (TALBISEH, "point", "Homs"),  # a town: the governorate it lies in
        (HOMS_GOV, "admin1", "Homs"),  # a governorate: itself
        (
            Place("unlocated:admin1:SY-11:kafr-x", "Kafr X", 34.5, 36.8, "SY", "11", admin1_name="Homs"),
            "admin1",
            "Homs",
        ),  # a village placed only at its governorate: the one the reader is told
        (Place("country:SY", "Syria", 35.0, 38.0, "SY", kind="country"), "country", None),
    ],
)
def test_admin1_name_says_which_governorate(place: Place, precision: str, expected: str | None) -> None:
    places = (ClaimPlace(_topo(place, "Talbiseh", 12, precision), "target", "explicit"),)
    [f] = export.feature_collection([_claim(places)], {"a.txt": ARTICLE}, load_sides())["features"]
    assert f["properties"]["admin1_name"] == expected


def test_unresolved_places_make_no_feature() -> None:
    unresolved = Toponym(Mention("Atlantis", 0, 8), None, "point", None, None, 0.0)
    fc = export.feature_collection(
        [_claim((ClaimPlace(unresolved, "target", "explicit"),))], {"a.txt": ARTICLE}, load_sides()
    )
    assert fc["features"] == []


def test_written_file_is_byte_identical_across_runs(tmp_path: Path) -> None:
    places = (ClaimPlace(_topo(TALBISEH, "Talbiseh", 12), "target", "explicit"),)
    fc = export.feature_collection([_claim(places)], {"a.txt": ARTICLE}, load_sides())
    a, b = tmp_path / "a.geojson", tmp_path / "b.geojson"
    export.write(fc, a)
    export.write(json.loads(a.read_text()), b)
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(
    "bad", [{"type": "FeatureCollection"}, {"type": "FeatureCollection", "features": [], "crs": {}}]
)
def test_the_validator_rejects_what_rfc7946_forbids(bad: dict) -> None:
    with pytest.raises(jsonschema.ValidationError):
        assert_rfc7946(bad)


def _build_and_open() -> tuple[dict, list[dict]]:
    from geo.claimsfile import open_claims

    places = (
        ClaimPlace(_topo(TALBISEH, "Talbiseh", 12), "target", "explicit"),
        ClaimPlace(_topo(HOMS_GOV, "Homs", 34, "admin1"), "target", "explicit"),
        ClaimPlace(_topo(HOMS_GOV, "Homs", 34, "region", "northern"), "context", "article"),
    )
    fc = export.feature_collection([_claim(places)], {"a.txt": ARTICLE}, load_sides())
    opened = open_claims(export.dumps(fc).encode("utf-8"), "claims.geojson")
    assert opened.problems == []
    return fc, opened.features


def test_what_build_writes_opens_without_a_problem() -> None:
    """Every property build writes survives opening the file (admin1_name included: the dashboard
    names an unlocated village's governorate from it)."""
    fc, opened = _build_and_open()
    assert [f["properties"] for f in opened] == [f["properties"] for f in fc["features"]]
    assert [f["geometry"] for f in opened] == [f["geometry"] for f in fc["features"]]
