"""The dashboard on a claims store: filters reach the store's SQL, the map counts per cell when the view
holds many claims and draws points when it holds few, and article text never becomes markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import store_map
from dashboard.synth import synthetic_store
from geo.pipeline import ArticleOutcome
from geo.registry import load_sides
from geo.store import ClaimStore, StoreFilter
from geo.types import Article

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")


@pytest.fixture(scope="module")
def big_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "big.sqlite"
    synthetic_store(2400, path)
    return path


def _open(monkeypatch: pytest.MonkeyPatch, path: Path) -> AppTest:
    monkeypatch.setenv("CLAIMATLAS_STORE", str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def _map_payload(at: AppTest) -> dict:
    """The payload the page sent to the map, read back from the component's HTML."""
    html = next(e for e in at.get("component_instance") if "caStoreDrawn" in str(e.proto)).proto
    text = json.loads(html.json_args)["script"]
    start = text.index("caStoreDrawn = drawn;\n        })(")
    return json.loads(text[text.index(", ", start) + 2 : text.index(");", start)])


def test_a_store_opens_on_counts_per_cell_that_add_up_to_every_claim(monkeypatch, big_store: Path) -> None:
    at = _open(monkeypatch, big_store)
    with ClaimStore(big_store) as store:
        expected = store.count(store_map.OPENING_VIEW)
    assert expected > store_map.POINT_LIMIT
    assert f"{expected} claims in view of {expected}" in at.caption[0].value
    payload = _map_payload(at)
    assert payload["kind"] == "cells"
    assert sum(r[3] for r in payload["rows"]) == expected


@pytest.mark.parametrize(
    "change, where",
    [
        (lambda at: at.checkbox(key="st_side_russia").uncheck(), lambda p: p["side"] != "russia"),
        (lambda at: at.multiselect(key="st_types").set_value(["denial"]),
         lambda p: p["claim_type"] == "denial"),
        (lambda at: at.multiselect(key="st_roles").set_value([]), lambda p: False),
        (lambda at: at.text_input(key="st_articles").input("synth_0003.txt, synth_0007.txt"),
         lambda p: p["article"] in ("synth_0003.txt", "synth_0007.txt")),
    ],
)  # fmt: skip
def test_sidebar_filters_narrow_the_map_and_the_table(monkeypatch, big_store: Path, change, where) -> None:
    at = _open(monkeypatch, big_store)
    change(at)
    at.run()
    assert not at.exception, at.exception
    with ClaimStore(big_store) as store:
        everything = [f["properties"] for f in store.features(store_map.OPENING_VIEW)]
    expected = sum(1 for p in everything if where(p))
    assert f"{expected} claims in view of {expected}" in at.caption[0].value
    payload = _map_payload(at)
    assert payload["kind"] == ("cells" if expected > store_map.POINT_LIMIT else "points")
    drawn = sum(r[3] for r in payload["rows"]) if payload["kind"] == "cells" else len(payload["rows"])
    assert drawn == expected


def test_the_view_box_from_the_map_queries_the_store_and_turns_cells_into_points(
    monkeypatch, big_store: Path
) -> None:
    at = _open(monkeypatch, big_store)
    box = {"_southWest": {"lat": 34.0, "lng": 36.0}, "_northEast": {"lat": 35.0, "lng": 37.5}}
    at.session_state["store_map"] = {"bounds": box, "zoom": 9}
    at.run()
    with ClaimStore(big_store) as store:
        expected = store.count(
            StoreFilter(roles=("target",), precisions=store_map.MAP_PRECISIONS, bbox=(34.0, 36.0, 35.0, 37.5))
        )
    assert 0 < expected <= store_map.POINT_LIMIT
    payload = _map_payload(at)
    assert payload["kind"] == "points" and len(payload["rows"]) == expected


def test_a_missing_store_is_an_error_not_a_crash(monkeypatch, tmp_path: Path) -> None:
    at = _open(monkeypatch, tmp_path / "nowhere.sqlite")
    assert "no such claims store" in at.error[0].value


HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def test_article_text_reaches_the_map_as_data_never_as_markup(tmp_path: Path) -> None:
    feature = {
        "type": "Feature",
        "id": "x",
        "geometry": {"type": "Point", "coordinates": [36.7, 34.8]},
        "properties": {
            "side": "opposition", "claim_type": "civilians_killed", "role": "target", "precision": "point",
            "published": "2015-10-01", "place": HOSTILE, "speaker": HOSTILE, "evidence": HOSTILE,
            "article": "a.txt", "casualties": 3,
        },
    }  # fmt: skip
    payload = store_map.points_payload([feature], load_sides())
    assert payload["rows"][0][6] == HOSTILE  # kept as text: the browser puts it in with textContent
    html = store_map.build_store_map(payload, (35.0, 38.5), 7).get_root().render()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "innerHTML" not in html and "textContent" in html


@pytest.mark.parametrize(
    "state, expected",
    [
        (None, (store_map.SYRIA_CENTER, store_map.START_ZOOM, None)),
        ({"bounds": None, "zoom": 7}, (store_map.SYRIA_CENTER, store_map.START_ZOOM, None)),
        ({"bounds": {"_southWest": {"lat": 34, "lng": 36}, "_northEast": {"lat": 36, "lng": 40}}, "zoom": 8},
         ((35.0, 38.0), 8, (34.0, 36.0, 36.0, 40.0))),
        ({"bounds": {"_southWest": {"lat": "x"}}, "zoom": 8},
         (store_map.SYRIA_CENTER, store_map.START_ZOOM, None)),
    ],
)  # fmt: skip
def test_view_of_the_map_state(state, expected) -> None:
    assert store_map.view_of(state) == expected


def test_cells_sit_where_their_claims_are(tmp_path: Path) -> None:
    def point(i: int, lat: float, lon: float) -> dict:
        return {
            "type": "Feature", "id": f"f{i}", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"side": "russia", "claim_type": "is_hit", "role": "target", "precision": "point",
                           "published": "", "article": "a.txt", "evidence_start": i},
        }  # fmt: skip

    with ClaimStore(tmp_path / "s.sqlite") as store:
        features = (point(0, 35.01, 36.01), point(1, 35.03, 36.03), point(2, 33.5, 40.0))
        store.put([ArticleOutcome(Article("a.txt", "t", ""), features, ("russia",))], "v")
        cells = store.cells(StoreFilter(), store_map.cell_degrees(7))
    assert sorted((c.lat, c.lon, c.count) for c in cells) == [(33.5, 40.0, 1), (35.02, 36.02, 2)]


@pytest.mark.parametrize(
    "words, shown",
    [
        ("a governorate-wide claim at the governorate's centre", True),
        ("counted in a grid cell", True),
        ("dashed lines: governorate borders", True),
        ("hatched", False),  # the main map's governorate areas: the store map draws a point
        ("dashed circle", False),
        ("sit in a ring", False),
        ("dotted inferred", False),
        ("in the list beside the map", False),
    ],
)
def test_the_store_legend_explains_only_what_the_store_map_draws(
    monkeypatch, big_store: Path, words: str, shown: bool
) -> None:
    at = _open(monkeypatch, big_store)
    legend = next(str(e.proto.body) for e in at.get("html") if "Who claims it" in str(e.proto.body))
    assert (words in legend) is shown
