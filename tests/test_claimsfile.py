"""Opening a claims GeoJSON (geo.claimsfile): build's output schema, one message per bad feature, the
good features kept, and only ClaimsFileError for a file that is not claims at all."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import BAD_FEATURES, CLAIMS_FIXTURE, HOSTILE_GOOD, hostile_collection

from geo.claimsfile import open_claims
from geo.errors import ClaimsFileError

N_FIXTURE = 17


def test_the_fixture_follows_the_schema() -> None:
    opened = open_claims(CLAIMS_FIXTURE.read_bytes(), "claims_small.geojson")
    assert opened.problems == []
    assert [f["properties"]["claim_id"] for f in opened.features][:2] == ["fx-01", "fx-02"]
    assert len(opened.features) == N_FIXTURE


def test_hostile_file_one_message_per_bad_feature_good_ones_kept(hostile_geojson: Path) -> None:
    opened = open_claims(hostile_geojson.read_bytes(), "hostile.geojson")
    assert len(opened.features) == N_FIXTURE + HOSTILE_GOOD
    assert len(opened.problems) == len(BAD_FEATURES)
    for n, (problem, (_, _, message)) in enumerate(zip(opened.problems, BAD_FEATURES, strict=True), 1):
        feature = N_FIXTURE + HOSTILE_GOOD + n
        assert problem.startswith(f"hostile.geojson, feature {feature} (claim 'bad-{n}'): {message}"), problem


def _spoiled(spoil) -> bytes:
    fc = hostile_collection()
    fc["features"] = fc["features"][:1]
    f = fc["features"][0] = copy.deepcopy(fc["features"][0])
    spoil(f)
    return json.dumps(fc).encode()


@pytest.mark.parametrize(
    "spoil, message",
    [
        (lambda f: f["geometry"].update(type="LineString"), "geometry type 'LineString' is not one of"),
        (lambda f: f["geometry"].update(coordinates=[[[1, 2], [3, 4], [1, 2]]]), "a ring has 3 positions"),
        (
            lambda f: f["geometry"].update(type="MultiPolygon", coordinates=[]),
            "a MultiPolygon needs a non-empty",
        ),
        (lambda f: f["geometry"].update(type="Point", coordinates=["36", "35"]), "'36', '35' is not a pair"),
        (lambda f: f["geometry"].update(type="Point", coordinates=[True, 35]), "true, 35 is not a pair"),
        (lambda f: f["geometry"].update(type="Point", coordinates=[10**400, 35]), "longitude a huge number"),
        (
            lambda f: f["geometry"].update(type="Point", coordinates=[float("inf"), 35]),
            "inf, 35 is not a pair",
        ),
        (lambda f: f["properties"].update(casualties=-3), "casualties is -3, not a whole number"),
        (lambda f: f["properties"].update(casualties=2.5), "casualties is 2.5"),
        (lambda f: f["properties"].update(confidence=float("nan")), "confidence is nan"),
        (lambda f: f["properties"].update(confidence=2), "confidence is 2"),
        (lambda f: f["properties"].update(evidence=["a"]), "evidence is not text"),
        (lambda f: f["properties"].update(role="victim"), "role 'victim' is not one of target, context"),
        (lambda f: f.update(properties=[1]), "no properties"),
        (lambda f: f["properties"].update(casualties=None, confidence=None, title=None), None),
        (lambda f: f["geometry"].update(type="Point", coordinates=[-180, 90, 12]), None),
    ],
)
def test_bad_features(spoil, message: str | None) -> None:
    opened = open_claims(_spoiled(spoil), "x.geojson")
    if message is None:
        assert opened.problems == [] and len(opened.features) == 1
    else:
        assert opened.features == []
        assert len(opened.problems) == 1 and message in opened.problems[0], opened.problems


def test_a_feature_that_is_not_an_object() -> None:
    opened = open_claims(b'{"type": "FeatureCollection", "features": ["x", 3]}', "x.geojson")
    assert opened.problems == [
        "x.geojson, feature 1: not a JSON object",
        "x.geojson, feature 2: not a JSON object",
    ]


def test_lone_surrogates_become_replacement_characters() -> None:
    data = _spoiled(lambda f: f["properties"].update(place="Homs \ud800", title="\udfff"))
    opened = open_claims(data, "x.geojson")
    props = opened.features[0]["properties"]
    assert (props["place"], props["title"]) == ("Homs \ufffd", "\ufffd")
    json.dumps(opened.features).encode("utf-8")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "not valid JSON"),
        (b"\xff\xfe\x00", "not valid JSON"),
        (
            b'{"type": "FeatureCollection", "features": [' + b"9" * 5000 + b"]}",
            "not valid JSON: a number of more than 4,300 digits",
        ),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON: nested too deeply"),
        (b'{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
        (b"[]", "not a GeoJSON FeatureCollection"),
        (b'{"type": "FeatureCollection", "features": {}}', "'features' is not a list"),
    ],
)
def test_a_file_that_is_not_claims(data: bytes, reason: str) -> None:
    with pytest.raises(ClaimsFileError) as info:
        open_claims(data, "x.geojson")
    assert info.value.path == "x.geojson" and info.value.reason.startswith(reason), info.value.reason
