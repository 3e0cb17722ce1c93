"""The app in a real browser (Debian's headless Chromium), with every request off this machine aborted."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dashboard import browser

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parent / "fixtures" / "claims_small.geojson"
ARTIFACTS = Path(__file__).parent / "artifacts"
TARGETS_BELOW_COUNTRY = 11  # fixture claims drawn at first: target role, not country-level
TOWN_MARKERS = 7  # of those, claims about a town (the rest: 3 governorate claims, 1 region)


@pytest.fixture(scope="module")
def server():
    if not browser.CHROMIUM.exists():
        pytest.fail(f"{browser.CHROMIUM} is missing: `apt-get install -y chromium` (CI's .ci/run does)")
    from playwright.sync_api import sync_playwright

    with browser.serve(env={"CLAIMATLAS_GEOJSON": str(FIXTURE)}) as url, sync_playwright() as p:
        chromium = browser.launch(p)
        yield url, chromium
        chromium.close()


@pytest.fixture(scope="module")
def page(server):
    url, chromium = server
    blocked: list[str] = []
    dialogs: list[str] = []
    context = browser.offline_context(chromium, blocked, viewport={"width": 1400, "height": 1100})
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.blocked, page.dialogs = blocked, dialogs
    yield page
    context.close()


def test_map_draws_offline(page) -> None:
    frame, n = browser.wait_for_map(page, 0, TARGETS_BELOW_COUNTRY)
    assert n == TARGETS_BELOW_COUNTRY
    # Markers only for towns: the three governorate claims and "northern Homs" are areas.
    assert frame.locator(".leaflet-claimPoints-pane path.leaflet-interactive").count() == TOWN_MARKERS
    assert frame.locator(".leaflet-control-layers").count() == 1
    assert "Who claims it" in frame.locator(".ca-legend").inner_text()
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"))
    assert page.blocked == [], "the page asked another machine for something"


def test_injected_markup_stays_text(page) -> None:
    frame, _ = browser.wait_for_map(page, 0, TARGETS_BELOW_COUNTRY)
    # Open every popup: the injected <script>/<img onerror> must show as text and never run.
    frame.evaluate(
        "() => window.map.eachLayer(l => { if (l.feature && l.feature.properties.popup) { l.openPopup(); } })"
    )
    page.wait_for_timeout(500)
    assert frame.locator(".leaflet-popup-content img").count() == 0
    # Each tab is drawn when opened: the tables and the article view get the same text.
    for tab, drawn in (("Claims", "stDataFrame"), ("Articles", "stHtml")):
        page.get_by_role("tab", name=tab).click()
        page.get_by_test_id(drawn).first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    assert page.dialogs == []


def _download(page, button: str):
    """The file a download button gives. On a loaded machine a click can land while Streamlit reruns
    the script and swaps the button: that click is lost, so the file is asked for up to three times;
    it must come once."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(3):
        try:
            with page.expect_download(timeout=20_000) as info:
                page.get_by_role("button", name=button).click()
            return info.value
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def test_geojson_download_is_offered(page) -> None:
    page.get_by_role("tab", name="Map").click()
    browser.wait_for_map(page, 0, TARGETS_BELOW_COUNTRY)
    assert _download(page, "GeoJSON (shown)").suggested_filename == "claims_shown.geojson"


def test_switching_a_side_off_removes_its_claims(page) -> None:
    browser.wait_for_map(page, 0, TARGETS_BELOW_COUNTRY)
    page.get_by_test_id("stSidebar").get_by_text("United States", exact=True).click()
    expected = TARGETS_BELOW_COUNTRY - 4
    assert browser.count_claims(browser.wait_for_count(page, expected)) == expected


# --- the views of issue 11, each on a fresh page: precision, labels, time, dispute, state -------------


@pytest.fixture
def fresh(server):
    url, chromium = server
    blocked: list[str] = []
    context = browser.offline_context(chromium, blocked, viewport={"width": 1400, "height": 1100})
    page = context.new_page()
    page.goto(url)
    page.blocked = blocked
    frame, _ = browser.wait_for_map(page, 0, TARGETS_BELOW_COUNTRY)
    page.wait_for_timeout(300)
    yield page, frame
    assert blocked == [], "the page asked another machine for something"
    context.close()


def _shot(page, name: str, element=None) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (element or page).screenshot(path=str(ARTIFACTS / name))


def _shapes(frame) -> list[dict]:
    return frame.evaluate(
        """() => { const out = [];
        window.map.eachLayer(l => { const p = l.feature && l.feature.properties;
            if (p && p.popup) { out.push({shape: p.shape, n: p.n, label: p.label || "",
                                          fill: l.options.fillColor || "", pane: l.options.pane}); } });
        return out; }"""
    )


