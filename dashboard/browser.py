"""Drive the running app in headless Chromium, offline: shared by the browser test and the benchmark.

Chromium is Debian's (/usr/bin/chromium): Playwright cannot download its own browser here. Every request
that does not go to this machine is aborted, so a map that draws has loaded nothing from the internet.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard" / "app.py"
CHROMIUM = Path(os.environ.get("CLAIMATLAS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

# Claims drawn by Leaflet in a map frame: the claims (`n`) of each shape with a popup (see
# mapping.ClaimLayer: a governorate's polygon stands for all of one side's claims about it).
COUNT_CLAIMS_JS = """
() => {
    if (!window.map) { return -1; }
    let n = 0;
    const maps = [window.map];
    if (window.map_div2 && window.map_div2.eachLayer) { maps.push(window.map_div2); }
    for (const m of maps) {
        m.eachLayer(l => {
            const p = l.feature && l.feature.properties;
            if (p && p.popup) { n += p.n || 1; }
        });
    }
    return n;
}
"""


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(env: Mapping[str, str] | None = None, timeout: float = 60.0) -> Iterator[str]:
    """Run `streamlit run dashboard/app.py` on a free local port; yields its URL, stops it afterwards."""
    port = free_port()
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                out = proc.stdout.read() if proc.stdout else ""
                raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{out}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not answer on {url} within {timeout:.0f} s")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def require_chromium() -> Path:
    if not CHROMIUM.exists():
        raise RuntimeError(
            f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install -y chromium`); "
            "Playwright cannot download its own browser here"
        )
    return CHROMIUM


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=str(require_chromium()), args=CHROMIUM_ARGS)


def offline_context(browser: Any, blocked: list[str], **kwargs: Any) -> Any:
    """A browser context in which every request to another machine is aborted (and recorded in `blocked`)."""
    context = browser.new_context(**kwargs)

    def route(r: Any) -> None:
        host = urlparse(r.request.url).hostname or ""
        if r.request.url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return context


def map_frames(page: Any) -> list[Any]:
    """The streamlit-folium frames of the page, in document order (the main map first)."""
    frames = []
    for handle in page.query_selector_all("iframe"):
        frame = handle.content_frame()
        if frame is not None and "streamlit_folium" in frame.url:
            frames.append(frame)
    return frames


def count_claims(frame: Any) -> int:
    try:
        return int(frame.evaluate(COUNT_CLAIMS_JS))
    except Exception:  # a frame that is being replaced
        return -1


def _wait(page: Any, index: int, done: Callable[[int], bool], want: str, timeout: float) -> tuple[Any, int]:
    deadline = time.monotonic() + timeout
    last = -1
    while time.monotonic() < deadline:
        frames = map_frames(page)
        if len(frames) > index:
            last = count_claims(frames[index])
            if done(last):
                return frames[index], last
        page.wait_for_timeout(100)
    raise TimeoutError(f"map {index} drew {last} claims, expected {want}, within {timeout:.0f} s")


def wait_for_map(page: Any, index: int = 0, minimum: int = 1, timeout: float = 60.0) -> tuple[Any, int]:
    """Wait until map frame `index` has drawn at least `minimum` claims; returns (frame, count)."""
    return _wait(page, index, lambda n: n >= minimum, f"at least {minimum}", timeout)


def wait_for_count(page: Any, expected: int, index: int = 0, timeout: float = 30.0) -> Any:
    """Wait until map frame `index` (redrawn after a rerun) draws exactly `expected` claims; returns it."""
    return _wait(page, index, lambda n: n == expected, str(expected), timeout)[0]
