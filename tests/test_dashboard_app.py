"""The app's page logic through Streamlit's AppTest, on the fixture GeoJSON (and once on the real corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.views import plain_markdown

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
FIXTURE = Path(__file__).parent / "fixtures" / "claims_small.geojson"


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("CLAIMATLAS_GEOJSON", str(FIXTURE))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def _open(at: AppTest, tab: str) -> AppTest:
    at.session_state["tab"] = tab
    at.run()
    assert not at.exception, at.exception
    return at


def _claims_rows(at: AppTest) -> int:
    _open(at, "Claims")
    table = next(d for d in at.dataframe if "claim_id" in d.value.columns)
    return len(table.value)


@pytest.mark.parametrize(
    "tab, tables, maps",
    [
        ("Map", 0, 1),  # the page opens on the map: no table is built or sent
        ("Side by side and dispute", 1, 0),  # the contested table; the two maps wait for their switch
        ("Claims", 1, 0),
        ("Articles", 0, 0),
    ],
)
def test_only_the_open_tab_runs(app: AppTest, tab: str, tables: int, maps: int) -> None:
    _open(app, tab)
    assert len(app.dataframe) == tables
    assert len(app.get("component_instance")) == maps


def test_opens_on_the_geojson_without_errors(app: AppTest) -> None:
    assert not app.error
    assert app.title[0].value == "ClaimAtlas"
    assert "14 of 17 claims shown" in app.caption[0].value  # context mentions off by default
    assert app.multiselect(key="roles").value == ["target"]
    assert _claims_rows(app) == 14


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda at: at.checkbox(key="side_russia").uncheck(), 10),
        (lambda at: at.multiselect(key="roles").set_value(["target", "context"]), 17),
        (lambda at: at.multiselect(key="bases").set_value(["explicit", "sentence"]), 10),
        (lambda at: at.multiselect(key="claim_types").set_value(["civilians_killed"]), 2),
        (lambda at: at.multiselect(key="prec").set_value(["point"]), 7),
        (lambda at: _open(at, "Claims").text_input(key="search").input("khoja"), 2),
    ],
)
def test_filters_change_the_table(app: AppTest, change, expected: int) -> None:
    change(app)
    app.run()
    assert not app.exception, app.exception
    assert _claims_rows(app) == expected


def test_contested_places_table(app: AppTest) -> None:
    _open(app, "Side by side and dispute")
    table = next(d for d in app.dataframe if "Sides" in d.value.columns)
    assert {"Homs Governorate", "Talbiseh"} <= set(table.value["Place"])


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda at: at.select_slider(key="replay_2015-09-30_2015-10-01").set_value("2015-09-30"), 13),
        (lambda at: at.select_slider(key="date_range").set_value(("2015-10-01", "2015-10-01")), 1),
        (lambda at: at.slider(key="min_conf").set_value(0.7), 7),
    ],
)
def test_time_and_confidence_filters(app: AppTest, change, expected: int) -> None:
    change(app)
    app.run()
    assert not app.exception, app.exception
    assert _claims_rows(app) == expected


def test_bad_geojson_is_an_error_not_a_crash(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "Feature"}')
    monkeypatch.setenv("CLAIMATLAS_GEOJSON", str(bad))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert "not a GeoJSON FeatureCollection" in at.error[0].value


def test_upload_source_states_its_limits(app: AppTest) -> None:
    app.radio(key="source").set_value("Your articles")
    app.run()
    assert not app.exception
    assert any("Up to 20 files, 2 MB each" in c.value for c in app.sidebar.caption)


@pytest.mark.realdata
def test_opens_on_the_real_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMATLAS_GEOJSON", raising=False)
    at = AppTest.from_file(APP, default_timeout=600)
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert plain_markdown("bundled corpus (5 articles)") in at.caption[0].value
    # The seeds carry no date (no metadata; one page's stamp is furniture): the page says so.
    assert plain_markdown("claims has a date") in at.caption[0].value
    assert any("no date filter" in c.value for c in at.sidebar.caption)
    assert _claims_rows(at) > 0


def test_caption_names_the_registrys_campaign(app: AppTest) -> None:
    from geo.registry import load_registry

    caption = app.caption[0].value
    assert plain_markdown(load_registry().campaign + ": who says the strikes hit where") in caption
    assert "Russia's air strikes of 30 September" not in caption  # no campaign written into the code
    assert "no date" not in caption  # every fixture claim has a day


@pytest.mark.parametrize(
    "source, store_box",
    [
        (None, False),  # the page opens on its data: no store box above the choice
        ("A claims store", True),  # the store's path is asked for once the store is chosen
    ],
)
def test_the_data_choice_comes_first(app: AppTest, source: str | None, store_box: bool) -> None:
    if source:
        app.radio(key="source").set_value(source)
        app.run()
        assert not app.exception, app.exception
    assert app.sidebar.header[0].value == "Data"
    assert ("store_path" in [t.key for t in app.sidebar.text_input]) is store_box


@pytest.mark.parametrize("tab", ["Claims", "Side by side and dispute"])
def test_missing_figures_are_blank_cells(app: AppTest, tab: str) -> None:
    _open(app, tab)
    table = app.dataframe[0]
    if tab == "Claims":
        assert table.value["casualties"].isna().any()  # claims with no figure: a blank, not "None"
    assert table.proto.HasField("placeholder") and table.proto.placeholder == ""


def test_no_governorate_column_when_no_claim_names_one(app: AppTest) -> None:
    """The fixture predates admin1_name: its table has no column of blanks for it."""
    _open(app, "Claims")
    assert "admin1_name" not in app.dataframe[0].proto.column_order
    assert "place" in app.dataframe[0].proto.column_order