def test_governorates_are_hatched_areas_not_markers(fresh) -> None:
    page, frame = fresh
    shapes = _shapes(frame)
    markers = [s for s in shapes if s["pane"] == "claimPoints"]
    areas = [s for s in shapes if s["shape"] == "area"]
    assert len(markers) == TOWN_MARKERS and all(s["shape"] == "marker" for s in markers)
    # Homs governorate (two sides) and Hama governorate (one): three hatched polygons, two labels.
    assert len(areas) == 3
    assert all(s["fill"].startswith("url(#ca-hatch-") for s in areas)
    assert len({s["fill"] for s in areas}) == 3
    assert sorted(frame.locator(".ca-area-label").all_inner_texts()) == [
        "Hama Governorate",
        "Homs Governorate",
    ]
    assert [s["shape"] for s in shapes].count("circle") == 1  # "northern Homs": a dashed area
    # Country-only claims are in the tray beside the map, not on it.
    assert page.get_by_text("Country only (3)", exact=True).count() == 1
    assert page.locator(".ca-tray li").count() == 3
    frame.evaluate("() => window.map.setView([34.95, 37.1], 8, {animate: false})")
    page.wait_for_timeout(500)
    _shot(page, "precision.png")


def test_town_names_by_zoom(fresh) -> None:
    page, frame = fresh
    frame.evaluate("() => window.map.setView([34.88, 36.73], 6, {animate: false})")
    page.wait_for_timeout(300)
    assert "Tallbīsah" not in frame.locator(".ca-town").all_inner_texts()
    assert "Aleppo" in frame.locator(".ca-town").all_inner_texts()
    frame.evaluate("() => window.map.setView([34.88, 36.73], 10, {animate: false})")
    page.wait_for_timeout(500)
    names = frame.locator(".ca-town").all_inner_texts()
    assert {"Tallbīsah", "Ar Rastan", "Homs"} <= set(names)
    _shot(page, "labels_zoom10.png", page.locator("iframe").first)


def test_date_slider_replays_the_claims(fresh) -> None:
    page, _ = fresh
    replay = page.get_by_test_id("stSidebar").get_by_role("slider").nth(2)  # range (two thumbs), replay
    replay.focus()
    replay.press("ArrowLeft")  # back to 30 September: the claim of 1 October is not there yet
    frame = browser.wait_for_count(page, TARGETS_BELOW_COUNTRY - 1)
    assert browser.count_claims(frame) == TARGETS_BELOW_COUNTRY - 1
    page.wait_for_timeout(300)
    _shot(page, "time.png")
    replay.press("ArrowRight")
    browser.wait_for_count(page, TARGETS_BELOW_COUNTRY)


def test_place_card_lists_two_sides_within_10_km(fresh) -> None:
    page, _ = fresh
    page.get_by_role("tab", name="Side by side and dispute").click()
    box = page.get_by_test_id("stSelectbox").filter(has_text="Place card")
    box.click()
    page.get_by_role("option", name="Talbiseh", exact=False).first.click()
    card = page.locator(".ca-card")
    card.wait_for(timeout=30_000)
    page.wait_for_function("() => document.querySelector('.ca-card h4').textContent === 'Talbiseh'")
    heads = card.locator(".ca-col-head").all_inner_texts()
    assert {"Syrian opposition", "United States"} <= set(heads)
    assert "within 10 km" in card.inner_text()
    card.scroll_into_view_if_needed()
    _shot(page, "place_card.png")
    # the grid draws its cells after the card; wait for its row rather than count at once
    page.get_by_test_id("stDataFrame").filter(has_text="Talbiseh").first.wait_for(timeout=30_000)


def test_zoom_kept_after_a_filter_change(fresh) -> None:
    page, frame = fresh
    frame.evaluate("() => window.map.setView([34.84, 36.73], 10, {animate: false})")
    page.wait_for_timeout(500)
    page.get_by_test_id("stSidebar").get_by_text("Monitors", exact=True).click()
    frame = browser.wait_for_count(page, TARGETS_BELOW_COUNTRY - 1)
    page.wait_for_timeout(500)
    zoom, lat, lon = frame.evaluate(
        "() => [window.map.getZoom(), window.map.getCenter().lat, window.map.getCenter().lng]"
    )
    assert zoom == 10
    assert abs(lat - 34.84) < 0.01 and abs(lon - 36.73) < 0.01
    _shot(page, "zoom_kept.png")


