"""Fuzzing every reader and the opening of claims files (hypothesis).

The claim under test: whatever the bytes, nothing escapes a reader but the project's own errors
(geo.errors), one bad record costs only itself, and what is read can be written as UTF-8 and drawn.
A few hundred cases run with the suite; `pytest tests/test_fuzz.py --fuzz 1000` runs 1000 per test.
"""

from __future__ import annotations

import dataclasses
import json
import math
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import CLAIMS_FIXTURE
from hypothesis import given
from hypothesis import strategies as st

from dashboard import claims, mapping, views
from geo.article_formats import MAX_ARTICLE_CHARS
from geo.articles import read_bytes, read_paths
from geo.claimsfile import CHOICES, REQUIRED_TEXT, open_claims
from geo.errors import ArticleError, ClaimsFileError, GeoError, PlacesFileError
from geo.gazetteer import Gazetteer
from geo.places_csv import read_places_csv
from geo.registry import load_sides

# Pieces that have broken a reader somewhere, or that sit on a format's edges.
PIECES = [
    *("\n", "\r\n", "\r", " ", "\t", ",", ":", '"', "'", "{", "}", "[", "]", "\\", "\x00", "\ufeff"),
    *("---\n", "# ", "title: ", "source: ", "date: ", "url: ", "author: ", "2015: year\n", "? [1, 2]\n: x\n"),
    *("&a [1]\n", "*a\n", "!!python/object/apply:os.system ['true']\n", "2015-13-45", "30 September 2015"),
    *('"text": ', '"title": ', '"id": ', '"source": ', '"date": ', "null", "true", "1e999", "NaN"),
    *("-Infinity", "9" * 5000, "\\ud800", "\\udfff", "\\u0000", "[" * 2000, "{" * 50),
    *("<html>", "<body>", "<p>", "</p>", "<script>alert(1)</script>", "<![CDATA[", "&#0;", "&#xD800;"),
    *("<!--", '<meta charset="utf-16">', "<title>", "<article>", "Homs", "Talbiseh", "\u2028", "\x85"),
    *("é", "\u0627", "\U0001d518", "\u202e", "e\u0301"),
]
_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**4300, max_value=10**4400)
    | st.floats()
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
hostile_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=40).map("".join)
hostile_bytes = st.one_of(
    st.binary(max_size=3000),
    hostile_text.map(lambda s: s.encode("utf-8")),
    hostile_text.map(lambda s: s.encode("utf-16")),
    # a long article: just over or under the limit, or far over
    st.sampled_from([MAX_ARTICLE_CHARS - 10, MAX_ARTICLE_CHARS + 1, 3 * MAX_ARTICLE_CHARS]).map(
        lambda n: b"Title\n" + b"w " * (n // 2)
    ),
)
READER_EXTENSIONS = (".txt", ".md", ".html", ".json", ".jsonl")


def _json_dumps(value: Any) -> str:
    """JSON text of a generated value; integers past CPython's digit limit are written out by hand."""
    try:
        return json.dumps(value)
    except ValueError:
        return "9" * 5000


def _check_read(name: str, read: Callable[[], Any]) -> None:
    """The reader's contract: only GeoError escapes; articles are non-empty, within the limit, UTF-8."""
    try:
        result = read()
    except GeoError:
        return
    for article in result.articles:
        assert article.text.strip() and len(article.text) <= MAX_ARTICLE_CHARS
        json.dumps(dataclasses.asdict(article), ensure_ascii=False).encode("utf-8")
    for error in result.errors:
        assert isinstance(error, ArticleError)
        str(error).encode("utf-8")
    if name:
        assert all(e.path == name for e in result.errors)


@pytest.mark.parametrize("ext", READER_EXTENSIONS)
@given(data=hostile_bytes)
def test_fuzz_reader_bytes(ext: str, data: bytes) -> None:
    name = f"fuzz{ext}"
    _check_read(name, lambda: read_bytes(name, data))


_RECORD = st.fixed_dictionaries(
    {"text": st.one_of(hostile_text, _VALUES)},
    optional={k: st.one_of(hostile_text, _VALUES) for k in ("id", "title", "source", "date", "url", "TEXT")},
)


@pytest.mark.parametrize("ext", [".json", ".jsonl"])
@given(records=st.lists(st.one_of(_RECORD, _VALUES), max_size=6), raw=st.lists(hostile_text, max_size=2))
def test_fuzz_json_records(ext: str, records: list[Any], raw: list[str]) -> None:
    parts = [_json_dumps(r) for r in records] + raw
    text = "\n".join(parts) if ext == ".jsonl" else "[" + ",".join(parts) + "]"
    name = f"fuzz{ext}"
    _check_read(name, lambda: read_bytes(name, text.encode("utf-8", "surrogatepass")))


_YAML_KEY = st.one_of(
    st.sampled_from(
        ["title", "date", "source", "2015", "2015-10-01", "null", "true", "3.5", "[1, 2]", "? x"]
    ),
    st.text(max_size=10),
)


@given(
    keys=st.lists(_YAML_KEY, max_size=6),
    values=st.lists(hostile_text, min_size=6, max_size=6),
    body=hostile_text,
)
def test_fuzz_markdown_front_matter(keys: list[str], values: list[str], body: str) -> None:
    front = "".join(f"{k}: {v}\n" for k, v in zip(keys, values, strict=False))
    data = f"---\n{front}---\n{body}".encode()
    _check_read("fuzz.md", lambda: read_bytes("fuzz.md", data))


_FILE_NAME = st.text(
    st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=12
).filter(lambda s: s not in (".", ".."))


@given(files=st.lists(st.tuples(_FILE_NAME, st.sampled_from(READER_EXTENSIONS), hostile_bytes), max_size=5))
def test_fuzz_folder(files: list[tuple[str, str, bytes]]) -> None:
    with tempfile.TemporaryDirectory(prefix="15-fuzz-") as folder:
        for stem, ext, data in files:
            try:
                (Path(folder) / (stem + ext)).write_bytes(data)
            except OSError:  # a name the file system refuses (too long in bytes)
                continue
        _check_read("", lambda: read_paths([Path(folder)]))


CSV_PIECES = [
    *(",", '"', "\n", "\r", "\r\n", " ", "|", "#", "\x00", "\ufeff"),
    *("name,lat,lon,country\n", "name,alternate_names,lat,lon,country,kind,source,geonameid\n"),
    *("35.5", "-999", "nan", "inf", "1e400", "9" * 5000, "SY", "xx", "feature", "region", "admin1"),
    *("x" * 140_000, "Tell Ghazal", "Ḩimş", "\u202e"),
]


@given(body=st.lists(st.sampled_from(CSV_PIECES) | st.text(max_size=10), max_size=50).map("".join))
def test_fuzz_places_csv(body: str, tiny_gazetteer: Gazetteer) -> None:
    with tempfile.TemporaryDirectory(prefix="15-fuzz-") as folder:
        path = Path(folder) / "places.csv"
        path.write_text(body, encoding="utf-8")
        try:
            rows, errors = read_places_csv(path, id_prefix="user")
            gaz = tiny_gazetteer.with_places_file(path)
        except GeoError:
            return
    assert all(isinstance(e, PlacesFileError) and e.path == str(path) for e in errors)
    for row in rows:
        assert -90 <= row.place.lat <= 90 and -180 <= row.place.lon <= 180
        assert gaz.lookup(row.place.name)


@given(data=hostile_bytes)
def test_fuzz_geojson_bytes(data: bytes) -> None:
    try:
        opened = open_claims(data, "fuzz.geojson")
    except ClaimsFileError:
        return
    _check_opened(opened.features)


_TEMPLATE = next(
    f for f in json.loads(CLAIMS_FIXTURE.read_text())["features"] if f["properties"]["claim_id"] == "fx-06"
)
_COORD = st.one_of(
    st.floats(),
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),
    st.text(max_size=3),
    st.booleans(),
    st.none(),
)
_COORDS = st.recursive(_COORD, lambda inner: st.lists(inner, max_size=5), max_leaves=20)
_PROPERTY_KEYS = [*REQUIRED_TEXT, "casualties", "confidence", "evidence_start", "mention_end", "side_label"]


