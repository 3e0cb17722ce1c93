"""The app in a real browser (Debian's headless Chromium), with every request off this machine aborted."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import browser

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parent / "fixtures" / "claims_small.geojson"
ARTIFACTS = Path(__file__).parent / "artifacts"
TARGETS_BELOW_COUNTRY = 11  # fixture claims drawn at first: target role, not country-level
TOWN_MARKERS = 7  # of those, claims about a town (the rest: 3 governorate claims, 1 region)


@pytest.fixture(scope="module")
def page():
    if not browser.CHROMIUM.exists():
        pytest.fail(f"{browser.CHROMIUM} is missing: `apt-get install -y chromium` (CI's .ci/run does)")
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    dialogs: list[str] = []
    with browser.serve(env={"CLAIMATLAS_GEOJSON": str(FIXTURE)}) as url, sync_playwright() as p:
        chromium = browser.launch(p)
        context = browser.offline_context(chromium, blocked, viewport={"width": 1400, "height": 1100})
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        page.blocked, page.dialogs = blocked, dialogs
        yield page
        chromium.close()


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
    page.get_by_role("tab", name="Claims").click()
    page.get_by_role("tab", name="Articles").click()
    page.wait_for_timeout(1000)
    assert frame.locator(".leaflet-popup-content img").count() == 0
    assert page.dialogs == []


def test_geojson_download_is_offered(page) -> None:
    page.get_by_role("tab", name="Map").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="GeoJSON (shown)").click()
    assert info.value.suggested_filename == "claims_shown.geojson"


def test_switching_a_side_off_removes_its_claims(page) -> None:
    browser.wait_for_map(page, 0, TARGETS_BELOW_COUNTRY)
    page.get_by_test_id("stSidebar").get_by_text("United States", exact=True).click()
    expected = TARGETS_BELOW_COUNTRY - 4
    page.wait_for_function(
        "n => [...document.querySelectorAll('iframe')].length > 0", arg=expected, timeout=30_000
    )
    deadline_frames = 0
    while deadline_frames < 300:
        frames = browser.map_frames(page)
        if frames and browser.count_claims(frames[0]) == expected:
            break
        page.wait_for_timeout(100)
        deadline_frames += 1
    assert browser.count_claims(browser.map_frames(page)[0]) == expected