def test_side_switches_drive_the_downloads(fresh) -> None:
    import csv
    import io
    import json

    page, frame = fresh
    # The layer control holds the basemap only: sides are switched in one place, the sidebar.
    control = frame.locator(".leaflet-control-layers").inner_text()
    assert "Russia" not in control and "Town names" in control
    page.get_by_test_id("stSidebar").get_by_text("United States", exact=True).click()
    browser.wait_for_count(page, TARGETS_BELOW_COUNTRY - 4)
    shown = json.loads(Path(_download(page, "GeoJSON (shown)").path()).read_text(encoding="utf-8"))[
        "features"
    ]
    assert shown and not any(f["properties"]["side"] == "us" for f in shown)
    rows = list(
        csv.DictReader(io.StringIO(Path(_download(page, "CSV (shown)").path()).read_text(encoding="utf-8")))
    )
    assert len(rows) == len(shown) and not any(r["side"] == "us" for r in rows)


def test_offline_tiles_are_said_on_the_map(fresh) -> None:
    page, frame = fresh
    frame.get_by_text("OpenStreetMap (online)").click()
    notice = frame.locator(".ca-tile-notice")
    notice.wait_for(timeout=15_000)
    assert "cannot load" in notice.inner_text()
    # Back on the offline basemap, with its radio button showing it.
    assert frame.get_by_label("Offline basemap").is_checked()
    _shot(page, "osm_offline.png", page.locator("iframe").first)
    # The only requests off this machine were the tiles the user asked for.
    assert page.blocked and all("tile.openstreetmap.org" in u for u in page.blocked)
    page.blocked.clear()


def test_two_maps_on_request(fresh) -> None:
    page, _ = fresh
    assert len(browser.map_frames(page)) == 1  # the pair is not drawn until asked for
    page.get_by_role("tab", name="Side by side and dispute").click()
    page.get_by_text("Show two maps that pan and zoom together").click()
    # The campaign's side (the registry's: Russia, 1 region claim) on the left, the side with most
    # claims on the right (the United States, 4); the main map is in the closed Map tab, so the pair is
    # the page's only map frame.
    frame = browser.wait_for_count(page, 5, index=0)
    assert len(browser.map_frames(page)) == 1 and browser.count_claims(frame) == 5
    pair = page.locator("iframe").last
    pair.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    _shot(page, "pair.png", pair)


def test_claims_table_view(fresh) -> None:
    page, _ = fresh
    page.get_by_role("tab", name="Claims").click()
    grid = page.get_by_test_id("stDataFrame").first
    grid.wait_for(timeout=30_000)
    page.wait_for_timeout(800)
    _shot(page, "claims_table.png")


def test_articles_view(fresh) -> None:
    page, _ = fresh
    page.get_by_role("tab", name="Articles").click()
    page.locator(".ca-article").first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    _shot(page, "articles.png")


def test_store_map_counts_cells_in_numbered_rings_and_stays_still(server, tmp_path_factory) -> None:
    """A store bigger than the point limit opens on one numbered ring per grid cell, and the page then
    stays still: it used to redraw its map without end, the view drifting south."""
    from dashboard.store_map import DRAWN_JS, OPENING_VIEW, POINT_LIMIT
    from dashboard.synth import synthetic_store
    from geo.store import ClaimStore

    _, chromium = server
    store = tmp_path_factory.mktemp("store") / "claims.sqlite"
    synthetic_store(POINT_LIMIT + 500, store)
    with ClaimStore(store, create=False) as opened:
        expected = opened.count(OPENING_VIEW)
    with browser.serve(env={"CLAIMATLAS_STORE": str(store)}) as url:
        blocked: list[str] = []
        context = browser.offline_context(chromium, blocked, viewport={"width": 1400, "height": 1100})
        page = context.new_page()
        maps_sent: list[float] = []  # a rerun sends the whole map again
        page.on(
            "websocket",
            lambda ws: ws.on(
                "framereceived", lambda d: maps_sent.append(time.monotonic()) if len(d) > 10_000 else None
            ),
        )
        page.goto(url)
        page.wait_for_function(
            "() => [...document.querySelectorAll('iframe')].some(f => f.contentWindow.caStoreDrawn > 0)",
            timeout=60_000,
        )
        page.wait_for_timeout(2000)  # the map reports its view once, which may draw it once more
        settled = time.monotonic()
        page.wait_for_timeout(3000)
        assert [t for t in maps_sent if t > settled] == [], "the page kept redrawing its map"
        frame = browser.map_frames(page)[0]
        assert frame.evaluate(DRAWN_JS) == expected
        rings = frame.locator(".ca-cell")
        assert rings.count() > 1
        assert sum(int(t) for t in rings.all_inner_texts()) == expected  # every claim in some ring
        _shot(page, "store.png")
        assert blocked == []
        context.close()