@given(
    features=st.lists(
        st.tuples(
            st.dictionaries(st.sampled_from(_PROPERTY_KEYS), st.one_of(_VALUES, hostile_text), max_size=4),
            st.sampled_from(["Point", "Polygon", "MultiPolygon", "LineString", None, 3]),
            _COORDS,
            st.booleans(),
        ),
        max_size=5,
    )
)
def test_fuzz_geojson_features(features: list[tuple[dict[str, Any], Any, Any, bool]]) -> None:
    out = []
    for props, kind, coordinates, keep_geometry in features:
        f = json.loads(json.dumps(_TEMPLATE))
        f["properties"].update(props)
        if not keep_geometry:
            f["geometry"] = {"type": kind, "coordinates": coordinates}
        out.append(f)
    try:
        text = json.dumps({"type": "FeatureCollection", "features": out})
    except ValueError:  # an integer past CPython's digit limit: the bytes test covers that
        return
    try:
        opened = open_claims(text.encode("utf-8", "surrogatepass"), "fuzz.geojson")
    except ClaimsFileError:
        return
    assert len(opened.features) + len(opened.problems) == len(out)
    _check_opened(opened.features)


_SIDES = load_sides()


def _check_opened(features: list[dict[str, Any]]) -> None:
    """What the dashboard relies on of a kept feature, then the dashboard's own handling of it."""
    for f in features:
        p = f["properties"]
        assert all(isinstance(p[k], str) for k in REQUIRED_TEXT)
        assert all(p[k] in choices for k, choices in CHOICES.items() if p.get(k) is not None)
        assert p["casualties"] is None or (type(p["casualties"]) is int and p["casualties"] >= 0)
        for lon, lat in _positions(f["geometry"]):
            assert math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90
        side = views.side_of(_SIDES, p["side"], str(p.get("side_label") or ""))
        views.popup_html(p, side)
        views.tooltip_html(p, side)
    json.dumps(features, allow_nan=False, ensure_ascii=False).encode("utf-8")
    claims.claims_frame(features)
    mapping._drawn(features, _SIDES)


def _positions(geometry: dict[str, Any]) -> list[list[float]]:
    c = geometry["coordinates"]
    if geometry["type"] == "Point":
        return [c]
    rings = c if geometry["type"] == "Polygon" else [ring for polygon in c for ring in polygon]
    return [pos for ring in rings for pos in ring]
