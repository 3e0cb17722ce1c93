"""Hostile claims files in the dashboard, without a browser: every bad feature named, the good ones
drawn, no data string reaching the map's HTML unescaped, separate upload caps (issue 15)."""

from __future__ import annotations

from html import escape
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import BAD_FEATURES, HOSTILE_GOOD, MARKDOWN_SIDE, SCRIPT_SIDE
from jinja2.utils import htmlsafe_json_dumps
from streamlit.testing.v1 import AppTest

from dashboard import claims, mapping, sources, views
from geo.errors import PlacesFileError
from geo.registry import load_sides

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
N_FIXTURE = 17


def test_hostile_geojson_is_shown_without_its_bad_features(hostile_geojson: Path) -> None:
    ds = sources.from_geojson(hostile_geojson.read_bytes(), hostile_geojson.name)
    assert len(ds.features) == N_FIXTURE + HOSTILE_GOOD
    assert len(ds.errors) == len(BAD_FEATURES)
    assert all(e.startswith("hostile.geojson, feature ") for e in ds.errors)
    frame = claims.claims_frame(ds.features)  # "many" casualties raised a TypeError here
    assert len(frame) == N_FIXTURE + HOSTILE_GOOD


def test_no_data_string_reaches_the_map_html_unescaped(hostile_geojson: Path) -> None:
    ds = sources.from_geojson(hostile_geojson.read_bytes(), hostile_geojson.name)
    sides = load_sides()
    html = mapping.build_map(ds.features, sides).get_root().render()
    # Scripts carry data as JSON with < and > as \u003c and \u003e: markup in the data must be absent
    # both as it is and in that form, since Leaflet sets popups, tooltips and layer names as HTML.
    for raw in (SCRIPT_SIDE, "<script>alert(", "<svg onload", "<iframe src=javascript", "<b onmouseover"):
        assert raw not in html and str(htmlsafe_json_dumps(raw))[1:-1] not in html, raw
    pair = mapping.build_pair(ds.features, sides, SCRIPT_SIDE, "us").get_root().render()
    assert str(htmlsafe_json_dumps(SCRIPT_SIDE))[1:-1] not in pair


@pytest.mark.parametrize(
    "label, expected",
    [
        (SCRIPT_SIDE, "&lt;img src=x onerror=alert(document.domain)&gt; (3)"),
        ("Russian defence ministry", "Russian defence ministry (3)"),
        ("Q&A <b>", "Q&amp;A &lt;b&gt; (3)"),
    ],
)
def test_layer_name_is_escaped(label: str, expected: str) -> None:
    assert mapping.layer_name(label, 3) == expected == f"{escape(label)} (3)"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("![x](http://a/b.png)", r"\!\[x\]\(http\:\/\/a\/b\.png\)"),
        (":red[alarm] $x^2$ **b**", r"\:red\[alarm\] \$x\^2\$ \*\*b\*\*"),
        ("<b>hi</b> & a_b", r"\<b\>hi\<\/b\> \& a\_b"),
        ("Syrian opposition", "Syrian opposition"),
        ("الجيش السوري", "الجيش السوري"),
    ],
)
def test_plain_markdown_escapes_every_markup_character(text: str, expected: str) -> None:
    assert views.plain_markdown(text) == expected


def test_geojson_over_its_cap_is_refused_by_name() -> None:
    data = b" " * (sources.MAX_GEOJSON_MB * 1024 * 1024 + 1)
    with pytest.raises(claims.CollectionError, match=r"^big.geojson: 50.0 MB is over the 50 MB limit"):
        sources.from_geojson(data, "big.geojson")


def test_a_geojson_may_be_larger_than_an_article() -> None:
    assert sources.MAX_GEOJSON_MB > sources.MAX_FILE_MB
    config = (Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml").read_text()
    assert f"maxUploadSize = {sources.MAX_GEOJSON_MB}\n" in config  # the server's hard limit


class _PipeWithPlaces:
    """A pipeline whose places file had a bad row; reads and runs nothing."""

    gazetteer = SimpleNamespace(user_places_errors=[PlacesFileError("mine.csv", 4, "unclosed quote")])

    def read_upload(self, name: str, data: bytes):
        from geo.articles import read_bytes

        return read_bytes(name, data)

    def run(self, articles, progress=None):
        return SimpleNamespace(
            feature_collection={"type": "FeatureCollection", "features": []}, articles=articles, errors=[]
        )


@pytest.mark.parametrize("data", [b"Title\n\nBody", b""])
def test_places_file_warnings_are_shown(data: bytes) -> None:
    ds = sources.from_uploads(_PipeWithPlaces(), [sources.Upload("a.txt", data)])
    assert ds.errors[0] == "places file mine.csv, line 4: unclosed quote"


@pytest.fixture
def hostile_app(monkeypatch: pytest.MonkeyPatch, hostile_geojson: Path) -> AppTest:
    monkeypatch.setenv("CLAIMATLAS_GEOJSON", str(hostile_geojson))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    return at


def test_app_lists_bad_features_and_shows_the_rest(hostile_app: AppTest) -> None:
    assert not hostile_app.exception, hostile_app.exception
    listed = [t.value for t in hostile_app.text]
    assert len([t for t in listed if t.startswith("hostile.geojson, feature ")]) == len(BAD_FEATURES)
    origin = f"hostile.geojson ({N_FIXTURE + HOSTILE_GOOD} claims)"
    assert views.plain_markdown(origin) in hostile_app.caption[0].value


def test_app_labels_are_escaped_markdown(hostile_app: AppTest) -> None:
    labels = [c.label for c in hostile_app.sidebar.checkbox]
    assert views.plain_markdown(MARKDOWN_SIDE) in labels and MARKDOWN_SIDE not in labels


def test_app_states_the_geojson_cap_and_why(hostile_app: AppTest) -> None:
    hostile_app.radio(key="source").set_value("Open a GeoJSON file")
    hostile_app.run()
    assert not hostile_app.exception
    assert sources.GEOJSON_CAP_REASON in [c.value for c in hostile_app.sidebar.caption]
    assert "only read and drawn" in sources.GEOJSON_CAP_REASON


JINJA = "{{ 40*3 }}ssti{{ 40*3 }}"
RAN = "120ssti120"


def _jinja_features() -> list[dict]:
    """The fixture's features with template syntax in every text a map carries."""
    import json

    features = json.loads(
        (Path(__file__).parent / "fixtures" / "claims_small.geojson").read_text(encoding="utf-8")
    )["features"]
    for f in features:
        p = f["properties"]
        p.update(evidence=p["evidence"] + JINJA, place=p["place"] + JINJA, speaker=JINJA, title=JINJA)
    features[0]["properties"]["side"] = JINJA  # a side the registry does not know: labelled by its id
    return features


def test_template_syntax_in_the_data_never_runs_on_the_server(tmp_path: Path) -> None:
    """branca renders a MacroElement's output again as a Jinja template: data that went that way
    would run on the server (a sentence `{{ cycler.__init__.__globals__.os... }}` is code execution)."""
    from dashboard import store_map

    features, sides = _jinja_features(), load_sides()
    rendered = {
        "main map": mapping.build_map(features, sides, view_key=JINJA + ".geojson"),
        "pair": mapping.build_pair(features, sides, JINJA, "us"),
        "store map": store_map.build_store_map(store_map.points_payload(features, sides), (35.0, 38.5), 7),
    }
    for name, fig in rendered.items():
        html = fig.get_root().render()
        assert RAN not in html, name
        assert JINJA in html, name
