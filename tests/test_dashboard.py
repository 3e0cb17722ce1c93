"""The dashboard's pure helpers, without Streamlit: filters, tables, exports, escaping, maps, assets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import get_args

import pytest

from dashboard import claims, dispute, elements, geometry, mapping, offline, sources, views
from geo import types
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
        (claims.Filters(min_confidence=0.7), 7),
        (claims.Filters(bases=frozenset({"container"})), 0),  # a basis the claims stage may add
    ],
)
def test_filters(features: list[dict], filters: claims.Filters, expected: int) -> None:
    assert len(claims.apply_filters(features, filters)) == expected


@pytest.mark.parametrize(
    "props, day",
    [
        ({"event_date": "2015-09-30", "published": "2015-10-01"}, "2015-09-30"),
        ({"event_date": "", "published": "2015-10-01"}, "2015-10-01"),
        ({"event_date": None, "published": "1 October 2015"}, ""),  # not ISO: not a day we can sort
        ({}, ""),
    ],
)
def test_claim_day(props: dict, day: str) -> None:
    assert claims.claim_day(props) == day


@pytest.mark.parametrize(
    "days, undated, expected",
    [
        (("2015-09-30", "2015-10-01"), True, 14),
        (("2015-09-30", "2015-09-30"), True, 13),  # the replay stops before the 1 October claim
        (("2015-10-01", "2015-10-01"), True, 1),
        (("2016-01-01", "2016-12-31"), True, 0),
    ],
)
def test_date_filter(features: list[dict], days: tuple[str, str], undated: bool, expected: int) -> None:
    assert len(claims.apply_filters(features, claims.Filters(days=days, undated=undated))) == expected


def test_undated_claims_follow_their_switch() -> None:
    undated = [{"properties": {"role": "target"}}]
    assert claims.apply_filters(undated, claims.Filters(days=("2015-01-01", "2015-12-31"))) == undated
    assert (
        claims.apply_filters(undated, claims.Filters(days=("2015-01-01", "2015-12-31"), undated=False)) == []
    )


@pytest.mark.parametrize(
    "props, label",
    [
        ({"place": "Homs", "precision": "admin1"}, "Homs governorate"),
        ({"place": "Homs Governorate", "precision": "admin1"}, "Homs Governorate"),
        ({"place": "Homs", "precision": "point"}, "Homs"),
        ({"place": "northern Homs", "precision": "region"}, "northern Homs"),
        (
            {"place": "Kafr Zita", "precision": "admin1", "location_basis": "unlocated"},
            "Kafr Zita (not located; within its governorate)",
        ),
        (
            {"place": "al-Bo Omar", "precision": "region", "location_basis": "unlocated"},
            "al-Bo Omar (not located; within its area)",
        ),
        # what `build` writes today names the governorate
        (
            {
                "place": "Kafr Zita",
                "precision": "admin1",
                "location_basis": "unlocated",
                "admin1_name": "Hama",
            },
            "Kafr Zita (not located; within Hama governorate)",
        ),
        (
            {
                "place": "al-Bo Omar",
                "precision": "region",
                "location_basis": "unlocated",
                "admin1_name": "Deir ez-Zor",
            },
            "al-Bo Omar (not located; within an area of Deir ez-Zor governorate)",
        ),
        ({"place": "Homs", "precision": "point", "admin1_name": "Homs"}, "Homs"),
    ],
)
def test_place_label(props: dict, label: str) -> None:
    assert claims.place_label(props) == label


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


def test_claims_frame_has_blanks_not_none(features: list[dict]) -> None:
    frame = claims.claims_frame(features)
    text = [c for c in claims.COLUMNS if c not in claims._NUMERIC]
    assert not frame[text].isna().any().any()
    assert "" in set(frame["outlet"])  # most fixture articles name no outlet: a blank, not "None"
    assert not frame[text].isin(["None"]).any().any()
    assert set(frame["precision"]) <= set(claims.PRECISION_LABELS.values())
    assert set(claims.COLUMN_LABELS) == set(claims.COLUMNS)


@pytest.mark.parametrize(
    "values, labels, pipeline_type",
    [
        (claims.CLAIM_TYPES, claims.CLAIM_TYPE_LABELS, types.ClaimType),
        (claims.PRECISIONS, claims.PRECISION_LABELS, types.Precision),
        (claims.BASES, claims.BASIS_LABELS, types.LocationBasis),
        (claims.ROLES, None, types.Role),
    ],
)
def test_enums_are_the_pipelines(values: tuple, labels: dict | None, pipeline_type: object) -> None:
    assert set(values) == set(get_args(pipeline_type))
    assert labels is None or set(labels) == set(values)  # every value the pipeline writes has words here


def test_precisions_run_from_town_to_country() -> None:
    assert claims.PRECISIONS == ("point", "region", "admin1", "country")


# --- dispute -----------------------------------------------------------------------------------------


def _cards(features: list[dict], radius: float = 10.0, window: int | None = None) -> dict:
    shown = claims.apply_filters(features, claims.Filters())
    return {c.locality.label: c for c in dispute.place_cards(shown, radius, window)}


def test_localities_tell_city_and_governorate_apart(features: list[dict]) -> None:
    labels = [loc.label for loc in dispute.localities(claims.apply_filters(features, claims.Filters()))]
    assert "Homs Governorate" in labels
    assert "Talbiseh" in labels
    # The city keeps its plain name when no governorate of that name is among the claims.
    only_points = [f for f in features if f["properties"]["precision"] != "admin1"]
    assert "Homs" in [loc.label for loc in dispute.localities(only_points)]


@pytest.mark.parametrize(
    "radius, place, sides_expected",
    [
        # Talbiseh (opposition, US, other) and "northern Homs" (Russia) are 12 km apart; Homs 12 km.
        (10.0, "Talbiseh", {"opposition", "us", "other"}),
        (13.0, "Talbiseh", {"opposition", "us", "other", "russia", "reporter"}),
        (1.0, "Talbiseh", {"opposition", "us", "other"}),
    ],
)
def test_place_card_gathers_sides_within_the_distance(
    features: list[dict], radius: float, place: str, sides_expected: set[str]
) -> None:
    card = _cards(features, radius)[place]
    assert set(card.sides) == sides_expected
    assert all(e.km <= radius for e in card.entries)


def test_place_card_of_a_governorate_takes_what_lies_inside(features: list[dict]) -> None:
    card = _cards(features)["Homs Governorate"]
    assert {"opposition", "us", "reporter"} <= set(card.sides)
    assert any(e.props["place"] == "Talbiseh" for e in card.entries)
    assert not any(e.props["precision"] == "country" for e in card.entries)


@pytest.mark.parametrize("window, kept_other", [(None, True), (0, False), (1, True)])
def test_place_card_day_window(features: list[dict], window: int | None, kept_other: bool) -> None:
    # Talbiseh's first claim is dated 2015-09-30; the "other" side's claim there is 2015-10-01.
    card = _cards(features, 10.0, window)["Talbiseh"]
    assert ("other" in card.sides) is kept_other


def test_contested_table_is_built_from_the_cards(features: list[dict], sides: dict[str, Side]) -> None:
    table = dispute.contested_table(list(_cards(features).values()), sides)
    rows = {r["Place"]: r for r in table.to_dict("records")}
    assert {"Homs Governorate", "Talbiseh"} <= set(rows)
    gov = rows["Homs Governorate"]
    assert gov["Syrian opposition"].startswith("civilians killed (36)")
    assert "Talbiseh" in gov["Syrian opposition"]  # a claim nearby says where it is
    assert rows["Talbiseh"]["United States"] == "no IS present"
    side_cols = [c for c in table.columns if c not in ("Place", "Sides")]
    labels = [s.label for s in sides.values()]
    assert side_cols == sorted(side_cols, key=labels.index)
    assert table["Sides"].is_monotonic_decreasing


@pytest.mark.parametrize(
    "counts, campaign, expected",
    [
        ({"russia": 2, "us": 1, "opposition": 3}, "russia", ("russia", "opposition")),  # most against it
        ({"russia": 2, "us": 3, "opposition": 3}, "russia", ("russia", "us")),  # a tie: registry order
        ({"us": 1, "opposition": 2}, "russia", ("us", "opposition")),  # no campaign claims: the first
        ({"russia": 1, "us": 1}, "", ("russia", "us")),  # a registry with no campaign side
    ],
)
def test_pair_sides_come_from_the_registry_and_the_claims(
    sides: dict[str, Side], counts: dict[str, int], campaign: str, expected: tuple[str, str]
) -> None:
    features = [{"properties": {"side": s}} for s, n in counts.items() for _ in range(n)]
    ordered = [s for s in sides if s in counts]
    assert dispute.pair_sides(features, ordered, campaign) == expected


def test_card_points_hold_the_place_and_the_chosen_sides(features: list[dict]) -> None:
    card = _cards(features)["Talbiseh"]
    us = dispute.card_points(card, ("us",))
    assert len(us) == 1 + sum(1 for e in card.entries if e.props["side"] == "us")
    assert len(dispute.card_points(card)) == 1 + len(card.entries)
    gov = _cards(features)["Homs Governorate"]
    lats = [lat for lat, _ in dispute.card_points(gov, ("nobody",))]
    assert max(lats) - min(lats) > 1  # a governorate's card spans the governorate


def test_contested_table_empty_when_one_side(features: list[dict], sides: dict[str, Side]) -> None:
    only_us = claims.apply_filters(features, claims.Filters(sides=frozenset({"us"})))
    assert dispute.contested_table(dispute.place_cards(only_us), sides).empty


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
    assert rows[2]["casualties"] == ""


@pytest.mark.parametrize(
    "claim_id, lat, lon, geo_precision",
    [
        ("fx-01", 34.7324, 36.7137, "3"),  # Homs governorate: its seat, Homs city, not a point in the desert
        ("fx-11", 35.1318, 36.7578, "3"),  # Hama governorate: Hama
        ("fx-12", 34.8406, 36.7306, "1"),  # Talbiseh, a town
        ("fx-04", 34.95, 36.72, "2"),  # "northern Homs", an area
        ("fx-03", 35.0, 38.5, "3"),  # Syria
    ],
)
def test_csv_points_and_geo_precision(
    features: list[dict], claim_id: str, lat: float, lon: float, geo_precision: str
) -> None:
    rows = {r["claim_id"]: r for r in csv.DictReader(io.StringIO(claims.to_csv(features).decode("utf-8")))}
    row = rows[claim_id]
    assert abs(float(row["lat"]) - lat) < 0.02 and abs(float(row["lon"]) - lon) < 0.02
    assert row["geo_precision"] == geo_precision


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


def test_place_card_and_tray_escape_article_text(features: list[dict], sides: dict[str, Side]) -> None:
    evil = next(f for f in features if f["properties"]["claim_id"] == "fx-xss")
    side = views.side_of(sides, evil["properties"]["side"])
    card = views.place_card_html([(side, [views.claim_entry_html(evil["properties"], side)])], "<i>x</i>", "")
    tray = views.country_tray_html([evil], sides)
    for html in (card, tray):
        for bad in EVIL:
            assert bad not in html
    assert "&lt;i&gt;x&lt;/i&gt;" in card


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


@pytest.mark.parametrize(
    "legend, explains_shapes",
    [
        (lambda fs, sides: _script(mapping.build_map(fs, sides)), True),  # the claims map draws them
        (lambda fs, sides: views.legend_html(sides.values()), False),  # store map and article view
    ],
)
def test_only_the_claims_map_explains_its_shapes(
    features: list[dict], sides: dict[str, Side], legend, explains_shapes: bool
) -> None:
    html = legend(features, sides)
    assert ("hatched: governorate" in html) is explains_shapes
    assert ("dashed circle" in html) is explains_shapes
    assert "Who claims it" in html


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


def test_map_has_a_layer_per_side_and_no_country_claims(features: list[dict], sides: dict[str, Side]) -> None:
    shown = claims.apply_filters(features, claims.Filters())
    m = mapping.build_map(shown, sides)
    layers = {c.layer_name: c for c in m._children.values() if isinstance(c, mapping.ClaimLayer)}
    assert set(layers) == {
        "Russia (1)", "United States (4)", "Syrian opposition (3)", "Monitors (1)", "Other sources (1)",
        "Reporter (narration) (1)",
    }  # fmt: skip
    # The sidebar chooses sides: the layer control does not list them (one set of switches).
    assert not any(layer.control for layer in layers.values())
    drawn = [f for layer in layers.values() for f in layer.data["features"]]
    country = sum(1 for f in shown if f["properties"]["precision"] == "country")
    assert sum(f["properties"]["n"] for f in drawn) == len(shown) - country == 11


@pytest.mark.parametrize(
    "precision, geometry, shape",
    [
        ("point", "Point", "marker"),
        ("region", "Point", "circle"),  # "northern Homs": an area, never a pinpoint
        ("admin1", "Polygon", "area"),  # a governorate: its hatched outline, no marker
        ("admin1", "Point", "circle"),  # a province with no polygon: a wide labelled circle, no marker
        ("country", "Point", None),  # country only: beside the map, not on it
    ],
)
def test_precision_decides_the_shape(
    features: list[dict], sides: dict[str, Side], precision: str, geometry: str, shape: str | None
) -> None:
    point = {"type": "Point", "coordinates": [36.7, 34.7]}
    mine = [
        {**f, "geometry": point if geometry == "Point" else f["geometry"]}
        for f in features
        if f["properties"]["precision"] == precision
    ][:1]
    assert mine
    drawn = [f["properties"] for _, f in mapping._drawn(mine, sides)]
    assert [p["shape"] for p in drawn] == ([shape] if shape else [])
    assert all(bool(p.get("label")) == (precision == "admin1") for p in drawn)


def test_governorate_claims_of_two_sides_are_hatched_apart(
    features: list[dict], sides: dict[str, Side]
) -> None:
    homs = [f for f in features if f["properties"]["place_id"] == "gov:SY-HI"]
    areas = [f["properties"] for _, f in mapping._drawn(homs, sides)]
    assert len(areas) == 2
    assert len({a["hatch"] for a in areas}) == 2  # each side its own hatch angle: no blended third colour
    assert [bool(a.get("label")) for a in areas].count(True) == 1  # one label per governorate
    assert areas[0]["label"] == "Homs Governorate"
    angles = {h: angle for h, _, angle in mapping._patterns(mapping.side_order(homs, sides), sides)}
    assert angles[areas[0]["hatch"]] != angles[areas[1]["hatch"]]


@pytest.mark.parametrize(
    "props, opacity_rank, dash",
    [
        ({"confidence": 0.9, "location_basis": "explicit"}, 2, ""),
        ({"confidence": 0.5, "location_basis": "sentence"}, 1, "4 3"),
        ({"confidence": 0.1, "location_basis": "article"}, 0, "1 3"),
        ({"confidence": None, "location_basis": "container"}, 1, "1 3"),  # unknown or new basis: dotted
    ],
)
def test_confidence_and_basis_are_drawn(props: dict, opacity_rank: int, dash: str) -> None:
    levels = sorted({mapping._opacity(p, 0.3, 0.95) for p in ({"confidence": c} for c in (0.1, 0.5, 0.9))})
    assert mapping._opacity(props, 0.3, 0.95) == levels[opacity_rank]
    assert mapping._dash(props) == dash


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
    assert names == [["Russia (1)"], ["Syrian opposition (3)"]]
    # One document holds both maps: each side's hatch id means that side's colour on both.
    patterns = [
        next(c.patterns for c in m._children.values() if isinstance(c, mapping.Hatches))
        for m in (pair.m1, pair.m2)
    ]
    assert patterns[0] == patterns[1]
    hatch = {h: color for h, color, _ in patterns[0]}
    theirs = [f for f in features if f["properties"]["side"] == "opposition"]
    drawn = mapping._drawn(theirs, sides, mapping.side_order(features, sides))
    right = [f["properties"] for _, f in drawn if f["properties"]["shape"] == "area"]
    assert right and all(hatch[p["hatch"]] == sides["opposition"].color for p in right)


@pytest.mark.parametrize(
    "focus_on, widest",
    [
        ("Talbiseh", 0.6),  # a town's card: its neighbourhood, never the country
        (None, 2.5),  # no card: the two sides' claims (Homs to Hama), not a fixed four degrees
    ],
)
def test_pair_opens_on_its_claims(
    features: list[dict], sides: dict[str, Side], focus_on: str | None, widest: float
) -> None:
    shown = claims.apply_filters(features, claims.Filters())
    focus = dispute.card_points(_cards(features)[focus_on], ("us", "opposition")) if focus_on else []
    (south, west), (north, east) = mapping.build_pair(shown, sides, "us", "opposition", focus).bounds
    assert north - south <= widest and east - west <= widest
    points = focus or [geometry.anchor(f["geometry"]) for f in shown if f["properties"]["side"] == "us"]
    assert all(south < lat < north and west < lon < east for lat, lon in points)


@pytest.mark.parametrize(
    "undated, shown, says",
    [
        (17, True, "None of the 17 claims has a date"),
        (5, True, "5 of 17 claims have no date and are shown whatever dates are chosen"),
        (5, False, "5 of 17 claims have no date and are hidden"),
        (0, True, ""),
    ],
)
def test_time_note_says_how_undated_claims_are_treated(
    features: list[dict], undated: int, shown: bool, says: str
) -> None:
    dated = {"properties": {"event_date": "2015-09-30"}}
    undated_feature = {"properties": {"event_date": "", "published": ""}}
    mixed = [undated_feature] * undated + [dated] * (17 - undated)
    note = views.time_note(mixed, shown)
    assert note.startswith(says) if says else note == ""


@pytest.mark.parametrize(
    "geometry_type, simpler",
    [("Polygon", True), ("Point", False)],
)
def test_areas_are_drawn_simplified_and_exports_stay_exact(
    features: list[dict], sides: dict[str, Side], geometry_type: str, simpler: bool
) -> None:
    f = next(f for f in features if f["geometry"]["type"] == geometry_type)
    before = json.dumps(f["geometry"])
    drawn = geometry.for_drawing(f["geometry"])
    assert json.dumps(f["geometry"]) == before  # the claim itself (and so every export) is untouched
    if simpler:
        ring, exact = drawn["coordinates"][0], f["geometry"]["coordinates"][0]
        assert 3 < len(ring) < len(exact)
        assert all(round(c, geometry.DRAWING_DIGITS) == c for point in ring for c in point)
        area = next(g for _, g in mapping._drawn([f], sides) if g["properties"]["shape"] == "area")
        assert area["geometry"] == drawn
    else:
        assert drawn == f["geometry"]


def test_basemap_borders_are_drawn_simplified() -> None:
    from dashboard import basemap

    exact = basemap.load_outlines(basemap.GOVERNORATES_FILE)
    drawn = basemap.load_scenery(basemap.GOVERNORATES_FILE)
    assert exact and drawn and len(drawn["features"]) == len(exact["features"])
    assert len(json.dumps(drawn)) < len(json.dumps(exact)) / 2


def test_map_data_is_compact_and_html_safe() -> None:
    data = {"evidence": "</script><b onmouseover=x>'&", "n": [1, 2]}
    text = elements.script_json(data)
    assert ", " not in text and ": " not in text
    assert "<" not in text and ">" not in text and "'" not in text and "&" not in text
    assert json.loads(text) == data


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


@pytest.mark.parametrize(
    "names_and_data, kept, noted",
    [
        (
            [("a.txt", b"1"), ("b.txt", b"1"), ("c.txt", b"2")],
            ["a.txt", "c.txt"],
            ["b.txt: same content as a.txt"],
        ),
        ([("a.txt", b"1"), ("a.txt", b"1")], ["a.txt"], ["a.txt: same content as a.txt"]),
        ([("a.txt", b"1"), ("b.txt", b"2")], ["a.txt", "b.txt"], []),  # same size, other content: both read
    ],
)
def test_unique_uploads_by_content(names_and_data: list, kept: list[str], noted: list[str]) -> None:
    ups, notes = sources.unique_uploads([sources.Upload(n, d) for n, d in names_and_data])
    assert [u.name for u in ups] == kept
    assert [n.split(";")[0] for n in notes] == noted


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


def test_drawing_and_tables_leave_the_features_as_they_were(sides: dict[str, Side]) -> None:
    """The app caches one dataset for every session (st.cache_resource): nothing may change it."""
    import copy

    features = claims.read_collection(FIXTURE.read_bytes(), FIXTURE.name)["features"]
    before = copy.deepcopy(features)
    shown = claims.apply_filters(features, claims.Filters(roles=None))
    mapping.build_map(shown, sides).get_root().render()
    mapping.build_pair(shown, sides, "ru", "us").get_root().render()
    cards = dispute.place_cards(shown)
    dispute.contested_table(cards, sides)
    claims.claims_frame(shown)
    claims.to_csv(shown)
    claims.to_geojson(shown)
    views.country_tray_html(shown, sides)
    assert features == before


def _unlocated(feature: dict, village: str, governorate: str | None) -> dict:
    """A village placed only at the fixture governorate's outline, as geo.unlocated places it."""
    props = {**feature["properties"], "place": village, "place_as_written": village}
    props.update(location_basis="unlocated", place_id=f"unlocated:{props['place_id']}:x")
    if governorate is not None:
        props["admin1_name"] = governorate
    return {**feature, "properties": props}


