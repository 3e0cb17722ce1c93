"""A hostile claims GeoJSON opened in the real app (headless Chromium, every request off this machine
aborted): markup in any field stays text, so no dialog ever opens; bad features are listed by name and
the good ones drawn (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import BAD_FEATURES, HOSTILE_GOOD, MARKDOWN_SIDE, SCRIPT_SIDE, hostile_collection

from dashboard import browser

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"
TARGETS_BELOW_COUNTRY = 11 + HOSTILE_GOOD  # the fixture's, plus the two hostile copies of a town claim
OPEN_EVERYTHING_JS = """
() => window.map.eachLayer(l => {
    if (l.feature && l.feature.properties.popup) { l.openPopup(); }
    if (l.feature && l.feature.properties.tip) { l.openTooltip(); }
})
"""


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.geojson"
    path.write_text(json.dumps(hostile_collection()), encoding="utf-8")
    return path


def test_hostile_geojson_runs_no_script(hostile_file: Path) -> None:
    if not browser.CHROMIUM.exists():
        pytest.fail(f"{browser.CHROMIUM} is missing: `apt-get install -y chromium` (CI's .ci/run does)")
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    dialogs: list[str] = []
    with browser.serve(env={"CLAIMATLAS_GEOJSON": str(hostile_file)}) as url, sync_playwright() as p:
        chromium = browser.launch(p)
        try:
            context = browser.offline_context(chromium, blocked, viewport={"width": 1400, "height": 1100})
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(url)
            frame, drawn = browser.wait_for_map(page, 0, TARGETS_BELOW_COUNTRY)
            assert drawn == TARGETS_BELOW_COUNTRY

            # The unknown side is named by its id, as text: in the sidebar's switches and in its popups.
            assert SCRIPT_SIDE in page.get_by_test_id("stSidebar").inner_text()
            assert frame.locator(".leaflet-control-layers img").count() == 0

            frame.evaluate(OPEN_EVERYTHING_JS)
            page.wait_for_timeout(500)
            assert frame.locator(".leaflet-popup-content img, .leaflet-tooltip img, svg[onload]").count() == 0
            # Each tab is drawn when opened; back on the map, its frame is a new one: open it all again.
            for tab in ("Side by side", "Claims", "Articles", "Map"):
                page.get_by_role("tab", name=tab).click()
                page.wait_for_timeout(1500)
            frame, _ = browser.wait_for_map(page, 0, TARGETS_BELOW_COUNTRY)
            frame.evaluate(OPEN_EVERYTHING_JS)
            assert frame.locator(".leaflet-popup-content img, .leaflet-tooltip img, svg[onload]").count() == 0
            assert SCRIPT_SIDE in frame.locator(".leaflet-popup-pane").inner_text()
            first_bad = 17 + HOSTILE_GOOD + 1
            assert f"hostile.geojson, feature {first_bad} (claim 'bad-1'): Point coord" in page.inner_text(
                "body"
            )
            # Sidebar labels are Markdown: a side named like an image is shown as text, not fetched.
            sidebar = page.get_by_test_id("stSidebar")
            assert MARKDOWN_SIDE in sidebar.inner_text() and sidebar.locator("img").count() == 0
            for n in range(1, len(BAD_FEATURES) + 1):
                assert f"(claim 'bad-{n}')" in page.inner_text("body")
            page.wait_for_timeout(1000)  # time for an onerror to fire, were there an <img>
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)
        finally:
            chromium.close()
    assert dialogs == [], f"a script from the file ran: {dialogs}"
    assert blocked == [], "the page asked another machine for something"
