"""Time from opening the page to a drawn map, in headless Chromium with the network cut off.

`python -m dashboard.bench` measures the seed corpus (through the pipeline, first and second load) and
a synthetic 10,000-claim GeoJSON; `--geojson FILE` measures any claims file. Figures, not a test.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from dashboard import browser
from dashboard.sources import ENV_GEOJSON


def time_page(env: dict[str, str], minimum: int, loads: int = 2, timeout: float = 900.0) -> list[float]:
    """Seconds from page.goto to `minimum` claims drawn in the main map, for each of `loads` page loads."""
    from playwright.sync_api import sync_playwright

    times = []
    with browser.serve(env=env) as url, sync_playwright() as p:
        chromium = browser.launch(p)
        blocked: list[str] = []
        for _ in range(loads):
            context = browser.offline_context(chromium, blocked, viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            start = time.perf_counter()
            page.goto(url)
            browser.wait_for_map(page, 0, minimum, timeout=timeout)
            times.append(time.perf_counter() - start)
            context.close()
        chromium.close()
    if blocked:
        print(f"  (blocked {len(blocked)} requests to other machines, e.g. {blocked[0]})")
    return times


def bench(geojson: Path | None = None, n: int = 10_000, corpus: bool = True) -> dict[str, list[float]]:
    """The figures, by case: each a list of page-load times (the first includes building the caches)."""
    results: dict[str, list[float]] = {}
    if corpus:
        results["seed corpus (pipeline)"] = time_page({ENV_GEOJSON: ""}, minimum=1)
    with tempfile.TemporaryDirectory() as tmp:
        if geojson is None:
            from dashboard.synth import synthetic_collection

            geojson = Path(tmp) / f"synthetic_{n}.geojson"
            geojson.write_text(json.dumps(synthetic_collection(n)), encoding="utf-8")
        features = json.loads(geojson.read_text(encoding="utf-8"))["features"]
        shown = sum(
            1
            for f in features
            if f["properties"]["role"] == "target" and f["properties"]["precision"] != "country"
        )
        results[f"{geojson.name} ({len(features)} claims, {shown} drawn)"] = time_page(
            {ENV_GEOJSON: str(geojson)}, minimum=shown
        )
    return results


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m dashboard.bench", description=__doc__)
    parser.add_argument("--geojson", type=Path, help="a claims GeoJSON instead of the synthetic one")
    parser.add_argument("-n", type=int, default=10_000, help="size of the synthetic GeoJSON")
    parser.add_argument("--no-corpus", action="store_true", help="skip the seed corpus (spaCy load is slow)")
    args = parser.parse_args(argv)
    for case, times in bench(args.geojson, args.n, corpus=not args.no_corpus).items():
        print(f"{case}: first load {times[0]:.1f} s, next load {times[-1]:.1f} s")


if __name__ == "__main__":
    main()