@pytest.mark.parametrize(
    "with_governorate_claim, governorate, label",
    [
        (True, "Homs", "Homs Governorate<br><small>not located here: Kafr &lt;b&gt;X</small>"),
        (False, "Homs", "Homs governorate<br><small>not located here: Kafr &lt;b&gt;X</small>"),
        # a file written before admin1_name: the governorate is drawn but not named
        (False, None, "Kafr &lt;b&gt;X<br><small>not located; within this governorate</small>"),
    ],
)
def test_a_village_placed_only_at_its_governorate_is_named_in_its_label(
    features: list[dict], sides: dict[str, Side], with_governorate_claim: bool, governorate, label: str
) -> None:
    homs = next(
        f for f in features if f["properties"]["place_id"] == "gov:SY-HI" and f["properties"]["side"] == "us"
    )
    mine = [homs] * with_governorate_claim + [_unlocated(homs, "Kafr <b>X", governorate)]
    drawn = [f["properties"] for _, f in mapping._drawn(mine, sides)]
    # one hatched outline for the side's claims there, no marker pretending to know the spot
    assert [p["shape"] for p in drawn] == ["area"]
    assert drawn[0]["n"] == len(mine) and drawn[0]["label"] == label
    assert "Kafr &lt;b&gt;X (not located; within" in drawn[0]["popup"]


