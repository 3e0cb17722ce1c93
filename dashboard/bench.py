"""Time from opening the page to a drawn map, in headless Chromium with the network cut off.

`python -m dashboard.bench` measures the seed corpus (through the pipeline, first and second load), a
synthetic 10,000-claim GeoJSON, and claims stores of 10,000 and 100,000 synthetic claims
(`CLAIMATLAS_STORE`); `--geojson FILE` measures any claims file. Figures, not a test.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dashboard import browser
from dashboard.sources import ENV_GEOJSON


def time_page(env: dict[str, str], minimum: int, loads: int = 2, timeout: float = 900.0) -> list[float]:
    """Seconds from page.goto to `minimum` claims drawn in the main map, for each of `loads` page loads."""
    return _time_loads(env, lambda page: browser.wait_for_map(page, 0, minimum, timeout=timeout), loads)


def time_store_page(store: Path, loads: int = 2, timeout: float = 900.0) -> list[float]:
    """Seconds from page.goto to the store's opening view drawn (every claim in a point or a cell)."""
    from dashboard.store_map import OPENING_VIEW
    from dashboard.store_view import ENV_STORE
    from geo.store import ClaimStore

    with ClaimStore(store, create=False) as opened:
        expected = opened.count(OPENING_VIEW)

    def wait(page: Any) -> None:
        start = time.perf_counter()
        while _drawn(page) < expected:
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{store}: the map did not draw {expected} claims in {timeout:.0f} s")
            page.wait_for_timeout(50)

    return _time_loads({ENV_STORE: str(store)}, wait, loads)


def _time_loads(env: dict[str, str], wait: Callable[[Any], object], loads: int) -> list[float]:
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
            wait(page)
            times.append(time.perf_counter() - start)
            context.close()
        chromium.close()
    if blocked:
        print(f"  (blocked {len(blocked)} requests to other machines, e.g. {blocked[0]})")
    return times


def _drawn(page: object) -> int:
    from dashboard.store_map import DRAWN_JS

    frames = browser.map_frames(page)
    try:
        return int(frames[0].evaluate(DRAWN_JS)) if frames else -1
    except Exception:  # a frame that is being replaced
        return -1


def bench_stores(sizes: Sequence[int]) -> dict[str, list[float]]:
    from dashboard.synth import synthetic_store

    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"synthetic_{n}.sqlite"
            synthetic_store(n, path)
            results[f"claims store, {n} synthetic claims"] = time_store_page(path)
    return results


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
    parser.add_argument(
        "--stores", type=int, nargs="*", default=[10_000, 100_000], help="claims-store sizes to measure"
    )
    parser.add_argument("--only-stores", action="store_true", help="measure only the claims stores")
    args = parser.parse_args(argv)
    results = {} if args.only_stores else bench(args.geojson, args.n, corpus=not args.no_corpus)
    results.update(bench_stores(args.stores))
    for case, times in results.items():
        print(f"{case}: first load {times[0]:.1f} s, next load {times[-1]:.1f} s")


if __name__ == "__main__":
    main()
