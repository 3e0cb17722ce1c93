"""The dashboard's pure helpers, without Streamlit: filters, tables, exports, escaping, maps, assets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dashboard import claims, geometry, mapping, offline, sources, views
from geo.registry import Side, load_sides

FIXTURE = Path(__file__).parent / "fixtures" / "claims_small.geojson"
EVIL = ("<script>alert", "<img src=x onerror", "<b onmouseover")


@pytest.fixture(scope="module")
def features() -> list[dict]:
    return claims.read_collection(FIXTURE.read_bytes(), FIXTURE.name)["features"]


@pytest.fixture(scope="module")
def sides() -> dict[str, Side]:
    return load_sides()


def _ids(features: list[dict]) -> set[str]:
    return {f["properties"]["claim_id"] for f in features}


# --- reading ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        (b"not json", "not valid JSON"),
        (b'{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
        (b'{"type": "FeatureCollection", "features": {}}', "'features' is not a list"),
        (b'{"type": "FeatureCollection", "features": [{"properties": {"side": "us"}}]}', "lacks claim_id"),
    ],
)
def test_read_collection_names_the_problem(data: bytes, message: str) -> None:
    with pytest.raises(claims.CollectionError, match=message) as err:
        claims.read_collection(data, "x.geojson")
    assert str(err.value).startswith("x.geojson: ")


def test_fixture_follows_the_contract(features: list[dict], sides: dict[str, Side]) -> None:
    assert len(features) == 17
    for f in features:
        p = f["properties"]
        assert p["side"] in sides
        assert p["claim_type"] in claims.CLAIM_TYPES
        assert p["precision"] in claims.PRECISIONS
        assert p["location_basis"] in claims.BASES
        assert p["role"] in claims.ROLES


# --- filters -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters, expected",
    [
        (claims.Filters(), 14),  # context mentions (New York, Paris) are off by default
        (claims.Filters(roles=None), 17),
        (claims.Filters(sides=frozenset({"russia"})), 4),
        (claims.Filters(sides=frozenset()), 0),
        (claims.Filters(claim_types=frozenset({"civilians_killed"})), 2),
        (claims.Filters(bases=frozenset({"explicit", "sentence"})), 10),  # article-basis points hidden
        (claims.Filters(precisions=frozenset({"admin1"})), 3),
        (claims.Filters(articles=frozenset({"004_ff01b8e64425b3dd.txt"})), 3),
        (claims.Filters(roles=frozenset({"context"})), 3),
    ],
)
def test_filters(features: list[dict], filters: claims.Filters, expected: int) -> None:
    assert len(claims.apply_filters(features, filters)) == expected


def test_filters_keep_order_and_do_not_touch_input(features: list[dict]) -> None:
    before = json.dumps(features)
    kept = claims.apply_filters(features, claims.Filters(sides=frozenset({"us", "opposition"})))
    order = [f["properties"]["claim_id"] for f in features]
    assert [f["properties"]["claim_id"] for f in kept] == [c for c in order if c in _ids(kept)]
    assert json.dumps(features) == before


# --- tables ------------------------------------------------------------------------------------------


def test_claims_frame_and_search(features: list[dict]) -> None:
    frame = claims.claims_frame(features)
    assert list(frame.columns) == list(claims.COLUMNS)
    assert len(frame) == 17
    assert frame["claim_type"].iloc[0] == "civilians killed"
    assert len(claims.search_frame(frame, "")) == 17
    assert set(claims.search_frame(frame, "khoja talbiseh")["claim_id"]) == {"fx-12"}
    assert claims.search_frame(frame, "no such words").empty


def test_contested_places_reads_one_row_per_place(features: list[dict], sides: dict[str, Side]) -> None:
    table = claims.contested_places(claims.apply_filters(features, claims.Filters()), sides)
    rows = {r["place"]: r for r in table.to_dict("records")}
    assert set(rows) == {"Homs", "Homs Governorate", "Talbiseh"}
    homs = rows["Homs"]
    assert homs["sides"] == 4
    assert homs["United States"] == "no IS present"
    assert homs["Syrian opposition"] == "no IS present"
    assert homs["Russia"] == "other"
    gov = rows["Homs Governorate"]
    assert gov["Syrian opposition"] == "civilians killed (36)"
    assert gov["United States"] == "no IS present"
    # Columns follow the registry's legend order.
    side_cols = [c for c in table.columns if c not in ("place", "sides")]
    labels = [s.label for s in sides.values()]
    assert side_cols == sorted(side_cols, key=labels.index)
    assert table["sides"].is_monotonic_decreasing


def test_contested_places_empty_when_no_place_has_two_sides(
    features: list[dict], sides: dict[str, Side]
) -> None:
    only_us = claims.apply_filters(features, claims.Filters(sides=frozenset({"us"})))
    assert claims.contested_places(only_us, sides).empty


# --- exports -----------------------------------------------------------------------------------------


def test_geojson_export_round_trips(features: list[dict]) -> None:
    shown = claims.apply_filters(features, claims.Filters(sides=frozenset({"opposition"})))
    back = json.loads(claims.to_geojson(shown))
    assert back["type"] == "FeatureCollection"
    assert back["features"] == shown


def test_csv_export(features: list[dict]) -> None:
    rows = list(csv.DictReader(io.StringIO(claims.to_csv(features).decode("utf-8"))))
    assert len(rows) == 17
    assert rows[0]["claim_id"] == "fx-01"
    assert rows[0]["geometry_type"] == "Polygon"
    assert 34 < float(rows[0]["lat"]) < 36  # a point inside Homs governorate
    assert rows[2]["casualties"] == ""


def test_csv_export_defuses_spreadsheet_formulas(features: list[dict]) -> None:
    import copy

    f = copy.deepcopy(features[0])
    f["properties"].update(
        speaker='=HYPERLINK("http://evil.example","x")', evidence="@SUM(A1)", casualties=-3
    )
    (row,) = list(csv.DictReader(io.StringIO(claims.to_csv([f]).decode("utf-8"))))
    assert row["speaker"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["evidence"] == "'@SUM(A1)"
    assert row["casualties"] == "-3"  # a number, not text: left as it is


# --- escaping ----------------------------------------------------------------------------------------


def test_popup_and_tooltip_escape_article_text(features: list[dict], sides: dict[str, Side]) -> None:
    evil = next(f["properties"] for f in features if f["properties"]["claim_id"] == "fx-xss")
    side = views.side_of(sides, evil["side"])
    for html in (views.popup_html(evil, side), views.tooltip_html(evil, side)):
        for bad in EVIL:
            assert bad not in html
    popup = views.popup_html(evil, side)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in popup
    assert "&lt;img src=x onerror=alert(1)&gt;" in popup
    assert "<mark>Talbiseh</mark>" in popup


@pytest.mark.parametrize(
    "props, expected",
    [
        ({"evidence": "Strikes hit Homs.", "place_as_written": "Homs"}, "Strikes hit <mark>Homs</mark>."),
        (
            {"evidence": "a <b> Homs & co", "place_as_written": "Homs", "evidence_start": 10,
             "mention_start": 16, "mention_end": 20},
            "a &lt;b&gt; <mark>Homs</mark> &amp; co",
        ),
        # Offsets that do not match the text fall back to a search; no place, no mark.
        ({"evidence": "in HOMS", "place_as_written": "Homs", "evidence_start": 0, "mention_start": 0,
          "mention_end": 2}, "in <mark>HOMS</mark>"),
        ({"evidence": "Nowhere named <i>", "place_as_written": "Hama"}, "Nowhere named &lt;i&gt;"),
    ],
)  # fmt: skip
def test_evidence_html(props: dict, expected: str) -> None:
    assert views.evidence_html(props) == expected


def test_article_html_escapes_then_marks() -> None:
    text = "<script>x</script> Homs was hit. Then Hama."
    spans = [
        views.Span(19, 32, "#D55E00", "evidence", "Russia"),
        views.Span(19, 23, "#D55E00", "mention"),
        views.Span(38, 42, "#009E73", "mention"),
    ]
    html = views.article_html(text, spans)
    assert "<script>" not in html
    assert html.startswith('<div class="ca-article">&lt;script&gt;x&lt;/script&gt; <span')
    assert '<mark style="background:#D55E0055;border-bottom:2px solid #D55E00">Homs</mark>' in html
    assert '<mark style="background:#009E7355;border-bottom:2px solid #009E73">Hama</mark>' in html
    assert html.count("<span") == 2  # the evidence is cut in two around the nested mention


def test_article_spans_follow_offsets(features: list[dict], sides: dict[str, Side]) -> None:
    texts = sources.corpus_texts()
    article = texts["004_ff01b8e64425b3dd.txt"]
    mine = [f for f in features if f["properties"]["article"] == article.id]
    spans = views.article_spans(article.text, mine, sides)
    mentions = {article.text[s.start : s.end] for s in spans if s.kind == "mention"}
    assert {"Talbiseh", "Hama", "Paris"} <= mentions


@pytest.mark.parametrize("color, expected", [("#D55E00", "#D55E00"), ("red;x:1", "#777777"), ("", "#777777")])
def test_safe_color(color: str, expected: str) -> None:
    assert views.safe_color(color) == expected


def test_legend_uses_registry_order_and_colours(sides: dict[str, Side]) -> None:
    html = views.legend_html(sides.values())
    positions = [html.index(s.label) for s in sides.values()]
    assert positions == sorted(positions)
    assert all(s.color in html for s in sides.values())


# --- geometry ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 9, 40])
def test_ring_offsets_keep_markers_apart(n: int) -> None:
    offsets = geometry.ring_offsets(n)
    assert len(offsets) == n
    for i, a in enumerate(offsets):
        for b in offsets[i + 1 :]:
            assert ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 >= 2 * mapping.MARKER_RADIUS - 0.5


def test_spread_groups_coincident_points() -> None:
    out = geometry.spread([(34.73, 36.71), (35.0, 38.0), (34.73, 36.71)])
    assert out[1] == (0.0, 0.0)
    assert out[0] != out[2]


# --- maps --------------------------------------------------------------------------------------------


def _script(m) -> str:
    return m.get_root().render()


def test_map_has_a_layer_per_side_and_country_layer_off(features: list[dict], sides: dict[str, Side]) -> None:
    shown = claims.apply_filters(features, claims.Filters())
    m = mapping.build_map(shown, sides)
    layers = {c.layer_name: c for c in m._children.values() if isinstance(c, mapping.ClaimLayer)}
    assert set(layers) == {
        "Russia (1)", "United States (4)", "Syrian opposition (3)", "Monitors (1)", "Other sources (1)",
        "Reporter (narration) (1)", "Country-level claims (3)",
    }  # fmt: skip
    assert layers["Country-level claims (3)"].show is False
    assert all(layer.show for name, layer in layers.items() if not name.startswith("Country"))
    # Every claim is one clickable marker (governorates add a shaded area each).
    markers = [f for layer in layers.values() for f in layer.data["features"] if "popup" in f["properties"]]
    assert len(markers) == len(shown)


def test_claims_at_one_place_do_not_stack(features: list[dict], sides: dict[str, Side]) -> None:
    drawn = mapping._drawn(claims.apply_filters(features, claims.Filters()), sides)
    at_homs = [
        (f["properties"]["dx"], f["properties"]["dy"])
        for _, f in drawn
        if f["geometry"]["coordinates"] == [36.7137, 34.7324] and "popup" in f["properties"]
    ]
    assert len(at_homs) == 4
    assert len(set(at_homs)) == 4


def test_map_html_escapes_article_text(features: list[dict], sides: dict[str, Side]) -> None:
    html = _script(mapping.build_map(features, sides))
    for bad in EVIL:
        assert bad not in html


def test_map_needs_no_internet(features: list[dict], sides: dict[str, Side]) -> None:
    for fig in (mapping.build_map(features, sides), mapping.build_pair(features, sides, "russia", "us")):
        urls = offline.asset_urls(fig)
        assert urls, "Leaflet itself must still be loaded"
        assert all(u.startswith("data:") for u in urls), [u[:60] for u in urls if not u.startswith("data:")]
        html = fig.get_root().render() if isinstance(fig, mapping.folium.Map) else ""
        assert "cdn.jsdelivr" not in html


def test_leaflet_css_inlines_its_images() -> None:
    import base64

    css = base64.b64decode(offline.leaflet_css().split(",", 1)[1]).decode()
    assert "url(images/" not in css
    assert "data:image/png;base64," in css


def test_unknown_cdn_asset_is_refused() -> None:
    import folium.plugins

    m = mapping.folium.Map(tiles=None)
    folium.plugins.Fullscreen().add_to(m)
    with pytest.raises(offline.OfflineAssetError, match="no local copy"):
        offline.localize(m)


def test_pair_shows_one_side_per_map(features: list[dict], sides: dict[str, Side]) -> None:
    pair = mapping.build_pair(claims.apply_filters(features, claims.Filters()), sides, "russia", "opposition")
    names = [
        [c.layer_name for c in m._children.values() if isinstance(c, mapping.ClaimLayer)]
        for m in (pair.m1, pair.m2)
    ]
    assert names == [["Russia (1)", "Country-level claims (3)"], ["Syrian opposition (3)"]]


def test_empty_map_shows_syria(sides: dict[str, Side]) -> None:
    m = mapping.build_map([], sides)
    assert "fitBounds" in _script(m)
    assert mapping._bounds([]) == mapping.SYRIA_BOUNDS


# --- sources -----------------------------------------------------------------------------------------


def test_check_uploads_enforces_type_size_and_count() -> None:
    ups = [sources.Upload(f"a{i}.txt", b"x") for i in range(sources.MAX_FILES + 2)]
    ups += [
        sources.Upload("big.md", b"x" * (sources.MAX_FILE_MB * 1024 * 1024 + 1)),
        sources.Upload("p.pdf", b""),
    ]
    kept, refused = sources.check_uploads(ups)
    assert len(kept) == sources.MAX_FILES
    assert len(refused) == 4
    assert any("big.md" in r and "MB" in r for r in refused)
    assert any("p.pdf" in r and "unsupported" in r for r in refused)


def test_uploads_key_changes_with_content() -> None:
    a = sources.uploads_key([sources.Upload("a.txt", b"1")])
    assert a == sources.uploads_key([sources.Upload("a.txt", b"1")])
    assert a != sources.uploads_key([sources.Upload("a.txt", b"2")])


class _FakePipeline:
    """Stands in for geo.pipeline.Pipeline: reads nothing, returns the fixture as its GeoJSON."""

    def __init__(self, collection: dict) -> None:
        from types import SimpleNamespace

        self.collection = collection
        self.gazetteer = SimpleNamespace(user_places_errors=[])

    def read_upload(self, name: str, data: bytes):
        from geo.articles import read_bytes

        return read_bytes(name, data)

    def run(self, articles, progress=None):
        from types import SimpleNamespace

        for i in range(len(articles)):
            if progress:
                progress(i + 1, len(articles))
        return SimpleNamespace(
            feature_collection=self.collection, articles=list(articles), errors=["x.txt: boom"]
        )


def test_from_uploads_lists_failures_by_file(features: list[dict]) -> None:
    pipe = _FakePipeline({"type": "FeatureCollection", "features": features})
    seen = []
    ds = sources.from_uploads(
        pipe,
        [sources.Upload("ok.txt", b"Title\n\nStrikes hit Homs."), sources.Upload("bad.pdf", b"%PDF")],
        progress=lambda d, t: seen.append((d, t)),
    )
    assert len(ds.features) == 17
    assert seen == [(1, 1)]
    assert any(e.startswith("bad.pdf") for e in ds.errors)
    assert "x.txt: boom" in ds.errors
    assert "ok.txt" in ds.articles