def test_a_governorates_card_holds_the_villages_placed_only_within_it(
    features: list[dict], sides: dict[str, Side]
) -> None:
    homs = next(
        f for f in features if f["properties"]["place_id"] == "gov:SY-HI" and f["properties"]["side"] == "us"
    )
    village = _unlocated(homs, "Kafr X", "Homs")
    village["properties"]["side"] = "opposition"
    cards = {c.locality.label: c for c in dispute.place_cards([homs, village])}
    assert set(cards) == {"Homs Governorate", "Kafr X (not located; within Homs governorate)"}
    assert cards["Homs Governorate"].sides == ["us", "opposition"]
    table = dispute.contested_table(list(cards.values()), sides)
    assert len(table) == 1  # both cards hold the same two claims: one row
    cell = table.iloc[0][sides["opposition"].label]
    assert "at Kafr X (not located; within Homs governorate)" in cell


def test_the_store_map_is_redrawn_where_leaflet_put_it() -> None:
    """Bounds Leaflet reported for a map centred on Syria at zoom 7: their Mercator middle is that
    centre again (their halfway latitude is 5 px south, and a redraw there moved the map for ever)."""
    from dashboard import store_map

    box = (32.16631295696736, 33.33251953125001, 37.74465712069939, 43.65966796875001)
    center = store_map.view_center(box)
    assert store_map.same_view((center, 7), (store_map.SYRIA_CENTER, 7))
    assert not store_map.same_view((((box[0] + box[2]) / 2, center[1]), 7), (store_map.SYRIA_CENTER, 7))


@pytest.mark.parametrize(
    "other, same",
    [
        (((35.0, 38.5), 7), True),
        (((35.0, 38.51), 7), True),  # about one pixel at zoom 7
        (((35.0, 38.6), 7), False),  # a pan of nine pixels
        (((35.0, 38.5), 8), False),  # a zoom
    ],
)
def test_same_view_is_within_leaflets_rounding(other, same: bool) -> None:
    from dashboard import store_map

    assert store_map.same_view(((35.0, 38.5), 7), other) is same


def test_store_cells_are_one_ring_per_cell_with_every_sides_count(sides: dict[str, Side]) -> None:
    from dashboard import store_map
    from geo.store import Cell

    degrees = store_map.cell_degrees(7)
    cells = [Cell("russia", 35.01, 36.01, 3), Cell("us", 35.02, 36.02, 1), Cell("russia", 33.5, 40.0, 2)]
    payload = store_map.cells_payload(cells, sides, degrees)
    assert [r[3] for r in payload["rows"]] == [4, 2]  # the largest cell first
    lat, lon, shares, _ = payload["rows"][0]
    assert [payload["sides"][i][0] for i, _ in shares] == [sides["russia"].label, sides["us"].label]
    assert [n for _, n in shares] == [3, 1] and (lat, lon) == (35.0125, 36.0125)  # where its claims are
